// IEEE 754 arithmetic exactly as SSE performs it (Intel SDM Vol. 1 §4.8.3 NaN rules, §4.9
// exceptions and tininess, §10.2.3 MXCSR, §11.5 SIMD floating-point exceptions): NaN propagation
// by bits, the default NaN, MXCSR flags, the four rounding modes, DAZ and FTZ. Results come from
// JS double arithmetic (round-to-nearest-even) plus error-free transformations (TwoSum, Dekker's
// TwoProduct) that give the sign of the rounding error; float32 goes through round-to-odd doubles.
// Everything here is allocation-free; handlers call these only off their fast paths.
// Flag details follow the AMD Zen host the vectors were recorded on (tools/gen/sse_vectors.c): an
// SNaN/QNaN operand suppresses DE; x/0 reports ZE but not DE; sqrt(-denormal) reports IE only;
// tininess is judged after rounding; FTZ flushes exact tiny results too (UE and PE set).
// DIVERGES: unmasked SIMD floating-point exceptions (MXCSR mask bits cleared) do not raise #XM
// (SIGFPE): results and flags are always those of the masked response.
import type { Cpu } from '../state.js';

/** MXCSR.IE: invalid operation (SDM Vol. 1 Figure 10-3). */
export const MX_IE = 0x1;
/** MXCSR.DE: denormal operand. */
export const MX_DE = 0x2;
/** MXCSR.ZE: divide by zero. */
export const MX_ZE = 0x4;
/** MXCSR.OE: overflow. */
export const MX_OE = 0x8;
/** MXCSR.UE: underflow. */
export const MX_UE = 0x10;
/** MXCSR.PE: precision (inexact). */
export const MX_PE = 0x20;
/** MXCSR.DAZ: denormal source operands read as zero. */
export const MX_DAZ = 0x40;
/** MXCSR.FTZ: tiny results flushed to zero (underflow masked). */
export const MX_FTZ = 0x8000;
/** Rounding control: to nearest even (MXCSR bits 13-14, ROUNDxx imm8[1:0]). */
export const RC_RNE = 0;
/** Rounding control: toward -Infinity. */
export const RC_RD = 1;
/** Rounding control: toward +Infinity. */
export const RC_RU = 2;
/** Rounding control: toward zero. */
export const RC_RZ = 3;

/** Slow-path operation: addition. */
export const OP_ADD = 0;
/** Slow-path operation: subtraction. */
export const OP_SUB = 1;
/** Slow-path operation: multiplication. */
export const OP_MUL = 2;
/** Slow-path operation: division. */
export const OP_DIV = 3;
/** Slow-path operation: square root (second operand only). */
export const OP_SQRT = 4;

/** Largest finite float64. */
export const MAX64 = 1.7976931348623157e308;
/** Smallest normal float64. */
export const MIN64 = 2.2250738585072014e-308;
/** Largest finite float32. */
export const MAX32 = 3.4028234663852886e38;
/** Smallest normal float32. */
export const MIN32 = 1.1754943508222875e-38;

/** Default NaN, "QNaN floating-point indefinite" (SDM Vol. 1 Table 4-3): float64 high dword, low 0. */
export const DNAN64_HI = -524288; // 0xFFF80000
/** Default NaN as float32 bits. */
export const DNAN32 = -4194304; // 0xFFC00000

/** Result of the float64 slow paths: low and high dwords. */
export const OUT = new Int32Array(2);

const F = new Float64Array(1);
const FI = new Int32Array(F.buffer);
const G = new Float32Array(1);
const GI = new Int32Array(G.buffer);
/*
 * Doubles never cross a call boundary here: V8 boxes (allocates) a double passed to or returned
 * from a function it does not inline (including an integer-valued -0), and the slow paths exhaust
 * its inlining budget. Helpers exchange doubles through these scratch arrays instead (and F/G
 * above for bit conversions).
 * R: value and rounding error for pack32R/pack64/toIntR. RX: rnd32b's input. LD: ldexpR's
 * value. ST: stepR's value. DK: Dekker product inputs a, b, p and the error. NRM: normR's value.
 */
const R = new Float64Array(2);
const RX = new Float64Array(1);
const LD = new Float64Array(1);
const ST = new Float64Array(1);
const DK = new Float64Array(4);
const NRM = new Float64Array(1);

/**
 * True when the handlers' fast paths are exact: all exceptions masked, round to nearest, and PE
 * already set (it is sticky, so exactness need not be checked any more). DAZ and FTZ may be on
 * (-ffast-math sets them): the fast paths only accept normal or zero operands and results.
 */
export function fastMx(mx: number): boolean {
  return (mx | 0x805f) === 0x9fff;
}

/** Writes an int32-valued number (not a general double: see the boxing note above) to OUT as float64. */
export function put64(v: number): void {
  F[0] = v;
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

/** LD[0] *= 2^k, exact when the result is normal. */
function ldexpR(k: number): void {
  let x = LD[0];
  FI[0] = 0;
  while (k > 1000) { FI[1] = 2023 << 20; x *= F[0]; k -= 1000; }
  while (k < -1000) { FI[1] = 23 << 20; x *= F[0]; k += 1000; }
  FI[1] = (k + 1023) << 20;
  LD[0] = x * F[0];
}

/** floor(log2 |F[0]|) for a finite nonzero F[0] (denormals included); clobbers F. */
function expF(): number {
  const e = (FI[1] >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  F[0] *= 18446744073709551616;
  return ((FI[1] >>> 20) & 0x7ff) - 1023 - 64;
}

/** Steps the finite double ST[0] one ulp toward +Infinity (up) or -Infinity. */
function stepR(up: boolean): void {
  const x = ST[0];
  if (x === 0) { ST[0] = up ? 5e-324 : -5e-324; return; }
  F[0] = x;
  let lo = FI[0];
  let hi = FI[1];
  if ((x > 0) === up) { lo = (lo + 1) | 0; if (lo === 0) hi++; } // magnitude grows
  else { if (lo === 0) hi--; lo = (lo - 1) | 0; }
  FI[0] = lo; FI[1] = hi;
  ST[0] = F[0];
}

/** Dekker's TwoProduct: DK[3] = DK[0] * DK[1] - DK[2] exactly, DK[2] = fl(DK[0] * DK[1]) (moderate magnitudes). */
function dekker(): void {
  const a = DK[0];
  const b = DK[1];
  const p = DK[2];
  let t = 134217729 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  DK[3] = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** Round to odd in place: R[0] + R[1] (|R[1]| below half an ulp of R[0]) to 53 bits, sticky in the LSB. */
function toOddR(): void {
  const d = R[0];
  const e = R[1];
  if (e === 0) return;
  F[0] = d;
  let lo = FI[0];
  if ((lo & 1) !== 0) return;
  // Step one ulp toward d + e (d is nonzero): on bits, +1 grows the magnitude for either sign.
  let hi = FI[1];
  if ((e > 0) === (d > 0)) { lo = (lo + 1) | 0; if (lo === 0) hi++; }
  else { if (lo === 0) hi--; lo = (lo - 1) | 0; }
  FI[0] = lo; FI[1] = hi;
  R[0] = F[0];
}

/** Scratch of roundIntR: the value to round, then the result (doubles avoid boxing this way). */
export const RND = new Float64Array(1);

/** Rounds the finite double RND[0] to an integer by rounding control rc, in place; keeps the sign of zero. */
export function roundIntR(rc: number): void {
  const x = RND[0];
  if (rc === RC_RD) { RND[0] = Math.floor(x); return; }
  if (rc === RC_RU) { RND[0] = Math.ceil(x); return; }
  if (rc === RC_RZ) { RND[0] = Math.trunc(x); return; }
  const f = Math.floor(x);
  const d = x - f; // exact: |x| < 2^52 here, or x is already an integer and d = 0
  let r = f;
  if (d > 0.5 || (d === 0.5 && f % 2 !== 0)) r = f + 1;
  RND[0] = r === 0 ? x * 0 : r;
}

// ---- float32 ------------------------------------------------------------------------------

/** Rounds RX[0] (exact, or rounded to odd at 53 bits) to float32 by rc, bounded exponent: the bits. */
function rnd32b(rc: number): number {
  const x = RX[0];
  G[0] = x; // a Float32Array store rounds to nearest even, like Math.fround
  let b = GI[0];
  if (rc === RC_RNE) return b;
  const r = G[0];
  if (r === x) return b;
  let adj = 0; // +1: step the result toward +Inf, -1: toward -Inf
  if (rc === RC_RD) { if (r > x) adj = -1; }
  else if (rc === RC_RU) { if (r < x) adj = 1; }
  else if (Math.abs(r) > Math.abs(x)) adj = r > 0 ? -1 : 1;
  if (adj === 0) return b;
  if (r === 0) b = adj > 0 ? 1 : 0x80000001; // smallest denormal of the stepping direction
  else if ((r > 0) === (adj > 0)) b++;
  else b--;
  return b | 0;
}

/**
 * Packs R[0] (a nonzero finite double, exact or rounded to odd) into float32 bits by MXCSR mx,
 * setting OE/UE/PE as SSE does: overflow and tininess are judged on the result rounded with an
 * unbounded exponent (after rounding, as x86 does); FTZ flushes tiny results to zero.
 */
function pack32R(c: Cpu, mx: number): number {
  const rc = (mx >> 13) & 3;
  const x = R[0];
  RX[0] = x;
  let rb = rnd32b(rc);
  GI[0] = rb;
  let fl = G[0] !== x ? MX_PE : 0;
  const m = Math.abs(x);
  if (m > MAX32) {
    RX[0] = x * 5.421010862427522e-20; // 2^-64: the same rounding, exponent brought in range
    if ((rnd32b(rc) & 0x7fffffff) >= 0x5f800000) fl |= MX_OE | MX_PE; // >= 2^64
  } else if (m < MIN32) {
    RX[0] = x * 18446744073709551616; // 2^64
    if ((rnd32b(rc) & 0x7fffffff) < 0x20800000) { // < 2^-62: tiny
      if (mx & MX_FTZ) { rb = x < 0 ? -2147483648 : 0; fl |= MX_UE | MX_PE; }
      else if (fl !== 0) fl |= MX_UE;
    }
  }
  if (fl !== 0) c.mxcsr |= fl;
  return rb;
}

/** Float32 bits of an int32 value rounded by MXCSR.RC (CVTDQ2PS, CVTSI2SS); ORs PE. */
export function i32ToF32(c: Cpu, v: number): number {
  if (v === 0) return 0;
  R[0] = v;
  return pack32R(c, c.mxcsr);
}

/** Operands of the per-operation slow paths (after NaN, DAZ and DE handling): a = AB[0], b = AB[1]. */
const AB = new Float64Array(2);

/**
 * Float32 add/sub/mul/div/sqrt on bits (sqrt uses b only), all MXCSR semantics. Returns the
 * result bits and ORs the exception flags into c.mxcsr. Each operation has its own function (small
 * functions stay within V8's inlining budget).
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
  if (op !== OP_SQRT) {
    if (isDen32(ab) && (mx & MX_DAZ)) AB[0] = ab < 0 ? -0 : 0;
    else {
      GI[0] = ab;
      AB[0] = G[0];
      if (isDen32(ab)) fl = MX_DE;
    }
  }
  const bNeg = op === OP_SUB ? bb >= 0 : bb < 0; // sign of b after SUB negates it
  if (isDen32(bb) && (mx & MX_DAZ)) AB[1] = bNeg ? -0 : 0;
  else {
    GI[0] = bb;
    AB[1] = op === OP_SUB ? -G[0] : G[0];
    if (isDen32(bb) && (op !== OP_SQRT || bb > 0)) fl |= MX_DE; // sqrt(-denormal) is only invalid
  }
  let r: number;
  switch (op) {
    case OP_ADD: case OP_SUB: r = add32(c, mx, fl); break;
    case OP_MUL: r = mul32(c, mx, fl); break;
    case OP_DIV: r = div32(c, mx, fl); break;
    default: r = sqrt32(c, mx, fl);
  }
  return r;
}

function add32(c: Cpu, mx: number, fl: number): number {
  const a = AB[0];
  const b = AB[1];
  if (a - a !== 0 || b - b !== 0) { // an infinity
    if (a === -b) { c.mxcsr |= fl | MX_IE; return DNAN32; }
    if (fl !== 0) c.mxcsr |= fl;
    G[0] = a + b;
    return GI[0];
  }
  if (fl !== 0) c.mxcsr |= fl;
  const d = a + b;
  const t = d - a;
  const e = (a - (d - t)) + (b - t); // TwoSum: the exact error of the double sum
  if (d === 0 && e === 0) {
    // IEEE 754 §6.3: zeros of one sign keep it; otherwise -0 only when rounding down.
    const neg = a === 0 && b === 0 && (1 / a < 0) === (1 / b < 0) ? 1 / a < 0 : ((mx >> 13) & 3) === RC_RD;
    return neg ? -2147483648 : 0;
  }
  R[0] = d;
  R[1] = e;
  toOddR();
  return pack32R(c, mx);
}

function mul32(c: Cpu, mx: number, fl: number): number {
  const d = AB[0] * AB[1]; // exact in double: 24 + 24 significant bits
  if (d !== d) { c.mxcsr |= fl | MX_IE; return DNAN32; } // 0 * Inf
  if (fl !== 0) c.mxcsr |= fl;
  if (d === 0 || d - d !== 0) { G[0] = d; return GI[0]; }
  R[0] = d;
  R[1] = 0;
  return pack32R(c, mx);
}

function div32(c: Cpu, mx: number, fl: number): number {
  const a = AB[0];
  const b = AB[1];
  if ((a === 0 && b === 0) || (a - a !== 0 && b - b !== 0)) { c.mxcsr |= (fl & ~MX_DE) | MX_IE; return DNAN32; }
  if (b === 0) { // x/0 reports ZE (only for a finite dividend), not DE; Inf/0 is an exact infinity
    c.mxcsr |= a - a === 0 ? (fl & ~MX_DE) | MX_ZE : fl & ~MX_DE;
    return a < 0 !== (1 / b < 0) ? -8388608 : 0x7f800000;
  }
  if (fl !== 0) c.mxcsr |= fl;
  const d = a / b;
  if (d === 0 || d - d !== 0 || b - b !== 0) { G[0] = d; return GI[0]; }
  DK[0] = d; DK[1] = b; DK[2] = d * b;
  dekker();
  const rem = a - DK[2] - DK[3]; // the remainder a - d*b, exact; its sign (times b's) is the error's
  R[0] = d;
  R[1] = b < 0 ? -rem : rem;
  toOddR();
  return pack32R(c, mx);
}

function sqrt32(c: Cpu, mx: number, fl: number): number {
  const b = AB[1];
  if (b < 0) { c.mxcsr |= fl | MX_IE; return DNAN32; }
  if (fl !== 0) c.mxcsr |= fl;
  const d = Math.sqrt(b);
  if (d === 0 || d - d !== 0) { G[0] = d; return GI[0]; }
  DK[0] = d; DK[1] = d; DK[2] = d * d;
  dekker();
  R[0] = d;
  R[1] = b - DK[2] - DK[3];
  toOddR();
  return pack32R(c, mx);
}

// ---- float64 ------------------------------------------------------------------------------

/** Writes ±MAX64 or ±Infinity to OUT. */
function putHuge(neg: boolean, inf: boolean): void {
  OUT[0] = inf ? 0 : -1;
  OUT[1] = (neg ? -2147483648 : 0) | (inf ? 0x7ff00000 : 0x7fefffff);
}

/**
 * Writes (p + e) * 2^E rounded by MXCSR mx to OUT and returns the flags; p = R[0], e = R[1].
 * p = fl(p + e) is a nonzero double rounded to nearest, |e| below half its ulp (only e's sign and
 * zeroness matter).
 */
function pack64(E: number, mx: number): number {
  const p = R[0];
  const e = R[1];
  const rc = (mx >> 13) & 3;
  let fl = e !== 0 ? MX_PE : 0;
  // Directed rounding at 53 bits with an unbounded exponent: step p by one ulp toward the exact value.
  ST[0] = p;
  if (e !== 0 && rc !== RC_RNE) {
    if (rc === RC_RD) { if (e < 0) stepR(false); }
    else if (rc === RC_RU) { if (e > 0) stepR(true); }
    else if ((e < 0) !== (p < 0)) stepR(p < 0);
  }
  const q = ST[0];
  F[0] = q;
  const qe = expF() + E;
  const neg = p < 0;
  if (qe >= 1024) {
    putHuge(neg, rc === RC_RNE || (rc === RC_RU && !neg) || (rc === RC_RD && neg));
    return fl | MX_OE | MX_PE;
  }
  if (qe >= -1022) {
    LD[0] = q;
    ldexpR(E);
    F[0] = LD[0];
    OUT[0] = FI[0]; OUT[1] = FI[1];
    return fl;
  }
  // Tiny after rounding: FTZ flushes; otherwise round the exact value onto the denormal grid.
  if (mx & MX_FTZ) {
    OUT[0] = 0; OUT[1] = neg ? -2147483648 : 0;
    return fl | MX_UE | MX_PE;
  }
  const m = Math.abs(p);
  const em = neg ? -e : e;
  const sh = E + 1074;
  let n = 0;
  let cat = 1; // 0 exact, 1 below half, 2 half, 3 above half (of the last denormal ulp)
  F[0] = m;
  if (expF() + sh >= -2) {
    LD[0] = m;
    ldexpR(sh);
    const u = LD[0];
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
  F[0] = neg ? -r : r;
  OUT[0] = FI[0]; OUT[1] = FI[1];
  return fl;
}

/** Exponent left by normR. */
let NE = 0;

/** Splits NRM[0] (finite, nonzero) in place into a significand in [1, 2) (sign kept) and NE. */
function normR(): void {
  F[0] = NRM[0];
  NE = expF();
  LD[0] = NRM[0];
  ldexpR(0 - NE); // not -NE: -0 is a double, and a boxed argument
  NRM[0] = LD[0];
}

/**
 * Float64 add/sub/mul/div/sqrt on dwords (sqrt uses b only), all MXCSR semantics. Writes the
 * result to OUT and ORs the exception flags into c.mxcsr (one function per operation, as f32Arith).
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
  if (op !== OP_SQRT) {
    if (isDen64(aLo, aHi) && (mx & MX_DAZ)) AB[0] = aHi < 0 ? -0 : 0;
    else {
      FI[0] = aLo; FI[1] = aHi;
      AB[0] = F[0];
      if (isDen64(aLo, aHi)) fl = MX_DE;
    }
  }
  const bNeg = op === OP_SUB ? bHi >= 0 : bHi < 0; // sign of b after SUB negates it
  if (isDen64(bLo, bHi) && (mx & MX_DAZ)) AB[1] = bNeg ? -0 : 0;
  else {
    FI[0] = bLo; FI[1] = bHi;
    AB[1] = op === OP_SUB ? -F[0] : F[0];
    if (isDen64(bLo, bHi) && (op !== OP_SQRT || bHi >= 0)) fl |= MX_DE; // sqrt(-denormal) is only invalid
  }
  switch (op) {
    case OP_ADD: case OP_SUB: fl = add64(mx, fl); break;
    case OP_MUL: fl = mul64(mx, fl); break;
    case OP_DIV: fl = div64(mx, fl); break;
    default: fl = sqrt64(mx, fl);
  }
  if (fl !== 0) c.mxcsr |= fl;
}

/** OUT ← the default NaN. */
function putDefaultNaN(): void {
  OUT[0] = 0; OUT[1] = DNAN64_HI;
}

function add64(mx: number, fl: number): number {
  const a = AB[0];
  const b = AB[1];
  if (a - a !== 0 || b - b !== 0) {
    if (a === -b) { putDefaultNaN(); return fl | MX_IE; }
    F[0] = a + b;
    OUT[0] = FI[0]; OUT[1] = FI[1];
    return fl;
  }
  let p: number;
  let e: number;
  let E = 0;
  if (Math.abs(a) >= 1e300 || Math.abs(b) >= 1e300) {
    // Scale by 2^-4 so the sum cannot overflow; a negligible addend only keeps its sign.
    let as = a * 0.0625;
    let bs = b * 0.0625;
    if (Math.abs(a) < 1e-270) as = a < 0 ? -1e-280 : a > 0 ? 1e-280 : a;
    if (Math.abs(b) < 1e-270) bs = b < 0 ? -1e-280 : b > 0 ? 1e-280 : b;
    p = as + bs;
    const t = p - as;
    e = (as - (p - t)) + (bs - t);
    E = 4;
  } else {
    p = a + b;
    const t = p - a;
    e = (a - (p - t)) + (b - t);
  }
  if (p === 0 && e === 0) {
    // IEEE 754 §6.3: zeros of one sign keep it; otherwise -0 only when rounding down.
    const neg = a === 0 && b === 0 && (1 / a < 0) === (1 / b < 0) ? 1 / a < 0 : ((mx >> 13) & 3) === RC_RD;
    OUT[0] = 0; OUT[1] = neg ? -2147483648 : 0;
    return fl;
  }
  R[0] = p;
  R[1] = e;
  return fl | pack64(E, mx);
}

function mul64(mx: number, fl: number): number {
  const a = AB[0];
  const b = AB[1];
  if (a === 0 || b === 0 || a - a !== 0 || b - b !== 0) {
    const r = a * b;
    if (r !== r) { putDefaultNaN(); return fl | MX_IE; }
    F[0] = r;
    OUT[0] = FI[0]; OUT[1] = FI[1];
    return fl;
  }
  NRM[0] = a;
  normR();
  DK[0] = NRM[0];
  let E = NE;
  NRM[0] = b;
  normR();
  DK[1] = NRM[0];
  E += NE;
  const p = DK[0] * DK[1];
  DK[2] = p;
  dekker();
  R[0] = p;
  R[1] = DK[3];
  return fl | pack64(E, mx);
}

function div64(mx: number, fl: number): number {
  const a = AB[0];
  const b = AB[1];
  if ((a === 0 && b === 0) || (a - a !== 0 && b - b !== 0)) { putDefaultNaN(); return (fl & ~MX_DE) | MX_IE; }
  if (b === 0) { // x/0 reports ZE (only for a finite dividend), not DE
    OUT[0] = 0;
    OUT[1] = ((a < 0) !== (1 / b < 0) ? -2147483648 : 0) | 0x7ff00000;
    return a - a === 0 ? (fl & ~MX_DE) | MX_ZE : fl & ~MX_DE;
  }
  if (a === 0 || a - a !== 0 || b - b !== 0) {
    F[0] = a / b;
    OUT[0] = FI[0]; OUT[1] = FI[1];
    return fl;
  }
  NRM[0] = a;
  normR();
  const ma = NRM[0];
  let E = NE;
  NRM[0] = b;
  normR();
  const mb = Math.abs(NRM[0]);
  E -= NE;
  const q = ma / mb;
  DK[0] = q; DK[1] = mb; DK[2] = q * mb;
  dekker();
  const rem = ma - DK[2] - DK[3]; // exact remainder: its sign is the error's
  R[0] = b < 0 ? -q : q;
  R[1] = b < 0 ? -rem : rem;
  return fl | pack64(E, mx);
}

function sqrt64(mx: number, fl: number): number {
  const b = AB[1];
  if (b < 0) { putDefaultNaN(); return fl | MX_IE; }
  if (b === 0 || b - b !== 0) {
    F[0] = b;
    OUT[0] = FI[0]; OUT[1] = FI[1];
    return fl;
  }
  NRM[0] = b;
  normR();
  let mb = NRM[0];
  let eb = NE;
  if (eb & 1) { mb *= 2; eb -= 1; }
  const p = Math.sqrt(mb);
  DK[0] = p; DK[1] = p; DK[2] = p * p;
  dekker();
  R[0] = p;
  R[1] = mb - DK[2] - DK[3];
  return fl | pack64(eb >> 1, mx);
}

/** Converts a signed 64-bit integer (lo/hi) to float64 by MXCSR.RC into OUT; ORs PE. */
export function i64ToF64(c: Cpu, lo: number, hi: number): void {
  const h = hi * 4294967296;
  const l = lo >>> 0;
  const p = h + l; // one rounding of the exact sum
  if (p === 0) { OUT[0] = 0; OUT[1] = 0; return; }
  const t = p - h;
  R[0] = p;
  R[1] = (h - (p - t)) + (l - t);
  const fl = pack64(0, c.mxcsr);
  if (fl !== 0) c.mxcsr |= fl;
}

/** Converts a signed 64-bit integer (lo/hi) to float32 bits by MXCSR.RC; ORs PE. */
export function i64ToF32(c: Cpu, lo: number, hi: number): number {
  const h = hi * 4294967296;
  const l = lo >>> 0;
  const p = h + l;
  if (p === 0) return 0;
  const t = p - h;
  R[0] = p;
  R[1] = (h - (p - t)) + (l - t);
  toOddR(); // 64 significant bits do not fit a double: keep the sticky bit for the float32 rounding
  return pack32R(c, c.mxcsr);
}

/** Converts float64 dwords to float32 bits (CVTSD2SS rules: NaN quieting, DE, DAZ, FTZ). */
export function f64ToF32(c: Cpu, lo: number, hi: number): number {
  const mx = c.mxcsr;
  if (isNaN64(lo, hi)) {
    if ((hi & 0x80000) === 0) c.mxcsr |= MX_IE;
    return (hi & 0x80000000) | 0x7fc00000 | ((hi & 0x7ffff) << 3) | (lo >>> 29);
  }
  if (isDen64(lo, hi)) {
    if (mx & MX_DAZ) return hi & 0x80000000;
    c.mxcsr |= MX_DE;
  }
  FI[0] = lo; FI[1] = hi;
  const x = F[0];
  if (x === 0 || x - x !== 0) { G[0] = x; return GI[0]; }
  R[0] = x;
  return pack32R(c, mx);
}

/** Converts float32 bits to float64 dwords in OUT (CVTSS2SD rules: NaN quieting, DE, DAZ). */
export function f32ToF64(c: Cpu, b: number): void {
  if (isNaN32(b)) {
    if ((b & 0x400000) === 0) c.mxcsr |= MX_IE;
    OUT[0] = (b & 7) << 29;
    OUT[1] = (b & 0x80000000) | 0x7ff80000 | ((b & 0x3fffff) >>> 3);
    return;
  }
  if (isDen32(b)) {
    if (c.mxcsr & MX_DAZ) { OUT[0] = 0; OUT[1] = b & 0x80000000; return; }
    c.mxcsr |= MX_DE;
  }
  GI[0] = b;
  F[0] = G[0];
  OUT[0] = FI[0]; OUT[1] = FI[1];
}

/** Rounds R[0] (a double, NaN allowed) to a signed 32/64-bit integer: see f32ToInt. */
function toIntR(c: Cpu, rc: number, wide: boolean): number {
  const x = R[0];
  if (x === x) {
    RND[0] = x;
    roundIntR(rc);
    const r = RND[0];
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

/**
 * Converts float32 bits to a signed integer of 32 or 64 bits (CVT[T]SS2SI, CVT[T]PS2DQ rules):
 * rounding by rc, PE when inexact, IE and the integer indefinite (0x80000000[00000000]) when NaN
 * or out of range; DAZ reads denormals as zero, and no DE is reported. Returns the low dword;
 * the high dword is left in OUT[1].
 */
export function f32ToInt(c: Cpu, b: number, rc: number, wide: boolean): number {
  if (isNaN32(b)) R[0] = NaN;
  else if (isDen32(b) && (c.mxcsr & MX_DAZ)) R[0] = 0;
  else { GI[0] = b; R[0] = G[0]; }
  return toIntR(c, rc, wide);
}

/** Converts float64 dwords to a signed integer of 32 or 64 bits: as f32ToInt. */
export function f64ToInt(c: Cpu, lo: number, hi: number, rc: number, wide: boolean): number {
  if (isNaN64(lo, hi)) R[0] = NaN;
  else if (isDen64(lo, hi) && (c.mxcsr & MX_DAZ)) R[0] = 0;
  else { FI[0] = lo; FI[1] = hi; R[0] = F[0]; }
  return toIntR(c, rc, wide);
}
