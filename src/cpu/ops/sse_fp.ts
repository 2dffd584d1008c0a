// SSE/SSE2/SSE3/SSE4.1 floating-point arithmetic (Intel SDM Vol. 2 ADDPS…SUBSD, MINPS/MAXPS,
// SQRTPS, RCPPS/RSQRTPS, CMPPS, COMISS/UCOMISS, ADDSUBPS, HADDPS/HSUBPS, ROUNDPS, DPPS; Vol. 1
// §11.5 exceptions). Fast paths use JS doubles when MXCSR is default with PE already set and every
// operand/result is normal or zero; everything else goes to sse_softfp (bits, flags, RC, DAZ, FTZ).
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { setFlags, STATUS, CF, PF, ZF } from '../flags.js';
import { S, SF32, SF64, D, loadW, loadW32, loadW64, loadD } from './sse_operand.js';
import {
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, MX_IE, MX_DE, MX_PE, MX_DAZ, MAX32, MIN32, MAX64, MIN64,
  OUT, fastMx, f32Arith, f64Arith, f32Of, f64Of, bitsOf32, put64, isNaN32, isNaN64, isDen32, isDen64,
  roundInt,
} from './sse_softfp.js';
import { rcp32, rsqrt32 } from './sse_rcp_table.js';

// ---- add / sub / mul / div / sqrt ---------------------------------------------------------

/** True when a fast-path float32 result needs no flags and no special rounding. */
function ok32(op: number, a: number, b: number, r: number): boolean {
  const ma = Math.abs(a);
  const mb = Math.abs(b);
  const mr = Math.abs(r);
  if (!((mb >= MIN32 && mb <= MAX32) || b === 0)) return false;
  if (op !== OP_SQRT && !((ma >= MIN32 && ma <= MAX32) || a === 0)) return false;
  if (mr >= MIN32 && mr <= MAX32) return true;
  if (r !== 0) return false;
  // Zero results are exact unless a nonzero product/quotient underflowed.
  return op === OP_ADD || op === OP_SUB || op === OP_SQRT || a === 0 || (op === OP_MUL && b === 0);
}

/** True when a fast-path float64 result needs no flags and no special rounding. */
function ok64(op: number, a: number, b: number, r: number): boolean {
  const ma = Math.abs(a);
  const mb = Math.abs(b);
  const mr = Math.abs(r);
  if (!((mb >= MIN64 && mb <= MAX64) || b === 0)) return false;
  if (op !== OP_SQRT && !((ma >= MIN64 && ma <= MAX64) || a === 0)) return false;
  if (mr >= MIN64 && mr <= MAX64) return true;
  if (r !== 0) return false;
  return op === OP_ADD || op === OP_SUB || op === OP_SQRT || a === 0 || (op === OP_MUL && b === 0);
}

function calc(op: number, a: number, b: number): number {
  switch (op) {
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_MUL: return a * b;
    case OP_DIV: return a / b;
    default: return Math.sqrt(b);
  }
}

/** One float32 lane on bits: fast path or soft path. */
function lane32(c: Cpu, op: number, ab: number, bb: number, fast: boolean): number {
  if (fast) {
    const a = f32Of(ab);
    const b = f32Of(bb);
    const r = Math.fround(calc(op, a, b));
    if (ok32(op, a, b, r)) return bitsOf32(r);
  }
  return f32Arith(c, op, ab, bb);
}

/** One float64 lane on dwords into OUT: fast path or soft path. */
function lane64(c: Cpu, op: number, aLo: number, aHi: number, bLo: number, bHi: number, fast: boolean): void {
  if (fast) {
    const a = f64Of(aLo, aHi);
    const b = f64Of(bLo, bHi);
    const r = calc(op, a, b);
    if (ok64(op, a, b, r)) { put64(r); return; }
  }
  f64Arith(c, op, aLo, aHi, bLo, bHi);
}

/** Packed (n = 4) or scalar (n = 1) float32 arithmetic: dst lane op src lane. */
function arith32(c: Cpu, i: Insn, op: number, n: number): void {
  if (n === 4) loadW(c, i); else loadW32(c, i);
  const X = c.xmm;
  const XF = c.xmmF32;
  const d = i.reg << 3;
  const fast = fastMx(c.mxcsr);
  for (let k = 0; k < n; k++) {
    if (fast) {
      const a = XF[d + k];
      const b = SF32[k];
      const r = Math.fround(calc(op, a, b));
      if (ok32(op, a, b, r)) { XF[d + k] = r; continue; }
    }
    X[d + k] = f32Arith(c, op, X[d + k], S[k]);
  }
}

/** Packed (n = 2) or scalar (n = 1) float64 arithmetic. */
function arith64(c: Cpu, i: Insn, op: number, n: number): void {
  if (n === 2) loadW(c, i); else loadW64(c, i);
  const X = c.xmm;
  const XF = c.xmmF64;
  const d = i.reg << 3;
  const fast = fastMx(c.mxcsr);
  for (let k = 0; k < n; k++) {
    const o = d + 2 * k;
    if (fast) {
      const a = XF[o >> 1];
      const b = SF64[k];
      const r = calc(op, a, b);
      if (ok64(op, a, b, r)) { XF[o >> 1] = r; continue; }
    }
    f64Arith(c, op, X[o], X[o + 1], S[2 * k], S[2 * k + 1]);
    X[o] = OUT[0]; X[o + 1] = OUT[1];
  }
}

/** ADDPS xmm1, xmm2/m128. */
export function opAddpsVpsWps(c: Cpu, i: Insn): void { arith32(c, i, OP_ADD, 4); }
/** ADDSS xmm1, xmm2/m32. */
export function opAddssVssWss(c: Cpu, i: Insn): void { arith32(c, i, OP_ADD, 1); }
/** ADDPD xmm1, xmm2/m128. */
export function opAddpdVpdWpd(c: Cpu, i: Insn): void { arith64(c, i, OP_ADD, 2); }
/** ADDSD xmm1, xmm2/m64. */
export function opAddsdVsdWsd(c: Cpu, i: Insn): void { arith64(c, i, OP_ADD, 1); }
/** SUBPS xmm1, xmm2/m128. */
export function opSubpsVpsWps(c: Cpu, i: Insn): void { arith32(c, i, OP_SUB, 4); }
/** SUBSS xmm1, xmm2/m32. */
export function opSubssVssWss(c: Cpu, i: Insn): void { arith32(c, i, OP_SUB, 1); }
/** SUBPD xmm1, xmm2/m128. */
export function opSubpdVpdWpd(c: Cpu, i: Insn): void { arith64(c, i, OP_SUB, 2); }
/** SUBSD xmm1, xmm2/m64. */
export function opSubsdVsdWsd(c: Cpu, i: Insn): void { arith64(c, i, OP_SUB, 1); }
/** MULPS xmm1, xmm2/m128. */
export function opMulpsVpsWps(c: Cpu, i: Insn): void { arith32(c, i, OP_MUL, 4); }
/** MULSS xmm1, xmm2/m32. */
export function opMulssVssWss(c: Cpu, i: Insn): void { arith32(c, i, OP_MUL, 1); }
/** MULPD xmm1, xmm2/m128. */
export function opMulpdVpdWpd(c: Cpu, i: Insn): void { arith64(c, i, OP_MUL, 2); }
/** MULSD xmm1, xmm2/m64. */
export function opMulsdVsdWsd(c: Cpu, i: Insn): void { arith64(c, i, OP_MUL, 1); }
/** DIVPS xmm1, xmm2/m128. */
export function opDivpsVpsWps(c: Cpu, i: Insn): void { arith32(c, i, OP_DIV, 4); }
/** DIVSS xmm1, xmm2/m32. */
export function opDivssVssWss(c: Cpu, i: Insn): void { arith32(c, i, OP_DIV, 1); }
/** DIVPD xmm1, xmm2/m128. */
export function opDivpdVpdWpd(c: Cpu, i: Insn): void { arith64(c, i, OP_DIV, 2); }
/** DIVSD xmm1, xmm2/m64. */
export function opDivsdVsdWsd(c: Cpu, i: Insn): void { arith64(c, i, OP_DIV, 1); }
/** SQRTPS xmm1, xmm2/m128. */
export function opSqrtpsVpsWps(c: Cpu, i: Insn): void { arith32(c, i, OP_SQRT, 4); }
/** SQRTSS xmm1, xmm2/m32 (upper lanes from xmm1). */
export function opSqrtssVssWss(c: Cpu, i: Insn): void { arith32(c, i, OP_SQRT, 1); }
/** SQRTPD xmm1, xmm2/m128. */
export function opSqrtpdVpdWpd(c: Cpu, i: Insn): void { arith64(c, i, OP_SQRT, 2); }
/** SQRTSD xmm1, xmm2/m64 (upper lane from xmm1). */
export function opSqrtsdVsdWsd(c: Cpu, i: Insn): void { arith64(c, i, OP_SQRT, 1); }

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
  if (isNaN32(ab) || isNaN32(bb)) { c.mxcsr |= MX_IE; return bb; }
  if (isDen32(ab)) { if (c.mxcsr & MX_DAZ) ab &= 0x80000000; else c.mxcsr |= MX_DE; }
  if (isDen32(bb)) { if (c.mxcsr & MX_DAZ) bb &= 0x80000000; else c.mxcsr |= MX_DE; }
  const a = f32Of(ab);
  const b = f32Of(bb);
  return (max ? a > b : a < b) ? ab : bb;
}

function minmax64(c: Cpu, aLo: number, aHi: number, bLo: number, bHi: number, max: boolean): void {
  if (isNaN64(aLo, aHi) || isNaN64(bLo, bHi)) { c.mxcsr |= MX_IE; OUT[0] = bLo; OUT[1] = bHi; return; }
  if (isDen64(aLo, aHi)) { if (c.mxcsr & MX_DAZ) { aLo = 0; aHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  if (isDen64(bLo, bHi)) { if (c.mxcsr & MX_DAZ) { bLo = 0; bHi &= 0x80000000; } else c.mxcsr |= MX_DE; }
  const a = f64Of(aLo, aHi);
  const b = f64Of(bLo, bHi);
  if (max ? a > b : a < b) { OUT[0] = aLo; OUT[1] = aHi; } else { OUT[0] = bLo; OUT[1] = bHi; }
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

/** Evaluates a CMPxx predicate on ordered values. */
function pred(p: number, a: number, b: number): boolean {
  switch (p) {
    case 0: return a === b;
    case 1: return a < b;
    case 2: return a <= b;
    case 3: return false;
    case 4: return a !== b;
    case 5: return !(a < b);
    case 6: return !(a <= b);
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
  return pred(p, f32Of(ab), f32Of(bb)) ? -1 : 0;
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
  return pred(p, f64Of(aLo, aHi), f64Of(bLo, bHi)) ? -1 : 0;
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
  const a = f32Of(ab);
  const b = f32Of(bb);
  setCompareFlags(c, a > b ? 0 : a < b ? CF : ZF);
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
  const a = f64Of(aLo, aHi);
  const b = f64Of(bLo, bHi);
  setCompareFlags(c, a > b ? 0 : a < b ? CF : ZF);
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
  const x = f32Of(b);
  if (x - x !== 0) return b;
  const r = roundInt(x, imm & 4 ? (c.mxcsr >> 13) & 3 : imm & 3);
  if (r !== x && (imm & 8) === 0) c.mxcsr |= MX_PE;
  return bitsOf32(r);
}

function round64(c: Cpu, lo: number, hi: number, imm: number): void {
  if (isNaN64(lo, hi)) {
    if ((hi & 0x80000) === 0) c.mxcsr |= MX_IE;
    OUT[0] = lo; OUT[1] = hi | 0x80000;
    return;
  }
  if (isDen64(lo, hi) && (c.mxcsr & MX_DAZ)) { lo = 0; hi &= 0x80000000; }
  const x = f64Of(lo, hi);
  if (x - x !== 0) { OUT[0] = lo; OUT[1] = hi; return; }
  const r = roundInt(x, imm & 4 ? (c.mxcsr >> 13) & 3 : imm & 3);
  if (r !== x && (imm & 8) === 0) c.mxcsr |= MX_PE;
  put64(r);
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
