import { expect, test, type Locator, type Page } from '@playwright/test';

/** Wait until the current run has finished and the plot shows events. */
async function waitForRun(page: Page, timeout = 90_000) {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout });
  await expect(page.getByTestId('box-raw')).toBeVisible();
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b).toBeTruthy();
  return b!;
}

/** Overlap area of two rectangles [px²]. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Wait until the tour step has applied its effects (event selected, cuts applied) or said why not. */
async function stepSettled(page: Page, timeout = 60_000) {
  await expect(page.getByTestId('tour-dialog')).toHaveAttribute('data-phase', /ready|notFound|error/, { timeout });
}

/** Process label of the event shown in the info panel once it has been re-simulated. */
async function shownProcess(page: Page, index?: number) {
  const info = page.getByTestId('event-info');
  if (index !== undefined) await expect(info).toContainText(`#${index}`, { timeout: 30_000 });
  await expect(info).toHaveAttribute('data-process', /.+/, { timeout: 30_000 });
  return info.getAttribute('data-process');
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
});

test('the guided tour walks through every step and drives the real views', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('tour-start').click();
  const dialog = page.getByTestId('tour-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-step', '0');
  // the dialog takes the focus (screen readers read the step)
  await expect(page.locator('#tour-title')).toBeFocused();

  const expectedProcess: Record<string, string> = {
    beam: 'em',
    spot: 'em',
    regionI: 'dimuon',
    regionII: 'hadron-electroproduction',
    regionIII: 'pile-up',
    muIntro: 'muon',
    muA: 'muon',
    muB: 'muon-brems',
    muC: 'muon-nuclear',
    muD: 'muon-nuclear',
  };
  const expectedRegion: Record<string, string> = {
    spot: 'spot',
    regionI: 'I',
    regionII: 'II',
    regionIII: 'III',
    muA: 'A',
    muB: 'B',
    muC: 'C',
    muD: 'D',
  };
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    await stepSettled(page, 150_000);
    const id = (await dialog.getAttribute('data-step-id'))!;
    const phase = await dialog.getAttribute('data-phase');
    seen.push(`${id}:${phase}`);
    const plot = page.getByTestId('hermeticity-plot');
    if (expectedProcess[id]) {
      expect(phase, id).toBe('ready');
      expect(await shownProcess(page), id).toBe(expectedProcess[id]);
      await expect(page.getByTestId('selection-ring')).toBeVisible();
    }
    if (expectedRegion[id]) {
      await expect(plot.locator(`g.hp-region[data-region="${expectedRegion[id]}"]`)).toHaveAttribute('data-highlight', 'true');
      await expect(page.getByTestId(`region-label-${expectedRegion[id]}`)).toBeVisible();
      // the dialog does not cover the plot it explains
      const d = await box(dialog);
      const p = await box(plot);
      expect(overlap(d, p), `${id}: dialog over the plot`).toBeLessThan(0.02 * d.width * d.height);
    }
    if (id === 'box') {
      await expect(page.getByTestId('cuts-applied')).toContainText('no cuts applied');
      await expect(plot.locator('svg.hp-overlay')).toHaveAttribute('data-highlight', 'true');
      // the selected event lies inside the (default) signal box
      const eEcal = Number((await page.getByTestId('event-eecal').innerText()).replace(',', '.'));
      expect(eEcal).toBeLessThan(50);
      await shot(page, 'tour-box-before-cuts');
    }
    const cut = /^cut-(.+)$/.exec(id);
    if (cut) {
      const k = Number(await dialog.getAttribute('data-step')) - 8;
      await expect(page.getByTestId('cuts-applied')).toContainText(`cuts 1–${k} of`);
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
      await expect(page.getByTestId(`cutflow-row-${k}`)).toHaveAttribute('aria-current', 'step');
    }
    if (id === 'result') {
      await expect(page.getByTestId('cuts-applied')).toContainText('cuts 1–6 of 6');
      await shot(page, 'tour-result-all-cuts');
    }
    if (id === 'darkPhoton') {
      await expect(plot.locator('svg.hp-overlay')).toHaveAttribute('data-highlight', 'true');
      // the tour mixed dark photons (20 MeV A′) into the run and selected one inside the box
      expect(phase).toBe('ready');
      expect(await shownProcess(page)).toBe('signal');
      const eEcal = Number((await page.getByTestId('event-eecal').innerText()).replace(',', '.'));
      expect(eEcal).toBeLessThan(50);
      await shot(page, 'tour-dark-photon');
    }
    if (id.startsWith('mu')) {
      await expect(page.getByTestId('setup-select')).toHaveValue('na64mu');
      if (phase === 'ready') await expect(page.getByTestId('selection-ring')).toBeVisible();
    }
    if (id === 'spot') await shot(page, 'tour-spot');
    if (id === 'regionI') await shot(page, 'tour-region-I');
    if (id === 'shower') await shot(page, 'tour-shower');
    if (id === 'muIntro') await shot(page, 'tour-na64mu');
    if (id === 'end') break;
    await page.getByTestId('tour-next').click();
  }
  console.log('tour steps:', seen.join(' '));
  expect(seen[seen.length - 1]).toMatch(/^end:/);
  expect(seen.length).toBeGreaterThanOrEqual(17);
  // Back returns to the previous step; Finish closes the tour
  await page.getByTestId('tour-back').click();
  await expect(dialog).not.toHaveAttribute('data-step-id', 'end');
  await page.getByTestId('tour-next').click();
  await page.getByTestId('tour-next').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('tour-start')).toBeFocused();
});

test('example events select real events of the fixed run', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const presets: [string, number, string][] = [
    ['cleanElectron', 0, 'em'],
    ['dimuon', 191, 'dimuon'],
    ['punchThrough', 1917, 'punch-through'],
    ['upstream', 317, 'upstream-interaction'],
    // simulates its own run first (dark photons mixed in), then selects the event
    ['darkPhoton', 1196, 'signal'],
    // back to the run without signal
    ['cleanElectron', 0, 'em'],
  ];
  for (const [id, index, process] of presets) {
    await page.getByTestId(`preset-${id}`).click();
    expect(await shownProcess(page, index), id).toBe(process);
    await expect(page.getByTestId('selection-ring')).toBeVisible();
    await expect(page.getByTestId('event-summary')).toContainText(`event ${index}`);
    if (id === 'dimuon') await shot(page, 'preset-dimuon');
    if (id === 'darkPhoton') await shot(page, 'preset-dark-photon');
  }
  // a run with another seed: the preset re-simulates its own run first
  const seed = page.getByTestId('input-seed');
  await seed.fill('5');
  await seed.press('Enter');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
  await page.getByTestId('preset-upstream').click();
  expect(await shownProcess(page, 317)).toBe('upstream-interaction');
  await expect(page.getByTestId('input-seed')).toHaveValue('1');
});

test('presentation mode: side-by-side layout, keyboard stepping, help and Esc', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await waitForRun(page);
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presentation/);
  await expect(page.getByTestId('run-button')).toBeHidden();
  await expect(page.getByTestId('cutflow-table')).toBeHidden();
  const plot = await box(page.getByTestId('hermeticity-plot'));
  const scene = await box(page.getByTestId('scene3d'));
  expect(scene.x).toBeGreaterThanOrEqual(plot.x + plot.width - 2);
  expect(Math.abs(scene.y - plot.y)).toBeLessThan(60);
  expect(plot.y + plot.height).toBeLessThanOrEqual(768);
  expect(scene.y + scene.height).toBeLessThanOrEqual(768);
  await shot(page, 'presentation');

  // the tour steps with the arrow keys and PageDown / PageUp
  await page.getByTestId('tour-start').click();
  const dialog = page.getByTestId('tour-dialog');
  await expect(dialog).toHaveAttribute('data-step', '0');
  await page.keyboard.press('ArrowRight');
  await expect(dialog).toHaveAttribute('data-step', '1');
  await page.keyboard.press('PageDown');
  await expect(dialog).toHaveAttribute('data-step', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog).toHaveAttribute('data-step', '1');
  await page.keyboard.press('PageUp');
  await expect(dialog).toHaveAttribute('data-step', '0');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(dialog).toHaveAttribute('data-step-id', 'regionI');
  await stepSettled(page);
  await expect(page.getByTestId('event-info')).toHaveAttribute('data-process', 'dimuon', { timeout: 30_000 });
  // the dialog sits below the plot and the 3D view
  const d = await box(dialog);
  expect(overlap(d, await box(page.getByTestId('hermeticity-plot')))).toBeLessThan(0.02 * d.width * d.height);
  expect(overlap(d, await box(page.getByTestId('scene3d')))).toBeLessThan(0.02 * d.width * d.height);
  await page.waitForTimeout(800);
  await shot(page, 'presentation-tour');

  // ? opens the keyboard help, Esc closes it, then the tour, then presentation mode
  await page.keyboard.press('?');
  await expect(page.getByTestId('keyboard-help')).toBeVisible();
  await shot(page, 'keyboard-help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keyboard-help')).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presentation/);
  await expect(page.getByTestId('run-button')).toBeVisible();
});

test('slow beam fires events one by one and draws them progressively', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('slow-beam-toggle').click();
  await expect(page.getByTestId('slow-beam-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('event-info')).toContainText('#0', { timeout: 30_000 });
  await page.waitForTimeout(400);
  await shot(page, 'slow-beam-drawing');
  await expect(page.getByTestId('event-info')).toContainText('#1', { timeout: 10_000 });
  await expect(page.getByTestId('event-info')).toContainText('#2', { timeout: 10_000 });
  await expect(page.getByTestId('selection-ring')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('slow-beam-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('explanations of plot regions and detectors, with their sources', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('region-label-II').click();
  const panel = page.getByTestId('explanation-panel');
  await expect(panel).toHaveAttribute('data-id', 'II');
  await expect(panel).toContainText('diagonal');
  await expect(panel.locator('a[href="https://doi.org/10.1103/PhysRevLett.123.121801"]')).toBeVisible();
  await shot(page, 'explain-region-II');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  // keyboard path: the Explain menu
  await page.getByTestId('explain-select').selectOption('detector:SRD');
  await page.getByTestId('explain-button').click();
  await expect(panel).toHaveAttribute('data-id', 'SRD');
  await expect(panel).toContainText('synchrotron');
  await expect(panel.getByTestId('explanation-source')).toContainText('seeds 000/004');
  await expect(panel.locator('a[href*="inspirehep.net"]')).toBeVisible();
  await expect(panel.getByTestId('explanation-setup-paper').locator('a')).toHaveAttribute(
    'href',
    'https://doi.org/10.1103/PhysRevLett.123.121801',
  );
  await page.getByTestId('explanation-close').click();
  await expect(panel).toHaveCount(0);
  // region labels are reachable with Tab and open with Enter
  await page.getByTestId('region-label-I').focus();
  await page.keyboard.press('Enter');
  await expect(panel).toHaveAttribute('data-id', 'I');
  await page.keyboard.press('Escape');
  // a click on a detector in the 3D view (the ECAL close-up: the ECAL fills the middle)
  await page.getByTestId('camera-ecal').click();
  await page.waitForTimeout(1200);
  const scene = await box(page.getByTestId('scene3d'));
  await page.mouse.move(scene.x + scene.width / 2, scene.y + scene.height / 2);
  await expect(page.getByTestId('scene3d-hover-label')).toContainText('Click for the full explanation');
  await page.mouse.click(scene.x + scene.width / 2, scene.y + scene.height / 2);
  await expect(panel).toHaveAttribute('data-kind', 'detector');
  await shot(page, 'explain-detector-3d');
});

test('language switch: labels, numbers per locale, and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await expect(page.getByTestId('run-status')).toContainText('100,000 events');
  await page.getByTestId('language-select').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('run-button')).toHaveText('Simulieren');
  await expect(page.locator('.plot-panel h2')).toHaveText('Hermetizitätsdiagramm');
  await expect(page.getByTestId('run-status')).toContainText('100.000 Ereignisse');
  await expect(page.getByTestId('cutflow-row-0')).toContainText('100.000');
  await shot(page, 'language-de');
  await page.getByTestId('language-select').selectOption('fr');
  await expect(page.getByTestId('run-button')).toHaveText('Simuler');
  // French groups digits with a narrow no-break space
  await expect(page.getByTestId('run-status')).toContainText(/100\u202f000 événements/);
  await page.getByTestId('language-select').selectOption('it');
  await expect(page.getByTestId('run-button')).toHaveText('Simula');
  // the shared-link state in the URL (written a moment after a change) must carry the new language too
  await page.waitForFunction(() => !location.href.includes('lang=') || location.href.includes('lang=it'));
  await page.reload();
  await waitForRun(page);
  await expect(page.getByTestId('language-select')).toHaveValue('it');
  await expect(page.getByTestId('run-button')).toHaveText('Simula');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await page.getByTestId('tour-start').click();
  await expect(page.getByTestId('tour-next')).toHaveText(/Avanti/);
  await shot(page, 'language-it-tour');
});

test('in French the event story, the truth table and a validation message are French (and follow a switch to German)', async ({ page }) => {
  // a small shared run with event 0 selected, in French
  await page.goto('/#setup=na64e&events=20000&seed=1&event=0&lang=fr');
  await waitForRun(page);
  const story = page.getByTestId('event-story');
  await expect(story).toBeVisible({ timeout: 30_000 });
  const fr = await story.innerText();
  // French words and the French decimal comma; none of the English template
  expect(fr).toMatch(/\b(dans|de la|du|une?|les?|des)\b/);
  expect(fr).toMatch(/\d,\d GeV/);
  expect(fr).not.toMatch(/\b(the|The|and|of|in the)\b/);
  const info = page.getByTestId('event-info');
  await expect(info.locator('tr[data-truth="beamEnergyGeV"] th')).toHaveText('énergie vraie du faisceau [GeV]');
  await expect(info.locator('tr[data-truth="beamEnergyGeV"] td')).toHaveText(/^\d+,\d+$/);
  await info.screenshot({ path: 'test-results/screenshots/event-info-fr.png' });
  // a validation message of the run form
  const beam = page.getByTestId('input-beamEnergyGeV');
  await beam.fill('5');
  await beam.press('Enter');
  await expect(page.getByTestId('param-error')).toHaveText('« énergie du faisceau » doit valoir au moins 10 GeV. — les derniers réglages valides sont conservés.');
  await shot(page, 'event-and-param-error-fr');
  // the story is re-worded on a language switch (no re-simulation)
  await page.getByTestId('language-select').selectOption('de');
  await expect(story).not.toHaveText(fr);
  await expect(story).toContainText(/\b(im|das|des|ein|eine|Ein|Das)\b/);
  await expect(page.getByTestId('param-error')).toContainText('„Strahlenergie“ muss mindestens 10 GeV betragen.');
});

test('tablet: no sideways scrolling, tap selects an event, pinch zooms the 3D view', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('/');
  await waitForRun(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  // tap on the electron spot
  const canvas = await box(page.getByTestId('density-canvas'));
  await page.touchscreen.tap(canvas.x + canvas.width * (100 / 120), canvas.y + canvas.height - 4);
  await expect(page.getByTestId('event-info')).toContainText('#', { timeout: 30_000 });
  await shot(page, 'tablet');
  // the 3D canvas leaves touch gestures to OrbitControls
  const gl = page.getByTestId('scene3d').locator('canvas');
  await gl.scrollIntoViewIfNeeded();
  // OrbitControls listens on the canvas wrapper and turns the browser's own touch panning off there
  const touchAction = await page.evaluate(() => {
    const out: string[] = [];
    const root = document.querySelector('[data-testid="scene3d"]');
    for (let e: Element | null = root?.querySelector('canvas') ?? null; e && e !== root; e = e.parentElement)
      out.push(getComputedStyle(e).touchAction);
    return out;
  });
  expect(touchAction).toContain('none');
  const g = await box(gl);
  const before = await gl.screenshot();
  const cdp = await context.newCDPSession(page);
  const cx = g.x + g.width / 2;
  const cy = g.y + g.height / 2;
  const touch = (d: number) => [
    { x: cx - d, y: cy, id: 1 },
    { x: cx + d, y: cy, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(30) });
  for (let d = 40; d <= 200; d += 20) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(d) });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(600);
  const after = await gl.screenshot();
  expect(Buffer.compare(before, after)).not.toBe(0);
  await shot(page, 'tablet-pinched');
  await context.close();
});
