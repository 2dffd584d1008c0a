// Lazy RFLAGS (Intel SDM Vol. 1 §3.4.3): arithmetic records its operation, operands and result;
// CF/PF/AF/ZF/SF/OF are computed only when read. Per-condition evaluation (SDM Vol. 2 Appendix B.1,
// condition codes) reads the recorded operands directly, which fuses cmp+jcc for free.
import type { Cpu } from './state.js';
import { imul64Overflows } from './ops/mul128.js';

export const CF = 0x1;
export const PF = 0x4;
export const AF = 0x10;
export const ZF = 0x40;
export const SF = 0x80;
export const TF = 0x100;
export const IF = 0x200;
export const DF = 0x400;
export const OF = 0x800;
export const AC = 0x40000;
export const ID = 0x200000;
/** The six status flags the lazy evaluator owns. */
export const STATUS = CF | PF | AF | ZF | SF | OF;

// Flag operation kinds recorded in cpu.fOp.
export const F_NONE = 0; // status flags are in cpu.fBits
export const F_ADD = 1;
export const F_SUB = 2; // also CMP, NEG (a = 0)
export const F_ADC = 3;
export const F_SBB = 4;
export const F_LOGIC = 5; // CF = OF = 0, AF undefined (0 like most hardware)
export const F_INC = 6; // CF preserved in fAux
export const F_DEC = 7;
export const F_SHL = 8; // fAux = CF (last bit out), fB = count; OF per SDM for count 1
export const F_SHR = 9;
export const F_SAR = 10;
export const F_MUL = 11; // fAux = CF = OF; SF/ZF/PF from result (undefined per SDM)
export const F_ROT = 12; // rotates: fBits has CF/OF, other flags untouched (kept in fBits)
export const F_IMUL64 = 13; // 64-bit 2/3-operand IMUL: CF = OF = overflow, computed on demand
export const F_SHRD = 14; // SHRD: CF in fAux; OF = MSB(result) XOR MSB(original) (SDM "SHRD")

const PARITY = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let p = 1;
  for (let b = i; b; b >>= 1) p ^= b & 1;
  PARITY[i] = p;
}

function signBit(c: Cpu): number {
  switch (c.fSize) {
    case 1: return (c.fRes >> 7) & 1;
    case 2: return (c.fRes >> 15) & 1;
    case 4: return c.fRes >>> 31;
    default: return c.fResHi >>> 31;
  }
}

/** Unsigned a < b for the recorded width. */
function ltu(aLo: number, aHi: number, bLo: number, bHi: number, size: number): boolean {
  if (size === 8) {
    if (aHi !== bHi) return (aHi >>> 0) < (bHi >>> 0);
    return (aLo >>> 0) < (bLo >>> 0);
  }
  return (aLo >>> 0) < (bLo >>> 0);
}

function topBit(v: number, vHi: number, size: number): number {
  switch (size) {
    case 1: return (v >> 7) & 1;
    case 2: return (v >> 15) & 1;
    case 4: return v >>> 31;
    default: return vHi >>> 31;
  }
}

/** Carry flag. */
export function getCF(c: Cpu): number {
  switch (c.fOp) {
    case F_NONE: case F_ROT: return c.fBits & CF;
    case F_ADD: return ltu(c.fRes, c.fResHi, c.fA, c.fAHi, c.fSize) ? 1 : 0;
    case F_ADC:
      if (c.fAux) return ltu(c.fA, c.fAHi, c.fRes, c.fResHi, c.fSize) ? 0 : 1; // res <= a
      return ltu(c.fRes, c.fResHi, c.fA, c.fAHi, c.fSize) ? 1 : 0;
    case F_SUB: return ltu(c.fA, c.fAHi, c.fB, c.fBHi, c.fSize) ? 1 : 0;
    case F_SBB:
      if (c.fAux) return ltu(c.fB, c.fBHi, c.fA, c.fAHi, c.fSize) ? 0 : 1; // a <= b
      return ltu(c.fA, c.fAHi, c.fB, c.fBHi, c.fSize) ? 1 : 0;
    case F_LOGIC: return 0;
    case F_INC: case F_DEC: case F_SHL: case F_SHR: case F_SAR: case F_MUL: case F_SHRD: return c.fAux & 1;
    case F_IMUL64: return imul64Overflows(c.fA, c.fAHi, c.fB, c.fBHi) ? 1 : 0;
  }
  return 0;
}

/** Zero flag. */
export function getZF(c: Cpu): number {
  if (c.fOp === F_NONE || c.fOp === F_ROT) return (c.fBits >> 6) & 1;
  return c.fRes === 0 && (c.fSize !== 8 || c.fResHi === 0) ? 1 : 0;
}

/** Sign flag. */
export function getSF(c: Cpu): number {
  if (c.fOp === F_NONE || c.fOp === F_ROT) return (c.fBits >> 7) & 1;
  return signBit(c);
}

/** Overflow flag. */
export function getOF(c: Cpu): number {
  const s = c.fSize;
  switch (c.fOp) {
    case F_NONE: case F_ROT: return (c.fBits >> 11) & 1;
    case F_ADD: case F_ADC: case F_INC:
      return topBit((c.fA ^ c.fRes) & (c.fB ^ c.fRes), (c.fAHi ^ c.fResHi) & (c.fBHi ^ c.fResHi), s);
    case F_SUB: case F_SBB: case F_DEC:
      return topBit((c.fA ^ c.fB) & (c.fA ^ c.fRes), (c.fAHi ^ c.fBHi) & (c.fAHi ^ c.fResHi), s);
    case F_LOGIC: return 0;
    case F_SHL: return (topBit(c.fRes, c.fResHi, s) ^ c.fAux) & 1; // SDM: MSB(result) XOR CF
    case F_SHR: return topBit(c.fA, c.fAHi, s); // SDM: MSB of the original operand
    case F_SAR: return 0;
    case F_SHRD: return (topBit(c.fRes, c.fResHi, s) ^ topBit(c.fA, c.fAHi, s)) & 1;
    case F_MUL: return c.fAux & 1;
    case F_IMUL64: return imul64Overflows(c.fA, c.fAHi, c.fB, c.fBHi) ? 1 : 0;
  }
  return 0;
}

/** Parity flag (low byte of the result). */
export function getPF(c: Cpu): number {
  if (c.fOp === F_NONE || c.fOp === F_ROT) return (c.fBits >> 2) & 1;
  return PARITY[c.fRes & 0xff];
}

/** Auxiliary carry flag. */
export function getAF(c: Cpu): number {
  switch (c.fOp) {
    case F_NONE: case F_ROT: return (c.fBits >> 4) & 1;
    case F_ADD: case F_ADC: case F_SUB: case F_SBB: case F_INC: case F_DEC:
      return ((c.fA ^ c.fB ^ c.fRes) >> 4) & 1;
  }
  return 0;
}

/** Materialises the full RFLAGS low 32 bits. */
export function getFlags(c: Cpu): number {
  const f = c.fBits & ~STATUS;
  return f | getCF(c) | (getPF(c) << 2) | (getAF(c) << 4) | (getZF(c) << 6) | (getSF(c) << 7) | (getOF(c) << 11) | 2;
}

/** Loads RFLAGS status and control bits (popf, sahf, direct writes). */
export function setFlags(c: Cpu, v: number): void {
  c.fBits = (v & 0x3f7fd5) | 2;
  c.fOp = F_NONE;
}

/** Forces the lazy state into fBits so single flags can be changed (stc, cmc, bt...). */
export function materialize(c: Cpu): void {
  if (c.fOp !== F_NONE) setFlags(c, getFlags(c));
}

/** Sets just CF, keeping the other flags (stc/clc/cmc/bt). */
export function setCF(c: Cpu, cf: number): void {
  materialize(c);
  c.fBits = (c.fBits & ~CF) | (cf & 1);
}

/**
 * Evaluates condition code cc (0..15: O NO B AE E NE BE A S NS P NP L GE LE G), SDM Vol. 1
 * Appendix B. Fast paths for CMP/SUB and logic results avoid materialising flags.
 */
export function cond(c: Cpu, cc: number): boolean {
  const op = c.fOp;
  if (op === F_SUB && c.fSize >= 4) {
    let lt: boolean; // signed a < b
    let ltU: boolean;
    let eq: boolean;
    if (c.fSize === 4) {
      lt = c.fA < c.fB;
      ltU = (c.fA >>> 0) < (c.fB >>> 0);
      eq = c.fA === c.fB;
    } else {
      if (c.fAHi !== c.fBHi) {
        lt = c.fAHi < c.fBHi;
        ltU = (c.fAHi >>> 0) < (c.fBHi >>> 0);
        eq = false;
      } else {
        lt = ltU = (c.fA >>> 0) < (c.fB >>> 0);
        eq = c.fA === c.fB;
      }
    }
    switch (cc) {
      case 2: return ltU;
      case 3: return !ltU;
      case 4: return eq;
      case 5: return !eq;
      case 6: return ltU || eq;
      case 7: return !ltU && !eq;
      case 12: return lt;
      case 13: return !lt;
      case 14: return lt || eq;
      case 15: return !lt && !eq;
    }
  } else if (op === F_LOGIC) {
    const z = getZF(c) === 1;
    const s = getSF(c) === 1;
    switch (cc) {
      case 2: case 0: return false;
      case 3: case 1: return true;
      case 4: case 6: return z;
      case 5: case 7: return !z;
      case 8: case 12: return s;
      case 9: case 13: return !s;
      case 14: return z || s;
      case 15: return !z && !s;
    }
  }
  switch (cc) {
    case 0: return getOF(c) === 1;
    case 1: return getOF(c) === 0;
    case 2: return getCF(c) === 1;
    case 3: return getCF(c) === 0;
    case 4: return getZF(c) === 1;
    case 5: return getZF(c) === 0;
    case 6: return (getCF(c) | getZF(c)) === 1;
    case 7: return (getCF(c) | getZF(c)) === 0;
    case 8: return getSF(c) === 1;
    case 9: return getSF(c) === 0;
    case 10: return getPF(c) === 1;
    case 11: return getPF(c) === 0;
    case 12: return getSF(c) !== getOF(c);
    case 13: return getSF(c) === getOF(c);
    case 14: return getZF(c) === 1 || getSF(c) !== getOF(c);
    default: return getZF(c) === 0 && getSF(c) === getOF(c);
  }
}
