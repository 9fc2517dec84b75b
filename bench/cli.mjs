#!/usr/bin/env node
// Benchmark of the native CLI: generates N JSON Lines records, runs the
// release binary over them at one thread and at every core (`--threads`),
// and prints records per second. Not a test: it asserts nothing about
// speed. `node bench/cli.mjs [N]` (default 200000).
// Two runs: whole FilingForms (checkForm) and single fields (checkField);
// the field mix includes invalid values so error paths are timed too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.argv[2] || 200000);
const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'beian-check'], { cwd: ROOT, env, stdio: 'inherit' });
const BIN = join(ROOT, 'target/release/beian-check');

const fields = [
  { kind: 'mobile', value: '+86 138 0013 8000' },
  { kind: 'mobile', value: '1380013800' },
  { kind: 'email', value: 'user@qq.con' },
  { kind: 'email', value: 'zhang.san@example.com.cn' },
];
const form = (i) => ({
  province: '京',
  subject: {
    type: 'personal', name: '张三', certType: 'residentId', certNumber: '11010519491231002X',
    principal: { name: '张三', certType: 'residentId', certNumber: '11010519491231002X', mobile: `1380013${String(i % 10000).padStart(4, '0')}`, email: 'zhangsan@example.com' },
  },
  websites: [{ name: '张三随笔', domains: ['example.com'], principal: { name: '张三', certType: 'residentId', certNumber: '11010519491231002X', mobile: '13800138000', email: 'zhangsan@example.com' } }],
});

const dir = mkdtempSync(join(tmpdir(), 'beian-bench-'));
const cases = [['FilingForm', (i) => form(i)], ['single-field', (i) => fields[i % fields.length]]];
try {
  for (const [label, make] of cases) {
    const file = join(dir, 'records.jsonl');
    const lines = [];
    for (let i = 0; i < N; i++) lines.push(JSON.stringify(make(i)));
    writeFileSync(file, lines.join('\n') + '\n');
    const mb = statSync(file).size / 1e6;
    const cores = availableParallelism();
    const rate = {};
    for (const threads of [1, cores]) {
      const runs = [];
      for (let r = 0; r < 3; r++) {
        const t0 = process.hrtime.bigint();
        const res = spawnSync(BIN, ['--today', '2026-11-27', '--no-progress', '--threads', String(threads), file], { stdio: ['ignore', 'ignore', 'inherit'] });
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        if (res.status === 2 || res.status === null) throw new Error(`the CLI failed (status ${res.status})`);
        runs.push(s);
      }
      const best = Math.min(...runs);
      rate[threads] = N / best;
      console.log(`beian-check CLI: ${N} ${label} records (${mb.toFixed(1)} MB), --threads ${threads}, best of 3: ${best.toFixed(3)} s — ${Math.round(N / best)} records/s, ${(mb / best).toFixed(1)} MB/s`);
    }
    console.log(`  ${label}: ${(rate[cores] / rate[1]).toFixed(2)}× at ${cores} threads (every core of this machine) over one thread`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
