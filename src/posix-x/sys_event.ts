// eventfd(2)/eventfd2, timerfd_create(2)/timerfd_settime/timerfd_gettime, signalfd(2)/signalfd4:
// the file-shaped event sources; their objects live in vfs/ (eventfd.ts, timerfd.ts, signalfd.ts).
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { getS64, putU64 } from './guest_io.js';
import { clockNs } from './sys_time.js';
import { EFD_CLOEXEC, EFD_NONBLOCK, EFD_SEMAPHORE, EventFd } from './vfs/eventfd.js';
import { SFD_CLOEXEC, SFD_NONBLOCK, SignalFd } from './vfs/signalfd.js';
import { TFD_CLOEXEC, TFD_NONBLOCK, TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET, TimerFd } from './vfs/timerfd.js';
import type { FileDescription } from './vfs/file.js';

const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_BOOTTIME = 7, CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9;

function installNew(t: Thread, f: FileDescription, cloexec: boolean): SysResult {
  const fd = proc(t).fds.install(f, cloexec);
  if (fd < 0) f.release();
  return fd;
}

function eventfd(t: Thread, initval: number, flags: number): SysResult {
  if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK)) return -E.EINVAL;
  return installNew(t, new EventFd(initval, (flags & EFD_SEMAPHORE) !== 0, flags & EFD_NONBLOCK), (flags & EFD_CLOEXEC) !== 0);
}

/** eventfd(2) (no flags). */
export function sysEventfd(t: Thread, a: SyscallArgs): SysResult {
  return eventfd(t, a.u32(0), 0);
}

/** eventfd2(2). */
export function sysEventfd2(t: Thread, a: SyscallArgs): SysResult {
  return eventfd(t, a.u32(0), a.i32(1));
}

/** timerfd_create(2). */
export function sysTimerfdCreate(t: Thread, a: SyscallArgs): SysResult {
  const clockid = a.i32(0), flags = a.i32(1);
  if (flags & ~(TFD_NONBLOCK | TFD_CLOEXEC)) return -E.EINVAL;
  let id: number;
  switch (clockid) {
    case CLOCK_REALTIME: case CLOCK_MONOTONIC: case CLOCK_BOOTTIME: id = clockid; break;
    // DIVERGES: the *_ALARM clocks do not wake a suspended host; they count like their base clocks.
    case CLOCK_REALTIME_ALARM: id = CLOCK_REALTIME; break;
    case CLOCK_BOOTTIME_ALARM: id = CLOCK_BOOTTIME; break;
    default: return -E.EINVAL;
  }
  return installNew(t, new TimerFd(id, clockNs, flags & TFD_NONBLOCK), (flags & TFD_CLOEXEC) !== 0);
}

function timerfdOf(t: Thread, fd: number): TimerFd | number {
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  return e.cap.obj instanceof TimerFd ? e.cap.obj : -E.EINVAL;
}

/** Reads a struct timespec as ns, or -1n when invalid. */
function timespecNs(t: Thread, addr: number): bigint {
  const m = t.cpu.mem;
  const sec = getS64(m, addr), nsec = getS64(m, addr + 8);
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -1n;
  return BigInt(sec) * 1000000000n + BigInt(nsec);
}

function putTimespec(t: Thread, addr: number, ns: bigint): void {
  const sec = ns / 1000000000n;
  putU64(t.cpu.mem, addr, Number(sec));
  putU64(t.cpu.mem, addr + 8, Number(ns - sec * 1000000000n));
}

/** Writes struct itimerspec { it_interval, it_value }. */
function putItimerspec(t: Thread, addr: number, value: bigint, interval: bigint): void {
  t.cpu.mem.writeBytes(addr, new Uint8Array(32)); // fault before a partial write
  putTimespec(t, addr, interval);
  putTimespec(t, addr + 16, value);
}

/** timerfd_settime(2). */
export function sysTimerfdSettime(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), flags = a.i32(1), newValue = a.ptr(2), oldValue = a.ptr(3);
  // fs/timerfd.c checks the flags and the new value before it looks at the fd.
  if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)) return -E.EINVAL;
  const interval = timespecNs(t, newValue), value = timespecNs(t, newValue + 16);
  if (interval < 0n || value < 0n) return -E.EINVAL;
  const tf = timerfdOf(t, fd);
  if (typeof tf === 'number') return tf;
  if (oldValue !== 0) {
    const [v, i] = tf.current();
    putItimerspec(t, oldValue, v, i);
  }
  // DIVERGES: TFD_TIMER_CANCEL_ON_SET never reports ECANCELED (the host clock is not watched).
  tf.arm(value, interval, (flags & TFD_TIMER_ABSTIME) !== 0);
  return 0;
}

/** timerfd_gettime(2). */
export function sysTimerfdGettime(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), curr = a.ptr(1);
  const tf = timerfdOf(t, fd);
  if (typeof tf === 'number') return tf;
  const [v, i] = tf.current();
  putItimerspec(t, curr, v, i);
  return 0;
}

function signalfd(t: Thread, fd: number, mask: number, sizemask: number, flags: number): SysResult {
  if (sizemask !== 8) return -E.EINVAL;
  if (flags & ~(SFD_NONBLOCK | SFD_CLOEXEC)) return -E.EINVAL;
  const m = t.cpu.mem;
  const lo = m.read32(mask), hi = m.read32(mask + 4);
  if (fd !== -1) {
    const e = proc(t).fds.get(fd);
    if (e === undefined) return -E.EBADF;
    if (!(e.cap.obj instanceof SignalFd)) return -E.EINVAL;
    e.cap.obj.setMask(lo, hi);
    return fd;
  }
  return installNew(t, new SignalFd(lo, hi, flags & SFD_NONBLOCK), (flags & SFD_CLOEXEC) !== 0);
}

/** signalfd(2) (no flags). */
export function sysSignalfd(t: Thread, a: SyscallArgs): SysResult {
  return signalfd(t, a.i32(0), a.ptr(1), a.size(2), 0);
}

/** signalfd4(2). */
export function sysSignalfd4(t: Thread, a: SyscallArgs): SysResult {
  return signalfd(t, a.i32(0), a.ptr(1), a.size(2), a.i32(3));
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [282, sysSignalfd, 'hybrid', 'partial', ['fd', 'ptr', 'size'], 'siginfo has no sender details'],
  [283, sysTimerfdCreate, 'hybrid', 'partial', ['int', 'hex'], 'alarm clocks count like their base clocks'],
  [284, sysEventfd, 'hybrid', 'full', ['uint']],
  [286, sysTimerfdSettime, 'hybrid', 'partial', ['fd', 'hex', 'ptr', 'ptr'], 'no TFD_TIMER_CANCEL_ON_SET'],
  [287, sysTimerfdGettime, 'hybrid', 'full', ['fd', 'ptr']],
  [289, sysSignalfd4, 'hybrid', 'partial', ['fd', 'ptr', 'size', 'hex'], 'siginfo has no sender details'],
  [290, sysEventfd2, 'hybrid', 'full', ['uint', 'hex']],
];
