// strace-style syscall tracing (strace(1) output format: `name(args) = ret` with errno names).
// Reads argument kinds from the syscall table; counts calls and time for the -c summary.
import type { Thread } from '../kernel/thread.js';
import { ERRNO_NAMES } from '../musl-shim/abi/errno.js';
import { SIGNAL_NAMES } from '../musl-shim/abi/signal.js';
import { SYSCALLS, type ArgKind } from './syscall_table.js';

const ARG_REGS = [7, 6, 2, 10, 8, 9];

/** Per-syscall statistics. */
export interface SysStat {
  calls: number;
  errors: number;
  ns: bigint;
}

/** Collects trace lines and statistics. */
export class Tracer {
  readonly stats = new Map<number, SysStat>();
  private pending = '';
  private t0 = 0n;

  constructor(private readonly out: ((line: string) => void) | null) {}

  /** Called before a syscall runs. */
  enter(t: Thread, nr: number): void {
    this.t0 = process.hrtime.bigint();
    if (this.out === null) return;
    const row = SYSCALLS[nr];
    const name = row?.name ?? `syscall_${nr}`;
    const kinds = row?.args ?? [];
    const parts = kinds.map((k, n) => formatArg(t, k, n));
    this.pending = `${name}(${parts.join(', ')})`;
  }

  /** Called after it returned (noreturn: exit, execve, sigreturn). */
  exit(t: Thread, nr: number, res: number, noreturn: boolean): void {
    const dt = process.hrtime.bigint() - this.t0;
    let s = this.stats.get(nr);
    if (s === undefined) this.stats.set(nr, (s = { calls: 0, errors: 0, ns: 0n }));
    s.calls++;
    s.ns += dt;
    if (res < 0 && res > -4096) s.errors++;
    if (this.out === null) return;
    const pfx = `[pid ${t.tid}] `;
    if (noreturn) { this.out(`${pfx}${this.pending} = ?`); return; }
    const ret = res < 0 && res > -4096 ? `-1 ${ERRNO_NAMES[-res] ?? 'E?'} (${-res})` : formatRet(SYSCALLS[nr]?.args ?? [], res);
    this.out(`${pfx}${this.pending} = ${ret}`);
  }

  /** The strace -c table. */
  summary(): string {
    const rows = [...this.stats.entries()].sort((a, b) => Number(b[1].ns - a[1].ns));
    const total = rows.reduce((acc, [, s]) => acc + Number(s.ns), 0) || 1;
    const lines = ['% time     seconds  usecs/call     calls    errors syscall', '------ ----------- ----------- --------- --------- ----------------'];
    let calls = 0, errors = 0;
    for (const [nr, s] of rows) {
      calls += s.calls; errors += s.errors;
      const sec = Number(s.ns) / 1e9;
      lines.push(`${((100 * Number(s.ns)) / total).toFixed(2).padStart(6)} ${sec.toFixed(6).padStart(11)} ${Math.round(Number(s.ns) / 1000 / s.calls).toString().padStart(11)} ${s.calls.toString().padStart(9)} ${(s.errors || '').toString().padStart(9)} ${SYSCALLS[nr]?.name ?? nr}`);
    }
    lines.push(lines[1]);
    lines.push(`100.00 ${(total / 1e9).toFixed(6).padStart(11)} ${''.padStart(11)} ${calls.toString().padStart(9)} ${(errors || '').toString().padStart(9)} total`);
    return lines.join('\n');
  }
}

function formatRet(_kinds: ArgKind[], res: number): string {
  return res >= 0x10000 ? `0x${res.toString(16)}` : String(res);
}

function quote(b: Uint8Array, max: number): string {
  let s = '"';
  for (let k = 0; k < Math.min(b.length, max); k++) {
    const c = b[k];
    if (c === 0x22) s += '\\"';
    else if (c === 0x5c) s += '\\\\';
    else if (c === 10) s += '\\n';
    else if (c === 9) s += '\\t';
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else s += '\\' + c.toString(8);
  }
  return s + '"' + (b.length > max ? '...' : '');
}

function formatArg(t: Thread, k: ArgKind, n: number): string {
  const c = t.cpu;
  const reg = ARG_REGS[n];
  const lo = c.r[2 * reg], hi = c.r[2 * reg + 1];
  const u = (hi >>> 0) * 4294967296 + (lo >>> 0);
  switch (k) {
    case 'int': case 'fd': return lo === -100 && k === 'fd' ? 'AT_FDCWD' : String(lo);
    case 'uint': case 'size': return String(u);
    case 'off': return String(hi * 4294967296 + (lo >>> 0));
    case 'oct': return '0' + (lo >>> 0).toString(8);
    case 'sig': return SIGNAL_NAMES[lo] ?? String(lo);
    case 'hex': return '0x' + u.toString(16);
    case 'ptr': return u === 0 ? 'NULL' : '0x' + u.toString(16);
    case 'str': {
      if (u === 0) return 'NULL';
      try { const b = c.mem.readCString(u, 256); return b ? quote(b, 64) : '0x' + u.toString(16); } catch { return '0x' + u.toString(16); }
    }
    case 'buf': {
      if (u === 0) return 'NULL';
      const len = Math.min(c.getU64(ARG_REGS[n + 1] ?? 2), 32);
      try { return quote(c.mem.readBytes(u, len), 32); } catch { return '0x' + u.toString(16); }
    }
  }
  return String(lo);
}
