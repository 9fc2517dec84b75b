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
  /** A provider profile name (default 'generic'). */
  profile?: string;
}

/** Loads the wasm (browser); resolves at once in Node. Idempotent. */
export default function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** Checks one value. Throws TypeError only for an unknown kind or bad options. */
export function checkField(kind: FieldKind, value: string, options?: CheckOptions): FieldResult;
export function checkField(kind: string, value: string, options?: CheckOptions): FieldResult;

/** The normalised value of `value` as `kind`. */
export function normalize(kind: FieldKind | string, value: string, options?: CheckOptions): string;

/** The checkField kinds with localized labels. */
export function kinds(locale?: Locale): { kind: FieldKind; label: string }[];

/** The supported locales, each named in its own language. */
export function locales(): { locale: Locale; name: string }[];

/** The package version. */
export function version(): string;

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
}

export interface ImageCheckOptions extends CheckOptions {
  /** The file's real size in bytes, when `bytes` is only its beginning. */
  fileSize?: number;
  /** The file name, to catch an extension that lies about the format. */
  fileName?: string;
}

export interface ImageCheckResult extends FieldResult {
  info: ImageInfo & Record<string, unknown>;
}

export interface PixelCheckResult extends FieldResult {
  /** sharpness, brightness, contrast, colorfulness, p01, p99. */
  info: Record<'sharpness' | 'brightness' | 'contrast' | 'colorfulness' | 'p01' | 'p99', number>;
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
