// An Exo process: an address space, its threads, its capability (fd) table, credentials, and
// its place in the process tree (parent, children, zombie state for wait4(2)).
import type { AddressSpace } from '../cpu/memory.js';
import type { Thread } from './thread.js';

/** Signal disposition as recorded by rt_sigaction(2). */
export interface SigAction {
  handler: number;
  flags: number;
  restorer: number;
  maskLo: number;
  maskHi: number;
}

/** A guest process. The fd table type is owned by POSIX-X; the kernel only holds it. */
export class Process<F = unknown> {
  readonly threads: Thread[] = [];
  /** All threads gone; the process is a zombie until its parent reaps it. */
  exited = false;
  reaped = false;
  /** Wait status as wait4(2) reports it. */
  waitStatus = 0;
  sigactions: SigAction[] = [];
  umask = 0o022;
  /** Program name for diagnostics and /proc/self/comm. */
  comm = '';
  exe = '';
  argv: string[] = [];
  envp: string[] = [];
  parent: Process<F> | null = null;
  readonly children: Process<F>[] = [];
  pgid: number;
  sid: number;
  /** Resolvers woken when a child changes state (wait4 parks on these). */
  childWaiters: (() => void)[] = [];
  /** Resolvers woken when this process execs or exits (vfork parents park on these). */
  vforkWaiters: (() => void)[] = [];

  constructor(
    readonly pid: number,
    public ppid: number,
    public mem: AddressSpace,
    public fds: F,
    public cwd: string,
  ) {
    this.pgid = pid;
    this.sid = pid;
    for (let s = 0; s < 65; s++) this.sigactions.push({ handler: 0, flags: 0, restorer: 0, maskLo: 0, maskHi: 0 });
  }

  /** Wakes everything parked on a child state change. */
  notifyChildWaiters(): void {
    const w = this.childWaiters;
    this.childWaiters = [];
    for (const f of w) f();
  }

  /** Wakes a vfork parent. */
  releaseVfork(): void {
    const w = this.vforkWaiters;
    this.vforkWaiters = [];
    for (const f of w) f();
  }
}
