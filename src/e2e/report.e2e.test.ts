import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { gatherReport } from '../report/gather.js';
import { renderHtml } from '../report/html.js';
import { PdfUnavailableError, renderPdf } from '../report/pdf.js';
import { reportFixtureStore } from '../report/test-fixtures.js';
import { countryBounds } from '../report/svg-map.js';
import { SCREENSHOTS, launchChromium } from './server.js';

let browser: Browser;
let html: string;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-report-e2e-'));

before(async () => {
  const store = await reportFixtureStore();
  try {
    const model = await gatherReport(store, { filter: { country: ['AZ'], from: '2024-03-10', to: '2024-03-13' }, area: 'Azerbaijan (AZ)', mapExtent: countryBounds(['AZ']) });
    html = renderHtml(model);
  } finally {
    await store.close();
  }
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('the HTML report renders offline in Chromium: map, chart, footnotes; hostile text inert; no request leaves the file', async () => {
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const escaped: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data):/.test(url)) return route.continue();
    escaped.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(pathToFileURL(file).href);
    const countries = await page.locator('svg.report-map path.country').count();
    const dots = await page.locator('svg.report-map circle.event').count();
    const bars = await page.locator('svg.report-chart rect.bar').count();
    console.log(`report: ${countries} country outlines, ${dots} event dots, ${bars} daily bars`);
    assert.ok(countries >= 3, 'Azerbaijan and its neighbours are drawn');
    assert.ok(dots >= 1, 'the events are on the map');
    assert.equal(bars, 4, 'one bar per day of the period');
    const box = await page.locator('svg.report-map').boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, 'the map has a size');

    // every reference points at a footnote that exists
    const refs = await page.locator('sup.ref a').evaluateAll((els: any[]) => els.map((a) => a.getAttribute('href') as string));
    assert.ok(refs.length >= 5);
    for (const href of new Set(refs)) assert.equal(await page.locator(href).count(), 1, `${href} exists`);
    assert.match((await page.locator('tr[data-kind="killed"]').innerText()).replace(/\s+/g, ' '), /Killed .*12 15 15 2 1/);

    assert.equal(await page.locator('script, img, iframe').count(), 0, 'article markup stays text');
    assert.match(await page.locator('body').innerText(), /Death toll rises in Martuni <script>alert\("t"\)<\/script>/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-01-top.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-02-full.png'), fullPage: true });
    assert.deepEqual(escaped, [], 'no network request');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the PDF path prints the report with Chromium, or says what is missing', async () => {
  const pdf = join(dir, 'report.pdf');
  await renderPdf(html, pdf);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  assert.ok(statSync(pdf).size > 10_000, 'a real document');
  const saved = process.env.SITREP_CHROMIUM;
  process.env.SITREP_CHROMIUM = join(dir, 'no-such-chromium');
  try {
    await assert.rejects(renderPdf(html, join(dir, 'never.pdf')), (err: Error) => err instanceof PdfUnavailableError && /no-such-chromium/.test(err.message) && /--format html/.test(err.message));
  } finally {
    if (saved === undefined) delete process.env.SITREP_CHROMIUM;
    else process.env.SITREP_CHROMIUM = saved;
  }
});
