import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The ROOT JSON that the app downloads, opened in a browser by JSROOT itself (the jsroot package's
 * browser build, devDependency): JSROOT.parse + JSROOT.draw(…, 'colz'), as a user would in JSROOT.
 */

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const LINK =
  '/#setup=na64e&events=5000&seed=7&beamEnergyGeV=100&hadronFraction=0.005&ecalLayers=150&hcalModules=4' +
  '&vetoThresholdMeV=4&hcal0ThresholdGeV=1&pileup=1&cuts=0&lang=en';

// the package's `require` entry is build/jsroot.js; its minified twin lies beside it
const jsrootBuild = join(dirname(createRequire(import.meta.url).resolve('jsroot')), 'jsroot.min.js');

test('the exported ROOT JSON is drawn by JSROOT in the browser (colz, axis titles, statistics)', async ({
  page,
  browser,
}) => {
  await page.goto(LINK);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await page.getByTestId('export-menu').click();
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('export-root').click(),
  ]);
  const text = readFileSync((await dl.path())!, 'utf8');
  const entries = (JSON.parse(text) as { fEntries: number }).fEntries;
  expect(entries).toBe(5000);

  // a page of its own with nothing but JSROOT
  const viewer = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors: string[] = [];
  viewer.on('pageerror', (e) => errors.push(e.message));
  // served from a made-up origin by the test itself (JSROOT locates itself by its script's URL)
  await viewer.route('http://jsroot.invalid/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(jsrootBuild, 'utf8') })
      : route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><html><body style="margin:0"><div id="h" style="width:880px;height:660px"></div><script src="jsroot.min.js"></script></body></html>',
        }),
  );
  await viewer.goto('http://jsroot.invalid/index.html');
  const drawn = await viewer.evaluate(async (json) => {
    const J = (
      window as unknown as {
        JSROOT: {
          parse(t: string): { _typename: string; fXaxis: { fNbins: number } };
          draw(d: string, o: object, opt: string): Promise<unknown>;
          version: string;
        };
      }
    ).JSROOT;
    const obj = J.parse(json);
    await J.draw('h', obj, 'colz');
    const svg = document.querySelector('#h svg')!;
    return {
      version: J.version,
      typename: obj._typename,
      nbins: obj.fXaxis.fNbins,
      texts: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      paths: svg.querySelectorAll('path').length,
    };
  }, text);
  await viewer.screenshot({ path: `${SHOTS}/jsroot-th2d-colz.png` });
  expect(errors).toEqual([]);
  expect(drawn.version).toMatch(/^7\./);
  expect(drawn.typename).toBe('TH2D');
  const texts = drawn.texts.join(' | ');
  expect(texts).toContain('ECAL'); // E_{ECAL} [GeV], drawn as TLatex with a subscript
  expect(texts).toContain('HCAL');
  expect(texts).toContain('Entries');
  expect(drawn.texts).toContain(String(entries));
  expect(drawn.paths).toBeGreaterThan(20);
  await viewer.close();
});
