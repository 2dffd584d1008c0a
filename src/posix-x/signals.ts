// Signal delivery (signal(7)): default actions, and handler frames laid out exactly as Linux's
// x86-64 rt_sigframe (arch/x86/kernel/signal_64.c; struct ucontext and struct sigcontext from
// arch/x86/include/uapi/asm/sigcontext.h), so musl's __restore_rt + rt_sigreturn(2) work.
import type { Thread } from '../kernel/thread.js';
import { getFlags, setFlags } from '../cpu/flags.js';
import { getSp } from '../cpu/ops/operand.js';
import { defaultAction, SA_NODEFER, SA_ONSTACK, SA_RESETHAND, SA_SIGINFO, SIG_DFL, SIG_IGN, SIGKILL, SIGSTOP } from '../musl-shim/abi/signal.js';
import { proc } from './context.js';
import { restoreExtendedState, saveExtendedState, SIGFRAME_XSTATE_SIZE } from '../cpu/ops/xsave.js';
import { getU64, putU64 } from './guest_io.js';

/** Offsets inside the frame (from the frame base, which holds pretcode). */
const UC = 8;
const MCTX = UC + 40;
const SIGMASK = UC + 296;
const SIGINFO = UC + 304;
const FRAME_SIZE = SIGINFO + 128;
const FPSTATE_SIZE = SIGFRAME_XSTATE_SIZE; // XSAVE area + FP_XSTATE_MAGIC2 (Linux sigframe xstate)
// sigcontext register order: r8..r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip.
const MCTX_REGS = [8, 9, 10, 11, 12, 13, 14, 15, 7, 6, 5, 3, 2, 0, 1, 4];

/** Bytes a signal frame needs below the stack pointer at most (AT_MINSIGSTKSZ): the frame,
 *  the XSAVE area and their alignment. */
export const SIGFRAME_MAX = FRAME_SIZE + FPSTATE_SIZE + 64 + 16;

/** Details of a signal for siginfo_t. */
export interface SigInfo {
  signo: number;
  code: number;
  /** si_addr for faults, si_pid for kill. */
  addr: number;
  pid: number;
  uid: number;
}

/** Alternate signal stack (sigaltstack(2)). */
export interface AltStack {
  sp: number;
  size: number;
  flags: number;
}

const altStacks = new WeakMap<Thread, AltStack>();

/** The thread's sigaltstack, if any. */
export function altStackOf(t: Thread): AltStack | undefined {
  return altStacks.get(t);
}

/** Sets the thread's sigaltstack. */
export function setAltStack(t: Thread, s: AltStack | undefined): void {
  if (s === undefined) altStacks.delete(t);
  else altStacks.set(t, s);
}

/** What delivery decided: the process must die with this wait status, or nothing (-1). */
export function deliver(t: Thread, info: SigInfo): number {
  const p = proc(t);
  const sig = info.signo;
  const act = p.sigactions[sig];
  if (sig === SIGKILL || sig === SIGSTOP || act.handler === SIG_DFL) {
    const d = defaultAction(sig);
    if (d === 'ign' || d === 'cont' || d === 'stop') return -1; // DIVERGES: no job-control stop
    return sig | (d === 'core' ? 0x80 : 0);
  }
  if (act.handler === SIG_IGN) return -1;
  buildFrame(t, info, act.handler, act.flags, act.restorer, act.maskLo, act.maskHi);
  if (act.flags & SA_RESETHAND) act.handler = SIG_DFL;
  if (!(act.flags & SA_NODEFER)) {
    if (sig <= 32) t.sigmaskLo |= 1 << (sig - 1);
    else t.sigmaskHi |= 1 << (sig - 33);
  }
  return -1;
}

function buildFrame(t: Thread, info: SigInfo, handler: number, flags: number, restorer: number, maskLo: number, maskHi: number): void {
  const c = t.cpu;
  const m = c.mem;
  let sp = getSp(c);
  const alt = altStacks.get(t);
  const onAlt = alt !== undefined && (flags & SA_ONSTACK) && !(sp >= alt.sp && sp < alt.sp + alt.size);
  if (onAlt) sp = alt.sp + alt.size;
  else sp -= 128; // red zone (System V AMD64 ABI §3.2.2)
  const fp = Math.floor((sp - FPSTATE_SIZE) / 64) * 64;
  const frame = Math.floor((fp - FRAME_SIZE) / 16) * 16 - 8;
  // Zero the frame first: faults here mean the stack is bad (the kernel then kills with SIGSEGV).
  m.writeBytes(frame, new Uint8Array(fp + FPSTATE_SIZE - frame));
  putU64(m, frame, restorer);
  // ucontext: uc_flags (below), uc_link 0, uc_stack
  if (alt) { putU64(m, frame + UC + 16, alt.sp); m.write32(frame + UC + 24, alt.flags); putU64(m, frame + UC + 32, alt.size); }
  const r = c.r;
  MCTX_REGS.forEach((reg, k) => m.write64(frame + MCTX + 8 * k, r[2 * reg], r[2 * reg + 1]));
  putU64(m, frame + MCTX + 128, c.rip);
  m.write64(frame + MCTX + 136, getFlags(c), 0);
  m.write64(frame + UC, 1, 0); // uc_flags = UC_FP_XSTATE: the frame holds an XSAVE area
  m.write16(frame + MCTX + 144, 0x33); // cs
  m.write16(frame + MCTX + 150, 0x2b); // ss
  putU64(m, frame + MCTX + 160, info.signo === 11 ? 14 : 0); // trapno: #PF for SIGSEGV
  putU64(m, frame + MCTX + 168, t.sigmaskLo >>> 0);
  putU64(m, frame + MCTX + 176, info.signo === 11 ? info.addr : 0); // cr2
  putU64(m, frame + MCTX + 184, fp);
  m.write32(frame + SIGMASK, t.sigmaskLo);
  m.write32(frame + SIGMASK + 4, t.sigmaskHi);
  // siginfo_t: si_signo, si_errno, si_code, then the union at offset 16.
  m.write32(frame + SIGINFO, info.signo);
  m.write32(frame + SIGINFO + 8, info.code);
  if (info.signo === 11 || info.signo === 7 || info.signo === 4 || info.signo === 8) putU64(m, frame + SIGINFO + 16, info.addr);
  else { m.write32(frame + SIGINFO + 16, info.pid); m.write32(frame + SIGINFO + 20, info.uid); }
  saveFpu(t, fp);
  // Enter the handler (SysV ABI: rsp+8 is 16-byte aligned at entry, as after a call).
  r[14] = info.signo; r[15] = 0; // rdi
  const infoAddr = frame + SIGINFO, ucAddr = frame + UC;
  r[12] = infoAddr | 0; r[13] = Math.floor(infoAddr / 4294967296); // rsi
  r[4] = ucAddr | 0; r[5] = Math.floor(ucAddr / 4294967296); // rdx
  r[0] = 0; r[1] = 0;
  r[8] = frame | 0; r[9] = Math.floor(frame / 4294967296);
  c.rip = handler;
  // The handler runs with DF clear (ABI) and the lazy flags state reset.
  setFlags(c, getFlags(c) & ~0x400);
  t.sigmaskLo |= maskLo;
  t.sigmaskHi |= maskHi;
  void (flags & SA_SIGINFO);
}

/** Saves x87/SSE/AVX state in the XSAVE layout Linux puts in signal frames. */
function saveFpu(t: Thread, addr: number): void {
  saveExtendedState(t.cpu, addr);
}

/**
 * rt_sigreturn(2): restores the context saved by buildFrame (rsp points past pretcode). Returns
 * false when the saved FPU state is corrupt (Linux then forces SIGSEGV).
 */
export function sigreturn(t: Thread): boolean {
  const c = t.cpu, m = c.mem, r = c.r;
  const frame = getSp(c) - 8;
  MCTX_REGS.forEach((reg, k) => {
    r[2 * reg] = m.read64(frame + MCTX + 8 * k);
    r[2 * reg + 1] = m.hi;
  });
  c.rip = getU64(m, frame + MCTX + 128);
  const fl = m.read32(frame + MCTX + 136);
  setFlags(c, (getFlags(c) & ~0x254dd5) | (fl & 0x254dd5));
  t.sigmaskLo = m.read32(frame + SIGMASK);
  t.sigmaskHi = m.read32(frame + SIGMASK + 4);
  // SIGKILL and SIGSTOP can never be blocked.
  t.sigmaskLo &= ~((1 << 8) | (1 << 18));
  const fp = getU64(m, frame + MCTX + 184);
  if (fp !== 0) return restoreExtendedState(c, fp);
  return true;
}
