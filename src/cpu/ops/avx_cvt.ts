// AVX conversions and F16C (Intel SDM Vol. 2 VCVTSI2SS/SD, VCVT[T]SS2SI/SD2SI, VCVTSS2SD,
// VCVTSD2SS, VCVTPS2PD, VCVTPD2PS, VCVTDQ2PS, VCVT[T]PS2DQ, VCVTDQ2PD, VCVT[T]PD2DQ, VCVTPH2PS,
// VCVTPS2PH; Vol. 1 §14.9 half-precision conversions, §11.5 exceptions). Float conversions reuse
// the SSE soft-float helpers (NaN quieting, DAZ/FTZ, MXCSR flags). Narrowing forms read a ymm or
// m256 source and write an xmm; widening forms read an xmm/m128 and write a ymm.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { getReg } from './operand.js';
import * as C from './sse_cvt.js';
import {
  MX_IE, MX_DE, MX_OE, MX_UE, MX_PE, MX_DAZ, RC_RNE, RC_RD, RC_RU, RC_RZ, OUT, i32ToF32, i64ToF32, i64ToF64, f32ToF64,
  f64ToF32, f64ToInt, put64,
} from './sse_softfp.js';
import { VB, VBU16, VR, VRU16, loadVW, loadVW64, loadVW128, noV, sse2, sseScalar, storeVR, wrV } from './avx_operand.js';

// ---- scalar integer ↔ float --------------------------------------------------------------------------

/** Reads the Ey source (r/m32, or r/m64 with VEX.W1): low dword returned, high dword in c.hi. */
function readEy(c: Cpu, i: Insn, w: boolean): number {
  if (i.isMem) {
    const m = c.mem;
    const a = ea(c, i);
    if (w) { const lo = m.read64(a); c.hi = m.hi; return lo; }
    c.hi = 0;
    return m.read32(a);
  }
  return getReg(c, i.rm, w ? 8 : 4);
}

/** Copies vvvv's low 128 bits into VR. */
function baseV(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const v = i.vvvv << 3;
  VR[0] = x[v]; VR[1] = x[v + 1]; VR[2] = x[v + 2]; VR[3] = x[v + 3];
}

/** VCVTSI2SS xmm1, xmm2, r/m32 | r/m64 (VEX.W1). */
export function opVcvtsi2ssVxHxEy(c: Cpu, i: Insn): void {
  const w = (i.rex & 8) !== 0;
  const lo = readEy(c, i, w);
  const r = w ? i64ToF32(c, lo, c.hi) : i32ToF32(c, lo);
  baseV(c, i);
  VR[0] = r;
  storeVR(c, i.reg, 4);
}

/** VCVTSI2SD xmm1, xmm2, r/m32 | r/m64 (VEX.W1). */
export function opVcvtsi2sdVxHxEy(c: Cpu, i: Insn): void {
  const w = (i.rex & 8) !== 0;
  const lo = readEy(c, i, w);
  if (w) i64ToF64(c, lo, c.hi); else put64(lo);
  baseV(c, i);
  VR[0] = OUT[0]; VR[1] = OUT[1];
  storeVR(c, i.reg, 4);
}

/** VCVTSS2SI r32/r64, xmm1/m32. */
export function opVcvtss2siGyWss(c: Cpu, i: Insn): void { noV(c, i); C.opCvtss2siGyWss(c, i); }
/** VCVTTSS2SI r32/r64, xmm1/m32. */
export function opVcvttss2siGyWss(c: Cpu, i: Insn): void { noV(c, i); C.opCvttss2siGyWss(c, i); }
/** VCVTSD2SI r32/r64, xmm1/m64. */
export function opVcvtsd2siGyWsd(c: Cpu, i: Insn): void { noV(c, i); C.opCvtsd2siGyWsd(c, i); }
/** VCVTTSD2SI r32/r64, xmm1/m64. */
export function opVcvttsd2siGyWsd(c: Cpu, i: Insn): void { noV(c, i); C.opCvttsd2siGyWsd(c, i); }

// ---- scalar float ↔ float -------------------------------------------------------------------------------

/** VCVTSS2SD xmm1, xmm2, xmm3/m32. */
export function opVcvtss2sdVxHxWss(c: Cpu, i: Insn): void { sseScalar(c, i, C.opCvtss2sdVsdWss, 4); }
/** VCVTSD2SS xmm1, xmm2, xmm3/m64. */
export function opVcvtsd2ssVxHxWsd(c: Cpu, i: Insn): void { sseScalar(c, i, C.opCvtsd2ssVssWsd, 8); }

// ---- packed -------------------------------------------------------------------------------------------

/** VCVTDQ2PS xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVcvtdq2psVxWx(c: Cpu, i: Insn): void { sse2(c, i, C.opCvtdq2psVpsWdq); }
/** VCVTPS2DQ. */
export function opVcvtps2dqVxWx(c: Cpu, i: Insn): void { sse2(c, i, C.opCvtps2dqVdqWps); }
/** VCVTTPS2DQ. */
export function opVcvttps2dqVxWx(c: Cpu, i: Insn): void { sse2(c, i, C.opCvttps2dqVdqWps); }

/** Loads the half-width source of a widening conversion: m64/xmm (VEX.128) or m128/xmm (VEX.256). */
function loadHalf(c: Cpu, i: Insn): number {
  if (i.vexL) { loadVW128(c, i); return 8; }
  loadVW64(c, i);
  return 4;
}

/** VCVTPS2PD xmm1, xmm2/m64 | ymm1, xmm2/m128. */
export function opVcvtps2pdVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadHalf(c, i);
  for (let k = 0; k < n >> 1; k++) {
    f32ToF64(c, VB[k]);
    VR[2 * k] = OUT[0]; VR[2 * k + 1] = OUT[1];
  }
  storeVR(c, i.reg, n);
}

/** VCVTDQ2PD xmm1, xmm2/m64 | ymm1, xmm2/m128 (exact). */
export function opVcvtdq2pdVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadHalf(c, i);
  for (let k = 0; k < n >> 1; k++) {
    put64(VB[k]);
    VR[2 * k] = OUT[0]; VR[2 * k + 1] = OUT[1];
  }
  storeVR(c, i.reg, n);
}

/** VCVTPD2PS xmm1, xmm2/m128 | xmm1, ymm2/m256: the result fills the low 64/128 bits, the rest zeroed. */
export function opVcvtpd2psVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  for (let k = 0; k < 4; k++) VR[k] = 0;
  for (let k = 0; k < n >> 1; k++) VR[k] = f64ToF32(c, VB[2 * k], VB[2 * k + 1]);
  storeVR(c, i.reg, 4);
}

function pd2dq(c: Cpu, i: Insn, trunc: boolean): void {
  noV(c, i);
  const n = loadVW(c, i);
  const rc = trunc ? RC_RZ : (c.mxcsr >> 13) & 3;
  for (let k = 0; k < 4; k++) VR[k] = 0;
  for (let k = 0; k < n >> 1; k++) VR[k] = f64ToInt(c, VB[2 * k], VB[2 * k + 1], rc, false);
  storeVR(c, i.reg, 4);
}

/** VCVTPD2DQ xmm1, xmm2/m128 | xmm1, ymm2/m256. */
export function opVcvtpd2dqVxWx(c: Cpu, i: Insn): void { pd2dq(c, i, false); }
/** VCVTTPD2DQ xmm1, xmm2/m128 | xmm1, ymm2/m256. */
export function opVcvttpd2dqVxWx(c: Cpu, i: Insn): void { pd2dq(c, i, true); }

// ---- F16C ---------------------------------------------------------------------------------------------

const G = new Float32Array(1);
const GI = new Int32Array(G.buffer);

/**
 * Half → single (exact): NaNs keep their payload and are quieted (an SNaN signals IE); half
 * denormals become normal singles. MXCSR.DAZ does not apply to half inputs.
 */
function h2f(c: Cpu, h: number): number {
  const s = (h & 0x8000) << 16;
  const e = (h >> 10) & 31;
  const m = h & 0x3ff;
  if (e === 31) {
    if (m === 0) return s | 0x7f800000;
    if ((m & 0x200) === 0) c.mxcsr |= MX_IE;
    return s | 0x7fc00000 | (m << 13);
  }
  if (e === 0) {
    if (m === 0) return s;
    G[0] = m * 5.960464477539063e-8; // m * 2^-24, exact
    return s | GI[0];
  }
  return s | ((e + 112) << 23) | (m << 13);
}

/** VCVTPH2PS xmm1, xmm2/m64 | ymm1, xmm2/m128. */
export function opVcvtph2psVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadHalf(c, i);
  for (let k = n - 1; k >= 0; k--) VR[k] = h2f(c, VBU16[k]);
  storeVR(c, i.reg, n);
}

/** Rounds the non-negative m (a multiple of 2^-k for small k, exact in double) to an integer by rc for sign neg. */
function rint(m: number, rc: number, neg: boolean): number {
  const f = Math.floor(m);
  const r = m - f;
  if (r === 0) return f;
  switch (rc) {
    case RC_RNE: return r > 0.5 || (r === 0.5 && f % 2 !== 0) ? f + 1 : f;
    case RC_RD: return neg ? f + 1 : f;
    case RC_RU: return neg ? f : f + 1;
    default: return f;
  }
}

/** 2^k for -150 <= k <= 150 (exact). */
function pow2(k: number): number {
  return Math.pow(2, k);
}

/**
 * Single → half bits with rounding control rc (VCVTPS2PH): IE for SNaN (quieted), DE for a denormal
 * input (zero under DAZ), OE/UE/PE as SSE reports them: overflow and tininess judged after rounding
 * with an unbounded exponent.
 */
function f2h(c: Cpu, b: number, rc: number): number {
  const s = (b >>> 16) & 0x8000;
  const e = (b >>> 23) & 0xff;
  let m = b & 0x7fffff;
  if (e === 255) {
    if (m === 0) return s | 0x7c00;
    if ((m & 0x400000) === 0) c.mxcsr |= MX_IE;
    return s | 0x7e00 | (m >>> 13);
  }
  let ex: number; // unbiased exponent of the leading bit
  if (e === 0) {
    if (m === 0) return s;
    if (c.mxcsr & MX_DAZ) return s;
    c.mxcsr |= MX_DE;
    ex = 31 - Math.clz32(m) - 149;
  } else {
    m |= 0x800000;
    ex = e - 127;
  }
  // Value = m * 2^(e0) with e0 = (e === 0 ? -149 : e - 150).
  const e0 = e === 0 ? -149 : e - 150;
  const neg = s !== 0;
  // Unbounded-exponent rounding to 11 significant bits: quantum 2^(ex - 10).
  const mu = rint(m * pow2(e0 - (ex - 10)), rc, neg);
  const ru = mu * pow2(ex - 10);
  const inexact = mu * pow2(ex - 10) !== m * pow2(e0);
  let fl = inexact ? MX_PE : 0;
  if (ru > 65504) {
    c.mxcsr |= fl | MX_OE | MX_PE;
    const inf = rc === RC_RNE || (rc === RC_RU && !neg) || (rc === RC_RD && neg);
    return s | (inf ? 0x7c00 : 0x7bff);
  }
  let q: number; // the final quantum: subnormal grid below 2^-14
  if (ex < -14) {
    const md = rint(m * pow2(e0 + 24), rc, neg); // multiples of 2^-24
    q = md;
    const exact = md * 5.960464477539063e-8 === m * pow2(e0);
    fl = exact ? 0 : MX_PE;
    if (ru < 6.103515625e-5 && !exact) fl |= MX_UE; // tiny after rounding, and inexact
    if (fl !== 0) c.mxcsr |= fl;
    return s | q; // md <= 1024: 1024 is the smallest normal's encoding (0x0400)
  }
  if (fl !== 0) c.mxcsr |= fl;
  // Normal: ru = mu * 2^(ex-10) with mu in [1024, 2048].
  let em = ex;
  let mm = mu;
  if (mm === 2048) { mm = 1024; em += 1; }
  return s | ((em + 15) << 10) | (mm - 1024);
}

/** VCVTPS2PH xmm1/m64, xmm2, imm8 | xmm1/m128, ymm2, imm8: imm8[2] selects MXCSR.RC, else imm8[1:0]. */
export function opVcvtps2phWxVxIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = i.vexL ? 8 : 4;
  const rc = i.imm & 4 ? (c.mxcsr >> 13) & 3 : i.imm & 3;
  const x = c.xmm;
  const s = i.reg << 3;
  for (let k = 0; k < 8; k++) VR[k] = 0;
  for (let k = 0; k < n; k++) VRU16[k] = f2h(c, x[s + k], rc);
  if (i.isMem) {
    const a = ea(c, i);
    if (n === 8) wrV(c, a, VR, 0, 4); else c.mem.write64(a, VR[0], VR[1]);
    return;
  }
  storeVR(c, i.rm, 4);
}
