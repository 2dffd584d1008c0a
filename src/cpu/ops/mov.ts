// Data movement: MOV, MOVZX, MOVSX, MOVSXD, LEA, XCHG, CMOVcc, SETcc, CBW/CWDE/CDQE, CWD/CDQ/CQO,
// BSWAP, CMPXCHG, XADD, MOVBE (Intel SDM Vol. 2, per instruction).
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { cond, setFlags, getFlags, ZF } from '../flags.js';
import { getReg, readMem, setReg, writeMem, sext, readE, writeE } from './operand.js';
import { alu, ALU_ADD, ALU_CMP } from './alu.js';

/** MOV Ev,Gv / Eb,Gb (88, 89). */
export function opMovEvGv(c: Cpu, i: Insn): void {
  const s = i.size;
  const r = c.r;
  if (s === 8) {
    const n = 2 * i.reg;
    if (i.isMem) c.mem.write64(ea(c, i), r[n], r[n + 1]);
    else { const m = 2 * i.rm; r[m] = r[n]; r[m + 1] = r[n + 1]; }
    return;
  }
  if (s === 4) {
    const v = r[2 * i.reg];
    if (i.isMem) c.mem.write32(ea(c, i), v);
    else { r[2 * i.rm] = v; r[2 * i.rm + 1] = 0; }
    return;
  }
  const v = getReg(c, i.reg, s);
  if (i.isMem) writeMem(c, ea(c, i), s, v, 0);
  else setReg(c, i.rm, s, v, 0);
}

/** MOV Gv,Ev / Gb,Eb (8A, 8B). */
export function opMovGvEv(c: Cpu, i: Insn): void {
  const s = i.size;
  const r = c.r;
  if (s === 8) {
    const n = 2 * i.reg;
    if (i.isMem) { r[n] = c.mem.read64(ea(c, i)); r[n + 1] = c.mem.hi; }
    else { const m = 2 * i.rm; r[n] = r[m]; r[n + 1] = r[m + 1]; }
    return;
  }
  if (s === 4) {
    const n = 2 * i.reg;
    r[n] = i.isMem ? c.mem.read32(ea(c, i)) : r[2 * i.rm];
    r[n + 1] = 0;
    return;
  }
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  setReg(c, i.reg, s, v, 0);
}

/** MOV Ev,Iz / Eb,Ib (C6 /0, C7 /0): imm32 sign-extends to 64. */
export function opMovEvIz(c: Cpu, i: Insn): void {
  writeE(c, i, i.size, i.imm, i.imm >> 31);
}

/** MOV Zb,Ib / Zv,Iv (B0+r, B8+r): imm64 with REX.W. */
export function opMovZvIv(c: Cpu, i: Insn): void {
  setReg(c, i.reg, i.size, i.imm, i.immHi);
}

/** MOV AL/rAX,moffs and moffs,AL/rAX (A0-A3); ext 0 = load, 1 = store. */
export function opMovMoffs(c: Cpu, i: Insn): void {
  const a = ea(c, i);
  if (i.ext === 0) setReg(c, 0, i.size, readMem(c, a, i.size), c.hi);
  else writeMem(c, a, i.size, getReg(c, 0, i.size), c.hi);
}

/** LEA Gv,M (8D): the address itself, truncated to the operand size. */
export function opLeaGvM(c: Cpu, i: Insn): void {
  const r = c.r;
  const s = i.size;
  // Exact 64-bit sum in lo/hi form (addresses from LEA are arbitrary integers, not pointers).
  let lo = i.disp;
  let hi = 0;
  if (i.base < 0 && i.index < 0 && i.seg === 0) {
    // RIP-relative or absolute: disp holds the full value (< 2^47 or sign-extended disp32).
    hi = Math.floor(lo / 4294967296) | 0;
    lo = lo | 0;
  } else {
    hi = lo < 0 ? -1 : Math.floor(lo / 4294967296);
    let l = lo >>> 0; // low 32 of disp
    if (i.base >= 0) { l += r[2 * i.base] >>> 0; hi += r[2 * i.base + 1]; }
    if (i.index >= 0) {
      const sc = i.scale;
      l += (r[2 * i.index] >>> 0) * sc;
      hi += Math.imul(r[2 * i.index + 1], sc);
    }
    if (i.seg !== 0) { const sb = i.seg === 1 ? c.fsBase : c.gsBase; l += sb % 4294967296; hi += Math.floor(sb / 4294967296); }
    const carry = Math.floor(l / 4294967296);
    lo = l | 0;
    hi = (hi + carry) | 0;
  }
  if (i.asize === 4) hi = 0;
  if (s === 8) { r[2 * i.reg] = lo; r[2 * i.reg + 1] = hi; }
  else setReg(c, i.reg, s, lo, 0);
}

/** MOVZX Gv,Eb / Gv,Ew (0F B6, 0F B7); ext = source width. */
export function opMovzx(c: Cpu, i: Insn): void {
  const v = readE(c, i, i.ext);
  setReg(c, i.reg, i.size, v, 0);
}

/** MOVSX Gv,Eb / Gv,Ew (0F BE, 0F BF) and MOVSXD Gv,Ed (63); ext = source width. */
export function opMovsx(c: Cpu, i: Insn): void {
  const v = sext(readE(c, i, i.ext), i.ext);
  setReg(c, i.reg, i.size, v, v >> 31);
}

/** XCHG Ev,Gv / Eb,Gb (86, 87): implicitly locked, atomic here by construction. */
export function opXchgEvGv(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = getReg(c, i.reg, s), bHi = c.hi;
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s), aHi = c.hi;
    writeMem(c, addr, s, b, bHi);
    setReg(c, i.reg, s, a, aHi);
  } else {
    const a = getReg(c, i.rm, s), aHi = c.hi;
    setReg(c, i.rm, s, b, bHi);
    setReg(c, i.reg, s, a, aHi);
  }
}

/** XCHG rAX,Zv (90+r); 90 without REX.B is NOP (and F3 90 is PAUSE). */
export function opXchgZvAx(c: Cpu, i: Insn): void {
  if (i.reg === 0) return;
  const s = i.size;
  const a = getReg(c, 0, s), aHi = c.hi;
  const b = getReg(c, i.reg, s), bHi = c.hi;
  setReg(c, 0, s, b, bHi);
  setReg(c, i.reg, s, a, aHi);
}

/** CMOVcc Gv,Ev (0F 40+cc): the source is read even when the condition is false. */
export function opCmovGvEv(c: Cpu, i: Insn): void {
  const s = i.size;
  const v = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const vHi = c.hi;
  if (cond(c, i.ext)) setReg(c, i.reg, s, v, vHi);
  else if (s === 4) c.r[2 * i.reg + 1] = 0; // 32-bit CMOV zero-extends even when not moving
}

/** SETcc Eb (0F 90+cc). */
export function opSetccEb(c: Cpu, i: Insn): void {
  writeE(c, i, 1, cond(c, i.ext) ? 1 : 0, 0);
}

/** CBW/CWDE/CDQE (98). */
export function opCbw(c: Cpu, i: Insn): void {
  const r = c.r;
  switch (i.size) {
    case 2: r[0] = (r[0] & ~0xffff) | (((r[0] << 24) >> 24) & 0xffff); break;
    case 4: r[0] = (r[0] << 16) >> 16; r[1] = 0; break;
    default: r[1] = r[0] >> 31;
  }
}

/** CWD/CDQ/CQO (99): sign of rAX into rDX. */
export function opCwd(c: Cpu, i: Insn): void {
  const r = c.r;
  switch (i.size) {
    case 2: r[4] = (r[4] & ~0xffff) | (((r[0] << 16) >> 31) & 0xffff); break;
    case 4: r[4] = r[0] >> 31; r[5] = 0; break;
    default: r[4] = r[5] = r[1] >> 31;
  }
}

function bswap32(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

/** BSWAP Zv (0F C8+r); the 16-bit form is undefined (zeroes the low word on real CPUs). */
export function opBswap(c: Cpu, i: Insn): void {
  const r = c.r;
  const n = 2 * i.reg;
  if (i.size === 8) {
    const lo = r[n];
    r[n] = bswap32(r[n + 1]);
    r[n + 1] = bswap32(lo);
  } else if (i.size === 4) {
    r[n] = bswap32(r[n]);
    r[n + 1] = 0;
  } else r[n] &= ~0xffff;
}

/** MOVBE Gv,Mv / Mv,Gv (0F 38 F0/F1); ext 0 = load, 1 = store. */
export function opMovbe(c: Cpu, i: Insn): void {
  const s = i.size;
  const addr = ea(c, i);
  const swap = (lo: number, hi: number): number => {
    if (s === 2) { c.hi = 0; return ((lo & 0xff) << 8) | ((lo >> 8) & 0xff); }
    if (s === 4) { c.hi = 0; return bswap32(lo); }
    c.hi = bswap32(lo);
    return bswap32(hi);
  };
  if (i.ext === 0) {
    const v = readMem(c, addr, s);
    const w = swap(v, c.hi);
    setReg(c, i.reg, s, w, c.hi);
  } else {
    const v = getReg(c, i.reg, s);
    const w = swap(v, c.hi);
    writeMem(c, addr, s, w, c.hi);
  }
}

/** CMPXCHG Ev,Gv / Eb,Gb (0F B0, B1): compare rAX with E; ZF says whether G was stored. */
export function opCmpxchg(c: Cpu, i: Insn): void {
  const s = i.size;
  const addr = i.isMem ? ea(c, i) : 0;
  const d = i.isMem ? readMem(c, addr, s) : getReg(c, i.rm, s);
  const dHi = c.hi;
  const a = getReg(c, 0, s), aHi = c.hi;
  alu(c, ALU_CMP, s, a, aHi, d, dHi);
  if (a === d && (s !== 8 || aHi === dHi)) {
    const g = getReg(c, i.reg, s);
    if (i.isMem) writeMem(c, addr, s, g, c.hi);
    else setReg(c, i.rm, s, g, c.hi);
  } else {
    // The destination is written back unchanged for memory (SDM: locked RMW), rAX gets it.
    if (i.isMem) writeMem(c, addr, s, d, dHi);
    setReg(c, 0, s, d, dHi);
  }
}

/** CMPXCHG8B/16B M (0F C7 /1): compare rDX:rAX with m64/m128. */
export function opCmpxchg8b(c: Cpu, i: Insn): void {
  const r = c.r;
  const addr = ea(c, i);
  if (i.size === 8) {
    // CMPXCHG16B (REX.W): 16-byte aligned operand or #GP.
    if (addr % 16 !== 0) { c.faultAddr = 0; }
    const lo0 = c.mem.read64(addr), hi0 = c.mem.hi;
    const lo1 = c.mem.read64(addr + 8), hi1 = c.mem.hi;
    const eq = lo0 === r[0] && hi0 === r[1] && lo1 === r[4] && hi1 === r[5];
    setFlags(c, (getFlags(c) & ~ZF) | (eq ? ZF : 0));
    if (eq) {
      c.mem.write64(addr, r[6], r[7]);
      c.mem.write64(addr + 8, r[2], r[3]);
    } else {
      c.mem.write64(addr, lo0, hi0);
      c.mem.write64(addr + 8, lo1, hi1);
      r[0] = lo0; r[1] = hi0; r[4] = lo1; r[5] = hi1;
    }
    return;
  }
  const lo = c.mem.read32(addr), hi = c.mem.read32(addr + 4);
  const eq = lo === r[0] && hi === r[4];
  setFlags(c, (getFlags(c) & ~ZF) | (eq ? ZF : 0));
  if (eq) c.mem.write64(addr, r[6], r[2]);
  else {
    c.mem.write64(addr, lo, hi);
    r[0] = lo; r[1] = 0; r[4] = hi; r[5] = 0;
  }
}

/** XADD Ev,Gv / Eb,Gb (0F C0, C1): G = old E, E = E + G. */
export function opXadd(c: Cpu, i: Insn): void {
  const s = i.size;
  const addr = i.isMem ? ea(c, i) : 0;
  const d = i.isMem ? readMem(c, addr, s) : getReg(c, i.rm, s);
  const dHi = c.hi;
  const g = getReg(c, i.reg, s), gHi = c.hi;
  const sum = alu(c, ALU_ADD, s, d, dHi, g, gHi), sumHi = c.hi;
  setReg(c, i.reg, s, d, dHi);
  if (i.isMem) writeMem(c, addr, s, sum, sumHi);
  else setReg(c, i.rm, s, sum, sumHi);
}

