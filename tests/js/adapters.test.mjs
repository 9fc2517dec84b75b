// The framework adapters over the built package: async-validator rules
// (beian-check/rules) and Standard Schema v1 objects (schemas), for every
// kind kinds() lists and every field vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from 'beian-check/rules';
import { schemas, checkField, kinds } from 'beian-check';
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
        if (c.input === '') continue; // empty values are the 'required' rule's business
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

test('empty values: skipped unless required, then the localized required message', async () => {
  const optional = rules.mobile({ label: '手机' });
  for (const v of ['', undefined, null]) assert.equal(await outcome(optional.validator(optional, v)), null);
  const required = rules.mobile({ label: 'Mobile', locale: 'zh-TW', required: true });
  const err = await outcome(required.validator(required, ''));
  assert.equal(err.message, 'Mobile：' + checkField('mobile', '', { locale: 'zh-TW' }).findings[0].message);
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
