import { readFileSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';

/** Sharing, export and import (issue "teaching, outreach and sharing"). */

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** A small shared state: 20 000 events, seed 7, two cuts, a custom box, event 5 selected, side view. */
const SHARED =
  '/#setup=na64e&events=20000&seed=7&beamEnergyGeV=100&hadronFraction=0.005&ecalLayers=150&hcalModules=4' +
  '&vetoThresholdMeV=4&hcal0ThresholdGeV=1&pileup=1&cuts=2&box=0,40,0,2&nOnTarget=5e11&event=5&camera=side&lang=en&regions=1';

async function waitForRun(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('box-raw')).toBeVisible();
}

async function waitForEvent(page: Page, index: number) {
  await expect(page.getByTestId('event-info')).toContainText(`Event #${index}`, { timeout: 30_000 });
}

/** Click an export button and return the downloaded file's name and bytes. */
async function exportFile(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  // One more click if no download started within 30 s (a lost click on a shared 2-core machine);
  // what the page showed is printed, so that a real fault is visible in the log.
  for (let attempt = 1; ; attempt++) {
    if ((await page.getByTestId('export-menu').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('export-menu').click();
    const download = page.waitForEvent('download', { timeout: 30_000 }).catch(() => null);
    const click = page.getByTestId(testId).click({ timeout: 30_000 }).then(() => 'clicked', (e: Error) => `click failed: ${e.message.split('\n')[0]}`);
    const dl = await download;
    const clicked = await click;
    if (dl) return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
    const state = await exportState(page, testId);
    if (attempt >= 2) throw new Error(`no download from ${testId} (${clicked}); page: ${state}`);
    console.log(`warning: no download from ${testId} after 30 s (${clicked}); page: ${state}; clicking again`);
  }
}

/** What the page shows around an export (for the log when a download does not start). */
async function exportState(page: Page, testId: string): Promise<string> {
  const button = page.getByTestId(testId);
  const present = (await button.count()) > 0;
  const error = page.getByTestId('export-error');
  return JSON.stringify({
    run: await page.getByTestId('run-status').getAttribute('data-status'),
    menuOpen: await page.getByTestId('export-menu').getAttribute('aria-expanded'),
    button: present ? { disabled: await button.isDisabled(), busy: await button.getAttribute('aria-busy') } : 'absent',
    error: (await error.count()) > 0 ? await error.innerText() : null,
  });
}

/** Raw count of cut-flow row `i` (digits only: the grouping depends on the language). */
async function cutFlowRaw(page: Page, i: number): Promise<number> {
  const t = await page.getByTestId(`cutflow-row-${i}`).locator('td').nth(1).innerText();
  return Number(t.replace(/[^\d]/g, ''));
}

/** One parameter of the address bar's hash. */
function hashParam(page: Page, key: string): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);
}

async function setField(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press('Enter');
}

/** Press "Copy link" and return the copied link (the page's context must allow the clipboard). */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveText('Link copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Open a link in a fresh browser context (no stored settings: only the link decides). */
async function openFresh(browser: Browser, link: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.log('pageerror (receiver):', e.message));
  await p.goto(link);
  return p;
}

function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
});

test('a shared link reproduces the state: parameters, cuts, box, selected event, camera', async ({ page }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  await expect(page.getByTestId('input-seed')).toHaveValue('7');
  await expect(page.getByTestId('input-events')).toHaveValue('20000');
  expect(Number(await page.getByTestId('box-xmax').inputValue())).toBe(40);
  expect(Number(await page.getByTestId('box-ymax').inputValue())).toBe(2);
  await expect(page.getByTestId('camera-side')).toHaveAttribute('aria-pressed', 'true');
  // the event is selected again and re-simulated in detail
  await expect(page.getByTestId('selection-ring')).toBeVisible({ timeout: 30_000 });
  await waitForEvent(page, 5);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  // the address bar keeps the whole state
  await expect.poll(() => page.url()).toContain('event=5');
  const url = new URL(page.url());
  const h = new URLSearchParams(url.hash.slice(1));
  expect(h.get('seed')).toBe('7');
  expect(h.get('cuts')).toBe('2');
  expect(h.get('box')).toBe('0,40,0,2');
  expect(h.get('nOnTarget')).toBe('5e11');
  expect(h.get('camera')).toBe('side');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SHOTS}/share-01-shared-link.png`, fullPage: true });

  // moving the box edge updates the URL (throttled replaceState)
  await page.getByTestId('box-xmax').fill('33');
  await page.getByTestId('box-xmax').press('Enter');
  await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('box')).toBe('0,33,0,2');

  // the same link in a fresh page gives the same counts
  const raw = await page.getByTestId('box-raw').innerText();
  const link = page.url();
  const page2 = await page.context().newPage();
  await page2.goto(link);
  await waitForRun(page2);
  await expect(page2.getByTestId('box-raw')).toHaveText(raw);
  await waitForEvent(page2, 5);
  await page2.close();
});

test('Copy link copies the link, or shows it in a field without clipboard', async ({ page, context }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  // no clipboard permission: the link is shown in a text field
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('share-link-field');
  await expect(field).toBeVisible();
  const shown = await field.inputValue();
  expect(shown).toContain('#setup=na64e');
  expect(shown).toContain('seed=7');
  await page.screenshot({ path: `${SHOTS}/share-02-link-field.png` });

  // with the clipboard
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.reload();
  await waitForRun(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('seed=7');
  expect(copied).toContain('box=0,40,0,2');
});

test('a tampered link shows a notice and the defaults, and never breaks the page', async ({ page }) => {
  await page.goto('/#setup=na64e&seed=abc&events=-5&box=9,1,0,1&camera=fisheye&cuts=2');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('replaced by defaults');
  for (const f of ['seed', 'events', 'box', 'camera']) await expect(notice.locator(`li[data-field="${f}"]`)).toBeVisible();
  await expect(notice.locator('li[data-field="seed"]')).toContainText("got 'abc'");
  await expect(notice.locator('li[data-field="seed"]')).toContainText('used the default 1');
  await waitForRun(page);
  await expect(page.getByTestId('input-seed')).toHaveValue('1');
  await expect(page.getByTestId('input-events')).toHaveValue('100000');
  expect(Number(await page.getByTestId('box-xmax').inputValue())).toBe(50);
  await expect(page.getByTestId('camera-overview')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: `${SHOTS}/share-03-tampered-link.png`, fullPage: true });
  // the URL now holds the corrected state
  await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('seed')).toBe('1');
  await page.getByTestId('url-notice-dismiss').click();
  await expect(notice).toHaveCount(0);
});

test('tampered sensitivity fields are listed in the notice and replaced by defaults', async ({ page }) => {
  await page.goto(`${SHARED}&tab=sensitivity&massMeV=-3&coupling=0.001&limit=bayes&observed=4&curve=y&signal=zprime,50,0.001,0.1`);
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  for (const f of ['massMeV', 'limit', 'observed', 'signal']) await expect(notice.locator(`li[data-field="${f}"]`)).toBeVisible();
  await expect(notice.locator('li[data-field="limit"]')).toContainText(/bayes.*cls/);
  await expect(notice.locator('li[data-field="massMeV"]')).toContainText('20');
  await waitForRun(page);
  // the valid fields are applied, the invalid ones are the defaults; the run has no signal
  await expect(page.getByTestId('sensitivity-panel')).toBeVisible();
  await expect(page.getByTestId('sens-mass')).toHaveValue('20');
  await expect(page.getByTestId('sens-coupling')).toHaveValue('0.001');
  await expect(page.getByTestId('sens-method')).toHaveValue('cls');
  await expect(page.getByTestId('sens-observed')).toHaveValue('expected');
  await expect(page.getByTestId('curve-y')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('signal-enable')).not.toBeChecked();
  await expect.poll(() => hashParam(page, 'limit')).toBe('cls');
  expect(hashParam(page, 'signal')).toBe('none');
  await page.screenshot({ path: `${SHOTS}/share-15-tampered-sensitivity.png`, fullPage: true });
});

test('every export downloads a file that reads back', async ({ page }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  await waitForEvent(page, 5);
  await page.getByTestId('export-menu').click();
  await page.screenshot({ path: `${SHOTS}/share-04-export-menu.png` });

  // plot as SVG: well-formed XML with the axis labels
  const svg = await exportFile(page, 'export-svg');
  expect(svg.name).toBe('na64e-seed7-20000ev-hermeticity.svg');
  writeFileSync(`${SHOTS}/share-export.svg`, svg.bytes);
  const svgCheck = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.nodeName,
      x: doc.querySelector('[data-axis="x"]')?.textContent ?? '',
      y: doc.querySelector('[data-axis="y"]')?.textContent ?? '',
      rects: doc.querySelectorAll('[data-layer="density"] rect').length,
    };
  }, svg.bytes.toString('utf8'));
  expect(svgCheck.error).toBe(0);
  expect(svgCheck.root).toBe('svg');
  expect(svgCheck.x).toBe('EECAL [GeV]');
  expect(svgCheck.y).toContain('EHCAL [GeV]');
  expect(svgCheck.rects).toBeGreaterThan(10);

  // plot as PNG at 3840 × 2160
  const png = await exportFile(page, 'export-png');
  expect(png.name).toBe('na64e-seed7-20000ev-hermeticity-3840x2160.png');
  expect(pngSize(png.bytes)).toEqual({ width: 3840, height: 2160 });
  writeFileSync(`${SHOTS}/share-export-plot-4k.png`, png.bytes);

  // 3D view as PNG, the canvas's size
  const scene = await exportFile(page, 'export-3d-png');
  expect(scene.name).toBe('na64e-seed7-20000ev-3d-event5.png');
  const canvas = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="scene3d"] canvas')!;
    return { width: c.width, height: c.height };
  });
  expect(pngSize(scene.bytes)).toEqual(canvas);
  expect(scene.bytes.length).toBeGreaterThan(5000); // not a blank image
  writeFileSync(`${SHOTS}/share-export-3d.png`, scene.bytes);

  // run as CSV (CLI format)
  const csv = await exportFile(page, 'export-csv');
  expect(csv.name).toBe('na64e-seed7-20000ev.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('eventIndex,process,weight,pInGeV,eEcalGeV,eHcalGeV,eVetoGeV,eSrdGeV,passesCuts');
  expect(lines.length).toBe(20001);
  expect(lines[1]).toMatch(/^0,[a-z-]+,/);

  // run as Arrow
  const arrow = await exportFile(page, 'export-arrow');
  expect(arrow.name).toBe('na64e-seed7-20000ev.arrow');
  const table = tableFromIPC(new Uint8Array(arrow.bytes));
  expect(table.numRows).toBe(20000);
  expect(table.schema.fields.map((f) => f.name)).toEqual(
    expect.arrayContaining(['eventIndex', 'process', 'processLabel', 'weight', 'eEcalGeV', 'eHcalGeV', 'cutBits', 'passesCuts']),
  );
  expect(String(table.schema.fields.find((f) => f.name === 'eEcalGeV')!.type)).toBe('Float32');
  expect(JSON.parse(table.schema.metadata.get('params')!).seed).toBe(7);
  // the same numbers as the CSV (4 decimals there)
  const row5 = lines[6].split(',');
  expect(Number(row5[4])).toBeCloseTo(table.getChild('eEcalGeV')!.get(5) as number, 3);

  // event as Phoenix JSON
  const phoenix = await exportFile(page, 'export-phoenix');
  expect(phoenix.name).toBe('na64e-seed7-20000ev-event5.phoenix.json');
  const pj = JSON.parse(phoenix.bytes.toString('utf8'));
  const ev = pj['NA64e seed 7 event 5'];
  expect(ev['event number']).toBe(5);
  expect(ev['run number']).toBe(7);
  const tracks = Object.values(ev.Tracks as Record<string, { pos: number[][] }[]>).flat();
  expect(tracks.length).toBeGreaterThan(0);
  expect(tracks[0].pos[0]).toHaveLength(3);
  const cells = Object.values(ev.PlanarCaloCells as Record<string, { plane: number[]; cells: { energy: number }[] }>).flatMap((c) => c.cells);
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.every((c) => c.energy >= 0)).toBe(true);
  writeFileSync(`${SHOTS}/share-export-event.phoenix.json`, phoenix.bytes);

  // histogram as ROOT JSON
  const root = await exportFile(page, 'export-root');
  expect(root.name).toBe('na64e-seed7-20000ev-hermeticity-TH2D.json');
  const h = JSON.parse(root.bytes.toString('utf8'));
  expect(h._typename).toBe('TH2D');
  expect(h.fXaxis._typename).toBe('TAxis');
  expect(h.fArray).toHaveLength((h.fXaxis.fNbins + 2) * (h.fYaxis.fNbins + 2));
  expect(h.fNcells).toBe(h.fArray.length);
  // two cuts applied: the histogram holds the events passing them (cut-flow row 2)
  expect(h.fEntries).toBe(await cutFlowRaw(page, 2));
  expect(h.fArray.reduce((a: number, b: number) => a + b, 0)).toBe(h.fEntries);
});

test('importing a CSV run shows it; a corrupted CSV is reported and the state kept', async ({ page }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  const csv = await exportFile(page, 'export-csv');
  await page.keyboard.press('Escape');

  // a good file: the run in the plot and the cut flow becomes the imported one
  const lines = csv.bytes.toString('utf8').split('\n');
  const small = lines.slice(0, 5001).join('\n') + '\n';
  await page.getByTestId('import-file').setInputFiles({ name: 'my-run.csv', mimeType: 'text/csv', buffer: Buffer.from(small) });
  await expect(page.getByTestId('import-status')).toContainText('Imported 5,000 events');
  await expect.poll(() => cutFlowRaw(page, 0)).toBe(5000);
  // the run line names the file (no simulation time for an imported run)
  await expect(page.getByTestId('run-status')).toContainText('5,000 events, seed 7, imported from my-run.csv');
  await expect(page.getByTestId('density-canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/share-05-import-csv.png`, fullPage: true });
  const before = await page.getByTestId('box-raw').innerText();

  // a corrupted file: a precise message, nothing else changes
  const bad = small.split('\n');
  const cells = bad[16].split(',');
  cells[4] = 'abc';
  bad[16] = cells.join(',');
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\n')) });
  const err = page.getByTestId('import-error');
  await expect(err).toBeVisible();
  await expect(err).toHaveAttribute('role', 'alert');
  await expect(err).toContainText("line 17, column eEcalGeV: expected a number ≥ 0 or 'nan', got 'abc'");
  await expect(page.getByTestId('box-raw')).toHaveText(before);
  expect(await cutFlowRaw(page, 0)).toBe(5000);
  await page.screenshot({ path: `${SHOTS}/share-06-import-csv-error.png`, fullPage: true });

  // a file that is not a run at all
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('hello,world\n1,2\n') });
  await expect(err).toContainText("line 1 (header): column 1: expected 'eventIndex', got 'hello'");
});

test('importing a Phoenix event shows it in 3D and the event panel; a corrupted file is reported', async ({ page }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  await waitForEvent(page, 5);
  const phoenix = await exportFile(page, 'export-phoenix');
  await page.keyboard.press('Escape');

  // open another event, then import the exported one
  await page.goto(SHARED.replace('event=5', 'event=9'));
  await waitForRun(page);
  await waitForEvent(page, 9);
  await page.getByTestId('import-file').setInputFiles({ name: 'event5.json', mimeType: 'application/json', buffer: phoenix.bytes });
  await expect(page.getByTestId('import-status')).toContainText("Showing 'NA64e seed 7 event 5'");
  await waitForEvent(page, 5);
  await expect(page.getByTestId('event-story')).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SHOTS}/share-07-import-phoenix.png`, fullPage: true });

  // a corrupted event: precise path, the event stays
  const pj = JSON.parse(phoenix.bytes.toString('utf8'));
  const ev = pj['NA64e seed 7 event 5'];
  const coll = Object.keys(ev.Tracks)[0];
  ev.Tracks[coll][0].pos[1][2] = 'far';
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pj)) });
  const err = page.getByTestId('import-error');
  await expect(err).toBeVisible();
  await expect(err).toContainText(`NA64e seed 7 event 5 › Tracks › ${coll} › 0 › pos › 1 › 2: expected a number, got "far"`);
  await waitForEvent(page, 5);
  await page.getByTestId('import-file').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"oops": ') });
  await expect(err).toContainText('junk.json: not a JSON file');
  await page.screenshot({ path: `${SHOTS}/share-08-import-phoenix-error.png`, fullPage: true });
});

test('in French, a corrupted CSV import is reported in French with its line number', async ({ page }) => {
  await page.goto(SHARED.replace('lang=en', 'lang=fr'));
  await waitForRun(page);
  const header = 'eventIndex,process,weight,pInGeV,eEcalGeV,eHcalGeV,eVetoGeV,eSrdGeV,passesCuts';
  const rows = ['0,em,1,100.1,99.8,0.1,0,0.01,1', '1,em,1,99.9,abc,0.2,0,0.01,1'];
  const buffer = Buffer.from([header, ...rows].join('\n') + '\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'casse.csv', mimeType: 'text/csv', buffer });
  const err = page.getByTestId('import-error');
  await expect(err).toBeVisible();
  await expect(err).toContainText('Import impossible :');
  await expect(err).toContainText('casse.csv : ligne 3, colonne eEcalGeV : nombre ≥ 0 ou « nan » attendu, reçu « abc »');
  await expect(err).not.toContainText('expected');
});

test('an NA64μ link selects its setup and event; its exports carry the NA64μ format', async ({ page }) => {
  await page.goto('/#setup=na64mu&events=5000&seed=3&event=2&camera=beam&box=0,80,1.5,10');
  await expect(page.getByTestId('setup-select')).toHaveValue('na64mu');
  await waitForRun(page);
  await waitForEvent(page, 2);
  await expect(page.getByTestId('camera-beam')).toHaveAttribute('aria-pressed', 'true');
  const csv = await exportFile(page, 'export-csv');
  expect(csv.name).toBe('na64mu-seed3-5000ev.csv');
  expect(csv.bytes.toString('utf8').split('\n')[0]).toBe('eventIndex,process,weight,pInGeV,pOutGeV,eEcalGeV,eVetoGeV,eVhcalGeV,eHcalGeV,passesCuts');
  const phoenix = await exportFile(page, 'export-phoenix');
  const pj = JSON.parse(phoenix.bytes.toString('utf8'));
  expect(Object.keys(pj)).toEqual(['NA64mu seed 3 event 2']);
  const root = await exportFile(page, 'export-root');
  const h = JSON.parse(root.bytes.toString('utf8'));
  expect(h.fXaxis.fTitle).toBe('p_{out} (MS2) [GeV]');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SHOTS}/share-10-na64mu-link.png`, fullPage: true });
});

test("the sensitivity tab's choices travel with a copied link", async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(SHARED);
  await waitForRun(page);
  await waitForEvent(page, 5);
  const panel = page.getByTestId('sensitivity-panel');
  await page.getByTestId('tab-sensitivity').click();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  // every choice of the tab away from its default
  await setField(page, 'sens-mass', '30');
  await setField(page, 'sens-alphad', '0.25');
  await page.getByTestId('sens-coupling-mode').selectOption('y');
  // the field shows y = ε² α_D (m_χ/m_A′)⁴ of the point before it is edited
  await expect(page.getByTestId('sens-coupling')).toHaveValue(/e-11$/);
  await setField(page, 'sens-coupling', '2e-11');
  await expect(page.getByTestId('sens-coupling')).toHaveValue('2e-11');
  await page.getByTestId('sens-method').selectOption('classical');
  await page.getByTestId('sens-observed').selectOption('2');
  await page.getByTestId('curve-y').click();
  await expect(page.getByTestId('exclusion-plot')).toHaveAttribute('data-mode', 'y');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('sens-limit')).not.toHaveText('—');
  const coupling = await page.getByTestId('sens-coupling').inputValue();
  const limit = await page.getByTestId('sens-limit').innerText();
  const verdict = await page.getByTestId('sens-verdict').innerText();
  // the address bar follows (writes are throttled: wait for the last change, the curve, to arrive)
  await expect.poll(() => hashParam(page, 'curve')).toBe('y');
  expect(hashParam(page, 'observed')).toBe('2');
  expect(hashParam(page, 'tab')).toBe('sensitivity');
  expect(hashParam(page, 'massMeV')).toBe('30');
  expect(hashParam(page, 'alphaD')).toBe('0.25');
  expect(hashParam(page, 'couplingInput')).toBe('y');
  expect(hashParam(page, 'limit')).toBe('classical');
  expect(hashParam(page, 'signal')).toBe('none');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/share-11-sensitivity-sender.png`, fullPage: true });

  const link = await copyLink(page);
  expect(link).toContain('tab=sensitivity');
  expect(link).toContain('observed=2');

  // a fresh browser (no stored choices) opens the link: the same tab, choices and numbers
  const p2 = await openFresh(browser, link);
  await waitForRun(p2);
  const panel2 = p2.getByTestId('sensitivity-panel');
  await expect(panel2).toBeVisible();
  await expect(p2.getByTestId('tab-sensitivity')).toHaveAttribute('aria-selected', 'true');
  await expect(p2.getByTestId('url-notice')).toHaveCount(0);
  await expect(p2.getByTestId('sens-mass')).toHaveValue('30');
  await expect(p2.getByTestId('sens-alphad')).toHaveValue('0.25');
  await expect(p2.getByTestId('sens-coupling-mode')).toHaveValue('y');
  await expect(p2.getByTestId('sens-coupling')).toHaveValue(coupling);
  await expect(p2.getByTestId('sens-method')).toHaveValue('classical');
  await expect(p2.getByTestId('sens-observed')).toHaveValue('2');
  await expect(p2.getByTestId('curve-y')).toHaveAttribute('aria-pressed', 'true');
  await expect(p2.getByTestId('exclusion-plot')).toHaveAttribute('data-mode', 'y');
  // the shared event is selected again, and the sensitivity tab stays open
  await expect(p2.getByTestId('selection-ring')).toBeVisible({ timeout: 30_000 });
  await expect(p2.getByTestId('event-info')).toContainText('Event #5');
  await expect(panel2).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(p2.getByTestId('tab-sensitivity')).toHaveAttribute('aria-selected', 'true');
  await expect(p2.getByTestId('sens-limit')).toHaveText(limit);
  await expect(p2.getByTestId('sens-verdict')).toHaveText(verdict);
  await p2.waitForTimeout(500);
  await p2.screenshot({ path: `${SHOTS}/share-12-sensitivity-receiver.png`, fullPage: true });
  await p2.context().close();
});

test('a link holds the displayed run: parameters edited without Simulate are not in it', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // a run with an A′ signal mixed in (the signal is part of the link)
  await page.goto(`${SHARED}&signal=aprime,20,0.0001,0.05`);
  await waitForRun(page);
  await waitForEvent(page, 5);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  await expect(page.getByTestId('signal-enable')).toBeChecked();
  await expect(page.getByTestId('signal-fraction')).toHaveValue('0.05');
  await expect(page.getByTestId('process-legend').locator('tr[data-process="signal"]')).toBeVisible();
  const raw = await page.getByTestId('box-raw').innerText();

  // edit the form without running: the plot still shows the run of seed 7 and so does the link
  await setField(page, 'input-seed', '8');
  await setField(page, 'input-events', '30000');
  await setField(page, 'signal-mass', '30');
  await expect(page.getByTestId('params-edited')).toBeVisible();
  await expect(page.getByTestId('signal-stale')).toBeVisible();
  await page.waitForTimeout(400);
  expect(hashParam(page, 'seed')).toBe('7');
  expect(hashParam(page, 'events')).toBe('2e4');
  expect(hashParam(page, 'signal')).toBe('aprime,20,0.0001,0.05');
  expect(hashParam(page, 'massMeV')).toBe('20');
  expect(hashParam(page, 'event')).toBe('5');
  await page.screenshot({ path: `${SHOTS}/share-13-edited-not-run.png`, fullPage: true });
  const link = await copyLink(page);
  expect(link).toContain('seed=7');

  const p2 = await openFresh(browser, link);
  await waitForRun(p2);
  await expect(p2.getByTestId('url-notice')).toHaveCount(0);
  await expect(p2.getByTestId('input-seed')).toHaveValue('7');
  await expect(p2.getByTestId('input-events')).toHaveValue('20000');
  await expect(p2.getByTestId('signal-enable')).toBeChecked();
  await expect(p2.getByTestId('signal-mass')).toHaveValue('20');
  await expect(p2.getByTestId('box-raw')).toHaveText(raw);
  await expect(p2.getByTestId('process-legend').locator('tr[data-process="signal"]')).toBeVisible();
  await expect(p2.getByTestId('params-edited')).toHaveCount(0);
  await expect(p2.getByTestId('event-info')).toContainText('Event #5', { timeout: 30_000 });
  await p2.context().close();

  // the sender's edits stay in the form; once run, they are what the link holds
  await expect(page.getByTestId('input-seed')).toHaveValue('8');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
  await expect(page.getByTestId('params-edited')).toHaveCount(0);
  await expect.poll(() => hashParam(page, 'seed')).toBe('8');
  expect(hashParam(page, 'events')).toBe('3e4');
  expect(hashParam(page, 'signal')).toBe('aprime,30,0.0001,0.05');
  expect(hashParam(page, 'massMeV')).toBe('30');
});

test('form edits not simulated survive a reload; a link of another run does not take them', async ({ page, browser }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  await waitForEvent(page, 5);
  const raw = await page.getByTestId('box-raw').innerText();
  await setField(page, 'input-seed', '8');
  await setField(page, 'input-events', '30000');
  await expect(page.getByTestId('params-edited')).toBeVisible();
  expect(hashParam(page, 'seed')).toBe('7');

  // a reload opens the address bar's link (seed 7): that run is shown, the edits come back into the
  // form, not run
  await page.reload();
  await waitForRun(page);
  await expect(page.getByTestId('input-seed')).toHaveValue('8');
  await expect(page.getByTestId('input-events')).toHaveValue('30000');
  await expect(page.getByTestId('params-edited')).toBeVisible();
  await expect(page.getByTestId('box-raw')).toHaveText(raw);
  await waitForEvent(page, 5);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  expect(hashParam(page, 'seed')).toBe('7');
  expect(hashParam(page, 'events')).toBe('2e4');

  // a link of another run in a fresh browser context: only the link decides
  const other = SHARED.replace('seed=7', 'seed=9');
  const p2 = await openFresh(browser, other);
  await waitForRun(p2);
  await expect(p2.getByTestId('input-seed')).toHaveValue('9');
  await expect(p2.getByTestId('input-events')).toHaveValue('20000');
  await expect(p2.getByTestId('params-edited')).toHaveCount(0);
  await p2.context().close();

  // the same link in this browser, which still holds the draft: it was made on another run
  const p3 = await page.context().newPage();
  await p3.goto(other);
  await waitForRun(p3);
  await expect(p3.getByTestId('input-seed')).toHaveValue('9');
  await expect(p3.getByTestId('input-events')).toHaveValue('20000');
  await expect(p3.getByTestId('params-edited')).toHaveCount(0);
  await p3.close();
});

/** In one task of the page: click a camera preset, choose a language, return the address; optionally reload right after. */
async function quickChanges(page: Page, camera: string, lang: string, then: 'reload' | 'hide' | 'none') {
  return page.evaluate(
    ({ camera, lang, then }) => {
      document.querySelector<HTMLButtonElement>(`[data-testid="camera-${camera}"]`)!.click();
      const sel = document.querySelector<HTMLSelectElement>('[data-testid="language-select"]')!;
      sel.value = lang;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      const hash = location.hash;
      if (then === 'hide') {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }
      if (then === 'reload') setTimeout(() => location.reload(), 0);
      return { before: hash, after: location.hash };
    },
    { camera, lang, then },
  );
}

test('a change right before a reload is kept (language, camera)', async ({ page }) => {
  await page.goto(SHARED);
  await waitForRun(page);
  // two changes at once and a reload at once: the second change is still inside the URL write's
  // throttle interval when the reload starts
  let loaded = page.waitForEvent('load');
  const r1 = await quickChanges(page, 'top', 'fr', 'reload');
  expect(r1.before).toContain('lang=en');
  await loaded;
  await waitForRun(page);
  await expect(page.getByTestId('language-select')).toHaveValue('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('camera-top')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  expect(hashParam(page, 'lang')).toBe('fr');
  await page.screenshot({ path: `${SHOTS}/share-14-language-kept.png` });

  // the same through the UI: back to English and another view, reload at once
  await page.getByTestId('camera-beam').click();
  await page.getByTestId('language-select').selectOption('en');
  await page.reload();
  await waitForRun(page);
  await expect(page.getByTestId('language-select')).toHaveValue('en');
  await expect(page.getByTestId('camera-beam')).toHaveAttribute('aria-pressed', 'true');

  // a pending write is flushed when the page is hidden
  const r2 = await quickChanges(page, 'side', 'de', 'hide');
  expect(r2.before).toContain('lang=en');
  expect(r2.after).toContain('lang=de');
  expect(r2.after).toContain('camera=side');

  // a plain reload later (nothing pending) keeps the state and uses no stale record
  loaded = page.waitForEvent('load');
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await loaded;
  await waitForRun(page);
  await expect(page.getByTestId('language-select')).toHaveValue('de');
  await expect(page.getByTestId('camera-side')).toHaveAttribute('aria-pressed', 'true');
});

test.afterAll(() => {
  // keep the 4K export next to the screenshots under a short name for reviewers
  try {
    copyFileSync(`${SHOTS}/share-export-plot-4k.png`, `${SHOTS}/share-09-export-plot-4k.png`);
  } catch {
    // the export test did not run
  }
});
