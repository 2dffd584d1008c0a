// Shifts and rotates: ROL ROR RCL RCR SHL SHR SAR (group 2), SHLD, SHRD, and the BMI2 forms
// SARX/SHLX/SHRX/RORX (Intel SDM Vol. 2B "SAL/SAR/SHL/SHR", "RCL/RCR/ROL/ROR", "SHLD", "SHRD").
// A masked count of 0 changes no flags. OF is defined for 1-bit shifts only; we compute the
// common hardware value for larger counts and tests mask it as the SDM allows.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { CF, F_ROT, F_SAR, F_SHL, F_SHR, F_SHRD, materialize, OF } from '../flags.js';
import { getReg, readMem, setReg, writeMem } from './operand.js';

let rHi = 0;

/** Shift left a 64-bit pair by n (0..63); returns lo, high half in rHi. */
function shl64(lo: number, hi: number, n: number): number {
  if (n === 0) { rHi = hi; return lo; }
  if (n < 32) { rHi = (hi << n) | (lo >>> (32 - n)); return lo << n; }
  rHi = lo << (n - 32);
  return 0;
}

function shr64(lo: number, hi: number, n: number): number {
  if (n === 0) { rHi = hi; return lo; }
  if (n < 32) { rHi = hi >>> n; return (lo >>> n) | (hi << (32 - n)); }
  rHi = 0;
  return hi >>> (n - 32);
}

function sar64(lo: number, hi: number, n: number): number {
  if (n === 0) { rHi = hi; return lo; }
  if (n < 32) { rHi = hi >> n; return (lo >>> n) | (hi << (32 - n)); }
  rHi = hi >> 31;
  return hi >> (n - 32);
}

function bit64(lo: number, hi: number, k: number): number {
  return k < 32 ? (lo >>> k) & 1 : (hi >>> (k - 32)) & 1;
}

function maskW(v: number, s: number): number {
  return s === 1 ? v & 0xff : s === 2 ? v & 0xffff : v | 0;
}

/** Applies group-2 operation kind (0..7) to a at width s with count n (already masked, > 0). */
function shiftOp(c: Cpu, kind: number, s: number, a: number, aHi: number, n: number): number {
  const bits = s * 8;
  let lo: number, hi = 0;
  switch (kind) {
    case 4: case 6: { // SHL/SAL
      let cf: number;
      if (s === 8) { lo = shl64(a, aHi, n); hi = rHi; cf = bit64(a, aHi, 64 - n); }
      else {
        lo = n < 32 ? maskW(a << n, s) : 0;
        cf = n <= bits ? (n === 32 ? a & 1 : ((a >>> (bits - n)) & 1)) : 0;
      }
      c.fOp = F_SHL; c.fAux = cf;
      break;
    }
    case 5: { // SHR
      let cf: number;
      if (s === 8) { lo = shr64(a, aHi, n); hi = rHi; cf = bit64(a, aHi, n - 1); }
      else { lo = n < 32 ? (a >>> n) : 0; lo = maskW(lo, s); cf = n <= bits ? (a >>> (n - 1)) & 1 : 0; }
      c.fOp = F_SHR; c.fAux = cf;
      break;
    }
    case 7: { // SAR
      let cf: number;
      if (s === 8) { lo = sar64(a, aHi, n); hi = rHi; cf = bit64(a, aHi, n - 1); }
      else {
        const sv = s === 1 ? (a << 24) >> 24 : s === 2 ? (a << 16) >> 16 : a | 0;
        lo = maskW(sv >> Math.min(n, 31), s);
        cf = (sv >> Math.min(n - 1, 31)) & 1;
      }
      c.fOp = F_SAR; c.fAux = cf;
      break;
    }
    default:
      return rotOp(c, kind, s, a, aHi, n);
  }
  c.fSize = s; c.fA = a; c.fAHi = aHi; c.fB = n; c.fBHi = 0;
  c.fRes = lo; c.fResHi = hi;
  c.hi = hi;
  return lo;
}

function rotOp(c: Cpu, kind: number, s: number, a: number, aHi: number, n: number): number {
  const bits = s * 8;
  materialize(c);
  let cf = c.fBits & CF;
  let lo = a, hi = aHi;
  let of: number;
  if (kind === 0 || kind === 1) { // ROL / ROR
    const k = n % bits;
    if (s === 8) {
      if (k !== 0) {
        if (kind === 0) { const l1 = shl64(a, aHi, k), h1 = rHi; const l2 = shr64(a, aHi, 64 - k), h2 = rHi; lo = l1 | l2; hi = h1 | h2; }
        else { const l1 = shr64(a, aHi, k), h1 = rHi; const l2 = shl64(a, aHi, 64 - k), h2 = rHi; lo = l1 | l2; hi = h1 | h2; }
      }
    } else if (k !== 0) {
      lo = kind === 0 ? maskW((a << k) | (a >>> (bits - k)), s) : maskW((a >>> k) | (a << (bits - k)), s);
    }
    const msb = s === 8 ? hi >>> 31 : (lo >>> (bits - 1)) & 1;
    if (kind === 0) { cf = lo & 1; of = msb ^ cf; }
    else { cf = msb; of = msb ^ (s === 8 ? (hi >>> 30) & 1 : (lo >>> (bits - 2)) & 1); }
  } else { // RCL / RCR through CF: a (bits+1)-bit rotation, done bit by bit (rare).
    const k = s <= 2 ? n % (bits + 1) : n;
    for (let j = 0; j < k; j++) {
      if (kind === 2) {
        const out = s === 8 ? hi >>> 31 : (lo >>> (bits - 1)) & 1;
        if (s === 8) { hi = (hi << 1) | (lo >>> 31); lo = (lo << 1) | cf; }
        else lo = maskW((lo << 1) | cf, s);
        cf = out;
      } else {
        const out = lo & 1;
        if (s === 8) { lo = (lo >>> 1) | (hi << 31); hi = (hi >>> 1) | (cf << 31); }
        else lo = maskW((lo >>> 1) | (cf << (bits - 1)), s);
        cf = out;
      }
    }
    const msb = s === 8 ? hi >>> 31 : (lo >>> (bits - 1)) & 1;
    if (kind === 2) of = msb ^ cf;
    else of = msb ^ (s === 8 ? (hi >>> 30) & 1 : (lo >>> (bits - 2)) & 1);
  }
  c.fBits = (c.fBits & ~(CF | OF)) | cf | (of << 11);
  c.fOp = F_ROT;
  if (s !== 8) hi = 0;
  c.hi = hi;
  return lo;
}

function shiftE(c: Cpu, i: Insn, count: number): void {
  const s = i.size;
  const n = count & (s === 8 ? 63 : 31);
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s);
    if (n === 0) return;
    const r = shiftOp(c, i.ext, s, a, c.hi, n);
    writeMem(c, addr, s, r, c.hi);
  } else {
    const a = getReg(c, i.rm, s);
    if (n === 0) { if (s === 4) c.r[2 * i.rm + 1] = 0; return; }
    const r = shiftOp(c, i.ext, s, a, c.hi, n);
    setReg(c, i.rm, s, r, c.hi);
  }
}

/** Group 2 Ev,Ib / Eb,Ib (C0, C1). */
export function opShiftEvIb(c: Cpu, i: Insn): void {
  shiftE(c, i, i.imm & 0xff);
}

/** Group 2 Ev,1 / Eb,1 (D0, D1). */
export function opShiftEv1(c: Cpu, i: Insn): void {
  shiftE(c, i, 1);
}

/** Group 2 Ev,CL / Eb,CL (D2, D3). */
export function opShiftEvCl(c: Cpu, i: Insn): void {
  shiftE(c, i, c.r[2] & 0xff);
}

/** SHLD/SHRD Ev,Gv,Ib|CL (0F A4, A5, AC, AD); ext bit 0: 1 = SHRD; bit 1: 1 = count in CL. */
export function opShld(c: Cpu, i: Insn): void {
  const s = i.size;
  const n = ((i.ext & 2) ? c.r[2] : i.imm) & (s === 8 ? 63 : 31);
  const addr = i.isMem ? ea(c, i) : 0;
  const a = i.isMem ? readMem(c, addr, s) : getReg(c, i.rm, s);
  const aHi = c.hi;
  if (n === 0) { if (!i.isMem && s === 4) c.r[2 * i.rm + 1] = 0; return; }
  const b = getReg(c, i.reg, s), bHi = c.hi;
  const right = (i.ext & 1) === 1;
  let lo: number, hi = 0, cf: number;
  if (s === 8) {
    if (right) {
      lo = shr64(a, aHi, n); hi = rHi;
      const l2 = shl64(b, bHi, 64 - n), h2 = rHi;
      lo |= l2; hi |= h2;
      cf = bit64(a, aHi, n - 1);
    } else {
      lo = shl64(a, aHi, n); hi = rHi;
      const l2 = shr64(b, bHi, 64 - n), h2 = rHi;
      lo |= l2; hi |= h2;
      cf = bit64(a, aHi, 64 - n);
    }
  } else if (s === 4) {
    if (right) { lo = (a >>> n) | (b << (32 - n)); cf = (a >>> (n - 1)) & 1; }
    else { lo = (a << n) | (b >>> (32 - n)); cf = (a >>> (32 - n)) & 1; }
  } else {
    // 16-bit: the count may exceed 16 (result undefined); use a 32-bit concatenation.
    const cat = right ? ((b & 0xffff) << 16) | (a & 0xffff) : ((a & 0xffff) << 16) | (b & 0xffff);
    if (right) { lo = (cat >>> n) & 0xffff; cf = (cat >>> (n - 1)) & 1; }
    else { lo = ((cat << n) >>> 16) & 0xffff; cf = ((cat << (n - 1)) >>> 31) & 1; }
  }
  c.fOp = right ? F_SHRD : F_SHL;
  c.fAux = cf;
  c.fSize = s; c.fA = a; c.fAHi = aHi; c.fB = n; c.fBHi = 0;
  c.fRes = lo; c.fResHi = hi;
  if (i.isMem) writeMem(c, addr, s, lo, hi);
  else setReg(c, i.rm, s, lo, hi);
}

/** BMI2 SHLX/SARX/SHRX Gy,Ey,By (VEX 0F38 F7): no flags; ext 0 SHLX, 1 SARX, 2 SHRX. */
export function opShiftx(c: Cpu, i: Insn): void {
  const s = i.size;
  const a = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const aHi = c.hi;
  const n = c.r[2 * i.vvvv] & (s === 8 ? 63 : 31);
  let lo: number, hi = 0;
  if (s === 8) {
    lo = i.ext === 0 ? shl64(a, aHi, n) : i.ext === 1 ? sar64(a, aHi, n) : shr64(a, aHi, n);
    hi = rHi;
  } else lo = i.ext === 0 ? a << n : i.ext === 1 ? a >> n : a >>> n;
  setReg(c, i.reg, s, lo, hi);
}

/** BMI2 RORX Gy,Ey,Ib (VEX 0F3A F0): rotate right, no flags. */
export function opRorx(c: Cpu, i: Insn): void {
  const s = i.size;
  const a = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const aHi = c.hi;
  const n = i.imm & (s === 8 ? 63 : 31);
  if (s === 8) {
    if (n === 0) { setReg(c, i.reg, 8, a, aHi); return; }
    const l1 = shr64(a, aHi, n), h1 = rHi;
    const l2 = shl64(a, aHi, 64 - n), h2 = rHi;
    setReg(c, i.reg, 8, l1 | l2, h1 | h2);
  } else setReg(c, i.reg, 4, n === 0 ? a : (a >>> n) | (a << (32 - n)), 0);
}

