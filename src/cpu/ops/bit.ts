// Bit instructions: BT/BTS/BTR/BTC, BSF/BSR, TZCNT/LZCNT, POPCNT, and BMI1 ANDN/BLSI/BLSMSK/
// BLSR/BEXTR, BMI2 BZHI/PDEP/PEXT (Intel SDM Vol. 2A/2B, per instruction).
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { CF, F_LOGIC, materialize, setFlags, getFlags, ZF, OF, SF, PF, AF } from '../flags.js';
import { getReg, readMem, setReg, writeMem } from './operand.js';

/** Sets CF only (BT family leaves the other flags as they were on modern parts). */
function setCFOnly(c: Cpu, cf: number): void {
  materialize(c);
  c.fBits = (c.fBits & ~CF) | cf;
}

function btCore(c: Cpu, i: Insn, off: number, isImm: boolean): void {
  const s = i.size;
  const bits = s * 8;
  // Register bit offsets on a memory operand address beyond the operand (SDM "BT": signed).
  let addr = 0;
  let n: number;
  if (i.isMem) {
    addr = ea(c, i);
    if (!isImm) {
      const word = Math.floor(off / bits);
      addr += word * s;
      n = off - word * bits;
    } else n = off & (bits - 1);
  } else n = off & (bits - 1);
  const v = i.isMem ? readMem(c, addr, s) : getReg(c, i.rm, s);
  let vHi = c.hi;
  let lo = v;
  let bit: number;
  if (n < 32) bit = (v >>> n) & 1; else bit = (vHi >>> (n - 32)) & 1;
  setCFOnly(c, bit);
  const kind = i.ext; // 0 bt, 1 bts, 2 btr, 3 btc
  if (kind === 0) return;
  const m = n < 32 ? 1 << n : 1 << (n - 32);
  if (n < 32) lo = kind === 1 ? lo | m : kind === 2 ? lo & ~m : lo ^ m;
  else vHi = kind === 1 ? vHi | m : kind === 2 ? vHi & ~m : vHi ^ m;
  if (s === 2) lo &= 0xffff;
  if (i.isMem) writeMem(c, addr, s, lo, vHi);
  else setReg(c, i.rm, s, lo, vHi);
}

/** BT/BTS/BTR/BTC Ev,Gv (0F A3, AB, B3, BB): signed bit offset from a register. */
export function opBtEvGv(c: Cpu, i: Insn): void {
  const s = i.size;
  let off: number;
  if (s === 8) off = c.r[2 * i.reg + 1] * 4294967296 + (c.r[2 * i.reg] >>> 0);
  else if (s === 4) off = c.r[2 * i.reg];
  else off = (c.r[2 * i.reg] << 16) >> 16;
  btCore(c, i, off, false);
}

/** BT/BTS/BTR/BTC Ev,Ib (0F BA /4-/7). */
export function opBtEvIb(c: Cpu, i: Insn): void {
  btCore(c, i, i.imm & 0xff, true);
}

function clz32(v: number): number { return Math.clz32(v); }
function ctz32(v: number): number { return v === 0 ? 32 : 31 - Math.clz32(v & -v); }

function zeroCount(lo: number, hi: number, s: number, leading: boolean): number {
  if (s === 8) {
    if (leading) return hi !== 0 ? clz32(hi) : 32 + clz32(lo);
    return lo !== 0 ? ctz32(lo) : 32 + ctz32(hi);
  }
  const bits = s * 8;
  if (leading) return lo === 0 ? bits : clz32(lo) - (32 - bits);
  return lo === 0 ? bits : ctz32(lo);
}

/** BSF/BSR Gv,Ev (0F BC, BD); ext 0 = BSF, 1 = BSR. A zero source sets ZF, leaves dest. */
export function opBsf(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const vHi = c.hi;
  materialize(c);
  if (v === 0 && (s !== 8 || vHi === 0)) {
    c.fBits |= ZF;
    // Intel leaves the destination unchanged (AMD documents it); a 32-bit form still clears the
    // upper half on Intel hardware? No: the register is not written at all.
    return;
  }
  c.fBits &= ~(ZF | CF | OF | SF | AF | PF);
  const bits = s * 8;
  const r = i.ext === 0 ? zeroCount(v, vHi, s, false) : bits - 1 - zeroCount(v, vHi, s, true);
  setReg(c, i.reg, s, r, 0);
}

/** TZCNT/LZCNT Gv,Ev (F3 0F BC, BD); ext 0 = TZCNT, 1 = LZCNT: CF = (src = 0), ZF = (res = 0). */
export function opTzcnt(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const n = zeroCount(v, c.hi, s, i.ext === 1);
  materialize(c);
  c.fBits = (c.fBits & ~(CF | ZF)) | (n === s * 8 ? CF : 0) | (n === 0 ? ZF : 0);
  setReg(c, i.reg, s, n, 0);
}

function pop32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** POPCNT Gv,Ev (F3 0F B8): ZF = (src = 0), other status flags cleared. */
export function opPopcnt(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const n = pop32(s === 2 ? v & 0xffff : v) + (s === 8 ? pop32(c.hi) : 0);
  setFlags(c, (getFlags(c) & ~(CF | PF | AF | ZF | SF | OF)) | (n === 0 ? ZF : 0));
  setReg(c, i.reg, s, n, 0);
}

function logicFlags(c: Cpu, s: number, lo: number, hi: number, cf: number): void {
  c.fOp = F_LOGIC;
  c.fSize = s;
  c.fRes = lo;
  c.fResHi = hi;
  if (cf) { materialize(c); c.fBits |= CF; }
}

/** BMI1 ANDN Gy,By,Ey (VEX 0F38 F2): ~vvvv & E. */
export function opAndn(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s), bHi = c.hi;
  const a = getReg(c, i.vvvv, s), aHi = c.hi;
  const lo = ~a & b, hi = s === 8 ? ~aHi & bHi : 0;
  logicFlags(c, s, lo, hi, 0);
  setReg(c, i.reg, s, lo, hi);
}

/** BMI1 group 17 (VEX 0F38 F3 /1 BLSR, /2 BLSMSK, /3 BLSI) By,Ey. */
export function opBls(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s), vHi = c.hi;
  // v - 1 as a 64-bit pair
  const mLo = (v - 1) | 0, mHi = s === 8 ? (v === 0 ? (vHi - 1) | 0 : vHi) : 0;
  const zero = v === 0 && (s !== 8 || vHi === 0);
  let lo: number, hi: number, cf: number;
  switch (i.ext) {
    case 1: lo = v & mLo; hi = vHi & mHi; cf = zero ? 1 : 0; break; // BLSR
    case 2: lo = v ^ mLo; hi = vHi ^ mHi; cf = zero ? 1 : 0; break; // BLSMSK
    default: { // BLSI: v & -v
      const nLo = -v | 0, nHi = s === 8 ? (v === 0 ? -vHi | 0 : ~vHi) : 0;
      lo = v & nLo; hi = vHi & nHi; cf = zero ? 0 : 1;
    }
  }
  if (s !== 8) hi = 0;
  logicFlags(c, s, lo, hi, cf);
  setReg(c, i.vvvv, s, lo, hi);
}

/** BMI1 BEXTR Gy,Ey,By (VEX 0F38 F7 with no prefix): start = vvvv[7:0], len = vvvv[15:8]. */
export function opBextr(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s), vHi = c.hi;
  const ctl = c.r[2 * i.vvvv];
  const start = ctl & 0xff, len = (ctl >> 8) & 0xff;
  const bits = s * 8;
  let lo = 0, hi = 0;
  for (let k = 0; k < len && start + k < bits && k < bits; k++) {
    const p = start + k;
    const b = p < 32 ? (v >>> p) & 1 : (vHi >>> (p - 32)) & 1;
    if (k < 32) lo |= b << k; else hi |= b << (k - 32);
  }
  logicFlags(c, s, lo, hi, 0);
  setReg(c, i.reg, s, lo, hi);
}

/** BMI2 BZHI Gy,Ey,By (VEX 0F38 F5): zero bits from index vvvv[7:0]. */
export function opBzhi(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  let vHi = c.hi;
  const n = c.r[2 * i.vvvv] & 0xff;
  const bits = s * 8;
  let lo = v;
  let cf = 0;
  if (n >= bits) cf = 1;
  else if (n < 32) { lo = n === 0 ? 0 : v & (0xffffffff >>> (32 - n)); vHi = 0; }
  else vHi = n === 32 ? 0 : vHi & (0xffffffff >>> (64 - n));
  if (s !== 8) vHi = 0;
  logicFlags(c, s, lo, vHi, cf);
  setReg(c, i.reg, s, lo, vHi);
}

/** BMI2 PDEP/PEXT Gy,By,Ey (VEX F2/F3 0F38 F5); ext 0 = PDEP, 1 = PEXT. */
export function opPdep(c: Cpu, i: Insn): void {
  const s = i.size;
  const m = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s), mHi = c.hi;
  const src = getReg(c, i.vvvv, s), srcHi = c.hi;
  const bits = s * 8;
  let lo = 0, hi = 0, k = 0;
  for (let p = 0; p < bits; p++) {
    const mb = p < 32 ? (m >>> p) & 1 : (mHi >>> (p - 32)) & 1;
    if (!mb) continue;
    if (i.ext === 0) {
      const b = k < 32 ? (src >>> k) & 1 : (srcHi >>> (k - 32)) & 1;
      if (p < 32) lo |= b << p; else hi |= b << (p - 32);
    } else {
      const b = p < 32 ? (src >>> p) & 1 : (srcHi >>> (p - 32)) & 1;
      if (k < 32) lo |= b << k; else hi |= b << (k - 32);
    }
    k++;
  }
  setReg(c, i.reg, s, lo, hi);
}
