// Process and thread identity and lifetime: exit(2), exit_group(2), getpid(2) family,
// set_tid_address(2), arch_prctl(2), prlimit64(2)/getrlimit(2)/setrlimit(2), uname(2),
// sched_yield(2), sched_getaffinity(2), getrandom(2), sysinfo(2), umask(2).
import { randomFillSync } from 'node:crypto';
import os from 'node:os';
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, SYS_NORETURN, type SysResult } from './context.js';
import { putU64 } from './guest_io.js';

const ARCH_SET_GS = 0x1001, ARCH_SET_FS = 0x1002, ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004;
const ARCH_GET_CPUID = 0x1011, ARCH_SET_CPUID = 0x1012;

/** exit(2): ends the calling thread (the process when it is the last). */
export function sysExit(t: Thread, a: SyscallArgs): SysResult {
  a.m.exitThread(t, a.i32(0) & 0xff);
  return SYS_NORETURN;
}

/** exit_group(2). */
export function sysExitGroup(t: Thread, a: SyscallArgs): SysResult {
  a.m.exitProcess(proc(t), (a.i32(0) & 0xff) << 8);
  return SYS_NORETURN;
}

/** getpid(2). */
export function sysGetpid(t: Thread): SysResult { return t.process.pid; }
/** gettid(2). */
export function sysGettid(t: Thread): SysResult { return t.tid; }
/** getppid(2). */
export function sysGetppid(t: Thread): SysResult { return t.process.ppid; }

const uid = process.getuid?.() ?? 0;
const gid = process.getgid?.() ?? 0;
const euid = process.geteuid?.() ?? uid;
const egid = process.getegid?.() ?? gid;
/** getuid(2): the host user (the guest runs as the invoking user). */
export function sysGetuid(): SysResult { return uid; }
/** geteuid(2). */
export function sysGeteuid(): SysResult { return euid; }
/** getgid(2). */
export function sysGetgid(): SysResult { return gid; }
/** getegid(2). */
export function sysGetegid(): SysResult { return egid; }

/** getgroups(2). */
export function sysGetgroups(t: Thread, a: SyscallArgs): SysResult {
  const size = a.i32(0), list = a.ptr(1);
  const groups = (process.getgroups?.() ?? [gid]);
  if (size < 0) return -E.EINVAL;
  if (size === 0) return groups.length;
  if (size < groups.length) return -E.EINVAL;
  groups.forEach((g, k) => t.cpu.mem.write32(list + 4 * k, g));
  return groups.length;
}

/** getresuid(2) / getresgid(2). */
export function sysGetresuid(t: Thread, a: SyscallArgs): SysResult {
  const m = t.cpu.mem;
  m.write32(a.ptr(0), uid); m.write32(a.ptr(1), euid); m.write32(a.ptr(2), euid);
  return 0;
}
export function sysGetresgid(t: Thread, a: SyscallArgs): SysResult {
  const m = t.cpu.mem;
  m.write32(a.ptr(0), gid); m.write32(a.ptr(1), egid); m.write32(a.ptr(2), egid);
  return 0;
}

/** set_tid_address(2): remembers the clear-child-tid address, returns the tid. */
export function sysSetTidAddress(t: Thread, a: SyscallArgs): SysResult {
  t.clearChildTid = a.ptr(0);
  return t.tid;
}

/** set_robust_list(2): accepted and recorded nowhere (no robust futexes yet). */
export function sysSetRobustList(_t: Thread, a: SyscallArgs): SysResult {
  return a.size(1) !== 24 ? -E.EINVAL : 0;
}

/** arch_prctl(2): FS/GS base (musl's TLS pointer lives in FS). */
export function sysArchPrctl(t: Thread, a: SyscallArgs): SysResult {
  const code = a.i32(0), addr = a.ptr(1);
  const c = t.cpu;
  switch (code) {
    case ARCH_SET_FS: if (addr >= 2 ** 47) return -E.EPERM; c.fsBase = addr; return 0;
    case ARCH_SET_GS: if (addr >= 2 ** 47) return -E.EPERM; c.gsBase = addr; return 0;
    case ARCH_GET_FS: putU64(c.mem, addr, c.fsBase); return 0;
    case ARCH_GET_GS: putU64(c.mem, addr, c.gsBase); return 0;
    case ARCH_GET_CPUID: return 1;
    case ARCH_SET_CPUID: return -E.ENODEV;
  }
  return -E.EINVAL;
}

const RLIM_INFINITY = -1;
/** Resource limits: [soft, hard] per RLIMIT_* (getrlimit(2)); -1 = RLIM_INFINITY. */
const LIMITS: [number, number][] = [
  [-1, -1], [-1, -1], [-1, -1], [8 * 1024 * 1024, -1], [0, -1], [-1, -1], [4096, 4096],
  [1024, 4096], [8 * 1024 * 1024, 8 * 1024 * 1024], [-1, -1], [-1, -1], [4096, 4096], [819200, 819200],
  [0, 0], [0, 0], [-1, -1],
];

function putLimit(t: Thread, addr: number, res: number): void {
  const m = t.cpu.mem;
  const [soft, hard] = res === 7 ? [proc(t).fds.limit, LIMITS[7][1]] : LIMITS[res];
  putU64(m, addr, soft === RLIM_INFINITY ? -1 : soft);
  putU64(m, addr + 8, hard === RLIM_INFINITY ? -1 : hard);
}

/** prlimit64(2) for the calling process (pid 0 or own pid). */
export function sysPrlimit64(t: Thread, a: SyscallArgs): SysResult {
  const pid = a.i32(0), res = a.i32(1), newp = a.ptr(2), oldp = a.ptr(3);
  if (pid !== 0 && pid !== t.process.pid) return -E.ESRCH;
  if (res < 0 || res >= LIMITS.length) return -E.EINVAL;
  if (oldp !== 0) putLimit(t, oldp, res);
  if (newp !== 0) {
    const m = t.cpu.mem;
    const soft = m.read64(newp), softHi = m.hi;
    const hard = m.read64(newp + 8), hardHi = m.hi;
    const s = softHi === -1 && soft === -1 ? -1 : (softHi >>> 0) * 4294967296 + (soft >>> 0);
    const h = hardHi === -1 && hard === -1 ? -1 : (hardHi >>> 0) * 4294967296 + (hard >>> 0);
    if (h !== -1 && (s === -1 || s > h)) return -E.EINVAL;
    LIMITS[res] = [s, h];
    if (res === 7) proc(t).fds.limit = s === -1 ? 1 << 20 : s;
  }
  return 0;
}

/** getrlimit(2). */
export function sysGetrlimit(t: Thread, a: SyscallArgs): SysResult {
  const res = a.i32(0);
  if (res < 0 || res >= LIMITS.length) return -E.EINVAL;
  putLimit(t, a.ptr(1), res);
  return 0;
}

/** uname(2): what the host kernel reports, machine x86_64. */
export function sysUname(t: Thread, a: SyscallArgs): SysResult {
  const buf = a.ptr(0);
  const fields = ['Linux', os.hostname(), os.release(), os.version(), 'x86_64', '(none)'];
  const b = new Uint8Array(65 * 6);
  fields.forEach((f, k) => b.set(Buffer.from(f.slice(0, 64), 'latin1'), 65 * k));
  t.cpu.mem.writeBytes(buf, b);
  return 0;
}

/** sched_yield(2). */
export function sysSchedYield(): SysResult { return 0; }

/** sched_getaffinity(2): one CPU (the scheduler runs one guest thread at a time). */
export function sysSchedGetaffinity(t: Thread, a: SyscallArgs): SysResult {
  const size = a.size(1), mask = a.ptr(2);
  if (size < 8 || size % 8 !== 0) return -E.EINVAL;
  const b = new Uint8Array(8);
  b[0] = 1;
  t.cpu.mem.writeBytes(mask, b);
  return 8;
}

/** A pool of host CSPRNG bytes, refilled in bulk so small getrandom calls stay cheap. */
const POOL = new Uint8Array(64 * 1024);
let poolPos = POOL.length;

/** getrandom(2): host CSPRNG (GRND_RANDOM/GRND_NONBLOCK/GRND_INSECURE never block here). */
export function sysGetrandom(t: Thread, a: SyscallArgs): SysResult {
  const buf = a.ptr(0), len = Math.min(a.size(1), 0x2000000), flags = a.u32(2);
  if (flags & ~7) return -E.EINVAL;
  if (len <= 256) {
    if (poolPos + len > POOL.length) { randomFillSync(POOL); poolPos = 0; }
    t.cpu.mem.writeBytes(buf, POOL.subarray(poolPos, poolPos + len));
    poolPos += len;
    return len;
  }
  const b = new Uint8Array(len);
  randomFillSync(b);
  t.cpu.mem.writeBytes(buf, b);
  return len;
}

/** umask(2). */
export function sysUmask(t: Thread, a: SyscallArgs): SysResult {
  const old = t.process.umask;
  t.process.umask = a.u32(0) & 0o777;
  return old;
}

/** sysinfo(2). */
export function sysSysinfo(t: Thread, a: SyscallArgs): SysResult {
  const m = t.cpu.mem, p = a.ptr(0);
  const b = new Uint8Array(112);
  m.writeBytes(p, b);
  putU64(m, p, Math.floor(os.uptime()));
  const [l1, l5, l15] = os.loadavg();
  putU64(m, p + 8, Math.round(l1 * 65536)); putU64(m, p + 16, Math.round(l5 * 65536)); putU64(m, p + 24, Math.round(l15 * 65536));
  putU64(m, p + 32, os.totalmem()); putU64(m, p + 40, os.freemem());
  m.write16(p + 80, 1);
  m.write32(p + 104, 1);
  return 0;
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [24, sysSchedYield, 'fast', 'full', []],
  [39, sysGetpid, 'fast', 'full', []],
  [60, sysExit, 'legacy', 'full', ['int']],
  [63, sysUname, 'fast', 'full', ['ptr']],
  [95, sysUmask, 'fast', 'full', ['oct']],
  [97, sysGetrlimit, 'fast', 'full', ['int', 'ptr']],
  [99, sysSysinfo, 'fast', 'full', ['ptr']],
  [102, sysGetuid, 'fast', 'full', []],
  [104, sysGetgid, 'fast', 'full', []],
  [107, sysGeteuid, 'fast', 'full', []],
  [108, sysGetegid, 'fast', 'full', []],
  [110, sysGetppid, 'fast', 'full', []],
  [115, sysGetgroups, 'fast', 'full', ['int', 'ptr']],
  [118, sysGetresuid, 'fast', 'full', ['ptr', 'ptr', 'ptr']],
  [120, sysGetresgid, 'fast', 'full', ['ptr', 'ptr', 'ptr']],
  [158, sysArchPrctl, 'fast', 'full', ['hex', 'ptr']],
  [186, sysGettid, 'fast', 'full', []],
  [204, sysSchedGetaffinity, 'fast', 'full', ['int', 'size', 'ptr']],
  [218, sysSetTidAddress, 'fast', 'full', ['ptr']],
  [231, sysExitGroup, 'legacy', 'full', ['int']],
  [273, sysSetRobustList, 'fast', 'stub', ['ptr', 'size'], 'robust futex list not walked at exit'],
  [302, sysPrlimit64, 'fast', 'full', ['int', 'int', 'ptr', 'ptr']],
  [318, sysGetrandom, 'fast', 'full', ['buf', 'size', 'hex']],
];
