// Shared by the Node tests: the vector files and how a case is judged
// (the same semantics as tests/vectors.rs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function vectorFiles(dir = join(ROOT, 'tests/vectors/fields')) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...vectorFiles(p));
    else if (name.endsWith('.json')) out.push({ path: p, ...JSON.parse(readFileSync(p, 'utf8')) });
  }
  return out;
}

/** Returns the list of mismatches between a FieldResult and a vector case. */
export function judge(result, c) {
  const errs = [];
  const got = result.findings.map((f) => f.code).sort();
  const want = [...(c.codes ?? [])].sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) errs.push(`codes: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  if (result.ok !== c.ok) errs.push(`ok: got ${result.ok}, want ${c.ok}`);
  if (c.value !== undefined && result.value !== c.value) errs.push(`value: got ${JSON.stringify(result.value)}, want ${JSON.stringify(c.value)}`);
  if (c.fix === null && result.findings.some((f) => f.fix !== undefined)) errs.push('fix: none expected');
  if (typeof c.fix === 'string' && !result.findings.some((f) => f.fix === c.fix)) errs.push(`fix: no finding offers ${JSON.stringify(c.fix)}`);
  for (const [k, v] of Object.entries(c.info ?? {})) {
    const g = result.info?.[k];
    if (v === null ? g !== undefined : JSON.stringify(g) !== JSON.stringify(v)) errs.push(`info.${k}: got ${JSON.stringify(g)}, want ${JSON.stringify(v)}`);
  }
  for (const [code, span] of Object.entries(c.spans ?? {})) {
    const f = result.findings.find((x) => x.code === code);
    if (JSON.stringify(f?.span) !== JSON.stringify(span)) errs.push(`span of ${code}: got ${JSON.stringify(f?.span)}, want ${JSON.stringify(span)}`);
  }
  return errs;
}
