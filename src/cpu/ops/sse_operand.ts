// SSE operand access (Intel SDM Vol. 1 §10.4 and §11.4, Vol. 2 §2.4 "Memory alignment"): XMM n
// is int32 lanes xmm[8n..8n+3]; W/M operands are staged in preallocated scratch (no allocation
// per instruction). Legacy-SSE 128-bit memory operands must be 16-byte aligned (#GP → SIGSEGV).
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { raiseSegv } from './traps.js';

/** Source scratch: the W operand as four int32 lanes. Views below alias the same 16 bytes. */
export const S = new Int32Array(4);
/** S as unsigned bytes. */
export const SU8 = new Uint8Array(S.buffer);
/** S as signed bytes. */
export const SI8 = new Int8Array(S.buffer);
/** S as unsigned words. */
export const SU16 = new Uint16Array(S.buffer);
/** S as signed words. */
export const SI16 = new Int16Array(S.buffer);
/** S as float32 lanes (read only non-NaN values through it: f32 loads quiet signalling NaNs). */
export const SF32 = new Float32Array(S.buffer);
/** S as float64 lanes. */
export const SF64 = new Float64Array(S.buffer);

/** Destination scratch for results computed out of place (shuffles, packs). */
export const T = new Int32Array(4);
/** T as unsigned bytes. */
export const TU8 = new Uint8Array(T.buffer);
/** T as signed bytes. */
export const TI8 = new Int8Array(T.buffer);
/** T as unsigned words. */
export const TU16 = new Uint16Array(T.buffer);
/** T as signed words. */
export const TI16 = new Int16Array(T.buffer);
/** T as float32 lanes. */
export const TF32 = new Float32Array(T.buffer);
/** T as float64 lanes. */
export const TF64 = new Float64Array(T.buffer);

/** A copy of the destination register, for ops that read it lane-wise as signed bytes/words. */
export const D = new Int32Array(4);
/** D as unsigned bytes. */
export const DU8 = new Uint8Array(D.buffer);
/** D as signed bytes. */
export const DI8 = new Int8Array(D.buffer);
/** D as unsigned words. */
export const DU16 = new Uint16Array(D.buffer);
/** D as signed words. */
export const DI16 = new Int16Array(D.buffer);
/** D as float32 lanes. */
export const DF32 = new Float32Array(D.buffer);
/** D as float64 lanes. */
export const DF64 = new Float64Array(D.buffer);

/** #GP(0) for a misaligned legacy-SSE operand: Linux reports SIGSEGV with si_addr 0 (SI_KERNEL). */
function misaligned(c: Cpu, i: Insn): never {
  return raiseSegv(c, i, 0);
}

/** Reads 16 bytes at a into dst[0..3]. */
export function read128(c: Cpu, a: number, dst: Int32Array): void {
  const m = c.mem;
  const l0 = m.read64(a);
  const h0 = m.hi;
  const l1 = m.read64(a + 8);
  dst[0] = l0; dst[1] = h0; dst[2] = l1; dst[3] = m.hi;
}

/** Writes src[o..o+3] to 16 bytes at a; a page-crossing store faults before writing anything. */
export function write128(c: Cpu, a: number, src: Int32Array, o: number): void {
  const m = c.mem;
  if ((a & 4095) > 4080) m.translateWrite(a + 15);
  m.write64(a, src[o], src[o + 1]);
  m.write64(a + 8, src[o + 2], src[o + 3]);
}

/** Loads the 128-bit W operand into S; a memory operand must be 16-byte aligned. */
export function loadW(c: Cpu, i: Insn): void {
  if (i.isMem) {
    const a = ea(c, i);
    if ((a & 15) !== 0) misaligned(c, i);
    read128(c, a, S);
  } else {
    const x = c.xmm;
    const o = i.rm << 3;
    S[0] = x[o]; S[1] = x[o + 1]; S[2] = x[o + 2]; S[3] = x[o + 3];
  }
}

/** Loads the 128-bit W operand into S without an alignment check (MOVUPS, LDDQU, VEX-less SSE4 m64 forms). */
export function loadWU(c: Cpu, i: Insn): void {
  if (i.isMem) {
    read128(c, ea(c, i), S);
  } else {
    const x = c.xmm;
    const o = i.rm << 3;
    S[0] = x[o]; S[1] = x[o + 1]; S[2] = x[o + 2]; S[3] = x[o + 3];
  }
}

/** Loads a 64-bit W operand (m64 or the low qword of an XMM) into S[0..1]; S[2..3] = 0. */
export function loadW64(c: Cpu, i: Insn): void {
  if (i.isMem) {
    const m = c.mem;
    S[0] = m.read64(ea(c, i));
    S[1] = m.hi;
  } else {
    const x = c.xmm;
    const o = i.rm << 3;
    S[0] = x[o]; S[1] = x[o + 1];
  }
  S[2] = 0; S[3] = 0;
}

/** Loads a 32-bit W operand (m32 or the low dword of an XMM) into S[0]; S[1..3] = 0. */
export function loadW32(c: Cpu, i: Insn): void {
  S[0] = i.isMem ? c.mem.read32(ea(c, i)) : c.xmm[i.rm << 3];
  S[1] = 0; S[2] = 0; S[3] = 0;
}

/** Loads a 16-bit W operand (m16 or the low word of an XMM) into S[0]; S[1..3] = 0. */
export function loadW16(c: Cpu, i: Insn): void {
  S[0] = i.isMem ? c.mem.read16(ea(c, i)) : c.xmm[i.rm << 3] & 0xffff;
  S[1] = 0; S[2] = 0; S[3] = 0;
}

/** Copies XMM n (low 128 bits) into D. */
export function loadD(c: Cpu, n: number): void {
  const x = c.xmm;
  const o = n << 3;
  D[0] = x[o]; D[1] = x[o + 1]; D[2] = x[o + 2]; D[3] = x[o + 3];
}

/** Writes src[0..3] to XMM n (low 128 bits; the YMM upper half is untouched by legacy SSE). */
export function storeX(c: Cpu, n: number, src: Int32Array): void {
  const x = c.xmm;
  const o = n << 3;
  x[o] = src[0]; x[o + 1] = src[1]; x[o + 2] = src[2]; x[o + 3] = src[3];
}

/** Checks 16-byte alignment of a store destination. */
export function checkAlign16(c: Cpu, i: Insn, a: number): void {
  if ((a & 15) !== 0) misaligned(c, i);
}
