#!/usr/bin/env node
// Takes the README's screenshot of the self-check page (docs/self-check.png):
// the "typical mistakes" example loaded, the top of the page, 1200×900 CSS px,
// as an 8-bit palette PNG when `pngquant` is installed (else as Chromium saves it).
// Needs a build (`npm run build`). `node scripts/screenshot.mjs [out.png]`
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';
import { startServer } from './serve.mjs';

const out = process.argv[2] || fileURLToPath(new URL('../docs/self-check.png', import.meta.url));
const server = await startServer({ port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.click('#example-mistakes');
  await page.waitForFunction(() => document.querySelectorAll('.bc-msg').length > 5);
  await page.waitForTimeout(500); // let the images and the summary settle
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.screenshot({ path: out });
} finally {
  await browser.close();
  server.close();
}
try {
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--output', out, '--', out]);
} catch {
  // pngquant missing or nothing gained: keep Chromium's PNG
}
console.log(`wrote ${out}`);
