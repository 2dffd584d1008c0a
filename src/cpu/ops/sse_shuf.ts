// SSE2/SSSE3/SSE4.1 shuffles, packs, unpacks, blends, inserts and extracts (Intel SDM Vol. 2
// PACKSSWB…PACKUSDW, PUNPCKxxx, PSHUFD/PSHUFLW/PSHUFHW, PSHUFB, PALIGNR, PINSRx/PEXTRx, EXTRACTPS,
// INSERTPS, BLENDPS/PD, BLENDVPS/PD, PBLENDVB, PBLENDW, PMOVSX/PMOVZX). Results are composed in the
// scratch T and stored once, so a source that is also the destination is read before it changes.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { getReg, setReg } from './operand.js';
import {
  S, SU8, SI8, SU16, SI16, T, TU8, TU16, DU8, loadW, loadW16, loadW32, loadW64, loadD, storeX,
} from './sse_operand.js';

// ---- packs ----------------------------------------------------------------------------------

function satSB(v: number): number { return v > 127 ? 127 : v < -128 ? -128 : v; }
function satUB(v: number): number { return v > 255 ? 255 : v < 0 ? 0 : v; }
function satSW(v: number): number { return v > 32767 ? 32767 : v < -32768 ? -32768 : v; }
function satUW(v: number): number { return v > 65535 ? 65535 : v < 0 ? 0 : v; }

function packWB(c: Cpu, i: Insn, unsigned: boolean): void {
  loadW(c, i);
  const u = c.xmmU16;
  const d = i.reg << 4;
  for (let k = 0; k < 8; k++) {
    const a = (u[d + k] << 16) >> 16;
    TU8[k] = unsigned ? satUB(a) : satSB(a);
    TU8[k + 8] = unsigned ? satUB(SI16[k]) : satSB(SI16[k]);
  }
  storeX(c, i.reg, T);
}

function packDW(c: Cpu, i: Insn, unsigned: boolean): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) {
    TU16[k] = unsigned ? satUW(x[d + k]) : satSW(x[d + k]);
    TU16[k + 4] = unsigned ? satUW(S[k]) : satSW(S[k]);
  }
  storeX(c, i.reg, T);
}

/** PACKSSWB xmm1, xmm2/m128. */
export function opPacksswbVdqWdq(c: Cpu, i: Insn): void { packWB(c, i, false); }
/** PACKUSWB xmm1, xmm2/m128. */
export function opPackuswbVdqWdq(c: Cpu, i: Insn): void { packWB(c, i, true); }
/** PACKSSDW xmm1, xmm2/m128. */
export function opPackssdwVdqWdq(c: Cpu, i: Insn): void { packDW(c, i, false); }
/** PACKUSDW xmm1, xmm2/m128 (SSE4.1). */
export function opPackusdwVdqWdq(c: Cpu, i: Insn): void { packDW(c, i, true); }

// ---- unpacks --------------------------------------------------------------------------------

/** Interleaves lanes of width w bytes from the low (hi = 0) or high (hi = 8) half of dst and src. */
function unpack(c: Cpu, i: Insn, w: number, hi: number): void {
  loadW(c, i);
  const u = c.xmmU8;
  const d = (i.reg << 5) + hi;
  let o = 0;
  for (let k = 0; k < 8; k += w) {
    for (let b = 0; b < w; b++) TU8[o++] = u[d + k + b];
    for (let b = 0; b < w; b++) TU8[o++] = SU8[hi + k + b];
  }
  storeX(c, i.reg, T);
}

/** PUNPCKLBW. */
export function opPunpcklbwVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 1, 0); }
/** PUNPCKLWD. */
export function opPunpcklwdVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 2, 0); }
/** PUNPCKLDQ. */
export function opPunpckldqVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 4, 0); }
/** PUNPCKLQDQ. */
export function opPunpcklqdqVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 8, 0); }
/** PUNPCKHBW. */
export function opPunpckhbwVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 1, 8); }
/** PUNPCKHWD. */
export function opPunpckhwdVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 2, 8); }
/** PUNPCKHDQ. */
export function opPunpckhdqVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 4, 8); }
/** PUNPCKHQDQ. */
export function opPunpckhqdqVdqWdq(c: Cpu, i: Insn): void { unpack(c, i, 8, 8); }

// ---- shuffles -------------------------------------------------------------------------------

/** PSHUFD xmm1, xmm2/m128, imm8. */
export function opPshufdVdqWdqIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const m = i.imm;
  T[0] = S[m & 3]; T[1] = S[(m >> 2) & 3]; T[2] = S[(m >> 4) & 3]; T[3] = S[(m >> 6) & 3];
  storeX(c, i.reg, T);
}

/** PSHUFLW xmm1, xmm2/m128, imm8: shuffles words 0-3, copies the high qword. */
export function opPshuflwVdqWdqIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const m = i.imm;
  for (let k = 0; k < 4; k++) TU16[k] = SU16[(m >> (2 * k)) & 3];
  T[2] = S[2]; T[3] = S[3];
  storeX(c, i.reg, T);
}

/** PSHUFHW xmm1, xmm2/m128, imm8: shuffles words 4-7, copies the low qword. */
export function opPshufhwVdqWdqIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const m = i.imm;
  for (let k = 0; k < 4; k++) TU16[4 + k] = SU16[4 + ((m >> (2 * k)) & 3)];
  T[0] = S[0]; T[1] = S[1];
  storeX(c, i.reg, T);
}

/** PSHUFB xmm1, xmm2/m128 (SSSE3): byte k ← dst[src[k] & 15], or 0 when src[k] bit 7 is set. */
export function opPshufbVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  loadD(c, i.reg);
  for (let k = 0; k < 16; k++) {
    const s = SU8[k];
    TU8[k] = s & 0x80 ? 0 : DU8[s & 15];
  }
  storeX(c, i.reg, T);
}

/** PALIGNR xmm1, xmm2/m128, imm8 (SSSE3): (xmm1:src) >> (imm8 * 8), low 16 bytes. */
export function opPalignrVdqWdqIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  loadD(c, i.reg);
  const n = i.imm & 0xff;
  for (let k = 0; k < 16; k++) {
    const j = k + n;
    TU8[k] = j < 16 ? SU8[j] : j < 32 ? DU8[j - 16] : 0;
  }
  storeX(c, i.reg, T);
}

// ---- word/byte/dword/qword insert and extract ----------------------------------------------

/** PINSRW xmm, r32/m16, imm8. */
export function opPinsrwVdqEwIb(c: Cpu, i: Insn): void {
  const v = i.isMem ? c.mem.read16(ea(c, i)) : c.r[2 * i.rm];
  c.xmmU16[(i.reg << 4) + (i.imm & 7)] = v;
}

/** PEXTRW r32, xmm, imm8 (66 0F C5): zero-extended into the full register. */
export function opPextrwGdUdqIb(c: Cpu, i: Insn): void {
  setReg(c, i.reg, 4, c.xmmU16[(i.rm << 4) + (i.imm & 7)], 0);
}

/** PEXTRW r32/m16, xmm, imm8 (SSE4.1, 66 0F 3A 15). */
export function opPextrwEwVdqIb(c: Cpu, i: Insn): void {
  const v = c.xmmU16[(i.reg << 4) + (i.imm & 7)];
  if (i.isMem) c.mem.write16(ea(c, i), v); else setReg(c, i.rm, 4, v, 0);
}

/** PEXTRB r32/m8, xmm, imm8 (SSE4.1). */
export function opPextrbEbVdqIb(c: Cpu, i: Insn): void {
  const v = c.xmmU8[(i.reg << 5) + (i.imm & 15)];
  if (i.isMem) c.mem.write8(ea(c, i), v); else setReg(c, i.rm, 4, v, 0);
}

/** PEXTRD r/m32, xmm, imm8 / PEXTRQ r/m64, xmm, imm8 (REX.W) (SSE4.1). */
export function opPextrdEyVdqIb(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  if (i.rex & 8) {
    const o = d + ((i.imm & 1) << 1);
    if (i.isMem) c.mem.write64(ea(c, i), x[o], x[o + 1]); else setReg(c, i.rm, 8, x[o], x[o + 1]);
  } else {
    const v = x[d + (i.imm & 3)];
    if (i.isMem) c.mem.write32(ea(c, i), v); else setReg(c, i.rm, 4, v, 0);
  }
}

/** EXTRACTPS r/m32, xmm, imm8 (SSE4.1): a register destination is zero-extended. */
export function opExtractpsEdVpsIb(c: Cpu, i: Insn): void {
  const v = c.xmm[(i.reg << 3) + (i.imm & 3)];
  if (i.isMem) c.mem.write32(ea(c, i), v); else setReg(c, i.rm, 4, v, 0);
}

/** PINSRB xmm, r32/m8, imm8 (SSE4.1). */
export function opPinsrbVdqEbIb(c: Cpu, i: Insn): void {
  const v = i.isMem ? c.mem.read8(ea(c, i)) : c.r[2 * i.rm];
  c.xmmU8[(i.reg << 5) + (i.imm & 15)] = v;
}

/** PINSRD xmm, r/m32, imm8 / PINSRQ xmm, r/m64, imm8 (REX.W) (SSE4.1). */
export function opPinsrdVdqEyIb(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const d = i.reg << 3;
  if (i.rex & 8) {
    let lo: number;
    let hi: number;
    if (i.isMem) { lo = c.mem.read64(ea(c, i)); hi = c.mem.hi; } else { lo = getReg(c, i.rm, 8); hi = c.hi; }
    const o = d + ((i.imm & 1) << 1);
    x[o] = lo; x[o + 1] = hi;
  } else {
    x[d + (i.imm & 3)] = i.isMem ? c.mem.read32(ea(c, i)) : c.r[2 * i.rm];
  }
}

/** INSERTPS xmm1, xmm2/m32, imm8 (SSE4.1): imm[7:6] source lane (register form), [5:4] target, [3:0] zero mask. */
export function opInsertpsVpsWssIb(c: Cpu, i: Insn): void {
  const m = i.imm;
  const v = i.isMem ? c.mem.read32(ea(c, i)) : c.xmm[(i.rm << 3) + ((m >> 6) & 3)];
  const x = c.xmm;
  const d = i.reg << 3;
  x[d + ((m >> 4) & 3)] = v;
  for (let k = 0; k < 4; k++) if (m & (1 << k)) x[d + k] = 0;
}

// ---- blends ---------------------------------------------------------------------------------

/** BLENDPS xmm1, xmm2/m128, imm8 (SSE4.1). */
export function opBlendpsVpsWpsIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) if (i.imm & (1 << k)) c.xmm[d + k] = S[k];
}

/** BLENDPD xmm1, xmm2/m128, imm8 (SSE4.1). */
export function opBlendpdVpdWpdIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 3;
  if (i.imm & 1) { c.xmm[d] = S[0]; c.xmm[d + 1] = S[1]; }
  if (i.imm & 2) { c.xmm[d + 2] = S[2]; c.xmm[d + 3] = S[3]; }
}

/** PBLENDW xmm1, xmm2/m128, imm8 (SSE4.1). */
export function opPblendwVdqWdqIb(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 4;
  for (let k = 0; k < 8; k++) if (i.imm & (1 << k)) c.xmmU16[d + k] = SU16[k];
}

/** BLENDVPS xmm1, xmm2/m128, <XMM0> (SSE4.1): lanes whose XMM0 sign bit is set come from the source. */
export function opBlendvpsVpsWps(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) if (x[k] < 0) x[d + k] = S[k];
}

/** BLENDVPD xmm1, xmm2/m128, <XMM0> (SSE4.1). */
export function opBlendvpdVpdWpd(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const m0 = x[1] < 0;
  const m1 = x[3] < 0;
  if (m0) { x[d] = S[0]; x[d + 1] = S[1]; }
  if (m1) { x[d + 2] = S[2]; x[d + 3] = S[3]; }
}

/** PBLENDVB xmm1, xmm2/m128, <XMM0> (SSE4.1). */
export function opPblendvbVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU8;
  const d = i.reg << 5;
  for (let k = 0; k < 16; k++) if (u[k] & 0x80) u[d + k] = SU8[k];
}

// ---- PMOVSX / PMOVZX (SSE4.1; memory sources are m64/m32/m16, no alignment) -----------------

/** Loads the narrow source of a PMOVxX form: n bytes from memory or the low bytes of an XMM. */
function loadNarrow(c: Cpu, i: Insn, n: number): void {
  if (n === 8) loadW64(c, i); else if (n === 4) loadW32(c, i); else loadW16(c, i);
}

/** Widens lanes of `from` bytes to `to` bytes, signed or unsigned, count = 16 / to lanes. */
function widen(c: Cpu, i: Insn, from: number, to: number, signed: boolean): void {
  const lanes = 16 / to;
  loadNarrow(c, i, lanes * from);
  for (let k = 0; k < lanes; k++) {
    let v: number;
    if (from === 1) v = signed ? SI8[k] : SU8[k];
    else if (from === 2) v = signed ? SI16[k] : SU16[k];
    else v = S[k];
    if (to === 2) TU16[k] = v;
    else if (to === 4) T[k] = v;
    else { T[2 * k] = v; T[2 * k + 1] = signed && v < 0 ? -1 : 0; }
  }
  storeX(c, i.reg, T);
}

/** PMOVSXBW xmm1, xmm2/m64. */
export function opPmovsxbwVdqWq(c: Cpu, i: Insn): void { widen(c, i, 1, 2, true); }
/** PMOVSXBD xmm1, xmm2/m32. */
export function opPmovsxbdVdqWd(c: Cpu, i: Insn): void { widen(c, i, 1, 4, true); }
/** PMOVSXBQ xmm1, xmm2/m16. */
export function opPmovsxbqVdqWw(c: Cpu, i: Insn): void { widen(c, i, 1, 8, true); }
/** PMOVSXWD xmm1, xmm2/m64. */
export function opPmovsxwdVdqWq(c: Cpu, i: Insn): void { widen(c, i, 2, 4, true); }
/** PMOVSXWQ xmm1, xmm2/m32. */
export function opPmovsxwqVdqWd(c: Cpu, i: Insn): void { widen(c, i, 2, 8, true); }
/** PMOVSXDQ xmm1, xmm2/m64. */
export function opPmovsxdqVdqWq(c: Cpu, i: Insn): void { widen(c, i, 4, 8, true); }
/** PMOVZXBW xmm1, xmm2/m64. */
export function opPmovzxbwVdqWq(c: Cpu, i: Insn): void { widen(c, i, 1, 2, false); }
/** PMOVZXBD xmm1, xmm2/m32. */
export function opPmovzxbdVdqWd(c: Cpu, i: Insn): void { widen(c, i, 1, 4, false); }
/** PMOVZXBQ xmm1, xmm2/m16. */
export function opPmovzxbqVdqWw(c: Cpu, i: Insn): void { widen(c, i, 1, 8, false); }
/** PMOVZXWD xmm1, xmm2/m64. */
export function opPmovzxwdVdqWq(c: Cpu, i: Insn): void { widen(c, i, 2, 4, false); }
/** PMOVZXWQ xmm1, xmm2/m32. */
export function opPmovzxwqVdqWd(c: Cpu, i: Insn): void { widen(c, i, 2, 8, false); }
/** PMOVZXDQ xmm1, xmm2/m64. */
export function opPmovzxdqVdqWq(c: Cpu, i: Insn): void { widen(c, i, 4, 8, false); }
