// Type declarations for beian-check (the contract of shared/spec/api.md).

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type SubjectType = 'personal' | 'enterprise' | 'government' | 'institution' | 'social_org' | 'other';

/** The checkField kinds (api.md). */
export type FieldKind =
  | 'residentId' | 'hmtResidencePermit' | 'foreignPermanentId' | 'hkMacaoPermit' | 'taiwanPermit' | 'passport'
  | 'creditCode' | 'orgCode' | 'businessRegNumber'
  | 'mobile' | 'landline' | 'email' | 'personName'
  | 'domain' | 'websiteName' | 'icpNumber' | 'psbNumber' | 'ip';

export interface Finding {
  /** '' for checkField; e.g. 'subject.principal.mobile' in checkForm. */
  path: string;
  /** Stable machine code, dotted, e.g. 'mobile.too_short'. */
  code: string;
  severity: Severity;
  /** Localized: what is wrong. Render as text, never as HTML. */
  message: string;
  /** Localized: how to fix it (may be ''). */
  hint: string;
  /** A safe replacement value for the whole field, when one is certain. */
  fix?: string;
  /** UTF-16 offsets [start, end) into the original input. */
  span?: [number, number];
}

export interface FieldResult {
  /** True when no finding has severity 'error'. */
  ok: boolean;
  /** The normalised value. */
  value: string;
  findings: Finding[];
  /** Facts parsed from the value. */
  info?: Record<string, unknown>;
}

export interface CheckOptions {
  locale?: Locale;
  /** 'YYYY-MM-DD'; defaults to the current local date. */
  today?: string;
  subjectType?: SubjectType;
  /** Filing province: '京', '北京', '北京市' or '11'. */
  province?: string;
  /** The value is still being typed: incomplete-but-possible values get no error. */
  partial?: boolean;
  /** 'generic' (default) or a provider profile object `{ extends: 'generic', … }`. */
  profile?: 'generic' | Profile;
}

/**
 * Loads the wasm (browser); resolves at once in Node. Idempotent. In
 * browsers it also loads the messages of `options.locales` (default: all).
 */
export default function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
  options?: { locales?: Locale[] },
): Promise<void>;

/** Loads a locale's messages (zh-CN is built in; Node has all at import). */
export function loadLocale(locale: Locale): Promise<void>;

/** Checks one value. Throws TypeError only for an unknown kind or bad options. */
export function checkField(kind: FieldKind, value: string, options?: CheckOptions): FieldResult;
export function checkField(kind: string, value: string, options?: CheckOptions): FieldResult;

/** Extra options of checkFooter: what the page should show. */
export interface FooterOptions extends CheckOptions {
  /** The site's ICP number, e.g. '京ICP备16020626号-8'. */
  icpNumber?: string;
  /** The site's 公网安备 number, e.g. '京公网安备11010502030143号'. */
  psbNumber?: string;
  /** The filed domain. */
  domain?: string;
}

/** checkFooter's result: `info` lists the numbers found on the page. */
export interface FooterResult extends FieldResult {
  info: { icpNumbers: string[]; psbNumbers: string[]; domain?: string } & Record<string, unknown>;
}

/** Checks a page's HTML (or its footer) for the ICP / 公网安备 display rules. */
export function checkFooter(html: string, options?: FooterOptions): FooterResult;

/** The normalised value of `value` as `kind`. */
export function normalize(kind: FieldKind | string, value: string, options?: CheckOptions): string;

/** The checkField kinds with localized labels. */
export function kinds(locale?: Locale): { kind: FieldKind; label: string }[];

/** The supported locales, each named in its own language. */
export function locales(): { locale: Locale; name: string }[];

/** The package version. */
export function version(): string;

export interface Person {
  name: string;
  /** A checkField kind: 'residentId', 'passport', … */
  certType: string;
  certNumber: string;
  /** 'YYYY-MM-DD' or 'long-term'. */
  certValidUntil?: string;
  mobile: string;
  email?: string;
  landline?: string;
  emergencyPhone?: string;
  /** Holds a local residence permit. */
  residencePermit?: boolean;
}

export interface Website {
  name: string;
  domains: string[];
  homepage?: string;
  /** Pre-approval categories declared, e.g. ['新闻']. */
  contentTypes?: string[];
  remark?: string;
  /** 'YYYY-MM-DD'. */
  domainExpiresOn?: string;
  /** Registrant name on the domain certificate. */
  domainHolder?: string;
  principal: Person;
}

export interface FilingForm {
  /** Filing province, as in options.province. */
  province?: string;
  subject: {
    type: SubjectType;
    /** Unit name, or the person's name for 'personal'. */
    name: string;
    certType: string;
    certNumber: string;
    certValidUntil?: string;
    address?: string;
    principal: Person;
  };
  websites: Website[];
}

export interface FormResult {
  ok: boolean;
  /** Every finding has its `path`, e.g. 'websites[0].domains[1]'. */
  findings: Finding[];
}

/** Checks a whole filing. Fields may be missing: that is a finding, not an exception. */
export function checkForm(form: Partial<FilingForm> | Record<string, unknown>, options?: CheckOptions): FormResult;

/** A built-in profile as a plain object. */
export function getProfile(name?: 'generic'): Record<string, unknown>;

/** A provider profile: overrides of the generic profile's sections, plus field patterns. */
export interface Profile {
  extends?: 'generic';
  name?: string;
  patterns?: FieldPattern[];
  /** Section overrides (tlds, words, images, provinces); `"key+"` appends to a list, `"key-"` removes. */
  [section: string]: unknown;
}

/** An extra check on one field kind, with its own localized text. */
export interface FieldPattern {
  kind: FieldKind;
  /** Linear-time pattern syntax: see the README ("Profiles"). */
  pattern: string;
  /** 'forbid' (default): a finding when it matches; 'require': when it does not. */
  match?: 'forbid' | 'require';
  code?: string;
  severity?: Severity;
  message: { 'zh-CN': string; 'zh-TW'?: string; en?: string };
  hint?: { 'zh-CN'?: string; 'zh-TW'?: string; en?: string };
}
/**
 * Loads the region names behind `info.regionName` (a separate, lazily
 * imported chunk in browsers; already loaded in Node). `checkField` starts
 * it by itself the first time a result needs a name.
 */
export function loadRegionNames(): Promise<boolean>;
