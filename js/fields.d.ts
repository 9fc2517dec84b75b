// beian-check/fields: the field checks of the main entry, with a smaller wasm.
// getProfile('generic') here has no `provinces` and `images` sections (only
// checkForm and the image checks read them; once the full module is loaded
// on the page, it answers with them).
export { default, checkField, getProfile, normalize, kinds, locales, version, loadRegionNames, loadLocale } from './index.js';
export type { Locale, Severity, SubjectType, FieldKind, Finding, FieldResult, CheckOptions, Profile, FieldPattern } from './index.js';
