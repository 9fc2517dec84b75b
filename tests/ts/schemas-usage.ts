// schemas against the Standard Schema v1 spec as consumers see it
// (VeeValidate 5 and TanStack Form accept any StandardSchemaV1): the spec's
// interface is copied here under another name, so tsc proves our objects
// fit the official shape, not just our own declaration of it.
import { schemas, type FilingForm, type SchemaIssue, type StandardSchemaV1 } from 'beian-check';

interface SpecSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => SpecResult<Output> | Promise<SpecResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
type SpecResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined }> };

// What VeeValidate's useField(name, schema) / TanStack's validators take.
declare function useField<T>(name: string, schema: SpecSchema<T>): { value: T };
declare function useForm<T>(options: { validationSchema: SpecSchema<T> }): { values: T };
declare function tanstackField<T>(options: { validators: { onChange?: SpecSchema<T>; onBlur?: SpecSchema<T> } }): T;

export const mobile: { value: string } = useField('mobile', schemas.mobile);
export const form: { values: FilingForm } = useForm({ validationSchema: schemas.form });
export const email: string = tanstackField({ validators: { onBlur: schemas.withOptions({ locale: 'en' }).email } });
export const labelled = useField('principal.mobile', schemas.field('mobile', { label: '联系人手机', locale: 'zh-TW' }));
// an optional field (issue 16 item 20): the same flag as the rules'
export const optional: { value: string } = useField('principal.email', schemas.field('email', { required: false }));
export const allOptional = schemas.withOptions({ required: false, locale: 'en' }).landline;
// @ts-expect-error: required is a boolean
schemas.field('email', { required: 'no' });

async function issues(): Promise<void> {
  const result = await schemas.form['~standard'].validate({});
  if (result.issues) {
    const first: SchemaIssue | undefined = result.issues[0];
    const path: ReadonlyArray<string | number> | undefined = first?.path;
    const code: string | undefined = first?.code;
    void [path, code];
  } else {
    const ok: FilingForm = result.value;
    void ok;
  }
  const s: StandardSchemaV1<string, string> = schemas.creditCode;
  type Out = StandardSchemaV1.InferOutput<typeof s>;
  const out: Out = 'x';
  void out;
}
void issues;

// @ts-expect-error: kinds are a closed set
schemas.mobil;
// @ts-expect-error: a field schema outputs a string, not a form
export const wrong: { values: FilingForm } = useForm({ validationSchema: schemas.mobile });
