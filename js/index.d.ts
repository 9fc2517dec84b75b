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
  /** checkForm only: the localized name of the field at `path`, e.g. '网站 2 · 网站负责人 · 手机号码'. */
  label?: string;
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
  info: { icpNumbers: string[]; psbNumbers: string[]; licenceNumbers?: string[]; domain?: string } & Record<string, unknown>;
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
  /** Is the organisation's legal representative (法定代表人); judged per province when given. */
  legalRepresentative?: boolean;
  /** Uploaded ID slots (idCardFront, idCardBack, handheldId, verificationPhoto); see docs/form-documents.md. */
  documents?: Documents;
}

/** One uploaded slot: present = the applicant has uploaded it. */
export interface DocumentUpload {
  /** What checkImagePixels returned in info.card (ID slots): cross-checked with the typed certificate. */
  card?: { number?: string; numberConfidence?: number; validFrom?: string; validUntil?: string; validityConfidence?: number; [key: string]: unknown };
}
/** The uploads of a subject, person or website, by slot. Once a form carries any, checkForm requires what the subject type needs. */
export type Documents = Partial<Record<ImageSlot, DocumentUpload>>;

export interface Website {
  name: string;
  domains: string[];
  homepage?: string;
  /** Pre-approval categories declared, e.g. ['新闻']. */
  contentTypes?: string[];
  remark?: string;
  /** 'YYYY-MM-DD'. */
  domainExpiresOn?: string;
  /** 'YYYY-MM-DD' of the domain's real-name verification (实名认证): MIIT sees it ~3 working days later. */
  domainVerifiedOn?: string;
  /** Registrant name on the domain certificate. */
  domainHolder?: string;
  /** Filled from the subject's principal in a personal filing when absent. */
  principal: Person;
  /** Uploaded slots (domainCertificate, preApproval, authorizationLetter). */
  documents?: Documents;
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
    /** In a personal filing, filled from the subject when absent (docs/form-documents.md). */
    principal: Person;
    /** Uploaded slots (businessLicense, authorizationLetter, …). */
    documents?: Documents;
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

/**
 * The Standard Schema v1 interface (https://standardschema.dev), copied as
 * the spec intends, so no package is needed to use `schemas`.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** An issue of a beian-check schema: the error finding's code, and its path in the form. */
export interface SchemaIssue extends StandardSchemaV1.Issue {
  /** The finding code, or 'schema.type' when the value has the wrong type. */
  readonly code: string;
  readonly path?: ReadonlyArray<string | number>;
}

/** A beian-check Standard Schema: `vendor` is 'beian-check', issues are SchemaIssues. */
export interface BeianSchema<Input, Output> extends StandardSchemaV1<Input, Output> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'beian-check';
    readonly validate: (value: unknown) => BeianSchemaResult<Output> | Promise<BeianSchemaResult<Output>>;
    readonly types?: StandardSchemaV1.Types<Input, Output> | undefined;
  };
}
export type BeianSchemaResult<Output> = StandardSchemaV1.SuccessResult<Output> | { readonly issues: ReadonlyArray<SchemaIssue> };

/** Options of a field schema: check options plus the label that prefixes its messages. */
export interface FieldSchemaOptions extends CheckOptions {
  label?: string;
  /**
   * `false`: the field is optional, an empty value (missing, null, blank
   * text) passes with the output ''. Default `true`: an empty value is an
   * issue with the kind's own localized "enter …" message, as in checkField
   * and the rules.
   */
  required?: boolean;
}

/**
 * Standard Schema v1 objects. A field schema's output is the normalised value;
 * only errors are issues (warnings never fail validation). In a browser
 * before init() resolved, validate() loads the wasm and returns a Promise.
 */
export type Schemas = { readonly [K in FieldKind]: BeianSchema<string, string> } & {
  /** The whole FilingForm through checkForm; issue paths like ['websites', 0, 'domains', 1]. */
  readonly form: BeianSchema<FilingForm, FilingForm>;
  /** A field schema with options (locale, label, today, …). */
  field(kind: FieldKind, options?: FieldSchemaOptions): BeianSchema<string, string>;
  /** The same schemas with these options (e.g. { locale: 'en' }). */
  withOptions(options: CheckOptions & { required?: boolean }): Schemas;
};

export declare const schemas: Schemas;

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
  /** Linear-time pattern syntax: see docs/profiles.md. */
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
// -- images --------------------------------------------------------------

/** An upload slot; each has its own limits in the profile. */
export type ImageSlot =
  | 'idCardFront' | 'idCardBack' | 'businessLicense' | 'verificationPhoto'
  | 'handheldId' | 'domainCertificate' | 'authorizationLetter' | 'preApproval' | 'other';

/** The slots, in a stable order. */
export const IMAGE_SLOTS: readonly ImageSlot[];

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'heic' | 'avif' | 'tiff' | 'pdf' | 'unknown';

/** What a header says (probeImage, and checkImage's `info`). */
export interface ImageInfo {
  format: ImageFormat;
  /** Stored pixel size. Absent when the header was not (fully) read or is invalid. */
  width?: number;
  height?: number;
  /** EXIF orientation 1–8 (1 when absent); HEIF/AVIF irot/imir mapped to the same values. */
  orientation?: number;
  /** Size as a browser shows it, after orientation. */
  displayWidth?: number;
  displayHeight?: number;
  /** The header continues past the bytes given: pass at least this many. */
  needBytes?: number;
  /** Why a complete header is unusable. */
  invalid?: 'zero_size' | 'absurd_size' | 'corrupt';
  colorSpace?: 'gray' | 'ycbcr' | 'rgb' | 'cmyk' | 'ycck' | 'indexed' | 'unknown';
  /** Bits per sample. */
  bitDepth?: number;
  alpha?: boolean;
  /** JPEG progressive, PNG interlaced. */
  progressive?: boolean;
  /** JPEG coding process ('baseline', 'progressive', 'lossless', …); WebP 'lossy' / 'lossless'; 'bigtiff'. */
  compression?: string;
  animated?: boolean;
  /** BMP stored top-down (negative height). */
  topDown?: boolean;
  /** PDF version. */
  version?: string;
  /** JPEG/PNG/WebP: the date of the EXIF DateTime tag (when the file was written), `YYYY-MM-DD`. */
  exifDate?: string;
  /** JPEG/PNG/WebP: the EXIF Software tag (the program that wrote the file). */
  software?: string;
}

export interface ImageCheckOptions extends CheckOptions {
  /** The file's real size in bytes, when `bytes` is only its beginning. */
  fileSize?: number;
  /** The file name, to catch an extension that lies about the format. */
  fileName?: string;
  /**
   * The file's last bytes (up to 64 KiB; more are ignored), when `bytes` is only its beginning:
   * lets checkImage tell a JPEG or PNG cut off mid-way (`image.truncated`). Not needed when
   * `bytes` is the whole file.
   */
  tail?: Uint8Array | Uint8ClampedArray | ArrayBuffer;
}

export interface ImageCheckResult extends FieldResult {
  info: ImageInfo & Record<string, unknown>;
}

/** A quadrilateral in the pixels passed: four [x, y] points, clockwise from its own top-left. */
export type Quad = [[number, number], [number, number], [number, number], [number, number]];

/** What the ID-card analysis found (`info.card` of checkImagePixels in an ID slot; docs/id-card.md). */
export interface CardInfo {
  /** Where the card's straight sides meet: the card's own top-left first, then clockwise. */
  corners: Quad;
  /** 人像面 / 国徽面. */
  side: 'portrait' | 'emblem' | 'unknown';
  /** 公民身份号码 as read (portrait side), only when read with confidence ≥ readMin. */
  number?: string;
  numberConfidence?: number;
  /** 'YYYY-MM-DD' (emblem side 有效期限). */
  validFrom?: string;
  /** 'YYYY-MM-DD' or 'long-term'. */
  validUntil?: string;
  validityConfidence?: number;
  /** Per finding code: the part of the card the finding is about. */
  regions?: Record<string, Quad>;
}

export interface PixelCheckResult extends FieldResult {
  /**
   * sharpness, brightness, contrast, colorfulness, p01, p99; in an ID slot with the vision module loaded
   * (loadVision()), `card` when a card was found.
   */
  info: Record<'sharpness' | 'brightness' | 'contrast' | 'colorfulness' | 'p01' | 'p99', number> & { card?: CardInfo };
}

type Bytes = Uint8Array | Uint8ClampedArray | ArrayBuffer;

/** Reads an image header. Never throws on the bytes; TypeError if `bytes` is not a byte array. */
export function probeImage(bytes: Bytes): ImageInfo;

/** Checks an upload for `slot` from its header (the first 64 KiB are enough unless `needBytes` says more). */
export function checkImage(slot: ImageSlot, bytes: Bytes, options?: ImageCheckOptions): ImageCheckResult;

/** Checks RGBA pixels (downscaled by the caller, e.g. to 1024 px): sharpness, exposure, colour, blank. */
export function checkImagePixels(
  slot: ImageSlot, rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, options?: CheckOptions,
): PixelCheckResult;
export function checkImagePixels(
  slot: ImageSlot, image: { data: Uint8ClampedArray; width: number; height: number }, options?: CheckOptions,
): PixelCheckResult;

/**
 * Loads the vision module (the ID-card analysis of checkImagePixels in idCardFront, idCardBack and
 * handheldId: find, judge and read the card; ~44 KB gzip) once; later calls return the same promise, a
 * failed load may be retried. Until it has resolved, checkImagePixels checks ID slots like any other
 * photo (whole frame, no `info.card`). Browsers fetch `wasm-vision/` next to the entry (or `input`);
 * Node loads it by itself the first time checkImagePixels runs on an ID slot.
 */
export function loadVision(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** True once the vision module is loaded. */
export function hasVision(): boolean;
