// Soft-float 80-bit extended precision as the x87 computes it (Intel SDM Vol. 1 §4.2.2 formats,
// §4.4.2 rounding (guard/round/sticky), §4.8.3.5 and Table 4-7 NaN propagation, §4.9.1 exception
// conditions, §8.1.5.2 precision control, §8.3.9 FPREM/FPREM1, §8.5 masked responses).
// Significands are two int32 words (bit 63 = integer bit J) and a 32-bit guard word with a sticky
// flag; wide products use 16-bit limbs in doubles. No BigInt, no allocation: results and the
// working registers are module-level scalars.

/** Exception flags, in status-word bit positions. */
export const FE_IE = 0x01;
export const FE_DE = 0x02;
export const FE_ZE = 0x04;
export const FE_OE = 0x08;
export const FE_UE = 0x10;
export const FE_PE = 0x20;
/** C1 after a rounded result: the significand was rounded up (SDM Vol. 1 §8.1.3.3). */
export const FE_C1 = 0x200;

/** Rounding control values (FCW bits 10-11). */
export const RC_NEAREST = 0;
export const RC_DOWN = 1;
export const RC_UP = 2;
export const RC_ZERO = 3;

// Operand classes (classify()).
export const C_ZERO = 0;
export const C_NORMAL = 1;
export const C_DENORMAL = 2; // includes pseudo-denormals (exponent 0, J = 1)
export const C_INF = 3;
export const C_QNAN = 4;
export const C_SNAN = 5;
export const C_INVALID = 6; // unnormals, pseudo-NaNs and pseudo-infinities (SDM Vol. 1 §8.2.2)

// Compare results (f80Compare).
export const CMP_GT = 0;
export const CMP_LT = 1;
export const CMP_EQ = 2;
export const CMP_UN = 3;

/** Result and environment of the last operation. One instance: operations are synchronous. */
export class F80Unit {
  /** Result: sign/exponent, significand high and low words (int32). */
  se = 0;
  hi = 0;
  lo = 0;
  /** Accumulated FE_* flags of the current instruction. */
  flags = 0;
  /** Rounding control (RC_*). */
  rc = 0;
  /** Precision control in significand bits: 24, 53 or 64. */
  pc = 64;
  /** Low bits of the quotient from f80Rem (Q2 Q1 Q0), and whether the reduction is partial. */
  q = 0;
  partial = false;
  /** The memory operand of the current instruction was a float32/float64 denormal (DE source). */
  dm = false;
}

/** The soft-float unit's result registers and rounding environment. */
export const fr = new F80Unit();

/** Sets the rounding environment from an x87 control word and clears the flags. */
export function f80Begin(cw: number): void {
  fr.rc = (cw >>> 10) & 3;
  const p = (cw >>> 8) & 3;
  fr.pc = p === 0 ? 24 : p === 2 ? 53 : 64; // PC = 01 is reserved; it behaves as 64 here
  fr.flags = 0;
  fr.dm = false;
}

/** Classifies an 80-bit value (C_* constant). */
export function classify(se: number, hi: number, lo: number): number {
  const e = se & 0x7fff;
  if (e === 0x7fff) {
    if (hi >= 0) return C_INVALID;
    if ((hi & 0x7fffffff) === 0 && lo === 0) return C_INF;
    return hi & 0x40000000 ? C_QNAN : C_SNAN;
  }
  if (e === 0) return (hi | lo) === 0 ? C_ZERO : C_DENORMAL;
  return hi < 0 ? C_NORMAL : C_INVALID;
}

// ---- working registers --------------------------------------------------------------------------
// Result being built: sign ws, biased exponent we (unbounded), significand w2:w1 (64 bits, J at
// bit 31 of w2), guard word w0 and sticky wx (non-zero = some lower bit was set).
let ws = 0;
let we = 0;
let w2 = 0;
let w1 = 0;
let w0 = 0;
let wx = 0;
// Unpacked operands: sign, exponent (normalised; may be < 1 for denormals), significand.
let aS = 0;
let aE = 0;
let aH = 0;
let aL = 0;
let bS = 0;
let bE = 0;
let bH = 0;
let bL = 0;

function unpackA(se: number, hi: number, lo: number): void {
  aS = (se >>> 15) & 1;
  let e = se & 0x7fff;
  let h = hi;
  let l = lo;
  if (e === 0) {
    e = 1;
    if (h === 0) { h = l; l = 0; e -= 32; }
    const z = Math.clz32(h);
    if (z) { h = (h << z) | (l >>> (32 - z)); l <<= z; e -= z; }
  }
  aE = e; aH = h; aL = l;
}

function unpackB(se: number, hi: number, lo: number): void {
  bS = (se >>> 15) & 1;
  let e = se & 0x7fff;
  let h = hi;
  let l = lo;
  if (e === 0) {
    e = 1;
    if (h === 0) { h = l; l = 0; e -= 32; }
    const z = Math.clz32(h);
    if (z) { h = (h << z) | (l >>> (32 - z)); l <<= z; e -= z; }
  }
  bE = e; bH = h; bL = l;
}

function aToW(): void {
  ws = aS; we = aE; w2 = aH; w1 = aL; w0 = 0; wx = 0;
}

/** Shifts w2:w1:w0 right by d, collecting lost bits in wx. */
function shrW(d: number): void {
  if (d <= 0) return;
  if (d >= 96) {
    wx |= w2 | w1 | w0;
    w2 = 0; w1 = 0; w0 = 0;
    return;
  }
  while (d >= 32) {
    wx |= w0;
    w0 = w1; w1 = w2; w2 = 0;
    d -= 32;
  }
  if (d > 0) {
    wx |= w0 << (32 - d);
    w0 = (w0 >>> d) | (w1 << (32 - d));
    w1 = (w1 >>> d) | (w2 << (32 - d));
    w2 = w2 >>> d;
  }
}

/** Normalises w2:w1:w0 (non-zero) so that J is set, adjusting we. */
function normW(): void {
  if (w2 === 0) {
    if (w1 === 0) { w2 = w0; w1 = 0; w0 = 0; we -= 64; } else { w2 = w1; w1 = w0; w0 = 0; we -= 32; }
  }
  const z = Math.clz32(w2);
  if (z) {
    w2 = (w2 << z) | (w1 >>> (32 - z));
    w1 = (w1 << z) | (w0 >>> (32 - z));
    w0 <<= z;
    we -= z;
  }
}

// Rounding decision bits for precision p on the current working registers.
let rBit = 0;
let rRest = 0;
let rLsb = 0;

function roundBits(p: number): void {
  if (p === 64) { rBit = w0 >>> 31; rRest = (w0 & 0x7fffffff) | wx; rLsb = w1 & 1; }
  else if (p === 53) { rBit = (w1 >>> 10) & 1; rRest = (w1 & 0x3ff) | w0 | wx; rLsb = (w1 >>> 11) & 1; }
  else { rBit = (w2 >>> 7) & 1; rRest = (w2 & 0x7f) | w1 | w0 | wx; rLsb = (w2 >>> 8) & 1; }
}

function wantInc(): boolean {
  switch (fr.rc) {
    case RC_NEAREST: return rBit !== 0 && (rRest !== 0 || rLsb !== 0);
    case RC_DOWN: return ws !== 0;
    case RC_UP: return ws === 0;
    default: return false;
  }
}

/**
 * Rounds the working registers to p significand bits within the biased exponent range
 * [emin, emax] (of the 80-bit scale) and reports PE/UE/OE/C1. Tininess is detected after
 * rounding, as on x86. Afterwards we is emin - 1 for a denormal or zero, emax + 1 for infinity.
 */
function roundW(p: number, emin: number, emax: number): void {
  let tiny = false;
  if (we < emin) {
    tiny = true;
    if (we === emin - 1) {
      // Would rounding with an unbounded exponent carry into exponent emin?
      roundBits(p);
      const ones = p === 64 ? (w2 & w1) === -1 : p === 53 ? w2 === -1 && (w1 | 0x7ff) === -1 : (w2 | 0xff) === -1;
      if (ones && (rBit | rRest) !== 0 && wantInc()) tiny = false;
    }
    shrW(emin - we);
    we = emin;
  }
  roundBits(p);
  if ((rBit | rRest) !== 0) {
    fr.flags |= tiny ? FE_PE | FE_UE : FE_PE;
    const inc = wantInc();
    let carry = false;
    if (p === 64) {
      if (inc) {
        w1 = (w1 + 1) | 0;
        if (w1 === 0) { w2 = (w2 + 1) | 0; carry = w2 === 0; }
      }
    } else if (p === 53) {
      w1 &= ~0x7ff;
      if (inc) {
        const s = (w1 >>> 0) + 0x800;
        w1 = s | 0;
        if (s >= 4294967296) { w2 = (w2 + 1) | 0; carry = w2 === 0; }
      }
    } else {
      w2 &= ~0xff;
      w1 = 0;
      if (inc) {
        const s = (w2 >>> 0) + 0x100;
        w2 = s | 0;
        carry = s >= 4294967296;
      }
    }
    if (inc) fr.flags |= FE_C1;
    if (carry) { w2 = 0x80000000 | 0; w1 = 0; we++; }
  }
  w0 = 0; wx = 0;
  if (w2 >= 0) {
    we = emin - 1; // denormal or zero
  } else if (we > emax) {
    fr.flags |= FE_OE | FE_PE;
    const rc = fr.rc;
    if (rc === RC_NEAREST || (rc === RC_UP && ws === 0) || (rc === RC_DOWN && ws !== 0)) {
      we = emax + 1; w2 = 0x80000000 | 0; w1 = 0;
      fr.flags |= FE_C1;
    } else {
      we = emax;
      w2 = p === 24 ? 0xffffff00 | 0 : -1;
      w1 = p === 64 ? -1 : p === 53 ? 0xfffff800 | 0 : 0;
      fr.flags &= ~FE_C1;
    }
  }
}

function packW(): void {
  fr.se = (ws << 15) | we;
  fr.hi = w2 | 0;
  fr.lo = w1 | 0;
}

/** Rounds the working registers to the 80-bit format at precision p and packs the result. */
function roundPack(p: number): void {
  roundW(p, 1, 0x7ffe);
  packW();
}

// ---- special results --------------------------------------------------------------------------

/** Sets the result to the QNaN floating-point indefinite and raises IE. */
export function f80Indefinite(): void {
  fr.se = 0xffff; fr.hi = 0xc0000000 | 0; fr.lo = 0;
  fr.flags |= FE_IE;
}

function setInf(sign: number): void {
  fr.se = (sign << 15) | 0x7fff; fr.hi = 0x80000000 | 0; fr.lo = 0;
}

function setZero(sign: number): void {
  fr.se = sign << 15; fr.hi = 0; fr.lo = 0;
}

/** Result = one NaN operand, quietened (IE when it was signalling, or an invalid encoding). */
function nan1(se: number, hi: number, lo: number, cls: number): void {
  if (cls === C_INVALID) { f80Indefinite(); return; }
  if (cls === C_SNAN) fr.flags |= FE_IE;
  fr.se = se; fr.hi = hi | 0x40000000; fr.lo = lo;
}

/** NaN propagation for two operands (SDM Vol. 1 Table 4-7, x87 column). */
function nan2(aSe: number, aHi: number, aLo: number, ca: number, bSe: number, bHi: number, bLo: number, cb: number): void {
  if (ca === C_INVALID || cb === C_INVALID) { f80Indefinite(); return; }
  const aNan = ca === C_QNAN || ca === C_SNAN;
  const bNan = cb === C_QNAN || cb === C_SNAN;
  if (ca === C_SNAN || cb === C_SNAN) fr.flags |= FE_IE;
  let pickA: boolean;
  if (!bNan) pickA = true;
  else if (!aNan) pickA = false;
  else if (ca !== cb) pickA = ca === C_QNAN; // SNaN and QNaN: the QNaN
  else {
    // Both the same kind: the larger significand; on a tie the positive one.
    const ah = (aHi | 0x40000000) >>> 0, bh = (bHi | 0x40000000) >>> 0;
    if (ah !== bh) pickA = ah > bh;
    else if (aLo !== bLo) pickA = aLo >>> 0 > bLo >>> 0;
    else pickA = (aSe & 0x8000) === 0 || (bSe & 0x8000) !== 0;
  }
  if (pickA) { fr.se = aSe; fr.hi = aHi | 0x40000000; fr.lo = aLo; }
  else { fr.se = bSe; fr.hi = bHi | 0x40000000; fr.lo = bLo; }
}

// ---- arithmetic -------------------------------------------------------------------------------

/** a + b (neg = 0) or a - b (neg = 1), rounded to fr.pc bits. */
export function f80Add(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number, neg: number): void {
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  if (ca >= C_QNAN || cb >= C_QNAN) { nan2(aSe, aHi, aLo, ca, bSe, bHi, bLo, cb); return; }
  if (ca === C_DENORMAL || cb === C_DENORMAL || fr.dm) fr.flags |= FE_DE;
  const sa = (aSe >>> 15) & 1;
  const sb = ((bSe >>> 15) & 1) ^ neg;
  if (ca === C_INF || cb === C_INF) {
    if (ca === C_INF && cb === C_INF && sa !== sb) f80Indefinite();
    else setInf(ca === C_INF ? sa : sb);
    return;
  }
  if (cb === C_ZERO) {
    if (ca === C_ZERO) { setZero(sa === sb ? sa : fr.rc === RC_DOWN ? 1 : 0); return; }
    unpackA(aSe, aHi, aLo);
    aToW();
    roundPack(fr.pc);
    return;
  }
  if (ca === C_ZERO) {
    unpackA(bSe, bHi, bLo);
    aToW();
    ws = sb;
    roundPack(fr.pc);
    return;
  }
  unpackA(aSe, aHi, aLo);
  unpackB(bSe, bHi, bLo);
  aS = sa; bS = sb;
  if (!addW()) { setZero(fr.rc === RC_DOWN ? 1 : 0); return; }
  roundPack(fr.pc);
}

/**
 * Exact sum of the unpacked operands A and B (finite, non-zero) into the working registers,
 * unrounded. Returns false when the sum is exactly zero.
 */
function addW(): boolean {
  // Order so that |A| >= |B|.
  if (bE > aE || (bE === aE && (bH >>> 0 > aH >>> 0 || (bH === aH && bL >>> 0 > aL >>> 0)))) {
    let t = aS; aS = bS; bS = t;
    t = aE; aE = bE; bE = t;
    t = aH; aH = bH; bH = t;
    t = aL; aL = bL; bL = t;
  }
  // Align B into t2:t1:t0 + tx.
  ws = 0; we = 0; w2 = bH; w1 = bL; w0 = 0; wx = 0;
  shrW(aE - bE);
  const t2 = w2, t1 = w1, t0 = w0, tx = wx;
  ws = aS; we = aE; w2 = aH; w1 = aL; w0 = 0; wx = 0;
  if (aS === bS) {
    let s = (w0 >>> 0) + (t0 >>> 0);
    let c = s >= 4294967296 ? 1 : 0;
    w0 = s | 0;
    s = (w1 >>> 0) + (t1 >>> 0) + c;
    c = s >= 4294967296 ? 1 : 0;
    w1 = s | 0;
    s = (w2 >>> 0) + (t2 >>> 0) + c;
    c = s >= 4294967296 ? 1 : 0;
    w2 = s | 0;
    wx = tx;
    if (c) {
      wx |= w0 & 1;
      w0 = (w0 >>> 1) | (w1 << 31);
      w1 = (w1 >>> 1) | (w2 << 31);
      w2 = (w2 >>> 1) | 0x80000000;
      we++;
    }
    return true;
  }
  // A - B; a sticky remainder of B borrows one unit from the guard word and stays sticky.
  let s = (w0 >>> 0) - (t0 >>> 0) - (tx !== 0 ? 1 : 0);
  let b = s < 0 ? 1 : 0;
  w0 = s | 0;
  s = (w1 >>> 0) - (t1 >>> 0) - b;
  b = s < 0 ? 1 : 0;
  w1 = s | 0;
  w2 = ((w2 >>> 0) - (t2 >>> 0) - b) | 0;
  wx = tx;
  if ((w2 | w1 | w0 | wx) === 0) return false;
  normW();
  return true;
}

/** a * b, rounded to fr.pc bits. */
export function f80Mul(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  if (ca >= C_QNAN || cb >= C_QNAN) { nan2(aSe, aHi, aLo, ca, bSe, bHi, bLo, cb); return; }
  const s = ((aSe ^ bSe) >>> 15) & 1;
  if ((ca === C_INF || cb === C_INF) && (ca === C_ZERO || cb === C_ZERO)) { f80Indefinite(); return; }
  if (ca === C_DENORMAL || cb === C_DENORMAL || fr.dm) fr.flags |= FE_DE;
  if (ca === C_INF || cb === C_INF) {
    if (ca === C_ZERO || cb === C_ZERO) f80Indefinite();
    else setInf(s);
    return;
  }
  if (ca === C_ZERO || cb === C_ZERO) { setZero(s); return; }
  unpackA(aSe, aHi, aLo);
  unpackB(bSe, bHi, bLo);
  mul64(aH, aL, bH, bL);
  ws = s;
  we = aE + bE - 16383 + 1;
  if (w2 >= 0) {
    // Product below 2: one bit left (the limb below w0 went into wx; keep its top bit exact).
    w2 = (w2 << 1) | (w1 >>> 31);
    w1 = (w1 << 1) | (w0 >>> 31);
    w0 = (w0 << 1) | mulLowTop;
    wx = mulLowRest;
    we--;
  }
  roundPack(fr.pc);
}

let mulLowTop = 0;
let mulLowRest = 0;

/**
 * 64 x 64 -> 128-bit product into w2:w1:w0 (+ wx sticky; mulLowTop = bit 31 of the lowest word,
 * mulLowRest = its other bits). 16-bit limbs: every column sum stays below 2^35, exact in doubles.
 */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, a2 = ah & 0xffff, a3 = ah >>> 16;
  const b0 = bl & 0xffff, b1 = bl >>> 16, b2 = bh & 0xffff, b3 = bh >>> 16;
  let t = a0 * b0;
  let c = (t / 65536) >>> 0;
  const r0 = t - c * 65536;
  t = a0 * b1 + a1 * b0 + c;
  c = (t / 65536) >>> 0;
  const r1 = t - c * 65536;
  t = a0 * b2 + a1 * b1 + a2 * b0 + c;
  c = (t / 65536) >>> 0;
  const r2 = t - c * 65536;
  t = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + c;
  c = (t / 65536) >>> 0;
  const r3 = t - c * 65536;
  t = a1 * b3 + a2 * b2 + a3 * b1 + c;
  c = (t / 65536) >>> 0;
  const r4 = t - c * 65536;
  t = a2 * b3 + a3 * b2 + c;
  c = (t / 65536) >>> 0;
  const r5 = t - c * 65536;
  t = a3 * b3 + c;
  c = (t / 65536) >>> 0;
  const r6 = t - c * 65536;
  w2 = (c << 16) | r6;
  w1 = (r5 << 16) | r4;
  w0 = (r3 << 16) | r2;
  mulLowTop = r1 >>> 15;
  mulLowRest = ((r1 & 0x7fff) | r0) !== 0 ? 1 : 0;
  wx = mulLowTop | mulLowRest;
}

/** a / b, rounded to fr.pc bits. */
export function f80Div(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  if (ca >= C_QNAN || cb >= C_QNAN) { nan2(aSe, aHi, aLo, ca, bSe, bHi, bLo, cb); return; }
  const s = ((aSe ^ bSe) >>> 15) & 1;
  const den = ca === C_DENORMAL || cb === C_DENORMAL || fr.dm;
  if (ca === C_INF) {
    if (cb === C_INF) f80Indefinite();
    else { if (den) fr.flags |= FE_DE; setInf(s); }
    return;
  }
  if (cb === C_INF) { if (den) fr.flags |= FE_DE; setZero(s); return; }
  if (cb === C_ZERO) {
    // Division by zero reports ZE only, even for a denormal dividend.
    if (ca === C_ZERO) f80Indefinite(); else { fr.flags |= FE_ZE; setInf(s); }
    return;
  }
  if (den) fr.flags |= FE_DE;
  if (ca === C_ZERO) { setZero(s); return; }
  unpackA(aSe, aHi, aLo);
  unpackB(bSe, bHi, bLo);
  ws = s;
  we = aE - bE + 16383;
  // Remainder r = rh * 2^32 + rl (rh < 2^34), divisor d = dh * 2^32 + dl.
  let rh = aH >>> 0;
  let rl = aL >>> 0;
  const dh = bH >>> 0;
  const dl = bL >>> 0;
  if (rh < dh || (rh === dh && rl < dl)) {
    rh = rh * 2 + (rl >>> 31);
    rl = (rl << 1) >>> 0;
    we--;
  }
  let q2 = 0, q1 = 0, q0 = 0;
  for (let k = 0; k < 66; k++) {
    let bit = 0;
    if (rh > dh || (rh === dh && rl >= dl)) {
      rl -= dl;
      rh -= dh;
      if (rl < 0) { rl += 4294967296; rh -= 1; }
      bit = 1;
    }
    q2 = (q2 << 1) | (q1 >>> 31);
    q1 = (q1 << 1) | (q0 >>> 31);
    q0 = (q0 << 1) | bit;
    rh = rh * 2 + (rl >>> 31);
    rl = (rl << 1) >>> 0;
  }
  // 66 quotient bits: q2 holds bits 65..64 (top at bit 1), q1:q0 the rest; realign to J at bit 63.
  w2 = (q2 << 30) | (q1 >>> 2);
  w1 = (q1 << 30) | (q0 >>> 2);
  w0 = q0 << 30;
  wx = rh !== 0 || rl !== 0 ? 1 : 0;
  roundPack(fr.pc);
}

/** sqrt(a), rounded to fr.pc bits. */
export function f80Sqrt(aSe: number, aHi: number, aLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  if (ca >= C_QNAN) { nan1(aSe, aHi, aLo, ca); return; }
  const s = (aSe >>> 15) & 1;
  if (ca === C_ZERO) { setZero(s); return; }
  if (s) { f80Indefinite(); return; }
  if (ca === C_DENORMAL) fr.flags |= FE_DE;
  if (ca === C_INF) { setInf(0); return; }
  unpackA(aSe, aHi, aLo);
  const E = aE - 16383;
  // Radicand M = sig * 2^k with E - 63 - k even, so that sqrt(M) has exactly 65 bits.
  const k = (E & 1) === 0 ? 65 : 66;
  let remH = 0, remL = 0, rootH = 0, rootL = 0;
  for (let j = 129; j >= 1; j -= 2) {
    const bits = (sigBit(j - k) << 1) | sigBit(j - 1 - k);
    remH = remH * 4 + Math.floor(remL / 1073741824);
    remL = (remL % 1073741824) * 4 + bits;
    const tH = rootH * 4 + Math.floor(rootL / 1073741824);
    const tL = (rootL % 1073741824) * 4 + 1;
    rootH = rootH * 2 + Math.floor(rootL / 2147483648);
    rootL = (rootL % 2147483648) * 2;
    if (remH > tH || (remH === tH && remL >= tL)) {
      remL -= tL;
      remH -= tH;
      if (remL < 0) { remL += 4294967296; remH -= 1; }
      rootL += 1;
    }
  }
  // root has 65 bits: rootH holds bits 64..32.
  ws = 0;
  we = 16383 + 64 + (E - 63 - k) / 2;
  w2 = Math.floor(rootH / 2) | 0; // rootH < 2^33: no 32-bit shift on it
  w1 = (((rootH & 1) << 31) | (rootL >>> 1)) | 0;
  w0 = (rootL & 1) << 31;
  wx = remH !== 0 || remL !== 0 ? 1 : 0;
  roundPack(fr.pc);
}

function sigBit(i: number): number {
  if (i < 0 || i > 63) return 0;
  return i >= 32 ? (aH >>> (i - 32)) & 1 : (aL >>> i) & 1;
}

// ---- round to integer and integer conversions ---------------------------------------------------

// Integer magnitude produced by rintW (64 bits).
let iH = 0;
let iL = 0;

/**
 * Rounds the unpacked operand A (finite, non-zero) to an integer with rounding control rc.
 * Returns false when the magnitude is 2^64 or more. Sets PE and C1 as x87 does.
 */
function rintA(rc: number): boolean {
  const E = aE - 16383;
  if (E >= 63) {
    iH = aH; iL = aL;
    return E === 63;
  }
  const f = 63 - E; // fraction bits, >= 1
  let rb: number, rest: number, lsb: number;
  if (f <= 32) {
    rb = (aL >>> (f - 1)) & 1;
    rest = f === 1 ? 0 : aL & (0xffffffff >>> (33 - f));
    iL = f === 32 ? aH : (aL >>> f) | (aH << (32 - f));
    iH = f === 32 ? 0 : aH >>> f;
  } else if (f <= 64) {
    const g = f - 32;
    rb = (aH >>> (g - 1)) & 1;
    rest = (g === 1 ? 0 : aH & (0xffffffff >>> (33 - g))) | aL;
    iL = g === 32 ? 0 : aH >>> g;
    iH = 0;
  } else {
    rb = 0; rest = 1; iL = 0; iH = 0;
  }
  lsb = iL & 1;
  if ((rb | rest) !== 0) {
    fr.flags |= FE_PE;
    let inc: boolean;
    switch (rc) {
      case RC_NEAREST: inc = rb !== 0 && (rest !== 0 || lsb !== 0); break;
      case RC_DOWN: inc = aS !== 0; break;
      case RC_UP: inc = aS === 0; break;
      default: inc = false;
    }
    if (inc) {
      fr.flags |= FE_C1;
      iL = (iL + 1) | 0;
      if (iL === 0) iH = (iH + 1) | 0;
    }
  }
  return true;
}

/** FRNDINT: rounds to an integral value with fr.rc (precision control does not apply). */
export function f80RoundInt(aSe: number, aHi: number, aLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  if (ca >= C_QNAN) { nan1(aSe, aHi, aLo, ca); return; }
  if (ca === C_ZERO || ca === C_INF) { fr.se = aSe; fr.hi = aHi; fr.lo = aLo; return; }
  if (ca === C_DENORMAL) fr.flags |= FE_DE;
  unpackA(aSe, aHi, aLo);
  if (aE - 16383 >= 63) { fr.se = aSe; fr.hi = aHi; fr.lo = aLo; return; }
  rintA(fr.rc);
  if ((iH | iL) === 0) { setZero(aS); return; }
  ws = aS; we = 16383 + 63; w2 = iH; w1 = iL; w0 = 0; wx = 0;
  normW();
  packW();
}

/**
 * Converts to a signed integer of `bits` (16, 32, 64) bits with rounding control rc (RC_ZERO for
 * FISTTP). Result in fr.lo (and fr.hi for 64 bits); out of range or NaN gives the integer
 * indefinite with IE.
 */
export function f80ToInt(aSe: number, aHi: number, aLo: number, bits: number, rc: number): void {
  const ca = classify(aSe, aHi, aLo);
  if (ca === C_ZERO) { fr.lo = 0; fr.hi = 0; return; }
  if (ca !== C_NORMAL && ca !== C_DENORMAL) { intIndefinite(bits); return; }
  const saved = fr.flags;
  unpackA(aSe, aHi, aLo);
  if (!rintA(rc)) { fr.flags = saved; intIndefinite(bits); return; }
  // Range check on the rounded magnitude.
  let ok: boolean;
  if (bits === 64) ok = iH >= 0 || (aS === 1 && iH === (0x80000000 | 0) && iL === 0);
  else if (bits === 32) ok = iH === 0 && (iL >= 0 || (aS === 1 && iL === (0x80000000 | 0)));
  else ok = iH === 0 && (iL >>> 0 < 0x8000 || (aS === 1 && iL === 0x8000));
  if (!ok) { fr.flags = saved; intIndefinite(bits); return; }
  if (aS) {
    // Two's complement negation of iH:iL.
    iL = (~iL + 1) | 0;
    iH = iL === 0 ? (~iH + 1) | 0 : ~iH;
  }
  fr.lo = bits === 16 ? iL & 0xffff : iL;
  fr.hi = bits === 64 ? iH : 0;
}

function intIndefinite(bits: number): void {
  fr.flags |= FE_IE;
  fr.lo = bits === 16 ? 0x8000 : bits === 32 ? 0x80000000 | 0 : 0;
  fr.hi = bits === 64 ? 0x80000000 | 0 : 0;
}

/** Signed 64-bit integer (lo, hi) to 80-bit (exact). */
export function f80FromI64(lo: number, hi: number): void {
  let h = hi, l = lo, s = 0;
  if (h < 0) {
    s = 1;
    l = (~l + 1) | 0;
    h = l === 0 ? (~h + 1) | 0 : ~h;
  }
  if ((h | l) === 0) { setZero(0); return; }
  ws = s; we = 16383 + 63; w2 = h; w1 = l; w0 = 0; wx = 0;
  normW();
  packW();
}

/** Signed 32-bit integer to 80-bit (exact). */
export function f80FromI32(v: number): void {
  f80FromI64(v | 0, v < 0 ? -1 : 0);
}

// ---- float32 / float64 -------------------------------------------------------------------------

/**
 * float64 bits (lo, hi) to 80-bit, exact. A denormal source raises DE. SNaNs stay signalling
 * (the caller quietens them for FLD, arithmetic propagates them).
 */
export function f80FromF64(lo: number, hi: number): void {
  const s = hi >>> 31;
  const e = (hi >>> 20) & 0x7ff;
  let mh = ((hi & 0xfffff) << 11) | (lo >>> 21);
  let ml = lo << 11;
  if (e === 0x7ff) {
    fr.se = (s << 15) | 0x7fff; fr.hi = mh | 0x80000000; fr.lo = ml;
    return;
  }
  if (e === 0) {
    if ((mh | ml) === 0) { setZero(s); return; }
    fr.flags |= FE_DE;
    let x = 15361;
    if (mh === 0) { mh = ml; ml = 0; x -= 32; }
    const z = Math.clz32(mh);
    if (z) { mh = (mh << z) | (ml >>> (32 - z)); ml <<= z; x -= z; }
    fr.se = (s << 15) | x; fr.hi = mh; fr.lo = ml;
    return;
  }
  fr.se = (s << 15) | (e + 15360); fr.hi = mh | 0x80000000; fr.lo = ml;
}

/** float32 bits to 80-bit, exact (as f80FromF64). */
export function f80FromF32(v: number): void {
  const s = v >>> 31;
  const e = (v >>> 23) & 0xff;
  let m = (v & 0x7fffff) << 8;
  if (e === 0xff) {
    fr.se = (s << 15) | 0x7fff; fr.hi = m | 0x80000000; fr.lo = 0;
    return;
  }
  if (e === 0) {
    if (m === 0) { setZero(s); return; }
    fr.flags |= FE_DE;
    const z = Math.clz32(m);
    m <<= z;
    fr.se = (s << 15) | (16257 - z); fr.hi = m; fr.lo = 0;
    return;
  }
  fr.se = (s << 15) | (e + 16256); fr.hi = m | 0x80000000; fr.lo = 0;
}

/** 80-bit to float64 bits in fr.lo/fr.hi, rounded with fr.rc (FST m64). */
export function f80ToF64(aSe: number, aHi: number, aLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  const s = (aSe >>> 15) & 1;
  switch (ca) {
    case C_ZERO: fr.hi = s << 31; fr.lo = 0; return;
    case C_INF: fr.hi = (s << 31) | 0x7ff00000; fr.lo = 0; return;
    case C_INVALID: fr.flags |= FE_IE; fr.hi = 0xfff80000 | 0; fr.lo = 0; return;
    case C_QNAN:
    case C_SNAN:
      if (ca === C_SNAN) fr.flags |= FE_IE;
      fr.hi = (s << 31) | 0x7ff80000 | ((aHi >>> 11) & 0xfffff);
      fr.lo = (aHi << 21) | (aLo >>> 11);
      return;
    default: break; // a denormal source raises no DE on stores
  }
  unpackA(aSe, aHi, aLo);
  aToW();
  roundW(53, 15361, 17406);
  const e = we - 15360;
  if (e >= 0x7ff) { fr.hi = (s << 31) | 0x7ff00000; fr.lo = 0; return; }
  fr.hi = (s << 31) | (e << 20) | ((w2 >>> 11) & 0xfffff);
  fr.lo = (w2 << 21) | (w1 >>> 11);
}

/** 80-bit to float32 bits in fr.lo, rounded with fr.rc (FST m32). */
export function f80ToF32(aSe: number, aHi: number, aLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  const s = (aSe >>> 15) & 1;
  fr.hi = 0;
  switch (ca) {
    case C_ZERO: fr.lo = s << 31; return;
    case C_INF: fr.lo = (s << 31) | 0x7f800000; return;
    case C_INVALID: fr.flags |= FE_IE; fr.lo = 0xffc00000 | 0; return;
    case C_QNAN:
    case C_SNAN:
      if (ca === C_SNAN) fr.flags |= FE_IE;
      fr.lo = (s << 31) | 0x7fc00000 | ((aHi >>> 8) & 0x7fffff);
      return;
    default: break;
  }
  unpackA(aSe, aHi, aLo);
  aToW();
  roundW(24, 16257, 16510);
  const e = we - 16256;
  if (e >= 0xff) { fr.lo = (s << 31) | 0x7f800000; return; }
  fr.lo = (s << 31) | (e << 23) | ((w2 >>> 8) & 0x7fffff);
}

// ---- compare, scale, extract, remainder ---------------------------------------------------------

/**
 * Compares a with b (CMP_*). Any NaN is unordered; it raises IE unless `quiet` and the NaN is
 * quiet (FUCOM). Invalid encodings always raise IE. Denormal operands raise DE.
 */
export function f80Compare(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number, quiet: boolean): number {
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  if (ca >= C_QNAN || cb >= C_QNAN) {
    if (!quiet || ca >= C_SNAN || cb >= C_SNAN) fr.flags |= FE_IE;
    return CMP_UN;
  }
  if (ca === C_DENORMAL || cb === C_DENORMAL || fr.dm) fr.flags |= FE_DE;
  const sa = (aSe >>> 15) & 1;
  const sb = (bSe >>> 15) & 1;
  if (ca === C_ZERO && cb === C_ZERO) return CMP_EQ;
  if (ca === C_ZERO) return sb ? CMP_GT : CMP_LT;
  if (cb === C_ZERO) return sa ? CMP_LT : CMP_GT;
  if (sa !== sb) return sa ? CMP_LT : CMP_GT;
  unpackA(aSe, aHi, aLo);
  unpackB(bSe, bHi, bLo);
  if (ca === C_INF) aE = 0x10000;
  if (cb === C_INF) bE = 0x10000;
  let m: number; // sign of |a| - |b|
  if (aE !== bE) m = aE > bE ? 1 : -1;
  else if (aH !== bH) m = aH >>> 0 > bH >>> 0 ? 1 : -1;
  else if (aL !== bL) m = aL >>> 0 > bL >>> 0 ? 1 : -1;
  else return CMP_EQ;
  if (sa) m = -m;
  return m > 0 ? CMP_GT : CMP_LT;
}

/** FSCALE: a * 2^trunc(b), rounded to 64 bits with fr.rc. */
export function f80Scale(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number): void {
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  if (ca >= C_QNAN || cb >= C_QNAN) { nan2(aSe, aHi, aLo, ca, bSe, bHi, bLo, cb); return; }
  if (ca === C_DENORMAL || cb === C_DENORMAL) fr.flags |= FE_DE;
  const sa = (aSe >>> 15) & 1;
  const sb = (bSe >>> 15) & 1;
  if (cb === C_INF) {
    if (ca === C_ZERO) { if (sb) setZero(sa); else f80Indefinite(); return; }
    if (ca === C_INF) { if (sb) f80Indefinite(); else setInf(sa); return; }
    if (sb) setZero(sa); else setInf(sa);
    return;
  }
  if (ca === C_ZERO || ca === C_INF) { fr.se = aSe; fr.hi = aHi; fr.lo = aLo; return; }
  // n = trunc(b), clamped far beyond any exponent that can still matter.
  let n = 0;
  if (cb !== C_ZERO) {
    unpackB(bSe, bHi, bLo);
    const E = bE - 16383;
    if (E >= 0) n = E > 20 ? 0x200000 : (bH >>> (31 - E));
    if (sb) n = -n;
  }
  unpackA(aSe, aHi, aLo);
  aToW();
  we += n;
  roundPack(64);
}

/** FXTRACT significand (sign/exponent word); the exponent part is returned in fr. */
export let xSe = 0;
/** FXTRACT significand, high word. */
export let xHi = 0;
/** FXTRACT significand, low word. */
export let xLo = 0;

/**
 * FXTRACT on a finite non-zero, non-NaN value: fr = unbiased exponent as a real, x* = significand
 * with exponent 0x3FFF. Denormals raise DE and are normalised first.
 */
export function f80Extract(aSe: number, aHi: number, aLo: number): void {
  if (classify(aSe, aHi, aLo) === C_DENORMAL) fr.flags |= FE_DE;
  unpackA(aSe, aHi, aLo);
  xSe = (aS << 15) | 0x3fff; xHi = aH; xLo = aL;
  f80FromI32(aE - 16383);
}

/**
 * FPREM (round = false) / FPREM1 (round = true) of finite operands (a non-zero or zero, b
 * non-zero). Sets fr.q (low three quotient bits) and fr.partial. Exact: no rounding occurs.
 * A partial step reduces the exponent difference by 32..63 bits as AMD documents and Intel does.
 */
export function f80Rem(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number, round: boolean): void {
  fr.q = 0;
  fr.partial = false;
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  if (ca === C_DENORMAL || cb === C_DENORMAL) fr.flags |= FE_DE;
  if (ca === C_ZERO) { fr.se = aSe; fr.hi = aHi; fr.lo = aLo; return; }
  unpackA(aSe, aHi, aLo);
  unpackB(bSe, bHi, bLo);
  let d = aE - bE;
  let be = bE;
  if (d >= 64) {
    const n = 32 + (d % 32);
    be = bE + (d - n);
    d = n;
    fr.partial = true;
    round = false;
  }
  if (d < 0 && !(round && d === -1)) { f80Canonical(aSe, aHi, aLo); return; }
  // Remainder r = rh * 2^32 + rl against divisor dh:dl, one quotient bit per step.
  let rh = aH >>> 0;
  let rl = aL >>> 0;
  const dh = bH >>> 0;
  const dl = bL >>> 0;
  let q = 0;
  let re = be; // exponent of r's scale (r * 2^(re - 16383 - 63))
  if (d >= 0) {
    for (let k = 0; k <= d; k++) {
      q = (q << 1) & 7;
      if (rh > dh || (rh === dh && rl >= dl)) {
        rl -= dl;
        rh -= dh;
        if (rl < 0) { rl += 4294967296; rh -= 1; }
        q |= 1;
      }
      if (k < d) { rh = rh * 2 + (rl >>> 31); rl = (rl << 1) >>> 0; }
    }
  } else {
    // d = -1 (FPREM1 only): a = r * 2^-1 in b's scale; keep r at a's own scale.
    re = be - 1;
  }
  let sign = aS;
  if (round) {
    // Compare 2r (in b's scale) with the divisor: round the quotient to nearest, ties to even.
    let r2h: number, r2l: number;
    if (d >= 0) { r2h = rh * 2 + (rl >>> 31); r2l = (rl << 1) >>> 0; } else { r2h = rh; r2l = rl; }
    const gt = r2h > dh || (r2h === dh && r2l > dl);
    const eq = r2h === dh && r2l === dl;
    if (gt || (eq && (q & 1) === 1)) {
      // r' = b - r, in the scale of r.
      let xh: number, xl: number;
      if (d >= 0) { xh = dh; xl = dl; } else { xh = dh * 2 + (dl >>> 31); xl = (dl << 1) >>> 0; }
      xl -= rl;
      xh -= rh;
      if (xl < 0) { xl += 4294967296; xh -= 1; }
      rh = xh; rl = xl;
      sign ^= 1;
      q = (q + 1) & 7;
    }
  }
  fr.q = q;
  if (rh === 0 && rl === 0) { setZero(aS); return; }
  // r < 2^65 here; place its 96-bit form and normalise.
  ws = sign;
  we = re + 32;
  w2 = rh | 0; w1 = rl | 0; w0 = 0; wx = 0;
  if (rh >= 4294967296) { w0 = rl << 31; w1 = (rl >>> 1) | ((rh & 1) << 31); w2 = Math.floor(rh / 2) | 0; we++; }
  we -= 32;
  normW();
  roundPack(64);
}

/** A finite value re-encoded canonically (pseudo-denormals get exponent 1), exactly. */
export function f80Canonical(aSe: number, aHi: number, aLo: number): void {
  if (classify(aSe, aHi, aLo) === C_ZERO) { fr.se = aSe; fr.hi = aHi; fr.lo = aLo; return; }
  unpackA(aSe, aHi, aLo);
  aToW();
  roundPack(64);
}

// ---- transcendentals ------------------------------------------------------------------------------
// F2XM1, FYL2X, FYL2XP1, FPATAN, FSIN, FCOS, FPTAN, FSINCOS are evaluated in double-double
// arithmetic (~104 bits) with the exponent kept apart, then rounded once to 64 bits with fr.rc:
// correctly rounded except within ~2^-40 ulp of a rounding boundary. Trigonometric arguments are
// reduced exactly (a long division, as FPREM does) by pi/2 truncated to 66 bits, which is what
// the x87 microcode uses (SDM Vol. 1 §8.3.10): this reproduces the host for large arguments.
// DIVERGES: the host's microcode is not always correctly rounded, so about 1 in 50 results
// differs in the last bit or in C1 (the vector test lists them); inputs outside the documented
// ranges (F2XM1 |x| > 1, FYL2XP1 x < -1) follow this host (AMD): x is returned with PE.

// Double-double results.
let dH = 0;
let dL = 0;
const SPLITTER = 134217729; // 2^27 + 1

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let t = SPLITTER * ah;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = SPLITTER * bh;
  const bhh = t - (t - bh);
  const bhl = bh - bhh;
  let e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl;
  e += ah * bl + al * bh;
  const s = p + e;
  dL = e - (s - p);
  dH = s;
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const v = s - ah;
  let e = ah - (s - v) + (bh - v);
  const t = al + bl;
  const w = t - al;
  const f = al - (t - w) + (bl - w);
  e += t;
  const h = s + e;
  e = e - (h - s) + f;
  const H = h + e;
  dL = e - (H - h);
  dH = H;
}

function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -dH, -dL);
  const rh = dH, rl = dL;
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -dH, -dL);
  const q3 = dH / bh;
  ddAdd(q1, 0, q2, 0);
  ddAdd(dH, dL, q3, 0);
}

function ddSqrt(ah: number, al: number): void {
  const s = Math.sqrt(ah);
  ddMul(s, 0, s, 0);
  ddAdd(ah, al, -dH, -dL);
  const c = dH / (2 * s);
  ddAdd(s, 0, c, 0);
}

// dd constants (mpmath, 400 bits).
const PI_H = 3.141592653589793, PI_L = 1.2246467991473532e-16;
const PIO2_H = 1.5707963267948966, PIO2_L = 6.123233995736766e-17;
const LN2_H = 0.6931471805599453, LN2_L = 2.3190468138462996e-17;
const LOG2E_H = 1.4426950408889634, LOG2E_L = 2.0355273740931033e-17;

const RD = new Float64Array(1);
const RI = new Int32Array(RD.buffer);

/**
 * Rounds (h + l) * 2^scale to 64 bits with fr.rc into fr. `tail` (-1, 0, +1) says the exact
 * magnitude is a little below / above |h + l| when that sum is exact (tiny-argument cases).
 */
function ddRound(h: number, l: number, scale: number, tail: number): void {
  const saved = fr.flags;
  RD[0] = h;
  f80FromF64(RI[0], RI[1]);
  unpackA(fr.se, fr.hi, fr.lo);
  if (l !== 0) {
    RD[0] = l;
    f80FromF64(RI[0], RI[1]);
    unpackB(fr.se, fr.hi, fr.lo);
    if (!addW()) { fr.flags = saved; setZero(0); return; }
  } else {
    aToW();
  }
  fr.flags = saved;
  if (tail > 0 && wx === 0) wx = 1;
  else if (tail < 0 && wx === 0) {
    // Borrow one unit below the guard word: the value is just under the exact sum.
    if (w0 === 0) {
      w0 = -1;
      if (w1 === 0) { w1 = -1; w2 = (w2 - 1) | 0; } else w1 = (w1 - 1) | 0;
      if (w2 >= 0) normW();
    } else w0 = (w0 - 1) | 0;
    wx = 1;
  }
  we += scale;
  roundPack(64);
}

// Unpacked operand as dd mantissa in [1, 2) and unbiased exponent.
let mH = 0;
let mL = 0;
let mE = 0;

/** Splits a finite non-zero 80-bit value: |x| = (mH + mL) * 2^mE, mH + mL in [1, 2). */
function toDD(se: number, hi: number, lo: number): void {
  unpackA(se, hi, lo);
  mH = ((aH >>> 0) * 4294967296 + ((aL & 0xfffff800) >>> 0)) / 9223372036854775808;
  mL = (aL & 0x7ff) / 9223372036854775808;
  mE = aE - 16383;
}

/** atanh(s) in dd for |s| <= 0.18 (series). */
function ddAtanh(sh: number, sl: number): void {
  ddMul(sh, sl, sh, sl);
  const s2h = dH, s2l = dL;
  let ph = sh, pl = sl; // s^(2k+1)
  let sumH = sh, sumL = sl;
  for (let k = 1; k < 40; k++) {
    ddMul(ph, pl, s2h, s2l);
    ph = dH; pl = dL;
    const th = ph / (2 * k + 1);
    if (Math.abs(th) < Math.abs(sumH) * 1e-36) break;
    ddDivD(ph, pl, 2 * k + 1);
    ddAdd(sumH, sumL, dH, dL);
    sumH = dH; sumL = dL;
  }
  dH = sumH; dL = sumL;
}

function ddDivD(ah: number, al: number, d: number): void {
  const q1 = ah / d;
  ddMul(q1, 0, d, 0);
  ddAdd(ah, al, -dH, -dL);
  const q2 = dH / d;
  ddAdd(q1, 0, q2, 0);
}

/** exp(u) - 1 in dd for |u| < 2^-8 (series). */
function ddExpm1Small(uh: number, ul: number): void {
  let th = uh, tl = ul;
  let sumH = uh, sumL = ul;
  for (let n = 2; n < 30; n++) {
    ddMul(th, tl, uh, ul);
    ddDivD(dH, dL, n);
    th = dH; tl = dL;
    if (Math.abs(th) < Math.abs(sumH) * 1e-36) break;
    ddAdd(sumH, sumL, th, tl);
    sumH = dH; sumL = dL;
  }
  dH = sumH; dL = sumL;
}

/** F2XM1: 2^x - 1. |x| > 1 returns x with PE, as this host does (the SDM leaves it undefined). */
export function f80F2xm1(se: number, hi: number, lo: number): void {
  const ca = classify(se, hi, lo);
  if (ca >= C_QNAN) { nan1(se, hi, lo, ca); return; }
  if (ca === C_ZERO) { fr.se = se; fr.hi = hi; fr.lo = lo; return; }
  if (ca === C_INF) {
    if (se & 0x8000) { fr.se = 0xbfff; fr.hi = 0x80000000 | 0; fr.lo = 0; } else setInf(0);
    return;
  }
  if (ca === C_DENORMAL) fr.flags |= FE_DE;
  toDD(se, hi, lo);
  const neg = (se & 0x8000) !== 0;
  if (mE >= 0) {
    if (mE === 0 && mH === 1 && mL === 0) {
      // As on this host: 2^1 - 1 comes out just below 1 (RZ/RD give 1 - ulp), 2^-1 - 1 is
      // exactly -0.5 but still reports PE.
      if (neg) { fr.se = 0xbffe; fr.hi = 0x80000000 | 0; fr.lo = 0; fr.flags |= FE_PE; } else ddRound(1, 0, 0, -1);
      return;
    }
    f80Canonical(se, hi, lo);
    fr.flags |= FE_PE;
    return;
  }
  if (mE < -300) {
    ddMul(mH, mL, LN2_H, LN2_L);
    ddRound(neg ? -dH : dH, neg ? -dL : dL, mE, 0);
    return;
  }
  // t = x ln2, halved k times below 2^-8, then expm1(2u) = expm1(u) (expm1(u) + 2).
  const k = Math.max(0, mE + 8);
  const sc = 2 ** (mE - k);
  ddMul(neg ? -mH * sc : mH * sc, neg ? -mL * sc : mL * sc, LN2_H, LN2_L);
  ddExpm1Small(dH, dL);
  for (let j = 0; j < k; j++) {
    const eh = dH, el = dL;
    ddAdd(eh, el, 2, 0);
    ddMul(eh, el, dH, dL);
  }
  ddRound(dH, dL, 0, 0);
}

/** log2 of the mantissa mH + mL (in [1, 2)) plus mE, in dd. */
function ddLog2(): void {
  let h = mH, l = mL, e = mE;
  if (h > 1.4142135623730951) { h /= 2; l /= 2; e += 1; }
  ddAdd(h, l, 1, 0);
  const dh = dH, dl = dL;
  ddDiv(h - 1, l, dh, dl); // h - 1 is exact for h in [0.7, 1.42]
  ddAtanh(dH, dL);
  ddMul(dH * 2, dL * 2, LOG2E_H, LOG2E_L);
  ddAdd(dH, dL, e, 0);
}

/** FYL2X: y * log2(x) (y = ST1, x = ST0). */
export function f80Yl2x(ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number): void {
  const cy = classify(ySe, yHi, yLo);
  const cx = classify(xSe, xHi, xLo);
  const sx = (xSe >>> 15) & 1;
  const sy = (ySe >>> 15) & 1;
  if (cx >= C_QNAN || cy >= C_QNAN) {
    nan2(ySe, yHi, yLo, cy, xSe, xHi, xLo, cx);
    if (sx && cx !== C_ZERO && cx < C_QNAN) fr.flags |= FE_IE; // log of a negative number
    return;
  }
  if (sx && cx !== C_ZERO) { f80Indefinite(); return; }
  if (cx === C_DENORMAL || cy === C_DENORMAL) fr.flags |= FE_DE;
  if (cx === C_ZERO) {
    if (cy === C_ZERO) { f80Indefinite(); return; }
    if (cy !== C_INF) fr.flags |= FE_ZE;
    setInf(sy ^ 1);
    return;
  }
  if (cx === C_INF) {
    if (cy === C_ZERO) f80Indefinite(); else setInf(sy);
    return;
  }
  toDD(xSe, xHi, xLo);
  const one = mE === 0 && mH === 1 && mL === 0;
  const below = mE < 0;
  if (cy === C_INF) {
    if (one) f80Indefinite(); else setInf(below ? sy ^ 1 : sy);
    return;
  }
  if (cy === C_ZERO || one) { setZero(below ? sy ^ 1 : sy); return; }
  ddLog2();
  const lh = dH, ll = dL;
  toDD(ySe, yHi, yLo);
  ddMul(sy ? -mH : mH, sy ? -mL : mL, lh, ll);
  ddRound(dH, dL, mE, 0);
  fr.flags |= FE_PE; // this host reports PE even for exact results (x a power of two)
}

/** FYL2XP1: y * log2(x + 1) (y = ST1, x = ST0). */
export function f80Yl2xp1(ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number): void {
  const cy = classify(ySe, yHi, yLo);
  const cx = classify(xSe, xHi, xLo);
  const sx = (xSe >>> 15) & 1;
  const sy = (ySe >>> 15) & 1;
  if (cx >= C_QNAN || cy >= C_QNAN) { nan2(ySe, yHi, yLo, cy, xSe, xHi, xLo, cx); return; }
  if (cx === C_DENORMAL || cy === C_DENORMAL) fr.flags |= FE_DE;
  if (cx === C_ZERO) {
    if (cy === C_INF) f80Indefinite(); else setZero(sx ^ sy);
    return;
  }
  if (cx === C_INF) {
    if (sx || cy === C_ZERO) f80Indefinite(); else setInf(sy);
    return;
  }
  // x < -1 (log of a negative number): this host returns x unchanged with PE (the SDM leaves
  // results outside |x| < 1 - sqrt(2)/2 undefined; inside (-1, +inf) the host computes them).
  if (sx && (xSe & 0x7fff) >= 0x3fff) {
    if ((xSe & 0x7fff) === 0x3fff && xHi === (0x80000000 | 0) && xLo === 0) {
      if (cy === C_ZERO) { f80Indefinite(); return; }
      if (cy !== C_INF) fr.flags |= FE_ZE;
      setInf(sy ^ 1);
      return;
    }
    f80Canonical(xSe, xHi, xLo);
    fr.flags |= FE_PE;
    return;
  }
  toDD(xSe, xHi, xLo);
  if (cy === C_INF) { setInf(sy ^ sx); return; }
  if (cy === C_ZERO) { setZero(sy ^ sx); return; }
  const xe = mE;
  let lh: number, ll: number, scale = 0;
  if (xe < -900) {
    // log2(1 + x) = x log2(e) (1 - x/2 ...): the correction is far below the last bit.
    ddMul(mH, mL, LOG2E_H, LOG2E_L);
    lh = sx ? -dH : dH; ll = sx ? -dL : dL;
    scale = xe;
  } else if (xe < -2) {
    // |x| < 1/4: ln(1 + x) = 2 atanh(x / (2 + x)), accurate for tiny x.
    const xh = (sx ? -mH : mH) * 2 ** xe, xl = (sx ? -mL : mL) * 2 ** xe;
    ddAdd(xh, xl, 2, 0);
    ddDiv(xh, xl, dH, dL);
    ddAtanh(dH, dL);
    ddMul(dH * 2, dL * 2, LOG2E_H, LOG2E_L);
    lh = dH; ll = dL;
  } else {
    // Larger x (the host computes beyond the documented range too): 1 + x is exact in dd.
    ddAdd(1, 0, (sx ? -mH : mH) * 2 ** xe, (sx ? -mL : mL) * 2 ** xe);
    const e = Math.floor(Math.log2(dH));
    mH = dH * 2 ** -e; mL = dL * 2 ** -e; mE = e;
    if (mH >= 2) { mH /= 2; mL /= 2; mE++; }
    ddLog2();
    lh = dH; ll = dL;
  }
  toDD(ySe, yHi, yLo);
  ddMul(sy ? -mH : mH, sy ? -mL : mL, lh, ll);
  ddRound(dH, dL, mE + scale, 0);
}

/** atan(r) in dd for 0 < r <= 1: three half-angle steps, then the series. */
function ddAtan(rh: number, rl: number): void {
  let h = rh, l = rl, mul = 1;
  if (h > 1e-6) {
    for (let k = 0; k < 3; k++) {
      ddMul(h, l, h, l);
      ddAdd(dH, dL, 1, 0);
      ddSqrt(dH, dL);
      ddAdd(dH, dL, 1, 0);
      ddDiv(h, l, dH, dL);
      h = dH; l = dL;
      mul *= 2;
    }
  }
  ddMul(h, l, h, l);
  const u2h = dH, u2l = dL;
  let ph = h, pl = l;
  let sumH = h, sumL = l;
  for (let k = 1; k < 40; k++) {
    ddMul(ph, pl, u2h, u2l);
    ph = -dH; pl = -dL;
    if (Math.abs(ph) < Math.abs(sumH) * 1e-36) break;
    ddDivD(ph, pl, 2 * k + 1);
    ddAdd(sumH, sumL, dH, dL);
    sumH = dH; sumL = dL;
  }
  dH = sumH * mul; dL = sumL * mul;
}

/** FPATAN: atan2(y, x) (y = ST1, x = ST0), in (-pi, pi]. */
export function f80Patan(ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number): void {
  const cy = classify(ySe, yHi, yLo);
  const cx = classify(xSe, xHi, xLo);
  const sx = (xSe >>> 15) & 1;
  const sy = (ySe >>> 15) & 1;
  if (cx >= C_QNAN || cy >= C_QNAN) { nan2(ySe, yHi, yLo, cy, xSe, xHi, xLo, cx); return; }
  if (cx === C_DENORMAL || cy === C_DENORMAL) fr.flags |= FE_DE;
  const sg = sy ? -1 : 1;
  if (cy === C_ZERO) {
    if (sx) ddRound(sg * PI_H, sg * PI_L, 0, 0); else setZero(sy);
    return;
  }
  if (cy === C_INF) {
    if (cx === C_INF) {
      if (sx) { ddMul(PI_H, PI_L, 0.75, 0); ddRound(sg * dH, sg * dL, 0, 0); } else ddRound(sg * PIO2_H, sg * PIO2_L, -1, 0);
    } else ddRound(sg * PIO2_H, sg * PIO2_L, 0, 0);
    return;
  }
  if (cx === C_ZERO) { ddRound(sg * PIO2_H, sg * PIO2_L, 0, 0); return; }
  if (cx === C_INF) {
    if (sx) ddRound(sg * PI_H, sg * PI_L, 0, 0); else setZero(sy);
    return;
  }
  toDD(xSe, xHi, xLo);
  const xh = mH, xl = mL, xe = mE;
  toDD(ySe, yHi, yLo);
  const yh = mH, yl = mL, ye = mE;
  const swap = ye > xe || (ye === xe && (yh > xh || (yh === xh && yl > xl)));
  if (swap) ddDiv(xh, xl, yh, yl); else ddDiv(yh, yl, xh, xl);
  const d = swap ? xe - ye : ye - xe;
  let rh = dH, rl = dL;
  if (d < -900) {
    // atan(r) = r (1 - r^2/3): r alone decides every bit.
    if (!swap && !sx) { ddRound(sg * rh, sg * rl, d, -1); return; }
    rh = 0; rl = 0;
    if (!swap) { ddRound(sg * PI_H, sg * PI_L, 0, -1); return; }
    ddRound(sg * PIO2_H, sg * PIO2_L, 0, sx ? 1 : -1);
    return;
  }
  rh *= 2 ** d; rl *= 2 ** d;
  ddAtan(rh, rl);
  let ah = dH, al = dL;
  if (swap) { ddAdd(PIO2_H, PIO2_L, -ah, -al); ah = dH; al = dL; }
  if (sx) { ddAdd(PI_H, PI_L, -ah, -al); ah = dH; al = dL; }
  ddRound(sg * ah, sg * al, 0, 0);
}

// pi/2 as a 256-bit fixed-point integer (value * 2^255), 16-bit limbs, least significant first.
const PIO2_LIMBS = new Float64Array([
  0x9b22, 0x3b13, 0xbea6, 0x020b, 0xcc74, 0x8a67, 0x4e08, 0x2902,
  0x1cd1, 0x80dc, 0x628b, 0xc4c6, 0xc234, 0x2168, 0xdaa2, 0xc90f,
]);
/** Bits of pi/2 used by the reduction (the x87 microcode uses a 66-bit pi, SDM Vol. 1 §8.3.10). */
export let PI_BITS = 66;
const PIO2_USED = new Float64Array(16);
/** Sets the reduction constant's width (tests compare widths against the host). */
export function setPiBits(n: number): void {
  PI_BITS = n;
  const clear = 256 - n;
  for (let j = 0; j < 16; j++) {
    const lowBit = 16 * j;
    let v = PIO2_LIMBS[j];
    if (lowBit + 16 <= clear) v = 0;
    else if (lowBit < clear) v = v - (v % 2 ** (clear - lowBit));
    PIO2_USED[j] = v;
  }
}
setPiBits(PI_BITS);
const RED = new Float64Array(18);

// Reduced argument: r = (rH + rL) * 2^rE with |r| <= pi/4, quadrant rQ (0-3).
let rH = 0;
let rL = 0;
let rQ = 0;

/** Reduces |x| (finite, non-zero) modulo pi/2 exactly, to nearest; fills rH/rL/rQ. */
function reduce(se: number, hi: number, lo: number): void {
  toDD(se, hi, lo);
  if (mE < -1) { rH = mH * 2 ** mE; rL = mL * 2 ** mE; rQ = 0; return; }
  // R = X * 2^s mod D with X the 64-bit significand, D = pi/2 * 2^255, s = E - 63 + 255.
  const s = mE - 63 + 255;
  const pre = 190; // X * 2^190 < 2^254 < D: no subtraction needed yet
  RED.fill(0);
  // Place X << pre: pre = 190 = 11 * 16 + 14.
  for (let k = 0; k < 4; k++) {
    const word = k < 2 ? aL : aH;
    const v = ((k & 1) === 0 ? word & 0xffff : word >>> 16) * 16384; // << 14
    RED[11 + k] += v % 65536;
    RED[12 + k] += Math.floor(v / 65536);
  }
  let q = 0;
  for (let step = pre; step < s; step++) {
    let carry = 0;
    for (let j = 0; j < 18; j++) {
      const v = RED[j] * 2 + carry;
      carry = v >= 65536 ? 1 : 0;
      RED[j] = v - carry * 65536;
    }
    q = (q << 1) & 3;
    if (geD()) { subD(); q |= 1; }
  }
  // Round the quotient to nearest: if R > D/2, use D - R.
  let neg = false;
  if (geHalfD()) {
    let borrow = 0;
    for (let j = 0; j < 18; j++) {
      const v = (j < 16 ? PIO2_USED[j] : 0) - RED[j] - borrow;
      borrow = v < 0 ? 1 : 0;
      RED[j] = v + borrow * 65536;
    }
    neg = true;
    q = (q + 1) & 3;
  }
  let h = 0, l = 0;
  let top = 17;
  while (top > 0 && RED[top] === 0) top--;
  for (let j = top; j >= 0 && j >= top - 8; j--) {
    if (RED[j] === 0) continue;
    ddAdd(h, l, RED[j] * 2 ** (16 * j - 255), 0);
    h = dH; l = dL;
  }
  rH = neg ? -h : h; rL = neg ? -l : l; rQ = q;
}

function geD(): boolean {
  for (let j = 17; j >= 0; j--) {
    const d = j < 16 ? PIO2_USED[j] : 0;
    if (RED[j] !== d) return RED[j] > d;
  }
  return true;
}

function subD(): void {
  let borrow = 0;
  for (let j = 0; j < 18; j++) {
    const v = RED[j] - (j < 16 ? PIO2_USED[j] : 0) - borrow;
    borrow = v < 0 ? 1 : 0;
    RED[j] = v + borrow * 65536;
  }
}

/** R > D / 2 (D is odd in its last limb's low bit: compare 2R with D). */
function geHalfD(): boolean {
  let carry = 0;
  const two = TWO_R;
  for (let j = 0; j < 18; j++) {
    const v = RED[j] * 2 + carry;
    carry = v >= 65536 ? 1 : 0;
    two[j] = v - carry * 65536;
  }
  for (let j = 17; j >= 0; j--) {
    const d = j < 16 ? PIO2_USED[j] : 0;
    if (two[j] !== d) return two[j] > d;
  }
  return false;
}
const TWO_R = new Float64Array(18);

let sinH = 0, sinL = 0, cosH = 0, cosL = 0;

/** sin and cos of r = rH + rL (|r| <= pi/4), by their series. */
function ddSinCos(): void {
  ddMul(rH, rL, rH, rL);
  const r2h = dH, r2l = dL;
  let th = rH, tl = rL, sh = rH, sl = rL;
  for (let n = 1; n < 30; n++) {
    ddMul(th, tl, r2h, r2l);
    ddDivD(-dH, -dL, (2 * n) * (2 * n + 1));
    th = dH; tl = dL;
    if (Math.abs(th) < Math.abs(sh) * 1e-36) break;
    ddAdd(sh, sl, th, tl);
    sh = dH; sl = dL;
  }
  sinH = sh; sinL = sl;
  th = 1; tl = 0;
  let ch = 1, cl = 0;
  for (let n = 1; n < 30; n++) {
    ddMul(th, tl, r2h, r2l);
    ddDivD(-dH, -dL, (2 * n - 1) * (2 * n));
    th = dH; tl = dL;
    if (Math.abs(th) < 1e-36) break;
    ddAdd(ch, cl, th, tl);
    ch = dH; cl = dL;
  }
  cosH = ch; cosL = cl;
}

// Trig kinds.
const T_SIN = 0;
const T_COS = 1;
const T_TAN = 2;

function trig(se: number, hi: number, lo: number, kind: number): void {
  const ca = classify(se, hi, lo);
  if (ca >= C_QNAN) { nan1(se, hi, lo, ca); return; }
  if (ca === C_INF) { f80Indefinite(); return; }
  if (ca === C_ZERO) {
    if (kind === T_COS) { fr.se = 0x3fff; fr.hi = 0x80000000 | 0; fr.lo = 0; } else { fr.se = se; fr.hi = hi; fr.lo = lo; }
    return;
  }
  if (ca === C_DENORMAL) fr.flags |= FE_DE;
  const sg = se & 0x8000 ? -1 : 1;
  toDD(se, hi, lo);
  if (mE < -300) {
    // sin x = x - x^3/6, tan x = x + x^3/3, cos x = 1 - x^2/2: only the sticky side remains.
    if (kind === T_COS) ddRound(1, 0, 0, -1);
    else ddRound(sg * mH, sg * mL, mE, kind === T_SIN ? -1 : 1);
    return;
  }
  reduce(se, hi, lo);
  ddSinCos();
  const q = rQ;
  // sin/cos of |x| = sin/cos(r + q pi/2).
  let sh: number, sl: number, ch: number, cl: number;
  switch (q) {
    case 0: sh = sinH; sl = sinL; ch = cosH; cl = cosL; break;
    case 1: sh = cosH; sl = cosL; ch = -sinH; cl = -sinL; break;
    case 2: sh = -sinH; sl = -sinL; ch = -cosH; cl = -cosL; break;
    default: sh = -cosH; sl = -cosL; ch = sinH; cl = sinL; break;
  }
  if (kind === T_SIN) ddRound(sg * sh, sg * sl, 0, 0);
  else if (kind === T_COS) ddRound(ch, cl, 0, 0);
  else { ddDiv(sh, sl, ch, cl); ddRound(sg * dH, sg * dL, 0, 0); }
}

/** FSIN (|x| < 2^63; the caller handles larger arguments). */
export function f80Sin(se: number, hi: number, lo: number): void { trig(se, hi, lo, T_SIN); }
/** FCOS. */
export function f80Cos(se: number, hi: number, lo: number): void { trig(se, hi, lo, T_COS); }
/** FPTAN (the tangent; the caller pushes 1.0). */
export function f80Tan(se: number, hi: number, lo: number): void { trig(se, hi, lo, T_TAN); }

/** FSINCOS sine (sign/exponent word); the cosine is returned in fr. */
export let sinCosSe = 0;
/** FSINCOS sine, high word. */
export let sinCosHi = 0;
/** FSINCOS sine, low word. */
export let sinCosLo = 0;

/** FSINCOS: sin into sinCos*, cos into fr; exception flags of both accumulate. */
export function f80SinCos(se: number, hi: number, lo: number): void {
  trig(se, hi, lo, T_SIN);
  sinCosSe = fr.se; sinCosHi = fr.hi; sinCosLo = fr.lo;
  const ca = classify(se, hi, lo);
  if (ca >= C_QNAN || ca === C_INF) { fr.se = sinCosSe; fr.hi = sinCosHi; fr.lo = sinCosLo; return; }
  const c1 = fr.flags & FE_C1;
  trig(se, hi, lo, T_COS);
  fr.flags = (fr.flags & ~FE_C1) | c1; // C1 reports the sine's rounding, as this host does
}
