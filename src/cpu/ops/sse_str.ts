// SSE4.2 string compares and CRC32 (Intel SDM Vol. 2B PCMPESTRI/PCMPESTRM/PCMPISTRI/PCMPISTRM and
// §4.1 "Imm8 Control Byte Operation for PCMPESTRI / PCMPESTRM / PCMPISTRI / PCMPISTRM"; Vol. 2A
// CRC32). imm8: [1:0] element format (ub, uw, sb, sw), [3:2] aggregation (equal any, ranges,
// equal each, equal ordered), [5:4] polarity, [6] index/mask form. Memory operands may be unaligned.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { setFlags, STATUS, CF, ZF, SF, OF } from '../flags.js';
import { getReg, setReg } from './operand.js';
import { SU8, SI8, SU16, SI16, DU8, DI8, DU16, DI16, loadD, loadWU } from './sse_operand.js';

/** Signed element values of both operands (16 bytes or 8 words), filled by elements(). */
const A = new Int32Array(16);
const B = new Int32Array(16);

/** Loads both operands' elements per imm8[1:0]; returns the element count (16 or 8). */
function elements(imm: number): number {
  const words = (imm & 1) !== 0;
  const signed = (imm & 2) !== 0;
  const n = words ? 8 : 16;
  for (let k = 0; k < n; k++) {
    if (words) { A[k] = signed ? DI16[k] : DU16[k]; B[k] = signed ? SI16[k] : SU16[k]; }
    else { A[k] = signed ? DI8[k] : DU8[k]; B[k] = signed ? SI8[k] : SU8[k]; }
  }
  return n;
}

/** Implicit length: index of the first zero element, or n. */
function implicitLen(v: Int32Array, n: number): number {
  for (let k = 0; k < n; k++) if (v[k] === 0) return k;
  return n;
}

/** Explicit length from RAX/RDX (64-bit with REX.W): |value| saturated to n. */
function explicitLen(c: Cpu, reg: number, wide: boolean, n: number): number {
  const lo = c.r[2 * reg];
  if (wide) {
    const hi = c.r[2 * reg + 1];
    // |v| > n unless v is in [-n, n]: the high dword is 0 (small positive) or -1 (small negative).
    if (hi === 0 && lo >= 0 && lo < n) return lo;
    if (hi === -1 && lo < 0 && lo > -n) return -lo;
    return n;
  }
  const m = lo < 0 ? -lo : lo;
  return m < n ? m : n;
}

/**
 * The aggregation and polarity steps: IntRes2 as a bit mask, with la/lb the valid lengths of the
 * first (xmm1) and second (xmm2/m128) operands. Element comparisons follow the SDM's override
 * table for invalid elements.
 */
function intRes2(imm: number, n: number, la: number, lb: number): number {
  let res = 0;
  switch ((imm >> 2) & 3) {
    case 0: // equal any: b[j] is in the set a[0..la)
      for (let j = 0; j < lb; j++) {
        for (let i = 0; i < la; i++) if (A[i] === B[j]) { res |= 1 << j; break; }
      }
      break;
    case 1: // ranges: a holds [lo, hi] pairs
      for (let j = 0; j < lb; j++) {
        for (let i = 0; i + 1 < la; i += 2) if (A[i] <= B[j] && B[j] <= A[i + 1]) { res |= 1 << j; break; }
      }
      break;
    case 2: // equal each: both invalid compare true
      for (let j = 0; j < n; j++) {
        const va = j < la;
        const vb = j < lb;
        if (va && vb ? A[j] === B[j] : !va && !vb) res |= 1 << j;
      }
      break;
    default: // equal ordered: the needle a[0..la) occurs at b[j]; needle past its end matches anything
      for (let j = 0; j < n; j++) {
        let ok = true;
        for (let i = 0; i < n - j && ok; i++) {
          if (i >= la) break; // invalid needle element: forced true (for the rest too)
          if (j + i >= lb || A[i] !== B[j + i]) ok = false;
        }
        if (ok) res |= 1 << j;
      }
  }
  const all = n === 16 ? 0xffff : 0xff;
  switch ((imm >> 4) & 3) {
    case 1: res ^= all; break;
    case 3: res ^= (1 << lb) - 1; break;
  }
  return res;
}

/** CF = IntRes2 != 0, ZF = second operand shorter than n, SF = first shorter, OF = IntRes2[0]. */
function strFlags(c: Cpu, res: number, n: number, la: number, lb: number): void {
  let f = 0;
  if (res !== 0) f |= CF;
  if (lb < n) f |= ZF;
  if (la < n) f |= SF;
  if (res & 1) f |= OF;
  setFlags(c, (c.fBits & ~STATUS) | f);
}

/** Runs the comparison, sets the flags and returns IntRes2. */
function compare(c: Cpu, i: Insn, explicit: boolean): number {
  loadWU(c, i);
  loadD(c, i.reg);
  const imm = i.imm;
  const n = elements(imm);
  let la: number;
  let lb: number;
  if (explicit) {
    const wide = (i.rex & 8) !== 0;
    la = explicitLen(c, 0, wide, n);
    lb = explicitLen(c, 2, wide, n);
  } else {
    la = implicitLen(A, n);
    lb = implicitLen(B, n);
  }
  const res = intRes2(imm, n, la, lb);
  strFlags(c, res, n, la, lb);
  return res;
}

/** ECX ← least (imm8[6] = 0) or most significant set index of IntRes2, or n when none. */
function index(c: Cpu, i: Insn, res: number): void {
  const n = (i.imm & 1) !== 0 ? 8 : 16;
  let v = n;
  if (res !== 0) v = i.imm & 0x40 ? 31 - Math.clz32(res) : 31 - Math.clz32(res & -res);
  setReg(c, 1, 4, v, 0);
}

/** XMM0 ← IntRes2 as a bit mask (imm8[6] = 0) or expanded to byte/word masks. */
function mask(c: Cpu, i: Insn, res: number): void {
  const x = c.xmm;
  if ((i.imm & 0x40) === 0) { x[0] = res; x[1] = 0; x[2] = 0; x[3] = 0; return; }
  const words = (i.imm & 1) !== 0;
  const u8 = c.xmmU8;
  const u16 = c.xmmU16;
  for (let k = 0; k < (words ? 8 : 16); k++) {
    if (words) u16[k] = res & (1 << k) ? 0xffff : 0;
    else u8[k] = res & (1 << k) ? 0xff : 0;
  }
}

/** PCMPESTRI xmm1, xmm2/m128, imm8 (lengths in EAX/EDX, RAX/RDX with REX.W). */
export function opPcmpestriVdqWdqIb(c: Cpu, i: Insn): void { index(c, i, compare(c, i, true)); }
/** PCMPESTRM xmm1, xmm2/m128, imm8. */
export function opPcmpestrmVdqWdqIb(c: Cpu, i: Insn): void { mask(c, i, compare(c, i, true)); }
/** PCMPISTRI xmm1, xmm2/m128, imm8 (NUL-terminated operands). */
export function opPcmpistriVdqWdqIb(c: Cpu, i: Insn): void { index(c, i, compare(c, i, false)); }
/** PCMPISTRM xmm1, xmm2/m128, imm8. */
export function opPcmpistrmVdqWdqIb(c: Cpu, i: Insn): void { mask(c, i, compare(c, i, false)); }

// ---- CRC32 (CRC-32C, Castagnoli polynomial 0x1EDC6F41, bit-reflected) -----------------------

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let v = n;
  for (let k = 0; k < 8; k++) v = v & 1 ? (v >>> 1) ^ 0x82f63b78 : v >>> 1;
  CRC_TABLE[n] = v;
}

function crcBytes(crc: number, v: number, count: number): number {
  for (let k = 0; k < count; k++) {
    crc = CRC_TABLE[(crc ^ v) & 0xff] ^ (crc >>> 8);
    v >>>= 8;
  }
  return crc;
}

/** CRC32 r32/r64, r/m8 (F2 0F 38 F0): the 64-bit form zero-extends the 32-bit CRC. */
export function opCrc32GyEb(c: Cpu, i: Insn): void {
  const v = i.isMem ? c.mem.read8(ea(c, i)) : getReg(c, i.rm, 1);
  setReg(c, i.reg, 4, crcBytes(c.r[2 * i.reg], v, 1), 0);
}

/** CRC32 r32/r64, r/m16|32|64 (F2 0F 38 F1; 66 → 16-bit source, REX.W → 64-bit). */
export function opCrc32GyEv(c: Cpu, i: Insn): void {
  const s = i.size;
  let lo: number;
  let hi = 0;
  if (i.isMem) {
    const a = ea(c, i);
    if (s === 8) { lo = c.mem.read64(a); hi = c.mem.hi; } else lo = s === 4 ? c.mem.read32(a) : c.mem.read16(a);
  } else {
    lo = getReg(c, i.rm, s);
    hi = c.hi;
  }
  let crc = crcBytes(c.r[2 * i.reg], lo, s === 8 ? 4 : s);
  if (s === 8) crc = crcBytes(crc, hi, 4);
  setReg(c, i.reg, 4, crc, 0);
}
