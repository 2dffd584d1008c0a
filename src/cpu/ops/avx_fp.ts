// AVX floating-point arithmetic (Intel SDM Vol. 2 VADDPS…VSUBSD, VMINxx/VMAXxx, VSQRTxx,
// VRCPxx/VRSQRTxx, VADDSUBPx, VHADDPx/VHSUBPx, VDPPS/VDPPD, VROUNDxx, VCMPxx with the 32 VEX
// predicates (Table 3-1 "Comparison Predicate for CMPPD and CMPPS"), VCOMISx/VUCOMISx, VTESTPS/PD,
// VPTEST; Vol. 1 §11.5 exceptions). The packed and scalar arithmetic runs the legacy SSE handlers
// per 128-bit lane through the adapter (same rounding, MXCSR flags, DAZ/FTZ and NaN rules, already
// proven against the host); VEX scalar forms take bits 127:32/64 from vvvv and zero 255:128.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { setFlags, STATUS, CF, ZF } from '../flags.js';
import * as F from './sse_fp.js';
import { MX_IE, MX_DE, MX_DAZ, isNaN32, isNaN64, isDen32, isDen64 } from './sse_softfp.js';
import { VB, VR, copyA, VA, loadVW, loadVW32, loadVW64, noV, sse2, sse3, sseScalar, storeVR } from './avx_operand.js';

// ---- arithmetic (add/sub/mul/div/sqrt/min/max are in avx_arith.ts) -------------------------------------------

/** VRSQRTPS. */
export function opVrsqrtpsVxWx(c: Cpu, i: Insn): void { sse2(c, i, F.opRsqrtpsVpsWps); }
/** VRSQRTSS. */
export function opVrsqrtssVxHxWss(c: Cpu, i: Insn): void { sseScalar(c, i, F.opRsqrtssVssWss, 4); }
/** VRCPPS. */
export function opVrcppsVxWx(c: Cpu, i: Insn): void { sse2(c, i, F.opRcppsVpsWps); }
/** VRCPSS. */
export function opVrcpssVxHxWss(c: Cpu, i: Insn): void { sseScalar(c, i, F.opRcpssVssWss, 4); }
/** VADDSUBPS. */
export function opVaddsubpsVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, F.opAddsubpsVpsWps); }
/** VADDSUBPD. */
export function opVaddsubpdVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, F.opAddsubpdVpdWpd); }
/** VHADDPS (per 128-bit lane). */
export function opVhaddpsVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, F.opHaddpsVpsWps); }
/** VHADDPD. */
export function opVhaddpdVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, F.opHaddpdVpdWpd); }
/** VHSUBPS. */
export function opVhsubpsVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, F.opHsubpsVpsWps); }
/** VHSUBPD. */
export function opVhsubpdVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, F.opHsubpdVpdWpd); }
/** VDPPS (per 128-bit lane, same imm8). */
export function opVdppsVxHxWxIb(c: Cpu, i: Insn): void { sse3(c, i, F.opDppsVpsWpsIb); }
/** VDPPD xmm1, xmm2, xmm3/m128, imm8 (VEX.128 only). */
export function opVdppdVxHxWxIb(c: Cpu, i: Insn): void { sse3(c, i, F.opDppdVpdWpdIb); }
/** VROUNDPS xmm1/ymm1, xmm2/m128 | ymm2/m256, imm8. */
export function opVroundpsVxWxIb(c: Cpu, i: Insn): void { sse2(c, i, F.opRoundpsVpsWpsIb); }
/** VROUNDPD. */
export function opVroundpdVxWxIb(c: Cpu, i: Insn): void { sse2(c, i, F.opRoundpdVpdWpdIb); }
/** VROUNDSS xmm1, xmm2, xmm3/m32, imm8. */
export function opVroundssVxHxWssIb(c: Cpu, i: Insn): void { sseScalar(c, i, F.opRoundssVssWssIb, 4); }
/** VROUNDSD xmm1, xmm2, xmm3/m64, imm8. */
export function opVroundsdVxHxWsdIb(c: Cpu, i: Insn): void { sseScalar(c, i, F.opRoundsdVsdWsdIb, 8); }

// ---- COMIS / UCOMIS (VEX.LIG): same as the legacy forms, vvvv must be 1111b -------------------------

/** VCOMISS xmm1, xmm2/m32. */
export function opVcomissVxWss(c: Cpu, i: Insn): void { noV(c, i); F.opComissVssWss(c, i); }
/** VUCOMISS xmm1, xmm2/m32. */
export function opVucomissVxWss(c: Cpu, i: Insn): void { noV(c, i); F.opUcomissVssWss(c, i); }
/** VCOMISD xmm1, xmm2/m64. */
export function opVcomisdVxWsd(c: Cpu, i: Insn): void { noV(c, i); F.opComisdVsdWsd(c, i); }
/** VUCOMISD xmm1, xmm2/m64. */
export function opVucomisdVxWsd(c: Cpu, i: Insn): void { noV(c, i); F.opUcomisdVsdWsd(c, i); }

// ---- VCMPxx: 32 predicates ------------------------------------------------------------------------

/*
 * Predicate p (imm8[4:0]) as a truth mask over the four outcomes (bit 0 less, 1 equal, 2 greater,
 * 3 unordered) and whether a QNaN operand signals IE. p and p + 16 share the relation with the
 * signalling flipped; 8-15 are the negated/unordered variants (EQ_UQ, NGE, NGT, FALSE, NEQ_OQ, GE,
 * GT, TRUE).
 */
const TRUTH = new Uint8Array([
  0b0010, 0b0001, 0b0011, 0b1000, 0b1101, 0b1110, 0b1100, 0b0111,
  0b1010, 0b1001, 0b1011, 0b0000, 0b0101, 0b0110, 0b0100, 0b1111,
]);
/** 1 when the predicate signals on QNaN (the _S and ordered LT/LE/GT/GE forms). */
const SIGNALS = new Uint8Array(32);
for (let p = 0; p < 32; p++) {
  const s = (p & 3) === 1 || (p & 3) === 2 ? 1 : 0;
  SIGNALS[p] = p < 16 ? s : s ^ 1;
}

const L = new Int32Array(4);
const LF32 = new Float32Array(L.buffer);
const LF64 = new Float64Array(L.buffer);

/** Outcome bit of a float32 compare (1 lt, 2 eq, 4 gt, 8 unordered), raising IE/DE as the predicate says. */
function rel32(c: Cpu, p: number, ab: number, bb: number): number {
  const an = isNaN32(ab);
  const bn = isNaN32(bb);
  if (an || bn) {
    if ((an && (ab & 0x400000) === 0) || (bn && (bb & 0x400000) === 0) || SIGNALS[p]) c.mxcsr |= MX_IE;
    return 8;
  }
  if (isDen32(ab)) { if (c.mxcsr & MX_DAZ) ab &= 0x80000000; else c.mxcsr |= MX_DE; }
  if (isDen32(bb)) { if (c.mxcsr & MX_DAZ) bb &= 0x80000000; else c.mxcsr |= MX_DE; }
  L[0] = ab;
  L[1] = bb;
  return LF32[0] < LF32[1] ? 1 : LF32[0] === LF32[1] ? 2 : 4;
}

function rel64(c: Cpu, p: number, aLo: number, aHi: number, bLo: number, bHi: number): number {
  const an = isNaN64(aLo, aHi);
  const bn = isNaN64(bLo, bHi);
  if (an || bn) {
    if ((an && (aHi & 0x80000) === 0) || (bn && (bHi & 0x80000) === 0) || SIGNALS[p]) c.mxcsr |= MX_IE;
    return 8;
  }
  if (isDen64(aLo, aHi)) { if (c.mxcsr & MX_DAZ) { aLo = 0; aHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  if (isDen64(bLo, bHi)) { if (c.mxcsr & MX_DAZ) { bLo = 0; bHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  L[0] = aLo; L[1] = aHi; L[2] = bLo; L[3] = bHi;
  return LF64[0] < LF64[1] ? 1 : LF64[0] === LF64[1] ? 2 : 4;
}

/** VCMPPS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256, imm8. */
export function opVcmppsVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  const p = i.imm & 31;
  const t = TRUTH[p & 15];
  for (let k = 0; k < n; k++) VR[k] = t & rel32(c, p, VA[k], VB[k]) ? -1 : 0;
  storeVR(c, i.reg, n);
}

/** VCMPPD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256, imm8. */
export function opVcmppdVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  const p = i.imm & 31;
  const t = TRUTH[p & 15];
  for (let k = 0; k < n; k += 2) VR[k] = VR[k + 1] = t & rel64(c, p, VA[k], VA[k + 1], VB[k], VB[k + 1]) ? -1 : 0;
  storeVR(c, i.reg, n);
}

/** VCMPSS xmm1, xmm2, xmm3/m32, imm8. */
export function opVcmpssVxHxWssIb(c: Cpu, i: Insn): void {
  loadVW32(c, i);
  copyA(c, i.vvvv, 4);
  const p = i.imm & 31;
  VR[0] = TRUTH[p & 15] & rel32(c, p, VA[0], VB[0]) ? -1 : 0;
  VR[1] = VA[1]; VR[2] = VA[2]; VR[3] = VA[3];
  storeVR(c, i.reg, 4);
}

/** VCMPSD xmm1, xmm2, xmm3/m64, imm8. */
export function opVcmpsdVxHxWsdIb(c: Cpu, i: Insn): void {
  loadVW64(c, i);
  copyA(c, i.vvvv, 4);
  const p = i.imm & 31;
  VR[0] = VR[1] = TRUTH[p & 15] & rel64(c, p, VA[0], VA[1], VB[0], VB[1]) ? -1 : 0;
  VR[2] = VA[2]; VR[3] = VA[3];
  storeVR(c, i.reg, 4);
}

// ---- VTESTPS / VTESTPD / VPTEST ---------------------------------------------------------------------

/** Sets ZF/CF from the AND and ANDN reductions; AF, OF, PF, SF cleared. */
function testFlags(c: Cpu, and: number, andn: number): void {
  setFlags(c, (c.fBits & ~STATUS) | (and === 0 ? ZF : 0) | (andn === 0 ? CF : 0));
}

/** VPTEST xmm1/ymm1, xmm2/m128 | ymm2/m256: ZF = (reg & W) == 0, CF = (~reg & W) == 0. */
export function opVptestVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  let and = 0;
  let andn = 0;
  for (let k = 0; k < n; k++) { and |= x[d + k] & VB[k]; andn |= ~x[d + k] & VB[k]; }
  testFlags(c, and, andn);
}

/** VTESTPS: as VPTEST on the dword sign bits only. */
export function opVtestpsVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  let and = 0;
  let andn = 0;
  for (let k = 0; k < n; k++) { and |= x[d + k] & VB[k]; andn |= ~x[d + k] & VB[k]; }
  testFlags(c, and & 0x80000000, andn & 0x80000000);
}

/** VTESTPD: as VPTEST on the qword sign bits only. */
export function opVtestpdVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  let and = 0;
  let andn = 0;
  for (let k = 1; k < n; k += 2) { and |= x[d + k] & VB[k]; andn |= ~x[d + k] & VB[k]; }
  testFlags(c, and & 0x80000000, andn & 0x80000000);
}
