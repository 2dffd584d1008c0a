// Exact 32x32→64 and 64x64→128 products on int32 halves (no BigInt: DESIGN.md). The high half of
// a 32x32 product comes from the double product: it is within 2^11 of exact and the exact low
// half is known from Math.imul, so rounding (p - lo) / 2^32 recovers the high half exactly.

/** High 32 bits (as int32) of the unsigned product of two uint32 values. */
export function mulHiU32(a: number, b: number): number {
  const lo = Math.imul(a, b) >>> 0;
  return Math.round((a * b - lo) / 4294967296) | 0;
}

/** The last 128-bit product, lowest word first (int32 each). */
export const W = new Int32Array(4);

/** Unsigned 64x64 → 128 product into W. */
export function mulU128(aLo: number, aHi: number, bLo: number, bHi: number): void {
  const a0 = aLo >>> 0, a1 = aHi >>> 0, b0 = bLo >>> 0, b1 = bHi >>> 0;
  const p00h = mulHiU32(a0, b0) >>> 0;
  const p01l = Math.imul(a0, b1) >>> 0, p01h = mulHiU32(a0, b1) >>> 0;
  const p10l = Math.imul(a1, b0) >>> 0, p10h = mulHiU32(a1, b0) >>> 0;
  const p11l = Math.imul(a1, b1) >>> 0, p11h = mulHiU32(a1, b1) >>> 0;
  W[0] = Math.imul(a0, b0);
  const s1 = p00h + p01l + p10l; // < 3 * 2^32, exact
  W[1] = s1 | 0;
  const s2 = p01h + p10h + p11l + Math.floor(s1 / 4294967296);
  W[2] = s2 | 0;
  W[3] = (p11h + Math.floor(s2 / 4294967296)) | 0;
}

/** Signed 64x64 → 128 product into W (two's complement). */
export function mulS128(aLo: number, aHi: number, bLo: number, bHi: number): void {
  mulU128(aLo, aHi, bLo, bHi);
  // Subtract b·2^64 if a < 0 and a·2^64 if b < 0 (mod 2^128): only the high 64 bits change.
  if (aHi < 0) subHigh(bLo, bHi);
  if (bHi < 0) subHigh(aLo, aHi);
}

function subHigh(lo: number, hi: number): void {
  const d2 = (W[2] >>> 0) - (lo >>> 0);
  W[2] = d2 | 0;
  W[3] = (W[3] - hi - (d2 < 0 ? 1 : 0)) | 0;
}

/** Low 64 bits of a 64x64 product: returns lo, high half in mulHi. */
export function mulLo64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  mulLoHi = (mulHiU32(aLo >>> 0, bLo >>> 0) + Math.imul(aLo, bHi) + Math.imul(aHi, bLo)) | 0;
  return Math.imul(aLo, bLo);
}
/** High half of the last mulLo64. */
export let mulLoHi = 0;

/** True when the signed 64x64 product overflows 64 bits (IMUL's CF/OF). */
export function imul64Overflows(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  if (aHi === aLo >> 31 && bHi === bLo >> 31) return false; // both fit in 32 bits signed
  mulS128(aLo, aHi, bLo, bHi);
  const s = W[1] >> 31;
  return !(W[2] === s && W[3] === s);
}
