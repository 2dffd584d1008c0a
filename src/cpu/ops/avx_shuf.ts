// AVX/AVX2 shuffles, permutes, packs, unpacks, blends and widening moves (Intel SDM Vol. 2
// VPUNPCKxxx/VUNPCKxPS/PD, VPACKSSWB…VPACKUSDW, VPSHUFB, VPSHUFD/HW/LW, VPALIGNR, VSHUFPS/PD,
// VPERMILPS/PD, VPERM2F128/VPERM2I128, VPERMQ/VPERMPD, VPERMD/VPERMPS, VPBLENDD, VBLENDPS/PD,
// VPBLENDW, VBLENDVPS/PD, VPBLENDVB, VPMOVSXxx/VPMOVZXxx). Most VEX.256 forms act on each 128-bit
// lane independently (SDM Vol. 1 §14.4 "in-lane"); the permutes and widening moves cross lanes.
// Results are staged in VR, so the destination may alias any source.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import {
  VA, VAU8, VAU16, VB, VBU8, VBU16, VR, VRU8, VRU16, WO, copyA, loadVW, noV, rd128, srcW, storeVR,
} from './avx_operand.js';

// ---- unpack -------------------------------------------------------------------------------------

/**
 * Interleaves elements of w bytes from the low (hi = 0) or high (hi = 8) half of each lane of vvvv
 * and W. Sources are read in place (the result is staged in VR, so they may alias the destination).
 */
function unpack(c: Cpu, i: Insn, w: number, hi: number): void {
  const W = srcW(c, i);
  const b = WO;
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const a = i.vvvv << 3;
  if (w >= 4) {
    const h = hi >> 2; // dword offset of the half
    for (let o = 0; o < n; o += 4) {
      if (w === 4) {
        VR[o] = x[a + o + h]; VR[o + 1] = W[b + o + h]; VR[o + 2] = x[a + o + h + 1]; VR[o + 3] = W[b + o + h + 1];
      } else {
        VR[o] = x[a + o + h]; VR[o + 1] = x[a + o + h + 1]; VR[o + 2] = W[b + o + h]; VR[o + 3] = W[b + o + h + 1];
      }
    }
  } else if (w === 2) {
    const u = c.xmmU16;
    const B = W === VB ? VBU16 : u;
    const a2 = a << 1;
    const b2 = b << 1;
    for (let o = 0; o < 2 * n; o += 8) {
      for (let k = 0; k < 4; k++) { VRU16[o + 2 * k] = u[a2 + o + (hi >> 1) + k]; VRU16[o + 2 * k + 1] = B[b2 + o + (hi >> 1) + k]; }
    }
  } else {
    const u = c.xmmU8;
    const B = W === VB ? VBU8 : u;
    const a4 = a << 2;
    const b4 = b << 2;
    for (let o = 0; o < 4 * n; o += 16) {
      for (let k = 0; k < 8; k++) { VRU8[o + 2 * k] = u[a4 + o + hi + k]; VRU8[o + 2 * k + 1] = B[b4 + o + hi + k]; }
    }
  }
  storeVR(c, i.reg, n);
}

/** VPUNPCKLBW. */
export function opVpunpcklbwVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 1, 0); }
/** VPUNPCKLWD. */
export function opVpunpcklwdVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 2, 0); }
/** VPUNPCKLDQ (also VUNPCKLPS). */
export function opVpunpckldqVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 4, 0); }
/** VPUNPCKLQDQ (also VUNPCKLPD). */
export function opVpunpcklqdqVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 8, 0); }
/** VPUNPCKHBW. */
export function opVpunpckhbwVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 1, 8); }
/** VPUNPCKHWD. */
export function opVpunpckhwdVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 2, 8); }
/** VPUNPCKHDQ (also VUNPCKHPS). */
export function opVpunpckhdqVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 4, 8); }
/** VPUNPCKHQDQ (also VUNPCKHPD). */
export function opVpunpckhqdqVxHxWx(c: Cpu, i: Insn): void { unpack(c, i, 8, 8); }

// ---- pack ---------------------------------------------------------------------------------------

function packWB(c: Cpu, i: Insn, unsigned: boolean): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  for (let l = 0; l < n >> 2; l++) {
    for (let k = 0; k < 16; k++) {
      const v = ((k < 8 ? VAU16[8 * l + k] : VBU16[8 * l + k - 8]) << 16) >> 16;
      VRU8[16 * l + k] = unsigned ? (v < 0 ? 0 : v > 255 ? 255 : v) : (v < -128 ? 128 : v > 127 ? 127 : v & 255);
    }
  }
  storeVR(c, i.reg, n);
}

function packDW(c: Cpu, i: Insn, unsigned: boolean): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  for (let l = 0; l < n >> 2; l++) {
    for (let k = 0; k < 8; k++) {
      const v = k < 4 ? VA[4 * l + k] : VB[4 * l + k - 4];
      VRU16[8 * l + k] = unsigned ? (v < 0 ? 0 : v > 65535 ? 65535 : v) : (v < -32768 ? 32768 : v > 32767 ? 32767 : v & 65535);
    }
  }
  storeVR(c, i.reg, n);
}

/** VPACKSSWB. */
export function opVpacksswbVxHxWx(c: Cpu, i: Insn): void { packWB(c, i, false); }
/** VPACKUSWB. */
export function opVpackuswbVxHxWx(c: Cpu, i: Insn): void { packWB(c, i, true); }
/** VPACKSSDW. */
export function opVpackssdwVxHxWx(c: Cpu, i: Insn): void { packDW(c, i, false); }
/** VPACKUSDW. */
export function opVpackusdwVxHxWx(c: Cpu, i: Insn): void { packDW(c, i, true); }

// ---- byte shuffles --------------------------------------------------------------------------------

/** VPSHUFB: each byte of vvvv's lane selected by W's control byte (bit 7 set → 0). */
export function opVpshufbVxHxWx(c: Cpu, i: Insn): void {
  const W = srcW(c, i);
  const n = i.vexL ? 8 : 4;
  const u = c.xmmU8;
  const B = W === VB ? VBU8 : u;
  const b = WO << 2;
  const a = i.vvvv << 5;
  for (let k = 0; k < 4 * n; k++) {
    const s = B[b + k];
    VRU8[k] = s & 0x80 ? 0 : u[a + (k & 16) + (s & 15)];
  }
  storeVR(c, i.reg, n);
}

/** VPALIGNR: per lane, bytes imm8.. of the 32-byte concatenation vvvv:W (W low). */
export function opVpalignrVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  const sh = i.imm & 0xff;
  for (let l = 0; l < 4 * n; l += 16) {
    for (let k = 0; k < 16; k++) {
      const p = k + sh;
      VRU8[l + k] = p < 16 ? VBU8[l + p] : p < 32 ? VAU8[l + p - 16] : 0;
    }
  }
  storeVR(c, i.reg, n);
}

// ---- dword / word shuffles by imm8 ------------------------------------------------------------------

/** VPSHUFD xmm1/ymm1, xmm2/m128 | ymm2/m256, imm8 (same selectors in each lane). */
export function opVpshufdVxWxIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const m = i.imm;
  for (let l = 0; l < n; l += 4) for (let k = 0; k < 4; k++) VR[l + k] = VB[l + ((m >> (2 * k)) & 3)];
  storeVR(c, i.reg, n);
}

/** VPSHUFHW: high four words of each lane shuffled, low four copied. */
export function opVpshufhwVxWxIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const m = i.imm;
  for (let l = 0; l < 2 * n; l += 8) {
    for (let k = 0; k < 4; k++) { VRU16[l + k] = VBU16[l + k]; VRU16[l + 4 + k] = VBU16[l + 4 + ((m >> (2 * k)) & 3)]; }
  }
  storeVR(c, i.reg, n);
}

/** VPSHUFLW: low four words of each lane shuffled, high four copied. */
export function opVpshuflwVxWxIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const m = i.imm;
  for (let l = 0; l < 2 * n; l += 8) {
    for (let k = 0; k < 4; k++) { VRU16[l + k] = VBU16[l + ((m >> (2 * k)) & 3)]; VRU16[l + 4 + k] = VBU16[l + 4 + k]; }
  }
  storeVR(c, i.reg, n);
}

/** VSHUFPS: per lane, two dwords of vvvv then two of W, picked by imm8. */
export function opVshufpsVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  const m = i.imm;
  for (let l = 0; l < n; l += 4) {
    VR[l] = VA[l + (m & 3)]; VR[l + 1] = VA[l + ((m >> 2) & 3)];
    VR[l + 2] = VB[l + ((m >> 4) & 3)]; VR[l + 3] = VB[l + ((m >> 6) & 3)];
  }
  storeVR(c, i.reg, n);
}

/** VSHUFPD: per lane l, qword of vvvv by imm8[2l], qword of W by imm8[2l+1]. */
export function opVshufpdVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  const m = i.imm;
  for (let l = 0; l < n >> 2; l++) {
    const o = 4 * l;
    const a = o + (((m >> (2 * l)) & 1) << 1);
    const b = o + (((m >> (2 * l + 1)) & 1) << 1);
    VR[o] = VA[a]; VR[o + 1] = VA[a + 1]; VR[o + 2] = VB[b]; VR[o + 3] = VB[b + 1];
  }
  storeVR(c, i.reg, n);
}

// ---- VPERMILPS / VPERMILPD ----------------------------------------------------------------------------

/** VPERMILPS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256: dwords of vvvv's lane picked by W's bits 1:0. */
export function opVpermilpsVxHxWx(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  for (let k = 0; k < n; k++) VR[k] = VA[(k & 4) + (VB[k] & 3)];
  storeVR(c, i.reg, n);
}

/** VPERMILPD (variable): qwords of vvvv's lane picked by bit 1 of W's qwords. */
export function opVpermilpdVxHxWx(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  copyA(c, i.vvvv, n);
  for (let k = 0; k < n; k += 2) {
    const s = (k & 4) + (VB[k] & 2);
    VR[k] = VA[s]; VR[k + 1] = VA[s + 1];
  }
  storeVR(c, i.reg, n);
}

/** VPERMILPS xmm1/ymm1, xmm2/m128 | ymm2/m256, imm8. */
export function opVpermilpsVxWxIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const m = i.imm;
  for (let k = 0; k < n; k++) VR[k] = VB[(k & 4) + ((m >> (2 * (k & 3))) & 3)];
  storeVR(c, i.reg, n);
}

/** VPERMILPD xmm1/ymm1, xmm2/m128 | ymm2/m256, imm8: qword k picks by imm8[k]. */
export function opVpermilpdVxWxIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  const m = i.imm;
  for (let k = 0; k < n; k += 2) {
    const s = (k & 4) + (((m >> (k >> 1)) & 1) << 1);
    VR[k] = VB[s]; VR[k + 1] = VB[s + 1];
  }
  storeVR(c, i.reg, n);
}

// ---- cross-lane permutes (VEX.256 only) ----------------------------------------------------------------

/** VPERM2F128 / VPERM2I128 ymm1, ymm2, ymm3/m256, imm8: each half picks a half of vvvv or W, or zero. */
export function opVperm2f128VqqHqqWqqIb(c: Cpu, i: Insn): void {
  loadVW(c, i);
  copyA(c, i.vvvv, 8);
  const m = i.imm;
  for (let h = 0; h < 2; h++) {
    const sel = (m >> (4 * h)) & 15;
    const src = sel & 2 ? VB : VA;
    const o = (sel & 1) << 2;
    for (let k = 0; k < 4; k++) VR[4 * h + k] = sel & 8 ? 0 : src[o + k];
  }
  storeVR(c, i.reg, 8);
}

/** VPERM2I128 ymm1, ymm2, ymm3/m256, imm8. */
export function opVperm2i128VqqHqqWqqIb(c: Cpu, i: Insn): void { opVperm2f128VqqHqqWqqIb(c, i); }

/** VPERMQ / VPERMPD ymm1, ymm2/m256, imm8: qword k = W qword imm8[2k+1:2k]. */
export function opVpermqVqqWqqIb(c: Cpu, i: Insn): void {
  noV(c, i);
  loadVW(c, i);
  const m = i.imm;
  for (let k = 0; k < 4; k++) { const s = ((m >> (2 * k)) & 3) << 1; VR[2 * k] = VB[s]; VR[2 * k + 1] = VB[s + 1]; }
  storeVR(c, i.reg, 8);
}

/** VPERMPD ymm1, ymm2/m256, imm8. */
export function opVpermpdVqqWqqIb(c: Cpu, i: Insn): void { opVpermqVqqWqqIb(c, i); }

/** VPERMD / VPERMPS ymm1, ymm2, ymm3/m256: dword k = W dword (vvvv dword k & 7). */
export function opVpermdVqqHqqWqq(c: Cpu, i: Insn): void {
  loadVW(c, i);
  const x = c.xmm;
  const v = i.vvvv << 3;
  for (let k = 0; k < 8; k++) VR[k] = VB[x[v + k] & 7];
  storeVR(c, i.reg, 8);
}

/** VPERMPS ymm1, ymm2, ymm3/m256. */
export function opVpermpsVqqHqqWqq(c: Cpu, i: Insn): void { opVpermdVqqHqqWqq(c, i); }

// ---- blends -------------------------------------------------------------------------------------------

/** VPBLENDD / VBLENDPS: dword k from W when imm8[k] is set, else from vvvv. */
function blendD(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const v = i.vvvv << 3;
  const m = i.imm;
  for (let k = 0; k < n; k++) x[d + k] = (m >> k) & 1 ? VB[k] : x[v + k];
  if (n === 4) { x[d + 4] = 0; x[d + 5] = 0; x[d + 6] = 0; x[d + 7] = 0; }
}

/** VPBLENDD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256, imm8. */
export function opVpblenddVxHxWxIb(c: Cpu, i: Insn): void { blendD(c, i); }
/** VBLENDPS, imm8 bit per dword. */
export function opVblendpsVxHxWxIb(c: Cpu, i: Insn): void { blendD(c, i); }

/** VBLENDPD: qword k from W when imm8[k] is set. */
export function opVblendpdVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const v = i.vvvv << 3;
  const m = i.imm;
  for (let k = 0; k < n; k++) x[d + k] = (m >> (k >> 1)) & 1 ? VB[k] : x[v + k];
  if (n === 4) { x[d + 4] = 0; x[d + 5] = 0; x[d + 6] = 0; x[d + 7] = 0; }
}

/** VPBLENDW: word k of each lane from W when imm8[k] is set (same imm8 for both lanes). */
export function opVpblendwVxHxWxIb(c: Cpu, i: Insn): void {
  const n = loadVW(c, i);
  const u = c.xmmU16;
  const d = i.reg << 4;
  const v = i.vvvv << 4;
  const m = i.imm;
  for (let k = 0; k < 2 * n; k++) u[d + k] = (m >> (k & 7)) & 1 ? VBU16[k] : u[v + k];
  if (n === 4) { const x = c.xmm; const o = (i.reg << 3) + 4; x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0; }
}

/**
 * VBLENDVPS/VBLENDVPD/VPBLENDVB: element from W where the is4 register's (imm8[7:4]) element sign
 * bit is set; w = element size in dwords, 0 for bytes.
 */
function blendV(c: Cpu, i: Insn, w: number): void {
  const n = loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  const v = i.vvvv << 3;
  const mk = ((i.imm >> 4) & 15) << 3;
  if (w === 0) {
    const u = c.xmmU8;
    const d8 = d << 2;
    const v8 = v << 2;
    const m8 = mk << 2;
    for (let k = 0; k < 4 * n; k++) u[d8 + k] = u[m8 + k] & 0x80 ? VBU8[k] : u[v8 + k];
  } else {
    for (let k = 0; k < n; k += w) {
      const sel = x[mk + k + w - 1] < 0;
      for (let j = 0; j < w; j++) x[d + k + j] = sel ? VB[k + j] : x[v + k + j];
    }
  }
  if (n === 4) { x[d + 4] = 0; x[d + 5] = 0; x[d + 6] = 0; x[d + 7] = 0; }
}

/** VBLENDVPS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256, xmm4/ymm4. */
export function opVblendvpsVxHxWxL(c: Cpu, i: Insn): void { blendV(c, i, 1); }
/** VBLENDVPD. */
export function opVblendvpdVxHxWxL(c: Cpu, i: Insn): void { blendV(c, i, 2); }
/** VPBLENDVB. */
export function opVpblendvbVxHxWxL(c: Cpu, i: Insn): void { blendV(c, i, 0); }

// ---- widening moves (cross-lane) -------------------------------------------------------------------------

/** Loads the low `bytes` bytes of the W operand into VB (memory reads exactly that many bytes). */
function loadLow(c: Cpu, i: Insn, bytes: number): void {
  if (!i.isMem) {
    const x = c.xmm;
    const o = i.rm << 3;
    VB[0] = x[o]; VB[1] = x[o + 1]; VB[2] = x[o + 2]; VB[3] = x[o + 3];
    return;
  }
  const a = ea(c, i);
  const m = c.mem;
  if (bytes === 16) rd128(c, a, VB, 0);
  else if (bytes === 8) { VB[0] = m.read64(a); VB[1] = m.hi; }
  else if (bytes === 4) VB[0] = m.read32(a);
  else VB[0] = m.read16(a);
}

/** VPMOVSX/ZX: elements of sw bytes sign/zero-extended to dw bytes, filling 16 or 32 bytes. */
function widen(c: Cpu, i: Insn, sw: number, dw: number, signed: boolean): void {
  noV(c, i);
  const n = i.vexL ? 8 : 4;
  const cnt = (4 * n) / dw;
  loadLow(c, i, cnt * sw);
  for (let k = 0; k < cnt; k++) {
    let v: number;
    if (sw === 1) v = signed ? (VBU8[k] << 24) >> 24 : VBU8[k];
    else if (sw === 2) v = signed ? (VBU16[k] << 16) >> 16 : VBU16[k];
    else v = VB[k];
    if (dw === 2) VRU16[k] = v;
    else if (dw === 4) VR[k] = v;
    else { VR[2 * k] = v; VR[2 * k + 1] = signed ? v >> 31 : 0; }
  }
  storeVR(c, i.reg, n);
}

/** VPMOVSXBW. */
export function opVpmovsxbwVxWx(c: Cpu, i: Insn): void { widen(c, i, 1, 2, true); }
/** VPMOVSXBD. */
export function opVpmovsxbdVxWx(c: Cpu, i: Insn): void { widen(c, i, 1, 4, true); }
/** VPMOVSXBQ. */
export function opVpmovsxbqVxWx(c: Cpu, i: Insn): void { widen(c, i, 1, 8, true); }
/** VPMOVSXWD. */
export function opVpmovsxwdVxWx(c: Cpu, i: Insn): void { widen(c, i, 2, 4, true); }
/** VPMOVSXWQ. */
export function opVpmovsxwqVxWx(c: Cpu, i: Insn): void { widen(c, i, 2, 8, true); }
/** VPMOVSXDQ. */
export function opVpmovsxdqVxWx(c: Cpu, i: Insn): void { widen(c, i, 4, 8, true); }
/** VPMOVZXBW. */
export function opVpmovzxbwVxWx(c: Cpu, i: Insn): void { widen(c, i, 1, 2, false); }
/** VPMOVZXBD. */
export function opVpmovzxbdVxWx(c: Cpu, i: Insn): void { widen(c, i, 1, 4, false); }
/** VPMOVZXBQ. */
export function opVpmovzxbqVxWx(c: Cpu, i: Insn): void { widen(c, i, 1, 8, false); }
/** VPMOVZXWD. */
export function opVpmovzxwdVxWx(c: Cpu, i: Insn): void { widen(c, i, 2, 4, false); }
/** VPMOVZXWQ. */
export function opVpmovzxwqVxWx(c: Cpu, i: Insn): void { widen(c, i, 2, 8, false); }
/** VPMOVZXDQ. */
export function opVpmovzxdqVxWx(c: Cpu, i: Insn): void { widen(c, i, 4, 8, false); }
