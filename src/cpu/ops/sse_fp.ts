// SSE/SSE2/SSE3/SSE4.1 floating-point operations besides the basic arithmetic of sse_arith (Intel
// SDM Vol. 2 MINPS/MAXPS, RCPPS/RSQRTPS, CMPPS, COMISS/UCOMISS, ADDSUBPS, HADDPS/HSUBPS, ROUNDPS,
// DPPS; Vol. 1 §11.5 exceptions). Fast paths use JS doubles when MXCSR is default with PE already
// set and every operand/result is normal or zero; the rest goes to sse_softfp (bits, flags, RC,
// DAZ, FTZ). Compares, MIN/MAX and COMIS work on bits, as their NaN and DAZ rules need.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { setFlags, STATUS, CF, PF, ZF } from '../flags.js';
import { S, D, loadW, loadW32, loadW64, loadD } from './sse_operand.js';
import {
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, MX_IE, MX_DE, MX_PE, MX_DAZ, MAX32, MIN32, MAX64, MIN64,
  OUT, fastMx, f32Arith, f64Arith, isNaN32, isNaN64, isDen32, isDen64, RND, roundIntR,
} from './sse_softfp.js';
import { rcp32, rsqrt32 } from './sse_rcp_table.js';

/** The basic arithmetic handlers live in sse_arith (one specialised function each); re-exported for the AVX unit. */
export {
  opAddpsVpsWps, opAddpdVpdWpd, opAddssVssWss, opAddsdVsdWsd, opSubpsVpsWps, opSubpdVpdWpd, opSubssVssWss,
  opSubsdVsdWsd, opMulpsVpsWps, opMulpdVpdWpd, opMulssVssWss, opMulsdVsdWsd, opDivpsVpsWps, opDivpdVpdWpd,
  opDivssVssWss, opDivsdVsdWsd, opSqrtpsVpsWps, opSqrtpdVpdWpd, opSqrtssVssWss, opSqrtsdVsdWsd,
} from './sse_arith.js';

// ---- add / sub / mul / div / sqrt ---------------------------------------------------------

/*
 * Lane scratch: operand bits go in L, the fast paths read them through the float views. No double
 * is passed to or returned from a helper (V8 would box it unless it inlines the call).
 * Float32: a = LF32[0], b = LF32[1], result LF32[2]. Float64: a = LF64[0], b = LF64[1], result LF64[2].
 */
const L = new Int32Array(6);
const LF32 = new Float32Array(L.buffer);
const LF64 = new Float64Array(L.buffer);

/**
 * Fast float32 lane: when a, b and the rounded result are normal or zero (so no flag but the
 * already-set PE can arise and RC is nearest), stores the result in LF32[2] and returns true.
 * A result of exactly MIN32 is excluded: it may be tiny before the bounded rounding (x86 judges
 * tininess on the result rounded with an unbounded exponent).
 */
function fast32(op: number): boolean {
  const a = LF32[0];
  const b = LF32[1];
  const mb = Math.abs(b);
  if (!((mb >= MIN32 && mb <= MAX32) || b === 0)) return false;
  let r: number;
  switch (op) {
    case OP_ADD: r = a + b; break;
    case OP_SUB: r = a - b; break;
    case OP_MUL: r = a * b; break;
    case OP_DIV: r = a / b; break;
    default: r = Math.sqrt(b);
  }
  if (op !== OP_SQRT) {
    const ma = Math.abs(a);
    if (!((ma >= MIN32 && ma <= MAX32) || a === 0)) return false;
  }
  LF32[2] = r; // rounds once: exact for +, -, *, /, sqrt of float32 operands
  const mr = Math.abs(LF32[2]);
  if (mr > MIN32 && mr <= MAX32) return true;
  if (mr !== 0) return false;
  // Zero results are exact unless a nonzero product/quotient underflowed.
  return op === OP_ADD || op === OP_SUB || op === OP_SQRT || a === 0 || (op === OP_MUL && b === 0);
}

/** Fast float64 lane (see fast32): result in LF64[2]. */
function fast64(op: number): boolean {
  const a = LF64[0];
  const b = LF64[1];
  const mb = Math.abs(b);
  if (!((mb >= MIN64 && mb <= MAX64) || b === 0)) return false;
  let r: number;
  switch (op) {
    case OP_ADD: r = a + b; break;
    case OP_SUB: r = a - b; break;
    case OP_MUL: r = a * b; break;
    case OP_DIV: r = a / b; break;
    default: r = Math.sqrt(b);
  }
  if (op !== OP_SQRT) {
    const ma = Math.abs(a);
    if (!((ma >= MIN64 && ma <= MAX64) || a === 0)) return false;
  }
  LF64[2] = r;
  const mr = Math.abs(r);
  if (mr > MIN64 && mr <= MAX64) return true;
  if (r !== 0) return false;
  return op === OP_ADD || op === OP_SUB || op === OP_SQRT || a === 0 || (op === OP_MUL && b === 0);
}

/** One float32 lane on bits: fast path or soft path. */
function lane32(c: Cpu, op: number, ab: number, bb: number, fast: boolean): number {
  L[0] = ab;
  L[1] = bb;
  if (fast && fast32(op)) return L[2];
  return f32Arith(c, op, ab, bb);
}

/** One float64 lane on dwords into OUT: fast path or soft path. */
function lane64(c: Cpu, op: number, aLo: number, aHi: number, bLo: number, bHi: number, fast: boolean): void {
  L[0] = aLo; L[1] = aHi; L[2] = bLo; L[3] = bHi;
  if (fast && fast64(op)) { OUT[0] = L[4]; OUT[1] = L[5]; return; }
  f64Arith(c, op, aLo, aHi, bLo, bHi);
}

// ---- SSE3 horizontal and alternating ops ----------------------------------------------------

/** ADDSUBPS xmm1, xmm2/m128: even lanes subtract, odd lanes add. */
export function opAddsubpsVpsWps(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const fast = fastMx(c.mxcsr);
  for (let k = 0; k < 4; k++) X[d + k] = lane32(c, (k & 1) === 0 ? OP_SUB : OP_ADD, X[d + k], S[k], fast);
}

/** ADDSUBPD xmm1, xmm2/m128. */
export function opAddsubpdVpdWpd(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const fast = fastMx(c.mxcsr);
  lane64(c, OP_SUB, X[d], X[d + 1], S[0], S[1], fast);
  X[d] = OUT[0]; X[d + 1] = OUT[1];
  lane64(c, OP_ADD, X[d + 2], X[d + 3], S[2], S[3], fast);
  X[d + 2] = OUT[0]; X[d + 3] = OUT[1];
}

function hops32(c: Cpu, i: Insn, op: number): void {
  loadW(c, i);
  loadD(c, i.reg);
  const X = c.xmm;
  const d = i.reg << 3;
  const fast = fastMx(c.mxcsr);
  X[d] = lane32(c, op, D[0], D[1], fast);
  X[d + 1] = lane32(c, op, D[2], D[3], fast);
  X[d + 2] = lane32(c, op, S[0], S[1], fast);
  X[d + 3] = lane32(c, op, S[2], S[3], fast);
}

function hops64(c: Cpu, i: Insn, op: number): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const fast = fastMx(c.mxcsr);
  lane64(c, op, X[d], X[d + 1], X[d + 2], X[d + 3], fast);
  X[d] = OUT[0]; X[d + 1] = OUT[1];
  lane64(c, op, S[0], S[1], S[2], S[3], fast);
  X[d + 2] = OUT[0]; X[d + 3] = OUT[1];
}

/** HADDPS xmm1, xmm2/m128. */
export function opHaddpsVpsWps(c: Cpu, i: Insn): void { hops32(c, i, OP_ADD); }
/** HSUBPS xmm1, xmm2/m128. */
export function opHsubpsVpsWps(c: Cpu, i: Insn): void { hops32(c, i, OP_SUB); }
/** HADDPD xmm1, xmm2/m128. */
export function opHaddpdVpdWpd(c: Cpu, i: Insn): void { hops64(c, i, OP_ADD); }
/** HSUBPD xmm1, xmm2/m128. */
export function opHsubpdVpdWpd(c: Cpu, i: Insn): void { hops64(c, i, OP_SUB); }

// ---- MIN / MAX ------------------------------------------------------------------------------

/** MINxx/MAXxx on float32 bits: the source (b) wins on NaN (IE, even for QNaN) and on ±0 ties. */
function minmax32(c: Cpu, ab: number, bb: number, max: boolean): number {
  // DAZ zeroes denormal operands before anything else: even a NaN first operand returns the zeroed source.
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

function minmaxps(c: Cpu, i: Insn, n: number, max: boolean): void {
  if (n === 4) loadW(c, i); else loadW32(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < n; k++) X[d + k] = minmax32(c, X[d + k], S[k], max);
}

function minmaxpd(c: Cpu, i: Insn, n: number, max: boolean): void {
  if (n === 2) loadW(c, i); else loadW64(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 2 * n; k += 2) {
    minmax64(c, X[d + k], X[d + k + 1], S[k], S[k + 1], max);
    X[d + k] = OUT[0]; X[d + k + 1] = OUT[1];
  }
}

/** MINPS xmm1, xmm2/m128. */
export function opMinpsVpsWps(c: Cpu, i: Insn): void { minmaxps(c, i, 4, false); }
/** MINSS xmm1, xmm2/m32. */
export function opMinssVssWss(c: Cpu, i: Insn): void { minmaxps(c, i, 1, false); }
/** MAXPS xmm1, xmm2/m128. */
export function opMaxpsVpsWps(c: Cpu, i: Insn): void { minmaxps(c, i, 4, true); }
/** MAXSS xmm1, xmm2/m32. */
export function opMaxssVssWss(c: Cpu, i: Insn): void { minmaxps(c, i, 1, true); }
/** MINPD xmm1, xmm2/m128. */
export function opMinpdVpdWpd(c: Cpu, i: Insn): void { minmaxpd(c, i, 2, false); }
/** MINSD xmm1, xmm2/m64. */
export function opMinsdVsdWsd(c: Cpu, i: Insn): void { minmaxpd(c, i, 1, false); }
/** MAXPD xmm1, xmm2/m128. */
export function opMaxpdVpdWpd(c: Cpu, i: Insn): void { minmaxpd(c, i, 2, true); }
/** MAXSD xmm1, xmm2/m64. */
export function opMaxsdVsdWsd(c: Cpu, i: Insn): void { minmaxpd(c, i, 1, true); }

// ---- RCP / RSQRT ----------------------------------------------------------------------------

/** RCPPS xmm1, xmm2/m128. */
export function opRcppsVpsWps(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) c.xmm[d + k] = rcp32(S[k]);
}

/** RCPSS xmm1, xmm2/m32. */
export function opRcpssVssWss(c: Cpu, i: Insn): void {
  loadW32(c, i);
  c.xmm[i.reg << 3] = rcp32(S[0]);
}

/** RSQRTPS xmm1, xmm2/m128. */
export function opRsqrtpsVpsWps(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) c.xmm[d + k] = rsqrt32(S[k]);
}

/** RSQRTSS xmm1, xmm2/m32. */
export function opRsqrtssVssWss(c: Cpu, i: Insn): void {
  loadW32(c, i);
  c.xmm[i.reg << 3] = rsqrt32(S[0]);
}

// ---- CMP (predicates 0-7: EQ LT LE UNORD NEQ NLT NLE ORD) -----------------------------------

/** Evaluates a CMPxx predicate on ordered values, given a < b and a == b. */
function pred(p: number, lt: boolean, eq: boolean): boolean {
  switch (p) {
    case 0: return eq;
    case 1: return lt;
    case 2: return lt || eq;
    case 3: return false;
    case 4: return !eq;
    case 5: return !lt;
    case 6: return !(lt || eq);
    default: return true;
  }
}

/** Unordered outcome of a predicate, with IE: LT/LE/NLT/NLE signal on QNaN too. */
function unordered(c: Cpu, p: number, snan: boolean): boolean {
  if (snan || (p & 3) === 1 || (p & 3) === 2) c.mxcsr |= MX_IE;
  return p >= 3 && p <= 6;
}

function cmp32(c: Cpu, p: number, ab: number, bb: number): number {
  const an = isNaN32(ab);
  const bn = isNaN32(bb);
  if (an || bn) {
    const snan = (an && (ab & 0x400000) === 0) || (bn && (bb & 0x400000) === 0);
    return unordered(c, p, snan) ? -1 : 0;
  }
  if (isDen32(ab)) { if (c.mxcsr & MX_DAZ) ab &= 0x80000000; else c.mxcsr |= MX_DE; }
  if (isDen32(bb)) { if (c.mxcsr & MX_DAZ) bb &= 0x80000000; else c.mxcsr |= MX_DE; }
  L[0] = ab;
  L[1] = bb;
  return pred(p, LF32[0] < LF32[1], LF32[0] === LF32[1]) ? -1 : 0;
}

function cmp64(c: Cpu, p: number, aLo: number, aHi: number, bLo: number, bHi: number): number {
  const an = isNaN64(aLo, aHi);
  const bn = isNaN64(bLo, bHi);
  if (an || bn) {
    const snan = (an && (aHi & 0x80000) === 0) || (bn && (bHi & 0x80000) === 0);
    return unordered(c, p, snan) ? -1 : 0;
  }
  if (isDen64(aLo, aHi)) { if (c.mxcsr & MX_DAZ) { aLo = 0; aHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  if (isDen64(bLo, bHi)) { if (c.mxcsr & MX_DAZ) { bLo = 0; bHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  L[0] = aLo; L[1] = aHi; L[2] = bLo; L[3] = bHi;
  return pred(p, LF64[0] < LF64[1], LF64[0] === LF64[1]) ? -1 : 0;
}

/** CMPPS xmm1, xmm2/m128, imm8. */
export function opCmppsVpsWpsIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const p = i.imm & 7;
  for (let k = 0; k < 4; k++) X[d + k] = cmp32(c, p, X[d + k], S[k]);
}

/** CMPSS xmm1, xmm2/m32, imm8. */
export function opCmpssVssWssIb(c: Cpu, i: Insn): void {
  loadW32(c, i);
  const d = i.reg << 3;
  c.xmm[d] = cmp32(c, i.imm & 7, c.xmm[d], S[0]);
}

/** CMPPD xmm1, xmm2/m128, imm8. */
export function opCmppdVpdWpdIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const p = i.imm & 7;
  for (let k = 0; k < 4; k += 2) X[d + k] = X[d + k + 1] = cmp64(c, p, X[d + k], X[d + k + 1], S[k], S[k + 1]);
}

/** CMPSD xmm1, xmm2/m64, imm8 (the SSE2 form, 0F C2 with F2). */
export function opCmpsdVsdWsdIb(c: Cpu, i: Insn): void {
  loadW64(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  X[d] = X[d + 1] = cmp64(c, i.imm & 7, X[d], X[d + 1], S[0], S[1]);
}

// ---- COMIS / UCOMIS: ZF PF CF = 111 unordered, 000 greater, 001 less, 100 equal; OF SF AF = 0 ----

function setCompareFlags(c: Cpu, bits: number): void {
  setFlags(c, (c.fBits & ~STATUS) | bits);
}

function comi32(c: Cpu, i: Insn, quiet: boolean): void {
  loadW32(c, i);
  let ab = c.xmm[i.reg << 3];
  let bb = S[0];
  const an = isNaN32(ab);
  const bn = isNaN32(bb);
  if (an || bn) {
    if (!quiet || (an && (ab & 0x400000) === 0) || (bn && (bb & 0x400000) === 0)) c.mxcsr |= MX_IE;
    setCompareFlags(c, ZF | PF | CF);
    return;
  }
  if (isDen32(ab)) { if (c.mxcsr & MX_DAZ) ab &= 0x80000000; else c.mxcsr |= MX_DE; }
  if (isDen32(bb)) { if (c.mxcsr & MX_DAZ) bb &= 0x80000000; else c.mxcsr |= MX_DE; }
  L[0] = ab;
  L[1] = bb;
  setCompareFlags(c, LF32[0] > LF32[1] ? 0 : LF32[0] < LF32[1] ? CF : ZF);
}

function comi64(c: Cpu, i: Insn, quiet: boolean): void {
  loadW64(c, i);
  const d = i.reg << 3;
  let aLo = c.xmm[d];
  let aHi = c.xmm[d + 1];
  let bLo = S[0];
  let bHi = S[1];
  const an = isNaN64(aLo, aHi);
  const bn = isNaN64(bLo, bHi);
  if (an || bn) {
    if (!quiet || (an && (aHi & 0x80000) === 0) || (bn && (bHi & 0x80000) === 0)) c.mxcsr |= MX_IE;
    setCompareFlags(c, ZF | PF | CF);
    return;
  }
  if (isDen64(aLo, aHi)) { if (c.mxcsr & MX_DAZ) { aLo = 0; aHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  if (isDen64(bLo, bHi)) { if (c.mxcsr & MX_DAZ) { bLo = 0; bHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  L[0] = aLo; L[1] = aHi; L[2] = bLo; L[3] = bHi;
  setCompareFlags(c, LF64[0] > LF64[1] ? 0 : LF64[0] < LF64[1] ? CF : ZF);
}

/** COMISS xmm1, xmm2/m32 (IE on any NaN). */
export function opComissVssWss(c: Cpu, i: Insn): void { comi32(c, i, false); }
/** UCOMISS xmm1, xmm2/m32 (IE on SNaN only). */
export function opUcomissVssWss(c: Cpu, i: Insn): void { comi32(c, i, true); }
/** COMISD xmm1, xmm2/m64. */
export function opComisdVsdWsd(c: Cpu, i: Insn): void { comi64(c, i, false); }
/** UCOMISD xmm1, xmm2/m64. */
export function opUcomisdVsdWsd(c: Cpu, i: Insn): void { comi64(c, i, true); }

// ---- SSE4.1 ROUND and DP --------------------------------------------------------------------

/** ROUNDxx on float32 bits: imm8[1:0] mode, [2] use MXCSR.RC, [3] suppress PE. SNaN → IE. */
function round32(c: Cpu, b: number, imm: number): number {
  if (isNaN32(b)) {
    if ((b & 0x400000) === 0) c.mxcsr |= MX_IE;
    return b | 0x400000;
  }
  if (isDen32(b) && (c.mxcsr & MX_DAZ)) b &= 0x80000000;
  L[0] = b;
  const x = LF32[0];
  if (x - x !== 0) return b;
  RND[0] = x;
  roundIntR(imm & 4 ? (c.mxcsr >> 13) & 3 : imm & 3);
  if (RND[0] !== x && (imm & 8) === 0) c.mxcsr |= MX_PE;
  LF32[0] = RND[0];
  return L[0];
}

function round64(c: Cpu, lo: number, hi: number, imm: number): void {
  if (isNaN64(lo, hi)) {
    if ((hi & 0x80000) === 0) c.mxcsr |= MX_IE;
    OUT[0] = lo; OUT[1] = hi | 0x80000;
    return;
  }
  if (isDen64(lo, hi) && (c.mxcsr & MX_DAZ)) { lo = 0; hi &= 0x80000000; }
  L[0] = lo; L[1] = hi;
  const x = LF64[0];
  if (x - x !== 0) { OUT[0] = lo; OUT[1] = hi; return; }
  RND[0] = x;
  roundIntR(imm & 4 ? (c.mxcsr >> 13) & 3 : imm & 3);
  if (RND[0] !== x && (imm & 8) === 0) c.mxcsr |= MX_PE;
  LF64[0] = RND[0];
  OUT[0] = L[0]; OUT[1] = L[1];
}

/** ROUNDPS xmm1, xmm2/m128, imm8. */
export function opRoundpsVpsWpsIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) c.xmm[d + k] = round32(c, S[k], i.imm);
}

/** ROUNDSS xmm1, xmm2/m32, imm8. */
export function opRoundssVssWssIb(c: Cpu, i: Insn): void {
  loadW32(c, i);
  c.xmm[i.reg << 3] = round32(c, S[0], i.imm);
}

/** ROUNDPD xmm1, xmm2/m128, imm8. */
export function opRoundpdVpdWpdIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k += 2) {
    round64(c, S[k], S[k + 1], i.imm);
    X[d + k] = OUT[0]; X[d + k + 1] = OUT[1];
  }
}

/** ROUNDSD xmm1, xmm2/m64, imm8. */
export function opRoundsdVsdWsdIb(c: Cpu, i: Insn): void {
  loadW64(c, i);
  const d = i.reg << 3;
  round64(c, S[0], S[1], i.imm);
  c.xmm[d] = OUT[0]; c.xmm[d + 1] = OUT[1];
}

/** DPPS xmm1, xmm2/m128, imm8: masked products, summed as (p0+p1)+(p2+p3), broadcast by mask. */
export function opDppsVpsWpsIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const imm = i.imm;
  const fast = fastMx(c.mxcsr);
  for (let k = 0; k < 4; k++) D[k] = imm & (16 << k) ? lane32(c, OP_MUL, X[d + k], S[k], fast) : 0;
  const t2 = lane32(c, OP_ADD, D[0], D[1], fast);
  const t3 = lane32(c, OP_ADD, D[2], D[3], fast);
  const t4 = lane32(c, OP_ADD, t2, t3, fast);
  for (let k = 0; k < 4; k++) X[d + k] = imm & (1 << k) ? t4 : 0;
}

/** DPPD xmm1, xmm2/m128, imm8. */
export function opDppdVpdWpdIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const imm = i.imm;
  const fast = fastMx(c.mxcsr);
  D[0] = 0; D[1] = 0; D[2] = 0; D[3] = 0;
  if (imm & 16) { lane64(c, OP_MUL, X[d], X[d + 1], S[0], S[1], fast); D[0] = OUT[0]; D[1] = OUT[1]; }
  if (imm & 32) { lane64(c, OP_MUL, X[d + 2], X[d + 3], S[2], S[3], fast); D[2] = OUT[0]; D[3] = OUT[1]; }
  lane64(c, OP_ADD, D[0], D[1], D[2], D[3], fast);
  const lo = OUT[0];
  const hi = OUT[1];
  X[d] = imm & 1 ? lo : 0; X[d + 1] = imm & 1 ? hi : 0;
  X[d + 2] = imm & 2 ? lo : 0; X[d + 3] = imm & 2 ? hi : 0;
}
