// System-ish user instructions: CPUID, RDTSC, RDTSCP, RDPID, RDRAND/RDSEED are not advertised
// (Intel SDM Vol. 2A "CPUID", Vol. 2B "RDTSC"). CPUID answers only what cpuid.ts advertises.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { cpuidLeaf } from '../cpuid.js';

const out = new Int32Array(4);
const t0 = process.hrtime.bigint();

/** CPUID (0F A2): EAX/EBX/ECX/EDX from leaf EAX, subleaf ECX. */
export function opCpuid(c: Cpu, _i: Insn): void {
  const r = c.r;
  cpuidLeaf(r[0] >>> 0, r[2] >>> 0, out);
  r[0] = out[0]; r[1] = 0;
  r[6] = out[1]; r[7] = 0;
  r[2] = out[2]; r[3] = 0;
  r[4] = out[3]; r[5] = 0;
}

/** A monotonically increasing time-stamp counter at a nominal 1 GHz (ns since start). */
function tsc(c: Cpu): void {
  // process.hrtime.bigint is the only ns clock; this is not a hot instruction.
  const ns = process.hrtime.bigint() - t0 + BigInt(c.icount);
  c.r[0] = Number(ns & 0xffffffffn) | 0;
  c.r[1] = 0;
  c.r[4] = Number((ns >> 32n) & 0xffffffffn) | 0;
  c.r[5] = 0;
}

/** RDTSC (0F 31): EDX:EAX = TSC. */
export function opRdtsc(c: Cpu, _i: Insn): void {
  tsc(c);
}

/** RDTSCP (0F 01 F9): RDTSC plus ECX = IA32_TSC_AUX (cpu 0). */
export function opRdtscp(c: Cpu, _i: Insn): void {
  tsc(c);
  c.r[2] = 0;
  c.r[3] = 0;
}
