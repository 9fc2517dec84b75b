// beian-check/rules against the rule types of the form libraries, copied
// here (types only) so tsc proves the rule objects fit each of them.
import { rules, type ValidatorRule, type RuleOptions } from 'beian-check/rules';
import type { FieldResult, FormResult } from 'beian-check';

// async-validator 4 (Element Plus's FormItemRule extends RuleItem), from its src/interface.ts.
type Value = any;
type Values = Record<string, Value>;
type SyncValidateResult = boolean | Error | string | (Error | string)[];
interface AsyncValidatorRuleItem {
  required?: boolean;
  message?: string;
  asyncValidator?: (rule: any, value: Value, callback: (error?: string) => void, source: Values, options: object) => void | Promise<void>;
  validator?: (rule: any, value: Value, callback: (error?: string) => void, source: Values, options: object) => SyncValidateResult;
}
interface ElementPlusFormItemRule extends AsyncValidatorRuleItem {
  trigger?: string | string[];
}
type ElementPlusFormRules = Partial<Record<string, ElementPlusFormItemRule | ElementPlusFormItemRule[]>>;

// Naive UI's FormItemRule (validator may return a Promise).
interface NaiveFormItemRule {
  trigger?: string | string[];
  required?: boolean;
  validator?: (rule: NaiveFormItemRule, value: any, callback: Function, source: any, options: any) => boolean | Error | Error[] | Promise<void> | undefined;
}

// antd 5 (rc-field-form): RuleObject, and RuleRender = (form) => RuleObject.
interface AntdFormInstance {
  getFieldsValue(all: true): any;
  getFieldValue(name: string | (string | number)[]): any;
}
interface AntdRuleObject {
  warningOnly?: boolean;
  validateTrigger?: string | string[];
  validator?: (rule: AntdRuleObject, value: any, callback: (error?: string) => void) => Promise<void | any> | void;
}
type AntdRuleRender = (form: AntdFormInstance) => AntdRuleObject;
type AntdRule = AntdRuleObject | AntdRuleRender;

const model = { subject: { type: 'personal' as const, principal: { mobile: '' } }, websites: [] };

export const elementPlus: ElementPlusFormRules = {
  mobile: [rules.mobile({ trigger: 'blur', locale: 'zh-CN', label: '手机号码', required: true })],
  email: rules.email({ trigger: ['blur', 'change'], label: '电子邮箱' }),
  emergency: [rules.form('subject.principal.emergencyPhone', { label: '应急电话' })(model)],
};

export const naive: Record<string, NaiveFormItemRule[]> = {
  mobile: [rules.mobile({ trigger: 'input', locale: 'zh-TW', label: '手機號碼', options: { partial: true } })],
  emergency: [rules.form('subject.principal.emergencyPhone')(() => model)],
};

export const antd: AntdRule[] = [
  rules.mobile({ label: 'Mobile', locale: 'en' }),
  rules.mobile({ label: 'Mobile', locale: 'en', warningOnly: true }),
  rules.form('subject.principal.emergencyPhone', { label: 'Emergency phone', locale: 'en' }),
];

// The generic factory, and the Promise a direct call returns.
const r: ValidatorRule = rules.field('email', { onWarning: (m: string[], res: FieldResult | FormResult) => void [m, res.ok] });
export const checked: Promise<void> = r.validator(r, 'a@b.cn');
export const opts: RuleOptions = { trigger: 'blur', locale: 'en', label: 'x', required: false, warningOnly: true };

// @ts-expect-error: kinds are a closed set
rules.mobil();
// @ts-expect-error: locales are a closed set
rules.mobile({ locale: 'fr' });
// @ts-expect-error: the cross-field factory needs a path
rules.form();
