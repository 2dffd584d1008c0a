// Every implemented syscall of the table, called with hostile arguments (NULL, unmapped,
// misaligned, crossing into unmapped memory, non-canonical, huge lengths, negative fds, bad
// flags) through the machine's own dispatch path (so a GuestFault becomes EFAULT as for a guest):
// no runtime exception may escape, and every result is a value or an errno (-1..-4095).
// Exact errnos of the file, path and directory syscalls are compared with Linux by the
// fs_hostile fixture (test/posix-x/family_fixtures.test.ts); openat2(2)'s by fs_open.
import { openSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import type { Thread } from '../../src/kernel/thread.js';
import { T_BLOCKED, T_RUNNABLE } from '../../src/kernel/thread.js';
import { Machine } from '../../src/posix-x/machine.js';
import { SYSCALLS } from '../../src/posix-x/syscall_table.js';
import { endWait } from '../../src/posix-x/wait.js';

/** EXO_HOSTILE_TRACE=file: log each call before it is made (to find a call that hangs). */
const TRACE = process.env.EXO_HOSTILE_TRACE ? openSync(process.env.EXO_HOSTILE_TRACE, 'w') : 0;
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** Calls that cannot be probed in place, and why. */
const EXCLUDED: ReadonlyMap<number, string> = new Map([
  [15, 'rt_sigreturn: restores a frame from the (hostile) stack'],
  [60, 'exit: ends the thread'],
  [231, 'exit_group: ends the process'],
  [56, 'clone: makes processes'], [57, 'fork: makes processes'], [58, 'vfork: makes processes'], [435, 'clone3: makes processes'],
  [59, 'execve: replaces the image'], [322, 'execveat: replaces the image'],
  [62, 'kill: may kill the caller'], [200, 'tkill: may kill the caller'], [234, 'tgkill: may kill the caller'],
  [129, 'rt_sigqueueinfo: may kill the caller'], [297, 'rt_tgsigqueueinfo: may kill the caller'],
]);

const SCRATCH = 0x10000000, SCRATCH_LEN = 0x4000;
/** Hostile 64-bit values as [lo, hi] register halves. */
const VALUES: [number, number][] = [
  [0, 0],                              // NULL, 0
  [-1, -1],                            // -1, all ones, huge length
  [1, 0],                              // 1: a misaligned NULL-page pointer
  [0x7fffffff, 0],                     // INT_MAX
  [0x80000000 | 0, 0],                 // a negative int32 in the low half
  [0xdead0000 | 0, 0],                 // unmapped
  [0xfffff000 | 0, 0x7fff],            // top of user space, unmapped
  [0, 0x80000000 | 0],                 // non-canonical
  [SCRATCH + 1, 0],                    // mapped, misaligned, no NUL for a while
  [SCRATCH + SCRATCH_LEN - 3, 0],      // mapped, running into unmapped memory
  [-100, -1],                          // AT_FDCWD
  [-1, 0x7fffffff],                    // LLONG_MAX
  [-5, -1],                            // a negative fd
];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
}

interface Probe { m: Machine; t: Thread }

function setup(): Probe {
  const m = new Machine({ argv: ['hello'], env: [], capture: true, cwd: FIXTURES, tmpfs: ['/hostile'] });
  const p = m.spawn(join(FIXTURES, 'bin', 'hello'));
  const t = p.threads[0];
  p.cwd = '/hostile';
  return { m, t };
}

/** Restores the scratch buffer (a call may unmap, protect or fill it). */
function resetScratch(t: Thread): void {
  const mem = t.process.mem;
  mem.map(SCRATCH, SCRATCH_LEN, PROT_READ | PROT_WRITE);
  mem.pokeBytes(SCRATCH, new Uint8Array(SCRATCH_LEN).fill(0x41));
}

/** One call through Machine's dispatcher; returns the result or 'blocked'. */
function call(pr: Probe, nr: number, args: [number, number][]): number | 'blocked' {
  const { m, t } = pr;
  const c = t.cpu;
  const r = c.r;
  const regs = [7, 6, 2, 10, 8, 9];
  r[0] = nr; r[1] = 0;
  args.forEach(([lo, hi], k) => { r[2 * regs[k]] = lo; r[2 * regs[k] + 1] = hi; });
  c.rip = 0x401000;
  (m as unknown as { syscall(t: Thread): void }).syscall(t);
  if (t.state === T_BLOCKED) {
    endWait(t);
    t.waiting = null;
    t.state = T_RUNNABLE;
    return 'blocked';
  }
  const lo = r[0], hi = r[1];
  if (hi === -1 && lo < 0) return lo;
  return (hi >>> 0) * 4294967296 + (lo >>> 0);
}

const rows = SYSCALLS.filter((row) => row !== undefined && row.fn !== null && !EXCLUDED.has(row.nr));

describe('hostile arguments', () => {
  it('probes most of the table', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it.each(rows.map((row) => [row.name, row.nr] as const))('%s (%i): errno, never an exception', (name, nr) => {
    const pr = setup();
    const next = lcg(nr * 7919 + 1);
    const vectors: [number, number][][] = VALUES.map((v) => [v, v, v, v, v, v]);
    for (let k = 0; k < 120; k++) vectors.push(Array.from({ length: 6 }, () => VALUES[next() % VALUES.length]));
    const bad: string[] = [];
    let blocked = 0;
    for (const args of vectors) {
      resetScratch(pr.t);
      const shown = args.map(([lo, hi]) => `0x${(hi >>> 0).toString(16)}${(lo >>> 0).toString(16).padStart(8, '0')}`).join(', ');
      let res: number | 'blocked';
      if (TRACE) writeSync(TRACE, `${name}(${shown})\n`);
      try {
        res = call(pr, nr, args);
      } catch (e) {
        bad.push(`${name}(${shown}) threw ${(e as Error).message ?? String(e)}`);
        continue;
      }
      if (res === 'blocked') { blocked++; continue; }
      if (!(res >= 0 || (res >= -4095 && res <= -1))) bad.push(`${name}(${shown}) = ${res}: neither a value nor an errno`);
      if (pr.t.process.exited) { bad.push(`${name}(${shown}) ended the process`); break; }
    }
    expect(bad).toEqual([]);
    expect(blocked).toBeLessThan(vectors.length);
  });
});
