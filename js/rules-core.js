// Rule factories for async-validator-style forms (Element Plus, Naive UI,
// Ant Design). The entries rules.js (browser, bundlers) and rules-node.js
// (Node) bind it to their way of loading the wasm. It holds no rules of its
// own: every verdict is checkField's or checkForm's.
//
// An empty value is an error (the kind's own "enter …" message), as in
// checkField and schemas; `required: false` lets it pass.
//
// Warnings never block: the rule made by rules.<kind>(opts) rejects only on
// errors and hands warnings to opts.onWarning (no console output). For
// antd, rules.<kind>({ ...opts, warningOnly: true }) makes the second,
// non-blocking rule that rejects with the warning and carries
// `warningOnly: true`, so antd shows it as a warning.
import * as core from './core.js';
import { isEmpty, kindProxy, labelled, requiredOption, within } from './kinds-proxy.js';

function checkOptions(opts) {
  const o = { ...(opts.options ?? {}) };
  if (opts.locale !== undefined) o.locale = opts.locale;
  return o;
}

function settle(findings, opts, result) {
  const locale = opts.locale ?? opts.options?.locale ?? 'zh-CN';
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const text = (f) => labelled(opts.label, f.message, locale);
  if (opts.warningOnly) {
    if (warnings.length > 0) throw new Error(text(warnings[0]));
    return;
  }
  if (warnings.length > 0 && typeof opts.onWarning === 'function') {
    opts.onWarning(warnings.map(text), result);
  }
  if (errors.length > 0) throw new Error(text(errors[0]));
}

function ruleShape(opts, validator) {
  const rule = { validator };
  if (opts.trigger !== undefined) rule.trigger = opts.trigger;
  if (opts.warningOnly) rule.warningOnly = true;
  return rule;
}

function options(opts, where) {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) throw new TypeError(`beian-check/rules: ${where} options must be an object`);
  return opts;
}

/**
 * Builds the `rules` object. `ensureReady()` returns a promise that loads a
 * wasm with checkField, `ensureFull()` one with checkForm too (browsers: the
 * fields-only and the full module); `loadLocale(tag)` one that loads a
 * locale's messages (browsers only: Node has every locale at import).
 */
export function makeRules(ensureReady, loadLocale = null, ensureFull = ensureReady) {
  // The wasm, then the rule's locale (zh-TW and en are chunks in browsers).
  const ready = async (opts, full = false) => {
    const load = full ? ensureFull : ensureReady;
    if (!core.isReady(full) && load) await load();
    const locale = opts.locale ?? opts.options?.locale;
    if (locale && locale !== 'zh-CN' && loadLocale) await loadLocale(locale);
  };

  function field(kind, opts) {
    opts = options(opts, `rules.${kind}`);
    const required = requiredOption(opts.required, `rules.${kind}`);
    return ruleShape(opts, async (_rule, value) => {
      if (isEmpty(value) && !required) return; // an optional field left empty
      await ready(opts);
      const result = core.checkField(kind, isEmpty(value) ? '' : value, checkOptions(opts));
      settle(result.findings, opts, result);
    });
  }

  function modelOf(form) {
    if (typeof form === 'function') return form();
    if (form && typeof form.getFieldsValue === 'function') return form.getFieldsValue(true);
    if (form && form.__v_isRef === true) return form.value; // a Vue ref
    return form;
  }

  /**
   * A cross-field rule for the form field at `path` ('subject.principal.mobile',
   * 'websites[0].domains[1]'): `(form) => rule`, as antd expects. `form` is an
   * antd FormInstance, the model object itself (Element Plus, Naive UI, a Vue
   * reactive or ref) or a function returning it; it is read at validation time,
   * so the rule sees the other fields' current values and runs even while
   * another field fails.
   */
  function form(path, opts) {
    if (typeof path !== 'string') throw new TypeError('beian-check/rules: rules.form(path) needs the field path as a string');
    opts = options(opts, 'rules.form');
    return (formOrModel) =>
      ruleShape(opts, async () => {
        await ready(opts, true);
        const model = modelOf(formOrModel);
        const result = core.checkForm(model, checkOptions(opts));
        settle(result.findings.filter((f) => within(f.path, path)), opts, result);
      });
  }

  return kindProxy('rules', { field, form }, (kind) => (opts) => field(kind, opts));
}
