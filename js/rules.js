// `beian-check/rules` for browsers and bundlers. The wasm loads on the first
// validation (init() is idempotent, so an app's own init() call is shared):
// field rules need only the fields-only module (70 KB gz), a rules.form()
// rule loads the full one (checkForm, 101 KB) the first time it validates.
// Whichever module the app has loaded already is used when it suffices.
import initFields, { loadLocale } from './fields.js';
import { makeRules } from './rules-core.js';

const initFull = () => import('./web.js').then((m) => m.default(undefined, { locales: [] }));

/** Rule factories: `rules.<kind>(opts)`, `rules.field(kind, opts)`, `rules.form(path, opts)`. */
export const rules = makeRules(() => initFields(undefined, { locales: [] }), loadLocale, initFull); // the rule's own locale loads on use
export default rules;
