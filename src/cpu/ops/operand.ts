// Operand access shared by all instruction groups: general registers by width (with the
// AH/CH/DH/BH encoding, SDM Vol. 1 §3.4.1.1), ModRM E operands and the lo/hi pair convention.
// 32-bit register writes zero-extend to 64 bits; 8/16-bit writes merge (SDM Vol. 1 §3.4.1.1).
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';

/** Reads general register n at width s (bytes); returns lo, leaves the high half in c.hi. */
export function getReg(c: Cpu, n: number, s: number): number {
  const r = c.r;
  switch (s) {
    case 8: c.hi = r[2 * n + 1]; return r[2 * n];
    case 4: c.hi = 0; return r[2 * n];
    case 2: c.hi = 0; return r[2 * n] & 0xffff;
    default:
      c.hi = 0;
      return n < 16 ? r[2 * n] & 0xff : (r[2 * (n - 16)] >> 8) & 0xff;
  }
}

/** Writes general register n at width s. */
export function setReg(c: Cpu, n: number, s: number, lo: number, hi: number): void {
  const r = c.r;
  switch (s) {
    case 8: r[2 * n] = lo; r[2 * n + 1] = hi; return;
    case 4: r[2 * n] = lo; r[2 * n + 1] = 0; return;
    case 2: r[2 * n] = (r[2 * n] & ~0xffff) | (lo & 0xffff); return;
    default:
      if (n < 16) r[2 * n] = (r[2 * n] & ~0xff) | (lo & 0xff);
      else r[2 * (n - 16)] = (r[2 * (n - 16)] & ~0xff00) | ((lo & 0xff) << 8);
  }
}

/** Reads width s at a guest address; returns lo, leaves the high half in c.hi. */
export function readMem(c: Cpu, a: number, s: number): number {
  const m = c.mem;
  switch (s) {
    case 8: { const lo = m.read64(a); c.hi = m.hi; return lo; }
    case 4: c.hi = 0; return m.read32(a);
    case 2: c.hi = 0; return m.read16(a);
    default: c.hi = 0; return m.read8(a);
  }
}

/** Writes width s at a guest address. */
export function writeMem(c: Cpu, a: number, s: number, lo: number, hi: number): void {
  const m = c.mem;
  switch (s) {
    case 8: m.write64(a, lo, hi); return;
    case 4: m.write32(a, lo); return;
    case 2: m.write16(a, lo); return;
    default: m.write8(a, lo);
  }
}

/** Reads the ModRM E operand at width s (register or memory). */
export function readE(c: Cpu, i: Insn, s: number): number {
  return i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
}

/** Writes the ModRM E operand at width s (computes the address again: use for pure writes). */
export function writeE(c: Cpu, i: Insn, s: number, lo: number, hi: number): void {
  if (i.isMem) writeMem(c, ea(c, i), s, lo, hi);
  else setReg(c, i.rm, s, lo, hi);
}

/** Truncates a 32-bit value to width s (1, 2 or 4), unsigned for 1 and 2. */
export function trunc(v: number, s: number): number {
  return s === 4 || s === 8 ? v | 0 : s === 2 ? v & 0xffff : v & 0xff;
}

/** Sign-extends the low s bytes of v to int32. */
export function sext(v: number, s: number): number {
  return s === 1 ? (v << 24) >> 24 : s === 2 ? (v << 16) >> 16 : v | 0;
}

/** Pushes a 64-bit value. */
export function push64(c: Cpu, lo: number, hi: number): void {
  const r = c.r;
  const sp = r[9] * 4294967296 + (r[8] >>> 0) - 8;
  c.mem.write64(sp, lo, hi);
  r[8] = sp | 0;
  r[9] = Math.floor(sp / 4294967296) | 0;
}

/** Pops a 64-bit value: returns lo, leaves hi in c.hi. */
export function pop64(c: Cpu): number {
  const r = c.r;
  const sp = r[9] * 4294967296 + (r[8] >>> 0);
  const lo = c.mem.read64(sp);
  c.hi = c.mem.hi;
  const nsp = sp + 8;
  r[8] = nsp | 0;
  r[9] = Math.floor(nsp / 4294967296) | 0;
  return lo;
}

/** RSP as a double. */
export function getSp(c: Cpu): number {
  return c.r[9] * 4294967296 + (c.r[8] >>> 0);
}

/** Sets RSP from a double. */
export function setSp(c: Cpu, sp: number): void {
  c.r[8] = sp | 0;
  c.r[9] = Math.floor(sp / 4294967296) | 0;
}

/** Converts a lo/hi pair to an unsigned double address (< 2^53 meaningful). */
export function u64(lo: number, hi: number): number {
  return (hi >>> 0) * 4294967296 + (lo >>> 0);
}
