// Shared by the browser tests: one server + one Chromium per test file, and
// what the built package offers (a kind another branch has not landed yet is
// reported as a skipped test, never as a pass).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pkg from 'beian-check';
import { launch } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

await pkg.default();
const KINDS = new Set(pkg.kinds().map((k) => k.kind));
/** A skip reason when the built package lacks a kind or an export, else false. */
export function needs({ kind, fn } = {}) {
  if (kind && !KINDS.has(kind)) return `kind '${kind}' is not in this build yet`;
  if (fn && typeof pkg[fn] !== 'function') return `${fn}() is not in this build yet`;
  return false;
}

/** What the package itself (in Node) says about a value: the widget must show exactly this. */
export function expected(kind, value, options = {}) {
  return pkg.checkField(kind, value, { locale: 'zh-CN', ...options });
}

/** The package's own verdicts on an image, for comparison with what the page shows. */
export const imageApi = {
  check: (...a) => pkg.checkImage(...a),
  pixels: (...a) => pkg.checkImagePixels(...a),
};

export async function serve(options = {}) {
  const server = await startServer({ port: 0, ...options });
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

export { launch };

/** A page that records page errors, console errors and dialogs (an alert() would be an XSS). */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.problems = problems;
  if (url) await page.goto(url);
  return page;
}

/**
 * Waits until the widget on `form` has loaded (or failed to). The widget fetches the checker on
 * the form's first use; this starts it the way the API allows (reading `controller.ready`), so
 * tests of what is loaded before any use must not call it first.
 */
export function widgetSettled(page, form = 'form[data-beian-form]') {
  return page.waitForFunction((sel) => {
    const node = document.querySelector(sel);
    void node?.__beianCheck?.ready;
    const state = node?.dataset.beianState;
    return state === 'ready' || state === 'failed';
  }, form);
}


/** The text of the inline message box an input points to with aria-describedby. */
export function describedText(page, selector) {
  return page.evaluate((sel) => {
    const input = document.querySelector(sel);
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent || '').join('\n');
  }, selector);
}

/** Records the paths (under /pkg/) of what a page requests that match `pattern`'s first group, in order. */
function recordFetches(page, pattern) {
  const seen = [];
  page.on('request', (r) => {
    const m = pattern.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

/** Records the wasm files a page fetches (path, from the package root). */
export const wasmFetches = (page) => recordFetches(page, /\/pkg\/(.*\.wasm)$/);

/** Every file a page fetches from the package (path under /pkg/), in order. */
export const pkgFetches = (page) => recordFetches(page, /\/pkg\/(.*)$/);

/** A JPEG of `width`×`height` drawn by the page's canvas (a gradient with text: no image finding at photo sizes). */
export async function makeJpeg(page, width, height) {
  const base64 = await page.evaluate(async ([w, h]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    const g = ctx.createLinearGradient(0, 0, w, h);
    g.addColorStop(0, '#3a6ea5');
    g.addColorStop(1, '#f2c14e');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = '#fff';
    ctx.font = `${Math.round(h / 8)}px sans-serif`;
    ctx.fillText('居民身份证 4000×3000', w / 10, h / 2);
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/jpeg', 0.85));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, [width, height]);
  return Buffer.from(base64, 'base64');
}

let idCard = null;
/**
 * Clean photos of both sides of one resident ID card, made by the card
 * generator (scripts/cardgen: seed 77, photo 12, no defect, 1800 × 1350 px,
 * valid until 2044-08-04) and its person (the truth).
 */
export function idCardPhotos() {
  if (!idCard) {
    const dir = mkdtempSync(join(tmpdir(), 'beian-idcard-'));
    try {
      const make = (side, slot) => {
        const out = join(dir, side);
        execFileSync(fileURLToPath(new URL('../../scripts/cardgen/run', import.meta.url)),
          ['--seed', '77', '--start', '12', '--count', '1', '--out', out, '--slot', slot, '--side', side, '--defects', 'none', '--long', '1800'],
          { stdio: ['ignore', 'ignore', 'pipe'] });
        return { jpeg: readFileSync(join(out, '00012.jpg')), truth: JSON.parse(readFileSync(join(out, '00012.json'), 'utf8')) };
      };
      const front = make('portrait', 'idCardFront');
      idCard = { idCardFront: front.jpeg, idCardBack: make('emblem', 'idCardBack').jpeg, person: front.truth.person };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return idCard;
}

/**
 * Uploads a clean photo into each of the page's required document slots
 * (`paths`: data-beian-path values) and waits until every slot is checked.
 * An ID slot gets a clean photo of a real-looking ID card
 * ([idCardPhotos]; the ID-card analysis judges and reads it), and the
 * certificate number and validity typed for that person are set to the
 * card's, as an applicant's own would be.
 */
export async function uploadDocuments(page, paths = ['subject.documents.businessLicense', 'subject.principal.documents.idCardFront', 'subject.principal.documents.idCardBack']) {
  const jpeg = await makeJpeg(page, 1600, 1000);
  for (const p of paths) {
    const slot = p.split('.').pop();
    const card = /^idCard(Front|Back)$/.test(slot) ? idCardPhotos() : null;
    if (card) {
      const person = p.replace(/\.documents\.[^.]+$/, '');
      await page.fill(`[data-beian-path="${person}.certNumber"]`, card.person.number);
      await page.evaluate(([sel, value]) => {
        const date = document.querySelector(sel);
        const box = date.parentElement.querySelector('[data-longterm]');
        if (box?.checked) box.click(); // a dated card: untick 长期
        date.value = value;
        date.dispatchEvent(new Event('input', { bubbles: true }));
        date.dispatchEvent(new Event('change', { bubbles: true }));
      }, [`input[type=date][data-beian-path="${person}.certValidUntil"]`, card.person.validUntil]);
    }
    await page.setInputFiles(`input[data-beian-path="${p}"]`, { name: `${slot}.jpg`, mimeType: 'image/jpeg', buffer: card ? card[slot] : jpeg });
  }
  await page.waitForFunction((ps) => {
    const items = document.querySelector('#filing, form[data-beian-form]')?.__beianCheck?.check().items || [];
    return ps.every((p) => document.querySelector(`input[data-beian-path="${p}"] + .bc-msg canvas.bc-thumb`)) && !items.some((i) => i.code === 'form.document.required');
  }, paths);
}
