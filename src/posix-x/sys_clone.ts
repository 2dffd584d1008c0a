// The legacy process model on Exo primitives: clone(2) (threads, fork, vfork-style
// CLONE_VM|CLONE_VFORK as musl's posix_spawn uses), fork(2), vfork(2), execve(2), execveat(2),
// wait4(2), waitid(2), setpgid(2)/getpgid(2)/setsid(2)/getsid(2). Fork is a copy-on-write
// AddressSpace plus shared open file descriptions (DESIGN.md "Processes in one Node process").
import { Process } from '../kernel/process.js';
import { T_EXITED, Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import { SIGCHLD } from '../musl-shim/abi/signal.js';
import type { SyscallArgs } from './args.js';
import { blockOn, parkAfterReturn, proc, SYS_NORETURN, type PxProcess, type SysResult } from './context.js';
import { getPath, getU64, putU64 } from './guest_io.js';
import type { SysDef } from './sys_def.js';
import { forkFileMappings } from './sys_mmap.js';

// clone(2) flags (include/uapi/linux/sched.h).
const CSIGNAL = 0xff;
const CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800, CLONE_PIDFD = 0x1000;
const CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000, CLONE_THREAD = 0x10000, CLONE_SYSVSEM = 0x40000;
const CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000;
const CLONE_DETACHED = 0x400000, CLONE_CHILD_SETTID = 0x1000000;
const SUPPORTED = CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_VFORK | CLONE_PARENT | CLONE_THREAD
  | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID;
// wait options (include/uapi/linux/wait.h).
const WNOHANG = 1, WUNTRACED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x1000000;
const __WALL = 0x40000000, __WCLONE = 0x80000000, __WNOTHREAD = 0x20000000;
const P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3;
const CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3;

function doClone(t: Thread, a: SyscallArgs, flags: number, stack: number, ptid: number, ctid: number, tls: number): SysResult {
  if (flags & ~SUPPORTED) return -E.EINVAL;
  if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) return -E.EINVAL;
  if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)) return -E.EINVAL;
  const p = proc(t);
  const parentCpu = t.cpu;
  const tid = a.m.newId();
  let child: Thread;
  if (flags & CLONE_THREAD) {
    child = new Thread(tid, p);
    p.threads.push(child);
  } else {
    const mem = flags & CLONE_VM ? p.mem : p.mem.fork();
    if (!(flags & CLONE_VM)) forkFileMappings(p.mem, mem);
    const fds = flags & CLONE_FILES ? p.fds : p.fds.fork();
    const np: PxProcess = new Process(tid, flags & CLONE_PARENT ? p.ppid : p.pid, mem, fds, p.cwd);
    np.parent = flags & CLONE_PARENT ? p.parent : p;
    np.parent?.children.push(np);
    np.pgid = p.pgid;
    np.sid = p.sid;
    np.umask = p.umask;
    np.exe = p.exe; np.comm = p.comm; np.argv = p.argv; np.envp = p.envp;
    np.sigactions = flags & CLONE_SIGHAND ? p.sigactions : p.sigactions.map((s) => ({ ...s }));
    child = new Thread(tid, np);
    np.threads.push(child);
    a.m.addProcess(np, (flags & CLONE_VM) !== 0);
  }
  const c = child.cpu;
  c.copyFrom(parentCpu);
  c.r[0] = 0; c.r[1] = 0; // the child sees 0
  if (stack !== 0) c.setS64(4, stack);
  if (flags & CLONE_SETTLS) c.fsBase = tls;
  child.sigmaskLo = t.sigmaskLo;
  child.sigmaskHi = t.sigmaskHi;
  if (flags & CLONE_PARENT_SETTID) t.cpu.mem.write32(ptid, tid);
  if (flags & CLONE_CHILD_SETTID) c.mem.write32(ctid, tid);
  if (flags & CLONE_CHILD_CLEARTID) child.clearChildTid = ctid;
  a.m.addThread(child);
  if (flags & CLONE_VFORK) {
    const np = child.process as PxProcess;
    // The parent sleeps until the child execs or exits (vfork(2)).
    parkAfterReturn(t, new Promise<void>((resolve) => np.vforkWaiters.push(resolve)));
  }
  return tid;
}

/** clone(2): x86-64 argument order is flags, stack, parent_tid, child_tid, tls. */
export function sysClone(t: Thread, a: SyscallArgs): SysResult {
  return doClone(t, a, a.i32(0), a.ptr(1), a.ptr(2), a.ptr(3), a.ptr(4));
}

/** fork(2). */
export function sysFork(t: Thread, a: SyscallArgs): SysResult {
  return doClone(t, a, SIGCHLD, 0, 0, 0, 0);
}

/** vfork(2): CLONE_VM | CLONE_VFORK. */
export function sysVfork(t: Thread, a: SyscallArgs): SysResult {
  return doClone(t, a, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
}

/** Reads a NULL-terminated array of string pointers (argv/envp). */
function strArray(t: Thread, addr: number): string[] | number {
  const out: string[] = [];
  if (addr === 0) return out;
  const m = t.cpu.mem;
  for (let k = 0; k < 0x20000; k++) {
    const p = getU64(m, addr + 8 * k);
    if (p === 0) return out;
    const s = getPath(m, p);
    if (typeof s === 'number') {
      // Arguments may be longer than a path: read up to MAX_ARG_STRLEN.
      const b = m.readCString(p, 32 * 4096);
      if (b === null) return -E.E2BIG;
      out.push(Buffer.from(b).toString('latin1'));
    } else out.push(s);
  }
  return -E.E2BIG;
}

/** execve(2). */
export function sysExecve(t: Thread, a: SyscallArgs): SysResult {
  const path = getPath(t.cpu.mem, a.ptr(0));
  if (typeof path === 'number') return path;
  const argv = strArray(t, a.ptr(1));
  if (typeof argv === 'number') return argv;
  const envp = strArray(t, a.ptr(2));
  if (typeof envp === 'number') return envp;
  if (path === '') return -E.ENOENT;
  const r = a.m.exec(t, path, argv, envp);
  return r < 0 ? r : SYS_NORETURN;
}

/** execveat(2): only AT_FDCWD-relative and absolute paths (AT_EMPTY_PATH needs fd paths). */
export function sysExecveat(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0);
  const path = getPath(t.cpu.mem, a.ptr(1));
  if (typeof path === 'number') return path;
  if (dirfd !== -100 && !path.startsWith('/')) return -E.ENOSYS; // DIVERGES: dirfd-relative execveat
  const argv = strArray(t, a.ptr(2));
  if (typeof argv === 'number') return argv;
  const envp = strArray(t, a.ptr(3));
  if (typeof envp === 'number') return envp;
  const r = a.m.exec(t, path, argv, envp);
  return r < 0 ? r : SYS_NORETURN;
}

function matches(p: PxProcess, child: PxProcess, pid: number): boolean {
  if (pid > 0) return child.pid === pid;
  if (pid === -1) return true;
  if (pid === 0) return child.pgid === p.pgid;
  return child.pgid === -pid;
}

/** wait4(2). */
export function sysWait4(t: Thread, a: SyscallArgs): SysResult {
  const pid = a.i32(0), wstatus = a.ptr(1), options = a.i32(2), rusage = a.ptr(3);
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE | __WNOTHREAD)) return -E.EINVAL;
  if (pid === -2147483648) return -E.ESRCH;
  const p = proc(t);
  const cands = p.children.filter((ch) => matches(p, ch as PxProcess, pid)) as PxProcess[];
  if (cands.length === 0) return -E.ECHILD;
  const z = cands.find((ch) => ch.exited && !ch.reaped);
  if (z !== undefined) {
    if (wstatus !== 0) t.cpu.mem.write32(wstatus, z.waitStatus);
    if (rusage !== 0) t.cpu.mem.writeBytes(rusage, new Uint8Array(144));
    reapChild(p, z);
    return z.pid;
  }
  if (options & WNOHANG) return 0;
  return blockOn(t, new Promise<void>((resolve) => p.childWaiters.push(resolve)));
}

function reapChild(p: PxProcess, z: PxProcess): void {
  z.reaped = true;
  const k = p.children.indexOf(z);
  if (k >= 0) p.children.splice(k, 1);
}

/** waitid(2): siginfo_t with si_signo = SIGCHLD, si_code, si_pid, si_uid, si_status. */
export function sysWaitid(t: Thread, a: SyscallArgs): SysResult {
  const idtype = a.i32(0), id = a.i32(1), infop = a.ptr(2), options = a.i32(3);
  if (options & ~(WNOHANG | WEXITED | WUNTRACED | WCONTINUED | WNOWAIT | __WALL | __WCLONE | __WNOTHREAD)) return -E.EINVAL;
  if (!(options & (WEXITED | WUNTRACED | WCONTINUED))) return -E.EINVAL;
  let pid: number;
  switch (idtype) {
    case P_ALL: pid = -1; break;
    case P_PID: if (id <= 0) return -E.EINVAL; pid = id; break;
    case P_PGID: pid = id === 0 ? 0 : -id; break;
    case P_PIDFD: return -E.EINVAL; // DIVERGES: no pidfds
    default: return -E.EINVAL;
  }
  const p = proc(t);
  const cands = p.children.filter((ch) => matches(p, ch as PxProcess, pid)) as PxProcess[];
  if (cands.length === 0) return -E.ECHILD;
  const z = (options & WEXITED) ? cands.find((ch) => ch.exited && !ch.reaped) : undefined;
  const m = t.cpu.mem;
  if (z !== undefined) {
    if (infop !== 0) {
      m.writeBytes(infop, new Uint8Array(128));
      const sig = z.waitStatus & 0x7f;
      m.write32(infop, SIGCHLD);
      m.write32(infop + 8, sig === 0 ? CLD_EXITED : z.waitStatus & 0x80 ? CLD_DUMPED : CLD_KILLED);
      m.write32(infop + 16, z.pid);
      m.write32(infop + 20, process.getuid?.() ?? 0);
      m.write32(infop + 24, sig === 0 ? (z.waitStatus >> 8) & 0xff : sig);
    }
    if (!(options & WNOWAIT)) reapChild(p, z);
    return 0;
  }
  if (options & WNOHANG) {
    if (infop !== 0) m.writeBytes(infop, new Uint8Array(128));
    return 0;
  }
  return blockOn(t, new Promise<void>((resolve) => p.childWaiters.push(resolve)));
}

/** setpgid(2). */
export function sysSetpgid(t: Thread, a: SyscallArgs): SysResult {
  const pid = a.i32(0), pgid = a.i32(1);
  if (pgid < 0) return -E.EINVAL;
  const p = proc(t);
  const target = pid === 0 || pid === p.pid ? p : (p.children.find((c) => c.pid === pid) as PxProcess | undefined);
  if (target === undefined) return -E.ESRCH;
  target.pgid = pgid === 0 ? target.pid : pgid;
  return 0;
}

/** getpgid(2) / getpgrp(2). */
export function sysGetpgid(t: Thread, a: SyscallArgs): SysResult {
  const pid = a.i32(0);
  if (pid === 0) return proc(t).pgid;
  const q = a.m.processById(pid);
  return q === undefined ? -E.ESRCH : q.pgid;
}

/** getpgrp(2). */
export function sysGetpgrp(t: Thread): SysResult {
  return proc(t).pgid;
}

/** setsid(2): EPERM for a process group leader. */
export function sysSetsid(t: Thread): SysResult {
  const p = proc(t);
  if (p.pgid === p.pid) return -E.EPERM;
  p.sid = p.pid;
  p.pgid = p.pid;
  return p.pid;
}

/** getsid(2). */
export function sysGetsid(t: Thread, a: SyscallArgs): SysResult {
  const pid = a.i32(0);
  if (pid === 0) return proc(t).sid;
  const q = a.m.processById(pid);
  return q === undefined ? -E.ESRCH : q.sid;
}

void putU64; void T_EXITED; void CLONE_PIDFD;

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [56, sysClone, 'legacy', 'partial', ['hex', 'ptr', 'ptr', 'ptr', 'ptr'], 'no namespaces, pidfds or CLONE_FS sharing'],
  [57, sysFork, 'legacy', 'full', []],
  [58, sysVfork, 'legacy', 'full', []],
  [59, sysExecve, 'legacy', 'full', ['str', 'ptr', 'ptr']],
  [61, sysWait4, 'legacy', 'partial', ['int', 'ptr', 'hex', 'ptr'], 'no stopped/continued reports; rusage zeroed'],
  [109, sysSetpgid, 'legacy', 'full', ['int', 'int']],
  [111, sysGetpgrp, 'fast', 'full', []],
  [112, sysSetsid, 'legacy', 'full', []],
  [121, sysGetpgid, 'fast', 'full', ['int']],
  [124, sysGetsid, 'fast', 'full', ['int']],
  [247, sysWaitid, 'legacy', 'partial', ['int', 'int', 'ptr', 'hex'], 'no stopped/continued reports'],
  [322, sysExecveat, 'legacy', 'partial', ['fd', 'str', 'ptr', 'ptr', 'hex'], 'absolute or AT_FDCWD paths only'],
];
