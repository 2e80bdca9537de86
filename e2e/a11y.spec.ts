import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Wait until the default run has finished and the plot shows events. */
async function waitForRun(page: Page) {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('box-raw')).toBeVisible();
}

/** Run axe; print every violation (for the report) and return the serious and critical ones. */
async function seriousViolations(page: Page, what: string) {
  const res = await new AxeBuilder({ page }).analyze();
  for (const v of res.violations) {
    console.log(`[axe ${what}] ${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
    for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(' ')}`);
  }
  console.log(`[axe ${what}] ${res.violations.length} violations, ${res.passes.length} rules passed`);
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
});

test('main view has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  expect(await seriousViolations(page, 'main')).toEqual([]);
});

test('main view with a selected event and an explanation open', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('preset-dimuon').click();
  await expect(page.getByTestId('event-info')).toHaveAttribute('data-process', 'dimuon', { timeout: 30_000 });
  await page.getByTestId('region-label-I').click();
  await expect(page.getByTestId('explanation-panel')).toBeVisible();
  expect(await seriousViolations(page, 'event+explanation')).toEqual([]);
});

test('presentation mode has no serious or critical accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('presentation-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presentation/);
  expect(await seriousViolations(page, 'presentation')).toEqual([]);
});

test('the open tour has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.getByTestId('tour-start').click();
  await expect(page.getByTestId('tour-dialog')).toBeVisible();
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour-dialog')).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 });
  expect(await seriousViolations(page, 'tour')).toEqual([]);
});

test('the keyboard-help dialog has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/');
  await waitForRun(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('keyboard-help')).toBeVisible();
  expect(await seriousViolations(page, 'help')).toEqual([]);
});
