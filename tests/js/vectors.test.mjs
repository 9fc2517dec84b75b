// The shared vector files, through the built package imported by its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkField } from 'beian-check';
import { vectorFiles, judge } from './helpers.mjs';

for (const file of vectorFiles()) {
  test(`vectors: ${file.kind} (${file.cases.length} cases)`, () => {
    const failures = [];
    file.cases.forEach((c, i) => {
      const result = checkField(file.kind, c.input, { ...file.options, ...c.options });
      for (const e of judge(result, c)) failures.push(`case ${i} (${JSON.stringify(c.input)}): ${e}`);
    });
    assert.deepEqual(failures, []);
  });
}
