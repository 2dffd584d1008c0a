// An Exo process: an address space, its threads, its capability (fd) table and credentials.
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
  exited = false;
  /** Wait status as wait4(2) reports it. */
  waitStatus = 0;
  readonly sigactions: SigAction[] = [];
  umask = 0o022;
  /** Program name for diagnostics. */
  comm = '';
  exe = '';
  argv: string[] = [];
  envp: string[] = [];

  constructor(
    readonly pid: number,
    public ppid: number,
    public mem: AddressSpace,
    public fds: F,
    public cwd: string,
  ) {
    for (let s = 0; s < 65; s++) this.sigactions.push({ handler: 0, flags: 0, restorer: 0, maskLo: 0, maskHi: 0 });
  }
}
