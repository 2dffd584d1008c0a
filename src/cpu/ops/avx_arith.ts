// VEX add, subtract, multiply and divide (Intel SDM Vol. 2 VADDPS…VDIVSD; Vol. 1 §11.5 exceptions):
// the hot path of AVX floating-point code (every scalar double operation of -march=x86-64-v3 code
// is one of these). The fast path takes JS's round-to-nearest result when MXCSR is default with PE
// already set (sse_softfp.fastMx) and the operands are not denormal and the result is normal or an
// exact zero; everything else goes to sse_softfp (NaN rules, DAZ/FTZ, rounding modes, flags), as
// the legacy SSE handlers do. Register sources are read in place through the float views; VEX.128
// and scalar forms zero bits 255:128, scalar forms take the rest of the low 128 bits from vvvv.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { OP_ADD, OP_SUB, OP_MUL, OP_DIV, MAX32, MIN32, MAX64, MIN64, OUT, f32Arith, f64Arith } from './sse_softfp.js';
import { VB, loadVW, loadVW32, loadVW64 } from './avx_operand.js';

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
