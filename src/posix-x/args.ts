// Syscall argument access (Linux x86-64 syscall ABI: rdi, rsi, rdx, r10, r8, r9; syscall(2)).
// One reusable object per machine: decoding an argument allocates nothing.
import type { Cpu } from '../cpu/state.js';
import type { MachineApi } from './context.js';

const ARG_REGS = [7, 6, 2, 10, 8, 9];

/** Typed views of the six syscall argument registers. */
export class SyscallArgs {
  cpu!: Cpu;
  constructor(readonly m: MachineApi) {}

  /** As a signed 32-bit int (fds, flags, int arguments). */
  i32(n: number): number { return this.cpu.r[2 * ARG_REGS[n]]; }
  /** As an unsigned 32-bit int. */
  u32(n: number): number { return this.cpu.r[2 * ARG_REGS[n]] >>> 0; }
  /** As a pointer / unsigned 64-bit value (a double; exact below 2^53). */
  ptr(n: number): number { return this.cpu.getU64(ARG_REGS[n]); }
  /** As size_t. */
  size(n: number): number { return this.cpu.getU64(ARG_REGS[n]); }
  /** As a signed 64-bit value (off_t, long). */
  i64(n: number): number { return this.cpu.getS64(ARG_REGS[n]); }
  /** Raw low/high halves (for exact printing). */
  lo(n: number): number { return this.cpu.r[2 * ARG_REGS[n]]; }
  hi(n: number): number { return this.cpu.r[2 * ARG_REGS[n] + 1]; }
}
