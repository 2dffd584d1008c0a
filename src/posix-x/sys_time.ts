// Clocks and sleeping: clock_gettime(2), clock_getres(2), gettimeofday(2), time(2),
// nanosleep(2), clock_nanosleep(2), times(2), getrusage(2) (fast path: no allocation). A sleep
// parks the thread on a host timer; its deadline survives the re-execution of the woken call, and
// a signal handler ends it early with EINTR and the time left (nanosleep(2) "rem").
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import type { SysResult } from './context.js';
import { getS64, putU64 } from './guest_io.js';
import { blockUntil, endWait, isResuming, nowMs, resumeOf } from './wait.js';

const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3;
const CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5, CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
const TIMER_ABSTIME = 1;

// Clock origins: one host reading each at start-up; later readings add performance.now()'s
// elapsed time (the same monotonic source as process.hrtime) without allocating.
const originHr = process.hrtime();
const originPerf = performance.now();
const originWallMs = Date.now();
/** The last readClock() result. */
let clkSec = 0, clkNsec = 0;

/** Reads a clock into clkSec/clkNsec; false for an invalid clock id. */
function readClock(id: number): boolean {
  let baseSec: number, baseNsec: number;
  switch (id) {
    case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE:
      baseSec = Math.floor(originWallMs / 1000); baseNsec = (originWallMs % 1000) * 1e6; break;
    case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
      baseSec = originHr[0]; baseNsec = originHr[1]; break;
    case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID: {
      const u = process.cpuUsage();
      const us = u.user + u.system;
      clkSec = Math.floor(us / 1e6); clkNsec = (us % 1e6) * 1000;
      return true;
    }
    default: return false;
  }
  const ns = baseNsec + (performance.now() - originPerf) * 1e6;
  const s = Math.floor(ns / 1e9);
  clkSec = baseSec + s;
  clkNsec = Math.floor(ns - s * 1e9);
  return true;
}

/** Nanoseconds for a clock id, or -1n for an invalid clock. */
export function clockNs(id: number): bigint {
  if (!readClock(id)) return -1n;
  return BigInt(clkSec) * 1000000000n + BigInt(clkNsec);
}

function putTimespec(t: Thread, addr: number, ns: bigint): void {
  const sec = ns / 1000000000n;
  putU64(t.cpu.mem, addr, Number(sec));
  putU64(t.cpu.mem, addr + 8, Number(ns - sec * 1000000000n));
}

/** clock_gettime(2). */
export function sysClockGettime(t: Thread, a: SyscallArgs): SysResult {
  const id = a.i32(0), tp = a.ptr(1);
  if (!readClock(id)) return -E.EINVAL;
  const m = t.cpu.mem;
  m.write64(tp, clkSec, 0);
  m.write64(tp + 8, clkNsec, 0);
  return 0;
}

/** clock_getres(2): 1 ns (coarse clocks: 4 ms, as CONFIG_HZ=250 kernels report). */
export function sysClockGetres(t: Thread, a: SyscallArgs): SysResult {
  const id = a.i32(0), res = a.ptr(1);
  if (clockNs(id) < 0n) return -E.EINVAL;
  if (res !== 0) putTimespec(t, res, id === CLOCK_REALTIME_COARSE || id === CLOCK_MONOTONIC_COARSE ? 4000000n : 1n);
  return 0;
}

/** gettimeofday(2). */
export function sysGettimeofday(t: Thread, a: SyscallArgs): SysResult {
  const tv = a.ptr(0), tz = a.ptr(1);
  readClock(CLOCK_REALTIME);
  const m = t.cpu.mem;
  if (tv !== 0) { m.write64(tv, clkSec, 0); m.write64(tv + 8, Math.floor(clkNsec / 1000), 0); }
  if (tz !== 0) m.write64(tz, 0, 0);
  return 0;
}

/** time(2). */
export function sysTime(t: Thread, a: SyscallArgs): SysResult {
  const tloc = a.ptr(0);
  readClock(CLOCK_REALTIME);
  if (tloc !== 0) t.cpu.mem.write64(tloc, clkSec, 0);
  return clkSec;
}

const NR_NANOSLEEP = 35, NR_CLOCK_NANOSLEEP = 230;

function readTimespec(t: Thread, addr: number): number {
  const sec = getS64(t.cpu.mem, addr), nsec = getS64(t.cpu.mem, addr + 8);
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -1;
  return sec * 1e9 + nsec;
}

/**
 * Sleeps ns (computed by the first execution of call `nr`); on a signal, writes the time left
 * to rem (when not 0) and returns -EINTR.
 */
function sleep(t: Thread, nr: number, ns: number, rem: number): SysResult {
  const r = resumeOf(t, nr, ns / 1e6);
  if (r.deadline - nowMs() <= 0) { endWait(t); return 0; }
  r.onInterrupt = () => {
    if (rem !== 0) {
      const left = Math.max(0, r.deadline - nowMs()) * 1e6;
      const sec = Math.floor(left / 1e9);
      putU64(t.cpu.mem, rem, sec);
      putU64(t.cpu.mem, rem + 8, Math.floor(left - sec * 1e9));
    }
    return -E.EINTR;
  };
  return blockUntil(t, r, []);
}

/** nanosleep(2). */
export function sysNanosleep(t: Thread, a: SyscallArgs): SysResult {
  const req = a.ptr(0), rem = a.ptr(1);
  if (isResuming(t, NR_NANOSLEEP)) return sleep(t, NR_NANOSLEEP, 0, rem);
  const ns = readTimespec(t, req);
  if (ns < 0) return -E.EINVAL;
  return sleep(t, NR_NANOSLEEP, ns, rem);
}

/** clock_nanosleep(2). */
export function sysClockNanosleep(t: Thread, a: SyscallArgs): SysResult {
  const id = a.i32(0), flags = a.i32(1), req = a.ptr(2), rem = a.ptr(3);
  if (isResuming(t, NR_CLOCK_NANOSLEEP)) return sleep(t, NR_CLOCK_NANOSLEEP, 0, flags & TIMER_ABSTIME ? 0 : rem);
  if (clockNs(id) < 0n || id === CLOCK_THREAD_CPUTIME_ID) return -E.EINVAL;
  // Clocks without nsleep in Linux (kernel/time/posix-timers.c).
  if (id === CLOCK_MONOTONIC_RAW || id === CLOCK_REALTIME_COARSE || id === CLOCK_MONOTONIC_COARSE) return -E.EOPNOTSUPP;
  let ns = readTimespec(t, req);
  if (ns < 0) return -E.EINVAL;
  // DIVERGES: an absolute sleep becomes a relative one at the call (host clock steps are not followed).
  if (flags & TIMER_ABSTIME) ns = Math.max(0, ns - Number(clockNs(id)));
  return sleep(t, NR_CLOCK_NANOSLEEP, ns, flags & TIMER_ABSTIME ? 0 : rem);
}

/** times(2): clock ticks at 100 Hz. */
export function sysTimes(t: Thread, a: SyscallArgs): SysResult {
  const buf = a.ptr(0);
  const u = process.cpuUsage();
  if (buf !== 0) {
    putU64(t.cpu.mem, buf, Math.floor(u.user / 10000));
    putU64(t.cpu.mem, buf + 8, Math.floor(u.system / 10000));
    putU64(t.cpu.mem, buf + 16, 0);
    putU64(t.cpu.mem, buf + 24, 0);
  }
  return Number(process.hrtime.bigint() / 10000000n);
}

/** getrusage(2): user and system time of the whole runtime. */
export function sysGetrusage(t: Thread, a: SyscallArgs): SysResult {
  const who = a.i32(0), p = a.ptr(1);
  if (who !== 0 && who !== -1 && who !== 1) return -E.EINVAL;
  const m = t.cpu.mem;
  m.writeBytes(p, new Uint8Array(144));
  if (who === -1) return 0;
  const u = process.cpuUsage();
  putU64(m, p, Math.floor(u.user / 1e6)); putU64(m, p + 8, u.user % 1e6);
  putU64(m, p + 16, Math.floor(u.system / 1e6)); putU64(m, p + 24, u.system % 1e6);
  putU64(m, p + 32, Math.floor(process.memoryUsage().rss / 1024));
  return 0;
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [35, sysNanosleep, 'hybrid', 'full', ['ptr', 'ptr']],
  [96, sysGettimeofday, 'fast', 'full', ['ptr', 'ptr']],
  [98, sysGetrusage, 'fast', 'partial', ['int', 'ptr'], 'runtime-wide times'],
  [100, sysTimes, 'fast', 'full', ['ptr']],
  [201, sysTime, 'fast', 'full', ['ptr']],
  [228, sysClockGettime, 'fast', 'full', ['int', 'ptr']],
  [229, sysClockGetres, 'fast', 'full', ['int', 'ptr']],
  [230, sysClockNanosleep, 'hybrid', 'partial', ['int', 'int', 'ptr', 'ptr'], 'absolute sleeps do not follow host clock steps'],
];
