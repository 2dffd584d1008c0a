// ADX (Intel SDM Vol. 2A "ADCX", "ADOX"): unsigned add with carry through CF (ADCX) or through OF
// (ADOX) only, so two carry chains can interleave; no other flag changes. r32 forms zero-extend.
// The operand size comes from REX.W alone (a 66 byte next to ADOX's F3 is ignored, as on hardware).
import type { Cpu } from '../state.js';
import { ea, type Insn } from '../decode/insn.js';
import { CF, OF, getFlags, setFlags } from '../flags.js';

/** Adds r/m (32 or 64 bits) and the carry `cin` to Gy; returns the carry out. */
function addCarry(c: Cpu, i: Insn, cin: number): number {
  const r = c.r;
  const wide = (i.rex & 8) !== 0;
  let lo: number;
  let hi = 0;
  if (i.isMem) {
    const m = c.mem;
    const a = ea(c, i);
    if (wide) { lo = m.read64(a); hi = m.hi; } else lo = m.read32(a);
  } else {
    lo = r[2 * i.rm];
    hi = wide ? r[2 * i.rm + 1] : 0;
  }
  const d = 2 * i.reg;
  const sLo = (r[d] >>> 0) + (lo >>> 0) + cin;
  const cLo = sLo > 0xffffffff ? 1 : 0;
  r[d] = sLo | 0;
  if (!wide) {
    r[d + 1] = 0;
    return cLo;
  }
  const sHi = (r[d + 1] >>> 0) + (hi >>> 0) + cLo;
  r[d + 1] = sHi | 0;
  return sHi > 0xffffffff ? 1 : 0;
}

/** ADCX r32/r64, r/m32/r/m64 (66 0F 38 F6): CF is the carry in and out. */
export function opAdcxGyEy(c: Cpu, i: Insn): void {
  const f = getFlags(c);
  const cout = addCarry(c, i, f & CF);
  setFlags(c, (f & ~CF) | cout);
}

/** ADOX r32/r64, r/m32/r/m64 (F3 0F 38 F6): OF is the carry in and out. */
export function opAdoxGyEy(c: Cpu, i: Insn): void {
  const f = getFlags(c);
  const cout = addCarry(c, i, (f & OF) !== 0 ? 1 : 0);
  setFlags(c, (f & ~OF) | (cout ? OF : 0));
}
