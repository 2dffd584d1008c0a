// Waiting without blocking Node: wait queues that objects notify when their readiness changes,
// guest timers, and per-thread resume records for blocking syscalls (the deadline of a poll or a
// sleep, the progress of a long pipe write) and what such a call returns when a signal interrupts
// it (signal(7) "Interruption of system calls and library functions by signal handlers").
import type { Thread } from '../kernel/thread.js';
import { EINTR } from '../musl-shim/abi/errno.js';
import { blockOn, type SysResult } from './context.js';

/** A readiness wait queue: every waiter shares one promise until the next notify(). */
export class WaitQueue {
  /** Counts notify() calls: a change of readiness (epoll's EPOLLET compares it). */
  seq = 0;
  private promise: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  /** A promise that settles at the next notify(). */
  wait(): Promise<void> {
    if (this.promise === null) this.promise = new Promise<void>((r) => { this.wake = r; });
    return this.promise;
  }

  /** Wakes every waiter (they re-check their condition: spurious wakeups are fine). */
  notify(): void {
    this.seq++;
    const w = this.wake;
    if (w === null) return;
    this.promise = null;
    this.wake = null;
    w();
  }
}

/** A description whose readiness changes are counted (see WaitQueue.seq). */
export interface ChangeCounted {
  changeSeq(): number;
}

/** The change count of f, or -1 when it does not count its changes. */
export function changeSeqOf(f: object): number {
  const c = f as Partial<ChangeCounted>;
  return typeof c.changeSeq === 'function' ? c.changeSeq() : -1;
}

/** Monotonic milliseconds (the base of every deadline here). */
export function nowMs(): number {
  return performance.now();
}

/** What a blocked syscall of a thread needs when it is re-executed or interrupted. */
interface Resume {
  /** The syscall number that owns the record (a stale record of another call is ignored). */
  nr: number;
  /** Absolute deadline in nowMs() terms; Infinity = none. */
  deadline: number;
  /** Bytes already transferred (partial pipe writes); -1 = none. */
  done: number;
  /** An opaque key the owner matches (the buffer address of a long write). */
  key: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** Mask to restore when the call ends (ppoll, pselect6, epoll_pwait): [lo, hi] or null. */
  savedMask: [number, number] | null;
  /** Computes the interrupted call's result (writes nanosleep's remaining time, ...). */
  onInterrupt: (() => number) | null;
}

const resumes = new WeakMap<Thread, Resume>();

/** The resume record of the thread's blocked call `nr`, created (with a deadline) if absent. */
export function resumeOf(t: Thread, nr: number, timeoutMs = Infinity): Resume {
  let r = resumes.get(t);
  if (r === undefined || r.nr !== nr) {
    if (r !== undefined) endWait(t);
    r = { nr, deadline: timeoutMs === Infinity ? Infinity : nowMs() + timeoutMs, done: -1, key: 0, timer: null, savedMask: null, onInterrupt: null };
    resumes.set(t, r);
  }
  return r;
}

/** True when the thread is resuming a blocked call of syscall `nr`. */
export function isResuming(t: Thread, nr: number): boolean {
  return resumes.get(t)?.nr === nr;
}

/** The call completed: restores a temporary signal mask, cancels its timer, forgets the record. */
export function endWait(t: Thread): void {
  const r = resumes.get(t);
  if (r === undefined) return;
  if (r.timer !== null) clearTimeout(r.timer);
  if (r.savedMask !== null) { t.sigmaskLo = r.savedMask[0]; t.sigmaskHi = r.savedMask[1]; }
  resumes.delete(t);
}

/** Installs a temporary signal mask for the duration of the call (restored by endWait). */
export function setTempMask(t: Thread, r: Resume, lo: number, hi: number): void {
  if (r.savedMask === null) r.savedMask = [t.sigmaskLo, t.sigmaskHi];
  // SIGKILL and SIGSTOP can never be blocked.
  t.sigmaskLo = lo & ~((1 << 8) | (1 << 18));
  t.sigmaskHi = hi;
}

/**
 * Parks the thread until one of `waits` settles or the record's deadline passes. The deadline
 * survives re-execution, so a woken poll or sleep does not start its timeout again.
 */
export function blockUntil(t: Thread, r: Resume, waits: Promise<void>[]): SysResult {
  if (r.timer !== null) { clearTimeout(r.timer); r.timer = null; }
  let all = waits;
  if (r.deadline !== Infinity) {
    const ms = Math.max(0, r.deadline - nowMs());
    // Long timeouts are cut to setTimeout's limit: the re-executed call waits again for the rest.
    all = [...waits, new Promise<void>((res) => { r.timer = setTimeout(res, Math.min(Math.ceil(ms), 0x7fffffff)); })];
  }
  return blockOn(t, all.length === 1 ? all[0] : Promise.race(all));
}

/**
 * A signal interrupted the thread's blocked call: returns what the call returns (-EINTR, or the
 * partial count of a write) and whether the call may be restarted (SA_RESTART), and ends the wait.
 */
export function interruptWait(t: Thread): { result: number; restartable: boolean } {
  const r = resumes.get(t);
  let result = -EINTR;
  let restartable = true;
  if (r !== undefined) {
    if (r.onInterrupt !== null) { result = r.onInterrupt(); restartable = false; }
    else if (r.done > 0) { result = r.done; restartable = false; }
  }
  endWait(t);
  return { result, restartable };
}

/** Ends every wait of exiting threads (timers would otherwise keep Node alive). */
export function abandonWaits(threads: Iterable<Thread>): void {
  for (const t of threads) {
    const r = resumes.get(t);
    if (r !== undefined && r.timer !== null) clearTimeout(r.timer);
    resumes.delete(t);
  }
}
