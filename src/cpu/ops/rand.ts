// RDRAND and RDSEED (Intel SDM Vol. 2B "RDRAND", "RDSEED"; Vol. 1 §7.3.17): a random value in a
// 16/32/64-bit register with CF = 1 (always available here) and OF, SF, ZF, AF, PF cleared.
// Values come from the host CSPRNG through a preallocated pool refilled by crypto.randomFillSync,
// so an instruction allocates nothing. RDSEED shares the pool (the host CSPRNG is seeded from
// the kernel's entropy source; DIVERGES: not a raw NRBG output, which no user-space API offers).
import { randomFillSync } from 'node:crypto';
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { CF, STATUS, getFlags, setFlags } from '../flags.js';
import { setReg } from './operand.js';
import { opUD } from './traps.js';

const POOL = new Int32Array(4096);
let pos = POOL.length;

/** The next 32 random bits. */
function next(): number {
  if (pos === POOL.length) {
    randomFillSync(POOL);
    pos = 0;
  }
  return POOL[pos++];
}

function rand(c: Cpu, i: Insn): void {
  // F3/F2 0F C7 /6 /7 are other instructions (SENDUIPI, RDPID) or undefined.
  if (i.rep !== 0) { opUD(c, i); return; }
  const s = i.size;
  const lo = next();
  const hi = s === 8 ? next() : 0;
  setReg(c, i.rm, s, lo, hi);
  setFlags(c, (getFlags(c) & ~STATUS) | CF);
}

/** RDRAND r16/r32/r64 (0F C7 /6). */
export function opRdrandRv(c: Cpu, i: Insn): void { rand(c, i); }
/** RDSEED r16/r32/r64 (0F C7 /7). */
export function opRdseedRv(c: Cpu, i: Insn): void { rand(c, i); }
