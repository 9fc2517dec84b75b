// beian-check/fields: the field checks of the main entry, with a smaller wasm.
export { default, checkField, getProfile, normalize, kinds, locales, version, loadRegionNames, loadLocale } from './index.js';
export type { Locale, Severity, SubjectType, FieldKind, Finding, FieldResult, CheckOptions, Profile, FieldPattern } from './index.js';
