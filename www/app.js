// The self-check page. It holds no rules: every verdict comes from the
// beian-check package through its widget (beian-check/widget). This file
// builds the form (repeatable websites and domains, the subject-type switch),
// the language switch, the examples, the live summary and the printable
// report. Everything user-typed is rendered with textContent, never as HTML.
import { attach, countText } from '/pkg/widget.js';
import * as api from '/pkg/web.js';
import { UI, CERT_LABELS, SLOTS, CONTENT_TYPES, PROVINCES, SUBJECT_TYPES, CERTS_FOR, EXAMPLES } from './text.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const form = $('#filing');
let locale = pickLocale();
let uid = 0;
const nextId = (p) => `${p}-${++uid}`;
const t = (key) => UI[locale][key] ?? UI['zh-CN'][key] ?? key;

function pickLocale() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q && UI[q]) return q;
  const saved = (() => {
    try {
      return localStorage.getItem('beian-check.lang');
    } catch {
      return null;
    }
  })();
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
      if (type === 'enterprise') input.checked = true;
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
    for (const c of $$('input, select', row)) c.disabled = personal || (c.matches('[data-valid-date]') && row.querySelector('[data-longterm]')?.checked);
  }
  syncPersonRows();
  syncCerts();
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
  input.setAttribute('aria-label', t('domain'));
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
  $('#websites').append(site);
  buildPerson($('.website-person', site), 'websites[0].principal');
  addDomain(site);
  translate(site);
  syncCerts();
  renumber();
  return site;
}

/** Paths follow the position: websites[i].domains[j]; a removed row renumbers the rest. */
function renumber() {
  $$('#websites .website').forEach((site, i) => {
    $('.website-no', site).textContent = String(i + 1);
    $('.remove-website', site).hidden = i === 0;
    for (const c of $$('[data-rel]', site)) {
      if (c.closest('.website-person')) continue;
      if (c.dataset.rel === 'domain') continue;
      c.setAttribute('data-beian-path', `websites[${i}].${c.dataset.rel}`);
    }
    $$('.domain-row', site).forEach((row, j) => {
      $('input', row).setAttribute('data-beian-path', `websites[${i}].domains[${j}]`);
      if (i === 0 && j === 0) $('input', row).setAttribute('data-beian-context', 'domain');
      else $('input', row).removeAttribute('data-beian-context');
      $('.remove-domain', row).hidden = j === 0;
    });
    const person = $('.website-person', site);
    person.dataset.person = `websites[${i}].principal`;
    for (const c of $$('[data-rel]', person)) c.setAttribute('data-beian-path', `websites[${i}].principal.${c.dataset.rel}`);
    const same = $('.same-principal', site).checked;
    person.hidden = same;
    for (const c of $$('input, select', person)) c.disabled = same || (c.matches('[data-valid-date]') && person.querySelector('[data-longterm]')?.checked);
  });
}

const PERSON_SLOTS = ['idCardFront', 'idCardBack', 'handheldId'];

function buildUploads() {
  const box = $('#uploads');
  for (const slot of SLOTS) {
    const card = document.createElement('div');
    card.className = 'upload';
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
    // ID photos are the principal's documents: checkForm compares what they show with the typed certificate.
    if (PERSON_SLOTS.includes(slot)) input.setAttribute('data-beian-path', `subject.principal.documents.${slot}`);
    input.setAttribute('aria-describedby', desc.id);
    card.append(label, desc, input);
    box.append(card);
  }
}

// ---------- language ----------

function translate(root = document) {
  for (const el of $$('[data-t]', root)) el.textContent = t(el.dataset.t);
  for (const el of $$('[data-slot]', root)) el.textContent = t(`slot_${el.dataset.slot}`);
  for (const el of $$('[data-slot-desc]', root)) el.textContent = t(`slotDesc_${el.dataset.slotDesc}`);
  for (const el of $$('[data-ct]', root)) el.textContent = CONTENT_TYPES_LABEL(el.dataset.ct);
  for (const el of $$('.domain-row input', root)) el.setAttribute('aria-label', t('domain'));
  for (const el of $$('.remove-domain', root)) el.setAttribute('aria-label', t('removeDomain'));
}

const CONTENT_TYPES_LABEL = (ct) => UI[locale].contentType?.[ct] || ct;

function setLocale(next) {
  locale = UI[next] ? next : 'zh-CN';
  try {
    localStorage.setItem('beian-check.lang', locale);
  } catch {
    // private mode: fine
  }
  document.documentElement.lang = locale; // the widget follows <html lang>
  document.title = `${t('title')} · beian-check`;
  for (const b of $$('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === locale));
  translate();
  buildProvince();
  buildSubjectTypes();
  syncCerts();
  renderStatus();
  renderSummary(controller.summary());
}

// ---------- summary, status, report ----------

let state = 'loading';
function renderStatus() {
  const s = $('#status');
  if (state === 'ready') s.textContent = `${t('ready')} · beian-check ${api.version()}`;
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
  card.classList.toggle('is-clean', state === 'ready' && !summary.errors && !summary.warnings && summary.items !== undefined && touchedAny());
  badge.textContent = summary.errors ? String(summary.errors) : summary.warnings ? String(summary.warnings) : touchedAny() ? '✓' : '·';
  counts.textContent = state !== 'ready' ? t(state === 'failed' ? 'failed' : 'loading') : touchedAny() ? countText(summary.errors, summary.warnings, locale) : t('nothingYet');
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
    b.addEventListener('click', () => item.input?.focus());
    li.append(b);
    list.append(li);
  }
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

function buildReport() {
  const summary = controller.check();
  const report = $('#report');
  report.replaceChildren();
  const h = (tag, text, cls) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = text;
    return el;
  };
  report.append(h('h1', t('reportTitle')));
  const now = new Date();
  report.append(h('p', `${t('reportDate')}: ${now.toLocaleString(locale)} · beian-check ${state === 'ready' ? api.version() : ''}`, 'report-meta'));
  report.append(h('p', countText(summary.errors, summary.warnings, locale), `report-counts ${summary.errors ? 'bad' : 'good'}`));
  for (const section of $$('section.card', form)) {
    const rows = $$('input, select, textarea', section).filter((i) => !i.disabled && i.type !== 'radio' && i.type !== 'checkbox' && !i.closest('[hidden]'));
    if (!rows.length) continue;
    report.append(h('h2', section.querySelector('h2 [data-t]').textContent));
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
  const other = summary.items.filter((i) => !i.input);
  if (other.length) {
    report.append(h('h2', t('form')));
    for (const f of other) report.append(h('p', `${f.severity === 'error' ? '✗' : '!'} ${f.message}`));
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
  form.reset();
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
  $('#icp-number').value = ex.footer.icp;
  $('#psb-number').value = ex.footer.psb;
  $('#footer-html').value = ex.footer.html;
  controller.check();
  $('#submit-note').textContent = '';
}

function setValidity(dateInput, value) {
  const box = dateInput.parentElement.querySelector('[data-longterm]');
  box.checked = value === 'long-term';
  dateInput.value = value === 'long-term' ? '' : value || '';
  dateInput.disabled = box.checked;
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
translate();

const controller = attach(form, {
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
});
setLocale(locale);

form.addEventListener('beian:results', (e) => renderSummary(e.detail));
form.addEventListener('beian:ready', () => {
  state = 'ready';
  renderStatus();
  renderSummary(controller.summary());
});
form.addEventListener('beian:error', () => {
  state = 'failed';
  renderStatus();
  renderSummary(controller.summary());
});
if (controller.status !== 'loading') {
  state = controller.status;
  renderStatus();
}

form.addEventListener('change', (e) => {
  const target = e.target;
  if (target.matches('#subject-types input')) applySubjectType();
  if (target.matches('#subject-cert-type, [data-cert-select]')) syncCerts();
  if (target.matches('[data-longterm]')) {
    const date = target.closest('.inline').querySelector('input[type=date]');
    date.disabled = target.checked;
    if (target.checked) date.value = '';
  }
  if (target.matches('.same-principal')) renumber();
  controller.refresh();
});

form.addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.matches('.add-domain')) addDomain(b.closest('.website')).focus();
  else if (b.matches('.remove-domain')) {
    b.closest('.domain-row').remove();
    renumber();
    controller.refresh();
  } else if (b.matches('.remove-website')) {
    b.closest('.website').remove();
    renumber();
    controller.refresh();
  }
});
$('#add-website').addEventListener('click', () => {
  const site = addWebsite();
  $('[data-rel="name"]', site).focus();
});

// The widget blocks a submit with errors (and focuses the first one); a clean one lands here.
form.addEventListener('submit', (e) => {
  e.preventDefault(); // this page sends nothing anywhere
  if (state !== 'ready') {
    $('#submit-note').textContent = t('failed');
    return;
  }
  const s = buildReport();
  $('#submit-note').textContent = s.errors ? '' : `${t('allClear')} ${countText(s.errors, s.warnings, locale)}`;
});
form.addEventListener('beian:blocked', () => {
  $('#submit-note').textContent = '';
});
form.addEventListener('reset', () => setTimeout(() => renderSummary(controller.summary()), 0));

$('#example-clean').addEventListener('click', () => loadExample('clean'));
$('#example-mistakes').addEventListener('click', () => loadExample('mistakes'));
$('#clear').addEventListener('click', () => {
  form.reset();
  $('#websites').replaceChildren();
  addWebsite();
  applySubjectType();
  $('#submit-note').textContent = '';
});
$('#print').addEventListener('click', () => {
  buildReport();
  window.print();
});
window.addEventListener('beforeprint', () => {
  if (!$('#report').childElementCount) buildReport();
});
for (const b of $$('[data-lang]')) b.addEventListener('click', () => setLocale(b.dataset.lang));
// On phones the summary is a bar: tapping it goes to the first problem.
$('#summary-go').addEventListener('click', () => {
  const first = controller.summary().items.find((i) => i.severity === 'error' && i.input) || controller.summary().items.find((i) => i.input);
  first?.input.focus();
});

applySubjectType();
