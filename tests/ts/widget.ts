// Type-checked against the shipped widget declarations (beian-check/widget).
import { attach, autoAttach, countText, resolveLocale, type WidgetController, type Summary } from 'beian-check/widget';

declare const form: HTMLFormElement;
const c: WidgetController = attach(form, {
  locale: 'en',
  blockSubmit: true,
  wasm: '/cdn/beian_check_bg.wasm',
  stylesheet: false,
  checkOptions: { today: '2026-11-27', province: '京' },
  paths: { 'subject.principal.mobile': '#mobile' },
  mapPath: (p) => p,
  toForm: (data) => data,
});
const s: Summary = c.check();
const n: number = s.errors + s.warnings;
const text: string = countText(s.errors, s.warnings, resolveLocale(document.documentElement.lang));
form.addEventListener('beian:blocked', (e) => void e.detail.submitter);
autoAttach(document);
void [n, text, c.status === 'ready', c.status === 'idle', s.loaded === false];
attach(form, { load: 'eager' });
// @ts-expect-error: load is 'interaction' or 'eager'
attach(form, { load: 'lazy' });

// @ts-expect-error: blockSubmit is a boolean
attach(form, { blockSubmit: 'yes' });
