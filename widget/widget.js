// beian-check/widget — checks an ICP filing form as the user types.
//
// Embed with one line:
//   <script type="module" src="https://…/beian-check/widget.js"></script>
// and mark the form and its inputs:
//   <form data-beian-form> <input data-beian="residentId"> <input type="file" data-beian-image="idCardFront">
//
// It holds no rules: every verdict comes from the public API of the package
// (checkField, checkForm, checkImage, checkImagePixels, probeImage,
// checkFooter). Functions the loaded package does not export are skipped,
// and if the wasm fails to load the form behaves exactly as without the
// widget. It listens at the form (event delegation), renders into nodes it
// creates itself, and writes text with textContent only.
//
// This file lives next to web.js and fields.js in the published package
// (pkg/widget.js). Nothing but this file and widget.css loads with the page
// (docs/size.md: ~11 KB gz; the image path, widget-image.js, comes with the
// first file input's focus or file): the checker is fetched when the form is first
// used — the pointer over it, a focus, a keystroke, autofill — or at once
// when the form already holds values (`load: 'eager'` / data-beian-load to
// opt out). It then loads one of the two builds: the fields-only one
// (checkField, 70 KB gz with its entry JS) while the form only needs field checks, the full one
// (105 KB: checkForm, images, the footer check) once it needs more — at once
// for a form with cross-field paths or a footer field, and for image inputs
// when one first gets focus or a file is picked.
// Each build's modules and wasm are requested at once when it loads: the entry's own imports (the browser
// would find them one round trip later) and the wasm (init() would fetch it only once they all ran).
const ENTRIES = {
  fields: () => [import('./fields.js'), import('./browser.js'), import('./core.js'), import('./wasm-fields/beian_check.js')],
  full: () => [import('./web.js'), import('./browser.js'), import('./core.js'), import('./schemas.js'), import('./wasm/beian_check.js')],
};
const WASM = {
  fields: () => new URL('./wasm-fields/beian_check_bg.wasm', import.meta.url),
  full: () => new URL('./wasm/beian_check_bg.wasm', import.meta.url),
};

const VERSION_ATTR = 'data-beian-attached';
// What starts the checker's download on a form that holds no values yet (a pointer over it comes first on
// desktops, a touch or focus on phones, input for autofill and scripts that fire events).
const WAKE = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'input', 'change', 'submit'];
const KINDLESS = new Set(['', 'none']);

// Widget chrome (not rules): labels, counts, fact names.
const UI = {
  'zh-CN': {
    fix: '应用修正：{v}', fixHint: '可点击“应用修正”。', blocked: '提交前请先修正以下问题', counts: ['{e} 个错误', '{w} 个警告'], none: '未发现问题',
    checking: '正在检查图片…',
    undecodable: ['浏览器无法解码这张 {format} 图片（文件已损坏或不完整）', '请从原始来源重新获取或重新导出图片后再上传。'],
    notDecoded: ['图片有 {w}×{h} 像素，太大，未在浏览器中检查清晰度和曝光', '可以缩小到 1200 万像素以内后再上传，以便检查。'],
    male: '男', female: '女', age: '{n} 岁', hk: '香港', mo: '澳门', tw: '台湾',
    mobile: '中国移动', unicom: '中国联通', telecom: '中国电信', broadnet: '中国广电', mvno: '虚拟运营商', satellite: '卫星电话', iot: '物联网号段',
    market_regulation: '市场监管部门登记', civil_affairs: '民政部门登记', organization: '机构编制部门登记', enterprise: '企业', individual_business: '个体工商户',
    farmers_cooperative: '农民专业合作社', government_agency: '机关', public_institution: '事业单位', social_organization: '社会团体', foundation: '基金会',
    private_non_enterprise: '民办非企业单位', law_firm: '律师事务所',
    filing: 'ICP 备案号', license: 'ICP 许可证', website: '网站', app: 'App', miniprogram: '小程序', quickapp: '快应用', longTerm: '长期', form: '表单',
  },
  'zh-TW': {
    fix: '套用修正：{v}', fixHint: '可點擊「套用修正」。', blocked: '送出前請先修正以下問題', counts: ['{e} 個錯誤', '{w} 個警告'], none: '未發現問題',
    checking: '正在檢查圖片…',
    undecodable: ['瀏覽器無法解碼這張 {format} 圖片（檔案已損壞或不完整）', '請從原始來源重新取得或重新匯出圖片後再上傳。'],
    notDecoded: ['圖片有 {w}×{h} 像素，太大，未在瀏覽器中檢查清晰度和曝光', '可以縮小到 1200 萬像素以內後再上傳，以便檢查。'],
    male: '男', female: '女', age: '{n} 歲', hk: '香港', mo: '澳門', tw: '臺灣',
    mobile: '中國移動', unicom: '中國聯通', telecom: '中國電信', broadnet: '中國廣電', mvno: '虛擬營運商', satellite: '衛星電話', iot: '物聯網號段',
    market_regulation: '市場監管部門登記', civil_affairs: '民政部門登記', organization: '機構編制部門登記', enterprise: '企業', individual_business: '個體工商戶',
    farmers_cooperative: '農民專業合作社', government_agency: '機關', public_institution: '事業單位', social_organization: '社會團體', foundation: '基金會',
    private_non_enterprise: '民辦非企業單位', law_firm: '律師事務所',
    filing: 'ICP 備案號', license: 'ICP 許可證', website: '網站', app: 'App', miniprogram: '小程式', quickapp: '快應用', longTerm: '長期', form: '表單',
  },
  en: {
    fix: 'Apply fix: {v}', fixHint: 'Or apply the fix below.', blocked: 'Fix these problems before submitting', counts: ['{e} error|{e} errors', '{w} warning|{w} warnings'], none: 'No problems found',
    checking: 'Checking the image…',
    undecodable: ['The browser cannot decode this {format} image (the file is damaged or incomplete)', 'Get the image again from where it came from, or export it again, then upload it.'],
    notDecoded: ['The image has {w}×{h} pixels: too large to check sharpness and exposure in the browser', 'Downscale it to under 12 megapixels and upload it again to have it checked.'],
    male: 'male', female: 'female', age: 'age {n}', hk: 'Hong Kong', mo: 'Macao', tw: 'Taiwan',
    mobile: 'China Mobile', unicom: 'China Unicom', telecom: 'China Telecom', broadnet: 'China Broadnet', mvno: 'virtual operator', satellite: 'satellite', iot: 'IoT segment',
    market_regulation: 'registered with market regulation', civil_affairs: 'registered with civil affairs', organization: 'registered with the staffing office',
    enterprise: 'enterprise', individual_business: 'individual business', farmers_cooperative: "farmers' cooperative", government_agency: 'government agency',
    public_institution: 'public institution', social_organization: 'social organisation', foundation: 'foundation', private_non_enterprise: 'private non-enterprise unit', law_firm: 'law firm',
    filing: 'ICP filing', license: 'ICP licence', website: 'website', app: 'app', miniprogram: 'mini program', quickapp: 'quick app', longTerm: 'long-term', form: 'Form',
  },
};

/** Maps a BCP 47 tag to a supported locale (zh-Hant/TW/HK/MO → zh-TW, zh* → zh-CN, en* → en). */
export function resolveLocale(tag) {
  const t = String(tag || '').toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (/^zh-(hant|tw|hk|mo)/.test(t)) return 'zh-TW';
  return 'zh-CN';
}

const fill = (s, vars) => s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
const plural = (s, n) => {
  const [one, many] = s.split('|');
  return many === undefined || n === 1 ? one : many;
};

/** "3 errors, 1 warning" in `locale`. */
export function countText(errors, warnings, locale = 'zh-CN') {
  const ui = UI[locale] || UI['zh-CN'];
  if (!errors && !warnings) return ui.none;
  const parts = [];
  if (errors) parts.push(fill(plural(ui.counts[0], errors), { e: errors }));
  if (warnings) parts.push(fill(plural(ui.counts[1], warnings), { w: warnings }));
  return parts.join(locale === 'en' ? ', ' : '，');
}

// ---- loading the checker once per page ----

let api = {}; // the exports of the build in use
let loaded = false; // a build is ready
const loading = {}; // build → its promise (dropped on failure: a later call retries)

/**
 * Loads a build of the checker once: `'full'` (the default) or `'fields'`
 * (checkField only; resolves at once when the full one is loaded or loading).
 * A `wasm` URL is the full build's wasm. Later calls share the promise; a
 * failure allows a retry. Messages other than zh-CN are loaded per locale,
 * when first shown.
 */
export function load(wasm, build = 'full') {
  const which = wasm || build !== 'fields' || loading.full ? 'full' : 'fields';
  if (!loading[which]) {
    let input = wasm || undefined;
    if (!input && typeof fetch === 'function') {
      input = fetch(WASM[which]());
      input.catch(() => {}); // init() reports it; not an unhandled rejection if an import failed first
    }
    loading[which] = Promise.all(ENTRIES[which]())
      .then(([m]) => m.default(input, { locales: [] }).then(() => m))
      .then(
        (m) => {
          // core.js keeps the full wasm once bound; so does the widget.
          if (which === 'full' || !('checkForm' in api)) api = m;
          loaded = true;
        },
        (e) => {
          delete loading[which];
          throw e;
        },
      );
  }
  return loading[which];
}

const has = (name) => loaded && typeof api[name] === 'function';

// The image path (widget-image.js: header check, decode, thumbnail, pixel checks) loads when a file input
// first gets focus or a file is picked, and the ID-card view (widget-card.js) with the first ID photo.
let imageLoad, image;
const imagePath = () =>
  (imageLoad ||= import('./widget-image.js').then(
    (m) => (image = m),
    (e) => {
      imageLoad = null; // a later file tries again
      throw e;
    },
  ));

// zh-TW and en messages are separate chunks in newer builds (loadLocale); zh-CN is always there.
const localeLoads = new Map();
function localeReady(locale) {
  if (locale === 'zh-CN' || !has('loadLocale')) return true;
  return localeLoads.get(locale)?.done === true;
}
function loadLocaleOnce(locale) {
  if (!localeLoads.has(locale)) {
    const entry = { done: false };
    entry.promise = api.loadLocale(locale).then(
      () => {
        entry.done = true;
      },
      (e) => {
        localeLoads.delete(locale); // a later refresh may retry
        throw e;
      },
    );
    localeLoads.set(locale, entry);
  }
  return localeLoads.get(locale).promise;
}

/** Reports what went wrong without stopping the widget. */
const warn = (e) => console.warn('beian-check:', e);

/** Calls a public API function; undefined when it is missing or refuses the input (e.g. an unknown kind). */
function call(name, ...args) {
  if (!has(name)) return undefined;
  try {
    return api[name](...args);
  } catch (e) {
    if (!(e instanceof TypeError)) warn(e);
    return undefined;
  }
}

/** What the image path (widget-image.js) uses of this file. */
const env = { call, has, el, fill, warn };

// ---- small DOM helpers (every node created here carries a bc- class) ----

let uid = 0;
function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function addToken(node, attr, token) {
  const list = (node.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  if (!list.includes(token)) node.setAttribute(attr, [...list, token].join(' '));
}
function removeToken(node, attr, token) {
  const list = (node.getAttribute(attr) || '').split(/\s+/).filter((t) => t && t !== token);
  if (list.length) node.setAttribute(attr, list.join(' '));
  else node.removeAttribute(attr);
}

/** Sets a value so that frameworks (React's value tracker, Vue's v-model) see it. */
function setValue(input, value) {
  const proto = Object.getPrototypeOf(input);
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function stylesheet(href) {
  if (href === false || typeof document === 'undefined') return;
  const url = String(href || new URL('./widget.css', import.meta.url));
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) if (link.href === url) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = url;
  link.setAttribute('data-beian-style', '');
  document.head.append(link);
}

// ---- paths: a flat list of inputs → the FilingForm object for checkForm ----

function parsePath(path) {
  const parts = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d*)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else parts.push(m[2] === '' ? '[]' : Number(m[2]));
  }
  return parts;
}

function setPath(root, path, value) {
  const parts = parsePath(path);
  let node = root;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i];
    const last = i === parts.length - 1;
    const nextIsIndex = !last && (typeof parts[i + 1] === 'number' || parts[i + 1] === '[]');
    if (key === '[]') {
      if (last) node.push(value);
      return;
    }
    if (last) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined || typeof node[key] !== 'object') node[key] = nextIsIndex ? [] : {};
    node = node[key];
  }
}

function controlValue(input) {
  if (input.type === 'checkbox') return input.value && input.value !== 'on' ? (input.checked ? input.value : undefined) : input.checked;
  if (input.type === 'radio') return input.checked ? input.value : undefined;
  if (input.type === 'file') return undefined;
  if (input.multiple && input.selectedOptions) return [...input.selectedOptions].map((o) => o.value);
  return input.value;
}

// ---- facts: info → a quiet line such as "1990-01-01 · 男 · 北京市朝阳区" ----

function factsOf(info, ui, value) {
  if (!info || typeof info !== 'object') return [];
  const out = [];
  const word = (v) => (typeof v === 'string' && ui[v]) || v;
  if (info.birthDate) out.push(info.birthDate);
  if (info.sex) out.push(word(info.sex));
  if (typeof info.age === 'number') out.push(fill(ui.age, { n: info.age }));
  if (info.regionName) out.push(info.regionName);
  else if (info.province) out.push(info.province);
  if (info.origin) out.push(word(info.origin));
  if (info.nationality) out.push(info.nationality);
  // Registration authority and category are codes: shown only when the widget has words for them.
  if (info.category && ui[info.category]) out.push(ui[info.category]);
  else if (info.authority && ui[info.authority]) out.push(ui[info.authority]);
  if (info.carrier) out.push(word(info.carrier));
  if (info.unicode && info.unicode !== value) out.push(info.unicode);
  if (info.ascii && info.ascii !== value && info.ascii !== info.unicode) out.push(info.ascii);
  if (info.areaCode) out.push(info.areaCode);
  if (info.type && ui[info.type]) out.push(ui[info.type]);
  if (info.serviceType) out.push(word(info.serviceType));
  if (info.version === 4 || info.version === 6) out.push(`IPv${info.version}`);
  if (Array.isArray(info.icpNumbers)) out.push(...info.icpNumbers);
  if (Array.isArray(info.psbNumbers)) out.push(...info.psbNumbers);
  if (Array.isArray(info.licenceNumbers)) out.push(...info.licenceNumbers);
  return out.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
}

// ---- the controller ----

/**
 * Attaches the widget to a form. Returns a controller; attaching twice
 * returns the same controller.
 * @param {HTMLFormElement} form
 * @param {import('./widget.d.ts').WidgetOptions} [options]
 */
export function attach(form, options = {}) {
  if (!form || typeof form.addEventListener !== 'function') throw new TypeError('beian-check/widget: attach() needs a form element');
  if (form.__beianCheck) {
    form.__beianCheck.setOptions(options);
    return form.__beianCheck;
  }
  const controller = new Controller(form, options);
  form.__beianCheck = controller;
  return controller;
}

class Controller {
  constructor(form, options) {
    this.form = form;
    this.options = { blockSubmit: true, ...options };
    this.state = new Map(); // input → per-field state
    this.formFindings = []; // from checkForm, with their target input (or null)
    this.submitTried = false;
    this.status = 'idle';
    this.loading = null;
    form.setAttribute(VERSION_ATTR, '');
    form.dataset.beianState = 'idle';
    stylesheet(this.options.stylesheet);

    this.live = el('div', 'bc-live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    form.append(this.live);

    this.handlers = {
      input: (e) => this.guard(() => this.onInput(e)),
      focusout: (e) => this.guard(() => this.onBlur(e)),
      change: (e) => this.guard(() => this.onChange(e)),
      submit: (e) => this.guard(() => this.onSubmit(e)),
      reset: () => this.guard(() => this.clear()), // fires before the values reset; nothing typed remains to check
      // Focus on a file input (a click opens the file dialog): start loading the full build while the user picks.
      focusin: (e) => this.guard(() => this.onFileFocus(e)),
      // The first sign the form is about to be used starts the checker's download (then these go).
      wake: (e) => this.guard(() => this.start(e.target)),
    };
    for (const type of WAKE) form.addEventListener(type, this.handlers.wake, { capture: true, passive: true });
    form.addEventListener('input', this.handlers.input);
    form.addEventListener('focusout', this.handlers.focusout);
    form.addEventListener('change', this.handlers.change);
    form.addEventListener('submit', this.handlers.submit, { capture: true });
    form.addEventListener('reset', this.handlers.reset);
    form.addEventListener('focusin', this.handlers.focusin);
    // While a pointer is down, re-rendering on blur would move what is being clicked (the submit button
    // under a message that just went away): renders wait until the click is over.
    this.pressing = false;
    this.handlers.press = () => {
      this.pressing = true;
    };
    this.handlers.release = () => {
      if (!this.pressing) return;
      this.pressing = false;
      if (this.deferred) {
        this.deferred = false;
        setTimeout(() => this.guard(() => this.renderAll()), 0); // after the click event
      }
    };
    document.addEventListener('pointerdown', this.handlers.press, true);
    window.addEventListener('pointerup', this.handlers.release, true);
    window.addEventListener('pointercancel', this.handlers.release, true);

    this.langObserver = null;
    if (!this.options.locale && typeof MutationObserver === 'function') {
      this.langObserver = new MutationObserver(() => this.refresh());
      this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }

    if (this.eager() || this.holdsValues()) this.start();
  }

  /** Resolves once the checker loaded (or failed to); asking for it starts the download. */
  get ready() {
    return this.start();
  }

  /** `data-beian-load="eager"` / `load: 'eager'`: fetch the checker with the page, not on first use. */
  eager() {
    return (this.options.load || this.form.getAttribute('data-beian-load')) === 'eager';
  }

  /** Values the user has not typed here (server-rendered, restored, filled before attach) are checked at once. */
  holdsValues() {
    return this.inputs().some((n) => (n.type === 'file' ? n.files?.length > 0 : n.tagName !== 'SELECT' && n.value !== ''));
  }

  /**
   * Starts loading the checker (once): the full build when the form needs it
   * or `from` is a file input, else the fields-only one. Returns `ready`.
   */
  start(from) {
    if (this.loading) return this.loading;
    for (const type of WAKE) this.form.removeEventListener(type, this.handlers.wake, { capture: true });
    const form = this.form;
    const full = this.needsFull() || (from?.type === 'file' && this.isChecked(from));
    this.status = 'loading';
    form.dataset.beianState = 'loading';
    this.loading = load(this.wasmUrl(), full ? 'full' : 'fields').then(
      () => {
        if (this.detached) return;
        this.status = 'ready';
        form.dataset.beianState = 'ready';
        this.refresh();
        form.dispatchEvent(new CustomEvent('beian:ready', { bubbles: true }));
      },
      (e) => {
        if (this.detached) return;
        this.status = 'failed';
        form.dataset.beianState = 'failed';
        console.warn('beian-check: the checker failed to load; the form works without it.', e);
        form.dispatchEvent(new CustomEvent('beian:error', { bubbles: true, detail: { error: e } }));
      },
    );
    return this.loading;
  }

  wasmUrl() {
    return this.options.wasm || this.form.getAttribute('data-beian-wasm');
  }

  /** Whether the form needs the full build from the start: cross-field paths or a footer field. */
  needsFull() {
    return !!(this.options.paths || this.form.querySelector('[data-beian-path], [data-beian="footer"]'));
  }

  /**
   * Loads the full build when the form first needs what the fields-only one
   * lacks (an image, a footer field, cross-field paths added later), then
   * checks again. Resolves false when it cannot be loaded: those checks are
   * then skipped, and the form works as without the widget.
   */
  upgrade() {
    if (!this.upgrading) {
      this.upgrading = load(this.wasmUrl(), 'full').then(
        () => {
          this.refresh();
          return true;
        },
        (e) => {
          this.upgrading = null; // a later pick may retry
          this.upgradeFailed = true; // typing does not retry it
          console.warn('beian-check: the image and form checks failed to load; the form works without them.', e);
          for (const input of this.inputs()) if (this.state.get(input)?.busy) this.state.get(input).busy = false;
          this.renderAll();
          return false;
        },
      );
    }
    return this.upgrading;
  }

  /** A widget bug must never break the form. */
  guard(fn) {
    try {
      return fn();
    } catch (e) {
      console.warn('beian-check/widget:', e);
      return undefined;
    }
  }

  get locale() {
    if (this.options.locale) return resolveLocale(this.options.locale);
    const tagged = this.form.closest('[lang]');
    return resolveLocale(tagged ? tagged.getAttribute('lang') : document.documentElement.lang);
  }

  get ui() {
    return UI[this.locale];
  }

  /** True when checks can speak the current locale; otherwise starts loading it and refreshes when it is there. */
  localeOk() {
    const locale = this.locale;
    if (localeReady(locale)) return true;
    loadLocaleOnce(locale).then(
      () => this.refresh(),
      (e) => console.warn(`beian-check: the ${locale} messages failed to load`, e),
    );
    return false;
  }

  setOptions(options) {
    Object.assign(this.options, options);
    if (this.eager()) this.start();
    this.refresh();
  }

  setLocale(locale) {
    this.options.locale = locale;
    this.refresh();
  }

  // -- which inputs --

  inputs() {
    const extra = Object.values(this.options.paths || {}).map((sel) => (typeof sel === 'string' ? sel : null)).filter(Boolean);
    const direct = Object.values(this.options.paths || {}).filter((sel) => sel instanceof Element && this.form.contains(sel));
    const found = new Set([...this.form.querySelectorAll(['[data-beian]', '[data-beian-image]', '[data-beian-path]', ...extra].join(', ')), ...direct]);
    // document order, so "the first error" is the first on the page
    return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)).filter(
      (n) => !n.closest('.bc-msg') && !n.disabled && n.type !== 'hidden' && n.type !== 'radio' && n.type !== 'checkbox' && n.type !== 'submit' && n.type !== 'button',
    );
  }

  isChecked(node) {
    return node instanceof Element && this.form.contains(node)
      && (node.hasAttribute('data-beian') || node.hasAttribute('data-beian-image') || node.hasAttribute('data-beian-path') || !!this.pathOf(node))
      && !['radio', 'checkbox', 'hidden', 'submit', 'button'].includes(node.type);
  }

  pathOf(input) {
    const explicit = input.getAttribute('data-beian-path');
    if (explicit) return explicit;
    const map = this.options.paths;
    if (map) for (const [path, sel] of Object.entries(map)) if (sel === input || (typeof sel === 'string' && input.matches(sel))) return path;
    return '';
  }

  st(input) {
    let s = this.state.get(input);
    if (!s) {
      s = { id: `bc-msg-${++uid}`, box: null, field: null, image: null, pixels: null, imageFacts: null, thumb: null, touched: false, sig: '', lastSaid: '' };
      this.state.set(input, s);
    }
    return s;
  }

  /** The options every check gets: locale, the configured ones, context fields (subjectType, province, …). */
  checkOptions(extra) {
    const o = { ...(this.options.checkOptions || {}), locale: this.locale };
    for (const node of this.form.querySelectorAll('[data-beian-context]')) {
      const v = controlValue(node);
      if (v !== undefined && v !== '') o[node.getAttribute('data-beian-context')] = v;
    }
    if (!o.subjectType) {
      const t = this.valueAtPath('subject.type');
      if (t) o.subjectType = t;
    }
    if (!o.province) {
      const p = this.valueAtPath('province');
      if (p) o.province = p;
    }
    return { ...o, ...extra };
  }

  valueAtPath(path) {
    for (const node of this.form.querySelectorAll('[data-beian-path]')) {
      if (node.getAttribute('data-beian-path') === path) {
        const v = controlValue(node);
        if (v !== undefined && v !== '') return v;
      }
    }
    return undefined;
  }

  // -- events --

  onInput(e) {
    const input = e.target;
    if (!this.isChecked(input) || input.type === 'file') return;
    this.st(input);
    this.checkOne(input, document.activeElement === input);
    this.render(input);
    this.emit();
  }

  onBlur(e) {
    const input = e.target;
    if (!this.isChecked(input) || input.type === 'file') return;
    const s = this.st(input);
    if (input.value !== '') s.touched = true;
    this.checkOne(input, false);
    this.runForm();
    this.renderAll();
    this.announce(input);
  }

  onFileFocus(e) {
    const input = e.target;
    if (input.type !== 'file' || !this.isChecked(input)) return;
    imagePath().catch(() => {}); // fetched ahead of the file; a failure is said (and retried) when one is picked
    if (loaded && !has('checkImage') && !this.upgradeFailed) this.upgrade();
  }

  onChange(e) {
    const input = e.target;
    if (this.isChecked(input) && input.type === 'file') {
      this.checkFile(input, true);
      return;
    }
    if (this.isChecked(input)) this.st(input).touched = true;
    // A context field (subject type, province, certificate type) may change other verdicts.
    this.refresh();
  }

  onSubmit(e) {
    if (this.status !== 'ready') return; // no checker: the form submits as it would without us
    if (!localeReady(this.locale)) return; // (a moment after a language switch) never block on a check we cannot show
    this.submitTried = true;
    for (const input of this.inputs()) if (input.type !== 'file') this.checkOne(input, false);
    this.runForm();
    this.renderAll();
    const summary = this.summary();
    const detail = { ...summary, submitter: e.submitter || null };
    // Only errors shown at a field block: a finding about a part of the filing this form has no input
    // for (a partial mapping) is listed in the summary, but the user could not fix it here.
    const block = summary.items.some((i) => i.severity === 'error' && i.input) && this.options.blockSubmit !== false;
    this.renderSummary(summary, block);
    if (block) {
      e.preventDefault();
      e.stopImmediatePropagation(); // the framework's own onSubmit (fetch, router) must not run either
      this.form.dispatchEvent(new CustomEvent('beian:blocked', { bubbles: true, detail }));
      const first = summary.items.find((i) => i.severity === 'error');
      const target = first?.input;
      if (target && typeof target.focus === 'function') {
        target.focus({ preventScroll: true });
        target.scrollIntoView?.({ block: 'center', behavior: 'instant' });
        this.st(target).lastSaid = ''; // focus moved: say it again
      } else this.summaryBox?.focus();
      this.say(`${this.ui.blocked}: ${countText(summary.errors, summary.warnings, this.locale)}`);
    }
  }

  // -- checks --

  checkOne(input, partial) {
    const s = this.st(input);
    if (input.type === 'file') return;
    const kind = (input.getAttribute('data-beian') || '').trim();
    const value = input.value;
    if (KINDLESS.has(kind) || value === '' || !loaded) {
      s.field = null;
      return;
    }
    if (!this.localeOk()) return; // keep what is shown until the messages of the new locale are here
    if (kind === 'footer') {
      const extra = {};
      for (const k of ['icpNumber', 'psbNumber', 'domain']) {
        const v = this.checkOptions()[k];
        if (v) extra[k] = v;
      }
      s.field = call('checkFooter', value, this.checkOptions(extra)) || null;
      if (!has('checkFooter') && !this.upgradeFailed) this.upgrade(); // a footer field added after attach
      return;
    }
    const extra = partial ? { partial: true } : {};
    s.field = call('checkField', kind, value, this.checkOptions(extra))
      // A context value the core refuses (e.g. an unknown province) must not switch the field checks off.
      || call('checkField', kind, value, { ...(this.options.checkOptions || {}), locale: this.locale, ...extra })
      || null;
    if (s.field?.info?.regionCode && !s.field.info.regionName) this.regionNames();
    // The fields-only module leaves IDN labels to the full one (docs/domains.md): load it, then check again.
    if (!this.upgradeFailed && s.field?.findings.some((f) => f.code == 'domain.idn_unchecked')) this.upgrade();
  }

  /** Region names (info.regionName) come in a lazily loaded chunk: re-render once it is there. */
  regionNames() {
    if (this.namesAsked || !has('loadRegionNames')) return;
    this.namesAsked = true;
    api.loadRegionNames().then(
      (ok) => ok && this.refresh(),
      () => {},
    );
  }

  /** Builds the FilingForm from the inputs that carry a path. */
  collect() {
    const data = {};
    let any = false;
    for (const node of this.form.querySelectorAll('[data-beian-path]')) {
      if (node.disabled) continue;
      const v = node.type === 'file' ? this.upload(node) : controlValue(node);
      const path = node.getAttribute('data-beian-path');
      if (v === undefined) {
        if (path.endsWith('[]')) setPath(data, path.slice(0, -2), getOr(data, path.slice(0, -2))); // an empty list, not a missing one
        // An offered, empty upload slot (`….documents.<slot>`): its documents object is sent without
        // the slot, so checkForm names the required documents that are missing.
        else if (node.type === 'file' && /\.documents\.[^.]+$/.test(path)) setPath(data, path.slice(0, path.lastIndexOf('.')), getOr(data, path.slice(0, path.lastIndexOf('.')), {}));
        continue;
      }
      any = true;
      setPath(data, path, v);
    }
    if (this.options.paths) {
      for (const [path, sel] of Object.entries(this.options.paths)) {
        const node = typeof sel === 'string' ? this.form.querySelector(sel) : sel;
        if (!node) continue;
        const v = controlValue(node);
        if (v !== undefined) {
          any = true;
          setPath(data, path, v);
        }
      }
    }
    if (!any) return null;
    compact(data);
    return typeof this.options.toForm === 'function' ? this.options.toForm(data, this.form) || data : data;
  }

  /** A file input with a path is a DocumentUpload: `{}` once a file is chosen, with the card the pixel check found. */
  upload(node) {
    if (!node.files?.length) return undefined;
    const card = this.state.get(node)?.pixels?.info?.card;
    return card ? { card } : {};
  }

  runForm() {
    if (!this.localeOk()) return;
    this.formFindings = [];
    this.formRan = false;
    if (!has('checkForm')) {
      if (loaded && !this.upgradeFailed && this.needsFull()) this.upgrade(); // paths added after attach
      return;
    }
    const data = this.collect();
    if (!data) return;
    const opts = this.checkOptions();
    delete opts.subjectType; // the form says it
    const r = call('checkForm', data, opts);
    this.formRan = !!(r && Array.isArray(r.findings));
    if (!this.formRan) return;
    const byPath = new Map();
    for (const input of this.inputs()) {
      const p = this.pathOf(input);
      if (p && !byPath.has(p)) byPath.set(p, input);
    }
    // Choice groups (subject type radios, content-type checkboxes) show their findings at the first box.
    for (const box of this.form.querySelectorAll('input[type="radio"][data-beian-path], input[type="checkbox"][data-beian-path]')) {
      const p = box.getAttribute('data-beian-path').replace(/\[\]$/, '');
      if (!box.disabled && !byPath.has(p)) byPath.set(p, box);
    }
    for (const f of r.findings) this.formFindings.push({ ...f, input: this.target(f.path || '', byPath) });
  }

  /** The input a checkForm finding belongs to: exact path, else the first input under it, else the nearest above it. */
  target(path, byPath) {
    if (typeof this.options.mapPath === 'function') path = String(this.options.mapPath(path) ?? path);
    if (byPath.has(path)) return byPath.get(path);
    if (path) {
      for (const [p, input] of byPath) if (p.startsWith(path + '.') || p.startsWith(path + '[')) return input;
      let up = path;
      while (up) {
        up = up.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (up === path) break;
        if (byPath.has(up)) return byPath.get(up);
        path = up;
      }
    }
    return null;
  }

  /** `picked`: the user just chose the file (a failed load of the full build is retried only then). */
  async checkFile(input, picked = false) {
    const s = this.st(input);
    s.touched = true;
    if (picked) s.reveal = false; // a revealed number stays revealed only for the photo it was read from
    s.field = null;
    s.image = null;
    s.pixels = null;
    s.decoded = null;
    s.imageFacts = null;
    s.thumb = null;
    const file = input.files && input.files[0];
    const token = (s.token = {});
    if (!file || !loaded) {
      this.render(input);
      this.emit();
      return;
    }
    if (!this.localeOk()) return; // checked by the refresh that follows the locale load
    if (!has('checkImage') && !has('probeImage')) {
      // The fields-only build: the image checks come with the full one (the refresh after it checks this file).
      if (picked || !this.upgradeFailed) {
        s.busy = true;
        this.upgrade();
      }
      this.render(input);
      return;
    }
    const slot = input.getAttribute('data-beian-image') || 'other';
    s.key = this.imageKey();
    s.busy = true;
    s.file = file;
    this.render(input);
    try {
      // The image path (./widget-image.js) comes with the first file input's focus or the first file; if it
      // fails to load, the file is not checked (nothing shown), as when the wasm fails, and the form submits.
      const m = await imagePath().catch(warn);
      if (m) await m.read(this, input, file, slot, token, env);
    } finally {
      if (s.token === token) {
        s.busy = false;
        this.runForm(); // an upload with a path (…documents.<slot>): cross-check what was read (no-op without paths)
        this.renderAll();
      }
    }
  }

  // -- rendering --

  /** The findings shown for one input: its own check, then cross-field ones not already shown. */
  findingsOf(input) {
    const s = this.state.get(input);
    if (!s) return [];
    const own = [...(s.field?.findings || []), ...(s.image?.findings || []), ...(s.decoded || []), ...(s.pixels?.findings || [])];
    const codes = new Set(own.map((f) => f.code));
    const showForm = s.touched || this.submitTried;
    const cross = showForm ? this.formFindings.filter((f) => f.input === input && !codes.has(f.code)) : [];
    const seen = new Set();
    return [...own, ...cross].filter((f) => {
      const key = `${f.code}\u0000${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  box(input) {
    const s = this.st(input);
    if (s.box && s.box.isConnected) return s.box;
    const box = el('div', 'bc-msg');
    box.id = s.id;
    box.setAttribute('data-beian-for', input.id || input.name || '');
    const slot = this.form.querySelector(`[data-beian-message="${CSS.escape(input.id || input.name || '\u0000')}"]`);
    if (slot) slot.append(box);
    else {
      // After the input, after the label that wraps it, or after the fieldset of a choice group.
      const group = (input.type === 'radio' || input.type === 'checkbox') && input.closest('fieldset');
      const label = input.closest('label');
      const anchor = group && this.form.contains(group) ? group : label && this.form.contains(label) ? label : input;
      anchor.after(box);
    }
    s.box = box;
    addToken(input, 'aria-describedby', s.id);
    return box;
  }

  render(input) {
    const s = this.st(input);
    const findings = this.findingsOf(input);
    const facts = input.type === 'file' ? s.imageFacts || [] : findings.some((f) => f.severity === 'error') ? [] : factsOf(s.field?.info, this.ui, s.field?.value);
    const hasError = findings.some((f) => f.severity === 'error');
    const sig = JSON.stringify([this.locale, findings.map((f) => [f.code, f.severity, f.message, f.hint, f.fix]), facts, !!s.busy, !!s.thumb, s.reveal]);
    if (hasError) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (sig === s.sig && s.box?.isConnected) return; // unchanged: keep the nodes (a fix button under the pointer stays)
    s.sig = sig;
    if (!findings.length && !facts.length && !s.busy && !s.thumb) {
      if (s.box) s.box.replaceChildren();
      if (s.box) s.box.hidden = true;
      return;
    }
    const box = this.box(input);
    box.hidden = false;
    box.replaceChildren();
    for (const f of findings) box.append(this.findingNode(input, f));
    if (s.busy) box.append(el('p', 'bc-busy', this.ui.checking));
    if (facts.length || s.thumb) {
      const row = el('div', 'bc-facts');
      if (s.thumb) row.append(s.thumb);
      if (facts.length) row.append(el('span', 'bc-facts-text', facts.join(' · ')));
      if (!findings.length) row.classList.add('bc-ok');
      box.append(row);
    }
    image?.cardView?.view(this, input, box, s); // what was read from an ID card, if anything
  }

  findingNode(input, f) {
    const node = el('div', `bc-finding bc-${f.severity}`);
    node.dataset.code = f.code;
    node.append(el('span', 'bc-icon', f.severity === 'error' ? '!' : f.severity === 'warning' ? '!' : 'i'));
    const body = el('div', 'bc-body');
    body.append(el('p', 'bc-text', f.message));
    const fixable = typeof f.fix === 'string' && input.type !== 'file' && f.fix !== input.value;
    // The words about the button are the widget's own (core hints name no UI): only where the button is.
    if (f.hint || fixable) body.append(el('p', 'bc-hint', [f.hint, fixable && this.ui.fixHint].filter(Boolean).join(' ')));
    if (fixable) {
      const button = el('button', 'bc-fix', fill(this.ui.fix, { v: f.fix }));
      button.type = 'button';
      button.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus (and the button) where it is
      button.addEventListener('click', () => {
        setValue(input, f.fix); // the value changes only here, with input/change events frameworks see
        input.focus();
        this.checkOne(input, false);
        this.runForm();
        this.renderAll();
        this.announce(input, true);
      });
      body.append(button);
    }
    node.append(body);
    return node;
  }

  renderAll() {
    if (this.pressing) {
      this.deferred = true;
      return;
    }
    for (const [input, s] of this.state) {
      if (!input.isConnected || !this.form.contains(input)) {
        s.box?.remove(); // the framework removed its input: remove our message too
        this.state.delete(input);
        continue;
      }
      this.render(input);
    }
    for (const f of this.formFindings) if (f.input && !this.state.has(f.input)) this.render(f.input);
    // Drawn once the focus has settled (a change, then a blur): a link being moved to is still there to keep.
    if (this.summaryBox && !this.summaryBox.hidden) {
      clearTimeout(this.drawing);
      this.drawing = setTimeout(() => this.guard(() => !this.summaryBox.hidden && this.renderSummary(this.summary(), false)), 0);
    }
    this.emit();
  }

  /** Everything found, in document order: { errors, warnings, infos, items }. */
  summary() {
    const items = [];
    const inputs = this.inputs();
    // checkForm findings shown at a choice box (a subject-type radio, a content-type or yes/no checkbox) count too
    const boxes = new Set(this.formFindings.map((f) => f.input).filter((i) => i && !inputs.includes(i)));
    for (const input of [...inputs, ...boxes]) {
      if (!this.state.has(input)) continue;
      for (const f of this.findingsOf(input)) items.push({ ...f, input, label: labelOf(input) });
    }
    for (const f of this.formFindings) if (!f.input && this.submitTried) items.push({ ...f, input: null, label: this.ui.form });
    const count = (sev) => items.filter((i) => i.severity === sev).length;
    return { ok: count('error') === 0, errors: count('error'), warnings: count('warning'), infos: count('info'), items };
  }

  renderSummary(summary, blocked) {
    clearTimeout(this.drawing);
    if (this.options.summary === false) return; // the page shows its own
    if (!this.summaryBox) {
      const box = el('div', 'bc-summary');
      box.tabIndex = -1;
      box.setAttribute('role', 'region');
      const host = this.form.querySelector('[data-beian-summary]');
      if (host) host.append(box);
      else {
        const submit = this.form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
        // After the button: a summary that shrinks while the button is pressed must not move it away from the pointer.
        if (submit && submit.parentNode) submit.after(box);
        else this.form.append(box);
      }
      this.summaryBox = box;
    }
    const box = this.summaryBox;
    // Someone on a summary link keeps the focus through a re-render (a blur re-renders): the same place, else the box.
    const links = () => [...box.querySelectorAll('button')];
    const at = box.contains(document.activeElement) ? links().indexOf(document.activeElement) : -2;
    box.replaceChildren();
    if (!summary.errors && !summary.warnings) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.classList.toggle('bc-blocked', blocked || box.classList.contains('bc-blocked'));
    if (summary.errors) box.append(el('p', 'bc-summary-title', this.ui.blocked));
    box.append(el('p', 'bc-summary-counts', countText(summary.errors, summary.warnings, this.locale)));
    const list = el('ul', 'bc-summary-list');
    for (const item of summary.items.filter((i) => i.severity !== 'info')) {
      const li = el('li', `bc-${item.severity}`);
      if (item.input) {
        const b = el('button', 'bc-summary-link', `${item.label}: ${item.message}`);
        b.type = 'button';
        b.addEventListener('click', () => item.input.focus());
        li.append(b);
      } else li.append(el('span', '', `${item.label}: ${item.message}`));
      list.append(li);
    }
    box.append(list);
    if (at > -2) (links()[Math.min(at, links().length - 1)] || box).focus({ preventScroll: true });
  }

  say(text) {
    // Re-set so the same text is announced again.
    this.live.textContent = '';
    setTimeout(() => {
      this.live.textContent = text;
    }, 50);
  }

  announce(input, force) {
    const s = this.state.get(input);
    if (!s) return;
    const first = this.findingsOf(input).find((f) => f.severity === 'error') || this.findingsOf(input).find((f) => f.severity === 'warning');
    const text = first ? first.message : '';
    if (text && (force || text !== s.lastSaid)) this.say(text);
    s.lastSaid = text;
  }

  emit() {
    const summary = this.summary();
    this.form.dispatchEvent(new CustomEvent('beian:results', { bubbles: true, detail: summary }));
  }

  // -- public --

  /** Re-checks every field (e.g. after the locale or the subject type changed). */
  refresh() {
    if (this.status !== 'ready' || !this.localeOk()) return;
    for (const input of this.inputs()) {
      if (input.type === 'file') {
        if (input.files?.length && !this.state.get(input)?.file) this.checkFile(input);
        else if (this.state.get(input)?.file && this.state.get(input).key !== this.imageKey()) this.recheckImage(input);
        continue;
      }
      if (input.value === '' && !this.state.has(input)) continue;
      this.checkOne(input, document.activeElement === input);
    }
    this.runForm();
    this.renderAll();
  }

  /** What an image verdict depends on besides the file: re-read only when this changes. */
  imageKey() {
    const o = this.checkOptions();
    return `${o.locale}|${o.province || ''}|${o.subjectType || ''}`;
  }

  recheckImage(input) {
    const s = this.state.get(input);
    if (!s?.file) return;
    // Cheap: re-run with the new locale/options from the file again.
    s.file = null;
    this.checkFile(input);
  }

  /** Checks everything now, as on submit, without submitting. */
  check() {
    this.start();
    if (this.status !== 'ready') return { ok: true, errors: 0, warnings: 0, infos: 0, items: [], loaded: false };
    this.submitTried = true;
    for (const input of this.inputs()) if (input.type !== 'file') this.checkOne(input, false);
    this.runForm();
    this.renderAll();
    return this.summary();
  }

  /** What the widget knows about one input: was it checked at all (kind known, feature present), findings, facts. */
  fieldState(input) {
    const s = this.state.get(input);
    const byForm = !!this.formRan && !!this.pathOf(input);
    return {
      checked: !!(s && (s.field || s.image || s.pixels)) || byForm,
      findings: this.findingsOf(input),
      info: s?.field?.info ?? s?.info ?? undefined,
      card: s?.pixels?.info?.card,
      revealed: !!s?.reveal,
    };
  }

  /** The FilingForm built from the paths (null when no input has one). */
  data() {
    return this.collect();
  }

  clear() {
    for (const [input, s] of this.state) {
      s.box?.remove();
      input.removeAttribute('aria-invalid');
      removeToken(input, 'aria-describedby', s.id);
    }
    this.state.clear();
    this.formFindings = [];
    this.submitTried = false;
    if (this.summaryBox) this.summaryBox.hidden = true;
    this.emit();
  }

  /** Removes every node and listener the widget added. */
  detach() {
    this.clear();
    const f = this.form;
    f.removeEventListener('input', this.handlers.input);
    f.removeEventListener('focusout', this.handlers.focusout);
    f.removeEventListener('change', this.handlers.change);
    f.removeEventListener('submit', this.handlers.submit, { capture: true });
    f.removeEventListener('reset', this.handlers.reset);
    f.removeEventListener('focusin', this.handlers.focusin);
    for (const type of WAKE) f.removeEventListener(type, this.handlers.wake, { capture: true });
    this.detached = true;
    document.removeEventListener('pointerdown', this.handlers.press, true);
    window.removeEventListener('pointerup', this.handlers.release, true);
    window.removeEventListener('pointercancel', this.handlers.release, true);
    this.langObserver?.disconnect();
    this.live.remove();
    this.summaryBox?.remove();
    f.removeAttribute(VERSION_ATTR);
    delete f.dataset.beianState;
    delete f.__beianCheck;
  }
}

/** The value at `path` when it is the same kind (list or object) as `empty`, else `empty`. */
function getOr(obj, path, empty = []) {
  let node = obj;
  for (const k of parsePath(path)) {
    if (node == null) return empty;
    node = node[k];
  }
  return node && typeof node === 'object' && Array.isArray(node) === Array.isArray(empty) ? node : empty;
}

/** Drops holes left by sparse indices (a removed website row). */
function compact(node) {
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) if (!(i in node)) node.splice(i, 1);
    node.forEach(compact);
  } else if (node && typeof node === 'object') Object.values(node).forEach(compact);
}

function labelOf(input) {
  const legend = (input.type === 'radio' || input.type === 'checkbox') && input.closest('fieldset')?.querySelector('legend');
  if (legend) return legend.textContent.replace(/\s+/g, ' ').trim();
  const aria = input.getAttribute('aria-label');
  if (aria) return aria.trim();
  const labelledby = input.getAttribute('aria-labelledby');
  if (labelledby) {
    const t = labelledby.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    if (t) return t;
  }
  const label = input.labels && input.labels[0];
  if (label) {
    const copy = label.cloneNode(true);
    for (const n of copy.querySelectorAll('input, select, textarea, .bc-msg, [aria-hidden="true"]')) n.remove();
    const t = copy.textContent.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return input.placeholder || input.name || input.id || '';
}

/** Attaches every `<form data-beian-form>` in the document, now and as they appear. */
export function autoAttach(root = document) {
  for (const form of root.querySelectorAll('form[data-beian-form]')) if (!form.__beianCheck) attach(form);
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  const start = () => {
    autoAttach();
    if (typeof MutationObserver === 'function' && document.body) {
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType !== 1) continue;
            if (n.matches('form[data-beian-form]') || n.querySelector('form[data-beian-form]')) {
              autoAttach();
              return;
            }
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
