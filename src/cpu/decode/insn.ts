// A decoded x86-64 instruction (Intel SDM Vol. 2 §2.1 instruction format): prefixes, opcode,
// ModRM/SIB, displacement and immediate, resolved once at decode time and cached per address.
import type { Cpu } from '../state.js';

/** An instruction handler: executes one decoded instruction. */
export type Handler = (c: Cpu, i: Insn) => void;

// Segment override (only FS and GS have a base in 64-bit mode, SDM Vol. 1 §3.4.2.1).
export const SEG_NONE = 0;
export const SEG_FS = 1;
export const SEG_GS = 2;

// Repeat prefixes.
export const REP_NONE = 0;
export const REP_F3 = 1; // REP / REPE
export const REP_F2 = 2; // REPNE

/** A decoded instruction. Monomorphic: all fields initialised in the constructor. */
export class Insn {
  addr = 0;
  next = 0;
  len = 0;
  fn: Handler;
  /** Operand size in bytes (1, 2, 4, 8; 16/32 for vector forms). */
  size = 4;
  /** Address size in bytes (8, or 4 with 0x67). */
  asize = 8;
  /** ModRM.reg (+REX.R); byte registers AH..BH are 16..19. Also opcode-embedded register. */
  reg = 0;
  /** ModRM.rm register (+REX.B) when !isMem. */
  rm = 0;
  isMem = false;
  /** Memory operand: base register or -1, index register or -1, scale 1/2/4/8, displacement. */
  base = -1;
  index = -1;
  scale = 1;
  /** Displacement; for RIP-relative operands the absolute address (base = -1). */
  disp = 0;
  seg = SEG_NONE;
  /** Immediate (sign-extended to 32 bits where the SDM says so); immHi for imm64. */
  imm = 0;
  immHi = 0;
  /** Second immediate (ENTER's level byte). */
  imm2 = 0;
  /** Branch target for relative jumps/calls. */
  target = 0;
  /** Opcode-specific selector: ALU kind, condition code, group extension. */
  ext = 0;
  rep = REP_NONE;
  lock = false;
  rex = 0;
  /** Operand-size prefix 0x66 seen (matters for SSE forms and some legacy ones). */
  p66 = false;
  /** Opcode map (0: one-byte, 1: 0F, 2: 0F38, 3: 0F3A) and opcode byte; modrm byte or -1. */
  map = 0;
  opcode = 0;
  modrm = -1;
  /** VEX.vvvv register and VEX.L (0 for 128-bit, 1 for 256-bit). */
  vvvv = 0;
  vexL = 0;
  /** Row of the opcode table this came from (for disassembly and analysis). */
  name = '';
  /** Ends its basic block (the row's `end`). */
  end = false;

  constructor(fn: Handler) {
    this.fn = fn;
  }
}

/**
 * Effective address of a memory operand (SDM Vol. 1 §3.7.5). Registers are read as signed
 * 64-bit values so that wrap-around of negative offsets is exact; the result is checked against
 * the user range by the memory accessors.
 */
export function ea(c: Cpu, i: Insn): number {
  const r = c.r;
  let a = i.disp;
  const b = i.base;
  if (b >= 0) a += r[2 * b + 1] * 4294967296 + (r[2 * b] >>> 0);
  const x = i.index;
  if (x >= 0) a += (r[2 * x + 1] * 4294967296 + (r[2 * x] >>> 0)) * i.scale;
  if (i.asize === 4) a = a - Math.floor(a / 4294967296) * 4294967296;
  if (i.seg !== SEG_NONE) a += i.seg === SEG_FS ? c.fsBase : c.gsBase;
  return a;
}
