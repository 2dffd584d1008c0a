// AVX/AVX2 data movement (Intel SDM Vol. 2: VMOVUPS…VMOVDQU, VMOVSS/VMOVSD, VMOVLPS…VMOVHPD,
// VMOVSLDUP/VMOVSHDUP/VMOVDDUP, VMOVD/VMOVQ, VMOVMSKPS/PD, VPMOVMSKB, VBROADCASTx, VPBROADCASTx,
// VINSERTF128/VEXTRACTF128 and the I128 forms, VMASKMOVPS/PD, VPMASKMOVD/Q, VZEROUPPER/VZEROALL,
// VPINSRx/VPEXTRx, VINSERTPS/VEXTRACTPS, VLDMXCSR/VSTMXCSR; Vol. 1 §14.3 VLMAX zeroing). Moves copy
// int32 lanes, never floats, so NaN payloads survive. Only VMOVAPx/VMOVDQA/VMOVNTx check alignment.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { getReg, setReg } from './operand.js';
import { opUD } from './traps.js';
import {
  VB, VR, copyA, VA, loadVW, loadVWA, loadVW128, loadVW64, loadVW32, loadVW16, misalignedV, noV, rd128,
  storeVR, wrV, zeroUpper,
} from './avx_operand.js';
import {
  opLdmxcsrMd, opMaskmovdquVdqUdq, opMovdEyVy, opMovdVyEy, opMovqVqWq, opMovqWqVq, opStmxcsrMd,
} from './sse_mov.js';
import { opExtractpsEdVpsIb, opPextrbEbVdqIb, opPextrdEyVdqIb, opPextrwEwVdqIb, opPextrwGdUdqIb } from './sse_shuf.js';

// ---- full-width moves -------------------------------------------------------------------------

function load(c: Cpu, i: Insn, aligned: boolean): void {
  noV(c, i);
  const n = aligned ? loadVWA(c, i) : loadVW(c, i);
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < n; k++) x[d + k] = VB[k];
  if (n === 4) zeroUpper(c, i.reg);
}

function store(c: Cpu, i: Insn, aligned: boolean): void {
  noV(c, i);
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const s = i.reg << 3;
  if (i.isMem) {
    const a = ea(c, i);
    if (aligned && (a & (4 * n - 1)) !== 0) misalignedV(c, i);
    wrV(c, a, x, s, n);
    return;
  }
  const d = i.rm << 3;
  for (let k = 0; k < n; k++) x[d + k] = x[s + k];
  if (n === 4) zeroUpper(c, i.rm);
}

/** VMOVUPS xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVmovupsVxWx(c: Cpu, i: Insn): void { load(c, i, false); }
/** VMOVUPD xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVmovupdVxWx(c: Cpu, i: Insn): void { load(c, i, false); }
/** VMOVDQU xmm1/ymm1, xmm2/m128 | ymm2/m256. */
export function opVmovdquVxWx(c: Cpu, i: Insn): void { load(c, i, false); }
/** VLDDQU xmm1/ymm1, m128/m256. */
export function opVlddquVxMx(c: Cpu, i: Insn): void { load(c, i, false); }
/** VMOVAPS xmm1/ymm1, xmm2/m128 | ymm2/m256 (memory aligned to 16/32, else #GP). */
export function opVmovapsVxWx(c: Cpu, i: Insn): void { load(c, i, true); }
/** VMOVAPD xmm1/ymm1, xmm2/m128 | ymm2/m256 (aligned). */
export function opVmovapdVxWx(c: Cpu, i: Insn): void { load(c, i, true); }
/** VMOVDQA xmm1/ymm1, xmm2/m128 | ymm2/m256 (aligned). */
export function opVmovdqaVxWx(c: Cpu, i: Insn): void { load(c, i, true); }
/** VMOVNTDQA xmm1/ymm1, m128/m256 (aligned). */
export function opVmovntdqaVxMx(c: Cpu, i: Insn): void { load(c, i, true); }
/** VMOVUPS xmm2/m128 | ymm2/m256, xmm1/ymm1. */
export function opVmovupsWxVx(c: Cpu, i: Insn): void { store(c, i, false); }
/** VMOVUPD xmm2/m128 | ymm2/m256, xmm1/ymm1. */
export function opVmovupdWxVx(c: Cpu, i: Insn): void { store(c, i, false); }
/** VMOVDQU xmm2/m128 | ymm2/m256, xmm1/ymm1. */
export function opVmovdquWxVx(c: Cpu, i: Insn): void { store(c, i, false); }
/** VMOVAPS xmm2/m128 | ymm2/m256, xmm1/ymm1 (aligned). */
export function opVmovapsWxVx(c: Cpu, i: Insn): void { store(c, i, true); }
/** VMOVAPD xmm2/m128 | ymm2/m256, xmm1/ymm1 (aligned). */
export function opVmovapdWxVx(c: Cpu, i: Insn): void { store(c, i, true); }
/** VMOVDQA xmm2/m128 | ymm2/m256, xmm1/ymm1 (aligned). */
export function opVmovdqaWxVx(c: Cpu, i: Insn): void { store(c, i, true); }
/** VMOVNTPS m128/m256, xmm1/ymm1 (aligned). */
export function opVmovntpsMxVx(c: Cpu, i: Insn): void { store(c, i, true); }
/** VMOVNTPD m128/m256, xmm1/ymm1 (aligned). */
export function opVmovntpdMxVx(c: Cpu, i: Insn): void { store(c, i, true); }
/** VMOVNTDQ m128/m256, xmm1/ymm1 (aligned). */
export function opVmovntdqMxVx(c: Cpu, i: Insn): void { store(c, i, true); }

// ---- scalar moves -----------------------------------------------------------------------------

/** Register merge of VMOVSS/VMOVSD: d[lo] = s[lo] (n dwords), d[127:lo] = v[127:lo], upper zeroed. */
function mergeScalar(c: Cpu, d: number, v: number, s: number, n: number): void {
  const x = c.xmm;
  const dd = d << 3;
  const vv = v << 3;
  const ss = s << 3;
  const l0 = x[ss];
  const l1 = x[ss + 1];
  x[dd + 1] = n === 2 ? l1 : x[vv + 1];
  x[dd + 2] = x[vv + 2];
  x[dd + 3] = x[vv + 3];
  x[dd] = l0;
  zeroUpper(c, d);
}

/** VMOVSS xmm1, xmm2, xmm3 (reg form of VEX 0F 10): low dword from xmm3, the rest of the low 128 bits from xmm2. */
export function opVmovssVxHxUx(c: Cpu, i: Insn): void { mergeScalar(c, i.reg, i.vvvv, i.rm, 1); }
/** VMOVSD xmm1, xmm2, xmm3 (reg form). */
export function opVmovsdVxHxUx(c: Cpu, i: Insn): void { mergeScalar(c, i.reg, i.vvvv, i.rm, 2); }
/** VMOVSS xmm1, xmm2, xmm3 (reg form of VEX 0F 11: destination is ModRM.rm). */
export function opVmovssUxHxVx(c: Cpu, i: Insn): void { mergeScalar(c, i.rm, i.vvvv, i.reg, 1); }
/** VMOVSD xmm1, xmm2, xmm3 (reg form of VEX 0F 11). */
export function opVmovsdUxHxVx(c: Cpu, i: Insn): void { mergeScalar(c, i.rm, i.vvvv, i.reg, 2); }

/** VMOVSS xmm1, m32: zero-extended to VLMAX. */
export function opVmovssVxMd(c: Cpu, i: Insn): void {
  noV(c, i);
  const v = c.mem.read32(ea(c, i));
  VR[0] = v; VR[1] = 0; VR[2] = 0; VR[3] = 0;
  storeVR(c, i.reg, 4);
}

/** VMOVSD xmm1, m64: zero-extended to VLMAX. */
export function opVmovsdVxMq(c: Cpu, i: Insn): void {
  noV(c, i);
  VR[0] = c.mem.read64(ea(c, i)); VR[1] = c.mem.hi; VR[2] = 0; VR[3] = 0;
  storeVR(c, i.reg, 4);
}

/** VMOVSS m32, xmm1. */
export function opVmovssMdVx(c: Cpu, i: Insn): void {
  noV(c, i);
  c.mem.write32(ea(c, i), c.xmm[i.reg << 3]);
}

/** VMOVSD m64, xmm1. */
export function opVmovsdMqVx(c: Cpu, i: Insn): void {
  noV(c, i);
  const o = i.reg << 3;
  c.mem.write64(ea(c, i), c.xmm[o], c.xmm[o + 1]);
}

// ---- half moves (VEX.128 only) -----------------------------------------------------------------

/** d = (lo qword, hi qword) as dword pairs, upper zeroed. */
function setQQ(c: Cpu, d: number, l0: number, l1: number, h0: number, h1: number): void {
  const x = c.xmm;
  const o = d << 3;
  x[o] = l0; x[o + 1] = l1; x[o + 2] = h0; x[o + 3] = h1;
  zeroUpper(c, d);
}

/** VMOVLPS/VMOVLPD xmm1, xmm2, m64: low qword from memory, high qword from xmm2. */
export function opVmovlpsVxHxMq(c: Cpu, i: Insn): void {
  const lo = c.mem.read64(ea(c, i));
  const v = i.vvvv << 3;
  setQQ(c, i.reg, lo, c.mem.hi, c.xmm[v + 2], c.xmm[v + 3]);
}

/** VMOVHLPS xmm1, xmm2, xmm3: low qword = xmm3's high qword, high qword = xmm2's. */
export function opVmovhlpsVxHxUx(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const s = i.rm << 3;
  const v = i.vvvv << 3;
  setQQ(c, i.reg, x[s + 2], x[s + 3], x[v + 2], x[v + 3]);
}

/** VMOVHPS/VMOVHPD xmm1, xmm2, m64: low qword from xmm2, high qword from memory. */
export function opVmovhpsVxHxMq(c: Cpu, i: Insn): void {
  const lo = c.mem.read64(ea(c, i));
  const v = i.vvvv << 3;
  setQQ(c, i.reg, c.xmm[v], c.xmm[v + 1], lo, c.mem.hi);
}

/** VMOVLHPS xmm1, xmm2, xmm3: low qword from xmm2, high qword = xmm3's low qword. */
export function opVmovlhpsVxHxUx(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const s = i.rm << 3;
  const v = i.vvvv << 3;
  setQQ(c, i.reg, x[v], x[v + 1], x[s], x[s + 1]);
}

/** VMOVLPS/VMOVLPD m64, xmm1. */
export function opVmovlpsMqVx(c: Cpu, i: Insn): void {
  noV(c, i);
  const o = i.reg << 3;
  c.mem.write64(ea(c, i), c.xmm[o], c.xmm[o + 1]);
}

/** VMOVHPS/VMOVHPD m64, xmm1: the high qword. */
export function opVmovhpsMqVx(c: Cpu, i: Insn): void {
  noV(c, i);
  const o = i.reg << 3;
  c.mem.write64(ea(c, i), c.xmm[o + 2], c.xmm[o + 3]);
}

// ---- duplicating moves -----------------------------------------------------------------------

/** VMOVSLDUP xmm1/ymm1, xmm2/m128 | ymm2/m256: even dwords duplicated. */
export function opVmovsldupVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  for (let k = 0; k < n; k += 2) { VR[k] = VB[k]; VR[k + 1] = VB[k]; }
  storeVR(c, i.reg, n);
}

/** VMOVSHDUP xmm1/ymm1, xmm2/m128 | ymm2/m256: odd dwords duplicated. */
export function opVmovshdupVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  const n = loadVW(c, i);
  for (let k = 0; k < n; k += 2) { VR[k] = VB[k + 1]; VR[k + 1] = VB[k + 1]; }
  storeVR(c, i.reg, n);
}

/** VMOVDDUP xmm1, xmm2/m64 | ymm1, ymm2/m256: even qwords duplicated. */
export function opVmovddupVxWx(c: Cpu, i: Insn): void {
  noV(c, i);
  let n = 4;
  if (i.vexL) n = loadVW(c, i); else loadVW64(c, i);
  for (let k = 0; k < n; k += 4) { VR[k] = VB[k]; VR[k + 1] = VB[k + 1]; VR[k + 2] = VB[k]; VR[k + 3] = VB[k + 1]; }
  storeVR(c, i.reg, n);
}

// ---- GPR ↔ XMM --------------------------------------------------------------------------------

/** VMOVD xmm1, r/m32 / VMOVQ xmm1, r/m64 (VEX.W1): zero-extended to VLMAX. */
export function opVmovdVxEy(c: Cpu, i: Insn): void {
  noV(c, i);
  opMovdVyEy(c, i);
  zeroUpper(c, i.reg);
}

/** VMOVD r/m32, xmm1 / VMOVQ r/m64, xmm1 (VEX.W1). */
export function opVmovdEyVx(c: Cpu, i: Insn): void {
  noV(c, i);
  opMovdEyVy(c, i);
}

/** VMOVQ xmm1, xmm2/m64 (VEX F3 0F 7E): zero-extended to VLMAX. */
export function opVmovqVxWq(c: Cpu, i: Insn): void {
  noV(c, i);
  opMovqVqWq(c, i);
  zeroUpper(c, i.reg);
}

/** VMOVQ xmm2/m64, xmm1 (VEX 66 0F D6): a register destination is zero-extended to VLMAX. */
export function opVmovqWqVx(c: Cpu, i: Insn): void {
  noV(c, i);
  opMovqWqVq(c, i);
  if (!i.isMem) zeroUpper(c, i.rm);
}

// ---- sign masks -------------------------------------------------------------------------------

/** VMOVMSKPS r32, xmm2/ymm2: four or eight sign bits. */
export function opVmovmskpsGdUx(c: Cpu, i: Insn): void {
  noV(c, i);
  const x = c.xmm;
  const s = i.rm << 3;
  const n = i.vexL ? 8 : 4;
  let v = 0;
  for (let k = 0; k < n; k++) v |= (x[s + k] >>> 31) << k;
  setReg(c, i.reg, 4, v, 0);
}

/** VMOVMSKPD r32, xmm2/ymm2: two or four sign bits. */
export function opVmovmskpdGdUx(c: Cpu, i: Insn): void {
  noV(c, i);
  const x = c.xmm;
  const s = i.rm << 3;
  const n = i.vexL ? 4 : 2;
  let v = 0;
  for (let k = 0; k < n; k++) v |= (x[s + 2 * k + 1] >>> 31) << k;
  setReg(c, i.reg, 4, v, 0);
}

/** VPMOVMSKB r32, xmm2/ymm2: 16 or 32 byte sign bits (zero-extended into the 64-bit register). */
export function opVpmovmskbGdUx(c: Cpu, i: Insn): void {
  noV(c, i);
  const x = c.xmm;
  const s = i.rm << 3;
  let v = 0;
  for (let k = i.vexL ? 7 : 3; k >= 0; k--) {
    const w = x[s + k];
    v = (v << 4) | ((w >>> 7) & 1) | ((w >>> 14) & 2) | ((w >>> 21) & 4) | ((w >>> 28) & 8);
  }
  setReg(c, i.reg, 4, v, 0);
}

/** VMASKMOVDQU xmm1, xmm2 (VEX.128): byte-masked store at [RDI]. */
export function opVmaskmovdquVxUx(c: Cpu, i: Insn): void {
  noV(c, i);
  opMaskmovdquVdqUdq(c, i);
}

// ---- VZEROUPPER / VZEROALL ----------------------------------------------------------------------

/** VZEROUPPER: bits 255:128 of every YMM register cleared. */
export function opVzeroupper(c: Cpu, i: Insn): void {
  noV(c, i);
  const x = c.xmm;
  for (let n = 0; n < 16; n++) { const o = 8 * n + 4; x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0; }
}

/** VZEROALL: every YMM register cleared. */
export function opVzeroall(c: Cpu, i: Insn): void {
  noV(c, i);
  c.xmm.fill(0);
}

// ---- broadcasts -------------------------------------------------------------------------------

/** Fills VR with the 32-bit pattern v (n dwords) and stores it. */
function bcast32(c: Cpu, i: Insn, v: number): void {
  const n = i.vexL ? 8 : 4;
  for (let k = 0; k < n; k++) VR[k] = v;
  storeVR(c, i.reg, n);
}

/** VBROADCASTSS xmm1/ymm1, m32 (AVX) | xmm2 (AVX2). */
export function opVbroadcastssVxWd(c: Cpu, i: Insn): void {
  noV(c, i);
  loadVW32(c, i);
  bcast32(c, i, VB[0]);
}

/** VPBROADCASTD xmm1/ymm1, xmm2/m32. */
export function opVpbroadcastdVxWd(c: Cpu, i: Insn): void { opVbroadcastssVxWd(c, i); }

/** VPBROADCASTB xmm1/ymm1, xmm2/m8. */
export function opVpbroadcastbVxWb(c: Cpu, i: Insn): void {
  noV(c, i);
  const b = (i.isMem ? c.mem.read8(ea(c, i)) : c.xmm[i.rm << 3]) & 0xff;
  bcast32(c, i, Math.imul(b, 0x01010101));
}

/** VPBROADCASTW xmm1/ymm1, xmm2/m16. */
export function opVpbroadcastwVxWw(c: Cpu, i: Insn): void {
  noV(c, i);
  loadVW16(c, i);
  const w = VB[0] & 0xffff;
  bcast32(c, i, w | (w << 16));
}

/** VPBROADCASTQ xmm1/ymm1, xmm2/m64; also VBROADCASTSD ymm1, xmm2/m64 (VEX.256 only). */
export function opVpbroadcastqVxWq(c: Cpu, i: Insn): void {
  noV(c, i);
  loadVW64(c, i);
  const n = i.vexL ? 8 : 4;
  const lo = VB[0];
  const hi = VB[1];
  for (let k = 0; k < n; k += 2) { VR[k] = lo; VR[k + 1] = hi; }
  storeVR(c, i.reg, n);
}

/** VBROADCASTSD ymm1, xmm2/m64. */
export function opVbroadcastsdVqqWq(c: Cpu, i: Insn): void { opVpbroadcastqVxWq(c, i); }

/** VBROADCASTF128 ymm1, m128 (also VBROADCASTI128). */
export function opVbroadcastf128VqqMdq(c: Cpu, i: Insn): void {
  noV(c, i);
  rd128(c, ea(c, i), VR, 0);
  VR[4] = VR[0]; VR[5] = VR[1]; VR[6] = VR[2]; VR[7] = VR[3];
  storeVR(c, i.reg, 8);
}

/** VBROADCASTI128 ymm1, m128. */
export function opVbroadcasti128VqqMdq(c: Cpu, i: Insn): void { opVbroadcastf128VqqMdq(c, i); }

// ---- 128-bit insert / extract ---------------------------------------------------------------------

/** VINSERTF128 ymm1, ymm2, xmm3/m128, imm8: ymm2 with the imm8[0] half replaced. */
export function opVinsertf128VqqHqqWdqIb(c: Cpu, i: Insn): void {
  loadVW128(c, i);
  copyA(c, i.vvvv, 8);
  const h = (i.imm & 1) << 2;
  for (let k = 0; k < 4; k++) VA[h + k] = VB[k];
  const x = c.xmm;
  const d = i.reg << 3;
  for (let k = 0; k < 8; k++) x[d + k] = VA[k];
}

/** VINSERTI128 ymm1, ymm2, xmm3/m128, imm8. */
export function opVinserti128VqqHqqWdqIb(c: Cpu, i: Insn): void { opVinsertf128VqqHqqWdqIb(c, i); }

/** VEXTRACTF128 xmm1/m128, ymm2, imm8: a register destination is zero-extended to VLMAX. */
export function opVextractf128WdqVqqIb(c: Cpu, i: Insn): void {
  noV(c, i);
  const x = c.xmm;
  const s = (i.reg << 3) + ((i.imm & 1) << 2);
  if (i.isMem) { wrV(c, ea(c, i), x, s, 4); return; }
  for (let k = 0; k < 4; k++) VR[k] = x[s + k];
  storeVR(c, i.rm, 4);
}

/** VEXTRACTI128 xmm1/m128, ymm2, imm8. */
export function opVextracti128WdqVqqIb(c: Cpu, i: Insn): void { opVextractf128WdqVqqIb(c, i); }

// ---- masked loads and stores ----------------------------------------------------------------------

/*
 * VMASKMOVPS/PD and VPMASKMOVD/Q (SDM Vol. 2 "VMASKMOV", Vol. 1 §14.6.1): the mask is the sign bit
 * of each element of vvvv. Masked-off elements are neither read nor written and never fault.
 * A load is staged in VR; a store checks every selected element's page before writing any.
 */
function maskLoad(c: Cpu, i: Insn, q: boolean): void {
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const v = i.vvvv << 3;
  const a = ea(c, i);
  const m = c.mem;
  for (let k = 0; k < n; k++) VR[k] = 0;
  if (q) {
    for (let k = 0; k < n; k += 2) if (x[v + k + 1] < 0) { VR[k] = m.read64(a + 4 * k); VR[k + 1] = m.hi; }
  } else {
    for (let k = 0; k < n; k++) if (x[v + k] < 0) VR[k] = m.read32(a + 4 * k);
  }
  storeVR(c, i.reg, n);
}

function maskStore(c: Cpu, i: Insn, q: boolean): void {
  const n = i.vexL ? 8 : 4;
  const x = c.xmm;
  const v = i.vvvv << 3;
  const s = i.reg << 3;
  const a = ea(c, i);
  const m = c.mem;
  const step = q ? 2 : 1;
  for (let k = 0; k < n; k += step) if (x[v + k + step - 1] < 0) { m.translateWrite(a + 4 * k); m.translateWrite(a + 4 * (k + step) - 1); }
  for (let k = 0; k < n; k += step) {
    if (x[v + k + step - 1] >= 0) continue;
    if (q) m.write64(a + 4 * k, x[s + k], x[s + k + 1]); else m.write32(a + 4 * k, x[s + k]);
  }
}

/** VMASKMOVPS xmm1/ymm1, xmm2/ymm2, m128/m256. */
export function opVmaskmovpsVxHxMx(c: Cpu, i: Insn): void { maskLoad(c, i, false); }
/** VMASKMOVPD xmm1/ymm1, xmm2/ymm2, m128/m256. */
export function opVmaskmovpdVxHxMx(c: Cpu, i: Insn): void { maskLoad(c, i, true); }
/** VMASKMOVPS m128/m256, xmm1/ymm1, xmm2/ymm2. */
export function opVmaskmovpsMxHxVx(c: Cpu, i: Insn): void { maskStore(c, i, false); }
/** VMASKMOVPD m128/m256, xmm1/ymm1, xmm2/ymm2. */
export function opVmaskmovpdMxHxVx(c: Cpu, i: Insn): void { maskStore(c, i, true); }
/** VPMASKMOVD xmm1/ymm1, xmm2/ymm2, m128/m256. */
export function opVpmaskmovdVxHxMx(c: Cpu, i: Insn): void { maskLoad(c, i, false); }
/** VPMASKMOVQ xmm1/ymm1, xmm2/ymm2, m128/m256. */
export function opVpmaskmovqVxHxMx(c: Cpu, i: Insn): void { maskLoad(c, i, true); }
/** VPMASKMOVD m128/m256, xmm1/ymm1, xmm2/ymm2. */
export function opVpmaskmovdMxHxVx(c: Cpu, i: Insn): void { maskStore(c, i, false); }
/** VPMASKMOVQ m128/m256, xmm1/ymm1, xmm2/ymm2. */
export function opVpmaskmovqMxHxVx(c: Cpu, i: Insn): void { maskStore(c, i, true); }

// ---- element insert / extract (VEX.128) ---------------------------------------------------------

/** VPEXTRB r32/m8, xmm2, imm8. */
export function opVpextrbEbVxIb(c: Cpu, i: Insn): void { noV(c, i); opPextrbEbVdqIb(c, i); }
/** VPEXTRW r32/m16, xmm2, imm8 (VEX 0F 3A 15). */
export function opVpextrwEwVxIb(c: Cpu, i: Insn): void { noV(c, i); opPextrwEwVdqIb(c, i); }
/** VPEXTRW r32, xmm2, imm8 (VEX 0F C5). */
export function opVpextrwGdUxIb(c: Cpu, i: Insn): void { noV(c, i); opPextrwGdUdqIb(c, i); }
/** VPEXTRD r/m32, xmm2, imm8 / VPEXTRQ r/m64, xmm2, imm8 (VEX.W1). */
export function opVpextrdEyVxIb(c: Cpu, i: Insn): void { noV(c, i); opPextrdEyVdqIb(c, i); }
/** VEXTRACTPS r/m32, xmm1, imm8. */
export function opVextractpsEdVxIb(c: Cpu, i: Insn): void { noV(c, i); opExtractpsEdVpsIb(c, i); }

/** Copies vvvv's low 128 bits to VR (the base of the VPINSRx/VINSERTPS result). */
function baseV(c: Cpu, i: Insn): void {
  const x = c.xmm;
  const v = i.vvvv << 3;
  VR[0] = x[v]; VR[1] = x[v + 1]; VR[2] = x[v + 2]; VR[3] = x[v + 3];
}

/** VPINSRB xmm1, xmm2, r32/m8, imm8. */
export function opVpinsrbVxHxEbIb(c: Cpu, i: Insn): void {
  const v = (i.isMem ? c.mem.read8(ea(c, i)) : c.r[2 * i.rm]) & 0xff;
  baseV(c, i);
  const k = i.imm & 15;
  const sh = (k & 3) << 3;
  VR[k >> 2] = (VR[k >> 2] & ~(0xff << sh)) | (v << sh);
  storeVR(c, i.reg, 4);
}

/** VPINSRW xmm1, xmm2, r32/m16, imm8. */
export function opVpinsrwVxHxEwIb(c: Cpu, i: Insn): void {
  const v = (i.isMem ? c.mem.read16(ea(c, i)) : c.r[2 * i.rm]) & 0xffff;
  baseV(c, i);
  const k = i.imm & 7;
  const sh = (k & 1) << 4;
  VR[k >> 1] = (VR[k >> 1] & ~(0xffff << sh)) | (v << sh);
  storeVR(c, i.reg, 4);
}

/** VPINSRD xmm1, xmm2, r/m32, imm8 / VPINSRQ xmm1, xmm2, r/m64, imm8 (VEX.W1). */
export function opVpinsrdVxHxEyIb(c: Cpu, i: Insn): void {
  let lo: number;
  let hi = 0;
  const w = (i.rex & 8) !== 0;
  if (i.isMem) {
    const a = ea(c, i);
    if (w) { lo = c.mem.read64(a); hi = c.mem.hi; } else lo = c.mem.read32(a);
  } else { lo = getReg(c, i.rm, w ? 8 : 4); hi = c.hi; }
  baseV(c, i);
  if (w) { const o = (i.imm & 1) << 1; VR[o] = lo; VR[o + 1] = hi; } else VR[i.imm & 3] = lo;
  storeVR(c, i.reg, 4);
}

/** VINSERTPS xmm1, xmm2, xmm3/m32, imm8: imm[7:6] source dword (register), [5:4] target, [3:0] zero mask. */
export function opVinsertpsVxHxWdIb(c: Cpu, i: Insn): void {
  const m = i.imm;
  const v = i.isMem ? c.mem.read32(ea(c, i)) : c.xmm[(i.rm << 3) + ((m >> 6) & 3)];
  baseV(c, i);
  VR[(m >> 4) & 3] = v;
  for (let k = 0; k < 4; k++) if (m & (1 << k)) VR[k] = 0;
  storeVR(c, i.reg, 4);
}

// ---- MXCSR ----------------------------------------------------------------------------------------

/** VLDMXCSR m32. */
export function opVldmxcsrMd(c: Cpu, i: Insn): void { noV(c, i); opLdmxcsrMd(c, i); }
/** VSTMXCSR m32. */
export function opVstmxcsrMd(c: Cpu, i: Insn): void { noV(c, i); opStmxcsrMd(c, i); }

/** #UD handler for reserved VEX encodings that share a row shape with valid ones. */
export function opVexUD(c: Cpu, i: Insn): void { opUD(c, i); }

