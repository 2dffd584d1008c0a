// VEX add, subtract, multiply, divide, square root, minimum and maximum (Intel SDM Vol. 2
// VADDPS…VDIVSD, VSQRTxx, VMINxx/VMAXxx; Vol. 1 §11.5 exceptions): the hot path of AVX floating-
// point code (every scalar double operation of -march=x86-64-v3 code is one of these). The fast path takes JS's round-to-nearest result when MXCSR is default with PE
// already set (sse_softfp.fastMx) and the operands are not denormal and the result is normal or an
// exact zero; everything else goes to sse_softfp (NaN rules, DAZ/FTZ, rounding modes, flags), as
// the legacy SSE handlers do. Register sources are read in place through the float views; VEX.128
// and scalar forms zero bits 255:128, scalar forms take the rest of the low 128 bits from vvvv.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import {
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, MAX32, MIN32, MAX64, MIN64, MX_IE, MX_DE, MX_DAZ, OUT, f32Arith, f64Arith,
  isNaN32, isNaN64, isDen32, isDen64,
} from './sse_softfp.js';
import { VB, loadVW, loadVW32, loadVW64, noV } from './avx_operand.js';

/** (mxcsr | FAST_OR) === FAST_MX is sse_softfp.fastMx, inlined. */
const FAST_OR = 0x805f;
const FAST_MX = 0x9fff;

/** Float views of VB (memory operands are staged there). */
const VBF32 = new Float32Array(VB.buffer);
const VBF64 = new Float64Array(VB.buffer);

/*
 * No double crosses a call boundary on the fast path (V8 boxes a double passed to or returned
 * from a call it does not inline): each handler computes its lanes inline, and the fast result
 * is rejected (NaN sentinel) when an operand is denormal or the result is not normal or an exact
 * zero. An infinite or NaN operand never gives a normal result, and its zero results fail the
 * zero rule, so only denormal operands need testing besides the result.
 */

/** Packed float64: dst = vvvv op W over 2 or 4 lanes. */
function pd(c: Cpu, i: Insn, op: number): void {
  const X = c.xmm;
  const F = c.xmmF64;
  const n = i.vexL ? 4 : 2;
  const d = i.reg << 2;
  const a = i.vvvv << 2;
  let bF: Float64Array = F;
  let bI: Int32Array = X;
  let b = i.rm << 2;
  if (i.isMem) { loadVW(c, i); bF = VBF64; bI = VB; b = 0; }
  const fast = (c.mxcsr | FAST_OR) === FAST_MX;
  for (let k = 0; k < n; k++) {
    let r = NaN;
    if (fast) {
      const x = F[a + k];
      const y = bF[b + k];
      const mx = Math.abs(x);
      const my = Math.abs(y);
      if ((mx >= MIN64 || x === 0) && (my >= MIN64 || y === 0)) {
        r = op === OP_ADD ? x + y : op === OP_SUB ? x - y : op === OP_MUL ? x * y : x / y;
        const mr = Math.abs(r);
        if (!((mr > MIN64 && mr <= MAX64) || (r === 0 && (op === OP_ADD || op === OP_SUB || x === 0 || (op === OP_MUL && y === 0))))) r = NaN;
      }
    }
    if (r === r) { F[d + k] = r; continue; }
    const ai = 2 * (a + k);
    const bi = 2 * (b + k);
    f64Arith(c, op, X[ai], X[ai + 1], bI[bi], bI[bi + 1]);
    X[2 * (d + k)] = OUT[0]; X[2 * (d + k) + 1] = OUT[1];
  }
  if (n === 2) { X[2 * d + 4] = 0; X[2 * d + 5] = 0; X[2 * d + 6] = 0; X[2 * d + 7] = 0; }
}

/** Packed float32: dst = vvvv op W over 4 or 8 lanes (float32 operands are exact in double; one fround). */
function ps(c: Cpu, i: Insn, op: number): void {
  const X = c.xmm;
  const F = c.xmmF32;
  const n = i.vexL ? 8 : 4;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  let bF: Float32Array = F;
  let bI: Int32Array = X;
  let b = i.rm << 3;
  if (i.isMem) { loadVW(c, i); bF = VBF32; bI = VB; b = 0; }
  const fast = (c.mxcsr | FAST_OR) === FAST_MX;
  for (let k = 0; k < n; k++) {
    let r = NaN;
    if (fast) {
      const x = F[a + k];
      const y = bF[b + k];
      const mx = Math.abs(x);
      const my = Math.abs(y);
      if ((mx >= MIN32 || x === 0) && (my >= MIN32 || y === 0)) {
        r = Math.fround(op === OP_ADD ? x + y : op === OP_SUB ? x - y : op === OP_MUL ? x * y : x / y);
        const mr = Math.abs(r);
        if (!((mr > MIN32 && mr <= MAX32) || (r === 0 && (op === OP_ADD || op === OP_SUB || x === 0 || (op === OP_MUL && y === 0))))) r = NaN;
      }
    }
    if (r === r) { F[d + k] = r; continue; }
    X[d + k] = f32Arith(c, op, X[a + k], bI[b + k]);
  }
  if (n === 4) { X[d + 4] = 0; X[d + 5] = 0; X[d + 6] = 0; X[d + 7] = 0; }
}

/** Scalar float64: dst[63:0] = vvvv[63:0] op W[63:0], dst[127:64] = vvvv[127:64]. */
function sd(c: Cpu, i: Insn, op: number): void {
  const X = c.xmm;
  const F = c.xmmF64;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  let bF: Float64Array = F;
  let bI: Int32Array = X;
  let b = i.rm << 3;
  if (i.isMem) { loadVW64(c, i); bF = VBF64; bI = VB; b = 0; }
  let r = NaN;
  if ((c.mxcsr | FAST_OR) === FAST_MX) {
    const x = F[a >> 1];
    const y = bF[b >> 1];
    const mx = Math.abs(x);
    const my = Math.abs(y);
    if ((mx >= MIN64 || x === 0) && (my >= MIN64 || y === 0)) {
      r = op === OP_ADD ? x + y : op === OP_SUB ? x - y : op === OP_MUL ? x * y : x / y;
      const mr = Math.abs(r);
      if (!((mr > MIN64 && mr <= MAX64) || (r === 0 && (op === OP_ADD || op === OP_SUB || x === 0 || (op === OP_MUL && y === 0))))) r = NaN;
    }
  }
  let lo = 0;
  let hi = 0;
  if (r !== r) {
    f64Arith(c, op, X[a], X[a + 1], bI[b], bI[b + 1]);
    lo = OUT[0]; hi = OUT[1];
  }
  X[d + 2] = X[a + 2]; X[d + 3] = X[a + 3];
  if (r === r) F[d >> 1] = r; else { X[d] = lo; X[d + 1] = hi; }
  X[d + 4] = 0; X[d + 5] = 0; X[d + 6] = 0; X[d + 7] = 0;
}

/** Scalar float32: dst[31:0] = vvvv[31:0] op W[31:0], dst[127:32] = vvvv[127:32]. */
function ss(c: Cpu, i: Insn, op: number): void {
  const X = c.xmm;
  const F = c.xmmF32;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  let bF: Float32Array = F;
  let bI: Int32Array = X;
  let b = i.rm << 3;
  if (i.isMem) { loadVW32(c, i); bF = VBF32; bI = VB; b = 0; }
  let r = NaN;
  if ((c.mxcsr | FAST_OR) === FAST_MX) {
    const x = F[a];
    const y = bF[b];
    const mx = Math.abs(x);
    const my = Math.abs(y);
    if ((mx >= MIN32 || x === 0) && (my >= MIN32 || y === 0)) {
      r = Math.fround(op === OP_ADD ? x + y : op === OP_SUB ? x - y : op === OP_MUL ? x * y : x / y);
      const mr = Math.abs(r);
      if (!((mr > MIN32 && mr <= MAX32) || (r === 0 && (op === OP_ADD || op === OP_SUB || x === 0 || (op === OP_MUL && y === 0))))) r = NaN;
    }
  }
  let v = 0;
  if (r !== r) v = f32Arith(c, op, X[a], bI[b]);
  X[d + 1] = X[a + 1]; X[d + 2] = X[a + 2]; X[d + 3] = X[a + 3];
  if (r === r) F[d] = r; else X[d] = v;
  X[d + 4] = 0; X[d + 5] = 0; X[d + 6] = 0; X[d + 7] = 0;
}

/** VADDPS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVaddpsVxHxWx(c: Cpu, i: Insn): void { ps(c, i, OP_ADD); }
/** VADDPD. */
export function opVaddpdVxHxWx(c: Cpu, i: Insn): void { pd(c, i, OP_ADD); }
/** VADDSS xmm1, xmm2, xmm3/m32. */
export function opVaddssVxHxWss(c: Cpu, i: Insn): void { ss(c, i, OP_ADD); }
/** VADDSD xmm1, xmm2, xmm3/m64. */
export function opVaddsdVxHxWsd(c: Cpu, i: Insn): void { sd(c, i, OP_ADD); }
/** VSUBPS. */
export function opVsubpsVxHxWx(c: Cpu, i: Insn): void { ps(c, i, OP_SUB); }
/** VSUBPD. */
export function opVsubpdVxHxWx(c: Cpu, i: Insn): void { pd(c, i, OP_SUB); }
/** VSUBSS. */
export function opVsubssVxHxWss(c: Cpu, i: Insn): void { ss(c, i, OP_SUB); }
/** VSUBSD. */
export function opVsubsdVxHxWsd(c: Cpu, i: Insn): void { sd(c, i, OP_SUB); }
/** VMULPS. */
export function opVmulpsVxHxWx(c: Cpu, i: Insn): void { ps(c, i, OP_MUL); }
/** VMULPD. */
export function opVmulpdVxHxWx(c: Cpu, i: Insn): void { pd(c, i, OP_MUL); }
/** VMULSS. */
export function opVmulssVxHxWss(c: Cpu, i: Insn): void { ss(c, i, OP_MUL); }
/** VMULSD. */
export function opVmulsdVxHxWsd(c: Cpu, i: Insn): void { sd(c, i, OP_MUL); }
/** VDIVPS. */
export function opVdivpsVxHxWx(c: Cpu, i: Insn): void { ps(c, i, OP_DIV); }
/** VDIVPD. */
export function opVdivpdVxHxWx(c: Cpu, i: Insn): void { pd(c, i, OP_DIV); }
/** VDIVSS. */
export function opVdivssVxHxWss(c: Cpu, i: Insn): void { ss(c, i, OP_DIV); }
/** VDIVSD. */
export function opVdivsdVxHxWsd(c: Cpu, i: Insn): void { sd(c, i, OP_DIV); }

// ---- square root -----------------------------------------------------------------------------------

/** VSQRTPD/VSQRTPS (packed, vvvv unused) and VSQRTSD/VSQRTSS (scalar, rest of the low 128 bits from vvvv). */
function sqrt(c: Cpu, i: Insn, dbl: boolean, scalar: boolean): void {
  if (!scalar) noV(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  let bI: Int32Array = X;
  let b = i.rm << 3;
  if (i.isMem) {
    if (!scalar) loadVW(c, i); else if (dbl) loadVW64(c, i); else loadVW32(c, i);
    bI = VB; b = 0;
  }
  const bF64 = bI === VB ? VBF64 : c.xmmF64;
  const bF32 = bI === VB ? VBF32 : c.xmmF32;
  const fast = (c.mxcsr | FAST_OR) === FAST_MX;
  const n = scalar ? 1 : dbl ? (i.vexL ? 4 : 2) : (i.vexL ? 8 : 4);
  if (scalar) {
    // Bits 127:32/64 come from vvvv (read before the destination, which may alias it, is written).
    if (dbl) { VT[2] = X[a + 2]; VT[3] = X[a + 3]; } else { VT[1] = X[a + 1]; VT[2] = X[a + 2]; VT[3] = X[a + 3]; }
  }
  for (let k = 0; k < n; k++) {
    if (dbl) {
      const x = bF64[(b >> 1) + k];
      if (fast && (x >= MIN64 || x === 0) && x <= MAX64) { c.xmmF64[(d >> 1) + k] = Math.sqrt(x); continue; }
      f64Arith(c, OP_SQRT, 0, 0, bI[b + 2 * k], bI[b + 2 * k + 1]);
      X[d + 2 * k] = OUT[0]; X[d + 2 * k + 1] = OUT[1];
    } else {
      const x = bF32[b + k];
      if (fast && (x >= MIN32 || x === 0) && x <= MAX32) { c.xmmF32[d + k] = Math.fround(Math.sqrt(x)); continue; }
      X[d + k] = f32Arith(c, OP_SQRT, 0, bI[b + k]);
    }
  }
  if (scalar) {
    if (dbl) { X[d + 2] = VT[2]; X[d + 3] = VT[3]; } else { X[d + 1] = VT[1]; X[d + 2] = VT[2]; X[d + 3] = VT[3]; }
  }
  const o = d + (scalar || !i.vexL ? 4 : 8);
  for (let k = o; k < d + 8; k++) X[k] = 0;
}

/** Staging for the vvvv bits of scalar forms. */
const VT = new Int32Array(4);

/** VSQRTPS xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVsqrtpsVxWx(c: Cpu, i: Insn): void { sqrt(c, i, false, false); }
/** VSQRTPD. */
export function opVsqrtpdVxWx(c: Cpu, i: Insn): void { sqrt(c, i, true, false); }
/** VSQRTSS xmm1, xmm2, xmm3/m32. */
export function opVsqrtssVxHxWss(c: Cpu, i: Insn): void { sqrt(c, i, false, true); }
/** VSQRTSD xmm1, xmm2, xmm3/m64. */
export function opVsqrtsdVxHxWsd(c: Cpu, i: Insn): void { sqrt(c, i, true, true); }

// ---- minimum / maximum -------------------------------------------------------------------------------

/*
 * MINxx/MAXxx (SDM "MINPS"): dst = a < b ? a : b (a > b for MAX); the second source wins on
 * equality (±0) and on any NaN (IE, even for a QNaN); a denormal operand signals DE unless DAZ
 * zeroes it first. The result is one of the operands' bits, so the fast path only compares.
 */
function minmax32(c: Cpu, ab: number, bb: number, max: boolean): number {
  if (c.mxcsr & MX_DAZ) {
    if (isDen32(ab)) ab &= 0x80000000;
    if (isDen32(bb)) bb &= 0x80000000;
  }
  if (isNaN32(ab) || isNaN32(bb)) { c.mxcsr |= MX_IE; return bb; }
  if (isDen32(ab) || isDen32(bb)) c.mxcsr |= MX_DE;
  L[0] = ab;
  L[1] = bb;
  return (max ? LF32[0] > LF32[1] : LF32[0] < LF32[1]) ? ab : bb;
}

function minmax64(c: Cpu, aLo: number, aHi: number, bLo: number, bHi: number, max: boolean): void {
  if (c.mxcsr & MX_DAZ) {
    if (isDen64(aLo, aHi)) { aLo = 0; aHi &= 0x80000000; }
    if (isDen64(bLo, bHi)) { bLo = 0; bHi &= 0x80000000; }
  }
  if (isNaN64(aLo, aHi) || isNaN64(bLo, bHi)) { c.mxcsr |= MX_IE; OUT[0] = bLo; OUT[1] = bHi; return; }
  if (isDen64(aLo, aHi) || isDen64(bLo, bHi)) c.mxcsr |= MX_DE;
  L[0] = aLo; L[1] = aHi; L[2] = bLo; L[3] = bHi;
  if (max ? LF64[0] > LF64[1] : LF64[0] < LF64[1]) { OUT[0] = aLo; OUT[1] = aHi; } else { OUT[0] = bLo; OUT[1] = bHi; }
}

const L = new Int32Array(4);
const LF32 = new Float32Array(L.buffer);
const LF64 = new Float64Array(L.buffer);

/** Packed or scalar MIN/MAX on float32 (n lanes) or float64 elements. */
function minmax(c: Cpu, i: Insn, dbl: boolean, scalar: boolean, max: boolean): void {
  const X = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  let bI: Int32Array = X;
  let b = i.rm << 3;
  if (i.isMem) {
    if (!scalar) loadVW(c, i); else if (dbl) loadVW64(c, i); else loadVW32(c, i);
    bI = VB; b = 0;
  }
  const n = scalar ? 1 : dbl ? (i.vexL ? 4 : 2) : (i.vexL ? 8 : 4);
  if (scalar) { VT[1] = X[a + 1]; VT[2] = X[a + 2]; VT[3] = X[a + 3]; }
  const plain = (c.mxcsr & MX_DAZ) === 0;
  if (dbl) {
    const F = c.xmmF64;
    const bF = bI === VB ? VBF64 : F;
    for (let k = 0; k < n; k++) {
      const x = F[(a >> 1) + k];
      const y = bF[(b >> 1) + k];
      // Fast: no NaN (comparisons fail) and no denormal (no DE to report).
      if (plain && (Math.abs(x) >= MIN64 || x === 0) && (Math.abs(y) >= MIN64 || y === 0)) {
        const useA = max ? x > y : x < y;
        const s = useA ? a + 2 * k : b + 2 * k;
        const src = useA ? X : bI;
        X[d + 2 * k] = src[s]; X[d + 2 * k + 1] = src[s + 1];
        continue;
      }
      minmax64(c, X[a + 2 * k], X[a + 2 * k + 1], bI[b + 2 * k], bI[b + 2 * k + 1], max);
      X[d + 2 * k] = OUT[0]; X[d + 2 * k + 1] = OUT[1];
    }
  } else {
    const F = c.xmmF32;
    const bF = bI === VB ? VBF32 : F;
    for (let k = 0; k < n; k++) {
      const x = F[a + k];
      const y = bF[b + k];
      if (plain && (Math.abs(x) >= MIN32 || x === 0) && (Math.abs(y) >= MIN32 || y === 0)) {
        X[d + k] = (max ? x > y : x < y) ? X[a + k] : bI[b + k];
        continue;
      }
      X[d + k] = minmax32(c, X[a + k], bI[b + k], max);
    }
  }
  if (scalar) {
    if (!dbl) X[d + 1] = VT[1];
    X[d + 2] = VT[2]; X[d + 3] = VT[3];
  }
  const o = d + (scalar || !i.vexL ? 4 : 8);
  for (let k = o; k < d + 8; k++) X[k] = 0;
}

/** VMINPS. */
export function opVminpsVxHxWx(c: Cpu, i: Insn): void { minmax(c, i, false, false, false); }
/** VMINPD. */
export function opVminpdVxHxWx(c: Cpu, i: Insn): void { minmax(c, i, true, false, false); }
/** VMINSS. */
export function opVminssVxHxWss(c: Cpu, i: Insn): void { minmax(c, i, false, true, false); }
/** VMINSD. */
export function opVminsdVxHxWsd(c: Cpu, i: Insn): void { minmax(c, i, true, true, false); }
/** VMAXPS. */
export function opVmaxpsVxHxWx(c: Cpu, i: Insn): void { minmax(c, i, false, false, true); }
/** VMAXPD. */
export function opVmaxpdVxHxWx(c: Cpu, i: Insn): void { minmax(c, i, true, false, true); }
/** VMAXSS. */
export function opVmaxssVxHxWss(c: Cpu, i: Insn): void { minmax(c, i, false, true, true); }
/** VMAXSD. */
export function opVmaxsdVxHxWsd(c: Cpu, i: Insn): void { minmax(c, i, true, true, true); }
