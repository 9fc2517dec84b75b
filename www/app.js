// The self-check page. It holds no rules: every verdict comes from the
// beian-check package; this file only wires inputs to checkField and
// renders findings as text (never as HTML).
import init, { checkField, version } from '/pkg/web.js';

const UI = {
  'zh-CN': { title: 'ICP 备案自检', lead: '逐项检查备案信息，提交前发现会被驳回的问题。所有检查都在本机浏览器中完成，数据不会上传。', language: '语言', mobile: '手机号码', email: '电子邮箱', fix: '应用修正', ready: '检查器已就绪', failed: '检查器加载失败，表单仍可正常填写。' },
  'zh-TW': { title: 'ICP 備案自檢', lead: '逐項檢查備案資訊，送出前發現會被駁回的問題。所有檢查都在本機瀏覽器中完成，資料不會上傳。', language: '語言', mobile: '手機號碼', email: '電子郵件', fix: '套用修正', ready: '檢查器已就緒', failed: '檢查器載入失敗，表單仍可正常填寫。' },
  en: { title: 'ICP filing self-check', lead: 'Checks your ICP filing data field by field and shows what a reviewer would reject, before you submit. Everything runs in this browser; nothing is uploaded.', language: 'Language', mobile: 'Mobile number', email: 'E-mail address', fix: 'Apply fix', ready: 'Checker ready', failed: 'The checker failed to load; the form still works.' },
};

const $ = (sel) => document.querySelector(sel);
const localeSelect = $('#locale');
let locale = new URLSearchParams(location.search).get('lang') || 'zh-CN';
if (!UI[locale]) locale = 'zh-CN';
localeSelect.value = locale;
let loaded = false;

function renderField(input) {
  const box = document.getElementById(input.getAttribute('aria-describedby'));
  box.replaceChildren();
  if (!loaded || input.value === '') {
    input.removeAttribute('aria-invalid');
    return;
  }
  const partial = document.activeElement === input;
  const result = checkField(input.dataset.kind, input.value, { locale, partial });
  input.setAttribute('aria-invalid', String(!result.ok));
  for (const f of result.findings) {
    const item = document.createElement('div');
    item.className = `finding ${f.severity}`;
    item.dataset.code = f.code;
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = f.message;
    item.append(msg);
    if (f.hint) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = f.hint;
      item.append(hint);
    }
    if (f.fix !== undefined) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'fix';
      button.textContent = `${UI[locale].fix}: ${f.fix}`;
      button.addEventListener('click', () => {
        input.value = f.fix;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        renderField(input);
      });
      item.append(button);
    }
    box.append(item);
  }
}

function applyLocale() {
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = UI[locale][el.dataset.t];
  document.title = `${UI[locale].title} · beian-check`;
  for (const input of document.querySelectorAll('[data-kind]')) renderField(input);
}

for (const input of document.querySelectorAll('[data-kind]')) {
  input.addEventListener('input', () => renderField(input));
  input.addEventListener('blur', () => renderField(input));
}
localeSelect.addEventListener('change', () => {
  locale = localeSelect.value;
  applyLocale();
});

applyLocale();
try {
  await init();
  loaded = true;
  $('#status').textContent = `${UI[locale].ready} · beian-check ${version()}`;
  applyLocale();
} catch (e) {
  $('#status').textContent = UI[locale].failed;
  console.warn('beian-check failed to load', e);
}
