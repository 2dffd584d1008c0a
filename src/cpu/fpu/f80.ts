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
  } else {
    // A - B; a sticky remainder of B borrows one unit from the guard word and stays sticky.
    let s = (w0 >>> 0) - (t0 >>> 0) - (tx !== 0 ? 1 : 0);
    let b = s < 0 ? 1 : 0;
    w0 = s | 0;
    s = (w1 >>> 0) - (t1 >>> 0) - b;
    b = s < 0 ? 1 : 0;
    w1 = s | 0;
    w2 = ((w2 >>> 0) - (t2 >>> 0) - b) | 0;
    wx = tx;
    if ((w2 | w1 | w0 | wx) === 0) { setZero(fr.rc === RC_DOWN ? 1 : 0); return; }
    normW();
  }
  roundPack(fr.pc);
}

// 16-bit limbs of the two significands and of their product.
const LA = new Float64Array(4);
const LB = new Float64Array(4);
const LP = new Float64Array(8);

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

/** 64 x 64 -> 128-bit product into w2:w1:w0 (+ wx sticky, mulLowTop = bit 31 of the lowest word). */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  LA[0] = al & 0xffff; LA[1] = al >>> 16; LA[2] = ah & 0xffff; LA[3] = ah >>> 16;
  LB[0] = bl & 0xffff; LB[1] = bl >>> 16; LB[2] = bh & 0xffff; LB[3] = bh >>> 16;
  for (let k = 0; k < 8; k++) LP[k] = 0;
  for (let i = 0; i < 4; i++) {
    const x = LA[i];
    if (x === 0) continue;
    LP[i] += x * LB[0];
    LP[i + 1] += x * LB[1];
    LP[i + 2] += x * LB[2];
    LP[i + 3] += x * LB[3];
  }
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    const t = LP[k] + carry;
    carry = Math.floor(t / 65536);
    LP[k] = t - carry * 65536;
  }
  const low = LP[0] + LP[1] * 65536;
  w2 = (LP[7] * 65536 + LP[6]) | 0;
  w1 = (LP[5] * 65536 + LP[4]) | 0;
  w0 = (LP[3] * 65536 + LP[2]) | 0;
  wx = low === 0 ? 0 : 1;
  mulLowTop = LP[1] >= 32768 ? 1 : 0;
  mulLowRest = low - mulLowTop * 2147483648 === 0 ? 0 : 1;
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

/** FXTRACT parts: exponent (fr.*) and significand (xSe/xHi/xLo) of a finite non-zero value. */
export let xSe = 0;
export let xHi = 0;
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

/** Copies a value through the 64-bit-precision rounder (used by the transcendental helpers). */
export function f80RoundParts(sign: number, exp: number, h: number, l: number, g: number, sticky: number, p: number): void {
  ws = sign; we = exp; w2 = h; w1 = l; w0 = g; wx = sticky;
  if ((w2 | w1 | w0 | wx) === 0) { setZero(sign); return; }
  if (w2 >= 0) normW();
  roundPack(p);
}

// ---- transcendentals (temporary double-precision versions) ---------------------------------------
const TF = new Float64Array(1);
const TI = new Int32Array(TF.buffer);
function toD(se: number, hi: number, lo: number): number {
  const e = se & 0x7fff;
  let v = (hi >>> 0) * 4294967296 + (lo >>> 0);
  if (e === 0x7fff) v = (hi & 0x7fffffff) === 0 && lo === 0 ? Infinity : NaN;
  else v = v * 2 ** ((e === 0 ? 1 : e) - 16383 - 63);
  return se & 0x8000 ? -v : v;
}
function fromD(v: number): void {
  TF[0] = v;
  const s = fr.flags;
  f80FromF64(TI[0], TI[1]);
  fr.flags = s | FE_PE;
}
/** F2XM1. */
export function f80F2xm1(se: number, hi: number, lo: number): void { fromD(2 ** toD(se, hi, lo) - 1); }
/** FYL2X: y * log2(x). */
export function f80Yl2x(ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number): void { fromD(toD(ySe, yHi, yLo) * Math.log2(toD(xSe, xHi, xLo))); }
/** FYL2XP1: y * log2(x + 1). */
export function f80Yl2xp1(ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number): void { fromD(toD(ySe, yHi, yLo) * Math.log1p(toD(xSe, xHi, xLo)) / Math.LN2); }
/** FPATAN: atan2(y, x). */
export function f80Patan(ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number): void { fromD(Math.atan2(toD(ySe, yHi, yLo), toD(xSe, xHi, xLo))); }
/** FSIN. */
export function f80Sin(se: number, hi: number, lo: number): void { fromD(Math.sin(toD(se, hi, lo))); }
/** FCOS. */
export function f80Cos(se: number, hi: number, lo: number): void { fromD(Math.cos(toD(se, hi, lo))); }
/** FPTAN. */
export function f80Tan(se: number, hi: number, lo: number): void { fromD(Math.tan(toD(se, hi, lo))); }
export let sinCosSe = 0;
export let sinCosHi = 0;
export let sinCosLo = 0;
/** FSINCOS: sin in sinCos*, cos in fr. */
export function f80SinCos(se: number, hi: number, lo: number): void {
  f80Sin(se, hi, lo);
  sinCosSe = fr.se; sinCosHi = fr.hi; sinCosLo = fr.lo;
  f80Cos(se, hi, lo);
}
