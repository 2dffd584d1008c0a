// The POSIX-X machine: spawns a guest process from an ELF file, runs the scheduler, dispatches
// syscalls through the table, turns CPU stops into signals, and resolves with the exit status
// (exit code, or 128+signal as a shell reports it).
import fs from 'node:fs';
import path from 'node:path';
import nodeTty from 'node:tty';
import { GuestFault, PhysMem } from '../cpu/memory.js';
import { run } from '../cpu/interp.js';
import { STOP_BUDGET, STOP_DIVIDE, STOP_FAULT, STOP_HALT, STOP_ILLEGAL, STOP_SYSCALL, STOP_TRAP } from '../cpu/state.js';
import { decode, lastBytes } from '../cpu/decode/decoder.js';
import { Process } from '../kernel/process.js';
import { Scheduler } from '../kernel/scheduler.js';
import { T_BLOCKED, T_EXITED, T_RUNNABLE, Thread } from '../kernel/thread.js';
import { LoadError } from '../loader/errors.js';
import { buildImage, hostReader, type ExecReader } from './exec.js';
import { futexWake } from './futex.js';
import { Cpu } from '../cpu/state.js';
import { EFAULT, ENOSYS } from '../musl-shim/abi/errno.js';
import { defaultAction, SA_RESTART, SI_USER } from '../musl-shim/abi/signal.js';
import { abandonWaits, interruptWait } from './wait.js';
import { notifySignalWaiters } from './vfs/signalfd.js';
import { releaseSharedMappings } from './sys_mmap.js';
import { NodeTtyHost, Terminal, TtyFile } from './vfs/tty.js';
import { O_RDONLY, O_RDWR, O_WRONLY } from '../musl-shim/abi/fcntl.js';
import {
  FPE_INTDIV, ILL_ILLOPN, SI_KERNEL, SI_TKILL, SIGFPE, SIGILL, SIGSEGV, SIGTRAP, SIGNAL_NAMES, TRAP_BRKPT, SIGCHLD, SA_NOCLDWAIT,
} from '../musl-shim/abi/signal.js';
import { SyscallArgs } from './args.js';
import { type MachineApi, type PxProcess, SYS_BLOCKED, SYS_NORETURN } from './context.js';
import { FdTable } from './fd_table.js';
import { buildVfs, initialCwd } from './vfs/setup.js';
import type { Vfs } from './vfs/vfs.js';
import { deliver, setAltStack, type SigInfo } from './signals.js';
import { HANDLERS, IN_LOOP, SYSCALLS } from './syscall_table.js';
import { BufferSource, CaptureFile, HostFile, NullFile } from './vfs/file.js';
import type { Tracer } from './trace.js';

/** Options for running a program. */
export interface RunOptions {
  argv: string[];
  env: string[];
  /** Guest stdin bytes (capture mode); default: the host's stdin, or empty when capturing. */
  stdin?: Uint8Array;
  /** Collect stdout/stderr instead of writing to the host's. */
  capture?: boolean;
  cwd?: string;
  /** Unimplemented syscalls stop the run with an error instead of returning ENOSYS. */
  strict?: boolean;
  tracer?: Tracer;
  /** Instructions per time slice. */
  slice?: number;
  /** Use the block compiler (default true); false runs the interpreter only (for cross-checks). */
  jit?: boolean;
  /** Namespace (vfs/setup.ts): a host directory at "/" instead of the host's "/". */
  root?: string;
  /** Extra host mounts, "HOST:GUEST[:ro]". */
  mounts?: string[];
  /** memfs volumes at these guest paths. */
  tmpfs?: string[];
  /** A memfs root: nothing but the explicit mounts (and /dev, /proc) is reachable. */
  sandbox?: boolean;
}

/** The outcome of a run. */
export interface RunResult {
  /** Exit code, or 128+signal when a signal killed the guest. */
  status: number;
  /** The fatal signal, or 0. */
  signal: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** Runtime diagnostics (not guest output): SIGILL details, strict-mode errors. */
  diagnostics: string[];
  /** ENOSYS counts by syscall number. */
  enosys: Map<number, number>;
  /** Guest instructions retired. */
  instructions: number;
}

/** A runtime failure that is not the guest's doing in strict mode. */
export class StrictError extends Error {}

let physShared: PhysMem | null = null;

/** One physical memory per Node process: the reservation costs nothing until touched. */
function physMem(): PhysMem {
  if (physShared === null) physShared = new PhysMem();
  return physShared;
}

/** A running set of guest processes. */
export class Machine implements MachineApi {
  readonly phys = physMem();
  readonly sched: Scheduler;
  readonly args: SyscallArgs;
  readonly processes = new Map<number, PxProcess>();
  readonly threads = new Map<number, Thread>();
  readonly bootNs = process.hrtime.bigint();
  readonly enosys = new Map<number, number>();
  readonly diagnostics: string[] = [];
  private nextId = 1000;
  private init: PxProcess | null = null;
  private stdoutCap: CaptureFile | null = null;
  private stderrCap: CaptureFile | null = null;
  private instructions = 0;
  private readonly slice: number;
  strictError: StrictError | null = null;
  /** The mount namespace every process of this machine sees. */
  readonly vfs: Vfs;

  constructor(private readonly opts: RunOptions) {
    this.vfs = buildVfs(opts, () => this.processes.values());
    this.sched = new Scheduler((t) => this.step(t));
    this.args = new SyscallArgs(this);
    this.slice = opts.slice ?? 200000;
  }

  /** Creates the first process from an executable path. Throws LoadError for bad binaries. */
  spawn(file: string): PxProcess {
    const cwd = this.opts.cwd ?? process.cwd();
    const img = buildImage(this.phys, hostReader(cwd), file, this.opts.argv, this.opts.env);
    const fds = new FdTable(this.vfs);
    const pid = this.newId();
    const p: PxProcess = new Process(pid, 1, img.mem, fds, initialCwd(this.vfs, cwd));
    p.exe = img.exe;
    p.comm = path.basename(img.exe).slice(0, 15);
    p.argv = img.argv;
    p.envp = this.opts.env;
    this.setupStdio(fds);
    const t = new Thread(pid, p);
    t.cpu.rip = img.loaded.entry;
    t.cpu.setS64(4, img.loaded.sp);
    p.threads.push(t);
    this.addProcess(p);
    this.addThread(t);
    this.init = p;
    return p;
  }

  /** execve(2) for thread t: replaces its process's image, or returns -errno untouched. */
  exec(t: Thread, file: string, argv: string[], envp: string[]): number {
    const p = t.process as PxProcess;
    let img;
    try {
      // /proc/self/exe names the running image (busybox and others re-exec themselves through it).
      // /proc/self/exe is the image already running (busybox re-execs itself through it); any other
      // path is read through the guest's own view, so a sandbox cannot be left through execve.
      const self = file === '/proc/self/exe' || file === `/proc/${p.pid}/exe`;
      const reader: ExecReader = self
        ? hostReader('/')
        : (f) => this.vfs.readExecutable({ proc: p, tid: t.tid }, p.cwd, f);
      img = buildImage(this.phys, reader, self ? p.exe : file, argv, envp);
    } catch (e) {
      if (e instanceof LoadError) return -e.errno;
      throw e;
    }
    // Point of no return: other threads die, the old image goes (unless a vfork parent shares it).
    for (const th of p.threads) {
      if (th !== t && th.state !== T_EXITED) { th.state = T_EXITED; this.threads.delete(th.tid); }
    }
    p.threads.length = 0;
    p.threads.push(t);
    if (!this.sharedMem.has(p)) { releaseSharedMappings(p.mem); p.mem.destroy(); }
    this.sharedMem.delete(p);
    p.mem = img.mem;
    const c = t.cpu;
    const fresh = new Cpu(img.mem);
    c.copyFrom(fresh);
    c.mem = img.mem;
    c.rip = img.loaded.entry;
    c.setS64(4, img.loaded.sp);
    t.clearChildTid = 0;
    p.fds.closeOnExec();
    for (const act of p.sigactions) {
      if (act.handler !== 1) act.handler = 0; // caught signals reset to SIG_DFL; ignored stay ignored
      act.flags = 0; act.restorer = 0; act.maskLo = 0; act.maskHi = 0;
    }
    setAltStack(t, undefined);
    p.exe = img.exe;
    p.comm = path.basename(img.exe).slice(0, 15);
    p.argv = img.argv;
    p.envp = envp;
    p.releaseVfork();
    return 0;
  }

  /** Processes whose address space belongs to a vfork parent (not theirs to destroy). */
  readonly sharedMem = new Set<PxProcess>();

  newId(): number {
    return this.nextId++;
  }

  addProcess(p: PxProcess, sharesParentMem = false): void {
    this.processes.set(p.pid, p);
    if (sharesParentMem) this.sharedMem.add(p);
  }

  addThread(t: Thread): void {
    this.threads.set(t.tid, t);
    if (!this.opts.tracer && !this.opts.strict) t.cpu.sysHook = this.fastPath;
    this.sched.add(t);
  }

  /** The fast path: fast-table syscalls answered inside the CPU loop (no dispatch, no allocation). */
  private readonly fastPath = (c: Cpu): boolean => {
    const r = c.r;
    if (r[1] !== 0) return false;
    const nr = r[0];
    const fn = nr >= 0 && nr < IN_LOOP.length ? IN_LOOP[nr] : null;
    if (fn === null) return false;
    const a = this.args;
    a.cpu = c;
    let res: number;
    try {
      res = fn(c.owner as Thread, a);
    } catch (e) {
      if (!(e instanceof GuestFault)) throw e;
      res = -EFAULT;
    }
    r[0] = res | 0;
    r[1] = res < 0 ? -1 : Math.floor(res / 4294967296) | 0;
    return true;
  };

  /** The host terminal, when exo-run's stdin/stdout/stderr is one. */
  private tty: Terminal | null = null;

  private setupStdio(fds: FdTable): void {
    if (this.opts.capture) {
      fds.install(this.opts.stdin ? new BufferSource(this.opts.stdin, 'pipe:[stdin]') : new NullFile(O_RDONLY, '/dev/null'), false);
      this.stdoutCap = new CaptureFile('pipe:[stdout]');
      this.stderrCap = new CaptureFile('pipe:[stderr]');
      fds.install(this.stdoutCap, false);
      fds.install(this.stderrCap, false);
      return;
    }
    // A host TTY on any of fds 0-2 becomes one guest terminal shared by those fds.
    const isTty = [0, 1, 2].map((fd) => nodeTty.isatty(fd));
    if (isTty.some((x) => x)) {
      this.tty = new Terminal(new NodeTtyHost(isTty[1] ? 1 : isTty[2] ? 2 : 0, isTty[0] && !this.opts.stdin));
      this.tty.onSignal = (sig) => this.signalForeground(sig);
    }
    const std = (fd: number, name: string) => {
      if (this.tty !== null && isTty[fd]) {
        let p = name;
        try { p = fs.readlinkSync(`/proc/self/fd/${fd}`); } catch { /* keep /dev/stdX */ }
        return new TtyFile(this.tty, O_RDWR, p);
      }
      return new HostFile(fd, O_RDWR, name, false);
    };
    fds.install(this.opts.stdin ? new BufferSource(this.opts.stdin, 'pipe:[stdin]') : std(0, '/dev/stdin'), false);
    fds.install(std(1, '/dev/stdout'), false);
    fds.install(std(2, '/dev/stderr'), false);
    void O_WRONLY;
  }

  /** Terminal-generated signals go to the foreground process group (its first live thread each). */
  private signalForeground(sig: number): void {
    const fg = this.tty?.fgPgrp || this.init?.pgid || 0;
    for (const p of this.processes.values()) {
      if (p.exited || p.pgid !== fg) continue;
      const t = p.threads.find((x) => x.state !== T_EXITED);
      if (t) this.signalThread(t, sig);
    }
  }

  /** Runs until the first process exits; resolves with its status. */
  async run(): Promise<RunResult> {
    try {
      await this.sched.run();
    } finally {
      this.tty?.shutdown(); // the host terminal's mode is restored however the run ends
    }
    if (this.strictError) throw this.strictError;
    const ws = this.init?.waitStatus ?? 0;
    const sig = ws & 0x7f;
    return {
      status: sig !== 0 ? 128 + sig : (ws >> 8) & 0xff,
      signal: sig,
      stdout: this.stdoutCap?.bytes() ?? new Uint8Array(0),
      stderr: this.stderrCap?.bytes() ?? new Uint8Array(0),
      diagnostics: this.diagnostics,
      enosys: this.enosys,
      instructions: this.instructions,
    };
  }

  // ---- one slice of a thread ----------------------------------------------------------------

  private step(t: Thread): void {
    const c = t.cpu;
    const before = c.icount;
    const stop = run(c, this.slice, this.opts.jit !== false);
    this.instructions += c.icount - before;
    switch (stop) {
      case STOP_SYSCALL: this.syscall(t); break;
      case STOP_BUDGET: break;
      case STOP_FAULT:
        this.fault(t, { signo: SIGSEGV, code: c.faultCode, addr: c.faultAddr, pid: 0, uid: 0 });
        break;
      case STOP_HALT:
        this.fault(t, { signo: SIGSEGV, code: SI_KERNEL, addr: 0, pid: 0, uid: 0 });
        break;
      case STOP_ILLEGAL: {
        const insn = this.describeIllegal(t);
        if (insn) this.diagnostics.push(insn);
        this.fault(t, { signo: SIGILL, code: ILL_ILLOPN, addr: c.rip, pid: 0, uid: 0 });
        break;
      }
      case STOP_DIVIDE:
        this.fault(t, { signo: SIGFPE, code: FPE_INTDIV, addr: c.rip, pid: 0, uid: 0 });
        break;
      case STOP_TRAP:
        this.fault(t, { signo: SIGTRAP, code: TRAP_BRKPT, addr: c.rip, pid: 0, uid: 0 });
        break;
    }
    if (t.state !== T_EXITED && (t.pendingLo | t.pendingHi) !== 0) this.deliverPending(t);
  }

  /** A one-line description of an undecodable instruction at rip (ud2 is deliberate: none). */
  private describeIllegal(t: Thread): string | null {
    const c = t.cpu;
    try {
      const i = decode(c.mem, c.rip);
      if (i.name === 'ud2') return null;
      const bytes = lastBytes().map((b) => b.toString(16).padStart(2, '0')).join(' ');
      return `exo: SIGILL: unsupported or invalid instruction at 0x${c.rip.toString(16)}: ${bytes}`;
    } catch {
      return `exo: SIGILL at 0x${c.rip.toString(16)}`;
    }
  }

  /** A synchronous fault: delivered even when blocked or ignored (then it kills), as Linux. */
  private fault(t: Thread, info: SigInfo): void {
    const p = t.process as PxProcess;
    const act = p.sigactions[info.signo];
    const bit = info.signo - 1;
    const blocked = (t.sigmaskLo >>> bit) & 1;
    if (blocked || act.handler === 1) act.handler = 0;
    let status: number;
    try {
      status = deliver(t, info);
    } catch (e) {
      if (!(e instanceof GuestFault)) throw e;
      status = SIGSEGV | 0x80; // could not build the frame
    }
    if (status >= 0) this.exitProcess(p, status);
  }

  private deliverPending(t: Thread): void {
    for (let sig = 1; sig < 65; sig++) {
      const word = sig <= 32 ? t.pendingLo : t.pendingHi;
      const mask = sig <= 32 ? t.sigmaskLo : t.sigmaskHi;
      const bit = 1 << ((sig - 1) & 31);
      if (!(word & bit) || (mask & bit)) continue;
      if (sig <= 32) t.pendingLo &= ~bit; else t.pendingHi &= ~bit;
      let status: number;
      try {
        status = deliver(t, { signo: sig, code: SI_TKILL, addr: 0, pid: t.process.pid, uid: process.getuid?.() ?? 0 });
      } catch (e) {
        if (!(e instanceof GuestFault)) throw e;
        status = SIGSEGV | 0x80;
      }
      if (status >= 0) { this.exitProcess(t.process as PxProcess, status); return; }
    }
  }

  // ---- syscalls ----------------------------------------------------------------------------

  private syscall(t: Thread): void {
    const c = t.cpu;
    const r = c.r;
    const nr = r[1] === 0 ? r[0] : -1;
    const fn = nr >= 0 && nr < HANDLERS.length ? HANDLERS[nr] : null;
    const tracer = this.opts.tracer;
    let res: number;
    const a = this.args;
    a.cpu = c;
    if (tracer) tracer.enter(t, nr);
    if (fn === null) {
      this.enosys.set(nr, (this.enosys.get(nr) ?? 0) + 1);
      if (this.opts.strict) {
        const name = SYSCALLS[nr]?.name ?? `syscall ${nr}`;
        this.strictError = new StrictError(`exo: --strict: unimplemented syscall ${name} (${nr}) at 0x${(c.rip - 2).toString(16)}`);
        this.sched.stop();
        return;
      }
      res = -ENOSYS;
    } else {
      try {
        res = fn(t, a);
      } catch (e) {
        if (!(e instanceof GuestFault)) {
          const name = SYSCALLS[nr]?.name ?? String(nr);
          if (e instanceof Error) e.message = `${e.message} (in syscall ${name}, pid ${t.process.pid}, tid ${t.tid}, rip 0x${c.rip.toString(16)})`;
          throw e;
        }
        res = -EFAULT;
      }
    }
    if (res === SYS_NORETURN) { if (tracer) tracer.exit(t, nr, 0, true); return; }
    if (res === SYS_BLOCKED) {
      c.rip -= 2; // re-execute the syscall instruction when woken (rax still holds nr)
      this.parkInSyscall(t);
      return;
    }
    r[0] = res | 0;
    r[1] = res < 0 ? -1 : Math.floor(res / 4294967296) | 0;
    if (tracer) tracer.exit(t, nr, res, false);
    if (t.parkAfterReturn) {
      t.parkAfterReturn = false;
      this.park(t);
    }
  }

  /** Parks t on t.waiting until it settles. */
  private park(t: Thread): void {
    t.state = T_BLOCKED;
    const w = t.waiting;
    if (w !== null) {
      void w.ready.then(() => {
        if (t.state === T_BLOCKED && t.waiting === w) { t.state = T_RUNNABLE; t.waiting = null; }
      });
    }
  }

  // ---- interruption of blocked syscalls (signal(7)) -------------------------------------------

  /** Threads parked inside a syscall (to be retried), with the wait they parked on. */
  private readonly inSyscall = new WeakMap<Thread, object>();
  /** Resolvers that wake the scheduler when a signal interrupts a parked thread. */
  private readonly kicks = new WeakMap<Thread, () => void>();

  /** Parks t in its syscall; a pending signal the (possibly temporary) mask lets through interrupts at once. */
  private parkInSyscall(t: Thread): void {
    const w = t.waiting;
    if (w !== null) {
      const kick = new Promise<void>((res) => this.kicks.set(t, res));
      w.ready = Promise.race([w.ready, kick]);
      this.inSyscall.set(t, w);
    }
    this.park(t);
    for (let sig = 1; sig < 65; sig++) {
      const bit = 1 << ((sig - 1) & 31);
      const pend = sig <= 32 ? t.pendingLo & ~t.sigmaskLo : t.pendingHi & ~t.sigmaskHi;
      if ((pend & bit) && this.interrupt(t, sig)) return;
    }
  }

  /**
   * A signal for a thread parked in a syscall: unless it is blocked or ignored, the call ends with
   * -EINTR (or is restarted after the handler under SA_RESTART) and the signal is delivered now.
   */
  private interrupt(t: Thread, sig: number): boolean {
    if (t.state !== T_BLOCKED || t.waiting === null || this.inSyscall.get(t) !== t.waiting) return false;
    const bit = 1 << ((sig - 1) & 31);
    if ((sig <= 32 ? t.sigmaskLo : t.sigmaskHi) & bit) return false;
    const p = t.process as PxProcess;
    const act = p.sigactions[sig];
    const dfl = defaultAction(sig);
    if (act.handler === 1 || (act.handler === 0 && dfl !== 'term' && dfl !== 'core')) return false;
    const c = t.cpu;
    const nr = c.r[0];
    const { result, restartable } = interruptWait(t); // also restores a ppoll/pselect6 mask
    t.waiting = null;
    t.state = T_RUNNABLE;
    this.inSyscall.delete(t);
    this.kicks.get(t)?.();
    this.kicks.delete(t);
    if (!(restartable && act.handler > 1 && (act.flags & SA_RESTART) && !NO_RESTART.has(nr))) {
      c.rip += 2;
      c.r[0] = result | 0;
      c.r[1] = result < 0 ? -1 : 0;
    }
    if (sig <= 32) t.pendingLo &= ~bit; else t.pendingHi &= ~bit;
    let status: number;
    try {
      status = deliver(t, { signo: sig, code: SI_USER, addr: 0, pid: p.pid, uid: process.getuid?.() ?? 0 });
    } catch (e) {
      if (!(e instanceof GuestFault)) throw e;
      status = SIGSEGV | 0x80;
    }
    if (status >= 0) this.exitProcess(p, status);
    return true;
  }

  // ---- MachineApi ---------------------------------------------------------------------------

  exitProcess(p: PxProcess, waitStatus: number): void {
    if (p.exited) return;
    p.exited = true;
    p.waitStatus = waitStatus;
    for (const th of p.threads) {
      if (th.state !== T_EXITED) this.threadGone(th);
    }
    abandonWaits(p.threads);
    p.fds.closeAll();
    if (!this.sharedMem.has(p)) { releaseSharedMappings(p.mem); p.mem.destroy(); }
    this.sharedMem.delete(p);
    // Orphans are reaped by nobody: they vanish when they exit (no init process here).
    for (const ch of p.children) {
      ch.parent = null;
      if (ch.exited) this.reap(ch);
    }
    p.releaseVfork();
    const parent = p.parent;
    if (parent === null || parent.exited) this.reap(p);
    else {
      const act = parent.sigactions[SIGCHLD];
      if (act.handler === 1 || (act.flags & SA_NOCLDWAIT)) {
        // SIGCHLD ignored: children are reaped at once (wait(2) NOTES).
        this.reap(p);
      } else if (act.handler !== 0) {
        const t0 = parent.threads.find((x) => x.state !== T_EXITED);
        if (t0) this.signalThread(t0, SIGCHLD);
      }
      parent.notifyChildWaiters();
    }
    if (p === this.init) this.sched.stop();
  }

  /** Removes a zombie from the tables. */
  reap(p: PxProcess): void {
    p.reaped = true;
    this.processes.delete(p.pid);
    const par = p.parent;
    if (par !== null) {
      const k = par.children.indexOf(p);
      if (k >= 0) par.children.splice(k, 1);
    }
  }

  /** A thread ends: CLONE_CHILD_CLEARTID is honoured (set_tid_address(2)). */
  private threadGone(t: Thread): void {
    t.state = T_EXITED;
    this.threads.delete(t.tid);
    if (t.clearChildTid !== 0) {
      const addr = t.clearChildTid;
      t.clearChildTid = 0;
      try {
        t.cpu.mem.write32(addr, 0);
        futexWake(t.cpu.mem, addr, 1);
      } catch (e) {
        if (!(e instanceof GuestFault)) throw e;
      }
    }
  }

  exitThread(t: Thread, code: number): void {
    const p = t.process as PxProcess;
    this.threadGone(t);
    if (p.threads.every((x) => x.state === T_EXITED)) this.exitProcess(p, code << 8);
  }

  signalThread(t: Thread, sig: number): void {
    if (sig <= 32) t.pendingLo |= 1 << (sig - 1);
    else t.pendingHi |= 1 << (sig - 33);
    notifySignalWaiters();
    this.interrupt(t, sig);
  }

  threadById(tid: number): Thread | undefined {
    return this.threads.get(tid);
  }

  processById(pid: number): PxProcess | undefined {
    return this.processes.get(pid);
  }
}

/** Syscalls never restarted after a handler, even with SA_RESTART (signal(7)). */
const NO_RESTART = new Set([
  7, 23, 34, 35, 128, 130, 230, 232, 270, 271, 281, 441, // poll select pause nanosleep sigtimedwait sigsuspend ...
  45, 47, 64, 69, 70, 208, 299, 243, // recvfrom recvmsg semop msgsnd msgrcv io_getevents recvmmsg mq_timedreceive
]);

/** Runs one program to completion (the API the CLI and the conformance tests use). */
export async function runProgram(file: string, opts: RunOptions): Promise<RunResult> {
  const m = new Machine(opts);
  m.spawn(file);
  return m.run();
}

/** Name of a signal for messages. */
export function signalName(sig: number): string {
  return SIGNAL_NAMES[sig] ?? `signal ${sig}`;
}
