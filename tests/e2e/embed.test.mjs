// The one-line embed (www/embed.html: an ordinary form that posts to its
// server) under a strict CSP, with the wasm blocked, and with the wasm URL
// overridden (a CDN).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describedText, launch, makeJpeg, needs, openPage, pkgFetches, serve, wasmFetches, widgetSettled } from './helpers.mjs';

const CSP = "script-src 'self' 'wasm-unsafe-eval'";
let strict, blocked, fullBlocked, visionBlocked, imageBlocked, browser;
before(async () => {
  strict = await serve({ headers: { 'Content-Security-Policy': CSP } });
  blocked = await serve({ block: ['/pkg/wasm/beian_check_bg.wasm', '/pkg/wasm-fields/beian_check_bg.wasm'] });
  fullBlocked = await serve({ block: ['/pkg/wasm/beian_check_bg.wasm'] });
  visionBlocked = await serve({ block: ['/pkg/wasm-vision/'] });
  imageBlocked = await serve({ block: ['/pkg/widget-image.js'] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  strict?.server.close();
  blocked?.server.close();
  fullBlocked?.server.close();
  visionBlocked?.server.close();
  imageBlocked?.server.close();
});

/** A 1×1 PNG: a real image the header check reads (and finds far too small for an ID card). */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const MOBILE = 'input[name="mobile"]';

/** Captures the form post instead of letting it reach the server. */
async function capturePost(page, base, path = '/submitted') {
  const posts = [];
  await page.route(`${base}${path}`, (route) => {
    posts.push(route.request().postData() || '');
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>received</p>' });
  });
  return posts;
}

test(`works under Content-Security-Policy: ${CSP} (embed and self-check page)`, async () => {
  for (const path of ['/embed.html', '/']) {
    const page = await openPage(browser, null);
    const violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(strict.base + path);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await widgetSettled(page);
    assert.equal(await page.getAttribute('form[data-beian-form]', 'data-beian-state'), 'ready');
    const mobile = path === '/' ? '[data-beian-path="subject.principal.mobile"]' : MOBILE;
    await page.fill(mobile, '1380013800');
    await page.locator('input[data-beian="email"]').first().focus();
    await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', mobile);
    assert.match(await describedText(page, mobile), /手机号码只有 10 位/);
    assert.deepEqual(violations, []);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the embed blocks a submit with errors, then lets the corrected form post everything typed', async () => {
  const page = await openPage(browser, strict.base + '/embed.html');
  const posts = await capturePost(page, strict.base);
  await widgetSettled(page);
  await page.fill(MOBILE, '1380013800');
  await page.fill('input[name="email"]', 'li@example.cn');
  await page.click('button[type="submit"]');
  assert.equal(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), MOBILE), true);
  assert.deepEqual(posts, []);
  await page.fill(MOBILE, '13800138000');
  await Promise.all([page.waitForURL('**/submitted'), page.click('button[type="submit"]')]);
  assert.match(posts[0], /mobile=13800138000/);
  assert.match(posts[0], /email=li%40example.cn/);
  await page.close();
});

test('with the wasm blocked the form still submits and nothing typed is lost', async () => {
  const page = await openPage(browser, blocked.base + '/embed.html');
  const posts = await capturePost(page, blocked.base);
  await widgetSettled(page);
  assert.equal(await page.getAttribute('form', 'data-beian-state'), 'failed');
  await page.fill('input[name="name"]', '张三');
  await page.fill(MOBILE, '1380013800'); // invalid, but nobody can tell now: it must go through untouched
  await page.fill('input[name="email"]', 'zhang@example.cn');
  await page.locator('input[name="email"]').blur();
  assert.equal(await page.locator('.bc-msg').count(), 0);
  await Promise.all([page.waitForURL('**/submitted'), page.click('button[type="submit"]')]);
  assert.equal(posts.length, 1);
  const body = new URLSearchParams(posts[0]);
  assert.equal(body.get('name'), '张三');
  assert.equal(body.get('mobile'), '1380013800');
  assert.equal(body.get('email'), 'zhang@example.cn');
  assert.deepEqual(page.problems, []);
  await page.close();

  // The self-check page says so and keeps working as a form.
  const demo = await openPage(browser, blocked.base + '/');
  await demo.waitForFunction(() => /failed|失败/.test(document.querySelector('#status').textContent));
  await demo.fill('[data-beian-path="subject.principal.mobile"]', '13800138000');
  assert.equal(await demo.inputValue('[data-beian-path="subject.principal.mobile"]'), '13800138000');
  assert.deepEqual(demo.problems, []);
  await demo.close();
});

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
const gz = (path) => gzipSync(readFileSync(PKG + path), { level: 9 }).length;
/** Issue 9's goal for everything a filing page loads first (gzip bytes). */
const FIRST_LOAD_GOAL = 60_000;

test('a filing page loads only widget.js and widget.css (under 60 KB gz) until its form is first used', async () => {
  const page = await openPage(browser, null);
  const fetched = pkgFetches(page);
  await page.goto(strict.base + '/embed.html', { waitUntil: 'networkidle' });
  await page.waitForTimeout(300); // idle callbacks, late imports: nothing more may come
  assert.deepEqual(fetched, ['widget.js', 'widget.css']);
  assert.equal(await page.getAttribute('form', 'data-beian-state'), 'idle');
  const bytes = fetched.reduce((sum, f) => sum + gz(f), 0);
  console.log(`# first load of the embed (before any use of the form): ${fetched.join(' + ')} = ${bytes} B (zlib level 9)`);
  assert.ok(bytes <= FIRST_LOAD_GOAL, `${bytes} B`);
  assert.deepEqual(page.problems, []);

  // The pointer over the form starts the fields build, before the first click.
  await page.hover('input[name="id"]');
  await page.waitForFunction(() => document.querySelector('form').dataset.beianState === 'ready');
  assert.deepEqual(fetched.filter((f) => f.endsWith('.wasm')), ['wasm-fields/beian_check_bg.wasm']);
  assert.ok(!fetched.includes('widget-image.js'), 'the image path waits for a file input');
  const firstCheck = fetched.slice(2).filter((f) => !f.startsWith('locales/')).reduce((sum, f) => sum + gz(f), 0);
  console.log(`# + at the first use, for field checks: ${fetched.slice(2).join(' + ')} = ${firstCheck} B (zlib level 9)`);
  await page.close();
});

test('the first use starts the download: a keyboard focus, autofill-style input, a file input; values already there load at once', async () => {
  // Keyboard only: Tab into the form.
  let page = await openPage(browser, null);
  let fetched = wasmFetches(page);
  await page.goto(strict.base + '/embed.html', { waitUntil: 'networkidle' });
  assert.deepEqual(fetched, []);
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.name === 'id')); i++) await page.keyboard.press('Tab');
  await page.keyboard.type('11010519491231002');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('input[name="id"]').getAttribute('aria-invalid') === 'true');
  assert.match(await describedText(page, 'input[name="id"]'), /17|18/);
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm']);
  await page.close();

  // A value set by a script or autofill (an input event, no pointer, no focus) is checked once the checker is there.
  page = await openPage(browser, null);
  fetched = wasmFetches(page);
  await page.goto(strict.base + '/embed.html', { waitUntil: 'networkidle' });
  await page.evaluate((sel) => {
    const input = document.querySelector(sel);
    input.value = '1380013800';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, MOBILE);
  await page.waitForFunction((sel) => {
    const input = document.querySelector(sel);
    return input.form.__beianCheck.fieldState(input).findings.some((f) => f.code === 'mobile.too_short');
  }, MOBILE);
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm']);
  await page.close();

  // The first thing used is the ID photo: the full build only (it checks fields too).
  page = await openPage(browser, null);
  fetched = wasmFetches(page);
  await page.goto(strict.base + '/embed.html', { waitUntil: 'networkidle' });
  await page.focus('input[data-beian-image="idCardFront"]');
  await widgetSettled(page);
  assert.deepEqual(fetched, ['wasm/beian_check_bg.wasm']);
  await page.close();

  // Server-rendered values (an edit form) are checked without waiting for a use.
  page = await openPage(browser, null);
  fetched = wasmFetches(page);
  await page.route(`${strict.base}/embed.html`, async (route) => {
    const original = await route.fetch();
    const html = (await original.text()).replace('<input name="mobile"', '<input name="mobile" value="1380013800"');
    route.fulfill({ response: original, body: html });
  });
  await page.goto(strict.base + '/embed.html');
  await page.waitForFunction((sel) => {
    const input = document.querySelector(sel);
    return input.form.dataset.beianState === 'ready' && input.form.__beianCheck.fieldState(input).findings.some((f) => f.code === 'mobile.too_short');
  }, MOBILE);
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the embed loads the fields-only wasm first, and the full one when a file input gets focus or an image is picked', async () => {
  const page = await openPage(browser, null);
  const fetched = wasmFetches(page);
  await page.goto(strict.base + '/embed.html');
  await page.hover('input[name="name"]');
  await widgetSettled(page);
  assert.equal(await page.getAttribute('form', 'data-beian-state'), 'ready');
  await shortMobileMarked(page);
  assert.match(await describedText(page, MOBILE), /手机号码只有 10 位/);
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm'], 'field checks need only the fields build');

  const input = 'input[data-beian-image="idCardFront"]';
  // Focus on the file input (a click opening the file dialog) starts the full build's download.
  await page.focus(input);
  for (let i = 0; i < 100 && fetched.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm', 'wasm/beian_check_bg.wasm'], 'fetched on focus, before any pick');
  await page.setInputFiles(input, { name: 'front.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.waitForFunction(() => /PNG · 1 × 1 px/.test(document.querySelector('.bc-msg[data-beian-for="idFront"]')?.textContent || ''));
  // an ID photo's pixels are checked by the vision module (the ID-card analysis), fetched with the first one
  for (let i = 0; i < 100 && fetched.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm', 'wasm/beian_check_bg.wasm', 'wasm-vision/beian_check_bg.wasm']);
  await page.waitForFunction(() => !document.querySelector('.bc-busy'));
  const codes = await page.$$eval('.bc-msg[data-beian-for="idFront"] .bc-finding', (n) => n.map((e) => e.dataset.code));
  assert.ok(codes.length > 0 && codes.every((c) => c.startsWith('image.')), `image findings from the full build: ${codes}`);
  // the field checks carry on, now from the full build
  await page.fill(MOBILE, '13800138000');
  await page.locator('input[name="email"]').focus();
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') !== 'true', MOBILE);
  assert.deepEqual(page.problems, []);
  await page.close();

  // A form with cross-field paths (the self-check page, data-beian-load="eager": checking is what
  // it is for) loads the full build only, with the page.
  const demo = await openPage(browser, null);
  const demoFetched = wasmFetches(demo);
  await demo.goto(strict.base + '/');
  await demo.waitForFunction(() => document.querySelector('form').dataset.beianState === 'ready');
  assert.deepEqual(demoFetched, ['wasm/beian_check_bg.wasm']);
  await demo.close();
});

test('an IDN label the fields build leaves pending loads the full build, whose UTS #39 warning replaces the pending one (issue 17 items 11, 12)', async () => {
  const page = await openPage(browser, null);
  const fetched = wasmFetches(page);
  await page.goto(strict.base + '/embed.html');
  await page.hover('input[name="name"]');
  await widgetSettled(page);
  const EMAIL = 'input[name="email"]';
  const codes = () => page.evaluate((sel) => {
    const ids = (document.querySelector(sel).getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.flatMap((id) => [...(document.getElementById(id)?.querySelectorAll('.bc-finding') || [])].map((n) => n.dataset.code));
  }, EMAIL);
  // A CJK domain is decided by the fields build itself: no second download.
  await page.fill(EMAIL, 'li@例子.中国');
  await page.fill(MOBILE, '1380013800');
  await page.locator(EMAIL).focus();
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', MOBILE);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm']);
  assert.deepEqual(await codes(), []);
  // A Cyrillic о in the domain: pending in the fields build, so the full build loads and checks again.
  await page.fill(EMAIL, 'user@qq.c\u043Em');
  await page.locator(MOBILE).focus();
  await page.waitForFunction((sel) => {
    const ids = (document.querySelector(sel).getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.some((id) => document.getElementById(id)?.querySelector('.bc-finding[data-code="domain.mixed_script"]'));
  }, EMAIL, { timeout: 15000 });
  assert.deepEqual(await codes(), ['domain.mixed_script']);
  assert.match(await describedText(page, EMAIL), /о \(U\+043E\)/);
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm', 'wasm/beian_check_bg.wasm']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** The embed page served by `server`, what it fetches recorded by `record`, its form post captured; settled. */
async function embedPage(server, record) {
  const page = await openPage(browser, null);
  const fetched = record(page);
  await page.goto(server.base + '/embed.html');
  const posts = await capturePost(page, server.base);
  await widgetSettled(page);
  return { page, fetched, posts };
}

/** Types a 10-digit mobile number, leaves the field, and waits for it to be marked invalid (field checks work). */
async function shortMobileMarked(page) {
  await page.fill(MOBILE, '1380013800');
  await page.locator('input[name="email"]').focus();
  await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-invalid') === 'true', MOBILE);
}

/** Fills name, mobile and email with valid values and submits, waiting for the post. */
async function submitFilled(page) {
  await page.fill('input[name="name"]', '张三');
  await page.fill(MOBILE, '13800138000');
  await page.fill('input[name="email"]', 'li@example.cn');
  await Promise.all([page.waitForURL('**/submitted'), page.click('button[type="submit"]')]);
}

test('when only the full wasm fails, field checks still work and the picked image is just not checked', async () => {
  const { page, fetched, posts } = await embedPage(fullBlocked, wasmFetches);
  assert.equal(await page.getAttribute('form', 'data-beian-state'), 'ready');
  const input = 'input[data-beian-image="idCardFront"]';
  const warned = page.waitForEvent('console', (m) => /image and form checks failed to load/.test(m.text()));
  await page.setInputFiles(input, { name: 'front.png', mimeType: 'image/png', buffer: PNG_1PX });
  await warned;
  await page.waitForFunction(() => !document.querySelector('.bc-busy'));
  assert.equal(await page.locator('.bc-msg[data-beian-for="idFront"] .bc-finding').count(), 0);
  await shortMobileMarked(page);
  await page.fill(MOBILE, '13800138000');
  await page.fill('input[name="email"]', 'li@example.cn');
  await Promise.all([page.waitForURL('**/submitted'), page.click('button[type="submit"]')]);
  assert.match(posts[0], /mobile=13800138000/);
  // one attempt at the full build, on the pick: typing and changes do not retry it
  assert.deepEqual(fetched, ['wasm-fields/beian_check_bg.wasm', 'wasm/beian_check_bg.wasm']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('when the vision module fails, an ID photo gets the whole-frame checks and the form still submits', async () => {
  const { page, fetched, posts } = await embedPage(visionBlocked, pkgFetches);
  const input = 'input[data-beian-image="idCardFront"]';
  const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && /beian-check/.test(m.text()));
  await page.setInputFiles(input, { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 1600, 1000) });
  await warned;
  await page.waitForFunction(() => document.querySelector('.bc-msg[data-beian-for="idFront"] canvas.bc-thumb') && !document.querySelector('.bc-busy'));
  assert.ok(fetched.includes('wasm-vision/beian_check.js'), `it was tried: ${fetched}`);
  const codes = await page.$$eval('.bc-msg[data-beian-for="idFront"] .bc-finding', (n) => n.map((e) => e.dataset.code));
  assert.ok(!codes.some((c) => /card|glare|wrong_side|number_illegible/.test(c)), `whole-frame findings only: ${codes}`);
  assert.equal(await page.locator('canvas[data-beian-outline]').count(), 0);
  await submitFilled(page);
  assert.match(posts[0], /mobile=13800138000/);
  assert.match(posts[0], /idFront=front\.jpg/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('when the image path (widget-image.js) fails to load, a picked file is not checked, fields are, and the form submits', async () => {
  const { page, fetched, posts } = await embedPage(imageBlocked, pkgFetches);
  const input = 'input[data-beian-image="idCardFront"]';
  const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && /beian-check/.test(m.text()));
  await page.setInputFiles(input, { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 1600, 1000) });
  await warned;
  await page.waitForFunction(() => !document.querySelector('.bc-busy'));
  assert.ok(fetched.includes('widget-image.js'), `it was tried: ${fetched}`);
  assert.equal(await page.locator('.bc-msg[data-beian-for="idFront"] .bc-finding').count(), 0);
  assert.equal(await page.locator('canvas.bc-thumb').count(), 0, 'nothing drawn, nothing claimed');
  await shortMobileMarked(page);
  await submitFilled(page);
  assert.match(posts[0], /mobile=13800138000/);
  assert.match(posts[0], /idFront=front\.jpg/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the wasm URL is overridable (data-beian-wasm, e.g. a CDN)', async () => {
  const wasm = readFileSync(fileURLToPath(new URL('../../pkg/wasm/beian_check_bg.wasm', import.meta.url)));
  const page = await openPage(browser, null);
  let served = 0;
  await page.route('**/cdn/beian-check.wasm', (route) => {
    served++;
    route.fulfill({ status: 200, contentType: 'application/wasm', body: wasm });
  });
  await page.route(`${blocked.base}/embed.html`, async (route) => {
    const original = await route.fetch();
    const html = (await original.text()).replace('<form data-beian-form', '<form data-beian-wasm="/cdn/beian-check.wasm" data-beian-form');
    route.fulfill({ response: original, body: html });
  });
  await page.goto(blocked.base + '/embed.html'); // the default wasm URL is blocked on this server
  await widgetSettled(page);
  assert.equal(await page.getAttribute('form', 'data-beian-state'), 'ready');
  assert.equal(served, 1);
  await page.fill(MOBILE, '1380013800');
  await page.locator('input[name="email"]').focus();
  assert.match(await describedText(page, MOBILE), /手机号码只有 10 位/);
  await page.close();
});

test('apply-fix is seen by a React-style value tracker (prototype setter + input event)', async () => {
  const page = await openPage(browser, strict.base + '/embed.html');
  await widgetSettled(page);
  // What React does to a controlled input: an instance-level value property that records every
  // value set through it; onChange fires only when the DOM value differs from the recorded one.
  await page.evaluate((sel) => {
    const input = document.querySelector(sel);
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    let tracked = input.value;
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() { return native.get.call(this); },
      set(v) { tracked = String(v); native.set.call(this, v); },
    });
    window.__changes = [];
    input.addEventListener('input', () => {
      const now = native.get.call(input);
      if (now !== tracked) window.__changes.push(now); // React would call onChange(now)
      tracked = now;
    });
  }, MOBILE);
  await page.locator(MOBILE).pressSequentially('１３８００１３８０００');
  await page.locator(`${MOBILE} ~ .bc-msg .bc-fix, label:has(${MOBILE}) + .bc-msg .bc-fix`).first().click();
  const changes = await page.evaluate(() => window.__changes);
  assert.equal(changes.at(-1), '13800138000');
  await page.close();
});

test("no global style leaks: every widget.css rule targets only the widget's own .bc- nodes", async () => {
  const css = readFileSync(fileURLToPath(new URL('../../widget/widget.css', import.meta.url)), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const page = await openPage(browser, null);
  await page.setContent('<!doctype html><p>x</p>');
  const selectors = await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const out = [];
    const walk = (rules) => {
      for (const r of rules) {
        if (r.selectorText) out.push(...r.selectorText.split(',').map((s) => s.trim()));
        if (r.cssRules) walk(r.cssRules);
      }
    };
    walk(sheet.cssRules);
    return out;
  }, css);
  assert.ok(selectors.length > 20);
  for (const s of selectors) assert.match(s, /^\.bc-[\w-]+/, `unscoped selector: ${s}`);
  await page.close();
});

test('attach(form, { paths }) runs the cross-field checks of checkForm on a form without data-beian-path', { skip: needs({ fn: 'checkForm' }) }, async () => {
  const page = await openPage(browser, null);
  await page.route(`${strict.base}/custom.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><script type="module" src="/custom.js"></script>
      <form id="f" action="/custom-sent" method="post"><label>Mobile <input id="m" name="m" data-beian="mobile"></label>
      <label>Emergency phone <input id="e" name="e" data-beian="mobile"></label><button>Send</button></form>`,
  }));
  await page.route(`${strict.base}/custom.js`, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import { attach } from '/pkg/widget.js';
      window.ctl = attach(document.getElementById('f'), { paths: { 'subject.principal.mobile': '#m', 'subject.principal.emergencyPhone': '#e' } });`,
  }));
  await page.goto(`${strict.base}/custom.html`);
  await widgetSettled(page, '#f');
  await page.fill('#m', '13800138000');
  await page.fill('#e', '13800138000');
  await page.locator('#m').focus();
  await page.waitForFunction(() => document.querySelector('#e').getAttribute('aria-invalid') === 'true');
  const codes = await page.$$eval('label:has(#e) + .bc-msg .bc-finding', (n) => n.map((x) => x.dataset.code));
  assert.ok(codes.includes('form.contact.emergency_same'), codes.join());
  assert.match(await describedText(page, '#e'), /emergency/i); // <html lang="en">
  assert.deepEqual(await page.evaluate(() => window.ctl.data().subject.principal), { mobile: '13800138000', emergencyPhone: '13800138000' });
  // A partial mapping: checkForm's findings about the missing subject/websites are listed, never blocking.
  await page.fill('#e', '13900139000');
  const posts = await capturePost(page, strict.base, '/custom-sent');
  await Promise.all([page.waitForURL('**/custom-sent'), page.click('button')]);
  assert.equal(posts[0], 'm=13800138000&e=13900139000');
  assert.deepEqual(page.problems, []);
  await page.close();
});
