import { expect, test, type Page } from '@playwright/test';

/** Wait until the default run has finished and the plot shows events. */
async function waitForRun(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('box-raw')).toBeVisible();
}

async function numberOf(page: Page, testId: string): Promise<number> {
  const t = (await page.getByTestId(testId).innerText()).replace(/[\s\u2009,]/g, '');
  const m = /-?[\d.]+(e[-+]?\d+)?/i.exec(t);
  return m ? Number(m[0]) : NaN;
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
});

test('default NA64e run fills the hermeticity plot and the signal box count', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await expect(page.getByTestId('hermeticity-plot')).toBeVisible();
  await expect(page.getByTestId('density-canvas')).toBeVisible();
  await expect(page.getByTestId('cutflow-table')).toContainText('all events');
  const status = page.getByTestId('run-status');
  await expect(status).not.toHaveAttribute('data-first-plot-ms', '0');
  // figures for the benchmark report (printed, not asserted)
  console.log(
    `browser run of 1e5 events: simulation ${await status.getAttribute('data-duration-ms')} ms, first plot ${await status.getAttribute('data-first-plot-ms')} ms`,
  );
  await page.screenshot({ path: 'test-results/screenshots/01-default-run.png', fullPage: true });
});

test('dragging the signal box edge changes the count', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const before = await numberOf(page, 'box-raw');
  const edge = page.getByTestId('box-edge-right');
  const eb = await edge.boundingBox();
  const plot = await page.getByTestId('hermeticity-plot').boundingBox();
  expect(eb && plot).toBeTruthy();
  // drag the right edge (E_ECAL max) far to the right: the box then includes the electron spot region
  await page.mouse.move(eb!.x + eb!.width / 2, eb!.y + eb!.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot!.x + plot!.width * 0.85, eb!.y + eb!.height / 2, { steps: 8 });
  await page.mouse.up();
  const xmax = Number(await page.getByTestId('box-xmax').inputValue());
  expect(xmax).toBeGreaterThan(60);
  const after = await numberOf(page, 'box-raw');
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: 'test-results/screenshots/02-box-dragged.png', fullPage: true });
});

test('editing the box by number and rejecting min > max', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const xmax = page.getByTestId('box-xmax');
  await xmax.fill('-5');
  await xmax.press('Enter');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await xmax.fill('50');
  await xmax.press('Enter');
  await expect(page.getByTestId('box-xmax')).toHaveValue(/50/);
});

test('clicking a point shows that event in 3D with its info', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const plot = await page.getByTestId('density-canvas').boundingBox();
  // click on the electron spot region near (100 GeV, 0)
  await page.mouse.click(plot!.x + plot!.width * (100 / 120), plot!.y + plot!.height - 4);
  await expect(page.getByTestId('event-story')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('event-info')).toContainText('Event #');
  const eEcal = await numberOf(page, 'event-eecal');
  expect(eEcal).toBeGreaterThan(50);
  await page.getByTestId('camera-side').click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/screenshots/03-event-3d.png', fullPage: true });
});

test('stepping through the cuts updates the cut flow', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('cuts-next').click();
  await page.getByTestId('cuts-next').click();
  await page.getByTestId('cuts-next').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'test-results/screenshots/04-cuts.png', fullPage: true });
});

test('invalid parameters are reported and keep the last good state; settings survive a reload', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const ev = page.getByTestId('input-events');
  await ev.fill('-10');
  await ev.press('Enter');
  await expect(page.getByTestId('param-error')).toContainText('at least 1');
  await ev.fill('abc');
  await ev.press('Enter');
  await expect(page.getByTestId('param-error')).toBeVisible();
  await ev.fill('1e12');
  await ev.press('Enter');
  await expect(page.getByTestId('param-error')).toContainText('at most');
  const seed = page.getByTestId('input-seed');
  await seed.fill('7');
  await seed.press('Enter');
  await expect(page.getByTestId('param-error')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('input-seed')).toHaveValue('7');
  await expect(page.getByTestId('input-events')).toHaveValue('100000');
});

test('simulating again reuses the warm workers; cancelling replaces them', async ({ page }) => {
  const started: string[] = [];
  page.on('worker', (w) => started.push(w.url()));
  await page.goto('/');
  await waitForRun(page);
  const atStart = started.length;
  expect(atStart).toBeGreaterThan(0);
  const status = page.getByTestId('run-status');
  for (let i = 0; i < 2; i++) {
    const before = await status.getAttribute('data-duration-ms');
    await page.getByTestId('run-button').click();
    await expect(status).not.toHaveAttribute('data-duration-ms', before ?? '');
    await waitForRun(page);
  }
  // a finished run's controller is aborted before the next run: that must not restart the pool
  expect(started.length).toBe(atStart);
  // a cancel does terminate the workers (the next run gets fresh ones)
  const ev = page.getByTestId('input-events');
  await ev.fill('2000000');
  await ev.press('Enter');
  await page.getByTestId('run-button').click();
  await expect(status).toHaveAttribute('data-status', 'running');
  await page.getByTestId('cancel-button').click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  await ev.fill('20000');
  await ev.press('Enter');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
  expect(started.length).toBeGreaterThan(atStart);
});

test('a run can be cancelled and restarted', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const ev = page.getByTestId('input-events');
  await ev.fill('2000000');
  await ev.press('Enter');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled');
  await ev.fill('20000');
  await ev.press('Enter');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
});

test('a crashed worker is reported and the next run recovers', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  const ev = page.getByTestId('input-events');
  await ev.fill('3000000');
  await ev.press('Enter');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await page.evaluate(() => (globalThis as unknown as { __na64Test: { crashWorkers(): void } }).__na64Test.crashWorkers());
  await expect(page.getByTestId('run-error')).toContainText('crash', { timeout: 30_000 });
  // the last good plot is still there
  await expect(page.getByTestId('hermeticity-plot')).toBeVisible();
  await ev.fill('20000');
  await ev.press('Enter');
  await page.getByTestId('run-button').click();
  await waitForRun(page);
});

test('NA64mu: switching setups keeps each setup its own settings; box drag and event click work', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  // change an NA64e setting, then switch
  const seed = page.getByTestId('input-seed');
  await seed.fill('5');
  await seed.press('Enter');
  await page.getByTestId('setup-select').selectOption('na64mu');
  await waitForRun(page);
  await expect(page.getByTestId('hermeticity-plot')).toContainText('p');
  await expect(page.getByTestId('input-seed')).toHaveValue('1');
  await expect(page.getByTestId('box-xmax')).toHaveValue(/80/);
  const before = await numberOf(page, 'box-raw');
  // drag the top edge of the box (calorimeter energy) upwards
  const edge = await page.getByTestId('box-edge-top').boundingBox();
  const plot = await page.getByTestId('density-canvas').boundingBox();
  await page.mouse.move(edge!.x + edge!.width / 2, edge!.y + edge!.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge!.x + edge!.width / 2, plot!.y + plot!.height * 0.15, { steps: 8 });
  await page.mouse.up();
  const after = await numberOf(page, 'box-raw');
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: 'test-results/screenshots/05-na64mu.png', fullPage: true });
  // click the MIP muon population near p_out = 160 GeV
  await page.mouse.click(plot!.x + plot!.width * (160 / 200), plot!.y + plot!.height * 0.78);
  await expect(page.getByTestId('event-story')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('event-info')).toContainText('p_out');
  await page.getByTestId('camera-side').click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/screenshots/06-na64mu-event.png', fullPage: true });
  // back to NA64e: its own settings are still there; the choice of setup survives a reload
  await page.getByTestId('setup-select').selectOption('na64e');
  await expect(page.getByTestId('input-seed')).toHaveValue('5');
  await page.getByTestId('setup-select').selectOption('na64mu');
  await page.reload();
  await expect(page.getByTestId('setup-select')).toHaveValue('na64mu');
});
