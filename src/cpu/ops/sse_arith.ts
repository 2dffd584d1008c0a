// SSE/SSE2 add, subtract, multiply, divide and square root (Intel SDM Vol. 2 ADDPS…SQRTSD; Vol. 1
// §11.5): the hot path of floating-point code. Each handler is written out for its operation so
// that V8 compiles it with constant operators and unboxed doubles: the fast path takes JS's
// round-to-nearest result when MXCSR is default with PE already set (sse_softfp.fastMx, inlined
// here as FAST_OR/FAST_MX) and the operands and result are normal or an exact zero; everything
// else goes to sse_softfp. An infinite or NaN operand never yields a normal result (x/Inf = 0
// fails the zero rule unless the dividend is 0), so only denormal operands need rejecting besides
// the result test. Register sources are read in place through the float views: staging them in
// the int32 scratch first costs a store-forwarding stall that doubled the time of MULSD.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { S, SF32, SF64, loadW, loadW32, loadW64 } from './sse_operand.js';
import {
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, MAX32, MIN32, MAX64, MIN64, OUT, f32Arith, f64Arith,
} from './sse_softfp.js';

/** (mxcsr | FAST_OR) === FAST_MX is sse_softfp.fastMx, written inline in the handlers. */
const FAST_OR = 0x805f;
const FAST_MX = 0x9fff;

/** Slow path of float32 lane k: XMM int32 index `lane` against the source lane k (reloaded into S). */
function slow32(c: Cpu, i: Insn, op: number, lane: number, k: number, n: number): void {
  if (n === 4) loadW(c, i); else loadW32(c, i);
  c.xmm[lane] = f32Arith(c, op, c.xmm[lane], S[k]);
}

/** Slow path of float64 lane k: XMM float64 index `lane` against the source lane k (reloaded into S). */
function slow64(c: Cpu, i: Insn, op: number, lane: number, k: number, n: number): void {
  if (n === 2) loadW(c, i); else loadW64(c, i);
  const X = c.xmm;
  const o = lane << 1;
  f64Arith(c, op, X[o], X[o + 1], S[2 * k], S[2 * k + 1]);
  X[o] = OUT[0]; X[o + 1] = OUT[1];
}

// ---- SS ------------------------------------------------------------------------------------------

/** ADDSS xmm1, xmm2/m32. */
export function opAddssVssWss(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let b: number;
  if (i.isMem) { loadW32(c, i); b = SF32[0]; } else b = XF[i.rm << 3];
  const a = XF[d];
  const r = Math.fround(a + b);
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || r === 0) &&
      (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d] = r;
  else slow32(c, i, OP_ADD, d, 0, 1);
}

/** SUBSS xmm1, xmm2/m32. */
export function opSubssVssWss(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let b: number;
  if (i.isMem) { loadW32(c, i); b = SF32[0]; } else b = XF[i.rm << 3];
  const a = XF[d];
  const r = Math.fround(a - b);
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || r === 0) &&
      (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d] = r;
  else slow32(c, i, OP_SUB, d, 0, 1);
}

/** MULSS xmm1, xmm2/m32. */
export function opMulssVssWss(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let b: number;
  if (i.isMem) { loadW32(c, i); b = SF32[0]; } else b = XF[i.rm << 3];
  const a = XF[d];
  const r = Math.fround(a * b);
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || (r === 0 && (a === 0 || b === 0))) &&
      (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d] = r;
  else slow32(c, i, OP_MUL, d, 0, 1);
}

/** DIVSS xmm1, xmm2/m32. */
export function opDivssVssWss(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let b: number;
  if (i.isMem) { loadW32(c, i); b = SF32[0]; } else b = XF[i.rm << 3];
  const a = XF[d];
  const r = Math.fround(a / b);
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || (r === 0 && a === 0)) &&
      (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d] = r;
  else slow32(c, i, OP_DIV, d, 0, 1);
}

/** SQRTSS xmm1, xmm2/m32 (upper lanes from xmm1). */
export function opSqrtssVssWss(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let b: number;
  if (i.isMem) { loadW32(c, i); b = SF32[0]; } else b = XF[i.rm << 3];
  const r = Math.fround(Math.sqrt(b));
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || r === 0) &&
      (b === 0 || Math.abs(b) >= MIN32)) XF[d] = r;
  else slow32(c, i, OP_SQRT, d, 0, 1);
}

// ---- PS ------------------------------------------------------------------------------------------

/** ADDPS xmm1, xmm2/m128. */
export function opAddpsVpsWps(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let sf = SF32;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 3; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 4; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = Math.fround(a + b);
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || r === 0) &&
        (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d + k] = r;
    else slow32(c, i, OP_ADD, d + k, k, 4);
  }
}

/** SUBPS xmm1, xmm2/m128. */
export function opSubpsVpsWps(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let sf = SF32;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 3; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 4; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = Math.fround(a - b);
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || r === 0) &&
        (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d + k] = r;
    else slow32(c, i, OP_SUB, d + k, k, 4);
  }
}

/** MULPS xmm1, xmm2/m128. */
export function opMulpsVpsWps(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let sf = SF32;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 3; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 4; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = Math.fround(a * b);
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || (r === 0 && (a === 0 || b === 0))) &&
        (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d + k] = r;
    else slow32(c, i, OP_MUL, d + k, k, 4);
  }
}

/** DIVPS xmm1, xmm2/m128. */
export function opDivpsVpsWps(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let sf = SF32;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 3; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 4; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = Math.fround(a / b);
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || (r === 0 && a === 0)) &&
        (a === 0 || Math.abs(a) >= MIN32) && (b === 0 || Math.abs(b) >= MIN32)) XF[d + k] = r;
    else slow32(c, i, OP_DIV, d + k, k, 4);
  }
}

/** SQRTPS xmm1, xmm2/m128. */
export function opSqrtpsVpsWps(c: Cpu, i: Insn): void {
  const XF = c.xmmF32;
  const d = i.reg << 3;
  let sf = SF32;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 3; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 4; k++) {
    const b = sf[so + k];
    const r = Math.fround(Math.sqrt(b));
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN32 && mr <= MAX32) || r === 0) &&
        (b === 0 || Math.abs(b) >= MIN32)) XF[d + k] = r;
    else slow32(c, i, OP_SQRT, d + k, k, 4);
  }
}

// ---- SD ------------------------------------------------------------------------------------------

/** ADDSD xmm1, xmm2/m64. */
export function opAddsdVsdWsd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let b: number;
  if (i.isMem) { loadW64(c, i); b = SF64[0]; } else b = XF[i.rm << 2];
  const a = XF[d];
  const r = a + b;
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || r === 0) &&
      (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d] = r;
  else slow64(c, i, OP_ADD, d, 0, 1);
}

/** SUBSD xmm1, xmm2/m64. */
export function opSubsdVsdWsd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let b: number;
  if (i.isMem) { loadW64(c, i); b = SF64[0]; } else b = XF[i.rm << 2];
  const a = XF[d];
  const r = a - b;
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || r === 0) &&
      (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d] = r;
  else slow64(c, i, OP_SUB, d, 0, 1);
}

/** MULSD xmm1, xmm2/m64. */
export function opMulsdVsdWsd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let b: number;
  if (i.isMem) { loadW64(c, i); b = SF64[0]; } else b = XF[i.rm << 2];
  const a = XF[d];
  const r = a * b;
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || (r === 0 && (a === 0 || b === 0))) &&
      (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d] = r;
  else slow64(c, i, OP_MUL, d, 0, 1);
}

/** DIVSD xmm1, xmm2/m64. */
export function opDivsdVsdWsd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let b: number;
  if (i.isMem) { loadW64(c, i); b = SF64[0]; } else b = XF[i.rm << 2];
  const a = XF[d];
  const r = a / b;
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || (r === 0 && a === 0)) &&
      (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d] = r;
  else slow64(c, i, OP_DIV, d, 0, 1);
}

/** SQRTSD xmm1, xmm2/m64 (upper lanes from xmm1). */
export function opSqrtsdVsdWsd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let b: number;
  if (i.isMem) { loadW64(c, i); b = SF64[0]; } else b = XF[i.rm << 2];
  const r = Math.sqrt(b);
  const mr = Math.abs(r);
  if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || r === 0) &&
      (b === 0 || Math.abs(b) >= MIN64)) XF[d] = r;
  else slow64(c, i, OP_SQRT, d, 0, 1);
}

// ---- PD ------------------------------------------------------------------------------------------

/** ADDPD xmm1, xmm2/m128. */
export function opAddpdVpdWpd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let sf = SF64;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 2; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 2; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = a + b;
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || r === 0) &&
        (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d + k] = r;
    else slow64(c, i, OP_ADD, d + k, k, 2);
  }
}

/** SUBPD xmm1, xmm2/m128. */
export function opSubpdVpdWpd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let sf = SF64;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 2; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 2; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = a - b;
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || r === 0) &&
        (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d + k] = r;
    else slow64(c, i, OP_SUB, d + k, k, 2);
  }
}

/** MULPD xmm1, xmm2/m128. */
export function opMulpdVpdWpd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let sf = SF64;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 2; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 2; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = a * b;
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || (r === 0 && (a === 0 || b === 0))) &&
        (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d + k] = r;
    else slow64(c, i, OP_MUL, d + k, k, 2);
  }
}

/** DIVPD xmm1, xmm2/m128. */
export function opDivpdVpdWpd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let sf = SF64;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 2; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 2; k++) {
    const a = XF[d + k];
    const b = sf[so + k];
    const r = a / b;
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || (r === 0 && a === 0)) &&
        (a === 0 || Math.abs(a) >= MIN64) && (b === 0 || Math.abs(b) >= MIN64)) XF[d + k] = r;
    else slow64(c, i, OP_DIV, d + k, k, 2);
  }
}

/** SQRTPD xmm1, xmm2/m128. */
export function opSqrtpdVpdWpd(c: Cpu, i: Insn): void {
  const XF = c.xmmF64;
  const d = i.reg << 2;
  let sf = SF64;
  let so = 0;
  if (i.isMem) loadW(c, i);
  else { sf = XF; so = i.rm << 2; } // lane k reads only lane k: the source may be the destination
  for (let k = 0; k < 2; k++) {
    const b = sf[so + k];
    const r = Math.sqrt(b);
    const mr = Math.abs(r);
    if ((c.mxcsr | FAST_OR) === FAST_MX && ((mr > MIN64 && mr <= MAX64) || r === 0) &&
        (b === 0 || Math.abs(b) >= MIN64)) XF[d + k] = r;
    else slow64(c, i, OP_SQRT, d + k, k, 2);
  }
}
