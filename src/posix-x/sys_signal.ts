// rt_sigaction(2), rt_sigprocmask(2), rt_sigreturn(2), sigaltstack(2), kill(2), tkill(2),
// tgkill(2), rt_sigpending(2). Handlers' frames are built in signals.ts.
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import { NSIG, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIGKILL, SIGSTOP } from '../musl-shim/abi/signal.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, SYS_NORETURN, type SysResult } from './context.js';
import { getU64, putU64 } from './guest_io.js';
import { altStackOf, setAltStack, sigreturn } from './signals.js';

/** rt_sigaction(2): struct k_sigaction { handler, flags, restorer, mask } (32 bytes). */
export function sysRtSigaction(t: Thread, a: SyscallArgs): SysResult {
  const sig = a.i32(0), act = a.ptr(1), oact = a.ptr(2), size = a.size(3);
  if (size !== 8) return -E.EINVAL;
  if (sig < 1 || sig >= NSIG) return -E.EINVAL;
  if (act !== 0 && (sig === SIGKILL || sig === SIGSTOP)) return -E.EINVAL;
  const m = t.cpu.mem;
  const cur = proc(t).sigactions[sig];
  let next = null;
  if (act !== 0) {
    next = {
      handler: getU64(m, act), flags: m.read32(act + 8), restorer: getU64(m, act + 16),
      maskLo: m.read32(act + 24), maskHi: m.read32(act + 28),
    };
  }
  if (oact !== 0) {
    putU64(m, oact, cur.handler);
    m.write64(oact + 8, cur.flags, 0);
    putU64(m, oact + 16, cur.restorer);
    m.write32(oact + 24, cur.maskLo);
    m.write32(oact + 28, cur.maskHi);
  }
  if (next !== null) proc(t).sigactions[sig] = next;
  return 0;
}

/** rt_sigprocmask(2). */
export function sysRtSigprocmask(t: Thread, a: SyscallArgs): SysResult {
  const how = a.i32(0), set = a.ptr(1), oset = a.ptr(2), size = a.size(3);
  if (size !== 8) return -E.EINVAL;
  const m = t.cpu.mem;
  let lo = 0, hi = 0;
  if (set !== 0) { lo = m.read32(set); hi = m.read32(set + 4); }
  if (oset !== 0) { m.write32(oset, t.sigmaskLo); m.write32(oset + 4, t.sigmaskHi); }
  if (set === 0) return 0;
  switch (how) {
    case SIG_BLOCK: t.sigmaskLo |= lo; t.sigmaskHi |= hi; break;
    case SIG_UNBLOCK: t.sigmaskLo &= ~lo; t.sigmaskHi &= ~hi; break;
    case SIG_SETMASK: t.sigmaskLo = lo; t.sigmaskHi = hi; break;
    default: return -E.EINVAL;
  }
  t.sigmaskLo &= ~((1 << 8) | (1 << 18)); // SIGKILL, SIGSTOP
  return 0;
}

/** rt_sigpending(2). */
export function sysRtSigpending(t: Thread, a: SyscallArgs): SysResult {
  const m = t.cpu.mem, set = a.ptr(0);
  m.write32(set, t.pendingLo & t.sigmaskLo);
  m.write32(set + 4, t.pendingHi & t.sigmaskHi);
  return 0;
}

/** rt_sigreturn(2). */
export function sysRtSigreturn(t: Thread, a: SyscallArgs): SysResult {
  if (!sigreturn(t)) a.m.exitProcess(proc(t), 11 | 0x80); // bad frame: force_sig(SIGSEGV)
  return SYS_NORETURN;
}

/** sigaltstack(2): stack_t { ss_sp, ss_flags, ss_size }. */
export function sysSigaltstack(t: Thread, a: SyscallArgs): SysResult {
  const ss = a.ptr(0), old = a.ptr(1);
  const m = t.cpu.mem;
  const cur = altStackOf(t);
  if (old !== 0) {
    putU64(m, old, cur?.sp ?? 0);
    m.write32(old + 8, cur ? 0 : 2 /* SS_DISABLE */);
    m.write32(old + 12, 0);
    putU64(m, old + 16, cur?.size ?? 0);
  }
  if (ss !== 0) {
    const sp = getU64(m, ss), flags = m.read32(ss + 8), size = getU64(m, ss + 16);
    if (flags & 2) { setAltStack(t, undefined); return 0; }
    if (flags & ~(1 << 31)) return -E.EINVAL;
    if (size < 2048) return -E.ENOMEM;
    setAltStack(t, { sp, size, flags: 0 });
  }
  return 0;
}

function sendTo(t: Thread, a: SyscallArgs, target: Thread | undefined, sig: number): SysResult {
  if (sig < 0 || sig >= NSIG) return -E.EINVAL;
  if (target === undefined) return -E.ESRCH;
  if (sig === 0) return 0;
  a.m.signalThread(target, sig);
  void t;
  return 0;
}

/** kill(2): to a process (its first live thread) — process groups are the caller's own. */
export function sysKill(t: Thread, a: SyscallArgs): SysResult {
  const pid = a.i32(0), sig = a.i32(1);
  const p = pid <= 0 ? proc(t) : a.m.processById(pid);
  const target = p?.threads.find((x) => x.state !== 2);
  return sendTo(t, a, target, sig);
}

/** tkill(2). */
export function sysTkill(t: Thread, a: SyscallArgs): SysResult {
  const tid = a.i32(0), sig = a.i32(1);
  if (tid <= 0) return -E.EINVAL;
  return sendTo(t, a, a.m.threadById(tid), sig);
}

/** tgkill(2). */
export function sysTgkill(t: Thread, a: SyscallArgs): SysResult {
  const tgid = a.i32(0), tid = a.i32(1), sig = a.i32(2);
  if (tid <= 0 || tgid <= 0) return -E.EINVAL;
  const target = a.m.threadById(tid);
  if (target && target.process.pid !== tgid) return -E.ESRCH;
  return sendTo(t, a, target, sig);
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [13, sysRtSigaction, 'fast', 'full', ['sig', 'ptr', 'ptr', 'size']],
  [14, sysRtSigprocmask, 'fast', 'full', ['int', 'ptr', 'ptr', 'size']],
  [15, sysRtSigreturn, 'fast', 'full', []],
  [62, sysKill, 'legacy', 'partial', ['int', 'sig'], 'process groups not modelled'],
  [127, sysRtSigpending, 'fast', 'full', ['ptr', 'size']],
  [131, sysSigaltstack, 'fast', 'full', ['ptr', 'ptr']],
  [200, sysTkill, 'legacy', 'full', ['int', 'sig']],
  [234, sysTgkill, 'legacy', 'full', ['int', 'int', 'sig']],
];
