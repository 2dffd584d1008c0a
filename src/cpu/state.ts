// Architectural state of one x86-64 thread (Intel SDM Vol. 1 §3.4 basic execution registers,
// §8.1 x87 FPU, §10.2 SSE). 64-bit registers are int32 lo/hi pairs (never BigInt: DESIGN.md).
import type { AddressSpace } from './memory.js';
import { F_NONE, IF } from './flags.js';
import { X87 } from './fpu/x87_state.js';

// General register numbers (ModRM/REX encoding order).
export const RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
export const R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;

// Why the interpreter stopped (cpu.stop).
export const STOP_NONE = 0;
export const STOP_SYSCALL = 1;
export const STOP_FAULT = 2; // SIGSEGV: details in cpu.faultAddr / faultCode
export const STOP_ILLEGAL = 3; // SIGILL at rip
export const STOP_DIVIDE = 4; // #DE: SIGFPE
export const STOP_TRAP = 5; // int3: SIGTRAP
export const STOP_HALT = 6; // hlt in user mode: #GP, delivered as SIGSEGV by Linux
export const STOP_BUDGET = 7;

/** One thread's CPU state. Monomorphic: every field is created here. */
export class Cpu {
  /** r[2n] = low 32 bits, r[2n+1] = high 32 bits of register n. */
  readonly r = new Int32Array(32);
  /** Instruction pointer (a double: user addresses are < 2^47). */
  rip = 0;
  // Lazy flags (see flags.ts).
  fOp = F_NONE;
  fSize = 4;
  fRes = 0;
  fResHi = 0;
  fA = 0;
  fAHi = 0;
  fB = 0;
  fBHi = 0;
  fAux = 0;
  /** Materialised RFLAGS (status bits valid only when fOp = F_NONE); DF and IF live here. */
  fBits = 0x202 | IF;
  fsBase = 0;
  gsBase = 0;
  /** XMM0-15 as 16 x 8 int32 (256 bits each, room for the YMM upper halves). */
  readonly xmm = new Int32Array(16 * 8);
  /** Views of the same XMM/YMM bytes: xmm n is f64[4n..4n+3], f32[8n..8n+7], u8[32n..32n+31]. */
  readonly xmmF64 = new Float64Array(this.xmm.buffer);
  readonly xmmF32 = new Float32Array(this.xmm.buffer);
  readonly xmmU8 = new Uint8Array(this.xmm.buffer);
  readonly xmmU16 = new Uint16Array(this.xmm.buffer);
  mxcsr = 0x1f80;
  readonly fpu = new X87();
  mem: AddressSpace;
  /** Scratch: high half of a 64-bit value returned by a helper. */
  hi = 0;
  stop = STOP_NONE;
  faultAddr = 0;
  faultCode = 0;
  /**
   * In-loop syscall hook (the POSIX-X fast path): called by SYSCALL; returns true when it handled
   * the call completely, so execution continues without leaving the interpreter.
   */
  sysHook: ((c: Cpu) => boolean) | null = null;
  /** The kernel thread that owns this CPU (opaque to the CPU layer). */
  owner: unknown = null;
  /** Index of the faulting instruction inside a compiled block. */
  faultIdx = 0;
  /** Instructions retired (approximate at block granularity). */
  icount = 0;

  constructor(mem: AddressSpace) {
    this.mem = mem;
  }

  /** Copies all architectural state from another CPU (fork, clone). */
  copyFrom(o: Cpu): void {
    this.r.set(o.r);
    this.rip = o.rip;
    this.fOp = o.fOp; this.fSize = o.fSize;
    this.fRes = o.fRes; this.fResHi = o.fResHi;
    this.fA = o.fA; this.fAHi = o.fAHi; this.fB = o.fB; this.fBHi = o.fBHi; this.fAux = o.fAux;
    this.fBits = o.fBits;
    this.fsBase = o.fsBase; this.gsBase = o.gsBase;
    this.xmm.set(o.xmm);
    this.mxcsr = o.mxcsr;
    this.fpu.copyFrom(o.fpu);
  }

  /** Register n as an unsigned 64-bit double (exact below 2^53; for syscall arguments). */
  getU64(n: number): number {
    return (this.r[2 * n + 1] >>> 0) * 4294967296 + (this.r[2 * n] >>> 0);
  }

  /** Register n as a signed 64-bit double. */
  getS64(n: number): number {
    return this.r[2 * n + 1] * 4294967296 + (this.r[2 * n] >>> 0);
  }

  /** Sets register n from a double holding a signed or unsigned 64-bit integer (|v| < 2^53). */
  setS64(n: number, v: number): void {
    const lo = v % 4294967296;
    this.r[2 * n] = lo | 0;
    this.r[2 * n + 1] = Math.floor(v / 4294967296) | 0;
  }
}
