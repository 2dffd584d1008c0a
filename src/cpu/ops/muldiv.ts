// MUL, IMUL (one-, two- and three-operand), DIV, IDIV, and BMI2 MULX (Intel SDM Vol. 2A/2B).
// 64-bit products are built from exact 32x32 partial products in doubles; division uses doubles
// when the operands are below 2^53 and BigInt only as the rare slow path (DESIGN.md).
// Flags: CF = OF = "high half significant"; SF/ZF/AF/PF are undefined (we derive SF/ZF/PF from the
// low half, as Intel parts do). DIV/IDIV leave all flags undefined (unchanged here).
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { F_IMUL64, F_MUL } from '../flags.js';
import { getReg, readMem, setReg } from './operand.js';
import { raiseDE } from './traps.js';
import { mulHiU32, mulLo64, mulLoHi, mulS128, mulU128, W } from './mul128.js';

function recordMul(c: Cpu, s: number, lo: number, hi: number, overflow: boolean): void {
  c.fOp = F_MUL;
  c.fSize = s;
  c.fRes = lo;
  c.fResHi = hi;
  c.fAux = overflow ? 1 : 0;
}

function readSrc(c: Cpu, i: Insn, s: number): number {
  return i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
}

/** MUL Ev (F6/F7 /4): rDX:rAX = rAX * E, unsigned. */
export function opMulEv(c: Cpu, i: Insn): void {
  const s = i.size, r = c.r;
  const b = readSrc(c, i, s), bHi = c.hi;
  switch (s) {
    case 1: { const p = (r[0] & 0xff) * b; r[0] = (r[0] & ~0xffff) | p; recordMul(c, 1, p & 0xff, 0, p > 0xff); break; }
    case 2: {
      const p = (r[0] & 0xffff) * b;
      r[0] = (r[0] & ~0xffff) | (p & 0xffff);
      r[4] = (r[4] & ~0xffff) | (p >>> 16);
      recordMul(c, 2, p & 0xffff, 0, p > 0xffff);
      break;
    }
    case 4: {
      const a = r[0] >>> 0;
      const lo = Math.imul(a, b), hi = mulHiU32(a, b >>> 0);
      r[0] = lo; r[1] = 0; r[4] = hi; r[5] = 0;
      recordMul(c, 4, lo, 0, hi !== 0);
      break;
    }
    default:
      mulU128(r[0], r[1], b, bHi);
      r[0] = W[0]; r[1] = W[1]; r[4] = W[2]; r[5] = W[3];
      recordMul(c, 8, W[0], W[1], (W[2] | W[3]) !== 0);
  }
}

/** IMUL Ev (F6/F7 /5): rDX:rAX = rAX * E, signed. */
export function opImulEv(c: Cpu, i: Insn): void {
  const s = i.size, r = c.r;
  const b = readSrc(c, i, s), bHi = c.hi;
  switch (s) {
    case 1: {
      const p = ((r[0] << 24) >> 24) * ((b << 24) >> 24);
      r[0] = (r[0] & ~0xffff) | (p & 0xffff);
      recordMul(c, 1, p & 0xff, 0, p !== (p << 24) >> 24);
      break;
    }
    case 2: {
      const p = ((r[0] << 16) >> 16) * ((b << 16) >> 16);
      r[0] = (r[0] & ~0xffff) | (p & 0xffff);
      r[4] = (r[4] & ~0xffff) | ((p >> 16) & 0xffff);
      recordMul(c, 2, p & 0xffff, 0, p !== (p << 16) >> 16);
      break;
    }
    case 4: {
      const a = r[0];
      const lo = Math.imul(a, b);
      const hi = (mulHiU32(a >>> 0, b >>> 0) - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
      r[0] = lo; r[1] = 0; r[4] = hi; r[5] = 0;
      recordMul(c, 4, lo, 0, hi !== lo >> 31);
      break;
    }
    default:
      mulS128(r[0], r[1], b, bHi);
      r[0] = W[0]; r[1] = W[1]; r[4] = W[2]; r[5] = W[3];
      recordMul(c, 8, W[0], W[1], !(W[2] === W[1] >> 31 && W[3] === W[1] >> 31));
  }
}

/** Signed a*b truncated to width s, records CF/OF; returns lo, hi in c.hi. */
function imulTrunc(c: Cpu, s: number, a: number, aHi: number, b: number, bHi: number): number {
  switch (s) {
    case 2: {
      const p = ((a << 16) >> 16) * ((b << 16) >> 16);
      recordMul(c, 2, p & 0xffff, 0, p !== (p << 16) >> 16);
      c.hi = 0;
      return p & 0xffff;
    }
    case 4: {
      const lo = Math.imul(a, b);
      const hi = (mulHiU32(a >>> 0, b >>> 0) - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
      recordMul(c, 4, lo, 0, hi !== lo >> 31);
      c.hi = 0;
      return lo;
    }
    default: {
      // Low half now; CF/OF lazily (F_IMUL64 keeps the operands), as most code never reads them.
      const lo = mulLo64(a, aHi, b, bHi), hi = mulLoHi;
      c.fOp = F_IMUL64; c.fSize = 8; c.fRes = lo; c.fResHi = hi;
      c.fA = a; c.fAHi = aHi; c.fB = b; c.fBHi = bHi;
      c.hi = hi;
      return lo;
    }
  }
}

/** IMUL Gv,Ev (0F AF). */
export function opImulGvEv(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = readSrc(c, i, s), bHi = c.hi;
  const a = getReg(c, i.reg, s), aHi = c.hi;
  const lo = imulTrunc(c, s, a, aHi, b, bHi);
  setReg(c, i.reg, s, lo, c.hi);
}

/** IMUL Gv,Ev,Iz / Gv,Ev,Ib (69, 6B). */
export function opImulGvEvIz(c: Cpu, i: Insn): void {
  const s = i.size;
  const a = readSrc(c, i, s), aHi = c.hi;
  const lo = imulTrunc(c, s, a, aHi, s === 2 ? i.imm & 0xffff : i.imm, i.imm >> 31);
  setReg(c, i.reg, s, lo, c.hi);
}

/** MULX Gy,By,Ey (VEX F2 0F38 F6): rdx * E → hi to reg, lo to vvvv; no flags. */
export function opMulx(c: Cpu, i: Insn): void {
  const s = i.size, r = c.r;
  const b = readSrc(c, i, s), bHi = c.hi;
  if (s === 8) {
    mulU128(r[4], r[5], b, bHi);
    const lo = W[0], lh = W[1], h0 = W[2], h1 = W[3];
    setReg(c, i.vvvv, 8, lo, lh);
    setReg(c, i.reg, 8, h0, h1);
  } else {
    const a = r[4] >>> 0;
    const lo = Math.imul(a, b), hi = mulHiU32(a, b >>> 0);
    setReg(c, i.vvvv, 4, lo, 0);
    setReg(c, i.reg, 4, hi, 0);
  }
}

const TWO32 = 4294967296;

/** DIV Ev (F6/F7 /6): unsigned divide of rDX:rAX; #DE on zero divisor or quotient overflow. */
export function opDivEv(c: Cpu, i: Insn): void {
  const s = i.size, r = c.r;
  const d = readSrc(c, i, s), dHi = c.hi;
  switch (s) {
    case 1: {
      const n = r[0] & 0xffff, dv = d & 0xff;
      if (dv === 0) raiseDE(c, i);
      const q = Math.floor(n / dv);
      if (q > 0xff) raiseDE(c, i);
      r[0] = (r[0] & ~0xffff) | ((n % dv) << 8) | q;
      return;
    }
    case 2: {
      const n = (((r[4] & 0xffff) << 16) | (r[0] & 0xffff)) >>> 0, dv = d & 0xffff;
      if (dv === 0) raiseDE(c, i);
      const q = Math.floor(n / dv);
      if (q > 0xffff) raiseDE(c, i);
      r[0] = (r[0] & ~0xffff) | q;
      r[4] = (r[4] & ~0xffff) | (n % dv);
      return;
    }
    case 4: {
      const dv = d >>> 0;
      if (dv === 0) raiseDE(c, i);
      const nHi = r[4] >>> 0, nLo = r[0] >>> 0;
      let q: number, rem: number;
      if (nHi === 0) { q = Math.floor(nLo / dv); rem = nLo % dv; }
      else {
        if (nHi >= dv) raiseDE(c, i);
        const n = (BigInt(nHi) << 32n) | BigInt(nLo);
        q = Number(n / BigInt(dv)); rem = Number(n % BigInt(dv));
      }
      r[0] = q | 0; r[1] = 0; r[4] = rem | 0; r[5] = 0;
      return;
    }
    default: {
      if ((d | dHi) === 0) raiseDE(c, i);
      const dvU = (dHi >>> 0) * TWO32 + (d >>> 0);
      if (r[4] === 0 && r[5] === 0 && (r[1] >>> 0) < 0x200000 && (dHi >>> 0) < 0x200000) {
        const n = (r[1] >>> 0) * TWO32 + (r[0] >>> 0);
        const q = Math.floor(n / dvU), rem = n - q * dvU;
        r[0] = q | 0; r[1] = Math.floor(q / TWO32) | 0;
        r[4] = rem | 0; r[5] = Math.floor(rem / TWO32) | 0;
        return;
      }
      const n = (u64big(r[4], r[5]) << 64n) | u64big(r[0], r[1]);
      const dv = u64big(d, dHi);
      const q = n / dv;
      if (q >> 64n !== 0n) raiseDE(c, i);
      setBig(c, 0, q);
      setBig(c, 2, n % dv);
    }
  }
}

/** IDIV Ev (F6/F7 /7): signed divide, truncating toward zero; #DE on overflow. */
export function opIdivEv(c: Cpu, i: Insn): void {
  const s = i.size, r = c.r;
  const d = readSrc(c, i, s), dHi = c.hi;
  switch (s) {
    case 1: {
      const n = (r[0] << 16) >> 16, dv = (d << 24) >> 24;
      if (dv === 0) raiseDE(c, i);
      const q = Math.trunc(n / dv);
      if (q > 127 || q < -128) raiseDE(c, i);
      r[0] = (r[0] & ~0xffff) | (((n % dv) & 0xff) << 8) | (q & 0xff);
      return;
    }
    case 2: {
      const n = ((r[4] & 0xffff) << 16) | (r[0] & 0xffff), dv = (d << 16) >> 16;
      if (dv === 0) raiseDE(c, i);
      const q = Math.trunc(n / dv);
      if (q > 32767 || q < -32768) raiseDE(c, i);
      r[0] = (r[0] & ~0xffff) | (q & 0xffff);
      r[4] = (r[4] & ~0xffff) | ((n % dv) & 0xffff);
      return;
    }
    case 4: {
      const dv = d | 0;
      if (dv === 0) raiseDE(c, i);
      const n = r[4] * TWO32 + (r[0] >>> 0); // exact when |n| < 2^53
      let q: number, rem: number;
      if (Math.abs(n) < 2 ** 53) { q = Math.trunc(n / dv); rem = n - q * dv; }
      else {
        const nb = (BigInt(r[4]) << 32n) | BigInt(r[0] >>> 0);
        q = Number(nb / BigInt(dv)); rem = Number(nb % BigInt(dv));
      }
      if (q > 2147483647 || q < -2147483648) raiseDE(c, i);
      r[0] = q | 0; r[1] = 0; r[4] = rem | 0; r[5] = 0;
      return;
    }
    default: {
      if ((d | dHi) === 0) raiseDE(c, i);
      const nLoS = r[1] * TWO32 + (r[0] >>> 0);
      const dS = dHi * TWO32 + (d >>> 0);
      if (r[5] === r[1] >> 31 && r[4] === r[1] >> 31 && Math.abs(nLoS) < 2 ** 53 && Math.abs(dS) < 2 ** 53) {
        const q = Math.trunc(nLoS / dS), rem = nLoS - q * dS;
        c.setS64(0, q === 0 ? 0 : q);
        c.setS64(2, rem === 0 ? 0 : rem);
        return;
      }
      const n = BigInt.asIntN(128, (u64big(r[4], r[5]) << 64n) | u64big(r[0], r[1]));
      const dv = BigInt.asIntN(64, u64big(d, dHi));
      const q = n / dv;
      if (q > 0x7fffffffffffffffn || q < -0x8000000000000000n) raiseDE(c, i);
      setBig(c, 0, q);
      setBig(c, 2, n % dv);
    }
  }
}

function u64big(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function setBig(c: Cpu, n: number, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  c.r[2 * n] = Number(u & 0xffffffffn) | 0;
  c.r[2 * n + 1] = Number(u >> 32n) | 0;
}
