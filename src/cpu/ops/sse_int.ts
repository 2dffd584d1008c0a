// SSE2 packed-integer arithmetic, logic, compares and shifts on XMM registers (Intel SDM Vol. 2
// PADDB…PXOR, PCMPEQx/PCMPGTx, PMINUB…PMAXSW, PAVGx, PSADBW, PMULxx, PMADDWD, PSLLx/PSRLx/PSRAx,
// PSLLDQ/PSRLDQ; ANDPS…XORPD, which are the same bitwise ops). Lanes are read through byte/word
// views and stored through wrapping typed-array writes; signed lanes are sign-extended by shifts.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { S, SU8, SU16, SI8, SI16, loadW } from './sse_operand.js';

/** High dword of the last mulU32/mulS32 product. */
let MHI = 0;

/** Unsigned 32x32 → 64 multiply: returns the low dword, leaves the high dword in MHI. */
export function mulU32(a: number, b: number): number {
  const al = a & 0xffff;
  const ah = a >>> 16;
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const cross = ah * bl + al * bh + ((al * bl) >>> 16);
  MHI = (ah * bh + Math.floor(cross / 65536)) | 0;
  return Math.imul(a, b);
}

/** Signed 32x32 → 64 multiply: returns the low dword, leaves the high dword in MHI. */
export function mulS32(a: number, b: number): number {
  const lo = mulU32(a, b);
  MHI = (MHI - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
  return lo;
}

/** High dword of the last mulU32/mulS32. */
export function mulHi(): number {
  return MHI;
}

// ---- bitwise --------------------------------------------------------------------------------

/** PAND xmm1, xmm2/m128 (also ANDPS, ANDPD). */
export function opPandVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] &= S[0]; x[d + 1] &= S[1]; x[d + 2] &= S[2]; x[d + 3] &= S[3];
}

/** PANDN xmm1, xmm2/m128: ~xmm1 & src (also ANDNPS, ANDNPD). */
export function opPandnVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = ~x[d] & S[0]; x[d + 1] = ~x[d + 1] & S[1]; x[d + 2] = ~x[d + 2] & S[2]; x[d + 3] = ~x[d + 3] & S[3];
}

/** POR xmm1, xmm2/m128 (also ORPS, ORPD). */
export function opPorVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] |= S[0]; x[d + 1] |= S[1]; x[d + 2] |= S[2]; x[d + 3] |= S[3];
}

/** PXOR xmm1, xmm2/m128 (also XORPS, XORPD; pxor x, x is the zeroing idiom). */
export function opPxorVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] ^= S[0]; x[d + 1] ^= S[1]; x[d + 2] ^= S[2]; x[d + 3] ^= S[3];
}

/** ANDPS xmm1, xmm2/m128. */
export function opAndpsVpsWps(c: Cpu, i: Insn): void { opPandVdqWdq(c, i); }
/** ANDPD xmm1, xmm2/m128. */
export function opAndpdVpdWpd(c: Cpu, i: Insn): void { opPandVdqWdq(c, i); }
/** ANDNPS xmm1, xmm2/m128. */
export function opAndnpsVpsWps(c: Cpu, i: Insn): void { opPandnVdqWdq(c, i); }
/** ANDNPD xmm1, xmm2/m128. */
export function opAndnpdVpdWpd(c: Cpu, i: Insn): void { opPandnVdqWdq(c, i); }
/** ORPS xmm1, xmm2/m128. */
export function opOrpsVpsWps(c: Cpu, i: Insn): void { opPorVdqWdq(c, i); }
/** ORPD xmm1, xmm2/m128. */
export function opOrpdVpdWpd(c: Cpu, i: Insn): void { opPorVdqWdq(c, i); }
/** XORPS xmm1, xmm2/m128. */
export function opXorpsVpsWps(c: Cpu, i: Insn): void { opPxorVdqWdq(c, i); }
/** XORPD xmm1, xmm2/m128. */
export function opXorpdVpdWpd(c: Cpu, i: Insn): void { opPxorVdqWdq(c, i); }

// ---- byte lanes -----------------------------------------------------------------------------

/** Byte-lane operation kinds. */
const B_ADD = 0, B_SUB = 1, B_ADDS = 2, B_ADDUS = 3, B_SUBS = 4, B_SUBUS = 5, B_EQ = 6, B_GT = 7;
const B_MINU = 8, B_MAXU = 9, B_AVG = 10, B_MINS = 11, B_MAXS = 12;

/** Applies a byte-lane op (the switch is outside the lane loops: these run in vectorised loops). */
function bytes(c: Cpu, i: Insn, op: number): void {
  loadW(c, i);
  const u = c.xmmU8;
  const d = i.reg << 5;
  let k = 0;
  switch (op) {
    case B_ADD: for (; k < 16; k++) u[d + k] += SU8[k]; break;
    case B_SUB: for (; k < 16; k++) u[d + k] -= SU8[k]; break;
    case B_ADDS:
      for (; k < 16; k++) { const r = ((u[d + k] << 24) >> 24) + SI8[k]; u[d + k] = r > 127 ? 127 : r < -128 ? -128 : r; }
      break;
    case B_ADDUS: for (; k < 16; k++) { const r = u[d + k] + SU8[k]; u[d + k] = r > 255 ? 255 : r; } break;
    case B_SUBS:
      for (; k < 16; k++) { const r = ((u[d + k] << 24) >> 24) - SI8[k]; u[d + k] = r > 127 ? 127 : r < -128 ? -128 : r; }
      break;
    case B_SUBUS: for (; k < 16; k++) { const r = u[d + k] - SU8[k]; u[d + k] = r < 0 ? 0 : r; } break;
    case B_EQ: for (; k < 16; k++) u[d + k] = u[d + k] === SU8[k] ? 255 : 0; break;
    case B_GT: for (; k < 16; k++) u[d + k] = ((u[d + k] << 24) >> 24) > SI8[k] ? 255 : 0; break;
    case B_MINU: for (; k < 16; k++) if (SU8[k] < u[d + k]) u[d + k] = SU8[k]; break;
    case B_MAXU: for (; k < 16; k++) if (SU8[k] > u[d + k]) u[d + k] = SU8[k]; break;
    case B_AVG: for (; k < 16; k++) u[d + k] = (u[d + k] + SU8[k] + 1) >> 1; break;
    case B_MINS: for (; k < 16; k++) if (SI8[k] < ((u[d + k] << 24) >> 24)) u[d + k] = SU8[k]; break;
    default: for (; k < 16; k++) if (SI8[k] > ((u[d + k] << 24) >> 24)) u[d + k] = SU8[k]; // B_MAXS
  }
}

/** PADDB. */
export function opPaddbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_ADD); }
/** PSUBB. */
export function opPsubbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_SUB); }
/** PADDSB. */
export function opPaddsbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_ADDS); }
/** PADDUSB. */
export function opPaddusbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_ADDUS); }
/** PSUBSB. */
export function opPsubsbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_SUBS); }
/** PSUBUSB. */
export function opPsubusbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_SUBUS); }
/** PCMPEQB. */
export function opPcmpeqbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_EQ); }
/** PCMPGTB (signed). */
export function opPcmpgtbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_GT); }
/** PMINUB. */
export function opPminubVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_MINU); }
/** PMAXUB. */
export function opPmaxubVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_MAXU); }
/** PAVGB: rounded unsigned average. */
export function opPavgbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_AVG); }
/** PMINSB (SSE4.1). */
export function opPminsbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_MINS); }
/** PMAXSB (SSE4.1). */
export function opPmaxsbVdqWdq(c: Cpu, i: Insn): void { bytes(c, i, B_MAXS); }

/** PSADBW: sums of absolute byte differences per qword, in the low word of each qword. */
export function opPsadbwVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU8;
  const x = c.xmm;
  const d8 = i.reg << 5;
  const d = i.reg << 3;
  let s0 = 0;
  let s1 = 0;
  for (let k = 0; k < 8; k++) {
    s0 += Math.abs(u[d8 + k] - SU8[k]);
    s1 += Math.abs(u[d8 + 8 + k] - SU8[8 + k]);
  }
  x[d] = s0; x[d + 1] = 0; x[d + 2] = s1; x[d + 3] = 0;
}

// ---- word lanes -----------------------------------------------------------------------------

const W_ADD = 0, W_SUB = 1, W_ADDS = 2, W_ADDUS = 3, W_SUBS = 4, W_SUBUS = 5, W_EQ = 6, W_GT = 7;
const W_MINS = 8, W_MAXS = 9, W_AVG = 10, W_MULL = 11, W_MULH = 12, W_MULHU = 13, W_MINU = 14;
const W_MAXU = 15;

/** Applies a word-lane op (switch outside the lane loops, as bytes()). */
function words(c: Cpu, i: Insn, op: number): void {
  loadW(c, i);
  const u = c.xmmU16;
  const d = i.reg << 4;
  let k = 0;
  switch (op) {
    case W_ADD: for (; k < 8; k++) u[d + k] += SU16[k]; break;
    case W_SUB: for (; k < 8; k++) u[d + k] -= SU16[k]; break;
    case W_ADDS:
      for (; k < 8; k++) { const r = ((u[d + k] << 16) >> 16) + SI16[k]; u[d + k] = r > 32767 ? 32767 : r < -32768 ? -32768 : r; }
      break;
    case W_ADDUS: for (; k < 8; k++) { const r = u[d + k] + SU16[k]; u[d + k] = r > 65535 ? 65535 : r; } break;
    case W_SUBS:
      for (; k < 8; k++) { const r = ((u[d + k] << 16) >> 16) - SI16[k]; u[d + k] = r > 32767 ? 32767 : r < -32768 ? -32768 : r; }
      break;
    case W_SUBUS: for (; k < 8; k++) { const r = u[d + k] - SU16[k]; u[d + k] = r < 0 ? 0 : r; } break;
    case W_EQ: for (; k < 8; k++) u[d + k] = u[d + k] === SU16[k] ? 0xffff : 0; break;
    case W_GT: for (; k < 8; k++) u[d + k] = ((u[d + k] << 16) >> 16) > SI16[k] ? 0xffff : 0; break;
    case W_MINS: for (; k < 8; k++) if (SI16[k] < ((u[d + k] << 16) >> 16)) u[d + k] = SU16[k]; break;
    case W_MAXS: for (; k < 8; k++) if (SI16[k] > ((u[d + k] << 16) >> 16)) u[d + k] = SU16[k]; break;
    case W_AVG: for (; k < 8; k++) u[d + k] = (u[d + k] + SU16[k] + 1) >> 1; break;
    case W_MULL: for (; k < 8; k++) u[d + k] = Math.imul(u[d + k], SU16[k]); break;
    case W_MULH: for (; k < 8; k++) u[d + k] = (((u[d + k] << 16) >> 16) * SI16[k]) >> 16; break;
    case W_MULHU: for (; k < 8; k++) u[d + k] = (u[d + k] * SU16[k]) >>> 16; break;
    case W_MINU: for (; k < 8; k++) if (SU16[k] < u[d + k]) u[d + k] = SU16[k]; break;
    default: for (; k < 8; k++) if (SU16[k] > u[d + k]) u[d + k] = SU16[k]; // W_MAXU
  }
}

/** PADDW. */
export function opPaddwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_ADD); }
/** PSUBW. */
export function opPsubwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_SUB); }
/** PADDSW. */
export function opPaddswVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_ADDS); }
/** PADDUSW. */
export function opPadduswVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_ADDUS); }
/** PSUBSW. */
export function opPsubswVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_SUBS); }
/** PSUBUSW. */
export function opPsubuswVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_SUBUS); }
/** PCMPEQW. */
export function opPcmpeqwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_EQ); }
/** PCMPGTW (signed). */
export function opPcmpgtwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_GT); }
/** PMINSW. */
export function opPminswVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MINS); }
/** PMAXSW. */
export function opPmaxswVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MAXS); }
/** PAVGW. */
export function opPavgwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_AVG); }
/** PMULLW: low word of the signed product. */
export function opPmullwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MULL); }
/** PMULHW: high word of the signed product. */
export function opPmulhwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MULH); }
/** PMULHUW: high word of the unsigned product. */
export function opPmulhuwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MULHU); }
/** PMINUW (SSE4.1). */
export function opPminuwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MINU); }
/** PMAXUW (SSE4.1). */
export function opPmaxuwVdqWdq(c: Cpu, i: Insn): void { words(c, i, W_MAXU); }

/** PMADDWD: signed word products summed in pairs into dwords (0x8000*0x8000*2 wraps to 0x80000000). */
export function opPmaddwdVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const u = c.xmmU16;
  const x = c.xmm;
  const w = i.reg << 4;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) {
    const a0 = (u[w + 2 * k] << 16) >> 16;
    const a1 = (u[w + 2 * k + 1] << 16) >> 16;
    x[d + k] = (a0 * SI16[2 * k] + a1 * SI16[2 * k + 1]) | 0;
  }
}

// ---- dword and qword lanes ------------------------------------------------------------------

/** PADDD. */
export function opPadddVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] += S[0]; x[d + 1] += S[1]; x[d + 2] += S[2]; x[d + 3] += S[3];
}

/** PSUBD. */
export function opPsubdVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] -= S[0]; x[d + 1] -= S[1]; x[d + 2] -= S[2]; x[d + 3] -= S[3];
}

/** PCMPEQD. */
export function opPcmpeqdVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) x[d + k] = x[d + k] === S[k] ? -1 : 0;
}

/** PCMPGTD (signed). */
export function opPcmpgtdVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) x[d + k] = x[d + k] > S[k] ? -1 : 0;
}

/** PADDQ: 64-bit lanes with carry between the dword halves. */
export function opPaddqVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k += 2) {
    const lo = ((x[d + k] >>> 0) + (S[k] >>> 0));
    x[d + k] = lo;
    x[d + k + 1] = (x[d + k + 1] + S[k + 1] + (lo > 0xffffffff ? 1 : 0)) | 0;
  }
}

/** PSUBQ. */
export function opPsubqVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 4; k += 2) {
    const a = x[d + k] >>> 0;
    const b = S[k] >>> 0;
    x[d + k] = a - b;
    x[d + k + 1] = (x[d + k + 1] - S[k + 1] - (a < b ? 1 : 0)) | 0;
  }
}

/** PMULUDQ: unsigned dword lanes 0 and 2 multiplied into qwords. */
export function opPmuludqVdqWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  x[d] = mulU32(x[d], S[0]); x[d + 1] = MHI;
  x[d + 2] = mulU32(x[d + 2], S[2]); x[d + 3] = MHI;
}

// ---- shifts ---------------------------------------------------------------------------------

/** Shift count of an xmm/m128 operand: its low qword, saturated to 255 (all counts > 63 act alike). */
function countW(c: Cpu, i: Insn): number {
  loadW(c, i);
  return S[1] !== 0 || (S[0] >>> 0) > 255 ? 255 : S[0];
}

function shW(c: Cpu, n: number, cnt: number, kind: number): void {
  const u = c.xmmU16;
  const d = n << 4;
  for (let k = 0; k < 8; k++) {
    const a = u[d + k];
    if (kind === 0) u[d + k] = cnt > 15 ? 0 : a << cnt;
    else if (kind === 1) u[d + k] = cnt > 15 ? 0 : a >>> cnt;
    else u[d + k] = ((a << 16) >> 16) >> (cnt > 15 ? 15 : cnt);
  }
}

function shD(c: Cpu, n: number, cnt: number, kind: number): void {
  const x = c.xmm;
  const d = n << 3;
  for (let k = 0; k < 4; k++) {
    if (kind === 0) x[d + k] = cnt > 31 ? 0 : x[d + k] << cnt;
    else if (kind === 1) x[d + k] = cnt > 31 ? 0 : x[d + k] >>> cnt;
    else x[d + k] = x[d + k] >> (cnt > 31 ? 31 : cnt);
  }
}

function shQ(c: Cpu, n: number, cnt: number, left: boolean): void {
  const x = c.xmm;
  const d = n << 3;
  for (let k = 0; k < 4; k += 2) {
    const lo = x[d + k];
    const hi = x[d + k + 1];
    if (cnt > 63) { x[d + k] = 0; x[d + k + 1] = 0; }
    else if (cnt === 0) continue;
    else if (left) {
      if (cnt >= 32) { x[d + k + 1] = lo << (cnt - 32); x[d + k] = 0; }
      else { x[d + k + 1] = (hi << cnt) | (lo >>> (32 - cnt)); x[d + k] = lo << cnt; }
    } else if (cnt >= 32) { x[d + k] = hi >>> (cnt - 32); x[d + k + 1] = 0; }
    else { x[d + k] = (lo >>> cnt) | (hi << (32 - cnt)); x[d + k + 1] = hi >>> cnt; }
  }
}

/** PSLLW xmm1, xmm2/m128. */
export function opPsllwVdqWdq(c: Cpu, i: Insn): void { shW(c, i.reg, countW(c, i), 0); }
/** PSRLW xmm1, xmm2/m128. */
export function opPsrlwVdqWdq(c: Cpu, i: Insn): void { shW(c, i.reg, countW(c, i), 1); }
/** PSRAW xmm1, xmm2/m128. */
export function opPsrawVdqWdq(c: Cpu, i: Insn): void { shW(c, i.reg, countW(c, i), 2); }
/** PSLLD xmm1, xmm2/m128. */
export function opPslldVdqWdq(c: Cpu, i: Insn): void { shD(c, i.reg, countW(c, i), 0); }
/** PSRLD xmm1, xmm2/m128. */
export function opPsrldVdqWdq(c: Cpu, i: Insn): void { shD(c, i.reg, countW(c, i), 1); }
/** PSRAD xmm1, xmm2/m128. */
export function opPsradVdqWdq(c: Cpu, i: Insn): void { shD(c, i.reg, countW(c, i), 2); }
/** PSLLQ xmm1, xmm2/m128. */
export function opPsllqVdqWdq(c: Cpu, i: Insn): void { shQ(c, i.reg, countW(c, i), true); }
/** PSRLQ xmm1, xmm2/m128. */
export function opPsrlqVdqWdq(c: Cpu, i: Insn): void { shQ(c, i.reg, countW(c, i), false); }
/** PSLLW xmm, imm8 (66 0F 71 /6). */
export function opPsllwUdqIb(c: Cpu, i: Insn): void { shW(c, i.rm, i.imm & 0xff, 0); }
/** PSRLW xmm, imm8 (66 0F 71 /2). */
export function opPsrlwUdqIb(c: Cpu, i: Insn): void { shW(c, i.rm, i.imm & 0xff, 1); }
/** PSRAW xmm, imm8 (66 0F 71 /4). */
export function opPsrawUdqIb(c: Cpu, i: Insn): void { shW(c, i.rm, i.imm & 0xff, 2); }
/** PSLLD xmm, imm8 (66 0F 72 /6). */
export function opPslldUdqIb(c: Cpu, i: Insn): void { shD(c, i.rm, i.imm & 0xff, 0); }
/** PSRLD xmm, imm8 (66 0F 72 /2). */
export function opPsrldUdqIb(c: Cpu, i: Insn): void { shD(c, i.rm, i.imm & 0xff, 1); }
/** PSRAD xmm, imm8 (66 0F 72 /4). */
export function opPsradUdqIb(c: Cpu, i: Insn): void { shD(c, i.rm, i.imm & 0xff, 2); }
/** PSLLQ xmm, imm8 (66 0F 73 /6). */
export function opPsllqUdqIb(c: Cpu, i: Insn): void { shQ(c, i.rm, i.imm & 0xff, true); }
/** PSRLQ xmm, imm8 (66 0F 73 /2). */
export function opPsrlqUdqIb(c: Cpu, i: Insn): void { shQ(c, i.rm, i.imm & 0xff, false); }

/** PSRLDQ xmm, imm8 (66 0F 73 /3): byte shift right of the whole register (counts > 15 clear it). */
export function opPsrldqUdqIb(c: Cpu, i: Insn): void {
  const u = c.xmmU8;
  const d = i.rm << 5;
  const n = i.imm & 0xff;
  for (let k = 0; k < 16; k++) u[d + k] = k + n < 16 ? u[d + k + n] : 0;
}

/** PSLLDQ xmm, imm8 (66 0F 73 /7). */
export function opPslldqUdqIb(c: Cpu, i: Insn): void {
  const u = c.xmmU8;
  const d = i.rm << 5;
  const n = i.imm & 0xff;
  for (let k = 15; k >= 0; k--) u[d + k] = k >= n ? u[d + k - n] : 0;
}
