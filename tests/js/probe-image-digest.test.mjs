// probeImage gives the same results as the build before issue 18's speed
// work (packed result, prefix by reach): the current build's results over a
// seeded set of bench/image-cases.mjs (test images and their prefixes,
// generated and mutated headers) hash to the digest of that baseline's.
// The full comparison, against a baseline build, is scripts/diff-images.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { probeImage } from 'beian-check';
import { cases } from '../../bench/image-cases.mjs';
import { DIGEST, DIGEST_SET } from './probe-image-digest.mjs';

test(`probeImage over a seeded set matches the digest of ${DIGEST.base}'s results`, () => {
  const h = createHash('sha256');
  let n = 0;
  for (const [, b] of cases(DIGEST_SET)) {
    let out;
    try {
      out = JSON.stringify(probeImage(b));
    } catch (e) {
      out = `throws ${e?.name}: ${e?.message}`;
    }
    h.update(out).update('\n');
    n++;
  }
  assert.equal(n, DIGEST.cases, 'the seeded set');
  assert.equal(h.digest('hex'), DIGEST.sha256, 'probeImage results differ from the baseline: run scripts/diff-images to see which');
});
