// Integer ALU group: ADD OR ADC SBB AND SUB XOR CMP, TEST, INC, DEC, NEG, NOT
// (Intel SDM Vol. 2A/2B, each instruction's "Operation" and "Flags Affected" sections).
// Values are int32 lo/hi pairs; widths 1 and 2 are kept unsigned and masked.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { F_ADC, F_ADD, F_DEC, F_INC, F_LOGIC, F_SBB, F_SUB, getCF } from '../flags.js';
import { getReg, readMem, setReg, writeMem, trunc } from './operand.js';

// ALU kinds in opcode order (SDM Vol. 2 Table A-6, group 1 /digit).
export const ALU_ADD = 0, ALU_OR = 1, ALU_ADC = 2, ALU_SBB = 3, ALU_AND = 4, ALU_SUB = 5, ALU_XOR = 6, ALU_CMP = 7;

function record(c: Cpu, op: number, s: number, a: number, aHi: number, b: number, bHi: number, res: number, resHi: number): void {
  c.fOp = op;
  c.fSize = s;
  c.fA = a; c.fAHi = aHi;
  c.fB = b; c.fBHi = bHi;
  c.fRes = res; c.fResHi = resHi;
}

/** Computes a (kind) b at width s, records flags; returns lo, high half in c.hi. */
export function alu(c: Cpu, kind: number, s: number, a: number, aHi: number, b: number, bHi: number): number {
  let lo: number, hi = 0;
  switch (kind) {
    case ALU_ADD: case ALU_ADC: {
      const cin = kind === ALU_ADC ? getCF(c) : 0;
      if (s === 8) {
        const l = (a >>> 0) + (b >>> 0) + cin;
        lo = l | 0;
        hi = (aHi + bHi + (l > 0xffffffff ? 1 : 0)) | 0;
      } else lo = trunc(a + b + cin, s);
      c.fAux = cin;
      record(c, kind === ALU_ADC ? F_ADC : F_ADD, s, a, aHi, b, bHi, lo, hi);
      break;
    }
    case ALU_SUB: case ALU_SBB: case ALU_CMP: {
      const bin = kind === ALU_SBB ? getCF(c) : 0;
      if (s === 8) {
        const l = (a >>> 0) - (b >>> 0) - bin;
        lo = l | 0;
        hi = (aHi - bHi - (l < 0 ? 1 : 0)) | 0;
      } else lo = trunc(a - b - bin, s);
      c.fAux = bin;
      record(c, kind === ALU_SBB ? F_SBB : F_SUB, s, a, aHi, b, bHi, lo, hi);
      break;
    }
    case ALU_OR: lo = a | b; hi = aHi | bHi; record(c, F_LOGIC, s, 0, 0, 0, 0, lo, hi); break;
    case ALU_AND: lo = a & b; hi = aHi & bHi; record(c, F_LOGIC, s, 0, 0, 0, 0, lo, hi); break;
    default: lo = a ^ b; hi = aHi ^ bHi; record(c, F_LOGIC, s, 0, 0, 0, 0, lo, hi); break;
  }
  c.hi = hi;
  return lo;
}

/** ALU Ev,Gv and Eb,Gb (00, 01, 08, 09 ...): E = E op G. */
export function opAluEvGv(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = getReg(c, i.reg, s), bHi = c.hi;
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s);
    const res = alu(c, i.ext, s, a, c.hi, b, bHi);
    if (i.ext !== ALU_CMP) writeMem(c, addr, s, res, c.hi);
  } else {
    const a = getReg(c, i.rm, s);
    const res = alu(c, i.ext, s, a, c.hi, b, bHi);
    if (i.ext !== ALU_CMP) setReg(c, i.rm, s, res, c.hi);
  }
}

/** ALU Gv,Ev and Gb,Eb (02, 03, 0A, 0B ...): G = G op E. */
export function opAluGvEv(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  const bHi = c.hi;
  const a = getReg(c, i.reg, s);
  const res = alu(c, i.ext, s, a, c.hi, b, bHi);
  if (i.ext !== ALU_CMP) setReg(c, i.reg, s, res, c.hi);
}

/** ALU Ev,Iz / Ev,Ib / Eb,Ib (80, 81, 83) and AL/eAX,imm (04, 05 ...; decoder sets rm = 0). */
export function opAluEvIz(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = s === 1 ? i.imm & 0xff : s === 2 ? i.imm & 0xffff : i.imm;
  const bHi = i.imm >> 31; // imm32 sign-extends to 64 bits
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s);
    const res = alu(c, i.ext, s, a, c.hi, b, bHi);
    if (i.ext !== ALU_CMP) writeMem(c, addr, s, res, c.hi);
  } else {
    const a = getReg(c, i.rm, s);
    const res = alu(c, i.ext, s, a, c.hi, b, bHi);
    if (i.ext !== ALU_CMP) setReg(c, i.rm, s, res, c.hi);
  }
}

/** ALU AL,Ib / rAX,Iz (04, 05, 0C, 0D ...). */
export function opAluAccIz(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = s === 1 ? i.imm & 0xff : s === 2 ? i.imm & 0xffff : i.imm;
  const a = getReg(c, 0, s);
  const res = alu(c, i.ext, s, a, c.hi, b, i.imm >> 31);
  if (i.ext !== ALU_CMP) setReg(c, 0, s, res, c.hi);
}

/** TEST Ev,Gv / Eb,Gb (84, 85). */
export function opTestEvGv(c: Cpu, i: Insn): void {
  const s = i.size;
  const b = getReg(c, i.reg, s), bHi = c.hi;
  const a = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  alu(c, ALU_AND, s, a, c.hi, b, bHi);
}

/** TEST Ev,Iz / Eb,Ib (F6 /0, F7 /0) and TEST AL/rAX,imm (A8, A9: rm forced to 0). */
export function opTestEvIz(c: Cpu, i: Insn): void {
  const s = i.size;
  const a = i.isMem ? readMem(c, ea(c, i), s) : getReg(c, i.rm, s);
  alu(c, ALU_AND, s, a, c.hi, trunc(i.imm, s), i.imm >> 31);
}

/** TEST AL,Ib / rAX,Iz (A8, A9). */
export function opTestAccIz(c: Cpu, i: Insn): void {
  const s = i.size;
  const a = getReg(c, 0, s);
  alu(c, ALU_AND, s, a, c.hi, trunc(i.imm, s), i.imm >> 31);
}

function incdec(c: Cpu, s: number, a: number, aHi: number, dec: boolean): number {
  const cf = getCF(c);
  let lo: number, hi = 0;
  if (s === 8) {
    if (dec) { lo = (a - 1) | 0; hi = a === 0 ? (aHi - 1) | 0 : aHi; }
    else { lo = (a + 1) | 0; hi = lo === 0 ? (aHi + 1) | 0 : aHi; }
  } else lo = trunc(dec ? a - 1 : a + 1, s);
  c.fAux = cf;
  record(c, dec ? F_DEC : F_INC, s, a, aHi, 1, 0, lo, hi);
  c.hi = hi;
  return lo;
}

/** INC/DEC Ev / Eb (FE /0 /1, FF /0 /1): CF is preserved (SDM "INC"). ext: 0 inc, 1 dec. */
export function opIncDecEv(c: Cpu, i: Insn): void {
  const s = i.size;
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s);
    const r = incdec(c, s, a, c.hi, i.ext === 1);
    writeMem(c, addr, s, r, c.hi);
  } else {
    const a = getReg(c, i.rm, s);
    const r = incdec(c, s, a, c.hi, i.ext === 1);
    setReg(c, i.rm, s, r, c.hi);
  }
}

/** NOT Ev (F6/F7 /2): no flags. */
export function opNotEv(c: Cpu, i: Insn): void {
  const s = i.size;
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s);
    writeMem(c, addr, s, ~a, ~c.hi);
  } else {
    const a = getReg(c, i.rm, s);
    setReg(c, i.rm, s, ~a, ~c.hi);
  }
}

/** NEG Ev (F6/F7 /3): 0 - E, CF = (E != 0). */
export function opNegEv(c: Cpu, i: Insn): void {
  const s = i.size;
  if (i.isMem) {
    const addr = ea(c, i);
    const a = readMem(c, addr, s);
    const r = alu(c, ALU_SUB, s, 0, 0, a, c.hi);
    writeMem(c, addr, s, r, c.hi);
  } else {
    const a = getReg(c, i.rm, s);
    const r = alu(c, ALU_SUB, s, 0, 0, a, c.hi);
    setReg(c, i.rm, s, r, c.hi);
  }
}
