// The cheap guard of issue 18's differential test (scripts/diff-baseline runs
// the full one against a baseline build): a seeded run of 36,000 checkField
// calls (every kind, valid, invalid and sloppy values, the three locales,
// options that matter) and 300 checkForm calls, hashed per kind and locale,
// must give the digests in output-digest.json — the outputs of the build
// before the speed work. A speed change that alters any output fails here.
//
// When another change alters output ON PURPOSE, regenerate the file in that
// change's own commit (and say so in its message):
//   bash scripts/build && node scripts/diff-baseline.mjs --digest pkg --write
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from 'beian-check';
import { digest } from '../../scripts/diff-baseline.mjs';

test('outputs equal the recorded digest (per kind and locale)', () => {
  const want = JSON.parse(readFileSync(new URL('./output-digest.json', import.meta.url), 'utf8'));
  const got = digest(api);
  const differ = Object.keys({ ...want, ...got }).filter((k) => want[k] !== got[k]);
  assert.deepEqual(differ, [], `outputs changed for ${differ.join(', ')}; if on purpose, regenerate tests/js/output-digest.json (see this file's header)`);
});
