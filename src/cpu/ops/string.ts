// String instructions MOVS, STOS, LODS, CMPS, SCAS with REP/REPE/REPNE (Intel SDM Vol. 2B
// "REP/REPE/REPZ/REPNE/REPNZ", Vol. 1 §7.3.9). Registers are updated per element (or per
// page-bounded chunk on the bulk path) so a fault mid-way restarts exactly as on hardware.
import type { Cpu } from '../state.js';
import { REP_F2, REP_NONE, SEG_FS, SEG_GS, type Insn } from '../decode/insn.js';
import { DF } from '../flags.js';
import { alu, ALU_CMP } from './alu.js';
import { getReg, readMem, setReg, writeMem } from './operand.js';

function reg64(c: Cpu, n: number): number {
  return c.r[2 * n + 1] * 4294967296 + (c.r[2 * n] >>> 0);
}

function setReg64(c: Cpu, n: number, v: number): void {
  c.r[2 * n] = v | 0;
  c.r[2 * n + 1] = Math.floor(v / 4294967296) | 0;
}

function count(c: Cpu, i: Insn): number {
  return i.asize === 4 ? c.r[2] >>> 0 : (c.r[3] >>> 0) * 4294967296 + (c.r[2] >>> 0);
}

function srcBase(c: Cpu, i: Insn): number {
  return i.seg === SEG_FS ? c.fsBase : i.seg === SEG_GS ? c.gsBase : 0;
}

/** Element step: DF always lives in fBits, whatever the lazy status-flag state. */
function dirStep(c: Cpu, s: number): number {
  return (c.fBits & DF) ? -s : s;
}

/** MOVS (A4, A5). */
export function opMovs(c: Cpu, i: Insn): void {
  const s = i.size;
  const step = dirStep(c, s);
  const base = srcBase(c, i);
  if (i.rep === REP_NONE) {
    const si = reg64(c, 6), di = reg64(c, 7);
    writeMem(c, di, s, readMem(c, si + base, s), c.hi);
    setReg64(c, 6, si + step);
    setReg64(c, 7, di + step);
    return;
  }
  let n = count(c, i);
  const mem = c.mem;
  const u8 = mem.phys.u8;
  while (n > 0) {
    const si = reg64(c, 6), di = reg64(c, 7);
    if (step > 0) {
      // Bulk: copy whole elements within the current source and destination pages.
      const room = Math.min(4096 - ((si + base) & 4095), 4096 - (di & 4095));
      const k = Math.min(n, Math.floor(room / s));
      if (k > 1) {
        const ps = mem.translateRead(si + base);
        const pd = mem.translateWrite(di);
        const bytes = k * s;
        if (pd > ps && pd < ps + bytes) {
          for (let j = 0; j < bytes; j++) u8[pd + j] = u8[ps + j]; // forward overlap: byte order
        } else u8.copyWithin(pd, ps, ps + bytes);
        setReg64(c, 6, si + bytes);
        setReg64(c, 7, di + bytes);
        n -= k;
        setCount(c, i, n);
        continue;
      }
    }
    writeMem(c, di, s, readMem(c, si + base, s), c.hi);
    setReg64(c, 6, si + step);
    setReg64(c, 7, di + step);
    n--;
    setCount(c, i, n);
  }
}

function setCount(c: Cpu, i: Insn, n: number): void {
  if (i.asize === 4) { c.r[2] = n | 0; c.r[3] = 0; }
  else setReg64(c, 1, n);
}

/** STOS (AA, AB). */
export function opStos(c: Cpu, i: Insn): void {
  const s = i.size;
  const step = dirStep(c, s);
  const v = getReg(c, 0, s), vHi = c.hi;
  if (i.rep === REP_NONE) {
    const di = reg64(c, 7);
    writeMem(c, di, s, v, vHi);
    setReg64(c, 7, di + step);
    return;
  }
  let n = count(c, i);
  const mem = c.mem;
  const u8 = mem.phys.u8;
  while (n > 0) {
    const di = reg64(c, 7);
    if (step > 0 && (s === 1 || (v === 0 && vHi === 0))) {
      const k = Math.min(n, Math.floor((4096 - (di & 4095)) / s));
      if (k > 1) {
        const pd = mem.translateWrite(di);
        u8.fill(s === 1 ? v & 0xff : 0, pd, pd + k * s);
        setReg64(c, 7, di + k * s);
        n -= k;
        setCount(c, i, n);
        continue;
      }
    }
    writeMem(c, di, s, v, vHi);
    setReg64(c, 7, di + step);
    n--;
    setCount(c, i, n);
  }
}

/** LODS (AC, AD). */
export function opLods(c: Cpu, i: Insn): void {
  const s = i.size;
  const step = dirStep(c, s);
  const base = srcBase(c, i);
  let n = i.rep === REP_NONE ? 1 : count(c, i);
  while (n > 0) {
    const si = reg64(c, 6);
    const v = readMem(c, si + base, s);
    setReg(c, 0, s, v, c.hi);
    setReg64(c, 6, si + step);
    n--;
    if (i.rep !== REP_NONE) setCount(c, i, n);
  }
}

/** CMPS (A6, A7): compares [rSI] with [rDI]; REPE/REPNE stop on ZF. */
export function opCmps(c: Cpu, i: Insn): void {
  const s = i.size;
  const step = dirStep(c, s);
  const base = srcBase(c, i);
  let n = i.rep === REP_NONE ? 1 : count(c, i);
  while (n > 0) {
    const si = reg64(c, 6), di = reg64(c, 7);
    const a = readMem(c, si + base, s), aHi = c.hi;
    const b = readMem(c, di, s), bHi = c.hi;
    alu(c, ALU_CMP, s, a, aHi, b, bHi);
    setReg64(c, 6, si + step);
    setReg64(c, 7, di + step);
    n--;
    if (i.rep === REP_NONE) return;
    setCount(c, i, n);
    const eq = a === b && aHi === bHi;
    if (i.rep === REP_F2 ? eq : !eq) return;
  }
}

/** SCAS (AE, AF): compares rAX with [rDI]; REPE/REPNE stop on ZF. */
export function opScas(c: Cpu, i: Insn): void {
  const s = i.size;
  const step = dirStep(c, s);
  const a = getReg(c, 0, s), aHi = c.hi;
  let n = i.rep === REP_NONE ? 1 : count(c, i);
  while (n > 0) {
    const di = reg64(c, 7);
    const b = readMem(c, di, s), bHi = c.hi;
    alu(c, ALU_CMP, s, a, aHi, b, bHi);
    setReg64(c, 7, di + step);
    n--;
    if (i.rep === REP_NONE) return;
    setCount(c, i, n);
    const eq = a === b && aHi === bHi;
    if (i.rep === REP_F2 ? eq : !eq) return;
  }
}

