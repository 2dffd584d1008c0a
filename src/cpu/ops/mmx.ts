// MMX technology (Intel SDM Vol. 1 ch. 9; Vol. 2 PADDB…PXOR, PACKSSWB…PUNPCKLDQ, PCMPEQx/PCMPGTx,
// PSLLx/PSRLx/PSRAx, PMADDWD, MOVD/MOVQ, EMMS), the SSE/SSE2 forms with MMX operands (PSHUFW,
// PINSRW, PEXTRW, PMOVMSKB, PMINUB…PSADBW, MOVNTQ, MASKMOVQ, PMULUDQ, PADDQ/PSUBQ, MOVQ2DQ,
// MOVDQ2Q, CVTPI2PS…CVTTPD2PI) and SSSE3's MMX forms (PSHUFB…PALIGNR). MMX register n is the
// 64-bit significand of x87 physical register Rn (SDM Vol. 1 §9.5, Table 9-2): every MMX
// instruction but EMMS sets TOP to 0 and tags all registers valid; one that writes MMn also sets
// Rn's sign/exponent to 0xFFFF; EMMS tags all empty. A pending unmasked x87 exception makes an
// MMX instruction raise #MF. Operands are checked and read before any state changes (precise faults).
import type { Cpu } from '../state.js';
import { ea, SEG_FS, SEG_GS, type Insn } from '../decode/insn.js';
import { SW_ES, type X87 } from '../fpu/x87_state.js';
import { raiseDE } from './traps.js';
import { getReg, setReg } from './operand.js';
import { mulHi, mulU32 } from './sse_int.js';
import { S, loadW } from './sse_operand.js';
import { RC_RZ, f32ToInt, f64ToInt, i32ToF32 } from './sse_softfp.js';

/** First operand (destination) staged as two int32 lanes, with byte/word views. */
const A = new Int32Array(2);
const AU8 = new Uint8Array(A.buffer);
const AI8 = new Int8Array(A.buffer);
const AU16 = new Uint16Array(A.buffer);
const AI16 = new Int16Array(A.buffer);
/** Second operand (mm/m64 source). */
const B = new Int32Array(2);
const BU8 = new Uint8Array(B.buffer);
const BI8 = new Int8Array(B.buffer);
const BU16 = new Uint16Array(B.buffer);
const BI16 = new Int16Array(B.buffer);
/** Out-of-place results (packs, unpacks, shuffles, horizontal ops). */
const T = new Int32Array(2);
const TU8 = new Uint8Array(T.buffer);
const TU16 = new Uint16Array(T.buffer);

// ---- x87 state sharing ------------------------------------------------------------------------

/**
 * #MF when an unmasked x87 exception is pending (SDM Vol. 2, MMX "Numeric Exceptions").
 * DIVERGES: like the x87 unit's #MF, reported with the #DE stop (SIGFPE, no FPE_FLT* code yet).
 */
export function mmxCheck(c: Cpu, i: Insn): void {
  if ((c.fpu.sw & SW_ES) !== 0) raiseDE(c, i);
}

/** The x87-to-MMX transition (SDM Vol. 1 §9.5.1): TOP = 0, all tags valid. */
export function mmxEnter(f: X87): void {
  f.top = 0;
  f.empty = 0;
}

/** Writes MMn (n = 0..7) and marks its x87 register as an MMX value (exponent field all ones). */
export function mmxWrite(f: X87, n: number, lo: number, hi: number): void {
  f.lo[n] = lo;
  f.hi[n] = hi;
  f.se[n] = 0xffff;
}

/** Loads the Q operand (MM register ModRM.rm or m64) into B. */
function loadQ(c: Cpu, i: Insn): void {
  if (i.isMem) {
    const m = c.mem;
    B[0] = m.read64(ea(c, i));
    B[1] = m.hi;
  } else {
    const p = i.rm & 7;
    B[0] = c.fpu.lo[p];
    B[1] = c.fpu.hi[p];
  }
}

/** Starts a Pq,Qq instruction: #MF check, source into B (may fault), destination into A, transition. */
function begin(c: Cpu, i: Insn): X87 {
  mmxCheck(c, i);
  loadQ(c, i);
  const f = c.fpu;
  const p = i.reg & 7;
  A[0] = f.lo[p];
  A[1] = f.hi[p];
  mmxEnter(f);
  return f;
}

/** Stores src[0..1] to the P register (ModRM.reg). */
function putP(f: X87, i: Insn, src: Int32Array): void {
  mmxWrite(f, i.reg & 7, src[0], src[1]);
}

// ---- byte lanes -----------------------------------------------------------------------------

const B_ADD = 0, B_SUB = 1, B_ADDS = 2, B_ADDUS = 3, B_SUBS = 4, B_SUBUS = 5, B_EQ = 6, B_GT = 7;
const B_MINU = 8, B_MAXU = 9, B_AVG = 10, B_ABS = 11, B_SIGN = 12;

function bytes(c: Cpu, i: Insn, op: number): void {
  const f = begin(c, i);
  let k = 0;
  switch (op) {
    case B_ADD: for (; k < 8; k++) AU8[k] += BU8[k]; break;
    case B_SUB: for (; k < 8; k++) AU8[k] -= BU8[k]; break;
    case B_ADDS: for (; k < 8; k++) { const r = AI8[k] + BI8[k]; AI8[k] = r > 127 ? 127 : r < -128 ? -128 : r; } break;
    case B_ADDUS: for (; k < 8; k++) { const r = AU8[k] + BU8[k]; AU8[k] = r > 255 ? 255 : r; } break;
    case B_SUBS: for (; k < 8; k++) { const r = AI8[k] - BI8[k]; AI8[k] = r > 127 ? 127 : r < -128 ? -128 : r; } break;
    case B_SUBUS: for (; k < 8; k++) { const r = AU8[k] - BU8[k]; AU8[k] = r < 0 ? 0 : r; } break;
    case B_EQ: for (; k < 8; k++) AU8[k] = AU8[k] === BU8[k] ? 255 : 0; break;
    case B_GT: for (; k < 8; k++) AU8[k] = AI8[k] > BI8[k] ? 255 : 0; break;
    case B_MINU: for (; k < 8; k++) if (BU8[k] < AU8[k]) AU8[k] = BU8[k]; break;
    case B_MAXU: for (; k < 8; k++) if (BU8[k] > AU8[k]) AU8[k] = BU8[k]; break;
    case B_AVG: for (; k < 8; k++) AU8[k] = (AU8[k] + BU8[k] + 1) >> 1; break;
    case B_ABS: for (; k < 8; k++) AU8[k] = BI8[k] < 0 ? -BI8[k] : BI8[k]; break;
    default: for (; k < 8; k++) { const s = BI8[k]; if (s < 0) AU8[k] = -AU8[k]; else if (s === 0) AU8[k] = 0; } // B_SIGN
  }
  putP(f, i, A);
}

/** PADDB mm, mm/m64. */
export function opPaddbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_ADD); }
/** PSUBB mm, mm/m64. */
export function opPsubbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_SUB); }
/** PADDSB mm, mm/m64. */
export function opPaddsbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_ADDS); }
/** PADDUSB mm, mm/m64. */
export function opPaddusbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_ADDUS); }
/** PSUBSB mm, mm/m64. */
export function opPsubsbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_SUBS); }
/** PSUBUSB mm, mm/m64. */
export function opPsubusbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_SUBUS); }
/** PCMPEQB mm, mm/m64. */
export function opPcmpeqbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_EQ); }
/** PCMPGTB mm, mm/m64 (signed). */
export function opPcmpgtbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_GT); }
/** PMINUB mm, mm/m64 (SSE). */
export function opPminubPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_MINU); }
/** PMAXUB mm, mm/m64 (SSE). */
export function opPmaxubPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_MAXU); }
/** PAVGB mm, mm/m64 (SSE): rounded unsigned average. */
export function opPavgbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_AVG); }
/** PABSB mm, mm/m64 (SSSE3). */
export function opPabsbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_ABS); }
/** PSIGNB mm, mm/m64 (SSSE3): negate, keep or zero by the sign of the source byte. */
export function opPsignbPqQq(c: Cpu, i: Insn): void { bytes(c, i, B_SIGN); }

/** PSADBW mm, mm/m64 (SSE): sum of absolute byte differences in the low word, the rest zero. */
export function opPsadbwPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  let s = 0;
  for (let k = 0; k < 8; k++) s += Math.abs(AU8[k] - BU8[k]);
  mmxWrite(f, i.reg & 7, s, 0);
}

// ---- word lanes -----------------------------------------------------------------------------

const W_ADD = 0, W_SUB = 1, W_ADDS = 2, W_ADDUS = 3, W_SUBS = 4, W_SUBUS = 5, W_EQ = 6, W_GT = 7;
const W_MINS = 8, W_MAXS = 9, W_AVG = 10, W_MULL = 11, W_MULH = 12, W_MULHU = 13, W_MULHRS = 14;
const W_ABS = 15, W_SIGN = 16;

function words(c: Cpu, i: Insn, op: number): void {
  const f = begin(c, i);
  let k = 0;
  switch (op) {
    case W_ADD: for (; k < 4; k++) AU16[k] += BU16[k]; break;
    case W_SUB: for (; k < 4; k++) AU16[k] -= BU16[k]; break;
    case W_ADDS: for (; k < 4; k++) { const r = AI16[k] + BI16[k]; AI16[k] = r > 32767 ? 32767 : r < -32768 ? -32768 : r; } break;
    case W_ADDUS: for (; k < 4; k++) { const r = AU16[k] + BU16[k]; AU16[k] = r > 65535 ? 65535 : r; } break;
    case W_SUBS: for (; k < 4; k++) { const r = AI16[k] - BI16[k]; AI16[k] = r > 32767 ? 32767 : r < -32768 ? -32768 : r; } break;
    case W_SUBUS: for (; k < 4; k++) { const r = AU16[k] - BU16[k]; AU16[k] = r < 0 ? 0 : r; } break;
    case W_EQ: for (; k < 4; k++) AU16[k] = AU16[k] === BU16[k] ? 0xffff : 0; break;
    case W_GT: for (; k < 4; k++) AU16[k] = AI16[k] > BI16[k] ? 0xffff : 0; break;
    case W_MINS: for (; k < 4; k++) if (BI16[k] < AI16[k]) AI16[k] = BI16[k]; break;
    case W_MAXS: for (; k < 4; k++) if (BI16[k] > AI16[k]) AI16[k] = BI16[k]; break;
    case W_AVG: for (; k < 4; k++) AU16[k] = (AU16[k] + BU16[k] + 1) >> 1; break;
    case W_MULL: for (; k < 4; k++) AU16[k] = Math.imul(AU16[k], BU16[k]); break;
    case W_MULH: for (; k < 4; k++) AU16[k] = (AI16[k] * BI16[k]) >> 16; break;
    case W_MULHU: for (; k < 4; k++) AU16[k] = (AU16[k] * BU16[k]) >>> 16; break;
    case W_MULHRS: for (; k < 4; k++) AU16[k] = (((AI16[k] * BI16[k]) >> 14) + 1) >> 1; break;
    case W_ABS: for (; k < 4; k++) AU16[k] = BI16[k] < 0 ? -BI16[k] : BI16[k]; break;
    default: for (; k < 4; k++) { const s = BI16[k]; if (s < 0) AU16[k] = -AU16[k]; else if (s === 0) AU16[k] = 0; } // W_SIGN
  }
  putP(f, i, A);
}

/** PADDW mm, mm/m64. */
export function opPaddwPqQq(c: Cpu, i: Insn): void { words(c, i, W_ADD); }
/** PSUBW mm, mm/m64. */
export function opPsubwPqQq(c: Cpu, i: Insn): void { words(c, i, W_SUB); }
/** PADDSW mm, mm/m64. */
export function opPaddswPqQq(c: Cpu, i: Insn): void { words(c, i, W_ADDS); }
/** PADDUSW mm, mm/m64. */
export function opPadduswPqQq(c: Cpu, i: Insn): void { words(c, i, W_ADDUS); }
/** PSUBSW mm, mm/m64. */
export function opPsubswPqQq(c: Cpu, i: Insn): void { words(c, i, W_SUBS); }
/** PSUBUSW mm, mm/m64. */
export function opPsubuswPqQq(c: Cpu, i: Insn): void { words(c, i, W_SUBUS); }
/** PCMPEQW mm, mm/m64. */
export function opPcmpeqwPqQq(c: Cpu, i: Insn): void { words(c, i, W_EQ); }
/** PCMPGTW mm, mm/m64 (signed). */
export function opPcmpgtwPqQq(c: Cpu, i: Insn): void { words(c, i, W_GT); }
/** PMINSW mm, mm/m64 (SSE). */
export function opPminswPqQq(c: Cpu, i: Insn): void { words(c, i, W_MINS); }
/** PMAXSW mm, mm/m64 (SSE). */
export function opPmaxswPqQq(c: Cpu, i: Insn): void { words(c, i, W_MAXS); }
/** PAVGW mm, mm/m64 (SSE). */
export function opPavgwPqQq(c: Cpu, i: Insn): void { words(c, i, W_AVG); }
/** PMULLW mm, mm/m64. */
export function opPmullwPqQq(c: Cpu, i: Insn): void { words(c, i, W_MULL); }
/** PMULHW mm, mm/m64. */
export function opPmulhwPqQq(c: Cpu, i: Insn): void { words(c, i, W_MULH); }
/** PMULHUW mm, mm/m64 (SSE). */
export function opPmulhuwPqQq(c: Cpu, i: Insn): void { words(c, i, W_MULHU); }
/** PMULHRSW mm, mm/m64 (SSSE3): rounded, scaled high half. */
export function opPmulhrswPqQq(c: Cpu, i: Insn): void { words(c, i, W_MULHRS); }
/** PABSW mm, mm/m64 (SSSE3). */
export function opPabswPqQq(c: Cpu, i: Insn): void { words(c, i, W_ABS); }
/** PSIGNW mm, mm/m64 (SSSE3). */
export function opPsignwPqQq(c: Cpu, i: Insn): void { words(c, i, W_SIGN); }

/** PMADDWD mm, mm/m64: dword k = a[2k]*b[2k] + a[2k+1]*b[2k+1] (only -2^15² * 2 wraps). */
export function opPmaddwdPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  const lo = (AI16[0] * BI16[0] + AI16[1] * BI16[1]) | 0;
  const hi = (AI16[2] * BI16[2] + AI16[3] * BI16[3]) | 0;
  mmxWrite(f, i.reg & 7, lo, hi);
}

/** PMADDUBSW mm, mm/m64 (SSSE3): unsigned dest bytes × signed source bytes, pairs summed, saturated. */
export function opPmaddubswPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  for (let k = 0; k < 4; k++) {
    const r = AU8[2 * k] * BI8[2 * k] + AU8[2 * k + 1] * BI8[2 * k + 1];
    AI16[k] = r > 32767 ? 32767 : r < -32768 ? -32768 : r;
  }
  putP(f, i, A);
}

// ---- dword and qword lanes ------------------------------------------------------------------

const D_ADD = 0, D_SUB = 1, D_EQ = 2, D_GT = 3, D_ABS = 4, D_SIGN = 5;

function dwords(c: Cpu, i: Insn, op: number): void {
  const f = begin(c, i);
  for (let k = 0; k < 2; k++) {
    const a = A[k];
    const b = B[k];
    switch (op) {
      case D_ADD: A[k] = (a + b) | 0; break;
      case D_SUB: A[k] = (a - b) | 0; break;
      case D_EQ: A[k] = a === b ? -1 : 0; break;
      case D_GT: A[k] = a > b ? -1 : 0; break;
      case D_ABS: A[k] = b < 0 ? -b | 0 : b; break;
      default: A[k] = b < 0 ? -a | 0 : b === 0 ? 0 : a; // D_SIGN
    }
  }
  putP(f, i, A);
}

/** PADDD mm, mm/m64. */
export function opPadddPqQq(c: Cpu, i: Insn): void { dwords(c, i, D_ADD); }
/** PSUBD mm, mm/m64. */
export function opPsubdPqQq(c: Cpu, i: Insn): void { dwords(c, i, D_SUB); }
/** PCMPEQD mm, mm/m64. */
export function opPcmpeqdPqQq(c: Cpu, i: Insn): void { dwords(c, i, D_EQ); }
/** PCMPGTD mm, mm/m64 (signed). */
export function opPcmpgtdPqQq(c: Cpu, i: Insn): void { dwords(c, i, D_GT); }
/** PABSD mm, mm/m64 (SSSE3). */
export function opPabsdPqQq(c: Cpu, i: Insn): void { dwords(c, i, D_ABS); }
/** PSIGND mm, mm/m64 (SSSE3). */
export function opPsigndPqQq(c: Cpu, i: Insn): void { dwords(c, i, D_SIGN); }

/** PADDQ mm, mm/m64 (SSE2). */
export function opPaddqPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  const lo = (A[0] >>> 0) + (B[0] >>> 0);
  mmxWrite(f, i.reg & 7, lo | 0, (A[1] + B[1] + (lo > 0xffffffff ? 1 : 0)) | 0);
}

/** PSUBQ mm, mm/m64 (SSE2). */
export function opPsubqPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  const borrow = (A[0] >>> 0) < (B[0] >>> 0) ? 1 : 0;
  mmxWrite(f, i.reg & 7, (A[0] - B[0]) | 0, (A[1] - B[1] - borrow) | 0);
}

/** PMULUDQ mm, mm/m64 (SSE2): unsigned low dwords → 64-bit product. */
export function opPmuludqPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  const lo = mulU32(A[0], B[0]);
  mmxWrite(f, i.reg & 7, lo, mulHi());
}

/** PAND mm, mm/m64. */
export function opPandPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  mmxWrite(f, i.reg & 7, A[0] & B[0], A[1] & B[1]);
}

/** PANDN mm, mm/m64: ~dest & src. */
export function opPandnPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  mmxWrite(f, i.reg & 7, ~A[0] & B[0], ~A[1] & B[1]);
}

/** POR mm, mm/m64. */
export function opPorPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  mmxWrite(f, i.reg & 7, A[0] | B[0], A[1] | B[1]);
}

/** PXOR mm, mm/m64. */
export function opPxorPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  mmxWrite(f, i.reg & 7, A[0] ^ B[0], A[1] ^ B[1]);
}

// ---- shifts -----------------------------------------------------------------------------------

/** Shift count from B as an unsigned 64-bit value, saturated to 255 (every lane width is < 255). */
function countB(): number {
  return B[1] !== 0 || (B[0] >>> 0) > 255 ? 255 : B[0];
}

const SH_LL = 0, SH_RL = 1, SH_RA = 2;

/** Shifts A's lanes of `width` bits by n (SDM: a count past the width zeroes, or sign-fills for SRA). */
function shift(width: number, kind: number, n: number): void {
  if (width === 64) {
    const lo = A[0], hi = A[1];
    if (n >= 64) { A[0] = 0; A[1] = 0; return; }
    if (n === 0) return;
    if (kind === SH_LL) {
      if (n >= 32) { A[1] = lo << (n - 32); A[0] = 0; } else { A[1] = (hi << n) | (lo >>> (32 - n)); A[0] = lo << n; }
    } else if (n >= 32) { A[0] = hi >>> (n - 32); A[1] = 0; } else { A[0] = (lo >>> n) | (hi << (32 - n)); A[1] = hi >>> n; }
    return;
  }
  if (width === 32) {
    for (let k = 0; k < 2; k++) {
      const v = A[k];
      if (kind === SH_RA) A[k] = v >> (n > 31 ? 31 : n);
      else A[k] = n > 31 ? 0 : kind === SH_LL ? v << n : v >>> n;
    }
    return;
  }
  for (let k = 0; k < 4; k++) {
    if (kind === SH_RA) AI16[k] = AI16[k] >> (n > 15 ? 15 : n);
    else AU16[k] = n > 15 ? 0 : kind === SH_LL ? AU16[k] << n : AU16[k] >>> n;
  }
}

function shiftQ(c: Cpu, i: Insn, width: number, kind: number): void {
  const f = begin(c, i);
  shift(width, kind, countB());
  putP(f, i, A);
}

/** The immediate forms (0F 71-73 /2 /4 /6 ib): the register is ModRM.rm. */
function shiftI(c: Cpu, i: Insn, width: number, kind: number): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.rm & 7;
  A[0] = f.lo[p];
  A[1] = f.hi[p];
  mmxEnter(f);
  shift(width, kind, i.imm & 0xff);
  mmxWrite(f, p, A[0], A[1]);
}

/** PSLLW mm, mm/m64. */
export function opPsllwPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 16, SH_LL); }
/** PSLLD mm, mm/m64. */
export function opPslldPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 32, SH_LL); }
/** PSLLQ mm, mm/m64. */
export function opPsllqPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 64, SH_LL); }
/** PSRLW mm, mm/m64. */
export function opPsrlwPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 16, SH_RL); }
/** PSRLD mm, mm/m64. */
export function opPsrldPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 32, SH_RL); }
/** PSRLQ mm, mm/m64. */
export function opPsrlqPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 64, SH_RL); }
/** PSRAW mm, mm/m64. */
export function opPsrawPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 16, SH_RA); }
/** PSRAD mm, mm/m64. */
export function opPsradPqQq(c: Cpu, i: Insn): void { shiftQ(c, i, 32, SH_RA); }
/** PSLLW mm, imm8. */
export function opPsllwNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 16, SH_LL); }
/** PSLLD mm, imm8. */
export function opPslldNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 32, SH_LL); }
/** PSLLQ mm, imm8. */
export function opPsllqNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 64, SH_LL); }
/** PSRLW mm, imm8. */
export function opPsrlwNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 16, SH_RL); }
/** PSRLD mm, imm8. */
export function opPsrldNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 32, SH_RL); }
/** PSRLQ mm, imm8. */
export function opPsrlqNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 64, SH_RL); }
/** PSRAW mm, imm8. */
export function opPsrawNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 16, SH_RA); }
/** PSRAD mm, imm8. */
export function opPsradNqIb(c: Cpu, i: Insn): void { shiftI(c, i, 32, SH_RA); }

// ---- packs, unpacks, shuffles -----------------------------------------------------------------

function satB(v: number): number { return v > 127 ? 127 : v < -128 ? -128 : v; }
function satUB(v: number): number { return v > 255 ? 255 : v < 0 ? 0 : v; }
function satW(v: number): number { return v > 32767 ? 32767 : v < -32768 ? -32768 : v; }

/** PACKSSWB mm, mm/m64: dest words → bytes 0-3, source words → bytes 4-7, signed saturation. */
export function opPacksswbPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  for (let k = 0; k < 4; k++) { TU8[k] = satB(AI16[k]); TU8[4 + k] = satB(BI16[k]); }
  putP(f, i, T);
}

/** PACKUSWB mm, mm/m64: signed words → unsigned bytes with saturation. */
export function opPackuswbPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  for (let k = 0; k < 4; k++) { TU8[k] = satUB(AI16[k]); TU8[4 + k] = satUB(BI16[k]); }
  putP(f, i, T);
}

/** PACKSSDW mm, mm/m64: signed dwords → signed words with saturation. */
export function opPackssdwPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  TU16[0] = satW(A[0]); TU16[1] = satW(A[1]); TU16[2] = satW(B[0]); TU16[3] = satW(B[1]);
  putP(f, i, T);
}

/**
 * Interleaves the low (hi = 0) or high (hi = 4) halves of A and B in units of `size` bytes. The
 * low forms read only 32 bits of a memory operand (SDM "PUNPCKLBW mm, mm/m32").
 */
function unpack(c: Cpu, i: Insn, size: number, hi: number): void {
  let f: X87;
  if (hi === 0 && i.isMem) {
    mmxCheck(c, i);
    B[0] = c.mem.read32(ea(c, i));
    B[1] = 0;
    f = c.fpu;
    const p = i.reg & 7;
    A[0] = f.lo[p];
    A[1] = f.hi[p];
    mmxEnter(f);
  } else f = begin(c, i);
  for (let k = 0, o = 0; k < 4; k += size, o += 2 * size) {
    for (let j = 0; j < size; j++) {
      TU8[o + j] = AU8[hi + k + j];
      TU8[o + size + j] = BU8[hi + k + j];
    }
  }
  putP(f, i, T);
}

/** PUNPCKLBW mm, mm/m32. */
export function opPunpcklbwPqQd(c: Cpu, i: Insn): void { unpack(c, i, 1, 0); }
/** PUNPCKLWD mm, mm/m32. */
export function opPunpcklwdPqQd(c: Cpu, i: Insn): void { unpack(c, i, 2, 0); }
/** PUNPCKLDQ mm, mm/m32. */
export function opPunpckldqPqQd(c: Cpu, i: Insn): void { unpack(c, i, 4, 0); }
/** PUNPCKHBW mm, mm/m64. */
export function opPunpckhbwPqQq(c: Cpu, i: Insn): void { unpack(c, i, 1, 4); }
/** PUNPCKHWD mm, mm/m64. */
export function opPunpckhwdPqQq(c: Cpu, i: Insn): void { unpack(c, i, 2, 4); }
/** PUNPCKHDQ mm, mm/m64. */
export function opPunpckhdqPqQq(c: Cpu, i: Insn): void { unpack(c, i, 4, 4); }

/** PSHUFW mm1, mm2/m64, imm8 (SSE): word k ← source word imm8[2k+1:2k]. */
export function opPshufwPqQqIb(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  const m = i.imm;
  for (let k = 0; k < 4; k++) TU16[k] = BU16[(m >> (2 * k)) & 3];
  putP(f, i, T);
}

/** PSHUFB mm1, mm2/m64 (SSSE3): byte k ← dest[src[k] & 7], or 0 when src[k] bit 7 is set. */
export function opPshufbPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  for (let k = 0; k < 8; k++) {
    const s = BU8[k];
    TU8[k] = s & 0x80 ? 0 : AU8[s & 7];
  }
  putP(f, i, T);
}

/** PALIGNR mm1, mm2/m64, imm8 (SSSE3): (dest:src) >> (imm8 * 8), low 8 bytes. */
export function opPalignrPqQqIb(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  const n = i.imm & 0xff;
  for (let k = 0; k < 8; k++) {
    const j = k + n;
    TU8[k] = j < 8 ? BU8[j] : j < 16 ? AU8[j - 8] : 0;
  }
  putP(f, i, T);
}

/** Horizontal word add/sub: T = [a0∘a1, a2∘a3, b0∘b1, b2∘b3], saturating when `sat`. */
function hwords(c: Cpu, i: Insn, sub: boolean, sat: boolean): void {
  const f = begin(c, i);
  for (let k = 0; k < 2; k++) {
    let ra = sub ? AI16[2 * k] - AI16[2 * k + 1] : AI16[2 * k] + AI16[2 * k + 1];
    let rb = sub ? BI16[2 * k] - BI16[2 * k + 1] : BI16[2 * k] + BI16[2 * k + 1];
    if (sat) { ra = satW(ra); rb = satW(rb); }
    TU16[k] = ra;
    TU16[2 + k] = rb;
  }
  putP(f, i, T);
}

/** PHADDW mm, mm/m64 (SSSE3). */
export function opPhaddwPqQq(c: Cpu, i: Insn): void { hwords(c, i, false, false); }
/** PHADDSW mm, mm/m64 (SSSE3). */
export function opPhaddswPqQq(c: Cpu, i: Insn): void { hwords(c, i, false, true); }
/** PHSUBW mm, mm/m64 (SSSE3). */
export function opPhsubwPqQq(c: Cpu, i: Insn): void { hwords(c, i, true, false); }
/** PHSUBSW mm, mm/m64 (SSSE3). */
export function opPhsubswPqQq(c: Cpu, i: Insn): void { hwords(c, i, true, true); }

/** PHADDD mm, mm/m64 (SSSE3): [a0+a1, b0+b1]. */
export function opPhadddPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  mmxWrite(f, i.reg & 7, (A[0] + A[1]) | 0, (B[0] + B[1]) | 0);
}

/** PHSUBD mm, mm/m64 (SSSE3): [a0-a1, b0-b1]. */
export function opPhsubdPqQq(c: Cpu, i: Insn): void {
  const f = begin(c, i);
  mmxWrite(f, i.reg & 7, (A[0] - A[1]) | 0, (B[0] - B[1]) | 0);
}

// ---- moves --------------------------------------------------------------------------------------

/** MOVD mm, r/m32 / MOVQ mm, r/m64 (REX.W) (0F 6E): zero-extended. */
export function opMovdPqEy(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const w = i.size === 8;
  let lo: number;
  let hi = 0;
  if (i.isMem) {
    const m = c.mem;
    const a = ea(c, i);
    if (w) { lo = m.read64(a); hi = m.hi; } else lo = m.read32(a);
  } else {
    lo = getReg(c, i.rm, w ? 8 : 4);
    hi = c.hi;
  }
  const f = c.fpu;
  mmxEnter(f);
  mmxWrite(f, i.reg & 7, lo, hi);
}

/** MOVD r/m32, mm / MOVQ r/m64, mm (REX.W) (0F 7E). */
export function opMovdEyPq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.reg & 7;
  const w = i.size === 8;
  if (i.isMem) {
    const a = ea(c, i);
    if (w) c.mem.write64(a, f.lo[p], f.hi[p]); else c.mem.write32(a, f.lo[p]);
  } else setReg(c, i.rm, w ? 8 : 4, f.lo[p], f.hi[p]);
  mmxEnter(f);
}

/** MOVQ mm, mm/m64 (0F 6F). */
export function opMovqPqQq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  loadQ(c, i);
  const f = c.fpu;
  mmxEnter(f);
  putP(f, i, B);
}

/** MOVQ mm/m64, mm (0F 7F); MOVNTQ m64, mm (0F E7) is the memory form without the cache hint. */
export function opMovqQqPq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.reg & 7;
  if (i.isMem) c.mem.write64(ea(c, i), f.lo[p], f.hi[p]);
  else mmxWrite(f, i.rm & 7, f.lo[p], f.hi[p]);
  mmxEnter(f);
}

/** MOVNTQ m64, mm (SSE). */
export function opMovntqMqPq(c: Cpu, i: Insn): void { opMovqQqPq(c, i); }

/**
 * MASKMOVQ mm1, mm2 (SSE): stores the bytes of mm1 whose mm2 byte has bit 7 set at DS:[RDI]
 * (EDI with 67; FS/GS overrides apply), byte by byte like MASKMOVDQU.
 */
export function opMaskmovqPqNq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const s = i.reg & 7;
  const m = i.rm & 7;
  A[0] = f.lo[s]; A[1] = f.hi[s];
  B[0] = f.lo[m]; B[1] = f.hi[m];
  let a = c.getU64(7);
  if (i.asize === 4) a = c.r[14] >>> 0;
  if (i.seg === SEG_FS) a += c.fsBase; else if (i.seg === SEG_GS) a += c.gsBase;
  for (let k = 0; k < 8; k++) if (BU8[k] & 0x80) c.mem.write8(a + k, AU8[k]);
  mmxEnter(f);
}

/** PINSRW mm, r32/m16, imm8 (SSE): word imm8[1:0] ← source. */
export function opPinsrwPqEwIb(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const v = i.isMem ? c.mem.read16(ea(c, i)) : c.r[2 * i.rm] & 0xffff;
  const f = c.fpu;
  const p = i.reg & 7;
  A[0] = f.lo[p]; A[1] = f.hi[p];
  AU16[i.imm & 3] = v;
  mmxEnter(f);
  mmxWrite(f, p, A[0], A[1]);
}

/** PEXTRW r32, mm, imm8 (SSE): word imm8[1:0], zero-extended into the full register. */
export function opPextrwGdNqIb(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.rm & 7;
  const s = (i.imm & 3) * 16;
  const v = s < 32 ? f.lo[p] >>> s : f.hi[p] >>> (s - 32);
  setReg(c, i.reg, 4, v & 0xffff, 0);
  mmxEnter(f);
}

/** PMOVMSKB r32, mm (SSE): the eight byte sign bits, zero-extended. */
export function opPmovmskbGdNq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.rm & 7;
  let v = 0;
  for (let k = 1; k >= 0; k--) {
    const w = k ? f.hi[p] : f.lo[p];
    v = (v << 4) | ((w >>> 7) & 1) | ((w >>> 14) & 2) | ((w >>> 21) & 4) | ((w >>> 28) & 8);
  }
  setReg(c, i.reg, 4, v, 0);
  mmxEnter(f);
}

/** MOVQ2DQ xmm, mm (SSE2, F3 0F D6): xmm = zero-extended mm. */
export function opMovq2dqVdqNq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.rm & 7;
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = f.lo[p]; x[d + 1] = f.hi[p]; x[d + 2] = 0; x[d + 3] = 0;
  mmxEnter(f);
}

/** MOVDQ2Q mm, xmm (SSE2, F2 0F D6): mm = low qword of xmm. */
export function opMovdq2qPqUq(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  const f = c.fpu;
  const x = c.xmm;
  const s = i.rm << 3;
  mmxEnter(f);
  mmxWrite(f, i.reg & 7, x[s], x[s + 1]);
}

/** EMMS (0F 77): all x87 tags empty (TOP is left alone), after the #MF check. */
export function opEmms(c: Cpu, i: Insn): void {
  mmxCheck(c, i);
  c.fpu.empty = 0xff;
}

// ---- conversions between MMX and XMM (SSE/SSE2) -------------------------------------------------

/**
 * Loads the Qpi source of CVTPI2PS/CVTPI2PD into B. An MM register causes the x87-to-MMX
 * transition; an m64 source does not, and takes no x87 exception (SDM "CVTPI2PS").
 */
function loadQpi(c: Cpu, i: Insn): void {
  if (i.isMem) {
    const m = c.mem;
    B[0] = m.read64(ea(c, i));
    B[1] = m.hi;
    return;
  }
  mmxCheck(c, i);
  const f = c.fpu;
  const p = i.rm & 7;
  B[0] = f.lo[p];
  B[1] = f.hi[p];
  mmxEnter(f);
}

/** CVTPI2PS xmm, mm/m64 (SSE): two int32 → float32 by MXCSR.RC; the upper 64 bits are kept. */
export function opCvtpi2psVpsQpi(c: Cpu, i: Insn): void {
  loadQpi(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const b1 = B[1];
  x[d] = i32ToF32(c, B[0]);
  x[d + 1] = i32ToF32(c, b1);
}

/** CVTPI2PD xmm, mm/m64 (SSE2): two int32 → float64 (exact). */
export function opCvtpi2pdVpdQpi(c: Cpu, i: Insn): void {
  loadQpi(c, i);
  const n = i.reg << 2;
  c.xmmF64[n] = B[0];
  c.xmmF64[n + 1] = B[1];
}

/** Two float32 (xmm low qword or m64) → int32 in MMn, rounded by MXCSR.RC or truncated. */
function ps2pi(c: Cpu, i: Insn, trunc: boolean): void {
  mmxCheck(c, i);
  if (i.isMem) {
    const m = c.mem;
    B[0] = m.read64(ea(c, i));
    B[1] = m.hi;
  } else {
    const s = i.rm << 3;
    B[0] = c.xmm[s];
    B[1] = c.xmm[s + 1];
  }
  const rc = trunc ? RC_RZ : (c.mxcsr >> 13) & 3;
  const lo = f32ToInt(c, B[0], rc, false);
  const hi = f32ToInt(c, B[1], rc, false);
  const f = c.fpu;
  mmxEnter(f);
  mmxWrite(f, i.reg & 7, lo, hi);
}

/** Two float64 (xmm or aligned m128) → int32 in MMn, rounded by MXCSR.RC or truncated. */
function pd2pi(c: Cpu, i: Insn, trunc: boolean): void {
  mmxCheck(c, i);
  loadW(c, i);
  const rc = trunc ? RC_RZ : (c.mxcsr >> 13) & 3;
  const lo = f64ToInt(c, S[0], S[1], rc, false);
  const hi = f64ToInt(c, S[2], S[3], rc, false);
  const f = c.fpu;
  mmxEnter(f);
  mmxWrite(f, i.reg & 7, lo, hi);
}

/** CVTPS2PI mm, xmm/m64 (SSE). */
export function opCvtps2piPpiWps(c: Cpu, i: Insn): void { ps2pi(c, i, false); }
/** CVTTPS2PI mm, xmm/m64 (SSE). */
export function opCvttps2piPpiWps(c: Cpu, i: Insn): void { ps2pi(c, i, true); }
/** CVTPD2PI mm, xmm/m128 (SSE2; m128 must be 16-byte aligned). */
export function opCvtpd2piPpiWpd(c: Cpu, i: Insn): void { pd2pi(c, i, false); }
/** CVTTPD2PI mm, xmm/m128 (SSE2). */
export function opCvttpd2piPpiWpd(c: Cpu, i: Insn): void { pd2pi(c, i, true); }
