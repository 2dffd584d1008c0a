// SSSE3 and SSE4.1/4.2 packed-integer arithmetic (Intel SDM Vol. 2 PABSx, PHADDx/PHSUBx, PMADDUBSW,
// PMULHRSW, PSIGNx, PMULLD, PMULDQ, PCMPEQQ, PCMPGTQ, PMINxD/PMAXxD, PTEST, PHMINPOSUW, MPSADBW).
// The legacy-SSE (XMM) encodings only: the MMX forms of the SSSE3 instructions are not provided.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { setFlags, STATUS, CF, ZF } from '../flags.js';
import { S, SU8, SI8, SU16, SI16, T, TU16, D, DU8, DI16, loadW, loadD, storeX } from './sse_operand.js';
import { mulS32, mulHi } from './sse_int.js';

// ---- absolute value and sign ----------------------------------------------------------------

/** PABSB xmm1, xmm2/m128 (|-128| stays 0x80). */
export function opPabsbVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU8;
  const d = i.reg << 5;
  for (let k = 0; k < 16; k++) u[d + k] = Math.abs(SI8[k]);
}

/** PABSW xmm1, xmm2/m128. */
export function opPabswVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU16;
  const d = i.reg << 4;
  for (let k = 0; k < 8; k++) u[d + k] = Math.abs(SI16[k]);
}

/** PABSD xmm1, xmm2/m128. */
export function opPabsdVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) x[d + k] = Math.abs(S[k]);
}

/** PSIGNB xmm1, xmm2/m128: negate, zero or keep each byte by the source's sign. */
export function opPsignbVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU8;
  const d = i.reg << 5;
  for (let k = 0; k < 16; k++) { const s = SI8[k]; if (s < 0) u[d + k] = -u[d + k]; else if (s === 0) u[d + k] = 0; }
}

/** PSIGNW xmm1, xmm2/m128. */
export function opPsignwVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU16;
  const d = i.reg << 4;
  for (let k = 0; k < 8; k++) { const s = SI16[k]; if (s < 0) u[d + k] = -u[d + k]; else if (s === 0) u[d + k] = 0; }
}

/** PSIGND xmm1, xmm2/m128. */
export function opPsigndVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) { const s = S[k]; if (s < 0) x[d + k] = -x[d + k]; else if (s === 0) x[d + k] = 0; }
}

// ---- horizontal add / subtract --------------------------------------------------------------

function satW(v: number): number { return v > 32767 ? 32767 : v < -32768 ? -32768 : v; }

/** PHADDW/PHSUBW/PHADDSW/PHSUBSW: pairs of dst words, then pairs of src words. */
function hwords(c: Cpu, i: Insn, sub: boolean, sat: boolean): void {
  loadW(c, i);
  loadD(c, i.reg);
  for (let k = 0; k < 4; k++) {
    let a = sub ? DI16[2 * k] - DI16[2 * k + 1] : DI16[2 * k] + DI16[2 * k + 1];
    let b = sub ? SI16[2 * k] - SI16[2 * k + 1] : SI16[2 * k] + SI16[2 * k + 1];
    if (sat) { a = satW(a); b = satW(b); }
    TU16[k] = a; TU16[k + 4] = b;
  }
  storeX(c, i.reg, T);
}

/** PHADDD/PHSUBD. */
function hdwords(c: Cpu, i: Insn, sub: boolean): void {
  loadW(c, i);
  loadD(c, i.reg);
  T[0] = sub ? D[0] - D[1] : D[0] + D[1];
  T[1] = sub ? D[2] - D[3] : D[2] + D[3];
  T[2] = sub ? S[0] - S[1] : S[0] + S[1];
  T[3] = sub ? S[2] - S[3] : S[2] + S[3];
  storeX(c, i.reg, T);
}

/** PHADDW xmm1, xmm2/m128. */
export function opPhaddwVdqWdq(c: Cpu, i: Insn): void { hwords(c, i, false, false); }
/** PHADDSW xmm1, xmm2/m128. */
export function opPhaddswVdqWdq(c: Cpu, i: Insn): void { hwords(c, i, false, true); }
/** PHSUBW xmm1, xmm2/m128. */
export function opPhsubwVdqWdq(c: Cpu, i: Insn): void { hwords(c, i, true, false); }
/** PHSUBSW xmm1, xmm2/m128. */
export function opPhsubswVdqWdq(c: Cpu, i: Insn): void { hwords(c, i, true, true); }
/** PHADDD xmm1, xmm2/m128. */
export function opPhadddVdqWdq(c: Cpu, i: Insn): void { hdwords(c, i, false); }
/** PHSUBD xmm1, xmm2/m128. */
export function opPhsubdVdqWdq(c: Cpu, i: Insn): void { hdwords(c, i, true); }

// ---- multiplies -----------------------------------------------------------------------------

/** PMADDUBSW xmm1, xmm2/m128: unsigned dst bytes × signed src bytes, pair sums saturated to words. */
export function opPmaddubswVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  loadD(c, i.reg);
  for (let k = 0; k < 8; k++) TU16[k] = satW(DU8[2 * k] * SI8[2 * k] + DU8[2 * k + 1] * SI8[2 * k + 1]);
  storeX(c, i.reg, T);
}

/** PMULHRSW xmm1, xmm2/m128: rounded high half of the scaled signed product. */
export function opPmulhrswVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU16;
  const d = i.reg << 4;
  for (let k = 0; k < 8; k++) u[d + k] = ((((u[d + k] << 16) >> 16) * SI16[k] >> 14) + 1) >> 1;
}

/** PMULLD xmm1, xmm2/m128 (SSE4.1): low dword of the product. */
export function opPmulldVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) x[d + k] = Math.imul(x[d + k], S[k]);
}

/** PMULDQ xmm1, xmm2/m128 (SSE4.1): signed dword lanes 0 and 2 into qwords. */
export function opPmuldqVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = mulS32(x[d], S[0]); x[d + 1] = mulHi();
  x[d + 2] = mulS32(x[d + 2], S[2]); x[d + 3] = mulHi();
}

// ---- compares and min/max -------------------------------------------------------------------

/** PCMPEQQ xmm1, xmm2/m128 (SSE4.1). */
export function opPcmpeqqVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k += 2) x[d + k] = x[d + k + 1] = x[d + k] === S[k] && x[d + k + 1] === S[k + 1] ? -1 : 0;
}

/** PCMPGTQ xmm1, xmm2/m128 (SSE4.2): signed 64-bit greater-than. */
export function opPcmpgtqVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k += 2) {
    const ah = x[d + k + 1];
    const bh = S[k + 1];
    const gt = ah > bh || (ah === bh && (x[d + k] >>> 0) > (S[k] >>> 0));
    x[d + k] = x[d + k + 1] = gt ? -1 : 0;
  }
}

/** PMINSD/PMAXSD/PMINUD/PMAXUD. */
function minmaxD(c: Cpu, i: Insn, max: boolean, unsigned: boolean): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) {
    const a = unsigned ? x[d + k] >>> 0 : x[d + k];
    const b = unsigned ? S[k] >>> 0 : S[k];
    if (max ? b > a : b < a) x[d + k] = S[k];
  }
}

/** PMINSD xmm1, xmm2/m128 (SSE4.1). */
export function opPminsdVdqWdq(c: Cpu, i: Insn): void { minmaxD(c, i, false, false); }
/** PMAXSD xmm1, xmm2/m128 (SSE4.1). */
export function opPmaxsdVdqWdq(c: Cpu, i: Insn): void { minmaxD(c, i, true, false); }
/** PMINUD xmm1, xmm2/m128 (SSE4.1). */
export function opPminudVdqWdq(c: Cpu, i: Insn): void { minmaxD(c, i, false, true); }
/** PMAXUD xmm1, xmm2/m128 (SSE4.1). */
export function opPmaxudVdqWdq(c: Cpu, i: Insn): void { minmaxD(c, i, true, true); }

// ---- PTEST, PHMINPOSUW, MPSADBW -------------------------------------------------------------

/** PTEST xmm1, xmm2/m128 (SSE4.1): ZF = (dst & src) == 0, CF = (~dst & src) == 0, others 0. */
export function opPtestVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  let and = 0;
  let andn = 0;
  for (let k = 0; k < 4; k++) { and |= x[d + k] & S[k]; andn |= ~x[d + k] & S[k]; }
  setFlags(c, (c.fBits & ~STATUS) | (and === 0 ? ZF : 0) | (andn === 0 ? CF : 0));
}

/** PHMINPOSUW xmm1, xmm2/m128 (SSE4.1): minimum unsigned word and its lowest index. */
export function opPhminposuwVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  let m = SU16[0];
  let idx = 0;
  for (let k = 1; k < 8; k++) if (SU16[k] < m) { m = SU16[k]; idx = k; }
  T[0] = m | (idx << 16); T[1] = 0; T[2] = 0; T[3] = 0;
  storeX(c, i.reg, T);
}

/** MPSADBW xmm1, xmm2/m128, imm8 (SSE4.1): eight 4-byte SADs at sliding dst offsets. */
export function opMpsadbwVdqWdqIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  loadD(c, i.reg);
  const dOff = i.imm & 4;
  const sOff = (i.imm & 3) * 4;
  for (let k = 0; k < 8; k++) {
    let sum = 0;
    for (let j = 0; j < 4; j++) sum += Math.abs(DU8[dOff + k + j] - SU8[sOff + j]);
    TU16[k] = sum;
  }
  storeX(c, i.reg, T);
}
