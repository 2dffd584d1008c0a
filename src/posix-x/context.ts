// Types shared by the POSIX-X layer: the process shape it uses and the machine interface its
// syscall handlers see (the handlers never reach into the CLI or the scheduler directly).
import type { Process } from '../kernel/process.js';
import type { Thread } from '../kernel/thread.js';
import type { FdTable } from './fd_table.js';
import type { SyscallArgs } from './args.js';

/** A process as POSIX-X sees it: its fd table is an FdTable. */
export type PxProcess = Process<FdTable>;

/** Result of a syscall handler: >= 0, -errno, or SYS_BLOCKED (thread parked, retried later). */
export type SysResult = number;
export const SYS_BLOCKED = -0x7fffffff;
/** The handler asked the dispatcher not to write rax (exit, execve, sigreturn). */
export const SYS_NORETURN = -0x7ffffffe;

/** A syscall handler (STYLE.md "A syscall handler"). */
export type SysHandler = (t: Thread, a: SyscallArgs) => SysResult;

/**
 * Parks the calling thread until `ready` settles; the syscall is then executed again from the
 * start (STYLE.md: a blocking call changes nothing before it blocks). Returns SYS_BLOCKED.
 */
export function blockOn(t: Thread, ready: Promise<unknown>): SysResult {
  t.waiting = { ready: ready.then(() => undefined, () => undefined) };
  return SYS_BLOCKED;
}

/** Lets the syscall complete, then parks the thread until `ready` settles (no retry). */
export function parkAfterReturn(t: Thread, ready: Promise<unknown>): void {
  t.waiting = { ready: ready.then(() => undefined, () => undefined) };
  t.parkAfterReturn = true;
}

/** The process of a thread, typed for POSIX-X. */
export function proc(t: Thread): PxProcess {
  return t.process as PxProcess;
}

/** What handlers may ask of the machine. */
export interface MachineApi {
  /** Ends the whole process with a wait status (exit_group, fatal signal). */
  exitProcess(p: PxProcess, waitStatus: number): void;
  /** Ends one thread (exit). */
  exitThread(t: Thread, code: number): void;
  /** Sends a signal to a thread (tkill) or process (kill). */
  signalThread(t: Thread, sig: number): void;
  /** Finds a thread by tid. */
  threadById(tid: number): Thread | undefined;
  /** Finds a process by pid. */
  processById(pid: number): PxProcess | undefined;
  /** Host clock origin for CLOCK_MONOTONIC (ns). */
  readonly bootNs: bigint;
  /** A fresh pid/tid. */
  newId(): number;
  /** Registers a new process (fork/clone); a CLONE_VM child shares its parent's memory. */
  addProcess(p: PxProcess, sharesParentMem?: boolean): void;
  /** Makes a new thread runnable. */
  addThread(t: Thread): void;
  /** Replaces the process image (execve); returns 0 or -errno. */
  exec(t: Thread, path: string, argv: string[], envp: string[]): number;
}
