// AVX/AVX2/FMA/F16C against vectors recorded on the host CPU (tools/gen/avx_vectors.c; Intel SDM
// Vol. 1 ch. 14, Vol. 2): each entry's recorded instruction bytes are decoded by our decoder (so
// the opcode table is checked too) and every vector replays it, comparing YMM registers (VLMAX
// zeroing included), memory, GPRs, MXCSR (exception flags included) and RFLAGS bit for bit.
// Also: #UD for reserved VEX.vvvv/VEX.L encodings, alignment faults, gather faults, the exact
// fused multiply-add against its slow path, and the XSAVE family and signal-frame helpers.
import { describe, expect, it } from 'vitest';
import iced from 'iced-x86';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cpu, STOP_FAULT, STOP_ILLEGAL, STOP_HALT } from '../../src/cpu/state.js';
import { AddressSpace, GuestFault, PhysMem, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import type { Insn } from '../../src/cpu/decode/insn.js';
import { getFlags, setFlags } from '../../src/cpu/flags.js';
import { decode } from '../../src/cpu/decode/decoder.js';
import { AVX_ROWS } from '../../src/cpu/decode/table_avx.js';
import { CPU_TRAP } from '../../src/cpu/ops/traps.js';
import { fmaF32ForTest, fmaF64ForTest, fmaF64SlowForTest } from '../../src/cpu/ops/avx_fma.js';
import {
  XSAVE_SIZE, FP_XSTATE_MAGIC1, FP_XSTATE_MAGIC2, restoreExtendedState, saveExtendedState,
} from '../../src/cpu/ops/xsave.js';

interface Entry {
  id: string;
  in: string;
  out: string;
  v: string[];
  bytes: string;
}

/** AVX_VECTORS=/path/to/stress.json replays another recorded set (tools/gen/avx_vectors.c seed rounds). */
const VEC_PATH = process.env.AVX_VECTORS ?? fileURLToPath(new URL('../vectors/avx.json', import.meta.url));
const VEC = JSON.parse(readFileSync(VEC_PATH, 'utf8')) as { entries: Entry[]; total: number };

const CODE = 0x400000;
const DATA = 0x600000;
const SLOT = DATA + 0x1000; // 128(%rdi) in the recorded code
const phys = new PhysMem(64 * 1024 * 1024);
const mem = new AddressSpace(phys);
mem.map(CODE, 0x2000, PROT_READ | PROT_EXEC);
mem.map(DATA, 0x10000, PROT_READ | PROT_WRITE);
const cpu = new Cpu(mem);
const RDI = 7;

const WIDTH: Record<string, number> = { 0: 64, 1: 64, 2: 64, 3: 64, m: 128, M: 256, a: 16, c: 16, d: 16, x: 4, f: 4 };

function bytesOf(hex: string): Uint8Array {
  const b = new Uint8Array(hex.length / 2);
  for (let k = 0; k < b.length; k++) b[k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
  return b;
}

function hexOf(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
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

function setGpr(n: number, hex: string): void {
  cpu.r[2 * n + 1] = parseInt(hex.slice(0, 8), 16) | 0;
  cpu.r[2 * n] = parseInt(hex.slice(8), 16) | 0;
}

function getGpr(n: number): string {
  return (cpu.r[2 * n + 1] >>> 0).toString(16).padStart(8, '0') + (cpu.r[2 * n] >>> 0).toString(16).padStart(8, '0');
}

/** Decodes hex bytes placed at CODE. */
function decodeHex(hex: string): Insn {
  const b = bytesOf(hex);
  const pad = new Uint8Array(32);
  pad.set(b);
  mem.pokeBytes(CODE, pad);
  return decode(mem, CODE);
}

/** Resets the CPU to the state every vector starts from. */
function reset(): void {
  cpu.xmm.fill(0);
  cpu.r.fill(0);
  cpu.setS64(RDI, SLOT - 128);
  cpu.mxcsr = 0x1f80;
  setFlags(cpu, 0x202);
  cpu.stop = 0;
}

/** Runs one vector; returns a mismatch description or null. */
function runVector(e: Entry, i: Insn, v: string): string | null {
  const [inHex, outHex] = v.split('|');
  const inp = fields(e.in, inHex);
  const exp = fields(e.out, outHex);
  reset();
  mem.writeBytes(SLOT, new Uint8Array(128));
  for (const [f, h] of inp) {
    switch (f) {
      case '0': case '1': case '2': case '3': cpu.xmmU8.set(bytesOf(h), Number(f) * 32); break;
      case 'm': case 'M': mem.writeBytes(SLOT, bytesOf(h)); break;
      case 'a': setGpr(0, h); break;
      case 'c': setGpr(1, h); break;
      case 'd': setGpr(2, h); break;
      case 'x': cpu.mxcsr = parseInt(h, 16); break;
      case 'f': setFlags(cpu, parseInt(h, 16) | 0x202); break;
    }
  }
  try {
    i.fn(cpu, i);
  } catch (err) {
    if (err === CPU_TRAP) return `${e.id}: trapped (stop ${cpu.stop}) in=${inHex}`;
    if (err instanceof GuestFault) return `${e.id}: guest fault at ${err.addr.toString(16)}`;
    throw err;
  }
  for (const [f, want] of exp) {
    let got = '';
    switch (f) {
      case '0': case '1': case '2': case '3': got = hexOf(cpu.xmmU8.subarray(Number(f) * 32, Number(f) * 32 + 32)); break;
      case 'm': got = hexOf(mem.readBytes(SLOT, 64)); break;
      case 'M': got = hexOf(mem.readBytes(SLOT, 128)); break;
      case 'a': got = getGpr(0); break;
      case 'c': got = getGpr(1); break;
      case 'd': got = getGpr(2); break;
      case 'x': got = (cpu.mxcsr & 0xffff).toString(16).padStart(4, '0'); break;
      case 'f': got = (getFlags(cpu) & 0x8d5).toString(16).padStart(4, '0'); break;
    }
    if (got !== want) return `${e.id} [${i.name}] in=${inHex} field ${f}: got ${got} want ${want}`;
  }
  return null;
}

describe('AVX vectors recorded on the host CPU', () => {
  it('has the recorded vectors', () => {
    expect(VEC.total).toBeGreaterThan(10000);
  });
  it.each(VEC.entries.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const i = decodeHex(e.bytes);
    expect(i.name).not.toBe('(bad)');
    expect(i.len).toBe(e.bytes.length / 2);
    const bad: string[] = [];
    for (const v of e.v) {
      const m = runVector(e, i, v);
      if (m !== null) bad.push(m);
    }
    expect(bad.slice(0, 4)).toEqual([]);
  });
});

/** Executes bytes once from the reset state; returns cpu.stop (0 when it completed). */
function exec(hex: string): number {
  const i = decodeHex(hex);
  try {
    i.fn(cpu, i);
  } catch (err) {
    if (err === CPU_TRAP) return cpu.stop;
    if (err instanceof GuestFault) return STOP_FAULT;
    throw err;
  }
  return 0;
}

describe('VEX encoding rules', () => {
  it('random VEX encodings of our opcodes: accepted, rejected (#UD) and sized as iced-x86 does', () => {
    const { Decoder, DecoderOptions, Code, Mnemonic } = iced;
    let seed = 0x1234567;
    const R = (): number => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return seed >>> 0; };
    const ops = [...new Set(AVX_ROWS.filter((r) => r.vex).map((r) => r.map * 256 + r.code))];
    const bad: string[] = [];
    for (let t = 0; t < 40000 && bad.length < 5; t++) {
      const oc = ops[R() % ops.length];
      const map = oc >> 8;
      const b: number[] = [];
      const vx = (((R() & 1) << 7) | ((R() & 15) << 3) | ((R() & 1) << 2) | (R() & 3));
      if (map === 1 && (R() & 1)) b.push(0xc5, (R() & 0x80) | (vx & 0x7f));
      else b.push(0xc4, (R() & 0xe0) | map, vx);
      b.push(oc & 255);
      for (let k = 0; k < 10; k++) b.push(R() & 255);
      const bytes = Uint8Array.from(b);
      const d = new Decoder(64, bytes, DecoderOptions.None);
      const ins = d.decode();
      const icedBad = ins.code === Code.INVALID;
      const len = ins.length;
      const mn = (Mnemonic[ins.mnemonic] as string).toLowerCase();
      ins.free();
      d.free();
      reset();
      const ours = decodeHex(hexOf(bytes));
      const hex = hexOf(bytes.subarray(0, icedBad ? 4 : len));
      if (icedBad) {
        if (ours.name !== '(bad)' && exec(hexOf(bytes)) !== STOP_ILLEGAL) bad.push(`${hex}: iced rejects, ${ours.name} runs`);
      } else if (ours.name === '(bad)') bad.push(`${hex}: iced decodes ${mn}, we reject`);
      else if (ours.len !== len || !mn.startsWith(ours.name)) bad.push(`${hex}: iced ${mn}/${len}, ours ${ours.name}/${ours.len}`);
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['vmovdqu ymm0, ymm1 with vvvv != 1111b', 'c5f56fc1'],
    ['vpshufd with vvvv != 1111b', 'c5e970c11b'],
    ['vzeroupper with vvvv != 1111b', 'c5f077'],
    ['vmovd xmm0, eax with VEX.L = 1', 'c5fd6ec0'],
    ['vperm2f128 with VEX.L = 0', 'c4e37106c120'],
    ['vpermq with VEX.W = 0', 'c4e37d00c11b'],
    ['vbroadcastss with VEX.W = 1', 'c4e2f918c1'],
    ['a VEX prefix after a 66 prefix', '66c5f9efc0'],
    ['vpgatherdd with dest = index register', 'c4e261900c0d00000000'],
  ])('%s raises #UD', (_what, hex) => {
    reset();
    expect(exec(hex)).toBe(STOP_ILLEGAL);
  });

  it('VEX.128 writes zero the upper half; legacy SSE keeps it', () => {
    reset();
    cpu.xmm.fill(-1);
    expect(exec('c5f1efc0')).toBe(0); // vpxor xmm0, xmm1, xmm0
    expect(Array.from(cpu.xmm.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    cpu.xmm.fill(-1);
    expect(exec('660fefc0')).toBe(0); // pxor xmm0, xmm0
    expect(Array.from(cpu.xmm.subarray(0, 8))).toEqual([0, 0, 0, 0, -1, -1, -1, -1]);
  });

  it('vmovaps/vmovdqa need 32-byte alignment for ymm, vmovups does not', () => {
    reset();
    cpu.setS64(0, SLOT + 16); // rax
    expect(exec('c5fc2800')).toBe(STOP_FAULT); // vmovaps ymm0, [rax]
    expect(exec('c5f82800')).toBe(0); // vmovaps xmm0, [rax]: 16-byte aligned is enough
    expect(exec('c5fe6f00')).toBe(0); // vmovdqu ymm0, [rax]
    cpu.setS64(0, SLOT + 8);
    expect(exec('c5fd7f00')).toBe(STOP_FAULT); // vmovdqa [rax], ymm0
    expect(exec('c5fc5800')).toBe(0); // vaddps ymm0, ymm0, [rax]: no alignment check
  });

  it('a page-crossing 256-bit store that faults writes nothing', () => {
    reset();
    const end = DATA + 0x10000;
    mem.writeBytes(end - 16, new Uint8Array(16));
    cpu.xmm.fill(-1);
    cpu.setS64(0, end - 16);
    expect(exec('c5fe7f00')).toBe(STOP_FAULT); // vmovdqu [rax], ymm0
    expect(Array.from(mem.readBytes(end - 16, 16))).toEqual(new Array(16).fill(0));
  });

  it('a masked store never touches masked-off elements, even on unmapped pages', () => {
    reset();
    const end = DATA + 0x10000;
    cpu.setS64(0, end - 16);
    cpu.xmm.fill(7);
    cpu.xmm.set([-1, -1, -1, -1, 0, 0, 0, 0], 8); // ymm1: mask = low four dwords
    mem.writeBytes(end - 16, new Uint8Array(16));
    expect(exec('c4e2752e00')).toBe(0); // vmaskmovps [rax], ymm1, ymm0
    expect(Array.from(mem.readBytes(end - 16, 4))).toEqual([7, 0, 0, 0]);
  });

  it.each([
    ['xmm4 (SIB index 100b)', 'c4e2619014a0', 4],
    ['xmm12 (VEX.X)', 'c4a2619014a0', 12],
  ])('a gather indexes with %s', (_what, hex, idx) => {
    reset();
    const tbl = SLOT + 256;
    for (let k = 0; k < 16; k++) mem.write32(tbl + 4 * k, 100 + k);
    cpu.setS64(0, tbl);
    cpu.xmm.set([3, 0, 15, 7, 0, 0, 0, 0], 8 * idx);
    cpu.xmm.set([-1, -1, -1, -1, 0, 0, 0, 0], 24);
    expect(exec(hex)).toBe(0);
    expect(Array.from(cpu.xmm.subarray(16, 24))).toEqual([103, 100, 115, 107, 0, 0, 0, 0]);
    expect(Array.from(cpu.xmm.subarray(24, 32))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a faulting gather keeps the elements gathered so far and clears their mask bits', () => {
    reset();
    const end = DATA + 0x10000;
    mem.writeBytes(end - 8, new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]));
    cpu.setS64(0, end - 8); // rax = base
    cpu.xmm.set([0, 1, 2, 3, 0, 0, 0, 0], 8); // xmm1 = indices
    cpu.xmm.set([-1, -1, -1, -1, 0, 0, 0, 0], 24); // xmm3 = mask
    cpu.xmm.set([9, 9, 9, 9, 0, 0, 0, 0], 16); // xmm2 = destination
    expect(exec('c4e261901488')).toBe(STOP_FAULT); // vpgatherdd xmm2, [rax+xmm1*4], xmm3
    expect(Array.from(cpu.xmm.subarray(16, 20))).toEqual([1, 2, 9, 9]);
    expect(Array.from(cpu.xmm.subarray(24, 28))).toEqual([0, 0, -1, -1]);
  });
});

describe('fused multiply-add', () => {
  /** Deterministic xorshift for the random cross-checks. */
  let seed = 0x2545f491;
  function r32(): number {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    return seed | 0;
  }
  const F = new Float64Array(1);
  const FI = new Int32Array(F.buffer);
  function rd(lo: number, hi: number): number { FI[0] = lo; FI[1] = hi; return F[0]; }

  it('rounds once: known double-rounding cases', () => {
    cpu.mxcsr = 0x1fa0;
    // (1 + 2^-52)(1 - 2^-52) - 1 = -2^-104 exactly: a separate multiply would give 0.
    expect(fmaF64ForTest(cpu, 1 + 2 ** -52, 1 - 2 ** -52, -1)).toBe(-(2 ** -104));
    expect(fmaF64SlowForTest(cpu, 1 + 2 ** -52, 1 - 2 ** -52, -1)).toBe(-(2 ** -104));
    // 0.1 * 10 - 1 = 2^-54 exactly (the product rounds to 1).
    expect(fmaF64ForTest(cpu, 0.1, 10, -1)).toBe(2 ** -54);
  });

  it('float64 fast path equals the exact integer path on random operands', () => {
    cpu.mxcsr = 0x1fa0;
    for (let n = 0; n < 20000; n++) {
      const a = rd(r32(), (r32() & 0x800fffff) | ((1023 + (r32() % 60)) << 20));
      const b = rd(r32(), (r32() & 0x800fffff) | ((1023 + (r32() % 60)) << 20));
      let c = rd(r32(), (r32() & 0x800fffff) | ((1023 + (r32() % 120)) << 20));
      if (n % 3 === 0) c = -(a * b) * (1 + (r32() % 5) * 2 ** -52);
      const fast = fmaF64ForTest(cpu, a, b, c);
      const slow = fmaF64SlowForTest(cpu, a, b, c);
      if (!Object.is(fast, slow)) throw new Error(`fma(${a}, ${b}, ${c}): fast ${fast} slow ${slow}`);
    }
  });

  it('float32 fast path equals the exact integer path on random operands', () => {
    cpu.mxcsr = 0x1fa0;
    for (let n = 0; n < 20000; n++) {
      const a = (r32() & 0x807fffff) | ((127 + (r32() % 40)) << 23);
      const b = (r32() & 0x807fffff) | ((127 + (r32() % 40)) << 23);
      const c = (r32() & 0x807fffff) | ((127 + (r32() % 80)) << 23);
      const fast = fmaF32ForTest(cpu, a, b, c, false);
      const slow = fmaF32ForTest(cpu, a, b, c, true);
      if (fast !== slow) throw new Error(`fma32(${a}, ${b}, ${c}): fast ${fast} slow ${slow}`);
    }
  });
});

describe('XSAVE family', () => {
  const AREA = DATA + 0x4000; // 64-byte aligned

  it('XGETBV returns XCR0 = x87 | SSE | AVX', () => {
    reset();
    cpu.r[2] = 0; // ecx = 0
    expect(exec('0f01d0')).toBe(0);
    expect(cpu.getU64(0)).toBe(7);
    expect(cpu.getU64(2)).toBe(0);
    cpu.r[2] = 1;
    expect(exec('0f01d0')).toBe(STOP_HALT); // #GP: XCR1 is not available
  });

  it('XSAVE writes the YMM upper halves at offset 576 and XRSTOR brings them back', () => {
    reset();
    for (let k = 0; k < 128; k++) cpu.xmm[k] = (k * 0x01010101 + 0x10203) | 0;
    cpu.mxcsr = 0x3fa0;
    cpu.r[0] = 7; // rax: RFBM
    cpu.setS64(3, AREA); // rbx
    mem.writeBytes(AREA, new Uint8Array(1024));
    expect(exec('0fae23')).toBe(0); // xsave [rbx]
    expect(mem.read32(AREA + 24)).toBe(0x3fa0);
    expect(mem.read32(AREA + 160)).toBe(cpu.xmm[0]);
    expect(mem.read32(AREA + 576)).toBe(cpu.xmm[4]); // ymm0[159:128]
    expect(mem.read32(AREA + 576 + 16 * 15 + 12)).toBe(cpu.xmm[127]);
    expect(mem.read32(AREA + 512) & 7).toBe(6); // XSTATE_BV: SSE and AVX in use, x87 in its initial state
    const saved = cpu.xmm.slice();
    cpu.xmm.fill(0);
    cpu.mxcsr = 0x1f80;
    expect(exec('0fae2b')).toBe(0); // xrstor [rbx]
    expect(Array.from(cpu.xmm)).toEqual(Array.from(saved));
    expect(cpu.mxcsr).toBe(0x3fa0);
  });

  it('XRSTOR initialises components whose XSTATE_BV bit is clear', () => {
    reset();
    cpu.xmm.fill(5);
    cpu.r[0] = 7;
    cpu.setS64(3, AREA);
    mem.writeBytes(AREA, new Uint8Array(1024));
    mem.write32(AREA + 24, 0x1f80);
    mem.write32(AREA + 512, 2); // only SSE present (all zero in memory)
    expect(exec('0fae2b')).toBe(0);
    expect(Array.from(cpu.xmm.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('XSAVE on a misaligned area raises #GP', () => {
    reset();
    cpu.r[0] = 7;
    cpu.setS64(3, AREA + 16);
    expect(exec('0fae23')).toBe(STOP_HALT);
  });

  it('XRSTOR with XSTATE_BV bits outside XCR0 raises #GP', () => {
    reset();
    cpu.r[0] = 7;
    cpu.setS64(3, AREA);
    mem.writeBytes(AREA, new Uint8Array(1024));
    mem.write32(AREA + 24, 0x1f80);
    mem.write32(AREA + 512, 0x20);
    expect(exec('0fae2b')).toBe(STOP_HALT);
  });

  it('signal-frame helpers round-trip the YMM state with the Linux magic numbers', () => {
    reset();
    for (let k = 0; k < 128; k++) cpu.xmm[k] = (k * 7919) | 0;
    cpu.mxcsr = 0x1fa4;
    const saved = cpu.xmm.slice();
    saveExtendedState(cpu, AREA);
    expect(mem.read32(AREA + 464)).toBe(FP_XSTATE_MAGIC1);
    expect(mem.read32(AREA + XSAVE_SIZE)).toBe(FP_XSTATE_MAGIC2);
    cpu.xmm.fill(0);
    cpu.mxcsr = 0x1f80;
    expect(restoreExtendedState(cpu, AREA)).toBe(true);
    expect(Array.from(cpu.xmm)).toEqual(Array.from(saved));
    expect(cpu.mxcsr).toBe(0x1fa4);
    // Without the magic numbers only the legacy region is used and the upper halves are cleared.
    mem.write32(AREA + 464, 0);
    expect(restoreExtendedState(cpu, AREA)).toBe(true);
    expect(cpu.xmm[4]).toBe(0);
    expect(cpu.xmm[0]).toBe(saved[0]);
  });
});

/**
 * Register aliasing: the recorded register forms use distinct registers (reg 2, vvvv 3, rm 1).
 * Re-encoding them with rm = reg, vvvv = reg or vvvv = rm must give the same result as the
 * original encoding run with the aliased source registers holding equal values.
 */
describe('VEX register aliasing', () => {
  /** Offsets of the ModRM byte and of the byte holding VEX.vvvv, or null if not a plain VEX register form. */
  function layout(b: Uint8Array): { modrm: number; vex: number } | null {
    if (b[0] === 0xc5) return (b[3] & 0xc0) === 0xc0 ? { modrm: 3, vex: 1 } : null;
    if (b[0] === 0xc4) return (b[4] & 0xc0) === 0xc0 ? { modrm: 4, vex: 2 } : null;
    return null;
  }
  /** Register forms with destination ModRM.reg = 2, sources vvvv = 3 and rm = 1. */
  const cases = VEC.entries.filter((e) => {
    const b = bytesOf(e.bytes);
    const lay = layout(b);
    return e.in.includes('1') && e.in.includes('3') && e.out === '2x'.slice(0, e.out.length) && lay !== null
      && ((b[lay.modrm] >> 3) & 7) === 2 && (b[lay.modrm] & 7) === 1 && ((~b[lay.vex] >> 3) & 15) === 3;
  });
  it.each(cases.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const orig = bytesOf(e.bytes);
    const lay = layout(orig)!;
    const variants: [string, number, number, number, number][] = [
      // name, reg, vvvv, rm, and which source register the original run copies from reg (1 or 3)
      ['rm=reg', 2, 3, 2, 1],
      ['vvvv=reg', 2, 2, 1, 3],
    ];
    for (const [what, reg, vvvv, rm, copy] of variants) {
      const b = orig.slice();
      b[lay.modrm] = 0xc0 | (reg << 3) | rm;
      b[lay.vex] = (b[lay.vex] & 0x87) | ((~vvvv & 15) << 3);
      const alias = decodeHex(hexOf(b));
      const base = decodeHex(e.bytes);
      for (const v of e.v.slice(0, 3)) {
        const inHex = v.split('|')[0];
        const run = (i: Insn, copyFrom: number): string => {
          reset();
          for (const [f, h] of fields(e.in, inHex)) {
            if (f >= '0' && f <= '3') cpu.xmmU8.set(bytesOf(h), Number(f) * 32);
            else if (f === 'x') cpu.mxcsr = parseInt(h, 16);
          }
          if (copyFrom >= 0) cpu.xmmU8.copyWithin(copyFrom * 32, 64, 96);
          try { i.fn(cpu, i); } catch (err) { if (err !== CPU_TRAP) throw err; return 'trap'; }
          return hexOf(cpu.xmmU8.subarray(64, 96)) + (cpu.mxcsr & 0xffff).toString(16);
        };
        expect(`${what}: ${run(alias, -1)}`).toBe(`${what}: ${run(base, copy)}`);
      }
    }
  });
});

/**
 * Legacy SSE encodings leave bits 255:128 of every YMM register alone (SDM Vol. 1 §14.1.2): each
 * instruction recorded in the SSE vectors (test/vectors/sse.json) runs with every upper half set
 * to a pattern, which must survive.
 */
describe('legacy SSE forms keep the YMM upper halves', () => {
  const SSE = JSON.parse(readFileSync(fileURLToPath(new URL('../vectors/sse.json', import.meta.url)), 'utf8')) as { entries: { id: string; bytes: string }[] };
  it.each(SSE.entries.map((e) => [e.id, e.bytes] as const))('%s', (_id, hex) => {
    reset();
    for (let n = 0; n < 16; n++) cpu.setS64(n, SLOT + 0x100);
    for (let k = 0; k < 128; k++) cpu.xmm[k] = (k & 4) !== 0 ? 0x5a5a0000 | k : k * 0x1010101;
    exec(hex);
    for (let n = 0; n < 16; n++) {
      for (let k = 4; k < 8; k++) expect(cpu.xmm[8 * n + k]).toBe(0x5a5a0000 | (8 * n + k));
    }
  });
});
