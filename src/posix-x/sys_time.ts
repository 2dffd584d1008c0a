// Clocks and sleeping: clock_gettime(2), clock_getres(2), gettimeofday(2), time(2),
// nanosleep(2), clock_nanosleep(2), times(2), getrusage(2) (fast path: no allocation).
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import type { SysResult } from './context.js';
import { getS64, putU64 } from './guest_io.js';

const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3;
const CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5, CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
const TIMER_ABSTIME = 1;

const hrStart = process.hrtime.bigint();
const wallStartNs = BigInt(Date.now()) * 1000000n;

/** Nanoseconds for a clock id, or -1 for an invalid clock. */
function clockNs(id: number): bigint {
  switch (id) {
    case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE: return wallStartNs + (process.hrtime.bigint() - hrStart);
    case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
      return process.hrtime.bigint();
    case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID: {
      const u = process.cpuUsage();
      return BigInt(u.user + u.system) * 1000n;
    }
  }
  return -1n;
}

function putTimespec(t: Thread, addr: number, ns: bigint): void {
  const sec = ns / 1000000000n;
  putU64(t.cpu.mem, addr, Number(sec));
  putU64(t.cpu.mem, addr + 8, Number(ns - sec * 1000000000n));
}

/** clock_gettime(2). */
export function sysClockGettime(t: Thread, a: SyscallArgs): SysResult {
  const id = a.i32(0), tp = a.ptr(1);
  const ns = clockNs(id);
  if (ns < 0n) return -E.EINVAL;
  putTimespec(t, tp, ns);
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
  const ns = clockNs(CLOCK_REALTIME);
  if (tv !== 0) {
    const sec = ns / 1000000000n;
    putU64(t.cpu.mem, tv, Number(sec));
    putU64(t.cpu.mem, tv + 8, Number((ns - sec * 1000000000n) / 1000n));
  }
  if (tz !== 0) putU64(t.cpu.mem, tz, 0);
  return 0;
}

/** time(2). */
export function sysTime(t: Thread, a: SyscallArgs): SysResult {
  const tloc = a.ptr(0);
  const sec = Number(clockNs(CLOCK_REALTIME) / 1000000000n);
  if (tloc !== 0) putU64(t.cpu.mem, tloc, sec);
  return sec;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepNs(ns: number): void {
  // DIVERGES: sleeps block the Node thread (one runnable guest thread at a time); the
  // scheduler's timer-based parking replaces this when threads and signals need it.
  if (ns > 0) Atomics.wait(sleeper, 0, 0, ns / 1e6);
}

function readTimespec(t: Thread, addr: number): number {
  const sec = getS64(t.cpu.mem, addr), nsec = getS64(t.cpu.mem, addr + 8);
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -1;
  return sec * 1e9 + nsec;
}

/** nanosleep(2). */
export function sysNanosleep(t: Thread, a: SyscallArgs): SysResult {
  const ns = readTimespec(t, a.ptr(0));
  if (ns < 0) return -E.EINVAL;
  sleepNs(ns);
  return 0;
}

/** clock_nanosleep(2). */
export function sysClockNanosleep(t: Thread, a: SyscallArgs): SysResult {
  const id = a.i32(0), flags = a.i32(1), req = a.ptr(2);
  if (clockNs(id) < 0n || id === CLOCK_THREAD_CPUTIME_ID) return -E.EINVAL;
  let ns = readTimespec(t, req);
  if (ns < 0) return -E.EINVAL;
  if (flags & TIMER_ABSTIME) ns -= Number(clockNs(id));
  sleepNs(ns);
  return 0;
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
  [35, sysNanosleep, 'fast', 'partial', ['ptr', 'ptr'], 'blocks the runtime while sleeping'],
  [96, sysGettimeofday, 'fast', 'full', ['ptr', 'ptr']],
  [98, sysGetrusage, 'fast', 'partial', ['int', 'ptr'], 'runtime-wide times'],
  [100, sysTimes, 'fast', 'full', ['ptr']],
  [201, sysTime, 'fast', 'full', ['ptr']],
  [228, sysClockGettime, 'fast', 'full', ['int', 'ptr']],
  [229, sysClockGetres, 'fast', 'full', ['int', 'ptr']],
  [230, sysClockNanosleep, 'fast', 'partial', ['int', 'int', 'ptr', 'ptr'], 'blocks the runtime while sleeping'],
];
