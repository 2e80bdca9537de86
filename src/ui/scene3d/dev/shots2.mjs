import { chromium } from '@playwright/test';
const outDir = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const logs = [];
page.on('console', (m) => { if (m.type() !== 'debug') logs.push(`${m.type()}: ${m.text()} ${m.location().url}`); });
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
// many cells
let t0 = Date.now();
await page.goto('http://127.0.0.1:5182/scene-harness.html?preset=ecal&many');
await page.waitForSelector('[data-testid=scene3d] canvas');
await page.waitForTimeout(2500);
await page.screenshot({ path: `${outDir}/many.png` });
logs.push(`many: ${await page.evaluate(() => window.__bench?.(10))} ms/frame`);
// orbit drag timing
t0 = Date.now();
await page.mouse.move(600, 400); await page.mouse.down();
for (let i = 0; i < 10; i++) await page.mouse.move(600 + i * 10, 400);
await page.mouse.up();
logs.push(`drag 10 steps: ${Date.now() - t0} ms`);
// no event, side view hover on a tracker
await page.goto('http://127.0.0.1:5182/scene-harness.html?preset=side&noevent');
await page.waitForTimeout(2500);
const p = await page.evaluate(() => window.__project('MBPL1'));
await page.mouse.move(p[0], p[1]);
await page.waitForTimeout(400);
await page.screenshot({ path: `${outDir}/noevent-hover.png` });
await page.mouse.move(640, 650);
await page.waitForTimeout(400);
logs.push('hover label after leave: ' + (await page.locator('[data-testid=scene3d-hover-label]').count()));
console.log(logs.join('\n'));
await browser.close();
