// Types of `beian-check/rules`: rule factories for async-validator-style
// forms (Element Plus, Naive UI, Ant Design).
import type { CheckOptions, FieldKind, FieldResult, FilingForm, FormResult, Locale } from './index.js';

/** When the form library runs the rule ('blur', 'change', 'input', or a list). */
export type Trigger = 'blur' | 'change' | 'input' | 'submit' | (string & {});

export interface RuleOptions {
  trigger?: Trigger | Trigger[];
  locale?: Locale;
  /** The field's label as the user sees it: messages read "label：message" ("label: message" in English). Never the key. */
  label?: string;
  /**
   * `false`: the field is optional, an empty value (missing, null, blank text,
   * an empty list) passes. Default `true`: an empty value is an error with the
   * kind's own localized "enter …" message, as in checkField and schemas.
   */
  required?: boolean;
  /** Other check options (today, province, subjectType, partial, profile). */
  options?: CheckOptions;
  /**
   * Make antd's non-blocking warning rule: it rejects with the first warning
   * and carries `warningOnly: true`. Use it next to the blocking rule.
   */
  warningOnly?: boolean;
  /** Warnings of the blocking rule (which never rejects on warnings), labelled; no console output. */
  onWarning?: (messages: string[], result: FieldResult | FormResult) => void;
}

/**
 * The validator: called as `validator(rule, value)` it returns a Promise that
 * rejects with an Error carrying the localized message. The second signature
 * only lets the rule type-check as async-validator's `RuleItem` (Element
 * Plus), whose typing omits the Promise return it supports at run time.
 */
export type RuleValidator = ((rule: unknown, value: unknown) => Promise<void>) &
  ((rule: any, value: any, callback: (error?: string) => void, source: any, options: any) => any);

/** One async-validator rule object. */
export interface ValidatorRule {
  trigger?: Trigger | Trigger[];
  /** Present (and true) only on the antd warning rule. */
  warningOnly?: true;
  validator: RuleValidator;
}

/** What a cross-field rule reads the whole form from, at validation time. */
export type FormSource =
  | { getFieldsValue(all: true): unknown } // antd FormInstance
  | { readonly __v_isRef: true; readonly value: unknown } // a Vue ref
  | (() => unknown)
  | Partial<FilingForm>
  | Record<string, unknown>;

/** A rule factory for one kind. */
export type RuleFactory = (options?: RuleOptions) => ValidatorRule;

export type Rules = { readonly [K in FieldKind]: RuleFactory } & {
  /** The generic form of `rules.<kind>(options)`. */
  field(kind: FieldKind, options?: RuleOptions): ValidatorRule;
  /**
   * A cross-field rule for the field at `path` (e.g. 'subject.principal.mobile',
   * 'websites[0].domains[1]'), in antd's `(form) => rule` shape: it runs
   * checkForm on the current form and reports the findings at that path.
   */
  form(path: string, options?: RuleOptions): (form: FormSource) => ValidatorRule;
};

export declare const rules: Rules;
export default rules;
