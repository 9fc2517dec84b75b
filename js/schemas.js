// Standard Schema v1 objects (https://standardschema.dev), consumed by
// VeeValidate 5, TanStack Form and others: `schemas.<kind>` for every
// checkField kind and `schemas.form` for a whole FilingForm. Only errors
// become issues (warnings never fail validation); a field schema's output
// is the normalised value, the form schema's output is the form as given.
// An empty value is an issue (the kind's own "enter …" message), as in
// checkField and rules; `required: false` lets it pass (output '').
// In a browser before init() has resolved, validate() loads the wasm and
// returns a Promise (allowed by the spec); afterwards, and always in Node,
// it answers synchronously.
import * as core from './core.js';
import { isEmpty, kindProxy, labelled, pathSegments, requiredOption } from './kinds-proxy.js';

const VENDOR = 'beian-check';
const NOT_TEXT = { 'zh-CN': '应为文本', 'zh-TW': '應為文字', en: 'Expected text' };
const NOT_FORM = { 'zh-CN': '应为备案表单对象', 'zh-TW': '應為備案表單物件', en: 'Expected a filing form object' };

function standard(validate) {
  return { '~standard': { version: 1, vendor: VENDOR, validate } };
}

function issue(f, label, locale) {
  const out = { message: labelled(label, f.message, locale), code: f.code };
  const path = pathSegments(f.path ?? '');
  if (path.length > 0) out.path = path;
  return out;
}

/**
 * Builds the `schemas` object. `ensureReady()` loads the wasm and
 * `loadLocale(tag)` a locale's messages (browsers; both null in Node).
 */
export function makeSchemas(ensureReady, bound = {}, loadLocaleChunk = null) {
  if (bound === null || typeof bound !== 'object' || Array.isArray(bound)) {
    throw new TypeError('beian-check: schemas.withOptions(options) needs an options object');
  }
  // Synchronous once the wasm and the locale are loaded; before that (in a
  // browser) validate() loads them and returns a Promise.
  const locale = bound.locale;
  const loadLocale = (tag) => (tag && tag !== 'zh-CN' && loadLocaleChunk ? loadLocaleChunk(tag) : Promise.resolve());
  // `full`: the run needs checkForm (a page may have bound the fields-only module first).
  const later = (run, tag, full = false) => (value) => {
    if (!core.isReady(full)) {
      if (!ensureReady) return run(value);
      return ensureReady().then(() => loadLocale(tag)).then(() => run(value));
    }
    try {
      return run(value);
    } catch (e) {
      // A locale whose messages are not loaded yet is a TypeError: load, then retry once.
      if (e instanceof TypeError && tag && tag !== 'zh-CN' && loadLocaleChunk) return loadLocale(tag).then(() => run(value));
      throw e;
    }
  };

  function field(kind, opts = {}) {
    if (typeof kind !== 'string') throw new TypeError('beian-check: schemas.field(kind) needs the kind as a string');
    const { label, required: req, ...rest } = { ...bound, ...opts };
    const required = requiredOption(req, 'schemas');
    const locale = rest.locale ?? 'zh-CN';
    return standard(
      later((value) => {
        if (!required && isEmpty(value)) return { value: '' }; // an optional field left empty
        if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
          return { issues: [{ message: labelled(label, NOT_TEXT[locale] ?? NOT_TEXT.en, locale), code: 'schema.type' }] };
        }
        const r = core.checkField(kind, value ?? '', rest);
        const errors = r.findings.filter((f) => f.severity === 'error');
        return errors.length > 0 ? { issues: errors.map((f) => issue(f, label, locale)) } : { value: r.value };
      }, rest.locale),
    );
  }

  const { label: _label, required: _required, ...formOptions } = bound; // field-schema options, not checkForm's
  const form = standard(
    later((value) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { issues: [{ message: NOT_FORM[bound.locale ?? 'zh-CN'] ?? NOT_FORM.en, code: 'schema.type' }] };
      }
      const r = core.checkForm(value, formOptions);
      const errors = r.findings.filter((f) => f.severity === 'error');
      return errors.length > 0 ? { issues: errors.map((f) => issue(f, undefined, bound.locale)) } : { value };
    }, locale, true),
  );

  const withOptions = (options) => makeSchemas(ensureReady, { ...bound, ...options }, loadLocaleChunk);

  return kindProxy('schemas', { form, field, withOptions }, (kind) => field(kind));
}
