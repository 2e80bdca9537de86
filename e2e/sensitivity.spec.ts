import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Wait until the current run has finished and the plot shows events. */
async function waitForRun(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('box-raw')).toBeVisible();
}

async function numberOf(page: Page, testId: string): Promise<number> {
  const t = (await page.getByTestId(testId).innerText()).replace(/[\s\u2009,]/g, '');
  const m = /-?[\d.]+(e[-+]?\d+)?/i.exec(t);
  return m ? Number(m[0]) : NaN;
}

async function setField(page: Page, testId: string, value: string) {
  const f = page.getByTestId(testId);
  await f.fill(value);
  await f.press('Enter');
}

/** Open the sensitivity tab and wait for the per-mass signal samples. */
async function openSensitivity(page: Page) {
  await page.getByTestId('tab-sensitivity').click();
  await expect(page.getByTestId('sensitivity-panel')).toBeVisible();
  await expect(page.getByTestId('sensitivity-panel')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
});

test('A′ signal at 20 MeV: signal events in the box, efficiency and curve follow the box, optimise', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  // a small SM run without signal for reference
  await setField(page, 'input-events', '20000');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
  const boxWithout = await numberOf(page, 'box-raw');

  // mix in an A′ of 20 MeV and simulate again
  await page.getByTestId('signal-enable').check();
  await setField(page, 'signal-mass', '20');
  await setField(page, 'signal-fraction', '0.05');
  await expect(page.getByTestId('signal-stale')).toBeVisible();
  await page.getByTestId('run-button').click();
  await waitForRun(page);
  const boxWith = await numberOf(page, 'box-raw');
  expect(boxWith).toBeGreaterThan(boxWithout + 100);
  await expect(page.getByTestId('process-legend').locator('tr[data-process="signal"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sens-01-signal-in-run.png', fullPage: true });

  // a signal event opens in 3D with its invisible A′ (E_HCAL ≈ 0; clicked right of the box, whose
  // inside is a drag handle: E_ECAL = E_beam − E_A′ > 50 GeV)
  const canvas = await page.getByTestId('density-canvas').boundingBox();
  let found = false;
  for (const e of [60, 55, 65, 70, 58, 62, 75, 53, 67, 72]) {
    await page.mouse.click(canvas!.x + canvas!.width * (e / 120), canvas!.y + canvas!.height - 3);
    await expect(page.getByTestId('event-story')).toBeVisible({ timeout: 30_000 });
    if ((await page.getByTestId('event-info').getAttribute('data-process')) === 'signal') {
      found = true;
      break;
    }
  }
  expect(found).toBe(true);
  await expect(page.getByTestId('event-info')).toContainText('A′');
  await page.getByTestId('camera-ecal').click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/screenshots/sens-02-signal-event-3d.png', fullPage: true });

  // sensitivity panel: efficiency, expected signal and background, the live curve
  await openSensitivity(page);
  await expect(page.getByTestId('sens-efficiency')).not.toHaveText('—');
  await expect(page.getByTestId('exclusion-plot')).toBeVisible();
  // apply all cuts: the background in the box drops, the curve moves down
  await page.getByTestId('sens-all-cuts').click();
  await waitForRun(page);
  await expect(page.getByTestId('sens-all-cuts')).toHaveCount(0);
  const eff1 = await page.getByTestId('sens-efficiency').innerText();
  const d1 = await page.getByTestId('exclusion-curve').getAttribute('d');
  expect(d1).toMatch(/^M/);
  expect(Number.parseFloat(eff1)).toBeGreaterThan(10);
  await page.screenshot({ path: 'test-results/screenshots/sens-03-panel.png', fullPage: true });

  // drag the box's right edge (E_ECAL max) down to ~25 GeV: fewer A′ events are inside
  const edge = await page.getByTestId('box-edge-right').boundingBox();
  await page.mouse.move(edge!.x + edge!.width / 2, edge!.y + edge!.height / 2);
  await page.mouse.down();
  await page.mouse.move(canvas!.x + canvas!.width * (25 / 120), edge!.y + edge!.height / 2, { steps: 8 });
  await page.mouse.up();
  const xmax = Number(await page.getByTestId('box-xmax').inputValue());
  expect(xmax).toBeLessThan(35);
  await expect(page.getByTestId('sens-efficiency')).not.toHaveText(eff1);
  expect(Number.parseFloat(await page.getByTestId('sens-efficiency').innerText())).toBeLessThan(Number.parseFloat(eff1));
  const d2 = await page.getByTestId('exclusion-curve').getAttribute('d');
  expect(d2).not.toBe(d1);
  // time of the panel's recomputation on that box change (printed for the report)
  console.log(`sensitivity recomputation on a box change: ${await page.getByTestId('sensitivity-panel').getAttribute('data-box-ms')} ms`);
  await page.screenshot({ path: 'test-results/screenshots/sens-04-box-dragged.png', fullPage: true });

  // optimise the box for the model point: the edges move
  await page.getByTestId('optimise-box').click();
  await expect(page.getByTestId('optimise-note')).toBeVisible();
  const xmaxOpt = Number(await page.getByTestId('box-xmax').inputValue());
  expect(xmaxOpt).not.toBe(xmax);
  expect(await page.getByTestId('exclusion-curve').getAttribute('d')).not.toBe(d2);
  await page.screenshot({ path: 'test-results/screenshots/sens-05-optimised.png', fullPage: true });

  // y(m_χ) view and a model point given as y
  await page.getByTestId('curve-y').click();
  await expect(page.getByTestId('exclusion-plot')).toHaveAttribute('data-mode', 'y');
  await expect(page.getByTestId('published-na64e-2022-y')).toBeVisible();
  await page.getByTestId('sensitivity-panel').screenshot({ path: 'test-results/screenshots/sens-06-y-view.png' });

  // the coupling given as y = ε² α_D (m_χ/m_A′)⁴: ε = sqrt(1e-11 · 81 / 0.5) = 4.02e-5
  await page.getByTestId('sens-coupling-mode').selectOption('y');
  await setField(page, 'sens-coupling', '1e-11');
  await page.getByTestId('sens-coupling-mode').selectOption('epsilon');
  await expect(page.getByTestId('sens-coupling')).toHaveValue(/^4\.02/);
  await expect(page.getByTestId('signal-coupling')).toHaveValue(/^4\.02/);

  // an invalid mass is refused with a message and the last good point stays
  await setField(page, 'sens-mass', '5000');
  await expect(page.getByTestId('sens-point-error')).toContainText('1000');
  await expect(page.getByTestId('signal-mass')).toHaveValue('20');
});

test('NA64μ: Z′ curve with the (g−2)_μ band; Z′ signal events in the run', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('setup-select').selectOption('na64mu');
  await waitForRun(page);
  await openSensitivity(page);
  await expect(page.getByTestId('exclusion-plot')).toHaveAttribute('data-mode', 'g');
  await expect(page.getByTestId('gm2-band')).toBeVisible();
  await expect(page.getByTestId('exclusion-curve')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('sens-efficiency')).not.toHaveText('—');
  await page.screenshot({ path: 'test-results/screenshots/sens-07-na64mu.png', fullPage: true });

  await setField(page, 'input-events', '20000');
  await page.getByTestId('signal-enable').check();
  await setField(page, 'signal-fraction', '0.05');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('process-legend').locator('tr[data-process="signal"]')).toBeVisible();
  await expect(page.getByTestId('sensitivity-panel')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await page.getByTestId('optimise-box').click();
  await expect(page.getByTestId('optimise-note')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sens-08-na64mu-signal.png', fullPage: true });
});

test('layout at 1366×768 with the sensitivity tab open', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await waitForRun(page);
  await openSensitivity(page);
  await page.screenshot({ path: 'test-results/screenshots/sens-09-1366.png', fullPage: false });
  await page.screenshot({ path: 'test-results/screenshots/sens-09-1366-full.png', fullPage: true });
  // no serious or critical accessibility violations with the panel and the signal controls shown
  const res = await new AxeBuilder({ page }).analyze();
  for (const v of res.violations) console.log(`[axe sensitivity] ${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  expect(res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
