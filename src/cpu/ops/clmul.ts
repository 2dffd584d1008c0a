// PCLMULQDQ and VPCLMULQDQ (VEX.128) (Intel SDM Vol. 2B "PCLMULQDQ"): carry-less (GF(2)[x])
// multiplication of one qword of each operand into a 128-bit product. imm8[0] selects the qword
// of the first source (xmm1, or VEX.vvvv), imm8[4] that of xmm2/m128 (legacy m128: 16-byte
// aligned; VEX: any alignment, bits 255:128 of the destination zeroed); other imm8 bits ignored.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { S, T, loadW, loadWU, storeX } from './sse_operand.js';

/** High dword of the last clmul32. */
let CHI = 0;

/** Carry-less 32x32 → 64 product: returns the low dword, leaves the high dword in CHI. */
function clmul32(a: number, b: number): number {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < 32; k++) {
    if ((b >>> k) & 1) {
      lo ^= a << k;
      if (k !== 0) hi ^= a >>> (32 - k);
    }
  }
  CHI = hi;
  return lo;
}

/** Four 32x32 partial products combined by XOR; the first source is XMM `src1`. */
function clmul(c: Cpu, i: Insn, src1: number, vex: boolean): void {
  if (vex) loadWU(c, i); else loadW(c, i);
  const x = c.xmm;
  const d = (src1 << 3) + ((i.imm & 1) !== 0 ? 2 : 0);
  const so = (i.imm & 0x10) !== 0 ? 2 : 0;
  const a0 = x[d], a1 = x[d + 1];
  const b0 = S[so], b1 = S[so + 1];
  const p0 = clmul32(a0, b0), p0h = CHI;
  const p1 = clmul32(a1, b1), p1h = CHI;
  const m0 = clmul32(a0, b1), m0h = CHI;
  const m1 = clmul32(a1, b0), m1h = CHI;
  // (a1·x^32 + a0)(b1·x^32 + b0) = p1·x^64 + (a0b1 + a1b0)·x^32 + p0
  T[0] = p0;
  T[1] = p0h ^ m0 ^ m1;
  T[2] = p1 ^ m0h ^ m1h;
  T[3] = p1h;
  storeX(c, i.reg, T);
  if (vex) {
    const o = (i.reg << 3) + 4;
    x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0;
  }
}

/** PCLMULQDQ xmm1, xmm2/m128, imm8. */
export function opPclmulqdqVdqWdqIb(c: Cpu, i: Insn): void { clmul(c, i, i.reg, false); }
/** VPCLMULQDQ xmm1, xmm2, xmm3/m128, imm8 (VEX.128). */
export function opVpclmulqdqVdqHdqWdqIb(c: Cpu, i: Insn): void { clmul(c, i, i.vvvv, true); }
