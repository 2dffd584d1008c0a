// IEEE 754 arithmetic exactly as SSE performs it (Intel SDM Vol. 1 §4.8.3 NaN rules, §4.9
// exceptions and tininess, §10.2.3 MXCSR, §11.5 SIMD floating-point exceptions): NaN propagation
// by bits, the default NaN, MXCSR flags, the four rounding modes, DAZ and FTZ. Results come from
// JS double arithmetic (round-to-nearest-even) plus error-free transformations (TwoSum, Dekker's
// TwoProduct) that give the sign of the rounding error; float32 goes through round-to-odd doubles.
// Everything here is allocation-free; handlers call these only off their fast paths.
import type { Cpu } from '../state.js';

/** MXCSR exception flags and control bits (SDM Vol. 1 Figure 10-3). */
export const MX_IE = 0x1;
export const MX_DE = 0x2;
export const MX_ZE = 0x4;
export const MX_OE = 0x8;
export const MX_UE = 0x10;
export const MX_PE = 0x20;
export const MX_DAZ = 0x40;
export const MX_FTZ = 0x8000;
/** Rounding control values (MXCSR bits 13-14, also ROUNDxx imm8[1:0]). */
export const RC_RNE = 0;
export const RC_RD = 1;
export const RC_RU = 2;
export const RC_RZ = 3;

/** Arithmetic operation selectors for the slow paths. */
export const OP_ADD = 0;
export const OP_SUB = 1;
export const OP_MUL = 2;
export const OP_DIV = 3;
export const OP_SQRT = 4;

/** Largest finite float64 and float32, smallest normals. */
export const MAX64 = 1.7976931348623157e308;
export const MIN64 = 2.2250738585072014e-308;
export const MAX32 = 3.4028234663852886e38;
export const MIN32 = 1.1754943508222875e-38;

/** Default NaN (SDM Vol. 1 Table 4-3, "QNaN floating-point indefinite"): high dword / f32 bits. */
export const DNAN64_HI = -524288; // 0xFFF80000, low dword 0
export const DNAN32 = -4194304; // 0xFFC00000

/** Result of the float64 slow paths: low and high dwords. */
export const OUT = new Int32Array(2);

const F = new Float64Array(1);
const FI = new Int32Array(F.buffer);
const G = new Float32Array(1);
const GI = new Int32Array(G.buffer);

/**
 * True when the handlers' fast paths are exact: all exceptions masked, round to nearest, no DAZ
 * or FTZ, and PE already set (it is sticky, so exactness need not be checked any more).
 */
export function fastMx(mx: number): boolean {
  return (mx | 0x1f) === 0x1fbf;
}

/** Double from two dwords. */
export function f64Of(lo: number, hi: number): number {
  FI[0] = lo; FI[1] = hi;
  return F[0];
}

/** Float32 value (as a double) from its bits; NaNs come back quieted, so test bits first. */
export function f32Of(b: number): number {
  GI[0] = b;
  return G[0];
}

/** Bits of a non-NaN double that is exactly representable as float32. */
export function bitsOf32(x: number): number {
  G[0] = x;
  return GI[0];
}

/** Writes a non-NaN double to OUT. */
export function put64(x: number): void {
  F[0] = x;
  OUT[0] = FI[0]; OUT[1] = FI[1];
}

/** Float64 NaN test on bits. */
export function isNaN64(lo: number, hi: number): boolean {
  return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
}

/** Float32 NaN test on bits. */
export function isNaN32(b: number): boolean {
  return (b & 0x7fffffff) > 0x7f800000;
}

/** Float64 denormal test on bits. */
export function isDen64(lo: number, hi: number): boolean {
  return (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) | lo) !== 0;
}

/** Float32 denormal test on bits. */
export function isDen32(b: number): boolean {
  return (b & 0x7f800000) === 0 && (b & 0x7fffff) !== 0;
}

/** 2^k for -1022 <= k <= 1023. */
function pow2(k: number): number {
  FI[0] = 0; FI[1] = (k + 1023) << 20;
  return F[0];
}

/** x * 2^k, exact when the result is normal. */
function ldexp(x: number, k: number): number {
  while (k > 1000) { x *= pow2(1000); k -= 1000; }
  while (k < -1000) { x *= pow2(-1000); k += 1000; }
  return x * pow2(k);
}

/** floor(log2 |x|) for finite nonzero x (denormals included). */
function expOf(x: number): number {
  F[0] = x;
  const e = (FI[1] >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  F[0] = x * 18446744073709551616;
  return ((FI[1] >>> 20) & 0x7ff) - 1023 - 64;
}

/** Next double toward +Infinity (x finite). */
function nextUp(x: number): number {
  if (x === 0) return 5e-324;
  F[0] = x;
  let lo = FI[0];
  let hi = FI[1];
  if (x > 0) {
    lo = (lo + 1) | 0;
    if (lo === 0) hi++;
  } else {
    if (lo === 0) hi--;
    lo = (lo - 1) | 0;
  }
  FI[0] = lo; FI[1] = hi;
  return F[0];
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Error of s = fl(a + b): a + b = s + err exactly (Knuth's TwoSum; no overflow assumed). */
export function twoSumErr(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** Error of p = fl(a * b): a * b = p + err exactly (Dekker; |a|,|b| moderate). */
export function twoProdErr(a: number, b: number, p: number): number {
  let t = 134217729 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** Round to odd: the value d + e (|e| below half an ulp of d) rounded to 53 bits, sticky in the LSB. */
export function toOdd(d: number, e: number): number {
  if (e === 0) return d;
  F[0] = d;
  if ((FI[0] & 1) === 0) d = e > 0 ? nextUp(d) : nextDown(d);
  return d;
}

/** Integer rounding of a finite double by rounding control rc; keeps the sign of zero results. */
export function roundInt(x: number, rc: number): number {
  switch (rc) {
    case RC_RD: return Math.floor(x);
    case RC_RU: return Math.ceil(x);
    case RC_RZ: return Math.trunc(x);
  }
  const f = Math.floor(x);
  const d = x - f; // exact: |x| < 2^52 here, or x is already an integer and d = 0
  let r = f;
  if (d > 0.5 || (d === 0.5 && f % 2 !== 0)) r = f + 1;
  return r === 0 ? x * 0 : r;
}

// ---- float32 ------------------------------------------------------------------------------

/** Rounds x (exact, or rounded to odd at 53 bits) to float32 with bounded exponent, mode rc. */
export function rnd32(x: number, rc: number): number {
  const r = Math.fround(x);
  if (r === x || rc === RC_RNE) return r;
  let adj = 0; // +1: step the result toward +Inf, -1: toward -Inf
  if (rc === RC_RD) { if (r > x) adj = -1; }
  else if (rc === RC_RU) { if (r < x) adj = 1; }
  else if (Math.abs(r) > Math.abs(x)) adj = r > 0 ? -1 : 1;
  if (adj === 0) return r;
  G[0] = r;
  let b = GI[0];
  if (r === 0) b = adj > 0 ? 1 : 0x80000001; // smallest denormal of the stepping direction
  else if ((r > 0) === (adj > 0)) b++;
  else b--;
  GI[0] = b;
  return G[0];
}

/**
 * Packs x (a nonzero finite double, exact or rounded to odd) into float32 bits by MXCSR mx,
 * setting OE/UE/PE as SSE does: overflow and tininess are judged on the result rounded with an
 * unbounded exponent (after rounding, as x86 does); FTZ flushes tiny results to zero.
 */
export function pack32(c: Cpu, x: number, mx: number): number {
  const rc = (mx >> 13) & 3;
  let r = rnd32(x, rc);
  let fl = r !== x ? MX_PE : 0;
  const m = Math.abs(x);
  if (m > MAX32) {
    if (Math.abs(rnd32(x * 5.421010862427522e-20, rc)) >= 18446744073709551616) fl |= MX_OE | MX_PE;
  } else if (m < MIN32) {
    if (Math.abs(rnd32(x * 18446744073709551616, rc)) < 2.168404344971009e-19) {
      if (mx & MX_FTZ) { r = x < 0 ? -0 : 0; fl |= MX_UE | MX_PE; }
      else if (fl !== 0) fl |= MX_UE;
    }
  }
  if (fl !== 0) c.mxcsr |= fl;
  return bitsOf32(r);
}

/**
 * Float32 add/sub/mul/div/sqrt on bits (sqrt uses b only), all MXCSR semantics. Returns the
 * result bits and ORs the exception flags into c.mxcsr.
 */
export function f32Arith(c: Cpu, op: number, ab: number, bb: number): number {
  const mx = c.mxcsr;
  const aNaN = op !== OP_SQRT && isNaN32(ab);
  const bNaN = isNaN32(bb);
  if (aNaN || bNaN) {
    // SDM Table 4-7: an SNaN signals IE; the first source's NaN wins, quieted.
    if ((aNaN && (ab & 0x400000) === 0) || (bNaN && (bb & 0x400000) === 0)) c.mxcsr |= MX_IE;
    return (aNaN ? ab : bb) | 0x400000;
  }
  let fl = 0;
  let a = 0;
  if (op !== OP_SQRT) {
    a = f32Of(ab);
    if (isDen32(ab)) { if (mx & MX_DAZ) a = ab < 0 ? -0 : 0; else fl |= MX_DE; }
  }
  let b = f32Of(bb);
  if (isDen32(bb)) { if (mx & MX_DAZ) b = bb < 0 ? -0 : 0; else fl |= MX_DE; }
  if (op === OP_SUB) b = -b;
  let d = 0;
  let e = 0;
  switch (op) {
    case OP_ADD: case OP_SUB:
      if (a - a !== 0 || b - b !== 0) { // an infinity
        if (a === -b) { c.mxcsr |= fl | MX_IE; return DNAN32; }
        d = a + b; break;
      }
      d = a + b;
      e = twoSumErr(a, b, d);
      if (d === 0 && e === 0) d = zeroSum(a, b, mx);
      break;
    case OP_MUL:
      d = a * b;
      if (d !== d) { c.mxcsr |= fl | MX_IE; return DNAN32; } // 0 * Inf
      break;
    case OP_DIV:
      if ((a === 0 && b === 0) || (a - a !== 0 && b - b !== 0)) { c.mxcsr |= fl | MX_IE; return DNAN32; }
      if (b === 0) { // x/0: ZE only for a finite dividend; Inf/0 is an exact infinity
        c.mxcsr |= a - a === 0 ? fl | MX_ZE : fl;
        return bitsOf32(a < 0 !== (1 / b < 0) ? -Infinity : Infinity);
      }
      d = a / b;
      if (d !== 0 && d - d === 0 && b - b === 0) e = a - d * b - twoProdErr(d, b, d * b);
      if (b < 0) e = -e;
      break;
    default: // OP_SQRT
      if (b < 0) { c.mxcsr |= fl | MX_IE; return DNAN32; }
      d = Math.sqrt(b);
      if (d !== 0 && d - d === 0) e = b - d * d - twoProdErr(d, d, d * d);
  }
  if (fl !== 0) c.mxcsr |= fl;
  if (d === 0 || d - d !== 0) return bitsOf32(d); // exact zero or an infinity from an infinite operand
  return pack32(c, toOdd(d, e), mx);
}

/** Sign of an exact zero sum (IEEE 754 §6.3): -0 only for -0 + -0, or any zero sum when rounding down. */
function zeroSum(a: number, b: number, mx: number): number {
  if (a === 0 && b === 0 && 1 / a < 0 && 1 / b < 0) return -0;
  return ((mx >> 13) & 3) === RC_RD ? -0 : 0;
}

// ---- float64 ------------------------------------------------------------------------------

/**
 * Writes (p + e) * 2^E rounded by MXCSR mx to OUT and returns the flags. p = fl(p + e) is a
 * nonzero double rounded to nearest, |e| below half its ulp (only e's sign and zeroness matter).
 */
function pack64(p: number, e: number, E: number, mx: number): number {
  const rc = (mx >> 13) & 3;
  let fl = e !== 0 ? MX_PE : 0;
  let q = p;
  if (e !== 0 && rc !== RC_RNE) {
    if (rc === RC_RD) { if (e < 0) q = nextDown(q); }
    else if (rc === RC_RU) { if (e > 0) q = nextUp(q); }
    else if ((e < 0) !== (q < 0)) q = q > 0 ? nextDown(q) : nextUp(q);
  }
  const qe = expOf(q) + E;
  const neg = p < 0;
  if (qe >= 1024) {
    const inf = rc === RC_RNE || (rc === RC_RU && !neg) || (rc === RC_RD && neg);
    put64(inf ? (neg ? -Infinity : Infinity) : (neg ? -MAX64 : MAX64));
    return fl | MX_OE | MX_PE;
  }
  if (qe >= -1022) {
    put64(ldexp(q, E));
    return fl;
  }
  // Tiny after rounding: FTZ flushes; otherwise round the exact value onto the denormal grid.
  if (mx & MX_FTZ) {
    put64(neg ? -0 : 0);
    return fl | MX_UE | MX_PE;
  }
  const m = Math.abs(p);
  const em = neg ? -e : e;
  const sh = E + 1074;
  let n = 0;
  let cat = 1; // 0 exact, 1 below half, 2 half, 3 above half (of the last denormal ulp)
  if (expOf(m) + sh >= -2) {
    const u = ldexp(m, sh);
    n = Math.floor(u);
    const f = u - n;
    if (f === 0) {
      if (em === 0) cat = 0;
      else if (em < 0) { n -= 1; cat = 3; }
    } else if (f > 0.5) cat = 3;
    else if (f === 0.5) cat = em === 0 ? 2 : em > 0 ? 3 : 1;
  }
  let up = 0;
  if (cat !== 0) {
    fl |= MX_UE | MX_PE;
    if (rc === RC_RNE) up = cat === 3 || (cat === 2 && (n & 1) === 1) ? 1 : 0;
    else if (rc === RC_RU) up = neg ? 0 : 1;
    else if (rc === RC_RD) up = neg ? 1 : 0;
  }
  const r = (n + up) * 5e-324;
  put64(neg ? -r : r);
  return fl;
}

/** Magnitude-normalising split: returns m in [1, 2) (sign kept) and leaves the exponent in NE. */
let NE = 0;
function norm(x: number): number {
  NE = expOf(x);
  return ldexp(x, -NE);
}

/**
 * Float64 add/sub/mul/div/sqrt on dwords (sqrt uses b only), all MXCSR semantics. Writes the
 * result to OUT and ORs the exception flags into c.mxcsr.
 */
export function f64Arith(c: Cpu, op: number, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const mx = c.mxcsr;
  const aNaN = op !== OP_SQRT && isNaN64(aLo, aHi);
  const bNaN = isNaN64(bLo, bHi);
  if (aNaN || bNaN) {
    if ((aNaN && (aHi & 0x80000) === 0) || (bNaN && (bHi & 0x80000) === 0)) c.mxcsr |= MX_IE;
    if (aNaN) { OUT[0] = aLo; OUT[1] = aHi | 0x80000; } else { OUT[0] = bLo; OUT[1] = bHi | 0x80000; }
    return;
  }
  let fl = 0;
  let a = 0;
  if (op !== OP_SQRT) {
    a = f64Of(aLo, aHi);
    if (isDen64(aLo, aHi)) { if (mx & MX_DAZ) a = aHi < 0 ? -0 : 0; else fl |= MX_DE; }
  }
  let b = f64Of(bLo, bHi);
  if (isDen64(bLo, bHi)) { if (mx & MX_DAZ) b = bHi < 0 ? -0 : 0; else fl |= MX_DE; }
  if (op === OP_SUB) b = -b;
  let special = true; // result is exact and already known (zeros, infinities, NaN)
  let r = 0;
  let p = 0;
  let e = 0;
  let E = 0;
  switch (op) {
    case OP_ADD: case OP_SUB:
      if (a - a !== 0 || b - b !== 0) {
        if (a === -b) { fl |= MX_IE; r = NaN; } else r = a + b;
        break;
      }
      if (Math.abs(a) >= 1e300 || Math.abs(b) >= 1e300) {
        // Scale by 2^-4 so the sum cannot overflow; a negligible addend only keeps its sign.
        let as = a * 0.0625;
        let bs = b * 0.0625;
        if (Math.abs(a) < 1e-270) as = a < 0 ? -1e-280 : a > 0 ? 1e-280 : a;
        if (Math.abs(b) < 1e-270) bs = b < 0 ? -1e-280 : b > 0 ? 1e-280 : b;
        p = as + bs;
        e = twoSumErr(as, bs, p);
        E = 4;
      } else {
        p = a + b;
        e = twoSumErr(a, b, p);
      }
      if (p === 0 && e === 0) r = zeroSum(a, b, mx);
      else special = false;
      break;
    case OP_MUL:
      if (a === 0 || b === 0 || a - a !== 0 || b - b !== 0) {
        r = a * b;
        if (r !== r) fl |= MX_IE;
        break;
      }
      {
        const ma = norm(a);
        const ea = NE;
        const mb = norm(b);
        p = ma * mb;
        e = twoProdErr(ma, mb, p);
        E = ea + NE;
        special = false;
      }
      break;
    case OP_DIV:
      if ((a === 0 && b === 0) || (a - a !== 0 && b - b !== 0)) { fl |= MX_IE; r = NaN; break; }
      if (b === 0) {
        if (a - a === 0) fl |= MX_ZE;
        r = (a < 0) !== (1 / b < 0) ? -Infinity : Infinity;
        break;
      }
      if (a === 0 || a - a !== 0 || b - b !== 0) { r = a / b; break; }
      {
        const ma = norm(a);
        const ea = NE;
        const mb = Math.abs(norm(b));
        p = ma / mb;
        const rem = ma - p * mb - twoProdErr(p, mb, p * mb);
        e = b < 0 ? -rem : rem;
        if (b < 0) p = -p;
        E = ea - NE;
        special = false;
      }
      break;
    default: // OP_SQRT
      if (b < 0) { fl |= MX_IE; r = NaN; break; }
      if (b === 0 || b - b !== 0) { r = b; break; }
      {
        let mb = norm(b);
        let eb = NE;
        if (eb & 1) { mb *= 2; eb -= 1; }
        p = Math.sqrt(mb);
        e = mb - p * p - twoProdErr(p, p, p * p);
        E = eb / 2;
        special = false;
      }
  }
  if (special) {
    if (r !== r) { OUT[0] = 0; OUT[1] = DNAN64_HI; } else put64(r);
  } else {
    fl |= pack64(p, e, E, mx);
  }
  if (fl !== 0) c.mxcsr |= fl;
}

/** Converts a signed 64-bit integer (lo/hi) to float64 by MXCSR.RC into OUT; ORs PE. */
export function i64ToF64(c: Cpu, lo: number, hi: number): void {
  const h = hi * 4294967296;
  const l = lo >>> 0;
  const p = h + l;
  if (p === 0) { put64(0); return; }
  const fl = pack64(p, twoSumErr(h, l, p), 0, c.mxcsr);
  if (fl !== 0) c.mxcsr |= fl;
}

/** Converts a signed 64-bit integer (lo/hi) to float32 bits by MXCSR.RC; ORs PE. */
export function i64ToF32(c: Cpu, lo: number, hi: number): number {
  const h = hi * 4294967296;
  const l = lo >>> 0;
  const p = h + l;
  if (p === 0) return 0;
  return pack32(c, toOdd(p, twoSumErr(h, l, p)), c.mxcsr);
}

/** Converts float64 dwords to float32 bits (CVTSD2SS rules: NaN quieting, DE, DAZ, FTZ). */
export function f64ToF32(c: Cpu, lo: number, hi: number): number {
  const mx = c.mxcsr;
  if (isNaN64(lo, hi)) {
    if ((hi & 0x80000) === 0) c.mxcsr |= MX_IE;
    return (hi & 0x80000000) | 0x7fc00000 | ((hi & 0x7ffff) << 3) | (lo >>> 29);
  }
  let x = f64Of(lo, hi);
  if (isDen64(lo, hi)) {
    if (mx & MX_DAZ) x = hi < 0 ? -0 : 0;
    else c.mxcsr |= MX_DE;
  }
  if (x === 0 || x - x !== 0) return bitsOf32(x);
  return pack32(c, x, mx);
}

/** Converts float32 bits to float64 dwords in OUT (CVTSS2SD rules: NaN quieting, DE, DAZ). */
export function f32ToF64(c: Cpu, b: number): void {
  if (isNaN32(b)) {
    if ((b & 0x400000) === 0) c.mxcsr |= MX_IE;
    OUT[0] = (b & 7) << 29;
    OUT[1] = (b & 0x80000000) | 0x7ff80000 | ((b & 0x3fffff) >>> 3);
    return;
  }
  let x = f32Of(b);
  if (isDen32(b)) {
    if (c.mxcsr & MX_DAZ) x = b < 0 ? -0 : 0;
    else c.mxcsr |= MX_DE;
  }
  put64(x);
}

/**
 * Converts a finite-or-not double to a signed integer of 32 or 64 bits (CVT[T]xx2SI rules):
 * rounding by rc, PE when inexact, IE and the integer indefinite (0x80000000[00000000]) when NaN
 * or out of range. Returns the low dword; the high dword is left in OUT[1].
 */
export function toInt(c: Cpu, x: number, rc: number, wide: boolean): number {
  if (x === x) {
    const r = roundInt(x, rc);
    if (wide ? (r >= -9223372036854775808 && r < 9223372036854775808) : (r >= -2147483648 && r <= 2147483647)) {
      if (r !== x) c.mxcsr |= MX_PE;
      const hi = Math.floor(r / 4294967296);
      OUT[1] = hi;
      return (r - hi * 4294967296) | 0;
    }
  }
  c.mxcsr |= MX_IE;
  OUT[1] = wide ? -2147483648 : 0;
  return wide ? 0 : -2147483648;
}
