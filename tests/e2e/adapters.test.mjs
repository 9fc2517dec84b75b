// The adapters in the browser build (headless Chromium): they load the wasm
// and the locale they need by themselves, without the app calling init().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { wasmFetches } from './helpers.mjs';

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
  const fetched = wasmFetches(page);
  await page.goto(base + '/pkg/package.json');
  await page.exposeFunction('wasmSoFar', () => [...fetched]);
  const out = await page.evaluate(async () => {
    const { rules } = await import('/pkg/rules.js');
    const rule = rules.mobile({ locale: 'en', label: 'Contact mobile' });
    const rejected = await rule.validator(rule, '1380013800').then(() => null, (e) => e.message);
    const afterFieldRule = await window.wasmSoFar();
    const { schemas } = await import('/pkg/web.js');
    const pending = schemas.withOptions({ locale: 'zh-TW' }).mobile['~standard'].validate('1380013800');
    const wasPromise = typeof pending?.then === 'function';
    const result = await pending;
    const sync = schemas.withOptions({ locale: 'zh-TW' }).mobile['~standard'].validate('1380013800');
    const tw = rules.email({ locale: 'zh-TW', label: '電子郵件' });
    const twRejected = await tw.validator(tw, 'a@@b').then(() => null, (e) => e.message);
    const formResult = await schemas.form['~standard'].validate({ subject: { type: 'personal', principal: { mobile: '13800138000', emergencyPhone: '13800138000' } } });
    const formCodes = (formResult.issues ?? []).map((i) => i.code);
    return { rejected, afterFieldRule, formCodes, wasPromise, result, syncIsPromise: typeof sync?.then === 'function', twRejected };
  });
  assert.equal(out.rejected, 'Contact mobile: The mobile number has 10 digits; it needs 11');
  assert.deepEqual(out.afterFieldRule, ['wasm-fields/beian_check_bg.wasm'], 'a field rule needs only the fields-only module');
  assert.ok(out.formCodes.includes('form.contact.emergency_same'), `schemas.form ran checkForm: ${out.formCodes}`);
  // field schemas (main entry) used the bound fields-only module; schemas.form loaded the full one
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm', 'wasm/beian_check_bg.wasm']);
  assert.equal(out.wasPromise, true, 'validate() waits for the wasm the first time');
  assert.match(out.result.issues[0].message, /^手機號碼只有 10 位/);
  assert.equal(out.syncIsPromise, false, 'then it answers synchronously');
  assert.match(out.twRejected, /^電子郵件：/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('rules.form() loads the full module (checkForm) by itself; field rules then use it too', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fetched = wasmFetches(page);
  await page.goto(base + '/pkg/package.json');
  const out = await page.evaluate(async () => {
    const { rules } = await import('/pkg/rules.js');
    const model = { subject: { type: 'personal', principal: { name: '张三', mobile: '13800138000', emergencyPhone: '13800138000' } } };
    const rule = rules.form('subject.principal.emergencyPhone', { locale: 'en' })(model);
    const formMessage = await rule.validator(rule, model.subject.principal.emergencyPhone).then(() => null, (e) => e.message);
    const field = rules.mobile({ locale: 'en' });
    const fieldMessage = await field.validator(field, '1380013800').then(() => null, (e) => e.message);
    return { formMessage, fieldMessage };
  });
  assert.match(out.formMessage ?? '', /emergency/i, 'the cross-field rule ran (same emergency and principal mobile)');
  assert.match(out.fieldMessage ?? '', /10 digits/);
  assert.deepEqual(fetched, ['wasm/beian_check_bg.wasm'], 'one module: the full one serves the field rule too');
  assert.deepEqual(errors, []);
  await page.close();
});

test('checkForm on a page with only the fields-only module bound says which init() it needs', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/pkg/package.json');
  const message = await page.evaluate(async () => {
    const fields = await import('/pkg/fields.js');
    await fields.default(undefined, { locales: [] });
    const web = await import('/pkg/web.js'); // imported, not initialised: the fields module is bound
    try {
      web.checkForm({});
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message ?? '', /checkForm\(\) is not in the fields-only module .*init\(\) from 'beian-check'/);
  await page.close();
});
