// x87 FPU state (Intel SDM Vol. 1 §8.1): the register stack R0-R7 (80-bit, §8.1.2), the status
// word with TOP (§8.1.3), control word (§8.1.5), tag word (§8.1.7) and the 80-bit memory format
// (§4.2.2, Figure 4-3). Registers are stored allocation-free as sign/exponent + two 32-bit words.
import type { AddressSpace } from '../memory.js';

// Status word bits (SDM Vol. 1 Figure 8-4).
export const SW_IE = 0x0001;
export const SW_DE = 0x0002;
export const SW_ZE = 0x0004;
export const SW_OE = 0x0008;
export const SW_UE = 0x0010;
export const SW_PE = 0x0020;
export const SW_SF = 0x0040;
export const SW_ES = 0x0080;
export const SW_C0 = 0x0100;
export const SW_C1 = 0x0200;
export const SW_C2 = 0x0400;
export const SW_TOP = 0x3800;
export const SW_C3 = 0x4000;
export const SW_B = 0x8000;
/** The six exception flags (and the matching mask bits of the control word). */
export const SW_EXC = 0x003f;

/** Control word after FNINIT (SDM Vol. 1 §8.1.5): all exceptions masked, PC = 64, RC = nearest. */
export const FCW_DEFAULT = 0x037f;

// Tag values (SDM Vol. 1 Figure 8-7).
export const TAG_VALID = 0;
export const TAG_ZERO = 1;
export const TAG_SPECIAL = 2;
export const TAG_EMPTY = 3;

const F64 = new Float64Array(1);
const F64I = new Int32Array(F64.buffer);

/** x87 register stack and control/status words. Monomorphic: every field is created here. */
export class X87 {
  /** Physical register i: sign (bit 15) and biased exponent (bits 0-14). */
  readonly se = new Int32Array(8);
  /** Physical register i: significand bits 63-32 (bit 31 is the explicit integer bit J). */
  readonly hi = new Int32Array(8);
  /** Physical register i: significand bits 31-0. */
  readonly lo = new Int32Array(8);
  /** Bit i set when physical register i is empty (tag 11); other tags are derived from contents. */
  empty = 0xff;
  /** Stack top (physical index of ST0). */
  top = 0;
  /** Control word. */
  cw = FCW_DEFAULT;
  /** Status word with the TOP field kept zero (TOP lives in `top`). */
  sw = 0;
  /** Last instruction pointer, data pointer and opcode (kept 0: nothing in user space reads them). */
  fip = 0;
  fdp = 0;
  fop = 0;

  /** Physical index of ST(i). */
  st(i: number): number {
    return (this.top + i) & 7;
  }

  /** Status word as FNSTSW stores it (with TOP). */
  getSw(): number {
    return (this.sw & ~SW_TOP) | (this.top << 11);
  }

  /** Loads the status word (FLDENV/FRSTOR/FXRSTOR), including TOP. */
  setSw(v: number): void {
    this.top = (v >>> 11) & 7;
    this.sw = v & 0xffff & ~SW_TOP;
  }

  /** Tag of physical register p, computed from its contents (SDM Vol. 1 §8.1.7). */
  tagOf(p: number): number {
    if (this.empty & (1 << p)) return TAG_EMPTY;
    const e = this.se[p] & 0x7fff;
    if (e === 0x7fff) return TAG_SPECIAL;
    if (e === 0) return (this.hi[p] | this.lo[p]) === 0 ? TAG_ZERO : TAG_SPECIAL;
    return this.hi[p] < 0 ? TAG_VALID : TAG_SPECIAL;
  }

  /** Full 16-bit tag word (FNSTENV/FNSAVE), two bits per physical register. */
  tagWord(): number {
    let t = 0;
    for (let p = 0; p < 8; p++) t |= this.tagOf(p) << (2 * p);
    return t;
  }

  /** Loads a full tag word: only "empty" is kept, the other tags follow the contents. */
  setTagWord(t: number): void {
    let e = 0;
    for (let p = 0; p < 8; p++) if (((t >>> (2 * p)) & 3) === TAG_EMPTY) e |= 1 << p;
    this.empty = e;
  }

  /** Abridged tag byte (FXSAVE, SDM Vol. 1 §10.5.1.1): bit p set when R(p) is not empty. */
  abridgedTag(): number {
    return ~this.empty & 0xff;
  }

  /** Loads an abridged tag byte (FXRSTOR). */
  setAbridgedTag(t: number): void {
    this.empty = ~t & 0xff;
  }

  /** FNINIT: default control word, cleared status, all registers empty (contents kept). */
  reset(): void {
    this.cw = FCW_DEFAULT;
    this.sw = 0;
    this.top = 0;
    this.empty = 0xff;
    this.fip = 0;
    this.fdp = 0;
    this.fop = 0;
  }

  /** Copies the whole state (fork, clone). */
  copyFrom(o: X87): void {
    this.se.set(o.se);
    this.hi.set(o.hi);
    this.lo.set(o.lo);
    this.empty = o.empty;
    this.top = o.top;
    this.cw = o.cw;
    this.sw = o.sw;
    this.fip = o.fip;
    this.fdp = o.fdp;
    this.fop = o.fop;
  }

  /** Sets physical register p (marks it non-empty). */
  set(p: number, se: number, hi: number, lo: number): void {
    this.se[p] = se & 0xffff;
    this.hi[p] = hi;
    this.lo[p] = lo;
    this.empty &= ~(1 << p);
  }

  /** Reads an 80-bit value from guest memory into physical register p (marks it non-empty). */
  load80(m: AddressSpace, addr: number, p: number): void {
    const lo = m.read64(addr);
    const hi = m.hi;
    this.set(p, m.read16(addr + 8), hi, lo);
  }

  /** Writes physical register p to guest memory in the 10-byte format. */
  store80(m: AddressSpace, addr: number, p: number): void {
    m.write64(addr, this.lo[p], this.hi[p]);
    m.write16(addr + 8, this.se[p]);
  }

  /**
   * Physical register p as a float64 (round to nearest; for diagnostics and host interop, not for
   * emulated instructions: a result in the float64 subnormal range may be rounded twice).
   */
  toF64(p: number): number {
    const e = this.se[p] & 0x7fff;
    const neg = (this.se[p] & 0x8000) !== 0;
    const h = this.hi[p] >>> 0;
    const l = this.lo[p] >>> 0;
    let v: number;
    if (e === 0x7fff) v = (h & 0x7fffffff) === 0 && l === 0 ? Infinity : NaN;
    else {
      v = h * 4294967296 + l; // one rounding to 53 bits
      const x = (e === 0 ? 1 : e) - 16383 - 63;
      // Scale in two steps so that neither factor overflows or underflows on its own.
      const x1 = x >> 1;
      v = v * 2 ** x1 * 2 ** (x - x1);
    }
    return neg ? -v : v;
  }

  /** Sets physical register p from a float64 (exact: every double is an 80-bit value). */
  setF64(p: number, v: number): void {
    F64[0] = v;
    const lo = F64I[0];
    const hi = F64I[1];
    const sign = (hi >>> 31) << 15;
    const ef = (hi >>> 20) & 0x7ff;
    let mh = ((hi & 0xfffff) << 11) | (lo >>> 21);
    let ml = lo << 11;
    if (ef === 0x7ff) {
      this.set(p, sign | 0x7fff, mh | 0x80000000, ml);
      return;
    }
    if (ef === 0) {
      if ((mh | ml) === 0) {
        this.set(p, sign, 0, 0);
        return;
      }
      let e = 15361; // 16383 - 1022
      if (mh === 0) { mh = ml; ml = 0; e -= 32; }
      const z = Math.clz32(mh);
      if (z) { mh = (mh << z) | (ml >>> (32 - z)); ml <<= z; }
      this.set(p, sign | (e - z), mh, ml);
      return;
    }
    this.set(p, sign | (ef + 15360), mh | 0x80000000, ml);
  }
}
