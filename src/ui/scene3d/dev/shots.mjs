import { chromium } from '@playwright/test';
const outDir = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const logs = [];
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
await page.goto('http://127.0.0.1:5182/scene-harness.html?preset=overview');
await page.waitForSelector('[data-testid=scene3d] canvas');
await page.waitForTimeout(2500);
await page.screenshot({ path: `${outDir}/overview.png` });
for (const p of ['side', 'top', 'beam', 'ecal', 'overview']) {
  await page.click(`[data-testid=camera-${p}]`);
  await page.waitForTimeout(1300);
  await page.screenshot({ path: `${outDir}/${p}.png` });
}
// hover ECAL in the ecal preset: find its screen position via the scene graph
await page.click('[data-testid=camera-ecal]');
await page.waitForTimeout(1300);
const pos = await page.evaluate(() => window.__project('ECAL'));
logs.push('ECAL at ' + JSON.stringify(pos));
await page.mouse.move(pos[0], pos[1]);
await page.waitForTimeout(500);
await page.screenshot({ path: `${outDir}/hover.png` });
for (const p of ['ecal', 'side', 'overview']) {
  await page.click(`[data-testid=camera-${p}]`);
  await page.waitForTimeout(1200);
  const bench = await page.evaluate(() => window.__bench?.(20));
  logs.push(`render ms/frame ${p} (1280x720): ${bench}`);
}
await page.click('[data-testid=camera-ecal]');
await page.click('[data-testid=transverse-20]');
await page.waitForTimeout(1300);
await page.screenshot({ path: `${outDir}/ecal-x20.png` });
await page.click('[data-testid=transverse-1]');
await page.click('[data-testid=camera-side]');
await page.waitForTimeout(1300);
await page.screenshot({ path: `${outDir}/side-x1.png` });
console.log(logs.join('\n'));
await browser.close();
