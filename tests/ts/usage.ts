// Type-checked against the shipped declarations (tsc --noEmit in npm test).
import init, { checkField, normalize, kinds, locales, version, type FieldResult, type Finding, type CheckOptions } from 'beian-check';

async function main(): Promise<void> {
  await init();
  const options: CheckOptions = { locale: 'en', today: '2026-11-27', partial: true, subjectType: 'personal', province: '京' };
  const r: FieldResult = checkField('mobile', '13800138000', options);
  const ok: boolean = r.ok;
  const first: Finding | undefined = r.findings[0];
  const span: [number, number] | undefined = first?.span;
  const fix: string | undefined = first?.fix;
  const severity: 'error' | 'warning' | 'info' | undefined = first?.severity;
  const value: string = normalize('email', 'A@B.CN');
  const labels: string[] = kinds('zh-TW').map((k) => k.label);
  const tags = locales().map((l) => l.locale);
  const v: string = version();
  void [ok, span, fix, severity, value, labels, tags, v];

  // @ts-expect-error: locales are a closed set
  checkField('mobile', '1', { locale: 'fr' });
  // @ts-expect-error: the value is a string
  checkField('mobile', 13800138000, {}, 1);
}
void main;
