// x87 FPU instructions, escape opcodes D8-DF (Intel SDM Vol. 2 Appendix A.5 "Escape opcode
// instructions"; semantics per Vol. 2 instruction pages FADD..FYL2XP1; stack faults Vol. 1
// §8.5.1.1; masked responses §8.5; environment formats Vol. 1 §8.1.10 Figures 8-9/8-10; FXSAVE
// layout Vol. 1 §10.5.1). Memory forms dispatch on ModRM.reg, register forms on the whole ModRM
// byte, through per-escape handler tables built once at load time.
import type { Cpu } from '../state.js';
import { ea, type Handler, type Insn } from '../decode/insn.js';
import { opUD, raiseDE, raiseGP } from './traps.js';
import { AF, CF, OF, PF, SF, ZF, cond, getFlags, setFlags } from '../flags.js';
import {
  SW_B, SW_C0, SW_C1, SW_C2, SW_C3, SW_ES, SW_EXC, SW_IE, SW_SF, SW_ZE, type X87,
} from '../fpu/x87_state.js';
import {
  C_DENORMAL, C_INF, C_INVALID, C_NORMAL, C_QNAN, C_SNAN, C_ZERO, CMP_EQ, CMP_GT, CMP_LT,
  FE_C1, FE_DE, FE_IE, RC_ZERO, classify, f80Add, f80Begin, f80Canonical, f80Compare, f80Div, f80Extract,
  f80FromF32, f80FromF64, f80FromI32, f80FromI64, f80Indefinite, f80Mul, f80Rem, f80RoundInt,
  f80Scale, f80Sqrt, f80ToF32, f80ToF64, f80ToInt, fr, xHi, xLo, xSe,
} from '../fpu/f80.js';
import {
  f80Cos, f80F2xm1, f80Patan, f80Sin, f80SinCos, f80Tan, f80Yl2x, f80Yl2xp1, sinCosHi, sinCosLo, sinCosSe,
} from '../fpu/f80.js';

const IND_SE = 0xffff;
const IND_HI = 0xc0000000 | 0;
const SW_CC = SW_C0 | SW_C1 | SW_C2 | SW_C3;

// ---- stack and status helpers -----------------------------------------------------------------

/** Copies fr.flags into the status word (C1 from FE_C1). False: an unmasked IE/DE/ZE holds the result back. */
function report(f: X87): boolean {
  const x = fr.flags;
  let sw = (f.sw & ~SW_C1) | (x & (SW_EXC | FE_C1));
  const um = x & ~f.cw & SW_EXC;
  if (um !== 0) {
    // DIVERGES: an unmasked OE/UE stores the masked result instead of the re-biased one.
    sw |= SW_ES | SW_B;
    f.sw = sw;
    return (um & 0x7) === 0;
  }
  f.sw = sw;
  return true;
}

/** Stack underflow (SDM Vol. 1 §8.5.1.1): IE+SF, C1 = 0. True when masked (write the indefinite). */
function underflow(f: X87): boolean {
  f.sw = (f.sw & ~SW_C1) | SW_IE | SW_SF;
  if ((f.cw & 1) === 0) { f.sw |= SW_ES | SW_B; return false; }
  return true;
}

function isEmpty(f: X87, i: number): boolean {
  return (f.empty & (1 << ((f.top + i) & 7))) !== 0;
}

function pop(f: X87): void {
  f.empty |= 1 << f.top;
  f.top = (f.top + 1) & 7;
}

/** Pushes a value; stack overflow sets IE+SF+C1 and (masked) pushes the indefinite. C1 = 0 otherwise. */
function push(f: X87, se: number, hi: number, lo: number): void {
  const p = (f.top - 1) & 7;
  if ((f.empty & (1 << p)) === 0) {
    f.sw |= SW_IE | SW_SF | SW_C1;
    if ((f.cw & 1) === 0) { f.sw |= SW_ES | SW_B; return; }
    se = IND_SE; hi = IND_HI; lo = 0;
  } else {
    f.sw &= ~SW_C1;
  }
  f.top = p;
  f.set(p, se, hi, lo);
}

/** True when ST(7) relative to the current top (the push slot) is free. */
function canPush(f: X87): boolean {
  return (f.empty & (1 << ((f.top - 1) & 7))) !== 0;
}

function setResult(f: X87, p: number): void {
  if (report(f)) f.set(p, fr.se, fr.hi, fr.lo);
}

function setIndefinite(f: X87, p: number): void {
  f.set(p, IND_SE, IND_HI, 0);
}

/** Sets C3/C2/C0 from a compare result and clears C1. */
function setCompareCC(f: X87, r: number): void {
  let cc = 0;
  if (r === CMP_LT) cc = SW_C0;
  else if (r === CMP_EQ) cc = SW_C3;
  else if (r !== CMP_GT) cc = SW_C0 | SW_C2 | SW_C3;
  f.sw = (f.sw & ~SW_CC) | cc;
}

/** Unmasked exception pending (ES): a waiting x87 instruction raises #MF. */
function trapPending(c: Cpu, i: Insn): void {
  // DIVERGES: #MF is delivered as SIGFPE with FPE_INTDIV's stop reason (no FPE_FLT* code yet).
  raiseDE(c, i);
}

/** Recomputes ES/B after the control word or the status word changed. */
function updateES(f: X87): void {
  if ((f.sw & ~f.cw & SW_EXC) !== 0) f.sw |= SW_ES | SW_B;
  else f.sw &= ~(SW_ES | SW_B);
}

// ---- arithmetic ---------------------------------------------------------------------------------

// Operand b of the current instruction (memory operand or ST(i)), after conversion.
let opSe = 0;
let opHi = 0;
let opLo = 0;

/**
 * The six arithmetic operations by ModRM.reg on (x = ST0, y = other): 0 x+y, 1 x*y, 4 x-y,
 * 5 y-x, 6 x/y, 7 y/x. The same reg values mean the same computation in D8, DC and DE.
 */
function compute(op: number, xSe: number, xHi: number, xLo: number, ySe: number, yHi: number, yLo: number): void {
  switch (op) {
    case 0: f80Add(xSe, xHi, xLo, ySe, yHi, yLo, 0); break;
    case 1: f80Mul(xSe, xHi, xLo, ySe, yHi, yLo); break;
    case 4: f80Add(xSe, xHi, xLo, ySe, yHi, yLo, 1); break;
    case 5: f80Add(ySe, yHi, yLo, xSe, xHi, xLo, 1); break;
    case 6: f80Div(xSe, xHi, xLo, ySe, yHi, yLo); break;
    default: f80Div(ySe, yHi, yLo, xSe, xHi, xLo); break;
  }
}

/** Register arithmetic: dstST0 selects D8 (ST0 = ST0 op ST(i)) or DC/DE (ST(i) = ST0 op ST(i)). */
function arithReg(c: Cpu, i: Insn, dstST0: boolean, doPop: boolean): void {
  const f = c.fpu;
  const sti = i.modrm & 7;
  const p0 = f.top;
  const pi = (f.top + sti) & 7;
  const dst = dstST0 ? p0 : pi;
  if ((f.empty & ((1 << p0) | (1 << pi))) !== 0) {
    if (underflow(f)) setIndefinite(f, dst);
  } else {
    f80Begin(f.cw);
    compute((i.modrm >> 3) & 7, f.se[p0], f.hi[p0], f.lo[p0], f.se[pi], f.hi[pi], f.lo[pi]);
    setResult(f, dst);
  }
  if (doPop) pop(f);
}

/** D8 C0-FF (except compares): ST0 = ST0 op ST(i). */
function opFArithST0(c: Cpu, i: Insn): void { arithReg(c, i, true, false); }
/** DC C0-FF: ST(i) = ST0 op ST(i) in the SDM's operand order. */
function opFArithSTi(c: Cpu, i: Insn): void { arithReg(c, i, false, false); }
/** DE C0-FF: as DC, then pop. */
function opFArithPop(c: Cpu, i: Insn): void { arithReg(c, i, false, true); }

// Memory operand kinds.
const MK_F32 = 0;
const MK_F64 = 1;
const MK_I32 = 2;
const MK_I16 = 3;

/** Reads and converts the memory operand to opSe/opHi/opLo (inside an f80Begin block). */
function loadOperand(c: Cpu, a: number, kind: number): void {
  const m = c.mem;
  switch (kind) {
    case MK_F32: f80FromF32(m.read32(a)); break;
    case MK_F64: { const lo = m.read64(a); f80FromF64(lo, m.hi); break; }
    case MK_I32: f80FromI32(m.read32(a)); break;
    default: f80FromI32((m.read16(a) << 16) >> 16); break;
  }
  opSe = fr.se; opHi = fr.hi; opLo = fr.lo;
  // A float denormal becomes a normal 80-bit value: remember it for DE, which the operation
  // reports only when it computes with it (not for NaN, invalid or divide-by-zero cases).
  fr.dm = (fr.flags & FE_DE) !== 0;
  fr.flags &= ~FE_DE;
}

/** D8/DC/DA/DE memory forms: ST0 = ST0 op m, or compare (reg 2, 3). */
function arithMem(c: Cpu, i: Insn, kind: number): void {
  const f = c.fpu;
  const op = (i.modrm >> 3) & 7;
  const a = ea(c, i);
  f80Begin(f.cw);
  loadOperand(c, a, kind);
  const p0 = f.top;
  if (op === 2 || op === 3) {
    if ((f.empty & (1 << p0)) !== 0) {
      underflow(f);
      setCompareCC(f, 3);
    } else {
      const r = f80Compare(f.se[p0], f.hi[p0], f.lo[p0], opSe, opHi, opLo, false);
      report(f);
      setCompareCC(f, r);
    }
    if (op === 3) pop(f);
    return;
  }
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  compute(op, f.se[p0], f.hi[p0], f.lo[p0], opSe, opHi, opLo);
  setResult(f, p0);
}

function opFArithM32(c: Cpu, i: Insn): void { arithMem(c, i, MK_F32); }
function opFArithM64(c: Cpu, i: Insn): void { arithMem(c, i, MK_F64); }
function opFArithMI32(c: Cpu, i: Insn): void { arithMem(c, i, MK_I32); }
function opFArithMI16(c: Cpu, i: Insn): void { arithMem(c, i, MK_I16); }

// ---- compares -------------------------------------------------------------------------------------

/** FCOM/FCOMP/FUCOM/FUCOMP ST(i) and FCOMPP/FUCOMPP: sets C3/C2/C0, pops `pops` times. */
function compareReg(c: Cpu, sti: number, quiet: boolean, pops: number): void {
  const f = c.fpu;
  const p0 = f.top;
  const pi = (f.top + sti) & 7;
  if ((f.empty & ((1 << p0) | (1 << pi))) !== 0) {
    underflow(f);
    setCompareCC(f, 3);
  } else {
    f80Begin(f.cw);
    const r = f80Compare(f.se[p0], f.hi[p0], f.lo[p0], f.se[pi], f.hi[pi], f.lo[pi], quiet);
    report(f);
    setCompareCC(f, r);
  }
  for (let k = 0; k < pops; k++) pop(f);
}

function opFcomSTi(c: Cpu, i: Insn): void { compareReg(c, i.modrm & 7, false, 0); }
function opFcompSTi(c: Cpu, i: Insn): void { compareReg(c, i.modrm & 7, false, 1); }
function opFucomSTi(c: Cpu, i: Insn): void { compareReg(c, i.modrm & 7, true, 0); }
function opFucompSTi(c: Cpu, i: Insn): void { compareReg(c, i.modrm & 7, true, 1); }
function opFcompp(c: Cpu, _i: Insn): void { compareReg(c, 1, false, 2); }
function opFucompp(c: Cpu, _i: Insn): void { compareReg(c, 1, true, 2); }

/** FCOMI/FUCOMI(P): compare into ZF/PF/CF, clear OF/SF/AF (SDM Vol. 2 FCOMI). */
function compareFlags(c: Cpu, i: Insn, quiet: boolean, doPop: boolean): void {
  const f = c.fpu;
  const p0 = f.top;
  const pi = (f.top + (i.modrm & 7)) & 7;
  let r = 3;
  if ((f.empty & ((1 << p0) | (1 << pi))) !== 0) {
    underflow(f);
  } else {
    f80Begin(f.cw);
    r = f80Compare(f.se[p0], f.hi[p0], f.lo[p0], f.se[pi], f.hi[pi], f.lo[pi], quiet);
    report(f);
    f.sw &= ~SW_C1;
  }
  const bits = r === CMP_GT ? 0 : r === CMP_LT ? CF : r === CMP_EQ ? ZF : ZF | PF | CF;
  setFlags(c, (getFlags(c) & ~(CF | PF | AF | ZF | SF | OF)) | bits);
  if (doPop) pop(f);
}

function opFcomi(c: Cpu, i: Insn): void { compareFlags(c, i, false, false); }
function opFucomi(c: Cpu, i: Insn): void { compareFlags(c, i, true, false); }
function opFcomip(c: Cpu, i: Insn): void { compareFlags(c, i, false, true); }
function opFucomip(c: Cpu, i: Insn): void { compareFlags(c, i, true, true); }

/** FTST: compare ST0 with +0.0. */
function opFtst(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) { underflow(f); setCompareCC(f, 3); return; }
  f80Begin(f.cw);
  const r = f80Compare(f.se[p0], f.hi[p0], f.lo[p0], 0, 0, 0, false);
  report(f);
  setCompareCC(f, r);
}

/** FXAM: class of ST0 in C3/C2/C0, sign in C1 (also for an empty register, from its stale contents). */
function opFxam(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  const p = f.top;
  let cc: number;
  if ((f.empty & (1 << p)) !== 0) cc = SW_C3 | SW_C0;
  else {
    switch (classify(f.se[p], f.hi[p], f.lo[p])) {
      case C_ZERO: cc = SW_C3; break;
      case C_NORMAL: cc = SW_C2; break;
      case C_DENORMAL: cc = SW_C3 | SW_C2; break;
      case C_INF: cc = SW_C2 | SW_C0; break;
      case C_QNAN: case C_SNAN: cc = SW_C0; break;
      default: cc = 0; break;
    }
  }
  if ((f.se[p] & 0x8000) !== 0) cc |= SW_C1;
  f.sw = (f.sw & ~SW_CC) | cc;
}

// ---- loads and stores -------------------------------------------------------------------------

/** FLD m32/m64 (SNaN: IE and quietened; denormal: DE). */
function fldConverted(c: Cpu, i: Insn, kind: number): void {
  const f = c.fpu;
  const a = ea(c, i);
  f80Begin(f.cw);
  loadOperand(c, a, kind);
  if (fr.dm) fr.flags |= FE_DE;
  if (classify(opSe, opHi, opLo) === C_SNAN) { fr.flags |= FE_IE; opHi |= 0x40000000; }
  if (!canPush(f)) { push(f, 0, 0, 0); return; }
  if (!report(f)) return;
  push(f, opSe, opHi, opLo);
}

function opFldM32(c: Cpu, i: Insn): void { fldConverted(c, i, MK_F32); }
function opFldM64(c: Cpu, i: Insn): void { fldConverted(c, i, MK_F64); }

/** FILD m16/m32 (exact). */
function opFildM16(c: Cpu, i: Insn): void {
  f80FromI32((c.mem.read16(ea(c, i)) << 16) >> 16);
  push(c.fpu, fr.se, fr.hi, fr.lo);
}
function opFildM32(c: Cpu, i: Insn): void {
  f80FromI32(c.mem.read32(ea(c, i)));
  push(c.fpu, fr.se, fr.hi, fr.lo);
}
/** FILD m64 (exact: 64-bit significand). */
function opFildM64(c: Cpu, i: Insn): void {
  const lo = c.mem.read64(ea(c, i));
  f80FromI64(lo, c.mem.hi);
  push(c.fpu, fr.se, fr.hi, fr.lo);
}

/** FLD m80: bit-exact, no exceptions but stack overflow. */
function opFldM80(c: Cpu, i: Insn): void {
  const a = ea(c, i);
  const m = c.mem;
  const lo = m.read64(a);
  const hi = m.hi;
  push(c.fpu, m.read16(a + 8), hi, lo);
}

/** FLD ST(i). */
function opFldSTi(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const p = (f.top + (i.modrm & 7)) & 7;
  if ((f.empty & (1 << p)) !== 0) {
    if (underflow(f) && canPush(f)) { f.top = (f.top - 1) & 7; setIndefinite(f, f.top); }
    return;
  }
  push(f, f.se[p], f.hi[p], f.lo[p]);
}

/** FST/FSTP m32, m64 (rounded with RC, target precision and range). */
function fstConverted(c: Cpu, i: Insn, f64: boolean, doPop: boolean): void {
  const f = c.fpu;
  const a = ea(c, i);
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (!underflow(f)) return;
    if (f64) c.mem.write64(a, 0, 0xfff80000 | 0); else c.mem.write32(a, 0xffc00000 | 0);
  } else {
    f80Begin(f.cw);
    if (f64) f80ToF64(f.se[p0], f.hi[p0], f.lo[p0]); else f80ToF32(f.se[p0], f.hi[p0], f.lo[p0]);
    if (!report(f)) return;
    if (f64) c.mem.write64(a, fr.lo, fr.hi); else c.mem.write32(a, fr.lo);
  }
  if (doPop) pop(f);
}

function opFstM32(c: Cpu, i: Insn): void { fstConverted(c, i, false, false); }
function opFstpM32(c: Cpu, i: Insn): void { fstConverted(c, i, false, true); }
function opFstM64(c: Cpu, i: Insn): void { fstConverted(c, i, true, false); }
function opFstpM64(c: Cpu, i: Insn): void { fstConverted(c, i, true, true); }

/** FSTP m80: bit-exact. */
function opFstpM80(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const a = ea(c, i);
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (!underflow(f)) return;
    c.mem.write64(a, 0, IND_HI);
    c.mem.write16(a + 8, IND_SE);
  } else {
    f.store80(c.mem, a, p0);
    f.sw &= ~SW_C1;
  }
  pop(f);
}

/** FIST/FISTP/FISTTP to 16/32/64 bits (rc = -1: the control word's rounding). */
function fist(c: Cpu, i: Insn, bits: number, doPop: boolean, trunc: boolean): void {
  const f = c.fpu;
  const a = ea(c, i);
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (!underflow(f)) return;
    fr.lo = bits === 16 ? 0x8000 : bits === 32 ? 0x80000000 | 0 : 0;
    fr.hi = 0x80000000 | 0;
  } else {
    f80Begin(f.cw);
    f80ToInt(f.se[p0], f.hi[p0], f.lo[p0], bits, trunc ? RC_ZERO : fr.rc);
    if (!report(f)) return;
  }
  const m = c.mem;
  if (bits === 16) m.write16(a, fr.lo); else if (bits === 32) m.write32(a, fr.lo); else m.write64(a, fr.lo, fr.hi);
  if (doPop) pop(f);
}

function opFistM16(c: Cpu, i: Insn): void { fist(c, i, 16, false, false); }
function opFistpM16(c: Cpu, i: Insn): void { fist(c, i, 16, true, false); }
function opFistM32(c: Cpu, i: Insn): void { fist(c, i, 32, false, false); }
function opFistpM32(c: Cpu, i: Insn): void { fist(c, i, 32, true, false); }
function opFistpM64(c: Cpu, i: Insn): void { fist(c, i, 64, true, false); }
function opFisttpM16(c: Cpu, i: Insn): void { fist(c, i, 16, true, true); }
function opFisttpM32(c: Cpu, i: Insn): void { fist(c, i, 32, true, true); }
function opFisttpM64(c: Cpu, i: Insn): void { fist(c, i, 64, true, true); }

/** FBLD m80bcd: 18 packed BCD digits and a sign byte (exact; invalid digits give undefined values). */
function opFbld(c: Cpu, i: Insn): void {
  const a = ea(c, i);
  const m = c.mem;
  let hiPart = 0;
  let loPart = 0;
  for (let k = 8; k >= 0; k--) {
    const b = m.read8(a + k);
    const d = (b >> 4) * 10 + (b & 15);
    if (k >= 5) hiPart = hiPart * 100 + d; else loPart = loPart * 100 + d;
  }
  // value = hiPart * 10^10 + loPart (hiPart < 10^8, loPart < 10^10), assembled exactly in two
  // 32-bit words: 10^10 = 9765625 * 2^10 and hiPart * 9765625 < 2^50.
  const t = hiPart * 9765625;
  const th = Math.floor(t / 4294967296);
  const tl = t - th * 4294967296;
  let vh = th * 1024 + Math.floor(tl / 4194304);
  let vl = (tl % 4194304) * 1024;
  const s = vl + (loPart % 4294967296);
  vh += Math.floor(loPart / 4294967296) + (s >= 4294967296 ? 1 : 0);
  vl = s % 4294967296;
  if ((m.read8(a + 9) & 0x80) !== 0) {
    vl = (~vl + 1) | 0;
    vh = vl === 0 ? (~vh + 1) | 0 : ~vh;
  }
  f80FromI64(vl | 0, vh | 0);
  if ((m.read8(a + 9) & 0x80) !== 0 && (vl | vh) === 0) fr.se = 0x8000;
  push(c.fpu, fr.se, fr.hi, fr.lo);
}

/** FBSTP m80bcd: round with RC, store 18 BCD digits; |x| >= 10^18 or NaN stores the BCD indefinite. */
function opFbstp(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const a = ea(c, i);
  const m = c.mem;
  const p0 = f.top;
  let neg = 0;
  let ok = true;
  let vh = 0, vl = 0;
  if ((f.empty & (1 << p0)) !== 0) {
    if (!underflow(f)) return;
    ok = false;
  } else {
    f80Begin(f.cw);
    neg = (f.se[p0] >>> 15) & 1;
    f80ToInt(f.se[p0], f.hi[p0], f.lo[p0], 64, fr.rc);
    vl = fr.lo; vh = fr.hi;
    if ((fr.flags & FE_IE) === 0) {
      if (neg) { vl = (~vl + 1) | 0; vh = vl === 0 ? (~vh + 1) | 0 : ~vh; }
      // |v| must be below 10^18 = 0x0DE0B6B3A7640000.
      const h = vh >>> 0, l = vl >>> 0;
      if (h > 0x0de0b6b3 || (h === 0x0de0b6b3 && l >= 0xa7640000)) { fr.flags = (fr.flags & ~0x3f) | FE_IE; fr.flags &= ~FE_C1; ok = false; }
    } else ok = false;
    if (!report(f)) return;
  }
  if (!ok) {
    m.write64(a, 0, IND_HI);
    m.write16(a + 8, 0xffff);
  } else {
    // Split |v| < 10^18 into two 9-digit halves by exact division by 10^9 over 16-bit limbs.
    let r = 0;
    let q = 0;
    for (let k = 0; k < 4; k++) {
      const w = k < 2 ? vh : vl;
      r = r * 65536 + ((k & 1) === 0 ? (w >>> 16) & 0xffff : w & 0xffff);
      const d = Math.floor(r / 1e9);
      r -= d * 1e9;
      q = q * 65536 + d;
    }
    // 18 digits, two per byte, the lower digit in the low nibble; r holds digits 0-8, q 9-17.
    for (let k = 0; k < 9; k++) {
      let d0: number, d1: number;
      if (2 * k < 9) { d0 = r % 10; r = Math.floor(r / 10); } else { d0 = q % 10; q = Math.floor(q / 10); }
      if (2 * k + 1 < 9) { d1 = r % 10; r = Math.floor(r / 10); } else { d1 = q % 10; q = Math.floor(q / 10); }
      m.write8(a + k, (d1 << 4) | d0);
    }
    m.write8(a + 9, neg ? 0x80 : 0);
  }
  pop(f);
}

/** FST/FSTP ST(i). */
function fstReg(c: Cpu, i: Insn, doPop: boolean): void {
  const f = c.fpu;
  const p0 = f.top;
  const pi = (f.top + (i.modrm & 7)) & 7;
  if ((f.empty & (1 << p0)) !== 0) {
    if (!underflow(f)) return;
    setIndefinite(f, pi);
  } else {
    f.set(pi, f.se[p0], f.hi[p0], f.lo[p0]);
    f.sw &= ~SW_C1;
  }
  if (doPop) pop(f);
}

function opFstSTi(c: Cpu, i: Insn): void { fstReg(c, i, false); }
function opFstpSTi(c: Cpu, i: Insn): void { fstReg(c, i, true); }

/** FXCH ST(i) (empty operands become the indefinite when IE is masked). */
function opFxch(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const p0 = f.top;
  const pi = (f.top + (i.modrm & 7)) & 7;
  if ((f.empty & ((1 << p0) | (1 << pi))) !== 0) {
    if (!underflow(f)) return;
    if ((f.empty & (1 << p0)) !== 0) setIndefinite(f, p0);
    if ((f.empty & (1 << pi)) !== 0) setIndefinite(f, pi);
  } else {
    f.sw &= ~SW_C1;
  }
  const se = f.se[p0], hi = f.hi[p0], lo = f.lo[p0];
  f.se[p0] = f.se[pi]; f.hi[p0] = f.hi[pi]; f.lo[p0] = f.lo[pi];
  f.se[pi] = se; f.hi[pi] = hi; f.lo[pi] = lo;
}

/** FCMOVcc ST0, ST(i): cc is the Jcc condition code. */
function fcmov(c: Cpu, i: Insn, cc: number): void {
  const f = c.fpu;
  const p0 = f.top;
  const pi = (f.top + (i.modrm & 7)) & 7;
  if ((f.empty & ((1 << p0) | (1 << pi))) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  f.sw &= ~SW_C1;
  if (cond(c, cc)) f.set(p0, f.se[pi], f.hi[pi], f.lo[pi]);
}

function opFcmovb(c: Cpu, i: Insn): void { fcmov(c, i, 2); }
function opFcmove(c: Cpu, i: Insn): void { fcmov(c, i, 4); }
function opFcmovbe(c: Cpu, i: Insn): void { fcmov(c, i, 6); }
function opFcmovu(c: Cpu, i: Insn): void { fcmov(c, i, 10); }
function opFcmovnb(c: Cpu, i: Insn): void { fcmov(c, i, 3); }
function opFcmovne(c: Cpu, i: Insn): void { fcmov(c, i, 5); }
function opFcmovnbe(c: Cpu, i: Insn): void { fcmov(c, i, 7); }
function opFcmovnu(c: Cpu, i: Insn): void { fcmov(c, i, 11); }

// ---- constants and simple register operations ---------------------------------------------------

// FLD1..FLDZ: exponent, truncated significand, and whether nearest / up round the significand up
// (SDM Vol. 1 §8.3.8: the internal constants have 66+ bits and honour RC).
const K_SE = [0x3fff, 0x4000, 0x3fff, 0x4000, 0x3ffd, 0x3ffe, 0];
const K_HI = [0x80000000 | 0, 0xd49a784b | 0, 0xb8aa3b29 | 0, 0xc90fdaa2 | 0, 0x9a209a84 | 0, 0xb17217f7 | 0, 0];
const K_LO = [0, 0xcd1b8afe | 0, 0x5c17f0bb | 0, 0x2168c234 | 0, 0xfbcff798 | 0, 0xd1cf79ab | 0, 0];
const K_NEAR_UP = [0, 0, 1, 1, 1, 1, 0];
const K_INEXACT = [0, 1, 1, 1, 1, 1, 0];

/** D9 E8-EE: FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ. */
function opFldConst(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const k = (i.modrm & 7);
  const rc = (f.cw >>> 10) & 3;
  const up = K_INEXACT[k] !== 0 && (rc === 2 || (rc === 0 && K_NEAR_UP[k] !== 0));
  push(f, K_SE[k], K_HI[k], up ? K_LO[k] + 1 : K_LO[k]);
}

/** FCHS / FABS (no exceptions but stack underflow). */
function signOp(c: Cpu, abs: boolean): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  f.se[p0] = abs ? f.se[p0] & 0x7fff : f.se[p0] ^ 0x8000;
  f.sw &= ~SW_C1;
}

function opFchs(c: Cpu, _i: Insn): void { signOp(c, false); }
function opFabs(c: Cpu, _i: Insn): void { signOp(c, true); }

function opFnop(_c: Cpu, _i: Insn): void {}

/** FFREE ST(i). */
function opFfree(c: Cpu, i: Insn): void {
  const f = c.fpu;
  f.empty |= 1 << ((f.top + (i.modrm & 7)) & 7);
}

/** FFREEP ST(i) (DF C0+i, undocumented but implemented by Intel and AMD): free, then pop. */
function opFfreep(c: Cpu, i: Insn): void {
  opFfree(c, i);
  pop(c.fpu);
}

function opFdecstp(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  f.top = (f.top - 1) & 7;
  f.sw &= ~SW_C1;
}

function opFincstp(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  f.top = (f.top + 1) & 7;
  f.sw &= ~SW_C1;
}

/** ST0 = g(ST0) for a unary f80 function (FSQRT, FRNDINT). */
function unary(c: Cpu, fn: (se: number, hi: number, lo: number) => void): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  f80Begin(f.cw);
  fn(f.se[p0], f.hi[p0], f.lo[p0]);
  setResult(f, p0);
}

function opFsqrt(c: Cpu, _i: Insn): void { unary(c, f80Sqrt); }
function opFrndint(c: Cpu, _i: Insn): void { unary(c, f80RoundInt); }
/** F2XM1: 2^x - 1 for -1 <= x <= 1. */
function opF2xm1(c: Cpu, _i: Insn): void { unary(c, f80F2xm1); }

/** ST0 = g(ST0, ST1) (FSCALE). */
function opFscale(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  const p0 = f.top;
  const p1 = (f.top + 1) & 7;
  if ((f.empty & ((1 << p0) | (1 << p1))) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  f80Begin(f.cw);
  f80Scale(f.se[p0], f.hi[p0], f.lo[p0], f.se[p1], f.hi[p1], f.lo[p1]);
  setResult(f, p0);
}

/** ST1 = g(ST1, ST0), pop (FYL2X, FYL2XP1, FPATAN). */
function binaryPop(c: Cpu, fn: (ySe: number, yHi: number, yLo: number, xSe: number, xHi: number, xLo: number) => void): void {
  const f = c.fpu;
  const p0 = f.top;
  const p1 = (f.top + 1) & 7;
  if ((f.empty & ((1 << p0) | (1 << p1))) !== 0) {
    if (underflow(f)) { setIndefinite(f, p1); pop(f); }
    return;
  }
  f80Begin(f.cw);
  fn(f.se[p1], f.hi[p1], f.lo[p1], f.se[p0], f.hi[p0], f.lo[p0]);
  if (report(f)) {
    f.set(p1, fr.se, fr.hi, fr.lo);
    pop(f);
  }
}

function opFyl2x(c: Cpu, _i: Insn): void { binaryPop(c, f80Yl2x); }
function opFyl2xp1(c: Cpu, _i: Insn): void { binaryPop(c, f80Yl2xp1); }
function opFpatan(c: Cpu, _i: Insn): void { binaryPop(c, f80Patan); }

/** FXTRACT: ST0 -> exponent (ST1) and significand (ST0). */
function opFxtract(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) { setIndefinite(f, p0); if (canPush(f)) push(f, IND_SE, IND_HI, 0); }
    return;
  }
  if (!canPush(f)) {
    push(f, 0, 0, 0);
    if ((f.cw & 1) !== 0) setIndefinite(f, (f.top + 1) & 7);
    return;
  }
  f80Begin(f.cw);
  const se = f.se[p0], hi = f.hi[p0], lo = f.lo[p0];
  let sSe: number, sHi: number, sLo: number;
  switch (classify(se, hi, lo)) {
    case C_ZERO:
      fr.flags |= SW_ZE;
      fr.se = 0xffff; fr.hi = 0x80000000 | 0; fr.lo = 0;
      sSe = se; sHi = hi; sLo = lo;
      break;
    case C_INF:
      fr.se = 0x7fff; fr.hi = 0x80000000 | 0; fr.lo = 0;
      sSe = se; sHi = hi; sLo = lo;
      break;
    case C_QNAN: case C_SNAN:
      if (classify(se, hi, lo) === C_SNAN) fr.flags |= FE_IE;
      fr.se = se; fr.hi = hi | 0x40000000; fr.lo = lo;
      sSe = fr.se; sHi = fr.hi; sLo = fr.lo;
      break;
    case C_INVALID:
      f80Indefinite();
      sSe = fr.se; sHi = fr.hi; sLo = fr.lo;
      break;
    default:
      f80Extract(se, hi, lo);
      sSe = xSe; sHi = xHi; sLo = xLo;
  }
  if (!report(f)) return;
  f.set(p0, fr.se, fr.hi, fr.lo);
  push(f, sSe, sHi, sLo);
}

/** FPREM (round = false) / FPREM1: partial remainder, quotient bits in C0/C3/C1, C2 = incomplete. */
function prem(c: Cpu, round: boolean): void {
  const f = c.fpu;
  const p0 = f.top;
  const p1 = (f.top + 1) & 7;
  if ((f.empty & ((1 << p0) | (1 << p1))) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  f80Begin(f.cw);
  const aSe = f.se[p0], aHi = f.hi[p0], aLo = f.lo[p0];
  const bSe = f.se[p1], bHi = f.hi[p1], bLo = f.lo[p1];
  const ca = classify(aSe, aHi, aLo);
  const cb = classify(bSe, bHi, bLo);
  let cc = 0;
  if (ca >= C_QNAN || cb >= C_QNAN) {
    f80Add(aSe, aHi, aLo, bSe, bHi, bLo, 0); // NaN propagation only
  } else if (ca === C_INF || cb === C_ZERO) {
    f80Indefinite();
  } else if (cb === C_INF) {
    if (ca === C_DENORMAL) fr.flags |= FE_DE;
    f80Canonical(aSe, aHi, aLo);
  } else {
    f80Rem(aSe, aHi, aLo, bSe, bHi, bLo, round);
    if (fr.partial) cc = SW_C2;
    else {
      const q = fr.q;
      cc = ((q & 4) !== 0 ? SW_C0 : 0) | ((q & 2) !== 0 ? SW_C3 : 0) | ((q & 1) !== 0 ? SW_C1 : 0);
    }
  }
  fr.flags &= ~FE_C1;
  if (report(f)) f.set(p0, fr.se, fr.hi, fr.lo);
  f.sw = (f.sw & ~SW_CC) | cc;
}

function opFprem(c: Cpu, _i: Insn): void { prem(c, false); }
function opFprem1(c: Cpu, _i: Insn): void { prem(c, true); }

/** FSIN/FCOS/FPTAN/FSINCOS share the out-of-range rule: |x| >= 2^63 sets C2 and leaves ST0. */
function trigOutOfRange(f: X87, p0: number): boolean {
  const e = f.se[p0] & 0x7fff;
  if (e >= 0x3fff + 63 && e !== 0x7fff && f.hi[p0] < 0) { f.sw = (f.sw & ~SW_CC) | SW_C2; return true; }
  return false;
}

function trig1(c: Cpu, fn: (se: number, hi: number, lo: number) => void): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) setIndefinite(f, p0);
    return;
  }
  if (trigOutOfRange(f, p0)) return;
  f80Begin(f.cw);
  fn(f.se[p0], f.hi[p0], f.lo[p0]);
  setResult(f, p0);
  f.sw &= ~SW_C2;
}

function opFsin(c: Cpu, _i: Insn): void { trig1(c, f80Sin); }
function opFcos(c: Cpu, _i: Insn): void { trig1(c, f80Cos); }

/** FPTAN: ST0 = tan(ST0), then push 1.0 (a NaN result pushes the NaN again). */
function opFptan(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) { setIndefinite(f, p0); if (canPush(f)) push(f, IND_SE, IND_HI, 0); }
    return;
  }
  if (trigOutOfRange(f, p0)) return;
  if (!canPush(f)) { push(f, 0, 0, 0); if ((f.cw & 1) !== 0) setIndefinite(f, (f.top + 1) & 7); return; }
  f80Begin(f.cw);
  f80Tan(f.se[p0], f.hi[p0], f.lo[p0]);
  if (!report(f)) return;
  f.set(p0, fr.se, fr.hi, fr.lo);
  const nan = (fr.se & 0x7fff) === 0x7fff && (fr.hi & 0x7fffffff | fr.lo) !== 0;
  const c1 = f.sw & SW_C1;
  if (nan) push(f, fr.se, fr.hi, fr.lo); else push(f, 0x3fff, 0x80000000 | 0, 0);
  f.sw = (f.sw & ~SW_CC) | c1;
}

/** FSINCOS: ST0 = sin, then push cos. */
function opFsincos(c: Cpu, _i: Insn): void {
  const f = c.fpu;
  const p0 = f.top;
  if ((f.empty & (1 << p0)) !== 0) {
    if (underflow(f)) { setIndefinite(f, p0); if (canPush(f)) push(f, IND_SE, IND_HI, 0); }
    return;
  }
  if (trigOutOfRange(f, p0)) return;
  if (!canPush(f)) { push(f, 0, 0, 0); if ((f.cw & 1) !== 0) setIndefinite(f, (f.top + 1) & 7); return; }
  f80Begin(f.cw);
  f80SinCos(f.se[p0], f.hi[p0], f.lo[p0]);
  if (!report(f)) return;
  const c1 = f.sw & SW_C1;
  f.set(p0, sinCosSe, sinCosHi, sinCosLo);
  push(f, fr.se, fr.hi, fr.lo);
  f.sw = (f.sw & ~SW_CC) | c1;
}

// ---- control: FLDCW, FNSTCW, FNSTSW, environment, FNINIT, FNCLEX -------------------------------

/** Reserved control-word bits as the host reads them back: 6 is 1, 7 and 13-15 are 0. */
function fixCw(v: number): number {
  return (v & 0x1f3f) | 0x40;
}

function opFldcw(c: Cpu, i: Insn): void {
  const f = c.fpu;
  f.cw = fixCw(c.mem.read16(ea(c, i)));
  updateES(f);
}

function opFnstcw(c: Cpu, i: Insn): void {
  c.mem.write16(ea(c, i), c.fpu.cw);
}

function opFnstswM16(c: Cpu, i: Insn): void {
  c.mem.write16(ea(c, i), c.fpu.getSw());
}

/** FNSTSW AX (DF E0). */
function opFnstswAX(c: Cpu, _i: Insn): void {
  c.r[0] = (c.r[0] & ~0xffff) | c.fpu.getSw();
}

function opFninit(c: Cpu, _i: Insn): void { c.fpu.reset(); }

function opFnclex(c: Cpu, _i: Insn): void {
  c.fpu.sw &= ~(SW_EXC | SW_SF | SW_ES | SW_B);
}

/** FENI/FDISI/FSETPM: no-ops on the 80387 and later. */
function opFnopLegacy(_c: Cpu, _i: Insn): void {}

/**
 * Writes the environment at a (FNSTENV, FNSAVE): 28-byte protected-mode layout, or the 14-byte
 * one with a 66 prefix. Reserved halves read 0xFFFF, instruction/data pointers 0. Returns its size.
 */
function storeEnv(c: Cpu, i: Insn, a: number): number {
  const f = c.fpu;
  const m = c.mem;
  if (i.p66) {
    m.write16(a, f.cw); m.write16(a + 2, f.getSw()); m.write16(a + 4, f.tagWord());
    for (let k = 6; k < 14; k += 2) m.write16(a + k, 0);
    return 14;
  }
  m.write32(a, f.cw | 0xffff0000);
  m.write32(a + 4, f.getSw() | 0xffff0000);
  m.write32(a + 8, f.tagWord() | 0xffff0000);
  m.write32(a + 12, f.fip);
  m.write32(a + 16, (f.fop & 0x7ff) << 16);
  m.write32(a + 20, f.fdp);
  m.write32(a + 24, 0xffff0000 | 0);
  return 28;
}

function loadEnv(c: Cpu, i: Insn, a: number): number {
  const f = c.fpu;
  const m = c.mem;
  const step = i.p66 ? 2 : 4;
  f.cw = fixCw(m.read16(a));
  f.setSw(m.read16(a + step));
  f.setTagWord(m.read16(a + 2 * step));
  updateES(f);
  return i.p66 ? 14 : 28;
}

function opFnstenv(c: Cpu, i: Insn): void {
  storeEnv(c, i, ea(c, i));
  c.fpu.cw |= SW_EXC; // FNSTENV then masks all exceptions
}

function opFldenv(c: Cpu, i: Insn): void { loadEnv(c, i, ea(c, i)); }

function opFnsave(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const a = ea(c, i);
  const n = storeEnv(c, i, a);
  for (let k = 0; k < 8; k++) f.store80(c.mem, a + n + 10 * k, f.st(k));
  f.reset();
}

function opFrstor(c: Cpu, i: Insn): void {
  const f = c.fpu;
  const a = ea(c, i);
  const n = loadEnv(c, i, a);
  const e = f.empty;
  for (let k = 0; k < 8; k++) f.load80(c.mem, a + n + 10 * k, f.st(k));
  f.empty = e;
}

/** FXSAVE m512 (0F AE /0, SDM Vol. 1 §10.5.1): x87, MXCSR and XMM0-15; #GP unless 16-byte aligned. */
export function opFxsave(c: Cpu, i: Insn): void {
  const a = ea(c, i);
  if (a % 16 !== 0) raiseGP(c, i);
  const f = c.fpu;
  const m = c.mem;
  m.translateWrite(a + 511); // fault before writing anything
  m.write16(a, f.cw);
  m.write16(a + 2, f.getSw());
  m.write8(a + 4, f.abridgedTag());
  m.write8(a + 5, 0);
  m.write16(a + 6, f.fop & 0x7ff);
  m.write64(a + 8, f.fip, 0);
  m.write64(a + 16, f.fdp, 0);
  m.write32(a + 24, c.mxcsr);
  m.write32(a + 28, MXCSR_MASK);
  for (let k = 0; k < 8; k++) {
    const b = a + 32 + 16 * k;
    f.store80(m, b, f.st(k));
    m.write16(b + 10, 0);
    m.write32(b + 12, 0);
  }
  const x = c.xmm;
  for (let n = 0; n < 16; n++) {
    const b = a + 160 + 16 * n;
    m.write64(b, x[8 * n], x[8 * n + 1]);
    m.write64(b + 8, x[8 * n + 2], x[8 * n + 3]);
  }
}

/** Bits of MXCSR that FXRSTOR/LDMXCSR accept (DAZ included). */
export const MXCSR_MASK = 0xffff;

/** FXRSTOR m512 (0F AE /1): #GP on misalignment or reserved MXCSR bits. */
export function opFxrstor(c: Cpu, i: Insn): void {
  const a = ea(c, i);
  if (a % 16 !== 0) raiseGP(c, i);
  const m = c.mem;
  const mx = m.read32(a + 24);
  if ((mx & ~MXCSR_MASK) !== 0) raiseGP(c, i);
  m.translateRead(a + 511);
  const f = c.fpu;
  f.cw = fixCw(m.read16(a));
  f.setSw(m.read16(a + 2));
  f.fop = m.read16(a + 6) & 0x7ff;
  f.fip = m.read32(a + 8);
  f.fdp = m.read32(a + 16);
  c.mxcsr = mx;
  for (let k = 0; k < 8; k++) f.load80(m, a + 32 + 16 * k, f.st(k));
  f.setAbridgedTag(m.read8(a + 4));
  updateES(f);
  const x = c.xmm;
  for (let n = 0; n < 16; n++) {
    const b = a + 160 + 16 * n;
    x[8 * n] = m.read64(b); x[8 * n + 1] = m.hi;
    x[8 * n + 2] = m.read64(b + 8); x[8 * n + 3] = m.hi;
  }
}

/** FWAIT (9B): raises a pending unmasked x87 exception. */
export function opFwait(c: Cpu, i: Insn): void {
  if ((c.fpu.sw & SW_ES) !== 0) trapPending(c, i);
}

// ---- dispatch tables ----------------------------------------------------------------------------

// MEM[esc * 8 + reg] for memory forms, REG[esc * 64 + (modrm & 63)] for register forms.
const MEM: Handler[] = new Array<Handler>(64).fill(opUD);
const REG: Handler[] = new Array<Handler>(512).fill(opUD);
/** 1 for the no-wait forms that do not check for a pending exception (FN*, FLDCW, FLDENV, FRSTOR). */
const MEM_NOWAIT = new Uint8Array(64);
const REG_NOWAIT = new Uint8Array(512);

function mem(esc: number, reg: number, h: Handler, noWait = false): void {
  MEM[(esc - 0xd8) * 8 + reg] = h;
  if (noWait) MEM_NOWAIT[(esc - 0xd8) * 8 + reg] = 1;
}

function regs(esc: number, first: number, count: number, h: Handler, noWait = false): void {
  for (let k = 0; k < count; k++) {
    REG[(esc - 0xd8) * 64 + ((first + k) & 63)] = h;
    if (noWait) REG_NOWAIT[(esc - 0xd8) * 64 + ((first + k) & 63)] = 1;
  }
}

// D8: arithmetic on m32real / ST(i).
for (let r = 0; r < 8; r++) mem(0xd8, r, opFArithM32);
for (const r of [0, 1, 4, 5, 6, 7]) regs(0xd8, 0xc0 + 8 * r, 8, opFArithST0);
regs(0xd8, 0xd0, 8, opFcomSTi);
regs(0xd8, 0xd8, 8, opFcompSTi);
// D9: loads, stores, control, constants, transcendentals.
mem(0xd9, 0, opFldM32);
mem(0xd9, 2, opFstM32);
mem(0xd9, 3, opFstpM32);
mem(0xd9, 4, opFldenv, true);
mem(0xd9, 5, opFldcw, true);
mem(0xd9, 6, opFnstenv, true);
mem(0xd9, 7, opFnstcw, true);
regs(0xd9, 0xc0, 8, opFldSTi);
regs(0xd9, 0xc8, 8, opFxch);
regs(0xd9, 0xd0, 1, opFnop);
regs(0xd9, 0xd8, 8, opFstpSTi); // FSTP1 alias
regs(0xd9, 0xe0, 1, opFchs);
regs(0xd9, 0xe1, 1, opFabs);
regs(0xd9, 0xe4, 1, opFtst);
regs(0xd9, 0xe5, 1, opFxam);
regs(0xd9, 0xe8, 7, opFldConst);
regs(0xd9, 0xf0, 1, opF2xm1);
regs(0xd9, 0xf1, 1, opFyl2x);
regs(0xd9, 0xf2, 1, opFptan);
regs(0xd9, 0xf3, 1, opFpatan);
regs(0xd9, 0xf4, 1, opFxtract);
regs(0xd9, 0xf5, 1, opFprem1);
regs(0xd9, 0xf6, 1, opFdecstp);
regs(0xd9, 0xf7, 1, opFincstp);
regs(0xd9, 0xf8, 1, opFprem);
regs(0xd9, 0xf9, 1, opFyl2xp1);
regs(0xd9, 0xfa, 1, opFsqrt);
regs(0xd9, 0xfb, 1, opFsincos);
regs(0xd9, 0xfc, 1, opFrndint);
regs(0xd9, 0xfd, 1, opFscale);
regs(0xd9, 0xfe, 1, opFsin);
regs(0xd9, 0xff, 1, opFcos);
// DA: m32int arithmetic, FCMOVB/E/BE/U, FUCOMPP.
for (let r = 0; r < 8; r++) mem(0xda, r, opFArithMI32);
regs(0xda, 0xc0, 8, opFcmovb);
regs(0xda, 0xc8, 8, opFcmove);
regs(0xda, 0xd0, 8, opFcmovbe);
regs(0xda, 0xd8, 8, opFcmovu);
regs(0xda, 0xe9, 1, opFucompp);
// DB: m32int loads/stores, m80, FCMOVNcc, FNCLEX, FNINIT, FUCOMI, FCOMI.
mem(0xdb, 0, opFildM32);
mem(0xdb, 1, opFisttpM32);
mem(0xdb, 2, opFistM32);
mem(0xdb, 3, opFistpM32);
mem(0xdb, 5, opFldM80);
mem(0xdb, 7, opFstpM80);
regs(0xdb, 0xc0, 8, opFcmovnb);
regs(0xdb, 0xc8, 8, opFcmovne);
regs(0xdb, 0xd0, 8, opFcmovnbe);
regs(0xdb, 0xd8, 8, opFcmovnu);
regs(0xdb, 0xe0, 2, opFnopLegacy, true);
regs(0xdb, 0xe2, 1, opFnclex, true);
regs(0xdb, 0xe3, 1, opFninit, true);
regs(0xdb, 0xe4, 1, opFnopLegacy, true);
regs(0xdb, 0xe8, 8, opFucomi);
regs(0xdb, 0xf0, 8, opFcomi);
// DC: m64real arithmetic, ST(i) = ST(i) op ST0.
for (let r = 0; r < 8; r++) mem(0xdc, r, opFArithM64);
for (const r of [0, 1, 4, 5, 6, 7]) regs(0xdc, 0xc0 + 8 * r, 8, opFArithSTi);
regs(0xdc, 0xd0, 8, opFcomSTi); // FCOM2 alias
regs(0xdc, 0xd8, 8, opFcompSTi); // FCOMP3 alias
// DD: m64 loads/stores, FRSTOR, FNSAVE, FNSTSW, FFREE, FST/FSTP ST(i), FUCOM(P).
mem(0xdd, 0, opFldM64);
mem(0xdd, 1, opFisttpM64);
mem(0xdd, 2, opFstM64);
mem(0xdd, 3, opFstpM64);
mem(0xdd, 4, opFrstor, true);
mem(0xdd, 6, opFnsave, true);
mem(0xdd, 7, opFnstswM16, true);
regs(0xdd, 0xc0, 8, opFfree);
regs(0xdd, 0xc8, 8, opFxch); // FXCH4 alias
regs(0xdd, 0xd0, 8, opFstSTi);
regs(0xdd, 0xd8, 8, opFstpSTi);
regs(0xdd, 0xe0, 8, opFucomSTi);
regs(0xdd, 0xe8, 8, opFucompSTi);
// DE: m16int arithmetic, pop forms, FCOMPP.
for (let r = 0; r < 8; r++) mem(0xde, r, opFArithMI16);
for (const r of [0, 1, 4, 5, 6, 7]) regs(0xde, 0xc0 + 8 * r, 8, opFArithPop);
regs(0xde, 0xd0, 8, opFcompSTi); // FCOMP5 alias
regs(0xde, 0xd9, 1, opFcompp);
// DF: m16/m64 integer loads/stores, BCD, FNSTSW AX, FCOMIP/FUCOMIP.
mem(0xdf, 0, opFildM16);
mem(0xdf, 1, opFisttpM16);
mem(0xdf, 2, opFistM16);
mem(0xdf, 3, opFistpM16);
mem(0xdf, 4, opFbld);
mem(0xdf, 5, opFildM64);
mem(0xdf, 6, opFbstp);
mem(0xdf, 7, opFistpM64);
regs(0xdf, 0xc0, 8, opFfreep);
regs(0xdf, 0xc8, 8, opFxch); // FXCH7 alias
regs(0xdf, 0xd0, 8, opFstpSTi); // FSTP8 alias
regs(0xdf, 0xd8, 8, opFstpSTi); // FSTP9 alias
regs(0xdf, 0xe0, 1, opFnstswAX, true);
regs(0xdf, 0xe8, 8, opFucomip);
regs(0xdf, 0xf0, 8, opFcomip);

function dispatch(c: Cpu, i: Insn, esc: number): void {
  const m = i.modrm;
  if (m >= 0xc0) {
    const k = esc * 64 + (m & 63);
    if ((c.fpu.sw & SW_ES) !== 0 && REG_NOWAIT[k] === 0) trapPending(c, i);
    REG[k](c, i);
  } else {
    const k = esc * 8 + ((m >> 3) & 7);
    if ((c.fpu.sw & SW_ES) !== 0 && MEM_NOWAIT[k] === 0) trapPending(c, i);
    MEM[k](c, i);
  }
}

/** Escape D8: FADD/FMUL/FCOM/FCOMP/FSUB/FSUBR/FDIV/FDIVR with m32real or ST(i). */
export function opEscD8(c: Cpu, i: Insn): void { dispatch(c, i, 0); }
/** Escape D9: FLD/FST(P) m32, environment, control word, FXCH, constants, transcendentals. */
export function opEscD9(c: Cpu, i: Insn): void { dispatch(c, i, 1); }
/** Escape DA: integer m32 arithmetic, FCMOVcc, FUCOMPP. */
export function opEscDA(c: Cpu, i: Insn): void { dispatch(c, i, 2); }
/** Escape DB: FILD/FIST(P)/FISTTP m32, FLD/FSTP m80, FCMOVNcc, FNCLEX, FNINIT, FCOMI, FUCOMI. */
export function opEscDB(c: Cpu, i: Insn): void { dispatch(c, i, 3); }
/** Escape DC: m64real arithmetic and ST(i) = ST(i) op ST0. */
export function opEscDC(c: Cpu, i: Insn): void { dispatch(c, i, 4); }
/** Escape DD: FLD/FST(P) m64, FISTTP m64, FRSTOR, FNSAVE, FNSTSW m16, FFREE, FST(P) ST(i), FUCOM(P). */
export function opEscDD(c: Cpu, i: Insn): void { dispatch(c, i, 5); }
/** Escape DE: integer m16 arithmetic, pop forms, FCOMPP. */
export function opEscDE(c: Cpu, i: Insn): void { dispatch(c, i, 6); }
/** Escape DF: FILD/FIST(P)/FISTTP m16 and m64, FBLD/FBSTP, FNSTSW AX, FCOMIP, FUCOMIP. */
export function opEscDF(c: Cpu, i: Insn): void { dispatch(c, i, 7); }
