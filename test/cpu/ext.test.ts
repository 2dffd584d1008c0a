// MMX (with the x87 register aliasing of SDM Vol. 1 §9.5), SSE/SSE2/SSSE3 forms on MMX registers,
// SSE4.2 CRC32 and PCMPxSTRx, AES-NI, PCLMULQDQ and ADX against vectors recorded on the host CPU
// (tools/gen/ext_vectors.c). Each entry's recorded instruction bytes are decoded by our decoder
// and executed from the generator's initial state; registers, memory, RFLAGS, MXCSR and the x87
// status and tag words are compared bit for bit. Plus RDRAND/RDSEED, #MF, precise faults, alignment
// and the coverage of every form of these features (as if CPUID advertised them).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cpu, STOP_DIVIDE, STOP_FAULT, STOP_ILLEGAL } from '../../src/cpu/state.js';
import { AddressSpace, GuestFault, PhysMem, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import type { Insn } from '../../src/cpu/decode/insn.js';
import { decode } from '../../src/cpu/decode/decoder.js';
import { getFlags, setFlags } from '../../src/cpu/flags.js';
import { CPU_TRAP } from '../../src/cpu/ops/traps.js';
import { SW_ES } from '../../src/cpu/fpu/x87_state.js';
import { cpuidLeaf } from '../../src/cpu/cpuid.js';
import { computeCoverage, missingRows } from '../../tools/isa_coverage.mjs';

interface Entry {
  id: string;
  k: number;
  in: string;
  out: string;
  bytes: string;
  v: string[];
}

/** EXT_VECTORS=/path/to/other.json replays another recorded set (tools/gen/ext_vectors.c SEED). */
const VEC_PATH = process.env.EXT_VECTORS ?? fileURLToPath(new URL('../vectors/ext.json', import.meta.url));
const VEC = JSON.parse(readFileSync(VEC_PATH, 'utf8')) as {
  entries: Entry[];
  total: number;
};

const CODE = 0x400000;
const DATA = 0x600000; // the generator's rdi buffer (1 KiB, 64-byte aligned)
const phys = new PhysMem(32 * 1024 * 1024);
const mem = new AddressSpace(phys);
mem.map(CODE, 0x1000, PROT_READ | PROT_EXEC);
mem.map(DATA, 0x1000, PROT_READ | PROT_WRITE);
const cpu = new Cpu(mem);
const ZERO = new Uint8Array(1024);

const WIDTH: Record<string, number> = {
  P: 16, Q: 16, A: 16, C: 16, D: 16, B: 16, V: 32, W: 32, Z: 32, M: 32, N: 32, K: 256, F: 4, X: 4, E: 8,
};
const GPR: Record<string, number> = { A: 0, C: 1, D: 2, B: 3 };
const XMM: Record<string, number> = { V: 1, W: 2, Z: 0 };
const MEMOFF: Record<string, [number, number]> = { M: [0, 16], N: [16, 16], K: [96, 128] };

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function hexOf(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

function fields(spec: string, hex: string): Map<string, string> {
  const r = new Map<string, string>();
  let o = 0;
  for (const f of spec) {
    r.set(f, hex.slice(o, o + WIDTH[f]));
    o += WIDTH[f];
  }
  return r;
}

const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');

/** Decodes an entry's byte sequence into instructions. */
function decodeAll(hex: string): Insn[] {
  const b = bytesOf(hex);
  mem.pokeBytes(CODE, b);
  const out: Insn[] = [];
  for (let pc = CODE; pc < CODE + b.length;) {
    const i = decode(mem, pc);
    out.push(i);
    pc = i.next;
  }
  return out;
}

/** The generator's prologue: FNINIT, mm0 = P, mm1 = Q, mm2-7 = 0 (for k = 1), registers, rdi. */
function setup(e: Entry, inp: Map<string, string>): void {
  cpu.r.fill(0);
  cpu.xmm.fill(0);
  cpu.mxcsr = inp.has('X') ? parseInt(inp.get('X')!, 16) : 0x1f80;
  setFlags(cpu, inp.has('F') ? parseInt(inp.get('F')!, 16) : 0x2);
  const f = cpu.fpu;
  f.reset();
  if (e.k) {
    for (let p = 0; p < 8; p++) {
      const v = p === 0 ? inp.get('P') : p === 1 ? inp.get('Q') : undefined;
      const hi = v ? parseInt(v.slice(0, 8), 16) | 0 : 0;
      const lo = v ? parseInt(v.slice(8), 16) | 0 : 0;
      f.set(p, 0xffff, hi, lo);
    }
    f.top = 0;
    f.empty = 0;
  }
  mem.writeBytes(DATA, ZERO);
  for (const [k, v] of inp) {
    if (k in GPR) {
      cpu.r[2 * GPR[k] + 1] = parseInt(v.slice(0, 8), 16) | 0;
      cpu.r[2 * GPR[k]] = parseInt(v.slice(8), 16) | 0;
    } else if (k in XMM) cpu.xmmU8.set(bytesOf(v), 32 * XMM[k]);
    else if (k in MEMOFF) mem.writeBytes(DATA + MEMOFF[k][0], bytesOf(v));
  }
  cpu.setS64(7, DATA);
}

function output(f: string): string {
  const x = cpu.fpu;
  switch (f) {
    case 'P': return hex8(x.hi[0]) + hex8(x.lo[0]);
    case 'Q': return hex8(x.hi[1]) + hex8(x.lo[1]);
    case 'E': return (x.getSw() & 0xffff).toString(16).padStart(4, '0') + x.tagWord().toString(16).padStart(4, '0');
    case 'F': return (getFlags(cpu) & 0x8d5).toString(16).padStart(4, '0');
    case 'X': return (cpu.mxcsr & 0xffff).toString(16).padStart(4, '0');
  }
  if (f in GPR) return hex8(cpu.r[2 * GPR[f] + 1]) + hex8(cpu.r[2 * GPR[f]]);
  if (f in XMM) return hexOf(cpu.xmmU8.subarray(32 * XMM[f], 32 * XMM[f] + 16));
  const [o, n] = MEMOFF[f];
  return hexOf(mem.readBytes(DATA + o, n));
}

/** Runs one vector; returns a mismatch description or null. */
function runVector(e: Entry, insns: Insn[], v: string): string | null {
  const [inHex, outHex] = v.split('|');
  const inp = fields(e.in, inHex);
  const exp = fields(e.out, outHex);
  setup(e, inp);
  for (const i of insns) {
    cpu.rip = i.next;
    i.fn(cpu, i);
  }
  for (const f of e.out) {
    const got = output(f);
    if (got !== exp.get(f)) return `${e.id} in=${inHex} field ${f}: got ${got} want ${exp.get(f)}`;
  }
  return null;
}

describe('extension vectors recorded on the host CPU', () => {
  it('has the recorded vectors', () => {
    expect(VEC.total).toBeGreaterThan(15000);
  });
  it.each(VEC.entries.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const insns = decodeAll(e.bytes);
    expect(insns.map((i) => i.name)).not.toContain('(bad)');
    const bad: string[] = [];
    for (const v of e.v) {
      const m = runVector(e, insns, v);
      if (m !== null) bad.push(m);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

/** Decodes and runs one instruction from hex bytes; returns the thrown value (or null). */
function exec(hex: string): unknown {
  const [i] = decodeAll(hex);
  cpu.stop = 0;
  cpu.rip = i.next;
  try {
    i.fn(cpu, i);
  } catch (err) {
    return err;
  }
  return null;
}

describe('RDRAND and RDSEED', () => {
  it.each([
    ['rdrand eax', '0fc7f0', 0, 4],
    ['rdrand rax', '480fc7f0', 0, 8],
    ['rdseed ecx', '0fc7f9', 1, 4],
    ['rdseed r9', '490fc7f9', 9, 8],
  ] as const)('%s: CF = 1, other status flags 0, a new value each time', (_n, hex, reg, size) => {
    const seen = new Set<string>();
    for (let k = 0; k < 64; k++) {
      cpu.r.fill(-1);
      setFlags(cpu, 0x8d5);
      expect(exec(hex)).toBe(null);
      expect(getFlags(cpu) & 0x8d5).toBe(1);
      if (size === 4) expect(cpu.r[2 * reg + 1]).toBe(0);
      seen.add(`${cpu.r[2 * reg]},${cpu.r[2 * reg + 1]}`);
    }
    expect(seen.size).toBeGreaterThan(60);
  });
  it('rdrand cx (66) writes 16 bits and keeps the rest', () => {
    cpu.r.fill(0);
    cpu.r[2] = 0x12340000;
    let changed = 0;
    for (let k = 0; k < 16; k++) {
      expect(exec('660fc7f1')).toBe(null);
      expect(cpu.r[2] & 0xffff0000).toBe(0x12340000);
      if ((cpu.r[2] & 0xffff) !== 0) changed++;
    }
    expect(changed).toBeGreaterThan(10);
  });
  it.each([['f3 (RDPID / SENDUIPI space)', 'f30fc7f0'], ['f2', 'f20fc7f8']])('%s prefix raises #UD', (_n, hex) => {
    expect(exec(hex)).toBe(CPU_TRAP);
    expect(cpu.stop).toBe(STOP_ILLEGAL);
  });
  it('the memory form is #UD', () => {
    expect(decodeAll('0fc730')[0].name).toBe('(bad)');
  });
});

describe('MMX and the x87 state', () => {
  it.each([
    ['paddb mm0, mm1', '0ffcc1'],
    ['emms', '0f77'],
    ['movd eax, mm0', '0f7ec0'],
    ['cvtps2pi mm0, xmm1', '0f2dc1'],
  ])('%s raises #MF (SIGFPE) with an unmasked exception pending, changing nothing', (_n, hex) => {
    const f = cpu.fpu;
    f.reset();
    f.top = 3;
    f.sw |= SW_ES;
    cpu.r.fill(7);
    expect(exec(hex)).toBe(CPU_TRAP);
    expect(cpu.stop).toBe(STOP_DIVIDE);
    expect(f.top).toBe(3);
    expect(f.empty).toBe(0xff);
    expect(cpu.r[0]).toBe(7);
    f.reset();
  });

  it.each([
    ['movq mm0, [rdi]', '0f6f07'],
    ['paddb mm0, [rdi]', '0ffc07'],
    ['cvtps2pi mm0, [rdi]', '0f2d07'],
  ])('%s faulting on memory leaves TOP and the tags alone (precise)', (_n, hex) => {
    const f = cpu.fpu;
    f.reset();
    f.top = 5;
    cpu.setS64(7, 0x900000); // unmapped
    const thrown = exec(hex);
    expect(thrown).toBeInstanceOf(GuestFault);
    expect(f.top).toBe(5);
    expect(f.empty).toBe(0xff);
  });

  it('cvtpd2pi with a misaligned m128 raises #GP (SIGSEGV); cvtps2pi m64 may be misaligned', () => {
    cpu.fpu.reset();
    cpu.setS64(7, DATA + 8);
    expect(exec('660f2d07')).toBe(CPU_TRAP);
    expect(cpu.stop).toBe(STOP_FAULT);
    expect(exec('0f2d07')).toBe(null);
  });

  it('the REX.R/REX.B bits do not select MMX registers beyond mm7', () => {
    const f = cpu.fpu;
    f.reset();
    f.set(1, 0xffff, 0, 5);
    f.set(0, 0xffff, 0, 7);
    expect(exec('450ffcc1')).toBe(null); // paddb mm0, mm1 with REX.RB
    expect(f.lo[0]).toBe(12);
  });

  it('F3 and F2 prefixes on MMX-only opcodes are #UD', () => {
    expect(decodeAll('f30ffcc1')[0].name).toBe('(bad)');
    expect(decodeAll('f20f77')[0].name).toBe('(bad)');
  });
});

describe('alignment of the legacy-SSE m128 operands', () => {
  it.each([
    ['aesenc', '660f38dc0f'],
    ['aesimc', '660f38db0f'],
    ['aeskeygenassist', '660f3adf0f01'],
    ['pclmulqdq', '660f3a440f00'],
  ])('%s with a misaligned m128 raises #GP (SIGSEGV)', (_n, hex) => {
    cpu.setS64(7, DATA + 4);
    expect(exec(hex)).toBe(CPU_TRAP);
    expect(cpu.stop).toBe(STOP_FAULT);
  });
});

describe('VEX.128 AES and PCLMULQDQ', () => {
  it.each([
    ['vaesenc xmm1, xmm2, xmm0', 'c4e269dcc8'],
    ['vaesimc xmm1, xmm2', 'c4e279dbca'],
    ['vaeskeygenassist xmm1, xmm2, 0x1b', 'c4e379dfca1b'],
    ['vpclmulqdq xmm1, xmm2, xmm0, 0x11', 'c4e36944c811'],
  ])('%s zeroes bits 255:128 of the destination', (_n, hex) => {
    cpu.xmm.fill(-1);
    expect(exec(hex)).toBe(null);
    expect(Array.from(cpu.xmm.subarray(12, 16))).toEqual([0, 0, 0, 0]);
    expect(Array.from(cpu.xmm.subarray(20, 24))).toEqual([-1, -1, -1, -1]); // xmm2's upper half kept
  });
  it('legacy AESENC leaves bits 255:128 alone', () => {
    cpu.xmm.fill(-1);
    expect(exec('660f38dcca')).toBe(null);
    expect(Array.from(cpu.xmm.subarray(12, 16))).toEqual([-1, -1, -1, -1]);
  });
  it.each([
    ['vaesimc with VEX.vvvv != 1111b', 'c4e271dbca'],
    ['vaeskeygenassist with VEX.vvvv != 1111b', 'c4e371dfca1b'],
  ])('%s raises #UD', (_n, hex) => {
    expect(exec(hex)).toBe(CPU_TRAP);
    expect(cpu.stop).toBe(STOP_ILLEGAL);
  });
  it.each([['vaesenc ymm (VAES)', 'c4e26ddcc8'], ['vpclmulqdq ymm (VPCLMULQDQ)', 'c4e36d44c811']])(
    '%s with VEX.L = 1 is not implemented (#UD)', (_n, hex) => {
      expect(decodeAll(hex)[0].name).toBe('(bad)');
    },
  );
});

describe('opcode coverage with MMX, SSE4.2, AES, PCLMULQDQ, ADX, RDRAND and RDSEED advertised', () => {
  // CPUID as it would read with these bits added (src/cpu/cpuid.ts sets them once advertised).
  const EXTRA: Record<string, [number, number]> = {
    '1.3': [0, 1 << 23], // MMX
    // SSE4.2, PCLMULQDQ, AES, RDRAND; AVX only so that the VEX.128 AES/PCLMULQDQ forms are in scope
    // (other AVX forms are filtered out below: they belong to the AVX group).
    '1.2': [0, (1 << 20) | (1 << 1) | (1 << 25) | (1 << 30) | (1 << 28)],
    '7.1': [0, (1 << 19) | (1 << 18)], // ADX, RDSEED
  };
  function leaf(l: number, sub: number, out: Int32Array): void {
    cpuidLeaf(l, sub, out);
    if (l === 7 && sub !== 0) return;
    for (let reg = 0; reg < 4; reg++) {
      const x = EXTRA[`${l}.${reg}`];
      if (x) out[reg] |= x[1];
    }
  }
  const deps = { decode, AddressSpace, PhysMem, GuestFault, Cpu, STOP_ILLEGAL, CPU_TRAP, cpuidLeaf: leaf };
  const res = computeCoverage(deps, { advertised: true }) as {
    rows: { code: string; feature: string; implemented: boolean; detail: string; bytes: string }[];
    toolErrors: string[];
  };
  const OURS = /^(MMX|SSE4_2|AES|PCLMULQDQ|ADX|RDRAND|RDSEED)$/;
  const mine = res.rows.filter((r) => r.feature.split('+').some((f) => OURS.test(f)));

  it('covers forms of every one of these features', () => {
    expect(res.toolErrors).toEqual([]);
    const feats = new Set(mine.flatMap((r) => r.feature.split('+')));
    for (const f of ['MMX', 'SSE4_2', 'AES', 'PCLMULQDQ', 'ADX', 'RDRAND', 'RDSEED']) expect(feats).toContain(f);
    expect(mine.filter((r) => r.feature === 'AES+AVX' || r.feature === 'PCLMULQDQ+AVX').length).toBe(7);
    expect(mine.length).toBeGreaterThan(80);
  });
  it('implements every form (legacy encodings) of these features and the SSE/SSE2 MMX-operand forms', () => {
    // Ours: the features above, and forms of any feature with an MMX register operand.
    const missing = (missingRows(res) as typeof res.rows).filter(
      (r) => r.feature.split('+').some((f) => OURS.test(f)) || /(^|_)mm(m64|_|$)/.test(r.code),
    );
    expect(missing.map((r) => `${r.feature}: ${r.code} ${r.detail} [${r.bytes}]`)).toEqual([]);
  });
});
