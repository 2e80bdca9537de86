import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Keyboard access to single plot points: the plot's cursor (arrows, Enter, N, . , Esc). */

const SHOTS = 'test-results/screenshots';

async function waitForRun(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('box-raw')).toBeVisible();
}

async function numberOf(page: Page, testId: string): Promise<number> {
  const t = (await page.getByTestId(testId).innerText()).replace(/[\s\u2009]/g, '').replace(',', '.');
  const m = /-?[\d.]+(e[-+]?\d+)?/i.exec(t);
  return m ? Number(m[0]) : NaN;
}

/** The event index in the cursor's latest announcement ("… Event 123, …"). */
async function announcedEvent(page: Page, pattern: RegExp): Promise<number> {
  const live = page.getByTestId('plot-cursor-live');
  await expect(live).toHaveText(pattern);
  const m = /Event (\d+)/.exec(await live.innerText());
  expect(m, 'an event index in the announcement').toBeTruthy();
  return Number(m![1]);
}

/** The info panel and the 3D view show event `index`. */
async function showsEvent(page: Page, index: number) {
  await expect(page.getByTestId('event-info')).toContainText(`#${index}`, { timeout: 30_000 });
  await expect(page.getByTestId('event-info')).toHaveAttribute('data-process', /.+/);
  await expect(page.getByTestId('selection-ring')).toBeVisible();
  await expect(page.getByTestId('scene3d-cell-legend')).toBeVisible();
}

/** Focus the plot cursor the way a keyboard user does: Tab from the control before the plot. */
async function tabToPlot(page: Page) {
  await page.getByTestId('toggle-regions').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('plot-cursor')).toBeFocused();
  await expect(page.getByTestId('plot-cursor-mark')).toBeVisible();
}

async function cursorAt(page: Page): Promise<{ x: number; y: number }> {
  const c = page.getByTestId('plot-cursor');
  return { x: Number(await c.getAttribute('data-x')), y: Number(await c.getAttribute('data-y')) };
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
});

test('pick an event with the keyboard cursor, step through the signal box, clear', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await tabToPlot(page);

  // the cursor starts inside the signal box (E_ECAL < 50 GeV, E_HCAL < 1 GeV)
  const start = await cursorAt(page);
  expect(start.x).toBeGreaterThan(0);
  expect(start.x).toBeLessThan(50);
  expect(start.y).toBeLessThan(1);

  // to the electron spot at (100 GeV, 0): large steps right (10 GeV), then down to 0
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  expect(await cursorAt(page)).toEqual({ x: 100, y: 0 });
  await expect(page.getByTestId('hover-readout')).toBeVisible();
  await expect(page.getByTestId('hover-readout')).toContainText('100.0 GeV');
  // the position is announced after a short pause, in the locale's number format
  await expect(page.getByTestId('plot-cursor-live')).toHaveText(/E ECAL 100\.0 GeV, E HCAL 0 GeV; [\d\u2009,]+ events in bin/);
  // a small step: 1 GeV in x, a fraction of a GeV on the stretched (symlog) y axis
  await page.keyboard.press('ArrowUp');
  const up = await cursorAt(page);
  expect(up.x).toBe(100);
  expect(up.y).toBeGreaterThan(0);
  expect(up.y).toBeLessThanOrEqual(0.05);
  await page.keyboard.press('ArrowDown');
  expect((await cursorAt(page)).y).toBe(0);

  // Enter: the event nearest to the cursor, in the info panel and in 3D
  await page.keyboard.press('Enter');
  const spot = await announcedEvent(page, /^Nearest event to the cursor: Event \d+, .+: E ECAL \d+\.\d GeV, E HCAL [\d.]+ GeV\.$/);
  await showsEvent(page, spot);
  expect(await numberOf(page, 'event-eecal')).toBeGreaterThan(50);
  await expect(page.getByTestId('plot-cursor')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/kbd-01-enter-spot.png`, fullPage: true });
  await page.getByTestId('hermeticity-plot').screenshot({ path: `${SHOTS}/kbd-02-plot-cursor.png` });

  // "." the next farther event, "," back to the nearest
  await page.keyboard.press('.');
  const farther = await announcedEvent(page, /^Next farther event: Event \d+/);
  expect(farther).not.toBe(spot);
  await page.keyboard.press(',');
  expect(await announcedEvent(page, /^Next nearer event: Event \d+/)).toBe(spot);
  await page.keyboard.press(',');
  await expect(page.getByTestId('plot-cursor-live')).toHaveText('This is already the event nearest to the cursor.');

  // N: the first event of the signal box (in order of E_ECAL), then the next one
  const inBoxRaw = Number(await page.getByTestId('box-raw').getAttribute('data-value'));
  expect(inBoxRaw).toBeGreaterThan(1);
  const inBox = new Intl.NumberFormat('en').format(inBoxRaw);
  await page.keyboard.press('n');
  const first = await announcedEvent(page, new RegExp(`^1 of ${inBox} in the signal box: Event \\d+`));
  await showsEvent(page, first);
  expect(await numberOf(page, 'event-eecal')).toBeLessThan(50);
  // the cursor follows the stepped event
  expect((await cursorAt(page)).x).toBeLessThan(50);
  await page.keyboard.press('n');
  const second = await announcedEvent(page, new RegExp(`^2 of ${inBox} in the signal box: Event \\d+`));
  expect(second).not.toBe(first);
  await showsEvent(page, second);
  expect(await numberOf(page, 'event-eecal')).toBeLessThan(50);
  await page.screenshot({ path: `${SHOTS}/kbd-03-box-step.png`, fullPage: true });

  // no serious accessibility problems in this state (focus on the plot, event selected)
  const res = await new AxeBuilder({ page }).analyze();
  for (const v of res.violations) console.log(`[axe keyboard] ${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  const serious = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);

  // Shift+N goes back; [ and ] do the same as Shift+N and N
  await page.keyboard.press('Shift+N');
  expect(await announcedEvent(page, new RegExp(`^1 of ${inBox} in the signal box`))).toBe(first);
  await page.keyboard.press(']');
  expect(await announcedEvent(page, new RegExp(`^2 of ${inBox} in the signal box`))).toBe(second);

  // Escape clears the selection (and nothing else: the plot keeps the focus)
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('plot-cursor-live')).toHaveText('Selection cleared.');
  await expect(page.getByTestId('selection-ring')).toHaveCount(0);
  await expect(page.getByTestId('scene3d-cell-legend')).toHaveCount(0);
  await expect(page.getByTestId('plot-cursor')).toBeFocused();
});

test('the signal-box edges keep their own arrow keys next to the plot cursor', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await tabToPlot(page);
  const before = await cursorAt(page);
  // Tab on: the left edge of the box (E_ECAL minimum) takes the arrows, the cursor stays put
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('box-edge-left')).toBeFocused();
  await expect(page.getByTestId('plot-cursor-mark')).toHaveCount(0);
  const xmin = Number(await page.getByTestId('box-xmin').inputValue());
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await page.getByTestId('box-xmin').inputValue())).toBeGreaterThan(xmin);
  // back to the cursor: same place as before
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('plot-cursor')).toBeFocused();
  expect(await cursorAt(page)).toEqual(before);
});

test('the keyboard help lists the plot cursor keys; announcements follow the language', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('keyboard-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('pick the event nearest to the cursor');
  await expect(help).toContainText('next event in the signal box');
  await help.screenshot({ path: `${SHOTS}/kbd-04-help.png` });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByTestId('language-select').selectOption('fr');
  await tabToPlot(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('plot-cursor-live')).toHaveText(/^E ECAL \d+,0 GeV, E HCAL 0,\d+ GeV ; .+ ; dans la boîte de signal$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plot-cursor-live')).toHaveText(/^Événement le plus proche du curseur : Événement \d+, .+ : E ECAL \d+,\d+ GeV/);
});
