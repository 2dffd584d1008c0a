// SSE/SSE2/SSE3/SSE4.1 data movement (Intel SDM Vol. 2 MOVAPS…MOVSHDUP, UNPCKxPS/PD, SHUFPS/PD,
// MOVD/MOVQ, MOVMSKPS/PD, PMOVMSKB, MASKMOVDQU, LDMXCSR/STMXCSR, fences, PREFETCHh). Moves copy
// int32 lanes, never floats, so NaN payloads survive. MOVAPS/MOVDQA/MOVNT* and other m128
// operands need 16-byte alignment (#GP → SIGSEGV); MOVU*, LDDQU and the m32/m64 forms do not.
import type { Cpu } from '../state.js';
import { ea, SEG_FS, SEG_GS, type Insn } from '../decode/insn.js';
import { getReg, setReg } from './operand.js';
import { raiseSegv } from './traps.js';
import {
  S, T, loadW, loadWU, loadW64, write128, storeX, checkAlign16,
} from './sse_operand.js';

/**
 * MXCSR bits that may be set (MXCSR_MASK 0xFFFF: FZ, RC, masks, DAZ, flags).
 * DIVERGES: AMD's misaligned-SSE mode bit (MM, bit 17; the host's mask is 0x2FFFF) is not offered.
 */
const MXCSR_MASK = 0xffff;

// ---- full 128-bit moves ---------------------------------------------------------------------

function loadFull(c: Cpu, i: Insn, aligned: boolean): void {
  const x = c.xmm;
  const o = i.reg << 3;
  if (!i.isMem) {
    const r = i.rm << 3;
    x[o] = x[r]; x[o + 1] = x[r + 1]; x[o + 2] = x[r + 2]; x[o + 3] = x[r + 3];
    return;
  }
  if (aligned) loadW(c, i); else loadWU(c, i);
  x[o] = S[0]; x[o + 1] = S[1]; x[o + 2] = S[2]; x[o + 3] = S[3];
}

function storeFull(c: Cpu, i: Insn, aligned: boolean): void {
  const x = c.xmm;
  const o = i.reg << 3;
  if (i.isMem) {
    const a = ea(c, i);
    if (aligned) checkAlign16(c, i, a);
    write128(c, a, x, o);
  } else {
    const r = i.rm << 3;
    x[r] = x[o]; x[r + 1] = x[o + 1]; x[r + 2] = x[o + 2]; x[r + 3] = x[o + 3];
  }
}

/** MOVUPS xmm1, xmm2/m128. */
export function opMovupsVpsWps(c: Cpu, i: Insn): void { loadFull(c, i, false); }
/** MOVUPS xmm2/m128, xmm1. */
export function opMovupsWpsVps(c: Cpu, i: Insn): void { storeFull(c, i, false); }
/** MOVUPD xmm1, xmm2/m128. */
export function opMovupdVpdWpd(c: Cpu, i: Insn): void { loadFull(c, i, false); }
/** MOVUPD xmm2/m128, xmm1. */
export function opMovupdWpdVpd(c: Cpu, i: Insn): void { storeFull(c, i, false); }
/** MOVDQU xmm1, xmm2/m128. */
export function opMovdquVdqWdq(c: Cpu, i: Insn): void { loadFull(c, i, false); }
/** MOVDQU xmm2/m128, xmm1. */
export function opMovdquWdqVdq(c: Cpu, i: Insn): void { storeFull(c, i, false); }
/** LDDQU xmm1, m128 (SSE3; never faults on alignment). */
export function opLddquVdqMdq(c: Cpu, i: Insn): void { loadFull(c, i, false); }
/** MOVAPS xmm1, xmm2/m128. */
export function opMovapsVpsWps(c: Cpu, i: Insn): void { loadFull(c, i, true); }
/** MOVAPS xmm2/m128, xmm1. */
export function opMovapsWpsVps(c: Cpu, i: Insn): void { storeFull(c, i, true); }
/** MOVAPD xmm1, xmm2/m128. */
export function opMovapdVpdWpd(c: Cpu, i: Insn): void { loadFull(c, i, true); }
/** MOVAPD xmm2/m128, xmm1. */
export function opMovapdWpdVpd(c: Cpu, i: Insn): void { storeFull(c, i, true); }
/** MOVDQA xmm1, xmm2/m128. */
export function opMovdqaVdqWdq(c: Cpu, i: Insn): void { loadFull(c, i, true); }
/** MOVDQA xmm2/m128, xmm1. */
export function opMovdqaWdqVdq(c: Cpu, i: Insn): void { storeFull(c, i, true); }
/** MOVNTPS m128, xmm1 (the non-temporal hint is irrelevant here). */
export function opMovntpsMpsVps(c: Cpu, i: Insn): void { storeFull(c, i, true); }
/** MOVNTPD m128, xmm1. */
export function opMovntpdMpdVpd(c: Cpu, i: Insn): void { storeFull(c, i, true); }
/** MOVNTDQ m128, xmm1. */
export function opMovntdqMdqVdq(c: Cpu, i: Insn): void { storeFull(c, i, true); }
/** MOVNTDQA xmm1, m128 (SSE4.1). */
export function opMovntdqaVdqMdq(c: Cpu, i: Insn): void { loadFull(c, i, true); }

/** MOVNTI m32/m64, r32/r64 (REX.W). */
export function opMovntiMyGy(c: Cpu, i: Insn): void {
  const a = ea(c, i);
  if (i.rex & 8) {
    const lo = getReg(c, i.reg, 8);
    c.mem.write64(a, lo, c.hi);
  } else {
    c.mem.write32(a, c.r[2 * i.reg]);
  }
}

// ---- scalar moves ---------------------------------------------------------------------------

/** MOVSS xmm1, xmm2/m32: a register source merges lane 0; a memory load zeroes lanes 1-3. */
export function opMovssVssWss(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  if (i.isMem) {
    x[d] = c.mem.read32(ea(c, i));
    x[d + 1] = 0; x[d + 2] = 0; x[d + 3] = 0;
  } else {
    x[d] = x[i.rm << 3];
  }
}

/** MOVSS xmm2/m32, xmm1. */
export function opMovssWssVss(c: Cpu, i: Insn): void {
  const x = c.xmm;
  if (i.isMem) c.mem.write32(ea(c, i), x[i.reg << 3]);
  else x[i.rm << 3] = x[i.reg << 3];
}

/** MOVSD xmm1, xmm2/m64: a register source merges the low qword; a memory load zeroes the high qword. */
export function opMovsdVsdWsd(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  if (i.isMem) {
    x[d] = c.mem.read64(ea(c, i));
    x[d + 1] = c.mem.hi;
    x[d + 2] = 0; x[d + 3] = 0;
  } else {
    const s = i.rm << 3;
    x[d] = x[s]; x[d + 1] = x[s + 1];
  }
}

/** MOVSD xmm2/m64, xmm1. */
export function opMovsdWsdVsd(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const o = i.reg << 3;
  if (i.isMem) c.mem.write64(ea(c, i), x[o], x[o + 1]);
  else { const r = i.rm << 3; x[r] = x[o]; x[r + 1] = x[o + 1]; }
}

/** MOVQ xmm1, xmm2/m64 (F3 0F 7E): low qword, high qword zeroed. */
export function opMovqVqWq(c: Cpu, i: Insn): void {
  loadW64(c, i);
  storeX(c, i.reg, S);
}

/** MOVQ xmm2/m64, xmm1 (66 0F D6): a register destination gets its high qword zeroed. */
export function opMovqWqVq(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const o = i.reg << 3;
  if (i.isMem) { c.mem.write64(ea(c, i), x[o], x[o + 1]); return; }
  const r = i.rm << 3;
  x[r] = x[o]; x[r + 1] = x[o + 1]; x[r + 2] = 0; x[r + 3] = 0;
}

/** MOVD/MOVQ xmm, r/m32|r/m64 (66 [REX.W] 0F 6E): zero-extends to 128 bits. */
export function opMovdVyEy(c: Cpu, i: Insn): void {
  const w = (i.rex & 8) !== 0;
  let lo: number;
  let hi = 0;
  if (i.isMem) {
    const a = ea(c, i);
    if (w) { lo = c.mem.read64(a); hi = c.mem.hi; } else lo = c.mem.read32(a);
  } else {
    lo = getReg(c, i.rm, w ? 8 : 4);
    hi = c.hi;
  }
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = lo; x[d + 1] = hi; x[d + 2] = 0; x[d + 3] = 0;
}

/** MOVD/MOVQ r/m32|r/m64, xmm (66 [REX.W] 0F 7E): a 32-bit register write zero-extends. */
export function opMovdEyVy(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const o = i.reg << 3;
  const w = (i.rex & 8) !== 0;
  if (i.isMem) {
    const a = ea(c, i);
    if (w) c.mem.write64(a, x[o], x[o + 1]); else c.mem.write32(a, x[o]);
  } else {
    setReg(c, i.rm, w ? 8 : 4, x[o], x[o + 1]);
  }
}

// ---- half moves -----------------------------------------------------------------------------

/** MOVLPS/MOVLPD xmm1, m64: low qword from memory, high qword kept. */
export function opMovlpsVqMq(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = c.mem.read64(ea(c, i));
  x[d + 1] = c.mem.hi;
}

/** MOVLPD xmm1, m64. */
export function opMovlpdVqMq(c: Cpu, i: Insn): void { opMovlpsVqMq(c, i); }

/** MOVHLPS xmm1, xmm2: low qword of xmm1 ← high qword of xmm2. */
export function opMovhlpsVqUq(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  const s = i.rm << 3;
  x[d] = x[s + 2]; x[d + 1] = x[s + 3];
}

/** MOVLPS/MOVLPD m64, xmm1. */
export function opMovlpsMqVq(c: Cpu, i: Insn): void {
  const o = i.reg << 3;
  c.mem.write64(ea(c, i), c.xmm[o], c.xmm[o + 1]);
}

/** MOVLPD m64, xmm1. */
export function opMovlpdMqVq(c: Cpu, i: Insn): void { opMovlpsMqVq(c, i); }

/** MOVHPS/MOVHPD xmm1, m64: high qword from memory, low qword kept. */
export function opMovhpsVqMq(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  x[d + 2] = c.mem.read64(ea(c, i));
  x[d + 3] = c.mem.hi;
}

/** MOVHPD xmm1, m64. */
export function opMovhpdVqMq(c: Cpu, i: Insn): void { opMovhpsVqMq(c, i); }

/** MOVLHPS xmm1, xmm2: high qword of xmm1 ← low qword of xmm2. */
export function opMovlhpsVqUq(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  const s = i.rm << 3;
  x[d + 2] = x[s]; x[d + 3] = x[s + 1];
}

/** MOVHPS/MOVHPD m64, xmm1: stores the high qword. */
export function opMovhpsMqVq(c: Cpu, i: Insn): void {
  const o = i.reg << 3;
  c.mem.write64(ea(c, i), c.xmm[o + 2], c.xmm[o + 3]);
}

/** MOVHPD m64, xmm1. */
export function opMovhpdMqVq(c: Cpu, i: Insn): void { opMovhpsMqVq(c, i); }

// ---- SSE3 duplicates ------------------------------------------------------------------------

/** MOVDDUP xmm1, xmm2/m64: both qwords ← low qword of the source. */
export function opMovddupVdqWq(c: Cpu, i: Insn): void {
  loadW64(c, i);
  S[2] = S[0]; S[3] = S[1];
  storeX(c, i.reg, S);
}

/** MOVSLDUP xmm1, xmm2/m128: lanes 0 0 2 2. */
export function opMovsldupVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  T[0] = S[0]; T[1] = S[0]; T[2] = S[2]; T[3] = S[2];
  storeX(c, i.reg, T);
}

/** MOVSHDUP xmm1, xmm2/m128: lanes 1 1 3 3. */
export function opMovshdupVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  T[0] = S[1]; T[1] = S[1]; T[2] = S[3]; T[3] = S[3];
  storeX(c, i.reg, T);
}

// ---- unpack and shuffle (float lanes) -------------------------------------------------------

/** UNPCKLPS xmm1, xmm2/m128: d0 s0 d1 s1. */
export function opUnpcklpsVpsWps(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d + 3] = S[1]; x[d + 2] = x[d + 1]; x[d + 1] = S[0];
}

/** UNPCKHPS xmm1, xmm2/m128: d2 s2 d3 s3. */
export function opUnpckhpsVpsWps(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = x[d + 2]; x[d + 1] = S[2]; x[d + 2] = x[d + 3]; x[d + 3] = S[3];
}

/** UNPCKLPD xmm1, xmm2/m128: d.lo s.lo. */
export function opUnpcklpdVpdWpd(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d + 2] = S[0]; x[d + 3] = S[1];
}

/** UNPCKHPD xmm1, xmm2/m128: d.hi s.hi. */
export function opUnpckhpdVpdWpd(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = x[d + 2]; x[d + 1] = x[d + 3]; x[d + 2] = S[2]; x[d + 3] = S[3];
}

/** SHUFPS xmm1, xmm2/m128, imm8: two lanes picked from xmm1, two from the source. */
export function opShufpsVpsWpsIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const m = i.imm;
  T[0] = x[d + (m & 3)]; T[1] = x[d + ((m >> 2) & 3)];
  T[2] = S[(m >> 4) & 3]; T[3] = S[(m >> 6) & 3];
  storeX(c, i.reg, T);
}

/** SHUFPD xmm1, xmm2/m128, imm8. */
export function opShufpdVpdWpdIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const m = i.imm;
  const a = d + ((m & 1) << 1);
  const b = (m & 2);
  T[0] = x[a]; T[1] = x[a + 1]; T[2] = S[b]; T[3] = S[b + 1];
  storeX(c, i.reg, T);
}

// ---- sign-mask extraction -------------------------------------------------------------------

/** MOVMSKPS r32, xmm: the four sign bits (a 64-bit destination is zero-extended too). */
export function opMovmskpsGdUps(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const s = i.rm << 3;
  const v = (x[s] >>> 31) | ((x[s + 1] >>> 31) << 1) | ((x[s + 2] >>> 31) << 2) | ((x[s + 3] >>> 31) << 3);
  setReg(c, i.reg, 4, v, 0);
}

/** MOVMSKPD r32, xmm: the two sign bits. */
export function opMovmskpdGdUpd(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const s = i.rm << 3;
  setReg(c, i.reg, 4, (x[s + 1] >>> 31) | ((x[s + 3] >>> 31) << 1), 0);
}

/** PMOVMSKB r32, xmm: the sixteen byte sign bits. */
export function opPmovmskbGdUdq(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const s = i.rm << 3;
  let v = 0;
  for (let k = 3; k >= 0; k--) {
    const w = x[s + k];
    v = (v << 4) | ((w >>> 7) & 1) | ((w >>> 14) & 2) | ((w >>> 21) & 4) | ((w >>> 28) & 8);
  }
  setReg(c, i.reg, 4, v, 0);
}

/** MASKMOVDQU xmm1, xmm2: stores the bytes of xmm1 whose xmm2 mask byte has its MSB set, at [RDI]. */
export function opMaskmovdquVdqUdq(c: Cpu, i: Insn): void {
  const u8 = c.xmmU8;
  const src = i.reg << 5;
  const msk = i.rm << 5;
  let a = c.getU64(7);
  if (i.asize === 4) a = c.r[14] >>> 0;
  if (i.seg === SEG_FS) a += c.fsBase; else if (i.seg === SEG_GS) a += c.gsBase;
  for (let k = 0; k < 16; k++) if (u8[msk + k] & 0x80) c.mem.write8(a + k, u8[src + k]);
}

// ---- MXCSR, fences, prefetch ----------------------------------------------------------------

/** LDMXCSR m32: reserved bits set → #GP (SIGSEGV). */
export function opLdmxcsrMd(c: Cpu, i: Insn): void {
  const v = c.mem.read32(ea(c, i));
  if (v & ~MXCSR_MASK) raiseSegv(c, i, 0);
  c.mxcsr = v;
}

/** STMXCSR m32. */
export function opStmxcsrMd(c: Cpu, i: Insn): void {
  c.mem.write32(ea(c, i), c.mxcsr);
}

/** LFENCE, MFENCE, SFENCE: no-ops for a sequentially consistent interpreter. */
export function opFence(_c: Cpu, _i: Insn): void {}

/** PREFETCHNTA/T0/T1/T2 m8: hints only; they never fault (SDM), so the address is not touched. */
export function opPrefetchMb(_c: Cpu, _i: Insn): void {}
