// Fast-path syscalls in ns per call, natively and under exo (issue 4: getpid, gettid,
// clock_gettime, gettimeofday, time, getrandom(16), sched_yield). Runs fixtures/bin/sys_bench-O2
// (raw `syscall` instructions in a loop) at two loop counts and divides the CPU-time difference by
// the difference in calls, so process start-up and loading cancel out. Medians of BENCH_RUNS (5).
// Not a test: it measures. Run after `npm run build` and `bash fixtures/build.sh`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import v8 from 'node:v8';

v8.setFlagsFromString('--no-lazy-feedback-allocation');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'fixtures/bin/sys_bench-O2');
if (!existsSync(bin)) { console.error(`missing ${bin}: run bash fixtures/build.sh`); process.exit(1); }
const { runProgram } = await import(path.join(root, 'dist/posix-x/machine.js'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const calls = ['loop', 'getpid', 'gettid', 'clock_gettime', 'gettimeofday', 'time', 'getrandom', 'sched_yield'];

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

/** CPU seconds (user+sys) of one native run, from bash's `times`. */
function nativeCpu(args) {
  const r = spawnSync('bash', ['-c', '"$0" "$@"; times', bin, ...args], { encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop();
  return last.split(/\s+/).map((x) => { const m = /(\d+)m([\d.]+)s/.exec(x); return Number(m[1]) * 60 + Number(m[2]); }).reduce((a, b) => a + b, 0);
}

/** CPU seconds of one run under exo (this process's CPU time around runProgram). */
async function exoCpu(args) {
  const c0 = process.cpuUsage();
  const r = await runProgram(bin, { argv: [bin, ...args], env: [], capture: true });
  const c1 = process.cpuUsage(c0);
  if (r.status !== 0) throw new Error(`sys_bench ${args.join(' ')} exited ${r.status}`);
  return (c1.user + c1.system) / 1e6;
}

/** ns per call from runs at n1 and n2 iterations. */
async function perCall(measure, name, n1, n2) {
  const d = [];
  for (let k = 0; k < runs; k++) {
    const a = await measure([name, String(n1)]);
    const b = await measure([name, String(n2)]);
    d.push(((b - a) / (n2 - n1)) * 1e9);
  }
  return median(d);
}

// Warm the runtime up once so the first row does not pay for V8's compilation.
await exoCpu(['getpid', '200000']);
const rows = [];
for (const name of calls) {
  const native = await perCall(async (args) => nativeCpu(args), name, 200000, 2200000);
  const exo = await perCall(exoCpu, name, 50000, 450000);
  rows.push({ name, native, exo });
}
console.log('syscall          native ns/call   exo ns/call   exo/native');
for (const r of rows) {
  console.log(`${r.name.padEnd(16)} ${r.native.toFixed(1).padStart(14)} ${r.exo.toFixed(1).padStart(13)} ${(r.exo / r.native).toFixed(2).padStart(11)}x`);
}
console.log('(each row includes its loop; "loop" alone is near the noise floor of the differential method)');
