// The framework adapters over the built package: async-validator rules
// (beian-check/rules) and Standard Schema v1 objects (schemas), for every
// kind kinds() lists and every field vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from 'beian-check/rules';
import { schemas, checkField, kinds } from 'beian-check';
import { readFileSync } from 'node:fs';
import { vectorFiles } from './helpers.mjs';

const TODAY = '2026-11-27';
const outcome = (p) => p.then(() => null, (e) => e);

test('rules.<kind> exists for every kind and has the async-validator shape', () => {
  const names = kinds().map((k) => k.kind);
  assert.deepEqual(Object.keys(rules).filter((k) => names.includes(k)), names);
  for (const kind of names) {
    const rule = rules[kind]({ trigger: 'blur', label: 'L' });
    assert.equal(typeof rule.validator, 'function', kind);
    assert.equal(rule.trigger, 'blur');
    assert.equal('warningOnly' in rule, false, 'the error rule is blocking');
    assert.equal('required' in rule, false, "no async-validator 'required' (its message would use the key)");
  }
  assert.throws(() => rules.mobil, /unknown kind 'mobil'.*mobile/);
  assert.equal(rules.then, undefined, 'not a thenable');
});

test('every field vector: the rule rejects exactly when checkField has an error, with the labelled message', async () => {
  const failures = [];
  for (const file of vectorFiles()) {
    for (const locale of ['zh-CN', 'zh-TW', 'en']) {
      const label = locale === 'en' ? 'Contact field' : '联系栏位';
      for (const c of file.cases) {
        const options = { today: TODAY, ...file.options, ...c.options };
        const rule = rules[file.kind]({ label, locale, options });
        const err = await outcome(rule.validator(rule, c.input));
        const expected = checkField(file.kind, c.input, { ...options, locale }).findings.find((f) => f.severity === 'error');
        const sep = locale === 'en' ? ': ' : '：';
        if (!expected && err) failures.push(`${file.kind} ${JSON.stringify(c.input)}: rejected ${err.message}`);
        if (expected && err?.message !== label + sep + expected.message) failures.push(`${file.kind} ${JSON.stringify(c.input)} ${locale}: got ${err?.message}`);
        if (err && locale !== 'en' && err.message.includes(file.kind)) failures.push(`message names the key ${file.kind}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('without a label the message is the bare localized message, never the key', async () => {
  const rule = rules.mobile({ locale: 'en' });
  const err = await outcome(rule.validator(rule, '1380013800'));
  assert.equal(err.message, checkField('mobile', '1380013800', { locale: 'en' }).findings[0].message);
  assert.equal(err instanceof Error, true);
});

test('warnings never block: onWarning gets them, the antd warningOnly rule shows them', async () => {
  const seen = [];
  const blocking = rules.email({ label: '邮箱', onWarning: (messages, result) => seen.push({ messages, ok: result.ok }) });
  assert.equal(await outcome(blocking.validator(blocking, 'user@qq.con')), null, 'a warning alone passes');
  assert.equal(seen.length, 1);
  assert.match(seen[0].messages[0], /^邮箱：.*qq\.con/);
  const warn = rules.email({ label: '邮箱', warningOnly: true, trigger: 'change' });
  assert.equal(warn.warningOnly, true);
  assert.match((await outcome(warn.validator(warn, 'user@qq.con'))).message, /^邮箱：/);
  assert.equal(await outcome(warn.validator(warn, 'user@qq.com')), null);
});

// One behaviour for empty values in both adapters (issue 16 item 20): an error
// with the kind's own "enter …" message, as checkField says, unless
// `required: false`; then an empty value passes and anything else is checked.
const EMPTIES = ['', undefined, null, '   ', '\u3000', []];

test('empty values: an error in rules and schemas alike, unless required: false', async () => {
  for (const { kind } of kinds()) {
    const enter = checkField(kind, '', { locale: 'zh-TW' }).findings.find((f) => f.severity === 'error');
    assert.ok(enter, `checkField('${kind}', '') has no error`);
    for (const required of [undefined, true]) {
      const opts = { label: '欄位', locale: 'zh-TW', ...(required === undefined ? {} : { required }) };
      const rule = rules[kind](opts);
      const schema = schemas.field(kind, opts)['~standard'];
      for (const v of EMPTIES) {
        const err = await outcome(rule.validator(rule, v));
        assert.equal(err?.message, `欄位：${enter.message}`, `rules.${kind} ${JSON.stringify(v)} required=${required}`);
        if (Array.isArray(v)) continue; // a list is no field value for a schema (schema.type)
        const out = schema.validate(v);
        assert.deepEqual(out.issues?.map((i) => i.message), [`欄位：${enter.message}`], `schemas.${kind} ${JSON.stringify(v)} required=${required}`);
      }
    }
    const rule = rules[kind]({ required: false });
    const schema = schemas.field(kind, { required: false })['~standard'];
    for (const v of EMPTIES) {
      assert.equal(await outcome(rule.validator(rule, v)), null, `rules.${kind}({ required: false }) ${JSON.stringify(v)}`);
      if (!Array.isArray(v)) assert.deepEqual(schema.validate(v), { value: '' }, `schemas.${kind} required: false ${JSON.stringify(v)}`);
    }
  }
});

test('required: false only lets an empty value pass: anything else is still checked', async () => {
  const rule = rules.mobile({ required: false, locale: 'en' });
  assert.match((await outcome(rule.validator(rule, '1380013800'))).message, /needs 11/);
  const schema = schemas.field('mobile', { required: false, locale: 'en' })['~standard'];
  assert.match(schema.validate('1380013800').issues[0].message, /needs 11/);
  assert.deepEqual(schema.validate('+86 138 0013 8000'), { value: '13800138000' });
  // withOptions binds it for every schema; checkForm never sees the option
  const optional = schemas.withOptions({ required: false, today: TODAY });
  assert.deepEqual(optional.email['~standard'].validate(''), { value: '' });
  assert.ok(optional.form['~standard'].validate({}).issues.some((i) => i.code === 'form.required'), 'the form schema still requires its fields');
  // anything but a boolean is a programming error
  assert.throws(() => rules.mobile({ required: 'no' }), TypeError);
  assert.throws(() => schemas.field('mobile', { required: 0 }), TypeError);
});

test('rules.field(kind) is the generic form of rules.<kind>', async () => {
  const rule = rules.field('mobile', { locale: 'en' });
  assert.match((await outcome(rule.validator(rule, '1380013800'))).message, /needs 11/);
  const bad = rules.field('nope', {});
  assert.ok((await outcome(bad.validator(bad, 'x'))) instanceof TypeError);
});

test('schemas.<kind>: Standard Schema v1 for every kind, issues only for errors', () => {
  const names = kinds().map((k) => k.kind);
  for (const kind of names) {
    const std = schemas[kind]['~standard'];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, 'beian-check');
    assert.equal(typeof std.validate, 'function');
  }
  for (const file of vectorFiles()) {
    for (const c of file.cases) {
      const options = { today: TODAY, ...file.options, ...c.options };
      const r = checkField(file.kind, c.input, options);
      const out = schemas.field(file.kind, options)['~standard'].validate(c.input);
      if (r.ok) assert.deepEqual(out, { value: r.value }, `${file.kind} ${c.input}`);
      else assert.deepEqual(out.issues.map((i) => i.message), r.findings.filter((f) => f.severity === 'error').map((f) => f.message));
    }
  }
});

test('schemas: options, labels and non-text input', () => {
  const en = schemas.withOptions({ locale: 'en' });
  assert.match(en.mobile['~standard'].validate('1380013800').issues[0].message, /needs 11/);
  assert.deepEqual(schemas.email['~standard'].validate('user@qq.con'), { value: 'user@qq.con' }, 'a warning is not an issue');
  const labelled = schemas.field('mobile', { label: '联系人手机' })['~standard'].validate('1380013800');
  assert.match(labelled.issues[0].message, /^联系人手机：/);
  assert.equal(labelled.issues[0].path, undefined, 'a field issue is about the value itself');
  assert.equal(schemas.mobile['~standard'].validate({}).issues[0].code, 'schema.type');
  assert.throws(() => schemas.nope, TypeError);
});

// A filing whose emergency phone repeats the principal's mobile: a
// cross-field finding at subject.principal.emergencyPhone (checkForm).
const FORM = {
  province: '京',
  subject: { type: 'enterprise', principal: { mobile: '13800138000', emergencyPhone: '+86 138 0013 8000' } },
  websites: [],
};
const CROSS = 'subject.principal.emergencyPhone';

test('rules.form(path) is antd’s (form) => rule and reads the model at validation time', async () => {
  const { checkForm } = await import('beian-check');
  const expected = checkForm(FORM, { locale: 'en' }).findings.find((f) => f.path === CROSS && f.severity === 'error');
  assert.ok(expected, 'the fixture has a cross-field error');
  const make = rules.form(CROSS, { label: 'Emergency phone', locale: 'en', trigger: 'blur' });
  assert.equal(typeof make, 'function');
  // antd: a FormInstance with getFieldsValue(true).
  const antdForm = { getFieldsValue: (all) => (all === true ? FORM : {}) };
  const rule = make(antdForm);
  assert.equal(rule.trigger, 'blur');
  assert.equal((await outcome(rule.validator(rule, FORM.subject.principal.emergencyPhone))).message, `Emergency phone: ${expected.message}`);
  // Element Plus / Naive UI: the reactive model object, mutated later.
  const model = structuredClone(FORM);
  const live = make(model);
  assert.ok(await outcome(live.validator(live, model.subject.principal.emergencyPhone)));
  model.subject.principal.emergencyPhone = '13900139000';
  assert.equal(await outcome(live.validator(live, '13900139000')), null, 'the other field changed: the rule sees it');
  // A getter function and a Vue ref work as well; other paths' findings are ignored.
  const ref = { __v_isRef: true, value: FORM };
  assert.ok(await outcome(make(ref).validator({}, '')));
  const other = rules.form('websites[3]', {})(() => FORM);
  assert.equal(await outcome(other.validator({}, '')), null);
  assert.throws(() => rules.form(42), TypeError);
});

test('schemas.form: Standard Schema over checkForm, issues with path arrays', async () => {
  const { checkForm } = await import('beian-check');
  const std = schemas.form['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'beian-check');
  const out = std.validate(FORM);
  const errors = checkForm(FORM).findings.filter((f) => f.severity === 'error');
  assert.equal(out.issues.length, errors.length);
  assert.ok(out.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(['subject', 'principal', 'emergencyPhone'])));
  const nested = schemas.withOptions({ locale: 'en' }).form['~standard'].validate({ websites: [{ domains: ['', 'x'] }] });
  for (const i of nested.issues) {
    assert.ok(Array.isArray(i.path) && i.path.length > 0, JSON.stringify(i));
    assert.ok(i.path.every((p) => typeof p === 'string' || Number.isInteger(p)));
  }
  assert.ok(nested.issues.some((i) => i.path[0] === 'websites' && i.path[1] === 0), 'array indices become numbers');
  assert.equal(schemas.form['~standard'].validate('nope').issues[0].code, 'schema.type', 'no throw on a non-object');
});

test('a valid filing passes schemas.form and every rules.form rule', async () => {
  // The generated clean filing (scripts/gen-form-vectors.py).
  const valid = JSON.parse(readFileSync(new URL('../vectors/forms/personal-valid.json', import.meta.url), 'utf8')).form;
  assert.deepEqual(schemas.withOptions({ today: TODAY }).form['~standard'].validate(valid), { value: valid });
  for (const path of ['subject.principal.mobile', 'websites[0].domains[0]', 'subject.certNumber']) {
    const rule = rules.form(path, { options: { today: TODAY } })(valid);
    assert.equal(await outcome(rule.validator(rule, '')), null, path);
  }
  // Break one field: only the rule at that path rejects.
  const broken = JSON.parse(JSON.stringify(valid)); // not structuredClone: it keeps the shared principal object shared
  broken.websites[0].principal.mobile = '1380013800';
  const at = rules.form('websites[0].principal.mobile', { label: '网站负责人手机', options: { today: TODAY } })(broken);
  assert.match((await outcome(at.validator(at, ''))).message, /^网站负责人手机：手机号码只有 10 位/);
  const elsewhere = rules.form('subject.principal.mobile', { options: { today: TODAY } })(broken);
  assert.equal(await outcome(elsewhere.validator(elsewhere, '')), null);
});
