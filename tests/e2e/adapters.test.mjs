// The adapters in the browser build (headless Chromium): they load the wasm
// and the locale they need by themselves, without the app calling init().
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

test('rules and schemas before any init(): wasm and locale chunks load on first use', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/pkg/package.json');
  const out = await page.evaluate(async () => {
    const { rules } = await import('/pkg/rules.js');
    const { schemas } = await import('/pkg/web.js');
    const rule = rules.mobile({ locale: 'en', label: 'Contact mobile' });
    const rejected = await rule.validator(rule, '1380013800').then(() => null, (e) => e.message);
    const pending = schemas.withOptions({ locale: 'zh-TW' }).mobile['~standard'].validate('1380013800');
    const wasPromise = typeof pending?.then === 'function';
    const result = await pending;
    const sync = schemas.withOptions({ locale: 'zh-TW' }).mobile['~standard'].validate('1380013800');
    const tw = rules.email({ locale: 'zh-TW', label: '電子郵件' });
    const twRejected = await tw.validator(tw, 'a@@b').then(() => null, (e) => e.message);
    return { rejected, wasPromise, result, syncIsPromise: typeof sync?.then === 'function', twRejected };
  });
  assert.equal(out.rejected, 'Contact mobile: The mobile number has 10 digits; it needs 11');
  assert.equal(out.wasPromise, true, 'validate() waits for the wasm the first time');
  assert.match(out.result.issues[0].message, /^手機號碼只有 10 位/);
  assert.equal(out.syncIsPromise, false, 'then it answers synchronously');
  assert.match(out.twRejected, /^電子郵件：/);
  assert.deepEqual(errors, []);
  await page.close();
});
