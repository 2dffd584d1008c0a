// Control transfer and stack: JMP, Jcc, CALL, RET, LOOP/JrCXZ, PUSH, POP, LEAVE, ENTER,
// PUSHF/POPF, LAHF/SAHF, CLC/STC/CMC/CLD/STD, SYSCALL, HLT, INT (Intel SDM Vol. 2, per
// instruction; Vol. 1 §6.2–6.3 stack and procedure calls). Branch handlers end their block and
// set cpu.rip; the interpreter sets rip = next before running a block's last instruction.
import { STOP_SYSCALL, type Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { CF, cond, DF, getFlags, materialize, setFlags } from '../flags.js';
import { getReg, getSp, pop64, push64, readMem, setReg, setSp, writeMem } from './operand.js';
import { raiseGP } from './traps.js';

/** JMP Jb/Jz (EB, E9). */
export function opJmpJz(c: Cpu, i: Insn): void {
  c.rip = i.target;
}

/** Jcc Jb/Jz (70+cc, 0F 80+cc). */
export function opJccJz(c: Cpu, i: Insn): void {
  if (cond(c, i.ext)) c.rip = i.target;
}

/** JMP Ev (FF /4): 64-bit target. */
export function opJmpEv(c: Cpu, i: Insn): void {
  const lo = i.isMem ? c.mem.read64(ea(c, i)) : c.r[2 * i.rm];
  const hi = i.isMem ? c.mem.hi : c.r[2 * i.rm + 1];
  c.rip = hi * 4294967296 + (lo >>> 0);
}

/** CALL Jz (E8). */
export function opCallJz(c: Cpu, i: Insn): void {
  const n = i.next;
  push64(c, n | 0, Math.floor(n / 4294967296));
  c.rip = i.target;
}

/** CALL Ev (FF /2). */
export function opCallEv(c: Cpu, i: Insn): void {
  const lo = i.isMem ? c.mem.read64(ea(c, i)) : c.r[2 * i.rm];
  const hi = i.isMem ? c.mem.hi : c.r[2 * i.rm + 1];
  const n = i.next;
  push64(c, n | 0, Math.floor(n / 4294967296));
  c.rip = hi * 4294967296 + (lo >>> 0);
}

/** RET / RET Iw (C3, C2). */
export function opRet(c: Cpu, i: Insn): void {
  const lo = pop64(c);
  c.rip = c.hi * 4294967296 + (lo >>> 0);
  if (i.imm !== 0) setSp(c, getSp(c) + (i.imm & 0xffff));
}

/** LOOP/LOOPE/LOOPNE Jb (E2, E1, E0): ext 0 = loop, 1 = loope, 2 = loopne. */
export function opLoop(c: Cpu, i: Insn): void {
  const r = c.r;
  let zero: boolean;
  if (i.asize === 4) { r[2] = (r[2] - 1) | 0; r[3] = 0; zero = r[2] === 0; }
  else {
    if (r[2] === 0) r[3] = (r[3] - 1) | 0;
    r[2] = (r[2] - 1) | 0;
    zero = r[2] === 0 && r[3] === 0;
  }
  if (zero) return;
  if (i.ext === 1 && !cond(c, 4)) return;
  if (i.ext === 2 && !cond(c, 5)) return;
  c.rip = i.target;
}

/** JrCXZ Jb (E3). */
export function opJrcxz(c: Cpu, i: Insn): void {
  const r = c.r;
  if (r[2] === 0 && (i.asize === 4 || r[3] === 0)) c.rip = i.target;
}

/** PUSH Zv (50+r) and PUSH Ev (FF /6); 16-bit with 66. */
export function opPushZv(c: Cpu, i: Insn): void {
  const r = c.r;
  if (i.size === 8) { push64(c, r[2 * i.reg], r[2 * i.reg + 1]); return; }
  const sp = getSp(c) - 2;
  c.mem.write16(sp, r[2 * i.reg]);
  setSp(c, sp);
}

/** PUSH Ev (FF /6). */
export function opPushEv(c: Cpu, i: Insn): void {
  if (i.size === 8) {
    const lo = i.isMem ? c.mem.read64(ea(c, i)) : c.r[2 * i.rm];
    const hi = i.isMem ? c.mem.hi : c.r[2 * i.rm + 1];
    push64(c, lo, hi);
    return;
  }
  const v = i.isMem ? readMem(c, ea(c, i), 2) : getReg(c, i.rm, 2);
  const sp = getSp(c) - 2;
  c.mem.write16(sp, v);
  setSp(c, sp);
}

/** PUSH Iz / Ib (68, 6A): sign-extended to 64 bits. */
export function opPushIz(c: Cpu, i: Insn): void {
  if (i.size === 8) { push64(c, i.imm, i.imm >> 31); return; }
  const sp = getSp(c) - 2;
  c.mem.write16(sp, i.imm);
  setSp(c, sp);
}

/** POP Zv (58+r). */
export function opPopZv(c: Cpu, i: Insn): void {
  if (i.size === 8) {
    const lo = pop64(c);
    c.r[2 * i.reg] = lo;
    c.r[2 * i.reg + 1] = c.hi;
    return;
  }
  const sp = getSp(c);
  const v = c.mem.read16(sp);
  setSp(c, sp + 2);
  setReg(c, i.reg, 2, v, 0);
}

/** POP Ev (8F /0): RSP is incremented before the address is computed (SDM "POP"). */
export function opPopEv(c: Cpu, i: Insn): void {
  const s = i.size;
  const sp = getSp(c);
  const lo = s === 8 ? c.mem.read64(sp) : c.mem.read16(sp);
  const hi = s === 8 ? c.mem.hi : 0;
  setSp(c, sp + s);
  if (i.isMem) writeMem(c, ea(c, i), s, lo, hi);
  else setReg(c, i.rm, s, lo, hi);
}

/** LEAVE (C9): RSP = RBP; pop RBP. */
export function opLeave(c: Cpu, _i: Insn): void {
  const r = c.r;
  r[8] = r[10];
  r[9] = r[11];
  const lo = pop64(c);
  r[10] = lo;
  r[11] = c.hi;
}

/** ENTER Iw,Ib (C8): frame of imm bytes, nesting level imm2 (mod 32). */
export function opEnter(c: Cpu, i: Insn): void {
  const r = c.r;
  const level = i.imm2 & 31;
  push64(c, r[10], r[11]);
  const frame = getSp(c);
  let bp = r[11] * 4294967296 + (r[10] >>> 0);
  for (let k = 1; k < level; k++) {
    bp -= 8;
    const lo = c.mem.read64(bp);
    push64(c, lo, c.mem.hi);
  }
  if (level > 0) push64(c, frame | 0, Math.floor(frame / 4294967296));
  r[10] = frame | 0;
  r[11] = Math.floor(frame / 4294967296) | 0;
  setSp(c, getSp(c) - (i.imm & 0xffff));
}

/** PUSHF (9C): RF and VM read as 0. */
export function opPushf(c: Cpu, i: Insn): void {
  const f = getFlags(c) & 0xfcffff;
  if (i.size === 8) push64(c, f, 0);
  else { const sp = getSp(c) - 2; c.mem.write16(sp, f); setSp(c, sp); }
}

/** POPF (9D): user mode can change only CF PF AF ZF SF TF DF OF AC ID (SDM "POPF"). */
export function opPopf(c: Cpu, i: Insn): void {
  let v: number;
  if (i.size === 8) v = pop64(c);
  else { const sp = getSp(c); v = c.mem.read16(sp); setSp(c, sp + 2); }
  const keep = getFlags(c) & ~0x254dd5;
  setFlags(c, keep | (v & 0x254dd5));
}

/** LAHF (9F): AH = SF:ZF:0:AF:0:PF:1:CF. */
export function opLahf(c: Cpu, _i: Insn): void {
  const f = getFlags(c) & 0xd5 | 2;
  c.r[0] = (c.r[0] & ~0xff00) | (f << 8);
}

/** SAHF (9E): SF ZF AF PF CF from AH. */
export function opSahf(c: Cpu, _i: Insn): void {
  const ah = (c.r[0] >> 8) & 0xd5;
  setFlags(c, (getFlags(c) & ~0xd5) | ah);
}

/** CLC/STC/CMC/CLD/STD (F8, F9, F5, FC, FD); ext selects. */
export function opFlagOp(c: Cpu, i: Insn): void {
  materialize(c);
  switch (i.ext) {
    case 0: c.fBits &= ~CF; break;
    case 1: c.fBits |= CF; break;
    case 2: c.fBits ^= CF; break;
    case 3: c.fBits &= ~DF; break;
    default: c.fBits |= DF;
  }
}

/** SYSCALL (0F 05): RCX = next RIP, R11 = RFLAGS; the kernel takes over (SDM "SYSCALL"). */
export function opSyscall(c: Cpu, i: Insn): void {
  const r = c.r;
  r[2] = i.next | 0;
  r[3] = Math.floor(i.next / 4294967296) | 0;
  r[22] = getFlags(c) | 0;
  r[23] = 0;
  if (c.sysHook !== null && c.sysHook(c)) return;
  c.stop = STOP_SYSCALL;
}

/** HLT, CLI, STI, IN/OUT, INT n, privileged forms in user mode: #GP → SIGSEGV. */
export function opPrivileged(c: Cpu, i: Insn): void {
  raiseGP(c, i);
}

/** NOP, hint NOPs (0F 1F, 0F 18-1E), PAUSE, ENDBR64, fences: no architectural effect. */
export function opNop(_c: Cpu, _i: Insn): void {}
