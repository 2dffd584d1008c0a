// npm run bench: CPU-bound fixtures natively and under exo in one run; prints guest MIPS and
// the slowdown. Not a test: it measures. Medians of N runs (default 5), CPU time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import v8 from 'node:v8';

v8.setFlagsFromString('--no-lazy-feedback-allocation');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { runProgram } = await import(path.join(root, 'dist/posix-x/machine.js'));
const runs = Number(process.env.BENCH_RUNS ?? 5);

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

function nativeCpu(bin, args) {
  // The child's CPU time, from bash's `times` (user+sys of children) — no extra tools needed.
  const r = spawnSync('bash', ['-c', '"$0" "$@" >/tmp/exo-bench.out; times', bin, ...args], { encoding: 'buffer' });
  const lines = r.stdout.toString().trim().split('\n');
  const [u, s] = lines[lines.length - 1].split(/\s+/).map((x) => { const m = /(\d+)m([\d.]+)s/.exec(x); return Number(m[1]) * 60 + Number(m[2]); });
  return { wall: u + s, out: spawnSync(bin, args).stdout };
}

const only = process.env.BENCH_ONLY;
const benches = [
  { name: 'bench_int-O2', args: [], jit: true },
  { name: 'bench_int-O2', args: ['60'], jit: false },
  { name: 'bench_fp-O2', args: ['20000'], jit: true },
];
for (const b of benches.filter((x) => !only || (only === 'interp') === !x.jit)) {
  const bin = path.join(root, 'fixtures/bin', b.name);
  const nat = [];
  let natOut;
  for (let k = 0; k < runs; k++) { const r = nativeCpu(bin, b.args); nat.push(r.wall); natOut = r.out; }
  const exo = [];
  let mips = [];
  let ok = true;
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const res = await runProgram(bin, { argv: [bin, ...b.args], env: [], capture: true, jit: b.jit });
    const c1 = process.cpuUsage(c0);
    const sec = (c1.user + c1.system) / 1e6;
    exo.push(sec);
    mips.push(res.instructions / sec / 1e6);
    if (Buffer.compare(Buffer.from(res.stdout), natOut) !== 0) ok = false;
  }
  const n = median(nat), e = median(exo);
  console.log(`${b.name}${b.args.length ? ' ' + b.args.join(' ') : ''} [${b.jit ? 'interpreter + block compiler' : 'interpreter only'}]: native ${(n * 1000).toFixed(1)} ms, exo ${(e * 1000).toFixed(0)} ms, ` +
    `slowdown ${(e / n).toFixed(1)}x, guest ${median(mips).toFixed(1)} MIPS, output ${ok ? 'matches' : 'DIFFERS'}`);
}
