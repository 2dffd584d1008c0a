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
  MX_IE, MX_DE, MX_OE, MX_UE, MX_PE, MX_DAZ, RC_RNE, RC_RD, RC_RU, RC_RZ, MIN32, MAX32, OUT, i32ToF32, i64ToF32,
  i64ToF64, f32ToF64, f64ToF32, f32ToInt, f64ToInt, put64,
} from './sse_softfp.js';
import { VB, VBU16, VR, VRU16, loadVW, loadVW64, loadVW128, noV, storeVR, wrV } from './avx_operand.js';

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

/** VCVTSS2SD xmm1, xmm2, xmm3/m32: exact unless NaN, denormal (DE, DAZ). */
export function opVcvtss2sdVxHxWss(c: Cpu, i: Insn): void {
  const b = i.isMem ? c.mem.read32(ea(c, i)) : c.xmm[i.rm << 3];
  baseV(c, i);
  const e = b & 0x7f800000;
  if (e !== 0 && e !== 0x7f800000) {
    GI[0] = b;
    VRF64[0] = G[0]; // normal: exact
  } else {
    f32ToF64(c, b);
    VR[0] = OUT[0]; VR[1] = OUT[1];
  }
  storeVR(c, i.reg, 4);
}

/** VCVTSD2SS xmm1, xmm2, xmm3/m64: rounded by MXCSR. */
export function opVcvtsd2ssVxHxWsd(c: Cpu, i: Insn): void {
  let lo: number;
  let hi: number;
  if (i.isMem) { lo = c.mem.read64(ea(c, i)); hi = c.mem.hi; } else { const o = i.rm << 3; lo = c.xmm[o]; hi = c.xmm[o + 1]; }
  baseV(c, i);
  let r = 0;
  let done = false;
  if ((c.mxcsr | 0x805f) === 0x9fff) {
    // Default MXCSR with PE set: Math.fround is the rounding; only a normal result needs no flags.
    H[0] = lo; H[1] = hi;
    const f = Math.fround(HF[0]);
    const m = Math.abs(f);
    if ((m > MIN32 && m <= MAX32) || HF[0] === 0) { G[0] = f; r = GI[0]; done = true; }
  }
  VR[0] = done ? r : f64ToF32(c, lo, hi);
  storeVR(c, i.reg, 4);
}

const H = new Int32Array(2);
const HF = new Float64Array(H.buffer);
const VRF64 = new Float64Array(VR.buffer);

// ---- packed -------------------------------------------------------------------------------------------

/** VCVTDQ2PS xmm1/ymm1, xmm2/m128 | ymm2/m256: rounded by MXCSR.RC (exact below 2^24). */
export function opVcvtdq2psVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const fast = (c.mxcsr | 0x805f) === 0x9fff;
  const F = VRF32;
  for (let k = 0; k < n; k++) {
    const v = VB[k];
    if (fast || (v <= 16777216 && v >= -16777216)) F[k] = v; // exact, or nearest with PE already set
    else VR[k] = i32ToF32(c, v);
  }
  storeVR(c, i.reg, n);
}

/** VCVTPS2DQ/VCVTTPS2DQ: in range with default MXCSR (PE set) → nearest-even or truncation inline. */
function ps2dq(c: Cpu, i: Insn, trunc: boolean): void {
  noV(c, i);
  const n = loadVW(c, i);
  const fast = (c.mxcsr | 0x805f) === 0x9fff;
  const rc = trunc ? RC_RZ : (c.mxcsr >> 13) & 3;
  for (let k = 0; k < n; k++) {
    const b = VB[k];
    if (fast) {
      GI[0] = b;
      const x = G[0];
      if (x > -2147483648.5 && x < 2147483647.5) {
        // 2^52 + 2^51 added and removed rounds to nearest even (|x| < 2^31 here).
        const r = trunc ? Math.trunc(x) : (x + 6755399441055744) - 6755399441055744;
        if (r >= -2147483648 && r <= 2147483647) { VR[k] = r; continue; }
      }
    }
    VR[k] = f32ToInt(c, b, rc, false);
  }
  storeVR(c, i.reg, n);
}

/** VCVTPS2DQ xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVcvtps2dqVxWx(c: Cpu, i: Insn): void { ps2dq(c, i, false); }
/** VCVTTPS2DQ xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVcvttps2dqVxWx(c: Cpu, i: Insn): void { ps2dq(c, i, true); }

const VRF32 = new Float32Array(VR.buffer);

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

/** Whether an integer magnitude q with discarded bits rem (half = the weight of half a unit) rounds up. */
function roundUp(q: number, rem: number, half: number, rc: number, neg: boolean): boolean {
  if (rem === 0) return false;
  switch (rc) {
    case RC_RNE: return rem > half || (rem === half && (q & 1) === 1);
    case RC_RD: return neg;
    case RC_RU: return !neg;
    default: return false;
  }
}

/**
 * Single → half bits with rounding control rc (VCVTPS2PH), on integer significands: IE for an
 * SNaN (quieted), DE for a denormal input (zero under DAZ), OE/UE/PE as SSE reports them, with
 * overflow and tininess judged after rounding to 11 bits with an unbounded exponent.
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
  const neg = s !== 0;
  if (e === 0) {
    if (m === 0) return s;
    if (c.mxcsr & MX_DAZ) return s;
    // A single denormal (< 2^-126) is far below the half grid (2^-24): it rounds to 0 or 2^-24.
    c.mxcsr |= MX_DE | MX_UE | MX_PE;
    return s | (roundUp(0, 1, 2, rc, neg) ? 1 : 0);
  }
  m |= 0x800000; // 24-bit significand, value m * 2^(ex - 23)
  const ex = e - 127;
  // Unbounded-exponent rounding to 11 bits: keep m >> 13.
  let q = m >>> 13;
  let rem = m & 0x1fff;
  let ue = ex;
  if (roundUp(q, rem, 0x1000, rc, neg)) { q++; if (q === 2048) { q = 1024; ue++; } }
  const inexact = rem !== 0;
  if (ue > 15) {
    c.mxcsr |= MX_OE | MX_PE;
    const inf = rc === RC_RNE || (rc === RC_RU && !neg) || (rc === RC_RD && neg);
    return s | (inf ? 0x7c00 : 0x7bff);
  }
  if (ex >= -14) {
    if (inexact) c.mxcsr |= MX_PE;
    return s | ((ue + 15) << 10) | (q - 1024);
  }
  // Below 2^-14: round m onto the subnormal grid (units of 2^-24): shift out 13 + (-14 - ex) bits.
  const tiny = ue < -14;
  const sh = 13 - 14 - ex;
  if (sh >= 26) { q = 0; rem = m; } else { q = m >>> sh; rem = m - q * (1 << sh); }
  const half = sh >= 26 ? 0x1000000 : 1 << (sh - 1); // for sh >= 26, m < half
  if (roundUp(q, rem, half, rc, neg)) q++;
  if (rem !== 0) c.mxcsr |= tiny ? MX_UE | MX_PE : MX_PE;
  return s | q; // q = 1024 is the smallest normal's encoding (0x0400)
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
