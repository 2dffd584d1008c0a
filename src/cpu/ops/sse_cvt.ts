// SSE/SSE2 conversions (Intel SDM Vol. 2A CVTSI2SS…CVTTPD2DQ; Vol. 1 §11.5.2): integer ↔ float
// by MXCSR.RC (truncating forms round toward zero), out-of-range and NaN → integer indefinite
// (0x80000000, 0x8000000000000000) with IE; float ↔ float with NaN quieting, DAZ and FTZ.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { getReg, setReg } from './operand.js';
import { S, loadW, loadW32, loadW64 } from './sse_operand.js';
import {
  RC_RZ, OUT, f64ToF32, f32ToF64, i32ToF32, i64ToF32, i64ToF64, f32ToInt, f64ToInt, put64,
} from './sse_softfp.js';

/** REX.W selects the 64-bit integer form (SDM: "REX.W + F3 0F 2A /r"). */
function wide(i: Insn): boolean {
  return (i.rex & 8) !== 0;
}

/** Reads the Ey integer source (r/m32 or r/m64): low dword returned, high dword in c.hi. */
function readEy(c: Cpu, i: Insn, w: boolean): number {
  if (i.isMem) {
    const m = c.mem;
    if (w) { const lo = m.read64(ea(c, i)); c.hi = m.hi; return lo; }
    c.hi = 0;
    return m.read32(ea(c, i));
  }
  return getReg(c, i.rm, w ? 8 : 4);
}

// ---- scalar integer → float -----------------------------------------------------------------

/** CVTSI2SS xmm1, r/m32 | r/m64 (REX.W). */
export function opCvtsi2ssVssEy(c: Cpu, i: Insn): void {
  const w = wide(i);
  const lo = readEy(c, i, w);
  c.xmm[i.reg << 3] = w ? i64ToF32(c, lo, c.hi) : i32ToF32(c, lo);
}

/** CVTSI2SD xmm1, r/m32 | r/m64 (REX.W). */
export function opCvtsi2sdVsdEy(c: Cpu, i: Insn): void {
  const w = wide(i);
  const lo = readEy(c, i, w);
  if (w) i64ToF64(c, lo, c.hi); else put64(lo);
  const d = i.reg << 3;
  c.xmm[d] = OUT[0]; c.xmm[d + 1] = OUT[1];
}

// ---- scalar float → integer -----------------------------------------------------------------

function ss2si(c: Cpu, i: Insn, trunc: boolean): void {
  loadW32(c, i);
  const w = wide(i);
  const lo = f32ToInt(c, S[0], trunc ? RC_RZ : (c.mxcsr >> 13) & 3, w);
  setReg(c, i.reg, w ? 8 : 4, lo, OUT[1]);
}

function sd2si(c: Cpu, i: Insn, trunc: boolean): void {
  loadW64(c, i);
  const w = wide(i);
  const lo = f64ToInt(c, S[0], S[1], trunc ? RC_RZ : (c.mxcsr >> 13) & 3, w);
  setReg(c, i.reg, w ? 8 : 4, lo, OUT[1]);
}

/** CVTSS2SI r32/r64, xmm/m32. */
export function opCvtss2siGyWss(c: Cpu, i: Insn): void { ss2si(c, i, false); }
/** CVTTSS2SI r32/r64, xmm/m32. */
export function opCvttss2siGyWss(c: Cpu, i: Insn): void { ss2si(c, i, true); }
/** CVTSD2SI r32/r64, xmm/m64. */
export function opCvtsd2siGyWsd(c: Cpu, i: Insn): void { sd2si(c, i, false); }
/** CVTTSD2SI r32/r64, xmm/m64. */
export function opCvttsd2siGyWsd(c: Cpu, i: Insn): void { sd2si(c, i, true); }

// ---- float ↔ float --------------------------------------------------------------------------

/** CVTSS2SD xmm1, xmm2/m32. */
export function opCvtss2sdVsdWss(c: Cpu, i: Insn): void {
  loadW32(c, i);
  f32ToF64(c, S[0]);
  const d = i.reg << 3;
  c.xmm[d] = OUT[0]; c.xmm[d + 1] = OUT[1];
}

/** CVTSD2SS xmm1, xmm2/m64. */
export function opCvtsd2ssVssWsd(c: Cpu, i: Insn): void {
  loadW64(c, i);
  c.xmm[i.reg << 3] = f64ToF32(c, S[0], S[1]);
}

/** CVTPS2PD xmm1, xmm2/m64. */
export function opCvtps2pdVpdWq(c: Cpu, i: Insn): void {
  loadW64(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const b1 = S[1];
  f32ToF64(c, S[0]);
  X[d] = OUT[0]; X[d + 1] = OUT[1];
  f32ToF64(c, b1);
  X[d + 2] = OUT[0]; X[d + 3] = OUT[1];
}

/** CVTPD2PS xmm1, xmm2/m128 (upper 64 bits zeroed). */
export function opCvtpd2psVpsWpd(c: Cpu, i: Insn): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  X[d] = f64ToF32(c, S[0], S[1]);
  X[d + 1] = f64ToF32(c, S[2], S[3]);
  X[d + 2] = 0; X[d + 3] = 0;
}

// ---- packed integer ↔ float -----------------------------------------------------------------

/** CVTDQ2PS xmm1, xmm2/m128. */
export function opCvtdq2psVpsWdq(c: Cpu, i: Insn): void {
  loadW(c, i);
  const d = i.reg << 3;
  for (let k = 0; k < 4; k++) c.xmm[d + k] = i32ToF32(c, S[k]);
}

function ps2dq(c: Cpu, i: Insn, trunc: boolean): void {
  loadW(c, i);
  const d = i.reg << 3;
  const rc = trunc ? RC_RZ : (c.mxcsr >> 13) & 3;
  for (let k = 0; k < 4; k++) c.xmm[d + k] = f32ToInt(c, S[k], rc, false);
}

/** CVTPS2DQ xmm1, xmm2/m128. */
export function opCvtps2dqVdqWps(c: Cpu, i: Insn): void { ps2dq(c, i, false); }
/** CVTTPS2DQ xmm1, xmm2/m128. */
export function opCvttps2dqVdqWps(c: Cpu, i: Insn): void { ps2dq(c, i, true); }

/** CVTDQ2PD xmm1, xmm2/m64 (exact). */
export function opCvtdq2pdVpdWq(c: Cpu, i: Insn): void {
  loadW64(c, i);
  const n = i.reg << 2;
  c.xmmF64[n] = S[0];
  c.xmmF64[n + 1] = S[1];
}

function pd2dq(c: Cpu, i: Insn, trunc: boolean): void {
  loadW(c, i);
  const X = c.xmm;
  const d = i.reg << 3;
  const rc = trunc ? RC_RZ : (c.mxcsr >> 13) & 3;
  X[d] = f64ToInt(c, S[0], S[1], rc, false);
  X[d + 1] = f64ToInt(c, S[2], S[3], rc, false);
  X[d + 2] = 0; X[d + 3] = 0;
}

/** CVTPD2DQ xmm1, xmm2/m128 (upper 64 bits zeroed). */
export function opCvtpd2dqVdqWpd(c: Cpu, i: Insn): void { pd2dq(c, i, false); }
/** CVTTPD2DQ xmm1, xmm2/m128 (upper 64 bits zeroed). */
export function opCvttpd2dqVdqWpd(c: Cpu, i: Insn): void { pd2dq(c, i, true); }
