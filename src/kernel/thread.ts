// An Exo thread: one CPU context scheduled cooperatively in the single Node thread.
import { Cpu } from '../cpu/state.js';
import type { Process } from './process.js';

export const T_RUNNABLE = 0;
export const T_BLOCKED = 1;
export const T_EXITED = 2;

/** Something a blocked thread waits for; `ready` resolves when it may retry its syscall. */
export interface Waitable {
  ready: Promise<void>;
}

/** A guest thread. */
export class Thread {
  readonly cpu: Cpu;
  state = T_RUNNABLE;
  /** set_tid_address(2): cleared and futex-woken at exit. */
  clearChildTid = 0;
  /** Blocked signal mask (64 bits as lo/hi). */
  sigmaskLo = 0;
  sigmaskHi = 0;
  /** Pending thread-directed signals (bit n-1 for signal n). */
  pendingLo = 0;
  pendingHi = 0;
  /** What the thread is parked on, when blocked. */
  waiting: Waitable | null = null;
  /** Park after the current syscall returns (vfork parents), instead of retrying it. */
  parkAfterReturn = false;

  constructor(readonly tid: number, public process: Process, cpu?: Cpu) {
    this.cpu = cpu ?? new Cpu(process.mem);
    this.cpu.owner = this;
  }
}
