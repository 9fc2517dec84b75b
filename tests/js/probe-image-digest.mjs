// The seeded set of bench/image-cases.mjs whose probeImage results the
// baseline build (main before issue 18's speed work) digested; the test
// beside this file recomputes the digest with the current build.
// Regenerate after an intended change of probeImage's output (its own
// commit): scripts/diff-images --digest prints the baseline's; use the
// current build's instead with `node bench/diff-images.mjs pkg --digest`.
export const DIGEST_SET = { seed: 1800, prefixes: 40, generated: 1500, mutated: 1500 };
export const DIGEST = { base: 'aa1e7f0', cases: 16996, sha256: 'e3a70d8071fdc0c7614b7ae013a1c4cbab232fe0d50ac9e49e20ec4f700b59ab' };
