// The self-check page in headless Chromium: type an invalid mobile number,
// see the zh-CN finding inline; switch to English, see English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

let server, browser, base;
before(async () => {
  server = await startServer({ port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('typing 1380013800 shows the zh-CN finding inline, then English', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('beian-check'));
  await page.fill('#mobile', '1380013800');
  await page.locator('#email').focus(); // blur: the full (non-partial) check
  const msg = page.locator('#mobile-msg .finding.error .message');
  await msg.waitFor();
  assert.match(await msg.textContent(), /手机号码只有 10 位，应为 11 位/);
  assert.equal(await page.getAttribute('#mobile', 'aria-invalid'), 'true');
  await page.selectOption('#locale', 'en');
  assert.match(await msg.textContent(), /has 10 digits; it needs 11/);
  assert.deepEqual(errors, []);
  await page.close();
});
