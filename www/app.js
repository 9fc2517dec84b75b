// The self-check page. It holds no rules: every verdict comes from the
// beian-check package through its widget (beian-check/widget). This file
// builds the form (repeatable websites and domains, the subject-type switch),
// the language switch, the examples, the live summary and the printable
// report. Everything user-typed is rendered with textContent, never as HTML.
//
// The form does not depend on the checker: it is built from this file and
// text.js alone, and the widget (which loads the checker) is imported only
// after, so a widget, web.js or wasm that fails to load leaves a whole,
// usable form (issue 17 item 16). What is typed is kept as a draft in this
// origin's localStorage (never photos; "forget" deletes it; issue 17 item 15).
import { UI, CERT_LABELS, CONTENT_TYPES, PROVINCES, SUBJECT_TYPES, CERTS_FOR, EXAMPLES, DOCS } from './text.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const form = $('#filing');
let uid = 0;
const nextId = (p) => `${p}-${++uid}`;
const t = (key, vars = {}) => String(UI[locale][key] ?? UI['zh-CN'][key] ?? key).replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);
const DRAFT = 'beian-check.draft';
const LANG = 'beian-check.lang';
const store = {
  get: (k) => {
    try {
      return localStorage.getItem(k);
    } catch {
      return null; // storage off (private mode, a policy): the page works without drafts
    }
  },
  set: (k, v) => {
    try {
      localStorage.setItem(k, v);
    } catch {
      // full or off: nothing to do
    }
  },
  del: (k) => {
    try {
      localStorage.removeItem(k);
    } catch {
      // off
    }
  },
};
// Until the widget is here (or when it never comes): no findings, nothing checked.
const NO_WIDGET = {
  status: 'loading',
  summary: () => ({ ok: true, errors: 0, warnings: 0, infos: 0, items: [] }),
  check() {
    return this.summary();
  },
  refresh() {},
  fieldState: () => ({ checked: false, findings: [] }),
};
let locale = pickLocale();
let controller = NO_WIDGET;
let countText = () => '';
let version = '';

function pickLocale() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q && UI[q]) return q;
  const saved = store.get(LANG);
  return saved && UI[saved] ? saved : 'zh-CN';
}

// ---------- building the form ----------

function fillSelect(select, options, keep = true) {
  const old = select.value;
  select.replaceChildren(...options.map(([value, label]) => Object.assign(document.createElement('option'), { value, textContent: label })));
  if (keep && options.some(([v]) => v === old)) select.value = old;
}

function buildProvince() {
  const sel = $('#province');
  const col = { 'zh-CN': 1, 'zh-TW': 2, en: 3 }[locale];
  fillSelect(sel, [['', t('choose')], ...PROVINCES.map((p) => [p[0], p[col]])]);
}

function buildSubjectTypes() {
  const box = $('#subject-types');
  if (!box.children.length) {
    for (const type of SUBJECT_TYPES) {
      const id = nextId('st');
      const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'subject-type', id, value: type });
      input.setAttribute('data-beian-path', 'subject.type');
      if (type === 'enterprise') input.defaultChecked = input.checked = true; // form.reset() comes back to it
      const label = Object.assign(document.createElement('label'), { htmlFor: id });
      label.dataset.subjectType = type;
      box.append(input, label);
    }
  }
  for (const label of $$('label[data-subject-type]', box)) label.textContent = t(`st_${label.dataset.subjectType}`);
}

const subjectType = () => $('#subject-types input:checked')?.value || 'enterprise';

/** Certificate-type selects: options by who holds them; the number input's kind follows the choice. */
function syncCerts() {
  const personal = subjectType() === 'personal';
  fillSelect($('#subject-cert-type'), CERTS_FOR[personal ? 'person' : 'unit'].map((k) => [k, CERT_LABELS[locale][k]]));
  for (const sel of $$('[data-cert-select]')) fillSelect(sel, CERTS_FOR.person.map((k) => [k, CERT_LABELS[locale][k]]));
  for (const sel of [$('#subject-cert-type'), ...$$('[data-cert-select]')]) {
    const number = sel.id === 'subject-cert-type' ? $('#subject-cert-number') : sel.closest('.grid').querySelector('[data-cert-number]');
    if (number) number.setAttribute('data-beian', sel.value);
  }
}

function applySubjectType() {
  const personal = subjectType() === 'personal';
  const nameInput = $('#subject-name');
  $('#subject-name-label').dataset.t = personal ? 'subjectNamePerson' : 'subjectNameUnit';
  $('#subject-name-label').textContent = t($('#subject-name-label').dataset.t);
  nameInput.setAttribute('data-beian', personal ? 'personName' : 'none');
  $('#personal-note').hidden = !personal;
  for (const row of $$('#sec-principal [data-row="identity"]')) {
    row.hidden = personal;
    for (const c of $$('input, select', row)) c.disabled = personal;
  }
  syncPersonRows();
  syncCerts();
  syncDocs();
  syncDates();
}

/** A date next to a ticked 长期 box is off; a hidden or disabled box leaves it off too. */
function syncDates() {
  for (const box of $$('[data-longterm]')) {
    const date = box.closest('.inline').querySelector('input[type=date]');
    date.disabled = box.checked || box.disabled;
  }
}

/** Ticking 长期 keeps the typed date aside; unticking brings it back. */
function toggleLongTerm(box) {
  const date = box.closest('.inline').querySelector('input[type=date]');
  if (box.checked) {
    if (date.value) date.dataset.saved = date.value;
    date.value = '';
  } else if (date.dataset.saved) {
    date.value = date.dataset.saved;
    delete date.dataset.saved;
  }
  syncDates();
}

/** Who is asked what: "is the legal representative" for organisations, "holds a residence permit" for individuals. */
function syncPersonRows() {
  const personal = subjectType() === 'personal';
  for (const [row, shown] of [...$$('[data-row="legal-rep"]').map((r) => [r, !personal]), ...$$('[data-row="residence"]').map((r) => [r, personal])]) {
    row.hidden = !shown;
    for (const c of $$('input', row)) c.disabled = !shown;
  }
}

/** A person block (principal of the subject or of a website) under `path`. */
function buildPerson(host, path) {
  host.replaceChildren($('#tpl-person').content.cloneNode(true));
  host.dataset.person = path;
  if (path !== 'subject.principal') for (const row of $$('[data-row="landline"], [data-row="residence"]', host)) row.remove();
  for (const field of $$('.field', host)) {
    const control = field.querySelector('input:not([type=checkbox]), select');
    const label = field.querySelector(':scope > label');
    if (control && label) {
      control.id = nextId('f');
      label.htmlFor = control.id;
    }
  }
  // Browsers may fill the applicant's own name, phone and e-mail; a website's principal is someone else.
  for (const c of $$('[data-ac]', host)) c.autocomplete = path === 'subject.principal' ? c.dataset.ac : 'off';
  setPaths(host, path);
  syncPersonRows();
}

function setPaths(root, prefix) {
  for (const c of $$('[data-rel]', root)) c.setAttribute('data-beian-path', `${prefix}.${c.dataset.rel}`);
}

function addDomain(site, value = '') {
  const row = $('#tpl-domain').content.firstElementChild.cloneNode(true);
  const input = $('input', row);
  input.value = value;
  $('.domain-list', site).append(row);
  renumber();
  return input;
}

function addWebsite() {
  const site = $('#tpl-website').content.firstElementChild.cloneNode(true);
  for (const field of $$('.field', site)) {
    const control = field.querySelector(':scope > input, :scope > select');
    const label = field.querySelector(':scope > label');
    if (control && label) {
      control.id = nextId('f');
      label.htmlFor = control.id;
    }
  }
  const chips = $('.chips', site);
  for (const ct of CONTENT_TYPES) {
    const label = document.createElement('label');
    label.className = 'chip';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: ct });
    box.dataset.rel = 'contentTypes[]';
    const span = document.createElement('span');
    span.dataset.ct = ct;
    label.append(box, span);
    chips.append(label);
  }
  for (const slot of DOCS.website) $('.website-docs .uploads', site).append(uploadCard(slot, `documents.${slot}`));
  $('#websites').append(site);
  buildPerson($('.website-person', site), 'websites[0].principal');
  addDomain(site);
  translate(site);
  syncCerts();
  renumber();
  syncDocs();
  return site;
}

/** Paths follow the position: websites[i].domains[j]; a removed row renumbers the rest. */
function renumber() {
  $$('#websites .website').forEach((site, i) => {
    $('.website-no', site).textContent = String(i + 1);
    $('.remove-website', site).hidden = i === 0;
    $('.remove-website', site).setAttribute('aria-label', t('removeWebsiteN', { n: i + 1 }));
    for (const c of $$('[data-rel]', site)) {
      if (c.closest('.website-person')) continue;
      if (c.dataset.rel === 'domain') continue;
      c.setAttribute('data-beian-path', `websites[${i}].${c.dataset.rel}`);
    }
    $$('.domain-row', site).forEach((row, j) => {
      const input = $('input', row);
      input.setAttribute('data-beian-path', `websites[${i}].domains[${j}]`);
      input.setAttribute('aria-label', `${t('domain')} ${j + 1}`);
      if (i === 0 && j === 0) input.setAttribute('data-beian-context', 'domain');
      else input.removeAttribute('data-beian-context');
      $('.remove-domain', row).hidden = j === 0;
      labelRemoveDomain(input);
    });
    const person = $('.website-person', site);
    const same = $('.same-principal', site).checked;
    // A website's own principal (not the subject's) uploads their own ID card; the slots exist only then.
    if (same) $('.person-docs', person)?.remove();
    else if (!$('.person-docs', person)) {
      const ids = Object.assign(document.createElement('div'), { className: 'uploads person-docs' });
      for (const slot of DOCS.person) ids.append(uploadCard(slot, `documents.${slot}`));
      person.append(ids);
      translate(ids);
    }
    person.dataset.person = `websites[${i}].principal`;
    for (const c of $$('[data-rel]', person)) c.setAttribute('data-beian-path', `websites[${i}].principal.${c.dataset.rel}`);
    person.hidden = same;
    for (const c of $$('input, select', person)) c.disabled = same;
  });
  syncDates();
}

/** The ✕ of a domain row says which domain it removes ("删除域名 zhangwei.io"). */
function labelRemoveDomain(input) {
  const row = input.closest('.domain-row');
  const n = $$('.domain-row', row.parentElement).indexOf(row) + 1;
  const d = input.value.trim();
  $('.remove-domain', row).setAttribute('aria-label', d ? t('removeDomainOf', { d }) : t('removeDomainN', { n }));
}

/** One upload slot; `rel` is its place in the filing (a Documents key, see the brief / docs/self-check.md). */
function uploadCard(slot, rel) {
  const card = document.createElement('div');
  card.className = 'upload';
  card.dataset.doc = slot;
  const id = nextId('up');
  const label = Object.assign(document.createElement('label'), { htmlFor: id });
  label.className = 'upload-title';
  label.dataset.slot = slot;
  const desc = document.createElement('span');
  desc.className = 'upload-desc';
  desc.dataset.slotDesc = slot;
  desc.id = `${id}-desc`;
  const input = Object.assign(document.createElement('input'), { type: 'file', id, accept: 'image/*,.pdf,.heic' });
  input.setAttribute('data-beian-image', slot);
  input.dataset.rel = rel;
  input.setAttribute('aria-describedby', desc.id);
  card.append(label, desc, input);
  return card;
}

function buildUploads() {
  const box = $('#uploads');
  for (const slot of DOCS.subject) box.append(uploadCard(slot, `documents.${slot}`));
  for (const slot of DOCS.principal) box.append(uploadCard(slot, `principal.documents.${slot}`));
  for (const slot of DOCS.extra) box.append(uploadCard(slot, `documents.${slot}`));
  setPaths(box, 'subject');
}

/**
 * The slots a subject type uses (DOCS in text.js): the others are hidden and
 * disabled, so the widget neither checks them nor puts them in the filing.
 * A website's pre-approval slot shows once a content type needing one is ticked.
 */
function syncDocs() {
  const type = subjectType();
  for (const card of $$('.upload[data-doc]')) {
    const slot = card.dataset.doc;
    const site = card.closest('.website');
    let shown = !(DOCS.only[slot] && !DOCS.only[slot].includes(type));
    if (slot === 'preApproval' && site) shown = $$('.chips input', site).some((b) => b.checked);
    card.hidden = !shown;
    $('input', card).disabled = !shown;
  }
  $('#uploads-for').textContent = t(type === 'personal' ? 'uploadsFor_personal' : 'uploadsFor_unit');
}

// ---------- language ----------

function translate(root = document) {
  for (const el of $$('[data-t]', root)) el.textContent = t(el.dataset.t);
  for (const el of $$('[data-slot]', root)) el.textContent = t(`slot_${el.dataset.slot}`);
  for (const el of $$('[data-slot-desc]', root)) el.textContent = t(`slotDesc_${el.dataset.slotDesc}`);
  for (const el of $$('[data-ct]', root)) el.textContent = CONTENT_TYPES_LABEL(el.dataset.ct);
  if (root === document) {
    renumber();
    syncDocs();
  }
}

const CONTENT_TYPES_LABEL = (ct) => UI[locale].contentType?.[ct] || ct;

function setLocale(next) {
  locale = UI[next] ? next : 'zh-CN';
  if (store.get(LANG) !== locale && (next !== 'zh-CN' || store.get(LANG))) store.set(LANG, locale);
  document.documentElement.lang = locale; // the widget follows <html lang>
  document.title = `${t('title')} · beian-check`;
  for (const b of $$('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === locale));
  translate();
  buildProvince();
  buildSubjectTypes();
  syncCerts();
  renderStatus();
  renderSummary(controller.summary());
  if (!$('#report').hidden) buildReport(controller.summary());
}

// ---------- summary, status, report ----------

let state = 'loading';
function renderStatus() {
  const s = $('#status');
  if (state === 'ready') s.textContent = `${t('ready')} · beian-check ${version}`;
  else if (state === 'failed') s.textContent = t('failed');
  else s.textContent = t('loading');
}

function sectionOf(input) {
  return input?.closest('section.card')?.querySelector('h2 [data-t]')?.textContent || t('form');
}

function renderSummary(summary) {
  const badge = $('#summary-badge');
  const counts = $('#summary-counts');
  const list = $('#summary-list');
  const card = $('#summary');
  card.classList.toggle('has-errors', summary.errors > 0);
  card.classList.toggle('has-warnings', !summary.errors && summary.warnings > 0);
  const found = summary.errors || summary.warnings;
  card.classList.toggle('is-clean', state === 'ready' && !found && touchedAny());
  badge.textContent = summary.errors ? String(summary.errors) : summary.warnings ? String(summary.warnings) : touchedAny() ? '✓' : '·';
  // Problems found (an empty form checked in full has some) are counted even when nothing was typed.
  counts.textContent = state !== 'ready' ? t(state === 'failed' ? 'failed' : 'loading') : found || touchedAny() ? countText(summary.errors, summary.warnings, locale) : t('nothingYet');
  // A re-render must not drop the focus of someone on a list item (a blur re-renders): same item, else same place.
  const focused = list.contains(document.activeElement) ? document.activeElement : null;
  const was = focused && [focused.dataset.key, $$('button', list).indexOf(focused)];
  list.replaceChildren();
  for (const item of summary.items.filter((i) => i.severity !== 'info')) {
    const li = document.createElement('li');
    li.className = `sev-${item.severity}`;
    const b = document.createElement('button');
    b.type = 'button';
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${sectionOf(item.input)} · ${item.label}`;
    const what = document.createElement('span');
    what.className = 'what';
    what.textContent = item.message;
    b.append(where, what);
    b.dataset.key = `${where.textContent}\u0000${item.message}`;
    b.addEventListener('click', () => {
      setListOpen(false);
      item.input?.focus();
    });
    li.append(b);
    list.append(li);
  }
  if (was) {
    const refocus = () => {
      const buttons = $$('button', list);
      const next = buttons.find((b) => b.dataset.key === was[0]) || buttons[Math.min(was[1], buttons.length - 1)] || $('#summary-go');
      next.focus({ preventScroll: true });
    };
    refocus();
  }
}

/** On phones the summary is a bar: its button opens and closes the list of problems. */
function setListOpen(open) {
  $('#summary').classList.toggle('open', open);
  $('#summary-go').setAttribute('aria-expanded', String(open));
}

function touchedAny() {
  return $$('input, textarea', form).some((i) => (i.type === 'file' ? i.files?.length : i.type !== 'checkbox' && i.type !== 'radio' && i.value));
}

function valueText(input) {
  if (input.type === 'file') return input.files?.[0]?.name || '—';
  if (input.tagName === 'SELECT') return input.selectedOptions[0]?.textContent || '';
  return input.value || '—';
}

function labelText(input) {
  if (input.getAttribute('aria-label')) return input.getAttribute('aria-label');
  const label = input.labels?.[0];
  return label ? label.textContent.trim() : input.dataset.rel || '';
}

/** Builds the report from `summary` (a full check when none is given): on screen, and what is printed. */
function buildReport(summary = controller.check()) {
  const report = $('#report-body');
  report.replaceChildren();
  const h = (tag, text, cls) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = text;
    return el;
  };
  const title = h('h2', t('reportTitle'), 'report-title');
  title.id = 'report-title';
  report.append(title);
  const now = new Date();
  report.append(h('p', `${t('reportDate')}: ${now.toLocaleString(locale)} · beian-check ${state === 'ready' ? version : ''}`, 'report-meta'));
  report.append(h('p', countText(summary.errors, summary.warnings, locale), `report-counts ${summary.errors ? 'bad' : 'good'}`));
  const inRows = new Set();
  for (const section of $$('section.card', form)) {
    const rows = $$('input, select, textarea', section).filter((i) => !i.disabled && i.type !== 'radio' && i.type !== 'checkbox' && !i.closest('[hidden]'));
    if (!rows.length) continue;
    for (const r of rows) inRows.add(r);
    report.append(h('h3', section.querySelector('h2 [data-t]').textContent));
    const table = document.createElement('table');
    for (const input of rows) {
      const tr = document.createElement('tr');
      const findings = summary.items.filter((i) => i.input === input);
      tr.className = findings.some((f) => f.severity === 'error') ? 'bad' : findings.length ? 'warn' : 'good';
      tr.append(h('th', labelText(input)), h('td', valueText(input)));
      if (input.type === 'file') tr.lastChild.append(...readFromCard(input, h));
      const td = document.createElement('td');
      const known = controller.fieldState(input).checked;
      if (!findings.length) td.textContent = !(input.value || input.files?.length) ? '' : known ? '✓' : t('notChecked');
      for (const f of findings) td.append(h('p', `${f.severity === 'error' ? '✗' : '!'} ${f.message}${f.hint ? ` — ${f.hint}` : ''}`));
      tr.append(td);
      table.append(tr);
    }
    report.append(table);
  }
  // Findings at a choice (a subject-type radio, a yes/no box) or about the filing as a whole.
  const other = summary.items.filter((i) => i.severity !== 'info' && !inRows.has(i.input));
  if (other.length) {
    report.append(h('h3', t('form')));
    for (const f of other) report.append(h('p', `${f.severity === 'error' ? '✗' : '!'} ${f.input ? `${sectionOf(f.input)} · ${f.label}: ` : ''}${f.message}`, f.severity === 'error' ? 'bad' : 'warn'));
  }
  report.append(h('p', t('foot'), 'report-foot'));
  return summary;
}

const masked = (n) => '*'.repeat(Math.max(0, n.length - 4)) + n.slice(-4); // as the widget shows it until revealed

/** An upload's report cell extras: the thumbnail with the card outline, and what was read from the card. */
function readFromCard(input, h) {
  const out = [];
  const thumb = input.closest('.upload')?.querySelector('canvas.bc-thumb');
  if (thumb) {
    const copy = Object.assign(document.createElement('canvas'), { width: thumb.width, height: thumb.height, className: 'report-thumb' });
    copy.getContext('2d')?.drawImage(thumb, 0, 0);
    out.push(copy);
  }
  const { card, revealed } = controller.fieldState(input);
  if (card?.number) out.push(h('p', `${t('cardNumber')}: ${revealed ? card.number : masked(card.number)}`, 'report-read'));
  if (card?.validUntil) out.push(h('p', `${t('cardValidity')}: ${card.validFrom || '?'} – ${card.validUntil === 'long-term' ? t('longTerm') : card.validUntil}`, 'report-read'));
  return out;
}

// ---------- examples ----------

function setControl(input, value) {
  if (input.type === 'checkbox' || input.type === 'radio') input.checked = Boolean(value);
  else input.value = value ?? '';
}

function loadExample(name) {
  const ex = EXAMPLES[name];
  resetForm();
  $('#websites').replaceChildren();
  const radio = $(`#subject-types input[value="${ex.subject.type}"]`);
  radio.checked = true;
  applySubjectType();
  $('#province').value = ex.province;
  $('#subject-name').value = ex.subject.name;
  $('#subject-cert-type').value = ex.subject.certType;
  syncCerts();
  $('#subject-cert-number').value = ex.subject.certNumber;
  setValidity($('#subject-cert-valid'), ex.subject.certValidUntil);
  $('#subject-address').value = ex.subject.address || '';
  fillPerson($('#sec-principal .person'), ex.subject.principal);
  ex.websites.forEach((w, i) => {
    const site = addWebsite();
    $('[data-rel="name"]', site).value = w.name;
    const first = $('.domain-row input', site);
    first.value = w.domains[0] || '';
    for (const d of w.domains.slice(1)) addDomain(site, d);
    $('[data-rel="domainHolder"]', site).value = w.domainHolder || '';
    $('[data-rel="domainExpiresOn"]', site).value = w.domainExpiresOn || '';
    $('[data-rel="domainVerifiedOn"]', site).value = w.domainVerifiedOn || '';
    $('[data-rel="remark"]', site).value = w.remark || '';
    for (const box of $$('.chips input', site)) box.checked = (w.contentTypes || []).includes(box.value);
    $('.same-principal', site).checked = !w.principal;
    if (w.principal) fillPerson($('.website-person', site), w.principal);
    void i;
  });
  renumber();
  syncDocs();
  $('#icp-number').value = ex.footer.icp;
  $('#psb-number').value = ex.footer.psb;
  $('#footer-html').value = ex.footer.html;
  controller.check();
  saveDraft();
}

function setValidity(dateInput, value) {
  const box = dateInput.parentElement.querySelector('[data-longterm]');
  box.checked = value === 'long-term';
  dateInput.value = value === 'long-term' ? '' : value || '';
  delete dateInput.dataset.saved;
  syncDates();
}

/** Back to the empty form: the default subject type, one website, dates usable, no report. */
function resetForm() {
  form.reset(); // the widget forgets its findings on the reset event
  for (const d of $$('[data-saved]', form)) delete d.dataset.saved;
  $('#websites').replaceChildren();
  addWebsite();
  applySubjectType();
  hideReport();
  $('#submit-note').textContent = '';
}

function hideReport() {
  $('#report').hidden = true;
  $('#report-body').replaceChildren();
}

// ---------- confirmation before input is replaced ----------

/** Resolves true when nothing typed would be lost, or when the user confirms (an in-page dialog). */
function confirmLoss(textKey, yesKey) {
  if (!touchedAny()) return Promise.resolve(true);
  const dialog = $('#confirm');
  $('#confirm-text').textContent = t(textKey);
  $('#confirm-yes').textContent = t(yesKey);
  dialog.returnValue = '';
  dialog.showModal();
  $('#confirm-yes').focus();
  return new Promise((ok) => dialog.addEventListener('close', () => ok(dialog.returnValue === 'yes'), { once: true }));
}

// ---------- the draft (this browser only; never photos) ----------

/** The key a control is saved under: its path (plus the value of a choice), or its id. */
function draftKey(c) {
  const site = c.closest('.website');
  const path = c.getAttribute('data-beian-path') || c.id || (c.matches('.same-principal') && site ? `websites[${$$('#websites .website').indexOf(site)}].samePrincipal` : '');
  if (!path) return '';
  return c.type === 'checkbox' || c.type === 'radio' ? `${path}=${c.value}` : path;
}

function draftControls() {
  return $$('input, select, textarea', form).filter((c) => c.type !== 'file' && !c.closest('.bc-msg'));
}

function saveDraft() {
  clearTimeout(saveDraft.timer);
  if (!touchedAny()) {
    store.del(DRAFT);
    return;
  }
  const values = {};
  for (const c of draftControls()) {
    const key = draftKey(c);
    if (!key) continue;
    values[key] = c.type === 'checkbox' || c.type === 'radio' ? c.checked : c.value;
    if (c.dataset.saved) values[`${key}#saved`] = c.dataset.saved;
  }
  const sites = $$('#websites .website').map((s) => $$('.domain-row', s).length);
  store.set(DRAFT, JSON.stringify({ v: 1, saved: new Date().toISOString().slice(0, 10), sites, values }));
}
const saveSoon = () => {
  clearTimeout(saveDraft.timer);
  saveDraft.timer = setTimeout(saveDraft, 250);
};

/** Rebuilds the form from the saved draft (same websites and domain rows), then its values. */
function restoreDraft() {
  let draft;
  try {
    draft = JSON.parse(store.get(DRAFT) || 'null');
  } catch {
    draft = null;
  }
  if (!draft || draft.v !== 1 || typeof draft.values !== 'object' || !Array.isArray(draft.sites)) return false;
  const v = draft.values;
  const type = SUBJECT_TYPES.find((s) => v[`subject.type=${s}`]);
  if (type) $(`#subject-types input[value="${type}"]`).checked = true;
  applySubjectType();
  $('#websites').replaceChildren();
  for (const n of draft.sites.slice(0, 50)) {
    const site = addWebsite();
    for (let j = 1; j < Math.min(Number(n) || 1, 50); j++) addDomain(site);
  }
  if (!draft.sites.length) addWebsite();
  // Selects first (a certificate type decides the number field's kind), then the rest.
  const controls = draftControls().sort((a, b) => (b.tagName === 'SELECT') - (a.tagName === 'SELECT'));
  for (const c of controls) {
    const key = draftKey(c);
    if (!(key in v)) continue;
    if (c.type === 'checkbox' || c.type === 'radio') c.checked = v[key] === true;
    else c.value = typeof v[key] === 'string' ? v[key] : '';
    if (typeof v[`${key}#saved`] === 'string') c.dataset.saved = v[`${key}#saved`];
    if (c.tagName === 'SELECT') syncCerts();
  }
  applySubjectType();
  renumber();
  syncDocs();
  for (const input of $$('.domain-row input')) labelRemoveDomain(input);
  return true;
}

function fillPerson(host, p) {
  const get = (rel) => host.querySelector(`[data-rel="${rel}"]:not([type=checkbox])`);
  if (!get('name').disabled) {
    get('name').value = p.name || '';
    get('certType').value = p.certType || 'residentId';
    syncCerts();
    get('certNumber').value = p.certNumber || '';
    setValidity(get('certValidUntil'), p.certValidUntil);
  }
  get('mobile').value = p.mobile || '';
  get('emergencyPhone').value = p.emergencyPhone || '';
  get('email').value = p.email || '';
  if (get('landline')) get('landline').value = p.landline || '';
  const box = (rel) => host.querySelector(`[data-rel="${rel}"][type=checkbox]`);
  box('legalRepresentative').checked = p.legalRepresentative !== false;
  if (box('residencePermit')) box('residencePermit').checked = p.residencePermit === true;
}

// ---------- wiring ----------

buildUploads();
buildProvince();
buildSubjectTypes();
buildPerson($('#sec-principal .person'), 'subject.principal');
addWebsite();
restoreDraft();
setLocale(locale);
applySubjectType();

/** The widget's options on this page. */
const widgetOptions = {
  blockSubmit: false, // "submitting" here makes the report, errors and all
  summary: false, // the page has its own summary and report

  // Personal filings: the principal is the person; "same as the subject's principal" websites copy it.
  // Findings about copied data are shown where it was typed.
  mapPath(path) {
    const m = /^websites\[(\d+)\]\.principal(\..*)?$/.exec(path);
    const site = m && $$('#websites .website')[Number(m[1])];
    if (site && $('.same-principal', site).checked) path = `subject.principal${m[2] || ''}`;
    const p = /^subject\.principal\.(name|certType|certNumber|certValidUntil)$/.exec(path);
    if (p && subjectType() === 'personal') path = `subject.${p[1]}`;
    return path;
  },
  toForm(data) {
    const subject = data.subject || (data.subject = {});
    const principal = subject.principal || (subject.principal = {});
    if (subject.type === 'personal') {
      principal.name = subject.name;
      principal.certType = subject.certType;
      principal.certNumber = subject.certNumber;
      if (subject.certValidUntil) principal.certValidUntil = subject.certValidUntil;
    }
    data.websites = data.websites || [];
    $$('#websites .website').forEach((site, i) => {
      const w = data.websites[i] || (data.websites[i] = { domains: [] });
      if ($('.same-principal', site).checked) {
        w.principal = { ...principal };
        delete w.principal.documents; // the uploads are cross-checked once, at the subject's principal
      }
      w.domains = (w.domains || []).filter((d) => d !== '');
      if (!w.contentTypes) w.contentTypes = [];
    });
    return data;
  },
};

// Results arrive in bursts (a field's change, then its blur): the summary and the report are drawn once
// the focus has settled, so someone moving into the list keeps the item they moved to.
let drawing = 0;
form.addEventListener('beian:results', () => {
  clearTimeout(drawing);
  drawing = setTimeout(() => {
    const summary = controller.summary();
    renderSummary(summary);
    if (!$('#report').hidden) buildReport(summary); // the report on screen follows the form
  }, 0);
});
form.addEventListener('beian:ready', () => {
  state = 'ready';
  renderStatus();
  renderSummary(controller.summary());
  // The widget has loaded web.js by now: this import costs no request.
  import('/pkg/web.js').then(
    (m) => {
      version = m.version();
      renderStatus();
    },
    () => {},
  );
});
form.addEventListener('beian:error', () => {
  state = 'failed';
  renderStatus();
  renderSummary(controller.summary());
});

function widgetFailed() {
  state = 'failed';
  renderStatus();
  renderSummary(controller.summary());
}
import('/pkg/widget.js').then((widget) => {
  countText = widget.countText;
  controller = widget.attach(form, widgetOptions);
  if (controller.status === 'failed') widgetFailed();
  else if (controller.status === 'ready') form.dispatchEvent(new CustomEvent('beian:ready', { bubbles: true }));
}, widgetFailed);

form.addEventListener('change', (e) => {
  const target = e.target;
  if (target.matches('#subject-types input')) applySubjectType();
  if (target.matches('#subject-cert-type, [data-cert-select]')) syncCerts();
  if (target.matches('[data-longterm]')) toggleLongTerm(target);
  if (target.matches('.same-principal')) renumber();
  if (target.matches('.chips input')) syncDocs();
  controller.refresh();
  saveSoon();
});
form.addEventListener('input', (e) => {
  if (e.target.matches('.domain-row input')) labelRemoveDomain(e.target);
  saveSoon();
});
window.addEventListener('pagehide', saveDraft);

form.addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.matches('.add-domain')) addDomain(b.closest('.website')).focus();
  else if (b.matches('.remove-domain')) {
    b.closest('.domain-row').remove();
    renumber();
    controller.refresh();
    saveDraft();
  } else if (b.matches('.remove-website')) {
    b.closest('.website').remove();
    renumber();
    controller.refresh();
    saveDraft();
  }
});
$('#add-website').addEventListener('click', () => {
  const site = addWebsite();
  $('[data-rel="name"]', site).focus();
});

// "Check everything and make the report": the report, errors and all, on screen (printable from there).
// Nothing is sent anywhere; the widget neither blocks this nor shows a "before submitting" summary here.
form.addEventListener('submit', (e) => {
  e.preventDefault(); // this page sends nothing anywhere
  if (state !== 'ready') {
    $('#submit-note').textContent = t('failed');
    return;
  }
  const s = buildReport();
  $('#report').hidden = false;
  $('#report').focus();
  $('#submit-note').textContent = s.errors ? t('reportShown') : `${t('allClear')} ${countText(s.errors, s.warnings, locale)}`;
});
form.addEventListener('reset', () => setTimeout(() => renderSummary(controller.summary()), 0));

const replaceWith = (fn, textKey, yesKey) => async () => {
  if (await confirmLoss(textKey, yesKey)) fn();
};
$('#example-clean').addEventListener('click', replaceWith(() => loadExample('clean'), 'confirmExample', 'replace'));
$('#example-mistakes').addEventListener('click', replaceWith(() => loadExample('mistakes'), 'confirmExample', 'replace'));
$('#clear').addEventListener('click', replaceWith(() => {
  resetForm();
  saveDraft();
}, 'confirmClear', 'doClear'));
$('#forget').addEventListener('click', replaceWith(() => {
  resetForm();
  for (const k of [DRAFT, LANG]) store.del(k);
  $('#draft-status').textContent = t('forgotten');
}, 'confirmForget', 'doForget'));
const printReport = () => {
  buildReport();
  window.print(); // beforeprint builds it again: whatever starts printing, it shows the form as it is now
};
$('#print').addEventListener('click', printReport);
$('#report-print').addEventListener('click', printReport);
$('#report-close').addEventListener('click', () => {
  hideReport();
  $('#submit').focus();
});
// Whatever starts the printing (a button, Ctrl+P, the browser menu), the report shows the form as it is now.
window.addEventListener('beforeprint', () => buildReport());
for (const b of $$('[data-lang]')) b.addEventListener('click', () => setLocale(b.dataset.lang));
// Phones: the bar opens the list of problems; wider screens: it goes to the first problem.
$('#summary-go').addEventListener('click', () => {
  if (matchMedia('(max-width: 960px)').matches) {
    setListOpen(!$('#summary').classList.contains('open'));
    return;
  }
  const items = controller.summary().items;
  const first = items.find((i) => i.severity === 'error' && i.input) || items.find((i) => i.input);
  first?.input.focus();
});
