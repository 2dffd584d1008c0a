// VEX operand access for AVX/AVX2 (Intel SDM Vol. 1 §14.1-14.3, Vol. 2 §2.3 VEX, §2.4 "AVX and
// SSE Instruction Exception Specification"): register n is xmm[8n .. 8n+7] (YMM upper half at
// 8n+4..8n+7). VEX.128 forms zero bits 255:128 of the destination (VLMAX), VEX.vvvv is a
// non-destructive source, and only VMOVAPx/VMOVDQA/VMOVNTx need aligned memory (#GP → SIGSEGV).
// Operands are staged in preallocated scratch arrays (no allocation per executed instruction).
// The lane adapter runs a legacy-SSE 128-bit handler on a shadow Cpu once per 128-bit lane: the
// AVX forms of in-lane SSE operations then share the SSE code (and its recorded vectors).
import { Cpu } from '../state.js';
import { AddressSpace, PhysMem, PAGE_SIZE } from '../memory.js';
import { ea, Insn, type Handler } from '../decode/insn.js';
import { opUD, raiseSegv } from './traps.js';

/** W operand scratch (up to 256 bits as int32 lanes). */
export const VB = new Int32Array(8);
/** VB as unsigned bytes. */
export const VBU8 = new Uint8Array(VB.buffer);
/** VB as signed bytes. */
export const VBI8 = new Int8Array(VB.buffer);
/** VB as unsigned words. */
export const VBU16 = new Uint16Array(VB.buffer);
/** VB as signed words. */
export const VBI16 = new Int16Array(VB.buffer);
/** VB as float64 lanes (write-only use: reading NaNs through float views may quiet them). */
export const VBF64 = new Float64Array(VB.buffer);

/** Second source scratch (a copy of the vvvv or destination register when a result overlaps it). */
export const VA = new Int32Array(8);
/** VA as unsigned bytes. */
export const VAU8 = new Uint8Array(VA.buffer);
/** VA as unsigned words. */
export const VAU16 = new Uint16Array(VA.buffer);

/** Result scratch for out-of-place computations (shuffles, packs, permutes). */
export const VR = new Int32Array(8);
/** VR as unsigned bytes. */
export const VRU8 = new Uint8Array(VR.buffer);
/** VR as unsigned words. */
export const VRU16 = new Uint16Array(VR.buffer);

/** #GP(0) for a misaligned VMOVAPx/VMOVDQA/VMOVNTx operand: SIGSEGV with si_addr 0 (SI_KERNEL). */
export function misalignedV(c: Cpu, i: Insn): never {
  return raiseSegv(c, i, 0);
}

/** #UD unless VEX.vvvv is 1111b (decoded as 0) for forms that do not use it (SDM Vol. 2 §2.3.6). */
export function noV(c: Cpu, i: Insn): void {
  if (i.vvvv !== 0) opUD(c, i);
}

/** Zeroes bits 255:128 of register n (VLMAX zeroing of VEX.128 forms). */
export function zeroUpper(c: Cpu, n: number): void {
  const x = c.xmm;
  const o = (n << 3) + 4;
  x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0;
}

/** Reads 16 bytes at a into dst[o..o+3]. */
export function rd128(c: Cpu, a: number, dst: Int32Array, o: number): void {
  const m = c.mem;
  dst[o] = m.read64(a); dst[o + 1] = m.hi;
  dst[o + 2] = m.read64(a + 8); dst[o + 3] = m.hi;
}

/** Writes src[o..o+n-1] (n = 4 or 8 dwords) to memory at a; a page-crossing store faults before writing. */
export function wrV(c: Cpu, a: number, src: Int32Array, o: number, n: number): void {
  const m = c.mem;
  const last = a + 4 * n - 1;
  if ((a & 4095) > (last & 4095)) m.translateWrite(last);
  for (let k = 0; k < n; k += 2) m.write64(a + 4 * k, src[o + k], src[o + k + 1]);
}

/** Loads the full-width W operand (16 or 32 bytes by VEX.L, no alignment check) into VB; returns its dword count. */
export function loadVW(c: Cpu, i: Insn): number {
  const n = i.vexL ? 8 : 4;
  const B = VB;
  if (i.isMem) {
    const a = ea(c, i);
    rd128(c, a, B, 0);
    if (n === 8) rd128(c, a + 16, B, 4);
  } else {
    const x = c.xmm;
    const o = i.rm << 3;
    B[0] = x[o]; B[1] = x[o + 1]; B[2] = x[o + 2]; B[3] = x[o + 3];
    if (n === 8) { B[4] = x[o + 4]; B[5] = x[o + 5]; B[6] = x[o + 6]; B[7] = x[o + 7]; }
  }
  return n;
}

/** Dword offset of the W operand in the array returned by srcW. */
export let WO = 0;

/**
 * The full-width W operand where it is: c.xmm at WO = rm·8 for a register (no copy), or VB
 * (WO = 0) after loading a memory operand. Callers must read an element before writing the
 * destination element at the same offset (the register may be the destination).
 */
export function srcW(c: Cpu, i: Insn): Int32Array {
  if (i.isMem) { loadVW(c, i); WO = 0; return VB; }
  WO = i.rm << 3;
  return c.xmm;
}

/** As loadVW, but a memory operand must be aligned to its size (VMOVAPS/VMOVDQA/VMOVNTDQA). */
export function loadVWA(c: Cpu, i: Insn): number {
  if (i.isMem && (ea(c, i) & (i.vexL ? 31 : 15)) !== 0) misalignedV(c, i);
  return loadVW(c, i);
}

/** Loads a 128-bit W operand (xmm or m128, whatever VEX.L) into VB[0..3]. */
export function loadVW128(c: Cpu, i: Insn): void {
  if (i.isMem) rd128(c, ea(c, i), VB, 0);
  else {
    const x = c.xmm;
    const o = i.rm << 3;
    VB[0] = x[o]; VB[1] = x[o + 1]; VB[2] = x[o + 2]; VB[3] = x[o + 3];
  }
}

/** Loads a 64-bit W operand (m64 or the low qword of an xmm) into VB[0..1]; VB[2..3] = 0. */
export function loadVW64(c: Cpu, i: Insn): void {
  if (i.isMem) { VB[0] = c.mem.read64(ea(c, i)); VB[1] = c.mem.hi; }
  else { const o = i.rm << 3; VB[0] = c.xmm[o]; VB[1] = c.xmm[o + 1]; }
  VB[2] = 0; VB[3] = 0;
}

/** Loads a 32-bit W operand into VB[0]; VB[1..3] = 0. */
export function loadVW32(c: Cpu, i: Insn): void {
  VB[0] = i.isMem ? c.mem.read32(ea(c, i)) : c.xmm[i.rm << 3];
  VB[1] = 0; VB[2] = 0; VB[3] = 0;
}

/** Loads a 16-bit W operand into VB[0] (zero-extended); VB[1..3] = 0. */
export function loadVW16(c: Cpu, i: Insn): void {
  VB[0] = i.isMem ? c.mem.read16(ea(c, i)) : c.xmm[i.rm << 3] & 0xffff;
  VB[1] = 0; VB[2] = 0; VB[3] = 0;
}

/** Copies n dwords of register r into VA. */
export function copyA(c: Cpu, r: number, n: number): void {
  const x = c.xmm;
  const o = r << 3;
  for (let k = 0; k < n; k++) VA[k] = x[o + k];
}

/** Stores VR[0..n-1] to register d, zeroing bits 255:128 when n = 4. */
export function storeVR(c: Cpu, d: number, n: number): void {
  const x = c.xmm;
  const o = d << 3;
  for (let k = 0; k < n; k++) x[o + k] = VR[k];
  for (let k = n; k < 8; k++) x[o + k] = 0;
}

// ---- lane adapter: legacy SSE handlers on one 128-bit lane at a time ------------------------

/*
 * The shadow Cpu holds the lane's operands in fixed registers: xmm2 = first source and
 * destination (Insn.reg), xmm1 = second source (Insn.rm, never memory), xmm0 = implicit operand.
 * Its MXCSR is copied in and out, so exception flags and rounding follow the guest's.
 */
let SH: Cpu | null = null;
const SI = new Insn(opUD);
SI.reg = 2;
SI.rm = 1;

/** The shadow Cpu (lazily built; its own one-page address space: lane handlers never touch memory). */
function shadow(): Cpu {
  if (SH === null) SH = new Cpu(new AddressSpace(new PhysMem(PAGE_SIZE)));
  return SH;
}

/**
 * Runs fn on one lane: shadow xmm2 = a[ao..ao+3], xmm1 = b[bo..bo+3]; the shadow register `out`
 * (2 or 1) is then copied to c.xmm[d..d+3].
 */
function lane(c: Cpu, fn: Handler, d: number, a: Int32Array, ao: number, b: Int32Array, bo: number, imm: number, out: number): void {
  const s = shadow();
  const x = s.xmm;
  x[16] = a[ao]; x[17] = a[ao + 1]; x[18] = a[ao + 2]; x[19] = a[ao + 3];
  x[8] = b[bo]; x[9] = b[bo + 1]; x[10] = b[bo + 2]; x[11] = b[bo + 3];
  s.mxcsr = c.mxcsr;
  SI.imm = imm;
  fn(s, SI);
  c.mxcsr = s.mxcsr;
  const y = c.xmm;
  const o = out << 3;
  y[d] = x[o]; y[d + 1] = x[o + 1]; y[d + 2] = x[o + 2]; y[d + 3] = x[o + 3];
}

/**
 * VEX form `Vx, Hx, Wx[, Ib]` of a legacy in-lane SSE handler `Vdq, Wdq[, Ib]`: each 128-bit lane
 * computes fn(vvvv lane, W lane). For 256 bits the upper lane sees imm8 >> immShift (VBLENDPS
 * uses bits 7:4 there, VSHUFPD bits 3:2; most forms reuse the same imm8).
 */
export function sse3(c: Cpu, i: Insn, fn: Handler, immShift = 0): void {
  const n = loadVW(c, i);
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  lane(c, fn, d, c.xmm, a, VB, 0, i.imm, 2);
  if (n === 8) lane(c, fn, d + 4, c.xmm, a + 4, VB, 4, i.imm >> immShift, 2);
  else zeroUpper(c, i.reg);
}

/** VEX form `Vx, Wx[, Ib]` of a legacy two-operand SSE handler (vvvv must be 1111b). */
export function sse2(c: Cpu, i: Insn, fn: Handler): void {
  noV(c, i);
  const n = loadVW(c, i);
  const d = i.reg << 3;
  lane(c, fn, d, c.xmm, d, VB, 0, i.imm, 2);
  if (n === 8) lane(c, fn, d + 4, c.xmm, d + 4, VB, 4, i.imm, 2);
  else zeroUpper(c, i.reg);
}

/**
 * VEX scalar form `Vx, Hx, Wss/Wsd[, Ib]`: fn(vvvv, W) on the low lane, with a memory W read as
 * `bytes` (4 or 8) only; bits 255:128 are zeroed.
 */
export function sseScalar(c: Cpu, i: Insn, fn: Handler, bytes: number): void {
  if (bytes === 4) loadVW32(c, i); else loadVW64(c, i);
  lane(c, fn, i.reg << 3, c.xmm, i.vvvv << 3, VB, 0, i.imm, 2);
  zeroUpper(c, i.reg);
}

/** VEX shift by an xmm/m128 count (`Vx, Hx, Wdq`): both lanes use the same 128-bit count operand. */
export function sseShiftX(c: Cpu, i: Insn, fn: Handler): void {
  loadVW128(c, i);
  const d = i.reg << 3;
  const a = i.vvvv << 3;
  lane(c, fn, d, c.xmm, a, VB, 0, 0, 2);
  if (i.vexL) lane(c, fn, d + 4, c.xmm, a + 4, VB, 0, 0, 2);
  else zeroUpper(c, i.reg);
}

/** VEX shift by imm8 (`Hx, Ux, Ib`, the group 12-14 forms): the destination is vvvv, the source rm. */
export function sseShiftI(c: Cpu, i: Insn, fn: Handler): void {
  const x = c.xmm;
  const d = i.vvvv << 3;
  const s = i.rm << 3;
  // The legacy handler shifts its Insn.rm register in place: put the source there (shadow xmm1).
  lane(c, fn, d, x, s, x, s, i.imm, 1);
  if (i.vexL) lane(c, fn, d + 4, x, s + 4, x, s + 4, i.imm, 1);
  else zeroUpper(c, i.vvvv);
}
