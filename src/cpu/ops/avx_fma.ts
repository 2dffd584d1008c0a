// FMA3 (Intel SDM Vol. 2 VFMADD/VFMSUB/VFNMADD/VFNMSUB 132/213/231 PS/PD/SS/SD, VFMADDSUB and
// VFMSUBADD 132/213/231 PS/PD; Vol. 1 §14.5 "Fused-Multiply-ADD Extensions", §11.5 exceptions):
// ±(a·b) ± c rounded once. Operand roles: 132 = dst·W ± vvvv, 213 = vvvv·dst ± W, 231 = vvvv·W ±
// dst. Fast paths (default MXCSR with PE already set, normal operands, normal result), computed
// inline with no double crossing a call: float32 as an exact double product plus a TwoSum-checked
// sum, with the one double-rounding case (a float32 tie) corrected; float64 by Boldo and
// Melquiond's emulation (Dekker's exact product, TwoSum, round to odd, round to nearest; IEEE TC
// 2008). Everything else goes to the exact integer core (avx_fma_core.ts).
import type { Cpu } from '../state.js';
import { Insn } from '../decode/insn.js';
import { MIN32, MAX32 } from './sse_softfp.js';
import { FOUT, fma32Slow, fma64Slow } from './avx_fma_core.js';
import { VB, loadVW, loadVW32, loadVW64 } from './avx_operand.js';
import { opUD } from './traps.js';

/** Operation kinds: the sign applied to the product and to the addend, per element. */
const FMA_ADD = 0, FMA_SUB = 1, FMA_NADD = 2, FMA_NSUB = 3, FMA_ADDSUB = 4, FMA_SUBADD = 5;

/** (mxcsr | FAST_OR) === FAST_MX is sse_softfp.fastMx, inlined. */
const FAST_OR = 0x805f;
const FAST_MX = 0x9fff;

/** Float views of VB (a memory W operand is staged there). */
const VBF32 = new Float32Array(VB.buffer);
const VBF64 = new Float64Array(VB.buffer);

/** Round-to-odd scratch (the last-bit test needs the bits of a double). */
const Q = new Float64Array(1);
const QI = new Int32Array(Q.buffer);

/** Whether element k of an operation kind subtracts the addend. */
function negAdd(kind: number, k: number): boolean {
  switch (kind) {
    case FMA_SUB: case FMA_NSUB: return true;
    case FMA_ADDSUB: return (k & 1) === 0; // even elements subtract
    case FMA_SUBADD: return (k & 1) === 1; // odd elements subtract
    default: return false;
  }
}

/** Float64 FMA over n lanes (n = 1: scalar, bits 127:64 kept) of form 132/213/231. */
function fmaPd(c: Cpu, i: Insn, form: number, kind: number, scalar: boolean): void {
  const X = c.xmm;
  const F = c.xmmF64;
  const n = scalar ? 1 : i.vexL ? 4 : 2;
  const d = i.reg << 2;
  const v = i.vvvv << 2;
  let wF: Float64Array = F;
  let wI: Int32Array = X;
  let w = i.rm << 2;
  if (i.isMem) {
    if (scalar) loadVW64(c, i); else loadVW(c, i);
    wF = VBF64; wI = VB; w = 0;
  }
  const fast = (c.mxcsr | FAST_OR) === FAST_MX;
  const nm = kind === FMA_NADD || kind === FMA_NSUB;
  for (let k = 0; k < n; k++) {
    const nc = negAdd(kind, k);
    let r = NaN;
    if (fast) {
      const dv = F[d + k];
      const vv = F[v + k];
      const wv = wF[w + k];
      const x = form === 132 ? dv : vv;
      const y = form === 213 ? dv : wv;
      let z = form === 132 ? vv : form === 213 ? wv : dv;
      const mx = Math.abs(x), my = Math.abs(y), mz = Math.abs(z);
      if (mx >= 1e-130 && mx <= 1e130 && my >= 1e-130 && my <= 1e130 && (z === 0 || (mz >= 1e-270 && mz <= 1e300))) {
        let uh = x * y;
        // Dekker's TwoProduct (exact for these magnitudes).
        let sp = 134217729 * x;
        const xh = sp - (sp - x);
        const xl = x - xh;
        sp = 134217729 * y;
        const yh = sp - (sp - y);
        const yl = y - yh;
        let ul = ((xh * yh - uh) + xh * yl + xl * yh) + xl * yl;
        if (nm) { uh = -uh; ul = -ul; }
        if (nc) z = -z;
        const th = z + uh;
        let t = th - z;
        const tl = (z - (th - t)) + (uh - t);
        // v = RO(tl + ul): round to odd.
        let u = tl + ul;
        t = u - tl;
        const ue = (tl - (u - t)) + (ul - t);
        if (ue !== 0) {
          Q[0] = u;
          if ((QI[0] & 1) === 0) {
            let lo = QI[0];
            let hi = QI[1];
            if ((ue > 0) === (u > 0)) { lo = (lo + 1) | 0; if (lo === 0) hi++; } else { if (lo === 0) hi--; lo = (lo - 1) | 0; }
            QI[0] = lo; QI[1] = hi;
            u = Q[0];
          }
        }
        r = th + u;
        const mr = Math.abs(r);
        if (!(mr >= 1e-290 && mr <= 1e300)) r = NaN;
      }
    }
    if (r === r) { F[d + k] = r; continue; }
    const di = 2 * (d + k);
    const vi = 2 * (v + k);
    const wi = 2 * (w + k);
    const dl = X[di], dh = X[di + 1], vl = X[vi], vh = X[vi + 1], wl = wI[wi], wh = wI[wi + 1];
    if (form === 132) fma64Slow(c, dl, dh, wl, wh, vl, vh, nm, nc);
    else if (form === 213) fma64Slow(c, vl, vh, dl, dh, wl, wh, nm, nc);
    else fma64Slow(c, vl, vh, wl, wh, dl, dh, nm, nc);
    X[di] = FOUT[0]; X[di + 1] = FOUT[1];
  }
  const o = 2 * d + (n === 4 ? 8 : 4);
  for (let k = o; k < 2 * d + 8; k++) X[k] = 0;
}

/** Float32 FMA over n lanes (n = 1: scalar, bits 127:32 kept) of form 132/213/231. */
function fmaPs(c: Cpu, i: Insn, form: number, kind: number, scalar: boolean): void {
  const X = c.xmm;
  const F = c.xmmF32;
  const n = scalar ? 1 : i.vexL ? 8 : 4;
  const d = i.reg << 3;
  const v = i.vvvv << 3;
  let wF: Float32Array = F;
  let wI: Int32Array = X;
  let w = i.rm << 3;
  if (i.isMem) {
    if (scalar) loadVW32(c, i); else loadVW(c, i);
    wF = VBF32; wI = VB; w = 0;
  }
  const fast = (c.mxcsr | FAST_OR) === FAST_MX;
  const nm = kind === FMA_NADD || kind === FMA_NSUB;
  for (let k = 0; k < n; k++) {
    const nc = negAdd(kind, k);
    let r = NaN;
    if (fast) {
      const dv = F[d + k];
      const vv = F[v + k];
      const wv = wF[w + k];
      const x = form === 132 ? dv : vv;
      const y = form === 213 ? dv : wv;
      let z = form === 132 ? vv : form === 213 ? wv : dv;
      const mx = Math.abs(x), my = Math.abs(y), mz = Math.abs(z);
      if ((mx >= MIN32 || x === 0) && (my >= MIN32 || y === 0) && (mz >= MIN32 || z === 0)) {
        let p = x * y; // exact: 24 + 24 significant bits
        if (nm) p = -p;
        if (nc) z = -z;
        const s = p + z;
        const t = s - p;
        const e = (p - (s - t)) + (z - t); // exact error of the double sum
        r = Math.fround(s);
        if (e !== 0) {
          // Double rounding errs only when s is a float32 tie: the exact sum then rounds toward e.
          const h = s - r;
          if (h !== 0) {
            const o = r + 2 * h;
            if (Math.fround(o) === o && (e > 0) === (h > 0)) r = o;
          }
        }
        const mr = Math.abs(r);
        if (!((mr > MIN32 && mr <= MAX32) || (s === 0 && e === 0))) r = NaN;
      }
    }
    if (r === r) { F[d + k] = r; continue; }
    const dl = X[d + k], vl = X[v + k], wl = wI[w + k];
    X[d + k] = form === 132 ? fma32Slow(c, dl, wl, vl, nm, nc)
      : form === 213 ? fma32Slow(c, vl, dl, wl, nm, nc)
      : fma32Slow(c, vl, wl, dl, nm, nc);
  }
  const o = d + (n === 8 ? 8 : 4);
  for (let k = o; k < d + 8; k++) X[k] = 0;
}

// ---- handlers (one per form: 132 = dst·W ± vvvv, 213 = vvvv·dst ± W, 231 = vvvv·W ± dst) -----------

/** VFMADD132PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmadd132psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_ADD, false); }
/** VFMADD132PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmadd132pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_ADD, false); }
/** VFMADD132SS xmm1, xmm2, xmm3/m32. */
export function opVfmadd132ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_ADD, true); }
/** VFMADD132SD xmm1, xmm2, xmm3/m64. */
export function opVfmadd132sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_ADD, true); }
/** VFMSUB132PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsub132psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_SUB, false); }
/** VFMSUB132PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsub132pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_SUB, false); }
/** VFMSUB132SS xmm1, xmm2, xmm3/m32. */
export function opVfmsub132ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_SUB, true); }
/** VFMSUB132SD xmm1, xmm2, xmm3/m64. */
export function opVfmsub132sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_SUB, true); }
/** VFNMADD132PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmadd132psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_NADD, false); }
/** VFNMADD132PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmadd132pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_NADD, false); }
/** VFNMADD132SS xmm1, xmm2, xmm3/m32. */
export function opVfnmadd132ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_NADD, true); }
/** VFNMADD132SD xmm1, xmm2, xmm3/m64. */
export function opVfnmadd132sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_NADD, true); }
/** VFNMSUB132PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmsub132psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_NSUB, false); }
/** VFNMSUB132PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmsub132pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_NSUB, false); }
/** VFNMSUB132SS xmm1, xmm2, xmm3/m32. */
export function opVfnmsub132ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_NSUB, true); }
/** VFNMSUB132SD xmm1, xmm2, xmm3/m64. */
export function opVfnmsub132sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_NSUB, true); }
/** VFMADDSUB132PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmaddsub132psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_ADDSUB, false); }
/** VFMADDSUB132PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmaddsub132pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_ADDSUB, false); }
/** VFMSUBADD132PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsubadd132psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 132, FMA_SUBADD, false); }
/** VFMSUBADD132PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsubadd132pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 132, FMA_SUBADD, false); }
/** VFMADD213PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmadd213psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_ADD, false); }
/** VFMADD213PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmadd213pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_ADD, false); }
/** VFMADD213SS xmm1, xmm2, xmm3/m32. */
export function opVfmadd213ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_ADD, true); }
/** VFMADD213SD xmm1, xmm2, xmm3/m64. */
export function opVfmadd213sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_ADD, true); }
/** VFMSUB213PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsub213psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_SUB, false); }
/** VFMSUB213PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsub213pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_SUB, false); }
/** VFMSUB213SS xmm1, xmm2, xmm3/m32. */
export function opVfmsub213ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_SUB, true); }
/** VFMSUB213SD xmm1, xmm2, xmm3/m64. */
export function opVfmsub213sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_SUB, true); }
/** VFNMADD213PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmadd213psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_NADD, false); }
/** VFNMADD213PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmadd213pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_NADD, false); }
/** VFNMADD213SS xmm1, xmm2, xmm3/m32. */
export function opVfnmadd213ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_NADD, true); }
/** VFNMADD213SD xmm1, xmm2, xmm3/m64. */
export function opVfnmadd213sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_NADD, true); }
/** VFNMSUB213PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmsub213psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_NSUB, false); }
/** VFNMSUB213PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmsub213pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_NSUB, false); }
/** VFNMSUB213SS xmm1, xmm2, xmm3/m32. */
export function opVfnmsub213ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_NSUB, true); }
/** VFNMSUB213SD xmm1, xmm2, xmm3/m64. */
export function opVfnmsub213sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_NSUB, true); }
/** VFMADDSUB213PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmaddsub213psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_ADDSUB, false); }
/** VFMADDSUB213PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmaddsub213pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_ADDSUB, false); }
/** VFMSUBADD213PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsubadd213psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 213, FMA_SUBADD, false); }
/** VFMSUBADD213PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsubadd213pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 213, FMA_SUBADD, false); }
/** VFMADD231PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmadd231psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_ADD, false); }
/** VFMADD231PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmadd231pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_ADD, false); }
/** VFMADD231SS xmm1, xmm2, xmm3/m32. */
export function opVfmadd231ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_ADD, true); }
/** VFMADD231SD xmm1, xmm2, xmm3/m64. */
export function opVfmadd231sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_ADD, true); }
/** VFMSUB231PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsub231psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_SUB, false); }
/** VFMSUB231PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsub231pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_SUB, false); }
/** VFMSUB231SS xmm1, xmm2, xmm3/m32. */
export function opVfmsub231ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_SUB, true); }
/** VFMSUB231SD xmm1, xmm2, xmm3/m64. */
export function opVfmsub231sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_SUB, true); }
/** VFNMADD231PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmadd231psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_NADD, false); }
/** VFNMADD231PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmadd231pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_NADD, false); }
/** VFNMADD231SS xmm1, xmm2, xmm3/m32. */
export function opVfnmadd231ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_NADD, true); }
/** VFNMADD231SD xmm1, xmm2, xmm3/m64. */
export function opVfnmadd231sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_NADD, true); }
/** VFNMSUB231PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmsub231psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_NSUB, false); }
/** VFNMSUB231PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfnmsub231pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_NSUB, false); }
/** VFNMSUB231SS xmm1, xmm2, xmm3/m32. */
export function opVfnmsub231ssVxHxWss(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_NSUB, true); }
/** VFNMSUB231SD xmm1, xmm2, xmm3/m64. */
export function opVfnmsub231sdVxHxWsd(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_NSUB, true); }
/** VFMADDSUB231PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmaddsub231psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_ADDSUB, false); }
/** VFMADDSUB231PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmaddsub231pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_ADDSUB, false); }
/** VFMSUBADD231PS xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsubadd231psVxHxWx(c: Cpu, i: Insn): void { fmaPs(c, i, 231, FMA_SUBADD, false); }
/** VFMSUBADD231PD xmm1/ymm1, xmm2/ymm2, xmm3/m128 | ymm3/m256. */
export function opVfmsubadd231pdVxHxWx(c: Cpu, i: Insn): void { fmaPd(c, i, 231, FMA_SUBADD, false); }


// ---- test entry points --------------------------------------------------------------------------

const TI = new Insn(opUD);
TI.reg = 0;
TI.vvvv = 1;
TI.rm = 2;

/** VFMADD231SD on values (xmm1·xmm2 + xmm0, clobbering xmm0-2 of c): the handler's path, for tests. */
export function fmaF64ForTest(c: Cpu, a: number, b: number, d: number): number {
  c.xmmF64[4] = a; c.xmmF64[8] = b; c.xmmF64[0] = d;
  fmaPd(c, TI, 231, FMA_ADD, true);
  return c.xmmF64[0];
}

/** The exact integer path only, on values (for cross-checking the fast path). */
export function fmaF64SlowForTest(c: Cpu, a: number, b: number, d: number): number {
  Q[0] = a; const al = QI[0], ah = QI[1];
  Q[0] = b; const bl = QI[0], bh = QI[1];
  Q[0] = d; const dl = QI[0], dh = QI[1];
  fma64Slow(c, al, ah, bl, bh, dl, dh, false, false);
  QI[0] = FOUT[0]; QI[1] = FOUT[1];
  return Q[0];
}

/** VFMADD231SS on float32 bits a·b + d (clobbering xmm0-2 of c); slow: the exact path only. */
export function fmaF32ForTest(c: Cpu, a: number, b: number, d: number, slow: boolean): number {
  if (slow) return fma32Slow(c, a, b, d, false, false);
  c.xmm[8] = a; c.xmm[16] = b; c.xmm[0] = d;
  fmaPs(c, TI, 231, FMA_ADD, true);
  return c.xmm[0];
}
