// XSAVE feature set (Intel SDM Vol. 1 ch. 13 "Managing State Using the XSAVE Feature Set", Vol. 2
// XGETBV, XSAVE, XSAVEOPT, XSAVEC, XRSTOR): XCR0 = x87 | SSE | AVX (7). Standard format: the
// 512-byte FXSAVE legacy region, the XSAVE header at 512 (XSTATE_BV, XCOMP_BV), YMM_Hi128 at 576
// (CPUID.(EAX=0DH,ECX=2): size 256, offset 576); 832 bytes in all. Also the signal-frame helpers
// (Linux arch/x86/kernel/fpu/signal.c: struct _fpx_sw_bytes at offset 464, FP_XSTATE_MAGIC2 after
// the area) used when delivering a signal and by rt_sigreturn.
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { raiseGP } from './traps.js';
import { setReg } from './operand.js';

/** XCR0: the state components this CPU supports and enables (x87, SSE, AVX). */
export const XCR0 = 7;
/** Size of the standard-format XSAVE area for XCR0 (CPUID.(EAX=0DH,ECX=0):EBX/ECX). */
export const XSAVE_SIZE = 832;
/** Offset and size of the AVX (YMM_Hi128) component (CPUID.(EAX=0DH,ECX=2)). */
export const XSAVE_AVX_OFFSET = 576;
/** FP_XSTATE_MAGIC1 (struct _fpx_sw_bytes.magic1). */
export const FP_XSTATE_MAGIC1 = 0x46505853;
/** FP_XSTATE_MAGIC2 (the dword after the XSAVE area in a signal frame). */
export const FP_XSTATE_MAGIC2 = 0x46505845;
/** Bytes a signal frame needs for the extended state: the area plus FP_XSTATE_MAGIC2. */
export const SIGFRAME_XSTATE_SIZE = XSAVE_SIZE + 4;

/** Bits of MXCSR that may be set (MXCSR_MASK, as FXSAVE reports it). */
const MXCSR_MASK = 0xffff;
const FCW_DEFAULT = 0x037f;
const SW_EXC = 0x3f;
const SW_ES = 0x80;
const SW_B = 0x8000;

/** XINUSE: which components are not in their initial configuration (SDM Vol. 1 §13.6). */
export function xinuse(c: Cpu): number {
  const f = c.fpu;
  let u = 0;
  if (f.cw !== FCW_DEFAULT || f.getSw() !== 0 || f.abridgedTag() !== 0 || f.fop !== 0 || f.fip !== 0 || f.fdp !== 0) u |= 1;
  const x = c.xmm;
  for (let n = 0; n < 16 && (u & 2) === 0; n++) {
    const o = 8 * n;
    if ((x[o] | x[o + 1] | x[o + 2] | x[o + 3]) !== 0) u |= 2;
  }
  if (c.mxcsr !== 0x1f80) u |= 2;
  for (let n = 0; n < 16 && (u & 4) === 0; n++) {
    const o = 8 * n + 4;
    if ((x[o] | x[o + 1] | x[o + 2] | x[o + 3]) !== 0) u |= 4;
  }
  return u;
}

// ---- component save / restore ----------------------------------------------------------------------

function saveX87(c: Cpu, a: number): void {
  const f = c.fpu;
  const m = c.mem;
  m.write16(a, f.cw);
  m.write16(a + 2, f.getSw());
  m.write8(a + 4, f.abridgedTag());
  m.write8(a + 5, 0);
  m.write16(a + 6, f.fop & 0x7ff);
  m.write64(a + 8, f.fip, 0);
  m.write64(a + 16, f.fdp, 0);
  for (let k = 0; k < 8; k++) {
    const b = a + 32 + 16 * k;
    f.store80(m, b, f.st(k));
    m.write16(b + 10, 0);
    m.write32(b + 12, 0);
  }
}

function saveMxcsr(c: Cpu, a: number): void {
  c.mem.write32(a + 24, c.mxcsr);
  c.mem.write32(a + 28, MXCSR_MASK);
}

function saveSse(c: Cpu, a: number): void {
  const m = c.mem;
  const x = c.xmm;
  for (let n = 0; n < 16; n++) {
    const b = a + 160 + 16 * n;
    m.write64(b, x[8 * n], x[8 * n + 1]);
    m.write64(b + 8, x[8 * n + 2], x[8 * n + 3]);
  }
}

function saveAvx(c: Cpu, b: number): void {
  const m = c.mem;
  const x = c.xmm;
  for (let n = 0; n < 16; n++) {
    m.write64(b + 16 * n, x[8 * n + 4], x[8 * n + 5]);
    m.write64(b + 16 * n + 8, x[8 * n + 6], x[8 * n + 7]);
  }
}

function loadX87(c: Cpu, a: number): void {
  const f = c.fpu;
  const m = c.mem;
  f.cw = (m.read16(a) & 0x1f3f) | 0x40;
  f.setSw(m.read16(a + 2));
  f.fop = m.read16(a + 6) & 0x7ff;
  f.fip = m.read32(a + 8);
  f.fdp = m.read32(a + 16);
  for (let k = 0; k < 8; k++) f.load80(m, a + 32 + 16 * k, f.st(k));
  f.setAbridgedTag(m.read8(a + 4));
  if ((f.sw & ~f.cw & SW_EXC) !== 0) f.sw |= SW_ES | SW_B; else f.sw &= ~(SW_ES | SW_B);
}

function initX87(c: Cpu): void {
  const f = c.fpu;
  f.reset();
  for (let k = 0; k < 8; k++) f.set(k, 0, 0, 0);
  f.empty = 0xff;
}

function loadSse(c: Cpu, a: number): void {
  const m = c.mem;
  const x = c.xmm;
  for (let n = 0; n < 16; n++) {
    const b = a + 160 + 16 * n;
    x[8 * n] = m.read64(b); x[8 * n + 1] = m.hi;
    x[8 * n + 2] = m.read64(b + 8); x[8 * n + 3] = m.hi;
  }
}

function initSse(c: Cpu): void {
  const x = c.xmm;
  for (let n = 0; n < 16; n++) { const o = 8 * n; x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0; }
}

function loadAvx(c: Cpu, b: number): void {
  const m = c.mem;
  const x = c.xmm;
  for (let n = 0; n < 16; n++) {
    x[8 * n + 4] = m.read64(b + 16 * n); x[8 * n + 5] = m.hi;
    x[8 * n + 6] = m.read64(b + 16 * n + 8); x[8 * n + 7] = m.hi;
  }
}

function initAvx(c: Cpu): void {
  const x = c.xmm;
  for (let n = 0; n < 16; n++) { const o = 8 * n + 4; x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0; }
}

// ---- instructions ----------------------------------------------------------------------------------

/** RFBM = XCR0 AND EDX:EAX (only the low dword matters: XCR0 has no high bits). */
function rfbm(c: Cpu): number {
  return c.r[0] & XCR0;
}

/** The 64-byte-aligned area address of an XSAVE-family instruction (#GP otherwise). */
function area(c: Cpu, i: Insn): number {
  const a = ea(c, i);
  if (a % 64 !== 0) raiseGP(c, i);
  return a;
}

/** Standard-format save of the components in rfbm (XSAVE, XSAVEOPT, signal frames). */
function xsaveStd(c: Cpu, a: number, rf: number): void {
  const m = c.mem;
  m.translateWrite(a); // fault before writing anything: the area spans at most two pages...
  m.translateWrite(a + 575);
  if (rf & 4) m.translateWrite(a + XSAVE_SIZE - 1);
  if (rf & 1) saveX87(c, a);
  if (rf & 6) saveMxcsr(c, a);
  if (rf & 2) saveSse(c, a);
  if (rf & 4) saveAvx(c, a + XSAVE_AVX_OFFSET);
  // XSTATE_BV[i] = XINUSE[i] for i in RFBM; other bits of the header keep their memory value.
  const bv = m.read32(a + 512);
  m.write32(a + 512, (bv & ~rf) | (xinuse(c) & rf));
}

/** XSAVE mem (0F AE /4; also XSAVE64 with REX.W). */
export function opXsaveM(c: Cpu, i: Insn): void {
  xsaveStd(c, area(c, i), rfbm(c));
}

/** XSAVEOPT mem (0F AE /6): saves like XSAVE (the modified/init optimisations are optional). */
export function opXsaveoptM(c: Cpu, i: Insn): void {
  xsaveStd(c, area(c, i), rfbm(c));
}

/** XSAVEC mem (0F C7 /4): compacted format; only components in use are written. */
export function opXsavecM(c: Cpu, i: Insn): void {
  const a = area(c, i);
  const rf = rfbm(c);
  const m = c.mem;
  const use = xinuse(c) & rf;
  m.translateWrite(a);
  m.translateWrite(a + 575);
  if (use & 4) m.translateWrite(a + XSAVE_SIZE - 1);
  if (use & 1) saveX87(c, a);
  if (rf & 6) saveMxcsr(c, a);
  if (use & 2) saveSse(c, a);
  if (use & 4) saveAvx(c, a + XSAVE_AVX_OFFSET); // AVX is the first compacted component: offset 576
  m.write64(a + 512, use, 0);
  m.write64(a + 520, rf, -2147483648); // XCOMP_BV = RFBM | bit 63
  for (let k = 528; k < 576; k += 8) m.write64(a + k, 0, 0);
}

/**
 * Restores from an XSAVE area (standard or compacted form) the components in rf: from memory when
 * XSTATE_BV says so, else their initial configuration. Returns false for a malformed header
 * (the instruction raises #GP; rt_sigreturn falls back).
 */
function xrstor(c: Cpu, a: number, rf: number): boolean {
  const m = c.mem;
  const bv = m.read64(a + 512);
  const bvHi = m.hi;
  const cb = m.read64(a + 520);
  const cbHi = m.hi;
  if (bvHi !== 0 || (bv & ~XCR0) !== 0) return false;
  const compact = cbHi < 0;
  if (compact) {
    if ((cbHi & 0x7fffffff) !== 0 || (cb & ~XCR0) !== 0 || (bv & ~cb) !== 0) return false;
    for (let k = 528; k < 576; k += 8) { if (m.read64(a + k) !== 0 || m.hi !== 0) return false; }
  } else if (cb !== 0 || cbHi !== 0) return false;
  let mx = c.mxcsr;
  if (rf & 6) {
    mx = m.read32(a + 24);
    if ((mx & ~MXCSR_MASK) !== 0) return false;
  }
  // In the compacted form a component absent from XCOMP_BV takes no space (only AVX follows 576).
  if (rf & 1) { if (bv & 1) loadX87(c, a); else initX87(c); }
  if (rf & 2) { if (bv & 2) loadSse(c, a); else initSse(c); }
  if (rf & 4) { if (bv & 4) loadAvx(c, a + XSAVE_AVX_OFFSET); else initAvx(c); }
  if (rf & 6) c.mxcsr = mx;
  return true;
}

/** XRSTOR mem (0F AE /5; also XRSTOR64). */
export function opXrstorM(c: Cpu, i: Insn): void {
  const a = area(c, i);
  c.mem.translateRead(a + XSAVE_SIZE - 1);
  if (!xrstor(c, a, rfbm(c))) raiseGP(c, i);
}

/** XGETBV (0F 01 D0): EDX:EAX = XCR[ECX]; only XCR0 exists (#GP otherwise). */
export function opXgetbv(c: Cpu, i: Insn): void {
  if (c.r[2] !== 0) raiseGP(c, i);
  setReg(c, 0, 4, XCR0, 0);
  setReg(c, 2, 4, 0, 0);
}

// ---- signal frames -------------------------------------------------------------------------------------

/**
 * Writes the full extended state at addr (64-byte aligned) as Linux's signal delivery does: an
 * XSAVE standard-format area (x87, SSE, AVX; XSTATE_BV = XINUSE), struct _fpx_sw_bytes at
 * offset 464 (magic1, extended_size, xfeatures, xstate_size) and FP_XSTATE_MAGIC2 after the area.
 * The frame's uc_flags should then carry UC_FP_XSTATE. Guest faults propagate as GuestFault.
 */
export function saveExtendedState(c: Cpu, addr: number): void {
  const m = c.mem;
  m.translateWrite(addr + SIGFRAME_XSTATE_SIZE - 1);
  for (let k = 512; k < 576; k += 8) m.write64(addr + k, 0, 0);
  xsaveStd(c, addr, XCR0);
  // Linux sets the FP and SSE bits of XSTATE_BV in a signal frame (save_xstate_epilog), so that a
  // handler's edits of the legacy region are restored even if those components were in init state.
  m.write32(addr + 512, m.read32(addr + 512) | 3);
  m.write32(addr + 464, FP_XSTATE_MAGIC1);
  m.write32(addr + 468, SIGFRAME_XSTATE_SIZE);
  m.write64(addr + 472, XCR0, 0);
  m.write32(addr + 480, XSAVE_SIZE);
  for (let k = 484; k < 512; k += 4) m.write32(addr + k, 0);
  m.write32(addr + XSAVE_SIZE, FP_XSTATE_MAGIC2);
}

/**
 * Restores the state saved by saveExtendedState (rt_sigreturn). When the _fpx_sw_bytes magic
 * numbers are missing, only the legacy FXSAVE region is used and the AVX state is initialised
 * (Linux's "fx_only" path). Returns false when the image is malformed (Linux then raises SIGSEGV).
 */
export function restoreExtendedState(c: Cpu, addr: number): boolean {
  const m = c.mem;
  // As Linux's check_xstate_in_sigframe: magic1, a sane xstate_size, and magic2 right after it.
  const size = m.read32(addr + 480) >>> 0;
  const xstate = m.read32(addr + 464) === FP_XSTATE_MAGIC1 && size >= XSAVE_SIZE && size <= 0x10000
    && (m.read32(addr + 468) >>> 0) === size + 4 && m.read32(addr + size) === FP_XSTATE_MAGIC2;
  if (xstate) return xrstor(c, addr, XCR0 & m.read32(addr + 472));
  const mx = m.read32(addr + 24);
  if ((mx & ~MXCSR_MASK) !== 0) return false;
  loadX87(c, addr);
  loadSse(c, addr);
  c.mxcsr = mx;
  initAvx(c);
  return true;
}
