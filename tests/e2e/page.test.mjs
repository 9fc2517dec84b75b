// The self-check page as a first user meets it (issue 16 items 1, 2, 6, 10–12,
// 14, 21, 22, 25, 26; issue 17 items 15–17): clearing, the report on screen and
// in print, layout, documents per subject type, the phone list, focus, autofill,
// accessibility (axe-core on every page state, injected from node_modules),
// drafts, a checker that fails to load, and the headers the page is served with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openPage, serve, uploadDocuments, widgetSettled } from './helpers.mjs';
import { CSP } from '../../scripts/serve.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MOBILE = '[data-beian-path="subject.principal.mobile"]';
const EMAIL = '[data-beian-path="subject.principal.email"]';
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let server, base, browser;
before(async () => {
  ({ server, base } = await serve());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function demo(options, url = base + '/?lang=zh-CN') {
  const page = await openPage(browser, url, options);
  await widgetSettled(page, '#filing');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('beian-check'));
  return page;
}

/** Clicks `selector`; when the page asks before replacing typed input, answers `answer`. */
async function clickConfirming(page, selector, answer = 'yes') {
  await page.click(selector);
  if (!(await page.locator('#confirm[open]').count())) return;
  // The page acts on the dialog's close event, a task queued after the click
  // returns: wait for it (and the microtasks it starts), or a loaded machine
  // reads the page before the action ran.
  const closed = page.evaluate(() => new Promise((done) => {
    document.querySelector('#confirm').addEventListener('close', () => setTimeout(done, 0), { once: true });
  }));
  await page.click(`#confirm button[value="${answer}"]`);
  await closed;
}

/** axe-core's violations on the page as it is now (the script is evaluated in the page: no CDN, no CSP exception). */
async function axe(page, what) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${what}`);
}

test('issue 16.1: after an example and 清空 a subject type is chosen and the validity date is usable', async () => {
  const page = await demo();
  await page.click('#example-clean'); // its licence is 长期: the date is off
  assert.equal(await page.isDisabled('#subject-cert-valid'), true);
  await clickConfirming(page, '#clear');
  assert.equal(await page.locator('#subject-types input:checked').count(), 1);
  assert.equal(await page.inputValue('#subject-types input:checked'), 'enterprise');
  assert.equal(await page.isChecked('#sec-subject [data-longterm]'), false);
  assert.equal(await page.isDisabled('#subject-cert-valid'), false);
  await page.fill('#subject-cert-valid', '2031-05-06');
  assert.equal(await page.inputValue('#subject-cert-valid'), '2031-05-06');
  assert.equal(await page.locator('#websites .website').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('issue 16.2: printing always shows the form as it is now (beforeprint rebuilds the report)', async () => {
  const page = await demo();
  await page.evaluate(() => {
    window.print = () => {}; // headless: no dialog
  });
  await page.click('#example-clean');
  await uploadDocuments(page);
  await page.click('#print'); // the report exists now
  assert.match(await page.textContent('#report'), /13959112345/);
  assert.match(await page.textContent('#report .report-counts'), /未发现问题/);
  await page.fill(MOBILE, '1380013800');
  await page.locator(EMAIL).focus();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint'))); // Ctrl+P
  const report = await page.textContent('#report');
  assert.match(report, /1380013800/);
  assert.doesNotMatch(report, /13959112345/);
  assert.match(await page.textContent('#report .report-counts'), /1 个错误/);
  await page.close();
});

test('issue 16.6: a second domain keeps its ✕ beside the input, its message below both', async () => {
  const page = await demo();
  const site = page.locator('#websites .website').first();
  await site.locator('.add-domain').click();
  const second = '[data-beian-path="websites[0].domains[1]"]';
  await page.fill(second, 'https://www.zhangwei.io/');
  await page.locator(MOBILE).focus();
  await page.waitForSelector(`${second} ~ .bc-msg .bc-finding`);
  const [input, button, msg] = await page.$eval(second, (i) => {
    const row = i.closest('.domain-row');
    return [i, row.querySelector('.remove-domain'), row.querySelector('.bc-msg')].map((n) => n.getBoundingClientRect().toJSON());
  });
  assert.ok(Math.abs(button.top - input.top) < 4, `✕ on the input's line: ${button.top} vs ${input.top}`);
  assert.ok(button.left >= input.right, '✕ right of the input');
  assert.ok(button.width < 80, `✕ is a small button (${button.width}px)`);
  assert.ok(msg.top >= input.bottom, 'the message below');
  await page.close();
});

test('issue 16.10: 检查全部并生成报告 shows the report on screen, printable from there, with no "submit" words', async () => {
  const page = await demo();
  await page.click('#example-mistakes');
  assert.equal(await page.isVisible('#report'), false);
  await page.click('#submit');
  assert.equal(await page.isVisible('#report'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report');
  assert.match(await page.textContent('#report .report-counts'), /\d+ 个错误/);
  assert.match(await page.textContent('#report'), /张三/);
  assert.equal(await page.isVisible('#report-print'), true);
  assert.equal(await page.locator('#filing .bc-summary').count(), 0, 'no widget summary on this page');
  assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /提交前请先修正/);
  // printable from there: the print button prints what the report shows
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await page.click('#report-print');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#report-body'), true);
  assert.equal(await page.isVisible('#report-print'), false);
  assert.equal(await page.isVisible('#filing'), false);
  await page.emulateMedia({ media: 'screen' });
  // the report follows what is typed while it is on screen
  await page.fill(MOBILE, '13912345678');
  await page.waitForFunction(() => document.querySelector('#report').textContent.includes('13912345678'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('issue 16.11: an empty form checked in full counts its errors in the sidebar', async () => {
  const page = await demo();
  assert.equal(await page.textContent('#summary-counts'), '填写后这里会实时汇总问题');
  await page.click('#submit');
  const errors = await page.locator('#summary-list .sev-error').count();
  assert.ok(errors > 0);
  assert.match(await page.textContent('#summary-counts'), new RegExp(`${errors} 个错误`));
  await page.close();
});

test('issue 16.12: the documents a subject type needs are shown for it, and uploads reach checkForm as Documents', async () => {
  const page = await demo();
  const visible = (root) => page.$$eval(`${root} .upload`, (cards) => cards.filter((c) => c.offsetParent !== null).map((c) => c.dataset.doc));
  // an enterprise: its licence, the principal's ID and photos; per website the domain certificate and the authorisation letter
  assert.deepEqual(await visible('#uploads'), ['businessLicense', 'idCardFront', 'idCardBack', 'verificationPhoto', 'handheldId', 'other']);
  assert.deepEqual(await visible('#websites .website'), ['domainCertificate', 'authorizationLetter']);
  // a pre-approval document once content needing one is ticked
  await page.locator('#websites .chip').first().click();
  assert.deepEqual(await visible('#websites .website'), ['domainCertificate', 'preApproval', 'authorizationLetter']);
  // a person: no licence, no authorisation letter
  await page.click('#subject-types label[data-subject-type="personal"]');
  assert.deepEqual(await visible('#uploads'), ['idCardFront', 'idCardBack', 'verificationPhoto', 'handheldId', 'other']);
  assert.deepEqual(await visible('#websites .website'), ['domainCertificate', 'preApproval']);
  assert.match(await page.textContent('#uploads-for'), /个人备案/);

  await page.setInputFiles('input[data-beian-image="idCardFront"]', { name: 'front.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.setInputFiles('.website input[data-beian-image="domainCertificate"]', { name: 'cert.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.waitForSelector('input[data-beian-image="idCardFront"] + .bc-msg');
  const data = await page.evaluate(() => document.querySelector('#filing').__beianCheck.data());
  assert.deepEqual(data.subject.principal.documents, { idCardFront: {} });
  assert.deepEqual(data.websites[0].documents, { domainCertificate: {} });
  assert.deepEqual(data.subject.documents, {}, 'slots offered for the subject itself, nothing uploaded: checkForm judges what is missing');
  // a website's own principal uploads their own ID card
  assert.equal(await page.isVisible('.website-person input[data-beian-image="idCardFront"]'), false);
  await page.locator('#websites .same-principal').first().evaluate((box) => box.click());
  await page.setInputFiles('.website-person input[data-beian-image="idCardFront"]', { name: 'w.png', mimeType: 'image/png', buffer: PNG_1PX });
  const own = await page.evaluate(() => document.querySelector('#filing').__beianCheck.data());
  assert.deepEqual(own.websites[0].principal.documents, { idCardFront: {} });
  // a hidden slot is not part of the filing even when it had a file
  await page.click('#subject-types label[data-subject-type="enterprise"]');
  await page.setInputFiles('input[data-beian-image="businessLicense"]', { name: 'licence.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.click('#subject-types label[data-subject-type="personal"]');
  const after = await page.evaluate(() => document.querySelector('#filing').__beianCheck.data());
  assert.deepEqual(after.subject.documents, {}, 'the licence a person does not use is left out; the "other" slot is still offered');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('issue 16.12: a filled-in filing without its documents is not ready to submit; each missing one is named at its slot', async () => {
  const page = await demo();
  await page.evaluate(() => {
    window.print = () => {}; // headless: no dialog
  });
  await page.click('#example-clean'); // an enterprise: licence + the principal's ID card, both sides
  const required = () => page.evaluate(() => document.querySelector('#filing').__beianCheck.check().items.filter((i) => i.code === 'form.document.required').map((i) => `${i.severity} ${i.path}`).sort());
  assert.deepEqual(await required(), ['error subject.documents.businessLicense', 'error subject.principal.documents.idCardBack', 'error subject.principal.documents.idCardFront']);
  for (const slot of ['businessLicense', 'idCardFront', 'idCardBack']) {
    const input = `#uploads input[data-beian-image="${slot}"]`;
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-invalid') === 'true', input);
    assert.match(await page.textContent(`${input} + .bc-msg`), /尚未上传/);
  }
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#report-body').childElementCount > 0);
  assert.doesNotMatch(await page.textContent('#submit-note'), /可以提交给服务商/);
  assert.match(await page.textContent('#report'), /尚未上传/);
  assert.match(await page.textContent('#report .report-counts'), /3 个错误/);
  // a person needs the ID card's two sides, no licence
  await page.click('#subject-types label[data-subject-type="personal"]');
  await page.waitForFunction(() => !document.querySelector('#filing').__beianCheck.check().items.some((i) => i.path === 'subject.documents.businessLicense'));
  assert.deepEqual(await required(), ['error subject.principal.documents.idCardBack', 'error subject.principal.documents.idCardFront']);
  // uploading them clears the findings, and the page says the filing can go
  await page.click('#subject-types label[data-subject-type="enterprise"]');
  await uploadDocuments(page);
  assert.deepEqual(await required(), []);
  await page.click('#submit');
  await page.waitForFunction(() => /可以提交给服务商/.test(document.querySelector('#submit-note').textContent));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('issue 16.14: the widget says in its own words what its fix button does, only where it shows one', async () => {
  const page = await demo();
  await page.fill(MOBILE, '１３８００１３８０００');
  await page.locator(EMAIL).focus();
  const finding = page.locator(`${MOBILE} + .bc-msg .bc-finding:has(.bc-fix)`);
  await finding.waitFor();
  assert.match(await finding.locator('.bc-hint').textContent(), /可点击“应用修正”。$/);
  await page.click('[data-lang="en"]');
  await page.waitForFunction((sel) => /Apply fix/.test(document.querySelector(sel).nextElementSibling.textContent), MOBILE);
  assert.match(await finding.locator('.bc-hint').textContent(), /Or apply the fix below\.$/);
  // a finding without a button gets no such words
  await page.fill(MOBILE, '1380013800');
  await page.locator(EMAIL).focus();
  await page.waitForSelector(`${MOBILE} + .bc-msg [data-code="mobile.too_short"]`);
  assert.doesNotMatch(await page.textContent(`${MOBILE} + .bc-msg`), /apply the fix/i);
  await page.close();
});

test('issue 16.21: on a 390 px phone the bar opens the list of problems', async () => {
  const page = await demo({ viewport: { width: 390, height: 844 } });
  await page.click('#example-mistakes');
  assert.equal(await page.isVisible('#summary-list'), false);
  assert.equal(await page.getAttribute('#summary-go', 'aria-expanded'), 'false');
  await page.click('#summary-go');
  assert.equal(await page.getAttribute('#summary-go', 'aria-expanded'), 'true');
  assert.equal(await page.isVisible('#summary-list'), true);
  const items = page.locator('#summary-list button');
  assert.ok((await items.count()) > 3);
  assert.equal(await items.first().isVisible(), true);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling (${width})`);
  await axe(page, 'the phone with the list open');
  await items.first().click();
  assert.equal(await page.isVisible('#summary-list'), false, 'a chosen problem closes the list');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
  await page.close();
});

test('issue 16.22: focus in the problem list survives the re-render a blur causes (page and widget summaries)', async () => {
  const page = await demo();
  await page.click('#example-mistakes');
  await page.fill(MOBILE, '1391234567');
  await page.focus('#summary-list li:nth-child(2) button'); // the mobile field blurs: everything re-renders
  await page.waitForFunction(() => document.querySelector('#summary-list li:nth-child(2) button')?.dataset.key);
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0))); // after the coalesced redraw
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('#summary-list')), true);
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  await page.close();

  const embed = await openPage(browser, base + '/embed.html');
  await widgetSettled(embed);
  await embed.fill('input[name="mobile"]', '1380013800');
  await embed.fill('input[name="email"]', 'a@');
  await embed.click('button[type="submit"]'); // blocked: the widget's summary lists both
  await embed.waitForSelector('.bc-summary-link');
  await embed.fill('input[name="mobile"]', '138001380');
  await embed.focus('.bc-summary li:nth-child(2) .bc-summary-link');
  await embed.evaluate(() => new Promise((ok) => setTimeout(ok, 10))); // after the coalesced redraw
  assert.equal(await embed.evaluate(() => !!document.activeElement.closest('.bc-summary')), true);
  await embed.close();
});

test('issue 16.25: browsers may fill name, phone and e-mail (autocomplete tokens, not off on the form)', async () => {
  const page = await demo();
  assert.equal(await page.getAttribute('#filing', 'autocomplete'), null);
  const ac = (sel) => page.$eval(sel, (n) => n.autocomplete);
  assert.equal(await ac('[data-beian-path="subject.principal.name"]'), 'name');
  assert.equal(await ac(MOBILE), 'tel');
  assert.equal(await ac(EMAIL), 'email');
  assert.equal(await ac('#subject-address'), 'street-address');
  assert.equal(await ac('#subject-name'), 'organization');
  assert.equal(await ac('#subject-cert-number'), 'off');
  // a website's own principal is someone else: not the applicant's details
  assert.equal(await ac('[data-beian-path="websites[0].principal.name"]'), 'off');
  await page.close();
});

test('issue 16.26: landmarks, a skip link, specific ✕ labels, and zero axe violations on every page state', async () => {
  const page = await demo();
  assert.equal(await page.locator('main').count(), 1);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'summary');
  await axe(page, 'the empty page');

  await page.click('#example-mistakes');
  const remove = page.locator('#websites .website').first().locator('.domain-row').nth(1).locator('.remove-domain');
  assert.equal(await remove.getAttribute('aria-label'), '删除域名 zhangsan.io');
  await axe(page, 'the mistakes example loaded (errors shown)');
  await page.click('#add-website');
  assert.equal(await page.getAttribute('#websites .website:nth-child(2) .remove-website', 'aria-label'), '删除网站 2');
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await remove.getAttribute('aria-label'), 'Remove domain zhangsan.io');
  await page.click('[data-lang="zh-CN"]');
  await page.click('#submit');
  await page.waitForSelector('#report:not([hidden])');
  await axe(page, 'the report with errors');
  await clickConfirming(page, '#example-clean');
  await page.click('#submit');
  await axe(page, 'the clean report');
  await page.click('#clear');
  assert.equal(await page.isVisible('#confirm'), true);
  await axe(page, 'the confirmation dialog');
  await page.click('#confirm button[value="no"]');
  await page.close();

  const phone = await demo({ viewport: { width: 390, height: 844 } });
  await phone.click('#example-mistakes');
  await axe(phone, 'the phone');
  await phone.close();

  const embed = await openPage(browser, base + '/embed.html');
  await widgetSettled(embed);
  await axe(embed, 'embed.html');
  await embed.fill('input[name="mobile"]', '1380013800');
  await embed.click('button[type="submit"]');
  await embed.waitForSelector('.bc-summary');
  await axe(embed, 'embed.html with a blocked submit');
  await embed.close();
});

test('issue 17.15: a draft survives reload and Back, never holds photos, and can be forgotten', async () => {
  const page = await demo();
  assert.match(await page.textContent('.draft-note'), /只保存在本浏览器里.*localStorage.*照片从不保存/);
  await page.click('#subject-types label[data-subject-type="personal"]');
  await page.fill('#subject-name', '王小明');
  await page.fill(MOBILE, '13912345678');
  await page.click('#add-website');
  await page.fill('[data-beian-path="websites[1].name"]', '小明的博客');
  await page.locator('#websites .website').nth(1).locator('.add-domain').click();
  await page.fill('[data-beian-path="websites[1].domains[1]"]', 'xiaoming.cn');
  await page.locator('#websites .website').nth(1).locator('.chip').first().click();
  await page.setInputFiles('input[data-beian-image="idCardFront"]', { name: 'secret-id-photo.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.waitForFunction(() => (localStorage.getItem('beian-check.draft') || '').includes('xiaoming.cn')); // written once typing stops
  const saved = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  assert.deepEqual(saved.map(([k]) => k), ['beian-check.draft']);
  assert.ok(!saved[0][1].includes('secret-id-photo') && !saved[0][1].includes('iVBOR'), 'no photo in the draft');
  assert.ok(saved[0][1].includes('13912345678'));

  const check = async (p) => {
    assert.equal(await p.inputValue('#subject-name'), '王小明');
    assert.equal(await p.isChecked('#subject-types input[value="personal"]'), true);
    assert.equal(await p.inputValue(MOBILE), '13912345678');
    assert.equal(await p.locator('#websites .website').count(), 2);
    assert.equal(await p.inputValue('[data-beian-path="websites[1].name"]'), '小明的博客');
    assert.equal(await p.inputValue('[data-beian-path="websites[1].domains[1]"]'), 'xiaoming.cn');
    assert.equal(await p.locator('#websites .website').nth(1).locator('.chip input').first().isChecked(), true);
    assert.equal(await p.$eval('input[data-beian-image="idCardFront"]', (i) => i.files.length), 0);
  };
  await page.reload();
  await widgetSettled(page, '#filing');
  await check(page);
  // restored values are checked like typed ones
  await page.fill(MOBILE, '1391234567');
  await page.locator(EMAIL).focus();
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', MOBILE);
  await page.fill(MOBILE, '13912345678');
  await page.waitForFunction(() => (localStorage.getItem('beian-check.draft') || '').includes('"13912345678"'));
  await page.goto(base + '/embed.html');
  await page.goBack();
  await page.waitForSelector('#filing');
  await check(page);

  // 长期: ticking it keeps the typed date aside, unticking brings it back
  await page.click('#subject-types label[data-subject-type="enterprise"]');
  await page.fill('#subject-cert-valid', '2031-05-06');
  await page.check('#sec-subject [data-longterm]');
  assert.equal(await page.inputValue('#subject-cert-valid'), '');
  assert.equal(await page.isDisabled('#subject-cert-valid'), true);
  await page.uncheck('#sec-subject [data-longterm]');
  assert.equal(await page.inputValue('#subject-cert-valid'), '2031-05-06');
  assert.equal(await page.isDisabled('#subject-cert-valid'), false);

  // nothing typed is replaced without asking
  await page.click('#example-clean');
  assert.equal(await page.isVisible('#confirm'), true);
  assert.match(await page.textContent('#confirm-text'), /替换你已填写的全部内容/);
  await page.click('#confirm button[value="no"]');
  assert.equal(await page.inputValue('#subject-name'), '王小明');
  await page.click('#clear');
  await page.click('#confirm button[value="no"]');
  assert.equal(await page.inputValue(MOBILE), '13912345678');
  await clickConfirming(page, '#example-clean', 'yes');
  assert.equal(await page.inputValue('#subject-name'), '福州绿野科技有限公司');

  // forget: the form empties and nothing of it stays in this browser
  await clickConfirming(page, '#forget', 'yes');
  assert.match(await page.textContent('#draft-status'), /已清除/);
  assert.equal(await page.inputValue('#subject-name'), '');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.reload();
  await page.waitForSelector('#filing .website');
  assert.equal(await page.inputValue('#subject-name'), '');
  assert.equal(await page.inputValue(MOBILE), '');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('issue 17.16: the whole form is built when web.js, its glue, its wasm or widget.js fail to load', async () => {
  const count = (p) => p.locator('#filing input, #filing select, #filing textarea').count();
  const normal = await demo();
  const full = await count(normal);
  assert.ok(full > 50, `${full} controls`);
  await normal.close();
  for (const block of [['/pkg/web.js'], ['/pkg/wasm/beian_check.js'], ['/pkg/wasm/', '/pkg/wasm-fields/'], ['/pkg/widget.js']]) {
    const broken = await serve({ block });
    const page = await openPage(browser, broken.base + '/');
    await page.waitForFunction(() => /加载失败/.test(document.querySelector('#status').textContent));
    assert.equal(await count(page), full, `blocked ${block}`);
    assert.equal(await page.locator('#sec-uploads .upload:not([hidden])').count(), 6);
    // still usable: typing, examples, websites, the draft
    await page.click('#example-mistakes');
    assert.equal(await page.inputValue('#subject-name'), '张三');
    await page.click('#add-website');
    assert.equal(await page.locator('#websites .website').count(), 2);
    await page.click('#submit');
    assert.match(await page.textContent('#submit-note'), /加载失败/);
    assert.deepEqual(page.problems, [], `blocked ${block}`);
    await page.close();
    broken.server.close();
  }
});

test('issue 17.17: the page is served with a CSP, frame protection and a referrer policy, and works under them', async () => {
  for (const path of ['/', '/embed.html', '/pkg/widget.js']) {
    const r = await fetch(base + path);
    assert.equal(r.headers.get('content-security-policy'), CSP, path);
    assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.match(r.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  }
  const page = await openPage(browser, null);
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(base + '/');
  await widgetSettled(page, '#filing');
  await page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
    window.__csp = [];
    window.print = () => {};
  });
  await page.click('#example-mistakes');
  await page.setInputFiles('input[data-beian-image="idCardFront"]', { name: 'id.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.waitForSelector('input[data-beian-image="idCardFront"] + .bc-msg .bc-finding');
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => /checker ready/i.test(document.querySelector('#status').textContent));
  await page.click('#submit');
  await page.click('#report-print');
  assert.match(await page.textContent(`${MOBILE} + .bc-msg`), /digit|full-width/i);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);

  // another site cannot frame it
  await page.route('http://framer.test/', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe src="${base}/"></iframe>` }));
  await page.goto('http://framer.test/'); // resolves on load, which waits for the frame
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const framed = frame ? await frame.evaluate(() => !!document.querySelector('#filing')).catch(() => false) : false;
  assert.equal(framed, false, 'the page must not render inside a frame');
  await page.close();
});
