// The opcode-table row format (STYLE.md "One table per interface"): every consumer (decoder,
// interpreter, analyzer, disassembler) reads opcode facts only from rows of this shape.
import type { Handler } from './insn.js';

/** Mandatory-prefix selector for SSE-style rows (SDM Vol. 2 §2.1.2). */
export type Pfx = 'none' | '66' | 'f3' | 'f2';

/**
 * One opcode form. `ops` uses the SDM Appendix A operand notation, which also tells the decoder
 * whether a ModRM byte and which immediate follow: E/G/M/R/W/V/U/N/P/Q/H → ModRM;
 * Ib/Iw/Iz/Iv/Jb/Jz/Ob/Ov → immediate; Zb/Zv → register in the opcode's low 3 bits.
 */
export interface Row {
  /** 0: one-byte map, 1: 0F, 2: 0F38, 3: 0F3A. */
  map: number;
  code: number;
  name: string;
  ops: string;
  fn: Handler;
  /** ModRM.reg opcode extension for group opcodes. */
  ext?: number;
  /** Restrict to a register (mod = 3) or memory (mod != 3) ModRM form. */
  mod?: 'reg' | 'mem';
  /** Mandatory prefix for SSE forms; absent = any (66 then means operand size). */
  pfx?: Pfx;
  /** Operand-size rule: v (16/32/64), b, w, d, q, d64 (64 by default, 16 with 66), f64 (always 64). */
  size?: 'v' | 'b' | 'w' | 'd' | 'q' | 'd64' | 'f64' | 'x' | 'y';
  /** Ends a basic block (branches, syscall, traps). */
  end?: boolean;
  /** Value for Insn.ext (ALU kind, condition code, ...). */
  sel?: number;
  /** Requires VEX encoding (AVX); VEX.L must match when given. */
  vex?: boolean;
  vexL?: 0 | 1;
  /** REX.W / VEX.W must be this value when given. */
  w?: 0 | 1;
  /** ModRM.rm must be this value (register forms of 0F 01 and similar). */
  rmf?: number;
  /** LOCK is allowed (memory destination only); otherwise a LOCK prefix raises #UD (SDM "LOCK"). */
  lock?: boolean;
  /** CPUID feature that makes this form available (for analyze and the coverage report). */
  feature?: string;
}
