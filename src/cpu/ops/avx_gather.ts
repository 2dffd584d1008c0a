// AVX2 gathers (Intel SDM Vol. 2 VPGATHERDD/DQ/QD/QQ, VGATHERDPS/DPD/QPS/QPD; Vol. 2 §2.3.12
// VSIB addressing): element j is loaded from base + disp + sext(index[j]) · scale when the sign bit
// of mask element j is set; each loaded element clears its mask element, in order from the lowest,
// so a fault leaves the destination and mask partially updated and the instruction restartable.
// #UD when ModRM does not encode a SIB byte or when the destination, index and mask registers are
// not all different. The VEX.128 forms, and the qword-index dword forms, zero the upper bits.
import type { Cpu } from '../state.js';
import { SEG_FS, SEG_GS, type Insn } from '../decode/insn.js';
import { opUD } from './traps.js';

/** The VSIB index register: the decoder reports SIB index 100b (without VEX.X) as "no index". */
function vsibIndex(i: Insn): number {
  return i.index < 0 ? 4 : i.index;
}

/** base + disp (with segment base and address-size wrap applied later per element). */
function baseAddr(c: Cpu, i: Insn): number {
  const r = c.r;
  let a = i.disp;
  const b = i.base;
  if (b >= 0) a += r[2 * b + 1] * 4294967296 + (r[2 * b] >>> 0);
  return a;
}

function finalAddr(c: Cpu, i: Insn, a: number): number {
  if (i.asize === 4) a = a - Math.floor(a / 4294967296) * 4294967296;
  if (i.seg === SEG_FS) a += c.fsBase; else if (i.seg === SEG_GS) a += c.gsBase;
  return a;
}

/**
 * Gathers `cnt` elements: qi = qword indices, qe = qword elements. dst = ModRM.reg, mask = vvvv,
 * index = VSIB index register. `width` is the dword count of the destination/mask registers.
 */
function gather(c: Cpu, i: Insn, qi: boolean, qe: boolean): void {
  const idx = vsibIndex(i);
  const d = i.reg;
  const m = i.vvvv;
  if ((i.modrm & 7) !== 4 || d === idx || d === m || idx === m) { opUD(c, i); return; }
  const L = i.vexL;
  const cnt = qi || qe ? (L ? 4 : 2) : L ? 8 : 4;
  // Destination/mask width in dwords: dword elements with qword indices fill only half of it.
  const width = qe ? 2 * cnt : cnt;
  const x = c.xmm;
  const dd = d << 3;
  const mm = m << 3;
  const ii = idx << 3;
  const base = baseAddr(c, i);
  const sc = i.scale;
  const mem = c.mem;
  for (let j = 0; j < cnt; j++) {
    const mo = mm + (qe ? 2 * j + 1 : j);
    if (x[mo] >= 0) continue;
    const iv = qi ? x[ii + 2 * j + 1] * 4294967296 + (x[ii + 2 * j] >>> 0) : x[ii + j];
    const a = finalAddr(c, i, base + iv * sc);
    if (qe) {
      const lo = mem.read64(a);
      x[dd + 2 * j] = lo; x[dd + 2 * j + 1] = mem.hi;
      x[mm + 2 * j] = 0; x[mm + 2 * j + 1] = 0;
    } else {
      x[dd + j] = mem.read32(a);
      x[mm + j] = 0;
    }
  }
  // Elements whose mask bit was clear keep the destination value; the mask ends all zero.
  for (let k = 0; k < width; k++) x[mm + k] = 0;
  for (let k = width; k < 8; k++) { x[dd + k] = 0; x[mm + k] = 0; }
}

/** VPGATHERDD xmm1/ymm1, vm32x/vm32y, xmm2/ymm2 (also VGATHERDPS). */
export function opVpgatherddVxMdHx(c: Cpu, i: Insn): void { gather(c, i, false, false); }
/** VPGATHERDQ xmm1/ymm1, vm32x, xmm2/ymm2 (also VGATHERDPD). */
export function opVpgatherdqVxMqHx(c: Cpu, i: Insn): void { gather(c, i, false, true); }
/** VPGATHERQD xmm1, vm64x/vm64y, xmm2 (also VGATHERQPS). */
export function opVpgatherqdVxMdHx(c: Cpu, i: Insn): void { gather(c, i, true, false); }
/** VPGATHERQQ xmm1/ymm1, vm64x/vm64y, xmm2/ymm2 (also VGATHERQPD). */
export function opVpgatherqqVxMqHx(c: Cpu, i: Insn): void { gather(c, i, true, true); }
