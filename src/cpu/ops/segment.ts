// Segment-register instructions in 64-bit user mode (Intel SDM Vol. 3 §3.4, Vol. 2 "MOV—Move
// to/from Segment Registers", "PUSH", "POP", "LAR", "LSL", "VERR/VERW") and XLAT, INT1.
// Exo has Linux's flat user model: CS = 0x33, SS = 0x2b, DS = ES = FS = GS = 0 (null), and the
// FS/GS bases are set only by arch_prctl; loading a null selector into FS/GS clears the base,
// as on Linux. Any other selector value refers to a descriptor we do not model: #GP → SIGSEGV.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { getFlags, setFlags, ZF } from '../flags.js';
import { getSp, pop64, push64, readMem, setReg, setSp, writeMem, getReg } from './operand.js';
import { opUD, raiseGP, opInt3 } from './traps.js';

/** Selector values by segment register number (ES CS SS DS FS GS). */
const SELECTORS = [0, 0x33, 0x2b, 0, 0, 0];

function loadSegment(c: Cpu, i: Insn, sreg: number, sel: number): void {
  if (sreg === 1 || sreg > 5) { opUD(c, i); return; } // MOV CS is #UD
  const ok = (sel & ~3) === 0 || (sreg <= 3 && (sel === 0x2b || sel === 0x33 && sreg !== 2));
  if (!ok) raiseGP(c, i);
  if (sreg === 4) c.fsBase = 0;
  else if (sreg === 5) c.gsBase = 0;
}

/** MOV Ev,Sw (8C): the selector, zero-extended for register destinations. */
export function opMovEvSw(c: Cpu, i: Insn): void {
  if (i.reg > 5) { opUD(c, i); return; }
  const sel = SELECTORS[i.reg];
  if (i.isMem) writeMem(c, ea(c, i), 2, sel, 0);
  else setReg(c, i.rm, i.size === 2 ? 2 : i.size, sel, 0);
}

/** MOV Sw,Ew (8E). */
export function opMovSwEw(c: Cpu, i: Insn): void {
  const sel = i.isMem ? readMem(c, ea(c, i), 2) : getReg(c, i.rm, 2);
  loadSegment(c, i, i.reg, sel & 0xffff);
}

/** PUSH FS/GS (0F A0, 0F A8). */
export function opPushSeg(c: Cpu, i: Insn): void {
  if (i.size === 8) push64(c, 0, 0);
  else { const sp = getSp(c) - 2; c.mem.write16(sp, 0); setSp(c, sp); }
}

/** POP FS/GS (0F A1, 0F A9); ext = 4 (FS) or 5 (GS). */
export function opPopSeg(c: Cpu, i: Insn): void {
  let sel: number;
  if (i.size === 8) sel = pop64(c) & 0xffff;
  else { const sp = getSp(c); sel = c.mem.read16(sp); setSp(c, sp + 2); }
  loadSegment(c, i, i.ext, sel);
}

/** LAR/LSL Gv,Ew (0F 02, 0F 03): ZF = 1 only for a valid descriptor; we report the flat user
 *  code and data selectors and nothing else (DIVERGES: no GDT model). */
export function opLarLsl(c: Cpu, i: Insn): void {
  const sel = (i.isMem ? readMem(c, ea(c, i), 2) : getReg(c, i.rm, 2)) & 0xfffc;
  const f = getFlags(c) & ~ZF;
  if (sel === 0x30 || sel === 0x28) {
    // LAR: access rights bytes of a 64-bit user code/data descriptor; LSL: flat limit.
    const v = i.ext === 0 ? (sel === 0x30 ? 0x00a0fb00 : 0x00c0f300) : -1;
    setReg(c, i.reg, i.size, i.size === 8 && i.ext === 1 ? -1 : v, i.ext === 1 && i.size === 8 ? 0 : 0);
    setFlags(c, f | ZF);
  } else setFlags(c, f);
}

/** VERR/VERW Ew (0F 00 /4 /5): ZF = 1 when the segment is readable/writable from CPL 3. */
export function opVerrVerw(c: Cpu, i: Insn): void {
  const sel = (i.isMem ? readMem(c, ea(c, i), 2) : getReg(c, i.rm, 2)) & 0xfffc;
  const ok = sel === 0x28 || (sel === 0x30 && i.ext === 4);
  setFlags(c, (getFlags(c) & ~ZF) | (ok ? ZF : 0));
}

/** XLAT (D7): AL = [rBX + AL]. */
export function opXlat(c: Cpu, i: Insn): void {
  const r = c.r;
  let a = r[7] * 4294967296 + (r[6] >>> 0) + (r[0] & 0xff);
  if (i.asize === 4) a = (r[6] >>> 0) + (r[0] & 0xff);
  if (i.seg === 1) a += c.fsBase; else if (i.seg === 2) a += c.gsBase;
  r[0] = (r[0] & ~0xff) | c.mem.read8(a);
}

/** INT1 / ICEBP (F1): a debug trap, SIGTRAP with RIP after the instruction. */
export function opInt1(c: Cpu, i: Insn): void {
  opInt3(c, i);
}
