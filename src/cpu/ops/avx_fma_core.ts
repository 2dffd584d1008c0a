// Exact fused multiply-add for FMA3 (Intel SDM Vol. 1 §14.5, Vol. 2 VFMADD…; §4.8 NaN rules, §11.5
// exceptions): the slow path of avx_fma.ts. ±(a·b) ± c is computed exactly on integer significands
// (24-bit limbs in a 216-bit window; an operand far below the other collapses into a sticky bit)
// and rounded once by MXCSR.RC with tininess detected after rounding, FTZ and DAZ, setting IE, DE,
// OE, UE and PE as the host does (an invalid operation reports IE only; the first NaN in the order
// multiplicand, multiplier, addend is returned quieted). Allocation-free: module-level scratch.
import type { Cpu } from '../state.js';
import {
  MX_IE, MX_DE, MX_OE, MX_UE, MX_PE, MX_DAZ, MX_FTZ, RC_RNE, RC_RD, RC_RU, DNAN32, DNAN64_HI,
  isNaN32, isNaN64, isDen32, isDen64,
} from './sse_softfp.js';

const B24 = 16777216;
/** Window limbs (24 bits each): 9 × 24 = 216 bits. */
const NL = 9;
const X = new Float64Array(NL + 2);
const Y = new Float64Array(NL + 2);
/** Product limbs. */
const P = new Float64Array(7);
/** Addend limbs. */
const M = new Float64Array(3);
/** Float64 result dwords. */
export const FOUT = new Int32Array(2);

/** Decomposed operand magnitude: integer significand (< 2^53) and exponent of its lsb. */
let dM = 0;
let dE = 0;

function decomp64(lo: number, hi: number): void {
  const e = (hi >>> 20) & 0x7ff;
  const m = (hi & 0xfffff) * 4294967296 + (lo >>> 0);
  if (e === 0) { dM = m; dE = -1074; } else { dM = m + 4503599627370496; dE = e - 1075; }
}

function decomp32(b: number): void {
  const e = (b >>> 23) & 0xff;
  const m = b & 0x7fffff;
  if (e === 0) { dM = m; dE = -149; } else { dM = m + 8388608; dE = e - 150; }
}

function bitlen(v: number): number {
  // v < 2^53, integer
  if (v < 4294967296) return 32 - Math.clz32(v);
  return 64 - Math.clz32(Math.floor(v / 4294967296));
}

/** Splits v (< 2^72) into 3 limbs of dst. */
function split3(v: number, dst: Float64Array): void {
  const l0 = v % B24;
  const r = (v - l0) / B24;
  const l1 = r % B24;
  dst[0] = l0; dst[1] = l1; dst[2] = (r - l1) / B24;
}

/** Normalises carries of a limb array of length n (values non-negative). */
function carry(a: Float64Array, n: number): void {
  let cy = 0;
  for (let k = 0; k < n; k++) {
    const v = a[k] + cy;
    const l = v % B24;
    a[k] = l;
    cy = (v - l) / B24;
  }
}

/** Sticky flag set by place(). */
let STK = false;

/**
 * Adds src limbs (ns of them) shifted to bit position pos into dst; bits that land below `cut`
 * are dropped into STK.
 */
function place(dst: Float64Array, src: Float64Array, ns: number, pos: number, cut: number): void {
  for (let j = 0; j < ns; j++) {
    let v = src[j];
    if (v === 0) continue;
    let q = pos + 24 * j;
    if (q + 24 <= cut) { STK = true; continue; }
    if (q < cut) {
      const d = Math.pow(2, cut - q);
      const keep = Math.floor(v / d);
      if (keep * d !== v) STK = true;
      v = keep;
      q = cut;
    }
    const k = Math.floor(q / 24);
    const sh = v * Math.pow(2, q - 24 * k); // < 2^48
    const lo = sh % B24;
    dst[k] += lo;
    dst[k + 1] += (sh - lo) / B24;
  }
}

/** Result fields of extract(): the kept integer and the round/sticky outcome. */
let eQ = 0;
let eHalf = 0; // 0 below half, 1 exactly half, 2 above half (of the last kept unit); -1 exact

/**
 * Extracts the bits of X from window position s upward as the integer eQ and classifies the
 * discarded bits below s in eHalf. A negative s scales the (exact) value up instead.
 */
function extract(s: number): void {
  if (s <= 0) {
    let acc = 0;
    for (let k = NL + 1; k >= 0; k--) acc = acc * B24 + X[k];
    eQ = acc * Math.pow(2, -s);
    eHalf = -1;
    return;
  }
  // Limbs past the window (s can exceed it when the whole value lies below the rounding point) read as 0.
  const top = NL + 1;
  const ql = Math.floor(s / 24);
  const r = s - 24 * ql;
  let acc = 0;
  for (let k = top; k > ql; k--) acc = acc * B24 + X[k];
  const d = Math.pow(2, r);
  eQ = acc * (B24 / d) + (ql <= top ? Math.floor(X[ql] / d) : 0);
  // The round bit (position s - 1) and whether anything below it is set.
  const hq = Math.floor((s - 1) / 24);
  const hr = s - 1 - 24 * hq;
  const hd = Math.pow(2, hr);
  const xh = hq <= top ? X[hq] : 0;
  const hbit = Math.floor(xh / hd) % 2;
  let below = xh % hd !== 0;
  for (let k = 0; k < hq && k <= top && !below; k++) if (X[k] !== 0) below = true;
  eHalf = hbit ? (below ? 2 : 1) : below ? 0 : -1;
}

/** Whether the extracted value rounds up (by rc, for sign neg). */
function roundsUp(rc: number, neg: boolean): boolean {
  if (eHalf < 0) return false;
  if (rc === RC_RNE) return eHalf === 2 || (eHalf === 1 && eQ % 2 === 1);
  if (rc === RC_RU) return !neg;
  if (rc === RC_RD) return neg;
  return false;
}

/** Output of fmaCore for float32: bits; for float64: FOUT. */
let R32 = 0;

/**
 * Exact ±(ma·2^ea · mb·2^eb) + (±mc·2^ec), rounded to precision p (24 or 53) by MXCSR mx.
 * sp/sc: signs (1 = negative) of the product and of the addend. Writes R32 or FOUT; returns the flags.
 */
function fmaCore(
  ma: number, ea: number, mb: number, eb: number, sp: number, mc: number, ec: number, sc: number,
  p: number, mx: number,
): number {
  const rc = (mx >> 13) & 3;
  const emin = p === 24 ? -126 : -1022;
  const emax = p === 24 ? 127 : 1023;
  const pz = ma === 0 || mb === 0;
  const cz = mc === 0;
  let neg = false;
  let fl = 0;
  if (pz && cz) {
    // Zeros: equal signs keep theirs; otherwise +0 (-0 when rounding down).
    neg = sp === sc ? sp === 1 : rc === RC_RD;
    return finish(0, 0, neg, p, fl, mx);
  }
  for (let k = 0; k < NL + 2; k++) { X[k] = 0; Y[k] = 0; }
  const ep = ea + eb;
  let topP = -1e9;
  let nP = 0;
  if (!pz) {
    split3(ma, M);
    const a0 = M[0], a1 = M[1], a2 = M[2];
    split3(mb, M);
    const b0 = M[0], b1 = M[1], b2 = M[2];
    P[0] = a0 * b0; P[1] = a0 * b1 + a1 * b0; P[2] = a0 * b2 + a1 * b1 + a2 * b0; P[3] = a1 * b2 + a2 * b1;
    P[4] = a2 * b2; P[5] = 0; P[6] = 0;
    carry(P, 7);
    nP = 7;
    let t = 6;
    while (t > 0 && P[t] === 0) t--;
    topP = ep + 24 * t + (32 - Math.clz32(P[t]));
  }
  const topC = cz ? -1e9 : ec + bitlen(mc);
  const hiTop = topP > topC ? topP : topC;
  const B = hiTop - 190;
  STK = false;
  if (!pz) place(X, P, nP, ep - B, 2);
  const stkP = STK;
  STK = false;
  if (!cz) { split3(mc, M); place(Y, M, 3, ec - B, 2); }
  const stkC = STK;
  if (stkP) X[0] += 1;
  if (stkC) Y[0] += 1;
  carry(X, NL + 2);
  carry(Y, NL + 2);
  // Signed sum into X (magnitude) with sign neg.
  if (pz) { for (let k = 0; k < NL + 2; k++) X[k] = Y[k]; neg = sc === 1; }
  else if (cz || sp === sc) {
    for (let k = 0; k < NL + 2; k++) X[k] += Y[k];
    carry(X, NL + 2);
    neg = sp === 1;
  } else {
    let cmp = 0;
    for (let k = NL + 1; k >= 0; k--) if (X[k] !== Y[k]) { cmp = X[k] > Y[k] ? 1 : -1; break; }
    if (cmp === 0) return finish(0, 0, rc === RC_RD, p, fl, mx); // exact cancellation
    const big = cmp > 0 ? X : Y;
    const small = cmp > 0 ? Y : X;
    let br = 0;
    for (let k = 0; k < NL + 2; k++) {
      let v = big[k] - small[k] - br;
      if (v < 0) { v += B24; br = 1; } else br = 0;
      X[k] = v;
    }
    neg = cmp > 0 ? sp === 1 : sc === 1;
  }
  // Leading bit.
  let t = NL + 1;
  while (t > 0 && X[t] === 0) t--;
  const tb = 24 * t + (31 - Math.clz32(X[t]));
  const lead = B + tb;
  // Tininess after rounding with an unbounded exponent.
  let tiny = false;
  if (lead < emin - 1) tiny = true;
  else if (lead === emin - 1) {
    extract(tb - p + 1);
    const q = eQ + (roundsUp(rc, neg) ? 1 : 0);
    tiny = q < Math.pow(2, p);
  }
  let rp = lead - p + 1;
  if (rp < emin - p + 1) rp = emin - p + 1;
  const s = rp - B;
  extract(s);
  let q = eQ;
  const inexact = eHalf >= 0;
  if (roundsUp(rc, neg)) q += 1;
  if (inexact) fl |= MX_PE;
  if (q === Math.pow(2, p)) { q = Math.pow(2, p - 1); rp += 1; }
  if (rp + p - 1 > emax) {
    fl |= MX_OE | MX_PE;
    const inf = rc === RC_RNE || (rc === RC_RU && !neg) || (rc === RC_RD && neg);
    return finish(inf ? -1 : -2, 0, neg, p, fl, mx);
  }
  if (tiny) {
    if (mx & MX_FTZ) return finish(0, 0, neg, p, fl | MX_UE | MX_PE, mx);
    if (inexact) fl |= MX_UE;
  }
  return finish(q, rp, neg, p, fl, mx);
}

/**
 * Encodes q·2^rp (q = 0: zero; -1: infinity; -2: the largest finite) with the sign into R32 or FOUT.
 * Returns the flags.
 */
function finish(q: number, rp: number, neg: boolean, p: number, fl: number, _mx: number): number {
  if (p === 24) {
    let b: number;
    if (q === 0) b = 0;
    else if (q === -1) b = 0x7f800000;
    else if (q === -2) b = 0x7f7fffff;
    else if (q < 8388608) b = q; // denormal (rp = -149)
    else b = ((rp + 23 + 127) << 23) | (q - 8388608);
    R32 = neg ? b | 0x80000000 : b;
    return fl;
  }
  let lo = 0;
  let hi = 0;
  if (q === -1) hi = 0x7ff00000;
  else if (q === -2) { hi = 0x7fefffff; lo = -1; }
  else if (q !== 0) {
    let m = q;
    let be = 0;
    if (q >= 4503599627370496) { m = q - 4503599627370496; be = rp + 52 + 1023; }
    const mh = Math.floor(m / 4294967296);
    lo = (m - mh * 4294967296) | 0;
    hi = (be << 20) | mh;
  }
  FOUT[0] = lo;
  FOUT[1] = neg ? hi | 0x80000000 : hi;
  return fl;
}

// ---- float32 ---------------------------------------------------------------------------------------

// ---- float32 ----------------------------------------------------------------------------------------

/** ±(a·b) ± d on float32 bits (nm: negate the product, nc: the addend), all MXCSR semantics; returns the bits. */
export function fma32Slow(c: Cpu, a: number, b: number, d: number, nm: boolean, nc: boolean): number {
  const mx = c.mxcsr;
  if (isNaN32(a) || isNaN32(b) || isNaN32(d)) {
    if ((isNaN32(a) && (a & 0x400000) === 0) || (isNaN32(b) && (b & 0x400000) === 0) || (isNaN32(d) && (d & 0x400000) === 0)) c.mxcsr |= MX_IE;
    // The host picks the first NaN in arithmetic order: multiplicand, multiplier, addend.
    const r = isNaN32(a) ? a : isNaN32(b) ? b : d;
    return r | 0x400000;
  }
  let fl = 0;
  if (isDen32(a)) { if (mx & MX_DAZ) a &= 0x80000000; else fl |= MX_DE; }
  if (isDen32(b)) { if (mx & MX_DAZ) b &= 0x80000000; else fl |= MX_DE; }
  if (isDen32(d)) { if (mx & MX_DAZ) d &= 0x80000000; else fl |= MX_DE; }
  const sp = ((a ^ b) >>> 31) ^ (nm ? 1 : 0);
  const sc = (d >>> 31) ^ (nc ? 1 : 0);
  const ai = (a & 0x7fffffff) === 0x7f800000;
  const bi = (b & 0x7fffffff) === 0x7f800000;
  const di = (d & 0x7fffffff) === 0x7f800000;
  const az = (a & 0x7fffffff) === 0;
  const bz = (b & 0x7fffffff) === 0;
  // Invalid (0·∞, ∞ - ∞): IE only; the host reports no DE for a denormal operand then.
  if ((ai && bz) || (bi && az)) { c.mxcsr |= MX_IE; return DNAN32; }
  if (ai || bi) {
    if (di && sp !== sc) { c.mxcsr |= MX_IE; return DNAN32; }
    c.mxcsr |= fl;
    return sp ? 0xff800000 | 0 : 0x7f800000;
  }
  if (di) { c.mxcsr |= fl; return sc ? 0xff800000 | 0 : 0x7f800000; }
  decomp32(a);
  const ma = dM, ea = dE;
  decomp32(b);
  const mb = dM, eb = dE;
  decomp32(d);
  fl |= fmaCore(ma, ea, mb, eb, sp, dM, dE, sc, 24, mx);
  if (fl !== 0) c.mxcsr |= fl;
  return R32 | 0;
}

// ---- float64 ---------------------------------------------------------------------------------------

// ---- float64 ----------------------------------------------------------------------------------------

/** ±(a·b) ± d on float64 dwords into FOUT (see fma32Slow). */
export function fma64Slow(
  c: Cpu, aLo: number, aHi: number, bLo: number, bHi: number, dLo: number, dHi: number, nm: boolean, nc: boolean,
): void {
  const mx = c.mxcsr;
  const an = isNaN64(aLo, aHi), bn = isNaN64(bLo, bHi), dn = isNaN64(dLo, dHi);
  if (an || bn || dn) {
    if ((an && (aHi & 0x80000) === 0) || (bn && (bHi & 0x80000) === 0) || (dn && (dHi & 0x80000) === 0)) c.mxcsr |= MX_IE;
    // The first NaN in arithmetic order (multiplicand, multiplier, addend), quieted.
    if (an) { FOUT[0] = aLo; FOUT[1] = aHi | 0x80000; } else if (bn) { FOUT[0] = bLo; FOUT[1] = bHi | 0x80000; } else { FOUT[0] = dLo; FOUT[1] = dHi | 0x80000; }
    return;
  }
  let fl = 0;
  if (isDen64(aLo, aHi)) { if (mx & MX_DAZ) { aLo = 0; aHi &= 0x80000000; } else fl |= MX_DE; }
  if (isDen64(bLo, bHi)) { if (mx & MX_DAZ) { bLo = 0; bHi &= 0x80000000; } else fl |= MX_DE; }
  if (isDen64(dLo, dHi)) { if (mx & MX_DAZ) { dLo = 0; dHi &= 0x80000000; } else fl |= MX_DE; }
  const sp = ((aHi ^ bHi) >>> 31) ^ (nm ? 1 : 0);
  const sc = (dHi >>> 31) ^ (nc ? 1 : 0);
  const ai = (aHi & 0x7fffffff) === 0x7ff00000 && aLo === 0;
  const bi = (bHi & 0x7fffffff) === 0x7ff00000 && bLo === 0;
  const di = (dHi & 0x7fffffff) === 0x7ff00000 && dLo === 0;
  const az = (aHi & 0x7fffffff) === 0 && aLo === 0;
  const bz = (bHi & 0x7fffffff) === 0 && bLo === 0;
  if ((ai && bz) || (bi && az) || ((ai || bi) && di && sp !== sc)) {
    c.mxcsr |= MX_IE; // no DE with an invalid operation (as fma32Slow)
    FOUT[0] = 0; FOUT[1] = DNAN64_HI;
    return;
  }
  if (ai || bi || di) {
    c.mxcsr |= fl;
    FOUT[0] = 0;
    FOUT[1] = ((ai || bi) ? sp : sc) ? 0xfff00000 | 0 : 0x7ff00000;
    return;
  }
  decomp64(aLo, aHi);
  const ma = dM, ea = dE;
  decomp64(bLo, bHi);
  const mb = dM, eb = dE;
  decomp64(dLo, dHi);
  fl |= fmaCore(ma, ea, mb, eb, sp, dM, dE, sc, 53, mx);
  if (fl !== 0) c.mxcsr |= fl;
}

