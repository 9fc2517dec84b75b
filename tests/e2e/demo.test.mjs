// The self-check page (www/) with the widget, in headless Chromium: inline
// messages in three languages, apply-fix, images, the submit guard, privacy,
// safety, delegation, and screenshots for a human to look at (artifacts/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, describedText, expected, imageApi, launch, makeJpeg, needs, openPage, serve, uploadDocuments, widgetSettled } from './helpers.mjs';

let server, browser, base;
before(async () => {
  ({ server, base } = await serve());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const MOBILE = '[data-beian-path="subject.principal.mobile"]';
const EMAIL = '[data-beian-path="subject.principal.email"]';

async function demo(options) {
  const page = await openPage(browser, base + '/?lang=zh-CN', options);
  await widgetSettled(page, '#filing');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('beian-check'));
  return page;
}

test('typing 1380013800 shows the zh-CN finding inline (aria-describedby, aria-invalid, live region), then English', async () => {
  const page = await demo();
  await page.fill(MOBILE, '1380013800');
  await page.locator(EMAIL).focus(); // blur: the full (non-partial) check
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', MOBILE);
  assert.match(await describedText(page, MOBILE), /手机号码只有 10 位，应为 11 位/);
  const box = page.locator(`${MOBILE} + .bc-msg .bc-finding.bc-error[data-code="mobile.too_short"] .bc-text`);
  assert.match(await box.textContent(), /手机号码只有 10 位/);
  await page.waitForFunction(() => /手机号码只有 10 位/.test(document.querySelector('#filing .bc-live').textContent));
  // the live summary counts it
  assert.match(await page.textContent('#summary-counts'), /\d+ 个错误/);
  assert.match(await page.textContent('#summary-list'), /主体负责人 · 手机号码手机号码只有 10 位/);

  await page.click('[data-lang="en"]');
  await page.waitForFunction((sel) => /has 10 digits; it needs 11/.test(document.querySelector(sel).nextElementSibling.textContent), MOBILE);
  assert.match(await describedText(page, MOBILE), /has 10 digits; it needs 11/);
  assert.match(await page.textContent('#summary-counts'), /\d+ errors?/);
  assert.equal(await page.textContent('#h-principal [data-t]'), 'Subject principal');
  await page.click('[data-lang="zh-TW"]');
  await page.waitForFunction((sel) => /手機號碼/.test(document.querySelector(sel).nextElementSibling.textContent), MOBILE);
  assert.match(await describedText(page, MOBILE), /手機號碼/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('typing an invalid resident ID shows the message', { skip: needs({ kind: 'residentId' }) }, async () => {
  const page = await demo();
  const id = '[data-beian-path="subject.principal.certNumber"]';
  assert.equal(await page.getAttribute(id, 'data-beian'), 'residentId');
  await page.fill(id, '110105198805122313'); // the check digit should be 2
  await page.locator(MOBILE).focus();
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', id);
  const shown = await page.$$eval(`${id} + .bc-msg .bc-finding`, (n) => n.map((e) => [e.dataset.code, e.querySelector('.bc-text').textContent]));
  const api = expected('residentId', '110105198805122313').findings;
  assert.ok(api.some((f) => f.severity === 'error'));
  assert.deepEqual(shown.slice(0, api.length), api.map((f) => [f.code, f.message]));
  assert.match(await describedText(page, id), new RegExp(api[0].message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // a valid number shows its parsed facts quietly instead
  await page.fill(id, '110105198805122312');
  await page.locator(MOBILE).focus();
  await page.waitForFunction((sel) => !document.querySelector(sel).hasAttribute('aria-invalid'), id);
  assert.match(await describedText(page, id), /1988-05-12/);
  await page.close();
});

test('the apply-fix button fixes a full-width number, with an input event, only when clicked', async () => {
  const page = await demo();
  await page.evaluate((sel) => {
    window.__inputs = 0;
    document.querySelector(sel).addEventListener('input', () => window.__inputs++);
  }, MOBILE);
  await page.fill(MOBILE, '１３８００１３８０００');
  const fix = page.locator(`${MOBILE} + .bc-msg .bc-fix`);
  await fix.waitFor();
  assert.match(await fix.textContent(), /13800138000/);
  assert.equal(await page.inputValue(MOBILE), '１３８００１３８０００'); // nothing changes by itself
  const before = await page.evaluate(() => window.__inputs);
  await fix.click();
  assert.equal(await page.inputValue(MOBILE), '13800138000');
  assert.equal(await page.evaluate(() => window.__inputs), before + 1);
  assert.equal(await page.locator(`${MOBILE} + .bc-msg .bc-fix`).count(), 0);
  assert.equal(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), MOBILE), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a chosen 12-MP JPEG shows its dimensions and an oriented thumbnail', async () => {
  const page = await demo();
  const jpeg = await makeJpeg(page, 4000, 3000);
  const input = 'input[data-beian-image="idCardFront"]';
  await page.setInputFiles(input, { name: 'id-front.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const facts = page.locator(`${input} + .bc-msg .bc-facts-text`);
  await page.waitForFunction((sel) => /4000 × 3000/.test(document.querySelector(sel)?.nextElementSibling?.textContent || ''), input);
  assert.match(await facts.textContent(), /4000 × 3000 px/);
  if (!needs({ fn: 'probeImage' })) assert.match(await facts.textContent(), /JPEG/);
  const thumb = await page.waitForSelector(`${input} + .bc-msg canvas.bc-thumb`);
  assert.deepEqual(await thumb.evaluate((c) => [c.width, c.height]), [160, 120]);
  assert.match(await describedText(page, input), /4000 × 3000/);
  if (!needs({ fn: 'checkImage' })) {
    // the header verdict is the package's own, from the first bytes of the file
    const api = imageApi.check('idCardFront', new Uint8Array(jpeg), { fileSize: jpeg.length, fileName: 'id-front.jpg' });
    const shown = await page.$$eval(`${input} + .bc-msg .bc-finding`, (n) => n.map((e) => e.dataset.code));
    for (const f of api.findings) assert.ok(shown.includes(f.code), `${f.code} not shown: ${shown}`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a photo with EXIF orientation 6 shows its displayed size and an upright thumbnail', async () => {
  const page = await demo();
  // stored 1200 × 900: left half red, right half blue; orientation 6 turns it 90° clockwise,
  // so people see 900 × 1200 with red on top.
  const stored = Buffer.from(await page.evaluate(async () => {
    const c = Object.assign(document.createElement('canvas'), { width: 1200, height: 900 });
    const x = c.getContext('2d');
    x.fillStyle = '#e00000';
    x.fillRect(0, 0, 600, 900);
    x.fillStyle = '#0000e0';
    x.fillRect(600, 0, 600, 900);
    const b = await new Promise((ok) => c.toBlob(ok, 'image/jpeg', 0.9));
    return [...new Uint8Array(await b.arrayBuffer())];
  }));
  // APP1 Exif, big-endian TIFF, one IFD entry: Orientation (0x0112) SHORT = 6
  const tiff = Buffer.from('4d4d002a00000008' + '0001' + '011200030000000100060000' + '00000000', 'hex');
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  const jpeg = Buffer.concat([stored.subarray(0, 2), app1, stored.subarray(2)]);
  const input = 'input[data-beian-image="handheldId"]';
  await page.setInputFiles(input, { name: 'rotated.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const thumb = await page.waitForSelector(`${input} + .bc-msg canvas.bc-thumb`);
  if (!needs({ fn: 'probeImage' })) assert.match(await describedText(page, input), /900 × 1200 px/);
  const [w, h, top, bottom] = await thumb.evaluate((c) => {
    const x = c.getContext('2d');
    return [c.width, c.height, [...x.getImageData(c.width / 2, 10, 1, 1).data], [...x.getImageData(c.width / 2, c.height - 10, 1, 1).data]];
  });
  assert.deepEqual([w, h], [120, 160]);
  assert.ok(top[0] > 180 && top[2] < 80, `top should be red: ${top}`);
  assert.ok(bottom[2] > 180 && bottom[0] < 80, `bottom should be blue: ${bottom}`);
  await page.close();
});

test('a blank photo is caught by the pixel checks (decoded and downscaled off the main thread)', { skip: needs({ fn: 'checkImagePixels' }) }, async () => {
  const page = await demo();
  const blank = Buffer.from(await page.evaluate(async () => {
    const c = Object.assign(document.createElement('canvas'), { width: 1600, height: 1000 });
    const x = c.getContext('2d');
    x.fillStyle = '#fff';
    x.fillRect(0, 0, 1600, 1000);
    const b = await new Promise((ok) => c.toBlob(ok, 'image/png'));
    return [...new Uint8Array(await b.arrayBuffer())];
  }));
  const input = 'input[data-beian-image="idCardBack"]';
  await page.setInputFiles(input, { name: 'back.png', mimeType: 'image/png', buffer: blank });
  await page.waitForSelector(`${input} + .bc-msg canvas.bc-thumb`);
  // what the package says about the same picture at the size the widget decodes it to (1024 px long edge)
  const api = imageApi.pixels('idCardBack', new Uint8Array(1024 * 640 * 4).fill(255), 1024, 640);
  assert.ok(api.findings.length > 0);
  const shown = await page.$$eval(`${input} + .bc-msg .bc-finding`, (n) => n.map((e) => e.dataset.code));
  for (const f of api.findings) assert.ok(shown.includes(f.code), `${f.code} not shown: ${shown}`);
  await page.close();
});

test('this page sends nothing: checking everything with errors shows the report, errors marked, and stays put', async () => {
  const page = await demo();
  const url = page.url();
  await page.click('#example-mistakes');
  await page.click('#submit');
  assert.equal(page.url(), url);
  assert.equal(await page.isVisible('#report'), true);
  const errors = await page.locator('#filing [aria-invalid="true"]').count();
  assert.ok(errors > 0);
  assert.ok((await page.locator('#report tr.bad').count()) > 0);
  assert.match(await page.textContent('#report .report-counts'), /\d+ 个错误/);
  await page.close();
});

test('a clean filing passes the guard and makes the printable report', { skip: needs({ kind: 'residentId' }) || needs({ kind: 'creditCode' }) }, async () => {
  const page = await demo();
  await page.click('#example-clean');
  // the example fills the form; the documents it needs are still to upload (issue 16 item 12)
  await page.waitForFunction(() => document.querySelectorAll('#filing input[type=file][aria-invalid="true"]').length === 3);
  assert.equal(await page.locator('#filing [aria-invalid="true"]').count(), 3, await page.textContent('#summary-list'));
  await uploadDocuments(page);
  assert.equal(await page.locator('#filing [aria-invalid="true"]').count(), 0, await page.textContent('#summary-list'));
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#report-body').childElementCount > 0);
  assert.match(await page.textContent('#report'), /91350102MA2Y7K3P8C/);
  await page.close();
});

test('organisations say whether the principal is the legal representative; Fujian requires it', async () => {
  const page = await demo();
  await page.click('#example-clean'); // an enterprise in Fujian (闽)
  await uploadDocuments(page);
  const box = '#sec-principal input[data-rel="legalRepresentative"]';
  assert.equal(await page.isChecked(box), true, 'ticked by default: the usual case');
  assert.equal(await page.locator('#sec-principal input[data-rel="residencePermit"]').isVisible(), false, 'asked of individuals only');
  await page.uncheck(box);
  await page.waitForFunction(() => /法定代表人/.test(document.querySelector('#summary-list')?.textContent || ''));
  assert.match(await page.textContent('#summary-list'), /福建省要求单位的主体负责人为法定代表人/);
  // an error at a checkbox counts like one at a text field: the report lists it
  await page.click('#submit');
  assert.match(await page.textContent('#report .report-counts'), /1 个错误/);
  assert.match(await page.textContent('#report'), /福建省要求单位的主体负责人为法定代表人/);
  await page.check(box);
  await page.waitForFunction(() => !/法定代表人/.test(document.querySelector('#summary-list')?.textContent || ''));
  // an individual is asked about a residence permit instead
  await page.click('#subject-types label[data-subject-type="personal"]');
  assert.equal(await page.locator(box).isVisible(), false);
  assert.equal(await page.locator('#sec-principal input[data-rel="residencePermit"]').isVisible(), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('privacy: a full session sends nothing off the page origin and no form data anywhere', async () => {
  const page = await demo();
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.evaluate(() => {
    window.print = () => {}; // headless: no print dialog
  });
  await page.click('#example-mistakes');
  await page.fill(MOBILE, '13912345678');
  await page.fill('#subject-cert-number', '11010519880512231X');
  await page.setInputFiles('input[data-beian-image="idCardFront"]', { name: 'id.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 1200, 900) });
  await page.waitForSelector('input[data-beian-image="idCardFront"] + .bc-msg .bc-facts');
  await page.click('[data-lang="en"]');
  await page.click('#example-clean');
  await page.click('#confirm button[value="yes"]'); // typed input is replaced only when confirmed
  await page.click('#add-website');
  await page.keyboard.type('测试网站名称');
  await page.click('[data-lang="zh-TW"]');
  await page.click('#print');
  await page.click('#submit');
  await page.click('#clear');
  await page.click('#confirm button[value="yes"]');
  await page.waitForTimeout(200);
  const origin = new URL(base).origin;
  const typed = ['13912345678', '11010519880512231X', '13959112345', 'zhangsan', encodeURIComponent('张三'), encodeURIComponent('测试网站名称'), 'lvye-tech'];
  for (const r of requests) {
    assert.equal(new URL(r.url).origin, origin, `request off the origin: ${r.url}`);
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    assert.equal(r.body ?? null, null, `request with a body: ${r.url}`);
    for (const v of typed) assert.ok(!r.url.includes(v), `form data in ${r.url}`);
    assert.equal(new URL(r.url).search, '', `query string in ${r.url}`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('safety: markup typed into fields is shown as text, never run', async () => {
  const page = await demo();
  const payload = '<img src=x onerror=alert(1)>';
  const imgsBefore = await page.locator('img').count();
  await page.evaluate(() => {
    window.print = () => {};
  });
  for (const sel of [EMAIL, '#subject-address', '[data-beian-path="websites[0].name"]', '[data-beian-path="websites[0].domains[0]"]', '#footer-html', '#icp-number']) {
    await page.fill(sel, payload);
    await page.locator(MOBILE).focus();
  }
  // The e-mail check reports it: its message box holds only text nodes we wrote.
  assert.equal(await page.getAttribute(EMAIL, 'aria-invalid'), 'true');
  assert.equal(await page.locator('.bc-msg img, #summary img').count(), 0);
  await page.click('#print');
  const report = await page.textContent('#report');
  assert.ok(report.includes(payload), 'the report shows the value as text');
  assert.equal(await page.locator('img').count(), imgsBefore);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('*')].some((n) => n.hasAttribute('onerror'))), false);
  await page.waitForTimeout(100);
  assert.deepEqual(page.problems, []); // no alert() dialog
  await page.close();
});

test('event delegation: rows added later are checked; nodes the widget did not create are never replaced', async () => {
  const page = await demo();
  await page.evaluate(() => {
    window.__nodes = [...document.querySelectorAll('#sec-subject *, #sec-principal *')];
  });
  await page.fill(MOBILE, '１３８００１３８０００');
  await page.locator(`${MOBILE} + .bc-msg .bc-fix`).click();
  await page.fill(EMAIL, 'a@');
  await page.click('#submit');
  assert.equal(await page.evaluate(() => window.__nodes.every((n) => n.isConnected)), true);

  await page.click('#add-website');
  const site = page.locator('#websites .website').nth(1);
  await site.locator('.same-principal').evaluate((box) => box.click()); // (a sticky bar may cover it for a synthetic pointer)
  const email = '[data-beian-path="websites[1].principal.email"]';
  await page.fill(email, 'someone@@example.cn');
  await page.locator(MOBILE).focus();
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', email);
  assert.notEqual((await describedText(page, email)).trim(), '');
  // removing the row removes the widget's message with it
  await site.locator('.remove-website').click();
  assert.equal(await page.locator('.bc-msg').evaluateAll((n) => n.filter((b) => !b.isConnected).length), 0);
  await page.close();
});

test('screenshots: desktop, 390 px phone, printed report (artifacts/)', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const page = await demo({ viewport });
    await page.click('#example-mistakes');
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = join(ARTIFACTS, `demo-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(statSync(file).size > 20_000);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `no horizontal scrolling at ${viewport.width}px (scrollWidth ${width})`);
    if (name === 'desktop') {
      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.click('#print');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
    }
    await page.close();
  }
});
