// AVX/AVX2 packed-integer arithmetic, logic, compares and shifts (Intel SDM Vol. 2 VPADDB…VPXOR,
// VPCMPEQx/VPCMPGTx, VPMINxx/VPMAXxx, VPAVGx, VPMULxx, VPMADDWD, VPABSx, VPSIGNx, VPSLLx/VPSRLx/
// VPSRAx by imm8 and by xmm, VPSLLDQ/VPSRLDQ, VPSLLVx/VPSRLVx/VPSRAVD, VPHADDx…VPSADBW through
// the SSE lane adapter, VPCMPxSTRx). dst = vvvv op W, element-wise over 128 or 256 bits (VEX.L); VEX.128 forms
// zero bits 255:128. Elements are read before the destination element at the same offset is
// written, so any operand may alias the destination.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { mulU32, mulS32, mulHi } from './sse_int.js';
import * as I4 from './sse_int4.js';
import * as I from './sse_int.js';
import * as STR from './sse_str.js';
import { VB, VBU8, VBU16, WO, loadVW, loadVW128, noV, srcW, sse2, sse3, zeroUpper } from './avx_operand.js';

// ---- bitwise ----------------------------------------------------------------------------------

const L_AND = 0, L_ANDN = 1, L_OR = 2, L_XOR = 3;

function logic(c: Cpu, i: Insn, op: number): void {
  const B = srcW(c, i);
  const b = WO;
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  switch (op) {
    case L_AND: for (let k = 0; k < n; k++) x[d + k] = x[a + k] & B[b + k]; break;
    case L_ANDN: for (let k = 0; k < n; k++) x[d + k] = ~x[a + k] & B[b + k]; break;
    case L_OR: for (let k = 0; k < n; k++) x[d + k] = x[a + k] | B[b + k]; break;
    default: for (let k = 0; k < n; k++) x[d + k] = x[a + k] ^ B[b + k];
  }
  if (n === 4) zeroUpper(c, i.reg);
}

/** VPAND xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256 (also VANDPS, VANDPD). */
export function opVpandVxHxWx(c: Cpu, i: Insn): void { logic(c, i, L_AND); }
/** VPANDN: ~vvvv & W (also VANDNPS, VANDNPD). */
export function opVpandnVxHxWx(c: Cpu, i: Insn): void { logic(c, i, L_ANDN); }
/** VPOR (also VORPS, VORPD). */
export function opVporVxHxWx(c: Cpu, i: Insn): void { logic(c, i, L_OR); }
/** VPXOR (also VXORPS, VXORPD). */
export function opVpxorVxHxWx(c: Cpu, i: Insn): void { logic(c, i, L_XOR); }

// ---- bytes --------------------------------------------------------------------------------------

const B_ADD = 0, B_SUB = 1, B_ADDS = 2, B_ADDUS = 3, B_SUBS = 4, B_SUBUS = 5, B_EQ = 6, B_GT = 7;
const B_MINU = 8, B_MAXU = 9, B_MINS = 10, B_MAXS = 11, B_AVG = 12, B_SIGN = 13;

function sat8(v: number): number { return v > 127 ? 127 : v < -128 ? -128 : v; }
function satU8(v: number): number { return v > 255 ? 255 : v < 0 ? 0 : v; }

function bytes(c: Cpu, i: Insn, op: number): void {
  const W = srcW(c, i);
  const n = i.vexL ? 32 : 16;
  const u = c.xmmU8;
  const d = i.reg << 5;
  const a = i.vvvv << 5;
  const B = W === VB ? VBU8 : u;
  const b = WO << 2;
  const x = c.xmm;
  const d4 = i.reg << 3;
  const a4 = i.vvvv << 3;
  const w4 = WO;
  // SWAR on dwords for the commonest forms: add/sub without carries across bytes, equality.
  switch (op) {
    case B_ADD:
      for (let k = 0; k < n >> 2; k++) {
        const p = x[a4 + k], q = W[w4 + k];
        x[d4 + k] = ((p & 0x7f7f7f7f) + (q & 0x7f7f7f7f)) ^ ((p ^ q) & 0x80808080);
      }
      break;
    case B_SUB:
      for (let k = 0; k < n >> 2; k++) {
        const p = x[a4 + k], q = W[w4 + k];
        x[d4 + k] = ((p | 0x80808080) - (q & 0x7f7f7f7f)) ^ ((p ^ ~q) & 0x80808080);
      }
      break;
    case B_EQ:
      for (let k = 0; k < n >> 2; k++) {
        const t = x[a4 + k] ^ W[w4 + k];
        const nz = (((t & 0x7f7f7f7f) + 0x7f7f7f7f) | t) & 0x80808080; // high bit set per nonzero byte
        x[d4 + k] = Math.imul((~nz & 0x80808080) >>> 7, 255);
      }
      break;
    case B_ADDS: for (let k = 0; k < n; k++) u[d + k] = sat8(((u[a + k] << 24) >> 24) + ((B[b + k] << 24) >> 24)); break;
    case B_ADDUS: for (let k = 0; k < n; k++) u[d + k] = satU8(u[a + k] + B[b + k]); break;
    case B_SUBS: for (let k = 0; k < n; k++) u[d + k] = sat8(((u[a + k] << 24) >> 24) - ((B[b + k] << 24) >> 24)); break;
    case B_SUBUS: for (let k = 0; k < n; k++) u[d + k] = satU8(u[a + k] - B[b + k]); break;
    case B_GT: for (let k = 0; k < n; k++) u[d + k] = ((u[a + k] << 24) >> 24) > ((B[b + k] << 24) >> 24) ? 255 : 0; break;
    case B_MINU: for (let k = 0; k < n; k++) { const p = u[a + k], q = B[b + k]; u[d + k] = p < q ? p : q; } break;
    case B_MAXU: for (let k = 0; k < n; k++) { const p = u[a + k], q = B[b + k]; u[d + k] = p > q ? p : q; } break;
    case B_MINS: for (let k = 0; k < n; k++) { const p = (u[a + k] << 24) >> 24, q = (B[b + k] << 24) >> 24; u[d + k] = p < q ? p : q; } break;
    case B_MAXS: for (let k = 0; k < n; k++) { const p = (u[a + k] << 24) >> 24, q = (B[b + k] << 24) >> 24; u[d + k] = p > q ? p : q; } break;
    case B_AVG: for (let k = 0; k < n; k++) u[d + k] = (u[a + k] + B[b + k] + 1) >> 1; break;
    default: // B_SIGN
      for (let k = 0; k < n; k++) { const q = (B[b + k] << 24) >> 24; u[d + k] = q < 0 ? -u[a + k] : q === 0 ? 0 : u[a + k]; }
  }
  if (n === 16) zeroUpper(c, i.reg);
}

/** VPADDB. */
export function opVpaddbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_ADD); }
/** VPSUBB. */
export function opVpsubbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_SUB); }
/** VPADDSB. */
export function opVpaddsbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_ADDS); }
/** VPADDUSB. */
export function opVpaddusbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_ADDUS); }
/** VPSUBSB. */
export function opVpsubsbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_SUBS); }
/** VPSUBUSB. */
export function opVpsubusbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_SUBUS); }
/** VPCMPEQB. */
export function opVpcmpeqbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_EQ); }
/** VPCMPGTB (signed). */
export function opVpcmpgtbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_GT); }
/** VPMINUB. */
export function opVpminubVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_MINU); }
/** VPMAXUB. */
export function opVpmaxubVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_MAXU); }
/** VPMINSB. */
export function opVpminsbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_MINS); }
/** VPMAXSB. */
export function opVpmaxsbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_MAXS); }
/** VPAVGB. */
export function opVpavgbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_AVG); }
/** VPSIGNB. */
export function opVpsignbVxHxWx(c: Cpu, i: Insn): void { bytes(c, i, B_SIGN); }

// ---- words --------------------------------------------------------------------------------------

const W_ADD = 0, W_SUB = 1, W_ADDS = 2, W_ADDUS = 3, W_SUBS = 4, W_SUBUS = 5, W_EQ = 6, W_GT = 7;
const W_MINU = 8, W_MAXU = 9, W_MINS = 10, W_MAXS = 11, W_AVG = 12, W_SIGN = 13, W_MULL = 14;
const W_MULH = 15, W_MULHU = 16, W_MULHRS = 17;

function sat16(v: number): number { return v > 32767 ? 32767 : v < -32768 ? -32768 : v; }
function satU16(v: number): number { return v > 65535 ? 65535 : v < 0 ? 0 : v; }

function words(c: Cpu, i: Insn, op: number): void {
  const W = srcW(c, i);
  const n = i.vexL ? 16 : 8;
  const u = c.xmmU16;
  const d = i.reg << 4;
  const a = i.vvvv << 4;
  const B = W === VB ? VBU16 : u;
  const b = WO << 1;
  switch (op) {
    case W_ADD: for (let k = 0; k < n; k++) u[d + k] = u[a + k] + B[b + k]; break;
    case W_SUB: for (let k = 0; k < n; k++) u[d + k] = u[a + k] - B[b + k]; break;
    case W_ADDS: for (let k = 0; k < n; k++) u[d + k] = sat16(((u[a + k] << 16) >> 16) + ((B[b + k] << 16) >> 16)); break;
    case W_ADDUS: for (let k = 0; k < n; k++) u[d + k] = satU16(u[a + k] + B[b + k]); break;
    case W_SUBS: for (let k = 0; k < n; k++) u[d + k] = sat16(((u[a + k] << 16) >> 16) - ((B[b + k] << 16) >> 16)); break;
    case W_SUBUS: for (let k = 0; k < n; k++) u[d + k] = satU16(u[a + k] - B[b + k]); break;
    case W_EQ: for (let k = 0; k < n; k++) u[d + k] = u[a + k] === B[b + k] ? 65535 : 0; break;
    case W_GT: for (let k = 0; k < n; k++) u[d + k] = ((u[a + k] << 16) >> 16) > ((B[b + k] << 16) >> 16) ? 65535 : 0; break;
    case W_MINU: for (let k = 0; k < n; k++) { const p = u[a + k], q = B[b + k]; u[d + k] = p < q ? p : q; } break;
    case W_MAXU: for (let k = 0; k < n; k++) { const p = u[a + k], q = B[b + k]; u[d + k] = p > q ? p : q; } break;
    case W_MINS: for (let k = 0; k < n; k++) { const p = (u[a + k] << 16) >> 16, q = (B[b + k] << 16) >> 16; u[d + k] = p < q ? p : q; } break;
    case W_MAXS: for (let k = 0; k < n; k++) { const p = (u[a + k] << 16) >> 16, q = (B[b + k] << 16) >> 16; u[d + k] = p > q ? p : q; } break;
    case W_AVG: for (let k = 0; k < n; k++) u[d + k] = (u[a + k] + B[b + k] + 1) >> 1; break;
    case W_SIGN:
      for (let k = 0; k < n; k++) { const q = (B[b + k] << 16) >> 16; u[d + k] = q < 0 ? -u[a + k] : q === 0 ? 0 : u[a + k]; }
      break;
    case W_MULL: for (let k = 0; k < n; k++) u[d + k] = Math.imul(u[a + k], B[b + k]); break;
    case W_MULH: for (let k = 0; k < n; k++) u[d + k] = Math.imul((u[a + k] << 16) >> 16, (B[b + k] << 16) >> 16) >> 16; break;
    case W_MULHU: for (let k = 0; k < n; k++) u[d + k] = (u[a + k] * B[b + k]) >>> 16; break;
    default: // W_MULHRS: ((a * b >> 14) + 1) >> 1
      for (let k = 0; k < n; k++) u[d + k] = ((Math.imul((u[a + k] << 16) >> 16, (B[b + k] << 16) >> 16) >> 14) + 1) >> 1;
  }
  if (n === 8) zeroUpper(c, i.reg);
}

/** VPADDW. */
export function opVpaddwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_ADD); }
/** VPSUBW. */
export function opVpsubwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_SUB); }
/** VPADDSW. */
export function opVpaddswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_ADDS); }
/** VPADDUSW. */
export function opVpadduswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_ADDUS); }
/** VPSUBSW. */
export function opVpsubswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_SUBS); }
/** VPSUBUSW. */
export function opVpsubuswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_SUBUS); }
/** VPCMPEQW. */
export function opVpcmpeqwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_EQ); }
/** VPCMPGTW. */
export function opVpcmpgtwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_GT); }
/** VPMINUW. */
export function opVpminuwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MINU); }
/** VPMAXUW. */
export function opVpmaxuwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MAXU); }
/** VPMINSW. */
export function opVpminswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MINS); }
/** VPMAXSW. */
export function opVpmaxswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MAXS); }
/** VPAVGW. */
export function opVpavgwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_AVG); }
/** VPSIGNW. */
export function opVpsignwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_SIGN); }
/** VPMULLW. */
export function opVpmullwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MULL); }
/** VPMULHW. */
export function opVpmulhwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MULH); }
/** VPMULHUW. */
export function opVpmulhuwVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MULHU); }
/** VPMULHRSW. */
export function opVpmulhrswVxHxWx(c: Cpu, i: Insn): void { words(c, i, W_MULHRS); }

// ---- dwords and qwords ----------------------------------------------------------------------------

const D_ADD = 0, D_SUB = 1, D_EQ = 2, D_GT = 3, D_MINU = 4, D_MAXU = 5, D_MINS = 6, D_MAXS = 7;
const D_MULL = 8, D_SIGN = 9;

function dwords(c: Cpu, i: Insn, op: number): void {
  const B = srcW(c, i);
  const b = WO;
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  switch (op) {
    case D_ADD: for (let k = 0; k < n; k++) x[d + k] = (x[a + k] + B[b + k]) | 0; break;
    case D_SUB: for (let k = 0; k < n; k++) x[d + k] = (x[a + k] - B[b + k]) | 0; break;
    case D_EQ: for (let k = 0; k < n; k++) x[d + k] = x[a + k] === B[b + k] ? -1 : 0; break;
    case D_GT: for (let k = 0; k < n; k++) x[d + k] = x[a + k] > B[b + k] ? -1 : 0; break;
    case D_MINU: for (let k = 0; k < n; k++) { const p = x[a + k], q = B[b + k]; x[d + k] = (p >>> 0) < (q >>> 0) ? p : q; } break;
    case D_MAXU: for (let k = 0; k < n; k++) { const p = x[a + k], q = B[b + k]; x[d + k] = (p >>> 0) > (q >>> 0) ? p : q; } break;
    case D_MINS: for (let k = 0; k < n; k++) { const p = x[a + k], q = B[b + k]; x[d + k] = p < q ? p : q; } break;
    case D_MAXS: for (let k = 0; k < n; k++) { const p = x[a + k], q = B[b + k]; x[d + k] = p > q ? p : q; } break;
    case D_MULL: for (let k = 0; k < n; k++) x[d + k] = Math.imul(x[a + k], B[b + k]); break;
    default: // D_SIGN
      for (let k = 0; k < n; k++) { const q = B[b + k]; x[d + k] = q < 0 ? -x[a + k] | 0 : q === 0 ? 0 : x[a + k]; }
  }
  if (n === 4) zeroUpper(c, i.reg);
}

/** VPADDD. */
export function opVpadddVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_ADD); }
/** VPSUBD. */
export function opVpsubdVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_SUB); }
/** VPCMPEQD. */
export function opVpcmpeqdVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_EQ); }
/** VPCMPGTD. */
export function opVpcmpgtdVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_GT); }
/** VPMINUD. */
export function opVpminudVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_MINU); }
/** VPMAXUD. */
export function opVpmaxudVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_MAXU); }
/** VPMINSD. */
export function opVpminsdVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_MINS); }
/** VPMAXSD. */
export function opVpmaxsdVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_MAXS); }
/** VPMULLD. */
export function opVpmulldVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_MULL); }
/** VPSIGND. */
export function opVpsigndVxHxWx(c: Cpu, i: Insn): void { dwords(c, i, D_SIGN); }

const Q_ADD = 0, Q_SUB = 1, Q_EQ = 2, Q_GT = 3, Q_MULUDQ = 4, Q_MULDQ = 5;

function qwords(c: Cpu, i: Insn, op: number): void {
  const B = srcW(c, i);
  const b = WO;
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  for (let k = 0; k < n; k += 2) {
    const al = x[a + k], ah = x[a + k + 1], bl = B[b + k], bh = B[b + k + 1];
    switch (op) {
      case Q_ADD: {
        const lo = (al >>> 0) + (bl >>> 0);
        x[d + k] = lo | 0; x[d + k + 1] = (ah + bh + (lo > 4294967295 ? 1 : 0)) | 0;
        break;
      }
      case Q_SUB:
        x[d + k] = (al - bl) | 0; x[d + k + 1] = (ah - bh - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
        break;
      case Q_EQ: x[d + k] = x[d + k + 1] = al === bl && ah === bh ? -1 : 0; break;
      case Q_GT: x[d + k] = x[d + k + 1] = ah > bh || (ah === bh && (al >>> 0) > (bl >>> 0)) ? -1 : 0; break;
      case Q_MULUDQ: x[d + k] = mulU32(al, bl); x[d + k + 1] = mulHi(); break;
      default: x[d + k] = mulS32(al, bl); x[d + k + 1] = mulHi(); // Q_MULDQ
    }
  }
  if (n === 4) zeroUpper(c, i.reg);
}

/** VPADDQ. */
export function opVpaddqVxHxWx(c: Cpu, i: Insn): void { qwords(c, i, Q_ADD); }
/** VPSUBQ. */
export function opVpsubqVxHxWx(c: Cpu, i: Insn): void { qwords(c, i, Q_SUB); }
/** VPCMPEQQ. */
export function opVpcmpeqqVxHxWx(c: Cpu, i: Insn): void { qwords(c, i, Q_EQ); }
/** VPCMPGTQ (signed). */
export function opVpcmpgtqVxHxWx(c: Cpu, i: Insn): void { qwords(c, i, Q_GT); }
/** VPMULUDQ: even unsigned dwords multiplied into qwords. */
export function opVpmuludqVxHxWx(c: Cpu, i: Insn): void { qwords(c, i, Q_MULUDQ); }
/** VPMULDQ: even signed dwords multiplied into qwords. */
export function opVpmuldqVxHxWx(c: Cpu, i: Insn): void { qwords(c, i, Q_MULDQ); }

/** VPMADDWD: signed word pairs multiplied and summed into dwords (0x8000 pairs wrap to 0x80000000). */
export function opVpmaddwdVxHxWx(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  const u = c.xmmU16;
  const x = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 4;
  const B = VBU16;
  for (let k = 0; k < n; k++) {
    const p = Math.imul((u[a + 2 * k] << 16) >> 16, (B[2 * k] << 16) >> 16);
    const q = Math.imul((u[a + 2 * k + 1] << 16) >> 16, (B[2 * k + 1] << 16) >> 16);
    x[d + k] = (p + q) | 0;
  }
  if (n === 4) zeroUpper(c, i.reg);
}

// ---- absolute values (two-operand) ----------------------------------------------------------------

/** VPABSB xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVpabsbVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i) << 2;
  const u = c.xmmU8;
  const d = i.reg << 5;
  for (let k = 0; k < n; k++) { const v = (VBU8[k] << 24) >> 24; u[d + k] = v < 0 ? -v : v; }
  if (n === 16) zeroUpper(c, i.reg);
}

/** VPABSW. */
export function opVpabswVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i) << 1;
  const u = c.xmmU16;
  const d = i.reg << 4;
  for (let k = 0; k < n; k++) { const v = (VBU16[k] << 16) >> 16; u[d + k] = v < 0 ? -v : v; }
  if (n === 8) zeroUpper(c, i.reg);
}

/** VPABSD (0x80000000 stays 0x80000000). */
export function opVpabsdVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < n; k++) { const v = VB[k]; x[d + k] = v < 0 ? -v | 0 : v; }
  if (n === 4) zeroUpper(c, i.reg);
}

// ---- horizontal and multiply-add forms through the SSE lane adapter --------------------------------

/** VPHADDW. */
export function opVphaddwVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPhaddwVdqWdq); }
/** VPHADDD. */
export function opVphadddVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPhadddVdqWdq); }
/** VPHADDSW. */
export function opVphaddswVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPhaddswVdqWdq); }
/** VPHSUBW. */
export function opVphsubwVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPhsubwVdqWdq); }
/** VPHSUBD. */
export function opVphsubdVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPhsubdVdqWdq); }
/** VPHSUBSW. */
export function opVphsubswVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPhsubswVdqWdq); }
/** VPMADDUBSW. */
export function opVpmaddubswVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I4.opPmaddubswVdqWdq); }
/** VPSADBW. */
export function opVpsadbwVxHxWx(c: Cpu, i: Insn): void { sse3(c, i, I.opPsadbwVdqWdq); }
/** VMPSADBW: the upper lane takes its block offsets from imm8[5:3]. */
export function opVmpsadbwVxHxWxIb(c: Cpu, i: Insn): void { sse3(c, i, I4.opMpsadbwVdqWdqIb, 3); }
/** VPHMINPOSUW xmm1, xmm2/m128 (VEX.128 only). */
export function opVphminposuwVxWx(c: Cpu, i: Insn): void { sse2(c, i, I4.opPhminposuwVdqWdq); }

// ---- shifts -------------------------------------------------------------------------------------

const SH_L = 0, SH_R = 1, SH_A = 2;

/** Word shifts of register s into register d (n words) by cnt (0-255, > 15 saturates). */
function shW(c: Cpu, d: number, s: number, n: number, cnt: number, kind: number): void {
  const u = c.xmmU16;
  const dd = d << 4;
  const ss = s << 4;
  if (kind === SH_A) { const k2 = cnt > 15 ? 15 : cnt; for (let k = 0; k < n; k++) u[dd + k] = ((u[ss + k] << 16) >> 16) >> k2; }
  else if (cnt > 15) for (let k = 0; k < n; k++) u[dd + k] = 0;
  else if (kind === SH_L) for (let k = 0; k < n; k++) u[dd + k] = u[ss + k] << cnt;
  else for (let k = 0; k < n; k++) u[dd + k] = u[ss + k] >>> cnt;
}

function shD(c: Cpu, d: number, s: number, n: number, cnt: number, kind: number): void {
  const x = c.xmm;
  const dd = d << 3;
  const ss = s << 3;
  if (kind === SH_A) { const k2 = cnt > 31 ? 31 : cnt; for (let k = 0; k < n; k++) x[dd + k] = x[ss + k] >> k2; }
  else if (cnt > 31) for (let k = 0; k < n; k++) x[dd + k] = 0;
  else if (kind === SH_L) for (let k = 0; k < n; k++) x[dd + k] = x[ss + k] << cnt;
  else for (let k = 0; k < n; k++) x[dd + k] = x[ss + k] >>> cnt;
}

/** Shifts the qword (lo, hi) left or right by cnt (0-63): result in QL/QH. */
let QL = 0;
let QH = 0;
function shq(lo: number, hi: number, cnt: number, left: boolean): void {
  if (cnt === 0) { QL = lo; QH = hi; }
  else if (cnt > 63) { QL = 0; QH = 0; }
  else if (left) {
    if (cnt >= 32) { QH = lo << (cnt - 32); QL = 0; } else { QH = (hi << cnt) | (lo >>> (32 - cnt)); QL = lo << cnt; }
  } else if (cnt >= 32) { QL = hi >>> (cnt - 32); QH = 0; }
  else { QL = (lo >>> cnt) | (hi << (32 - cnt)); QH = hi >>> cnt; }
}

function shQ(c: Cpu, d: number, s: number, n: number, cnt: number, left: boolean): void {
  const x = c.xmm;
  const dd = d << 3;
  const ss = s << 3;
  for (let k = 0; k < n; k += 2) {
    shq(x[ss + k], x[ss + k + 1], cnt, left);
    x[dd + k] = QL; x[dd + k + 1] = QH;
  }
}

/** Shift count of the xmm/m128 operand: its low qword saturated to 255. */
function countX(c: Cpu, i: Insn): number {
  loadVW128(c, i);
  return VB[1] !== 0 || (VB[0] >>> 0) > 255 ? 255 : VB[0];
}

function fin(c: Cpu, d: number, n8: boolean): void {
  if (!n8) zeroUpper(c, d);
}

/** VPSLLW xmm1/ymm1, xmm2/ymm2, xmm3/m128. */
export function opVpsllwVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 16 : 8; shW(c, i.reg, i.vvvv, n, countX(c, i), SH_L); fin(c, i.reg, n === 16); }
/** VPSRLW. */
export function opVpsrlwVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 16 : 8; shW(c, i.reg, i.vvvv, n, countX(c, i), SH_R); fin(c, i.reg, n === 16); }
/** VPSRAW. */
export function opVpsrawVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 16 : 8; shW(c, i.reg, i.vvvv, n, countX(c, i), SH_A); fin(c, i.reg, n === 16); }
/** VPSLLD. */
export function opVpslldVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shD(c, i.reg, i.vvvv, n, countX(c, i), SH_L); fin(c, i.reg, n === 8); }
/** VPSRLD. */
export function opVpsrldVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shD(c, i.reg, i.vvvv, n, countX(c, i), SH_R); fin(c, i.reg, n === 8); }
/** VPSRAD. */
export function opVpsradVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shD(c, i.reg, i.vvvv, n, countX(c, i), SH_A); fin(c, i.reg, n === 8); }
/** VPSLLQ. */
export function opVpsllqVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shQ(c, i.reg, i.vvvv, n, countX(c, i), true); fin(c, i.reg, n === 8); }
/** VPSRLQ. */
export function opVpsrlqVxHxWx(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shQ(c, i.reg, i.vvvv, n, countX(c, i), false); fin(c, i.reg, n === 8); }

/** VPSLLW xmm1/ymm1 (vvvv), xmm2/ymm2 (rm), imm8. */
export function opVpsllwHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 16 : 8; shW(c, i.vvvv, i.rm, n, i.imm & 0xff, SH_L); fin(c, i.vvvv, n === 16); }
/** VPSRLW by imm8. */
export function opVpsrlwHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 16 : 8; shW(c, i.vvvv, i.rm, n, i.imm & 0xff, SH_R); fin(c, i.vvvv, n === 16); }
/** VPSRAW by imm8. */
export function opVpsrawHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 16 : 8; shW(c, i.vvvv, i.rm, n, i.imm & 0xff, SH_A); fin(c, i.vvvv, n === 16); }
/** VPSLLD by imm8. */
export function opVpslldHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shD(c, i.vvvv, i.rm, n, i.imm & 0xff, SH_L); fin(c, i.vvvv, n === 8); }
/** VPSRLD by imm8. */
export function opVpsrldHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shD(c, i.vvvv, i.rm, n, i.imm & 0xff, SH_R); fin(c, i.vvvv, n === 8); }
/** VPSRAD by imm8. */
export function opVpsradHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shD(c, i.vvvv, i.rm, n, i.imm & 0xff, SH_A); fin(c, i.vvvv, n === 8); }
/** VPSLLQ by imm8. */
export function opVpsllqHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shQ(c, i.vvvv, i.rm, n, i.imm & 0xff, true); fin(c, i.vvvv, n === 8); }
/** VPSRLQ by imm8. */
export function opVpsrlqHxUxIb(c: Cpu, i: Insn): void { const n = i.vexL ? 8 : 4; shQ(c, i.vvvv, i.rm, n, i.imm & 0xff, false); fin(c, i.vvvv, n === 8); }

/** Byte shift of each 128-bit lane of rm into vvvv (VPSLLDQ left, VPSRLDQ right). */
function shDQ(c: Cpu, i: Insn, left: boolean): void {
  const u = c.xmmU8;
  const cnt = i.imm & 0xff;
  const lanes = i.vexL ? 2 : 1;
  for (let l = 0; l < lanes; l++) {
    const d = (i.vvvv << 5) + 16 * l;
    const s = (i.rm << 5) + 16 * l;
    for (let k = 0; k < 16; k++) VBU8[k] = u[s + k];
    if (left) for (let k = 0; k < 16; k++) u[d + k] = k >= cnt ? VBU8[k - cnt] : 0;
    else for (let k = 0; k < 16; k++) u[d + k] = k + cnt < 16 ? VBU8[k + cnt] : 0;
  }
  if (lanes === 1) zeroUpper(c, i.vvvv);
}

/** VPSLLDQ xmm1/ymm1, xmm2/ymm2, imm8 (per 128-bit lane). */
export function opVpslldqHxUxIb(c: Cpu, i: Insn): void { shDQ(c, i, true); }
/** VPSRLDQ xmm1/ymm1, xmm2/ymm2, imm8 (per 128-bit lane). */
export function opVpsrldqHxUxIb(c: Cpu, i: Insn): void { shDQ(c, i, false); }

// ---- AVX2 per-element variable shifts -------------------------------------------------------------

/** VPSLLVD / VPSRLVD / VPSRAVD: each dword of vvvv shifted by the matching dword of W (unsigned count). */
function shVD(c: Cpu, i: Insn, kind: number): void {
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  for (let k = 0; k < n; k++) {
    const cnt = VB[k] >>> 0;
    const v = x[a + k];
    if (kind === SH_A) x[d + k] = v >> (cnt > 31 ? 31 : cnt);
    else if (cnt > 31) x[d + k] = 0;
    else x[d + k] = kind === SH_L ? v << cnt : v >>> cnt;
  }
  if (n === 4) zeroUpper(c, i.reg);
}

/** VPSLLVQ / VPSRLVQ: each qword shifted by the matching qword count (counts > 63 clear it). */
function shVQ(c: Cpu, i: Insn, left: boolean): void {
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  for (let k = 0; k < n; k += 2) {
    const cnt = VB[k + 1] !== 0 || (VB[k] >>> 0) > 63 ? 64 : VB[k];
    shq(x[a + k], x[a + k + 1], cnt, left);
    x[d + k] = QL; x[d + k + 1] = QH;
  }
  if (n === 4) zeroUpper(c, i.reg);
}

/** VPSLLVD. */
export function opVpsllvdVxHxWx(c: Cpu, i: Insn): void { shVD(c, i, SH_L); }
/** VPSRLVD. */
export function opVpsrlvdVxHxWx(c: Cpu, i: Insn): void { shVD(c, i, SH_R); }
/** VPSRAVD. */
export function opVpsravdVxHxWx(c: Cpu, i: Insn): void { shVD(c, i, SH_A); }
/** VPSLLVQ. */
export function opVpsllvqVxHxWx(c: Cpu, i: Insn): void { shVQ(c, i, true); }
/** VPSRLVQ. */
export function opVpsrlvqVxHxWx(c: Cpu, i: Insn): void { shVQ(c, i, false); }

// ---- SSE4.2 string compares (VEX.128; vvvv must be 1111b) -------------------------------------------

/** VPCMPESTRI xmm1, xmm2/m128, imm8 (VEX.W1: 64-bit lengths in RAX/RDX). */
export function opVpcmpestriVxWxIb(c: Cpu, i: Insn): void { noV(c, i); STR.opPcmpestriVdqWdqIb(c, i); }
/** VPCMPESTRM xmm1, xmm2/m128, imm8: the mask goes to xmm0, bits 255:128 zeroed. */
export function opVpcmpestrmVxWxIb(c: Cpu, i: Insn): void { noV(c, i); STR.opPcmpestrmVdqWdqIb(c, i); zeroUpper(c, 0); }
/** VPCMPISTRI xmm1, xmm2/m128, imm8. */
export function opVpcmpistriVxWxIb(c: Cpu, i: Insn): void { noV(c, i); STR.opPcmpistriVdqWdqIb(c, i); }
/** VPCMPISTRM xmm1, xmm2/m128, imm8. */
export function opVpcmpistrmVxWxIb(c: Cpu, i: Insn): void { noV(c, i); STR.opPcmpistrmVdqWdqIb(c, i); zeroUpper(c, 0); }
