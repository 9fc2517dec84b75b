// Type declarations for beian-check/widget.
import type { CheckOptions, Finding, Locale } from './index.js';

export interface WidgetOptions {
  /** Message language; default: the nearest `lang` attribute (`<html lang>`), then zh-CN. */
  locale?: Locale | string;
  /** Block submission while any error is shown (default true). Warnings never block. */
  blockSubmit?: boolean;
  /** Show the widget's summary of problems after a submit (default true); false when the page shows its own. */
  summary?: boolean;
  /** Where the wasm comes from (a CDN URL, a Response, bytes, a compiled module); default: next to the package. Also `data-beian-wasm` on the form. It is the full build's wasm: with it the widget loads the full build at once. */
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module;
  /**
   * When the checker (the wasm) is fetched. `'interaction'` (the default): when the form is first
   * used — a pointer over it, a touch, a focus, input (autofill), a submit — or at once if a checked
   * input already holds a value; the page itself loads only widget.js and widget.css. `'eager'`: with
   * the page. Also `data-beian-load="eager"` on the form.
   */
  load?: 'interaction' | 'eager';
  /** The widget's stylesheet URL, or false to bring your own; default: widget.css next to widget.js. */
  stylesheet?: string | URL | false;
  /** Options passed to every check (today, province, subjectType, profile, …). */
  checkOptions?: Omit<CheckOptions, 'locale' | 'partial'> & Record<string, unknown>;
  /**
   * checkForm paths for inputs without `data-beian-path`: path → selector or element. A file input
   * with a path (e.g. `subject.principal.documents.idCardFront`) puts a DocumentUpload there once a
   * file is chosen: `{}`, or `{ card }` with the CardInfo its pixel check found.
   */
  paths?: Record<string, string | Element>;
  /** Where a checkForm finding is shown: maps its path to the path of the input that should show it (e.g. a copied principal). */
  mapPath?: (path: string) => string;
  /** Adjusts the FilingForm built from the paths before checkForm sees it. */
  toForm?: (form: Record<string, unknown>, element: HTMLFormElement) => Record<string, unknown> | void;
}

export interface SummaryItem extends Finding {
  /** The input the finding is shown at (null: a form-level finding). */
  input: HTMLElement | null;
  /** The input's label text. */
  label: string;
}

export interface Summary {
  ok: boolean;
  errors: number;
  warnings: number;
  infos: number;
  items: SummaryItem[];
  /** false from check() before the checker is loaded: nothing was checked. */
  loaded?: boolean;
}

export interface WidgetController {
  readonly form: HTMLFormElement;
  /** 'idle' (not used yet: nothing fetched) | 'loading' | 'ready' | 'failed' (failed: the form works as without the widget). Also `data-beian-state` on the form. */
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Resolves once the checker loaded (or failed to). Reading it starts the download, as a first use of the form would. */
  readonly ready: Promise<void>;
  readonly locale: Locale;
  setLocale(locale: Locale | string): void;
  setOptions(options: WidgetOptions): void;
  /** Re-checks every field. */
  refresh(): void;
  /** Checks everything as on submit, without submitting (before the checker is loaded: starts loading it and returns an empty summary with `loaded: false`). */
  check(): Summary;
  /** What is shown now. */
  summary(): Summary;
  /**
   * What the widget knows about one input: checked at all (its kind or feature is in this build), findings, facts;
   * for an ID-card upload `card` is what checkImagePixels read (`info.card`, a CardInfo) and `revealed` whether the
   * user chose to show the whole number.
   */
  fieldState(input: Element): { checked: boolean; findings: Finding[]; info?: Record<string, unknown>; card?: Record<string, unknown>; revealed?: boolean };
  /** The FilingForm built from `data-beian-path` inputs, or null. */
  data(): Record<string, unknown> | null;
  /** Removes every message. */
  clear(): void;
  /** Removes every node and listener the widget added. */
  detach(): void;
}

/** Attaches the widget to a form (a second call returns the same controller). */
export function attach(form: HTMLFormElement, options?: WidgetOptions): WidgetController;
/** Attaches every `<form data-beian-form>` under `root` that is not attached yet (done automatically on load). */
export function autoAttach(root?: ParentNode): void;
/**
 * Loads a build of the checker once (shared by every form): `'full'` (the
 * default: checkForm, images, footer) or `'fields'` (checkField only; the
 * full build serves it when loaded). A `wasm` URL is the full build's wasm.
 * attach() picks the build itself: fields-only until the form needs more.
 */
export function load(wasm?: WidgetOptions['wasm'], build?: 'full' | 'fields'): Promise<void>;
/** Maps a BCP 47 tag to a supported locale. */
export function resolveLocale(tag: string | null | undefined): Locale;
/** "3 errors, 1 warning" in the locale. */
export function countText(errors: number, warnings: number, locale?: Locale): string;

declare global {
  interface HTMLElementEventMap {
    /** Every time the results change; detail: the summary. */
    'beian:results': CustomEvent<Summary>;
    /** A submit was blocked; detail: the summary and the submitter. */
    'beian:blocked': CustomEvent<Summary & { submitter: HTMLElement | null }>;
    'beian:ready': CustomEvent<void>;
    'beian:error': CustomEvent<{ error: unknown }>;
  }
}
