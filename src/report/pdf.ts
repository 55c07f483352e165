import { existsSync } from 'node:fs';

export class PdfUnavailableError extends Error {}

/** The Chromium the PDF is printed with: $SITREP_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.SITREP_CHROMIUM || '/usr/bin/chromium';
}

/**
 * Print the HTML report to PDF with headless Chromium (driven by playwright-core), every
 * request blocked so the page is exactly the self-contained file. Says what is missing
 * when it cannot.
 */
export async function renderPdf(html: string, outPath: string): Promise<void> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(`PDF output needs Chromium, not found at ${executablePath} (install the "chromium" package or set SITREP_CHROMIUM); use --format html and print that instead`);
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfUnavailableError('PDF output needs the playwright-core package (npm install playwright-core); use --format html and print that instead');
  }
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] }).catch((err: Error) => {
    throw new PdfUnavailableError(`could not start Chromium at ${executablePath}: ${err.message.split('\n')[0]}`);
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (/^(data|about):/.test(route.request().url()) ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: outPath, format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
