// x87 FPU against vectors recorded on the host CPU (tools/gen/x87_vectors.c, Intel SDM Vol. 1
// ch. 8): each vector replays FNINIT, FLDCW, FLD m80 of the inputs, FNCLEX, the instruction and
// FNSAVE through our handlers and compares FSW, the full tag word, every non-empty register,
// the memory operand and RFLAGS bit for bit. Plus printf-style chains and direct control tests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cpu } from '../../src/cpu/state.js';
import { AddressSpace, PhysMem, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import { Insn } from '../../src/cpu/decode/insn.js';
import { X87_ROWS } from '../../src/cpu/decode/table_x87.js';
import { getFlags, setFlags } from '../../src/cpu/flags.js';
import { f80Add, f80Begin, f80Div, f80FromI64, f80Mul, f80ToInt, fr, RC_ZERO } from '../../src/cpu/fpu/f80.js';

interface Vectors {
  ops: Record<string, [number, string, number]>;
  v: [string, number, string[], string, number, number, string[], string, number, number][];
  chains: (string | number)[][];
}

const VEC = JSON.parse(
  readFileSync(fileURLToPath(new URL('../vectors/x87.json', import.meta.url)), 'utf8'),
) as Vectors;

/**
 * Vectors whose results differ from this CPU in the last bit(s): the host's transcendental
 * microcode is not correctly rounded, ours is (to ~100 bits). Keyed "op#n" (n-th vector of op).
 * They run as expected failures: a fixed one fails the run until it is removed from this list.
 */
const KNOWN_INEXACT = new Set<string>([
  // Checked with mpmath (400 bits; trig reduced by the host's 66-bit pi): the host result or its
  // C1 is not the correctly rounded one, ours is.
  'f2xm1#15', 'fyl2x#26', 'fyl2xp1#6', 'fyl2xp1#32', 'fptan#9', 'fptan#45', 'fptan#56', 'fptan#66',
  'fpatan#3', 'fsin#18',
]);

const BASE = 0x10000;
const MEM_SLOT = BASE + 64;
const MEMSIZE = [0, 2, 4, 8, 4, 8, 10, 10];

const phys = new PhysMem(64 * 1024 * 1024);
const mem = new AddressSpace(phys);
mem.map(BASE, 0x10000, PROT_READ | PROT_WRITE);
const cpu = new Cpu(mem);

const ROW_BY_CODE = new Map<number, (typeof X87_ROWS)[number]>();
for (const r of X87_ROWS) if (r.map === 0) ROW_BY_CODE.set(r.code, r);

/** Builds an Insn for x87 bytes [opcode, modrm]; memory forms address `addr`. */
function insn(op: number, modrm: number, addr = MEM_SLOT, p66 = false): Insn {
  const row = ROW_BY_CODE.get(op);
  if (!row) throw new Error(`no row for ${op.toString(16)}`);
  const i = new Insn(row.fn);
  i.opcode = op;
  i.modrm = modrm;
  i.isMem = modrm < 0xc0;
  i.reg = (modrm >> 3) & 7;
  i.rm = modrm & 7;
  i.base = -1;
  i.index = -1;
  i.disp = addr;
  i.p66 = p66;
  i.addr = 0x400000;
  i.next = 0x400002;
  return i;
}

function run(op: number, modrm: number, addr = MEM_SLOT, p66 = false): void {
  const i = insn(op, modrm, addr, p66);
  i.fn(cpu, i);
}

function writeHex(addr: number, hex: string): void {
  const n = hex.length / 2;
  for (let k = 0; k < n; k++) mem.write8(addr + k, parseInt(hex.slice(2 * (n - 1 - k), 2 * (n - k)), 16));
}

function readHex(addr: number, n: number): string {
  let s = '';
  for (let k = n - 1; k >= 0; k--) s += mem.read8(addr + k).toString(16).padStart(2, '0');
  return s;
}

const MEM_OPS = new Set([0x47, 0x4f, 0x57, 0x5f, 0x67, 0x6f, 0x77, 0x7f]);

/** Replays one vector; returns a description of the difference or '' when bit-exact. */
function replay(v: Vectors['v'][number]): string {
  const [name, cw, ins, memIn, sw, tw, regs, memOut, flIn, flOut] = v;
  const [nin, bytesStr, memKind] = VEC.ops[name];
  const bytes = bytesStr.split(',').map((b) => parseInt(b, 16));
  mem.write16(BASE + 80, cw);
  run(0xdb, 0xe3); // FNINIT
  run(0xd9, 0x6f, BASE + 80); // FLDCW
  for (let k = nin - 1; k >= 0; k--) {
    writeHex(BASE + 16 * k, ins[k]);
    run(0xdb, 0x6f, BASE + 16 * k); // FLD m80
  }
  if (memIn) writeHex(MEM_SLOT, memIn);
  run(0xdb, 0xe2); // FNCLEX
  setFlags(cpu, flIn | 0x202);
  for (let k = 0; k < bytes.length; ) {
    const op = bytes[k];
    const modrm = bytes[k + 1];
    const isMem = MEM_OPS.has(modrm);
    run(op, modrm, MEM_SLOT);
    k += isMem ? 3 : 2;
  }
  const flags = getFlags(cpu) & 0x8d5;
  run(0xdd, 0x77, BASE + 104); // FNSAVE
  const diffs: string[] = [];
  const gotSw = mem.read16(BASE + 104 + 4);
  const gotTw = mem.read16(BASE + 104 + 8);
  if (gotSw !== sw) diffs.push(`sw ${gotSw.toString(16)} != ${sw.toString(16)}`);
  if (gotTw !== tw) diffs.push(`tw ${gotTw.toString(16)} != ${tw.toString(16)}`);
  for (let k = 0; k < regs.length; k++) {
    if (regs[k] === '') continue;
    const got = readHex(BASE + 104 + 28 + 10 * k, 10);
    if (got !== regs[k]) diffs.push(`st${k} ${got} != ${regs[k]}`);
  }
  if (memOut) {
    const got = readHex(MEM_SLOT, MEMSIZE[memKind]);
    if (got !== memOut) diffs.push(`mem ${got} != ${memOut}`);
  }
  if (flags !== flOut) diffs.push(`flags ${flags.toString(16)} != ${flOut.toString(16)}`);
  if (diffs.length === 0) return '';
  return `${name} cw=${cw.toString(16)} in=[${ins.join(',')}] mem=${memIn}: ${diffs.join('; ')}`;
}

// Group vectors by op, numbering them per op for KNOWN_INEXACT keys.
const byOp = new Map<string, { key: string; v: Vectors['v'][number] }[]>();
for (const v of VEC.v) {
  let list = byOp.get(v[0]);
  if (!list) byOp.set(v[0], (list = []));
  list.push({ key: `${v[0]}#${list.length}`, v });
}

describe('x87 host vectors', () => {
  let total = 0;
  let known = 0;
  for (const [op, list] of byOp) {
    const exact = list.filter((e) => !KNOWN_INEXACT.has(e.key));
    total += list.length;
    known += list.length - exact.length;
    it(`${op}: ${exact.length} vectors bit-exact`, () => {
      const bad: string[] = [];
      for (const e of exact) {
        const d = replay(e.v);
        if (d) bad.push(`${e.key} ${d}`);
      }
      expect(bad.slice(0, 20).join('\n')).toBe('');
    });
    for (const e of list) {
      if (!KNOWN_INEXACT.has(e.key)) continue;
      it.fails(`${e.key} differs in the last bit (known inexact transcendental)`, () => {
        expect(replay(e.v)).toBe('');
      });
    }
  }
  it(`vector file holds ${VEC.v.length} vectors (${known} known inexact)`, () => {
    expect(total).toBe(VEC.v.length);
    expect(total).toBeGreaterThan(2000);
  });
});

function parse80(h: string): [number, number, number] {
  return [parseInt(h.slice(0, 4), 16), parseInt(h.slice(4, 12), 16) | 0, parseInt(h.slice(12), 16) | 0];
}

function hex80(se: number, hi: number, lo: number): string {
  return (se & 0xffff).toString(16).padStart(4, '0') + (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

describe('printf-style long double chains (musl fmt_fp)', () => {
  const TEN = parse80('4002a000000000000000');
  const BILLION = parse80('401cee6b280000000000');
  it.each(VEC.chains.map((ch, n) => [n, ch] as const))('chain %i: 8 x (d = (uint32)y; y = 1e9*(y-d)), 25 x *10, 25 x /10', (_n, ch) => {
    let k = 0;
    let y = parse80(ch[k++] as string);
    for (let s = 0; s < 8; s++) {
      f80Begin(0x37f);
      f80ToInt(y[0], y[1], y[2], 64, RC_ZERO);
      expect(fr.lo >>> 0).toBe(ch[k++]);
      f80FromI64(fr.lo, fr.hi);
      const d = [fr.se, fr.hi, fr.lo];
      f80Add(y[0], y[1], y[2], d[0], d[1], d[2], 1);
      const t = [fr.se, fr.hi, fr.lo];
      f80Mul(BILLION[0], BILLION[1], BILLION[2], t[0], t[1], t[2]);
      y = [fr.se, fr.hi, fr.lo];
      expect(hex80(...y)).toBe(ch[k++]);
    }
    const x = ch.length - k; // 50 values of z
    expect(x).toBe(50);
    // z starts from the double the chain began with: recover it from the first product / 10.
    let z: [number, number, number] | null = null;
    for (let s = 0; s < 25; s++) {
      const want = ch[k++] as string;
      if (z === null) { z = parse80(want); continue; }
      f80Begin(0x37f);
      f80Mul(z[0], z[1], z[2], TEN[0], TEN[1], TEN[2]);
      z = [fr.se, fr.hi, fr.lo];
      expect(hex80(...z)).toBe(want);
    }
    for (let s = 0; s < 25; s++) {
      f80Begin(0x37f);
      f80Div(z![0], z![1], z![2], TEN[0], TEN[1], TEN[2]);
      z = [fr.se, fr.hi, fr.lo];
      expect(hex80(...z)).toBe(ch[k++]);
    }
  });
});

describe('x87 control and state', () => {
  it('FNINIT then FNSTCW/FNSTSW give 0x037F and 0', () => {
    run(0xdb, 0xe3);
    run(0xd9, 0x7f, BASE + 200); // FNSTCW
    expect(mem.read16(BASE + 200)).toBe(0x37f);
    run(0xdd, 0x7f, BASE + 202); // FNSTSW m16
    expect(mem.read16(BASE + 202)).toBe(0);
  });

  it.each([[0x0000, 0x0040], [0x1f7f, 0x1f7f], [0xffff, 0x1f7f], [0x0c3f, 0x0c7f]])('FLDCW %s reads back as %s (reserved bits, as the host)', (v, want) => {
    mem.write16(BASE + 200, v);
    run(0xd9, 0x6f, BASE + 200);
    run(0xd9, 0x7f, BASE + 202);
    expect(mem.read16(BASE + 202)).toBe(want);
    run(0xdb, 0xe3);
  });

  it('FLDCW changes rounding: FISTP of 2.5 gives 2 (nearest), 2 (down), 3 (up), 2 (zero)', () => {
    const out: number[] = [];
    for (const rc of [0, 1, 2, 3]) {
      run(0xdb, 0xe3);
      mem.write16(BASE + 200, 0x37f | (rc << 10));
      run(0xd9, 0x6f, BASE + 200);
      writeHex(BASE + 210, '4000a000000000000000'); // 2.5
      run(0xdb, 0x6f, BASE + 210);
      run(0xdb, 0x5f, BASE + 220); // FISTP m32
      out.push(mem.read32(BASE + 220));
    }
    expect(out).toEqual([2, 2, 3, 2]);
  });

  it('FNSTSW AX reports TOP and condition codes; FCOMPP pops twice', () => {
    run(0xdb, 0xe3);
    run(0xd9, 0xe8); // FLD1
    run(0xd9, 0xee); // FLDZ
    run(0xdf, 0xe0);
    expect(cpu.r[0] & 0xffff).toBe(6 << 11);
    run(0xde, 0xd9); // FCOMPP: 0 < 1 -> C0
    run(0xdf, 0xe0);
    expect(cpu.r[0] & 0xffff).toBe(0x0100);
  });

  it('stack overflow sets IE, SF, C1 and loads the indefinite', () => {
    run(0xdb, 0xe3);
    for (let k = 0; k < 9; k++) run(0xd9, 0xe8);
    expect(cpu.fpu.getSw() & 0x2ff).toBe(0x241);
    run(0xdb, 0x7f, BASE + 300);
    expect(readHex(BASE + 300, 10)).toBe('ffffc000000000000000');
  });

  it('FNSTENV/FLDENV and FNSAVE/FRSTOR round-trip', () => {
    run(0xdb, 0xe3);
    run(0xd9, 0xeb); // FLDPI
    run(0xd9, 0xe8); // FLD1
    run(0xd9, 0x77, BASE + 400); // FNSTENV
    expect(mem.read16(BASE + 400)).toBe(0x37f);
    expect(mem.read16(BASE + 408)).toBe(0x0fff); // R7=valid R6=valid others empty
    expect(cpu.fpu.cw).toBe(0x37f); // already masked
    run(0xdd, 0x77, BASE + 500); // FNSAVE (then FNINIT)
    expect(cpu.fpu.empty).toBe(0xff);
    run(0xdd, 0x67, BASE + 500); // FRSTOR
    expect(cpu.fpu.top).toBe(6);
    run(0xdb, 0x7f, BASE + 300);
    expect(readHex(BASE + 300, 10)).toBe('3fff8000000000000000');
    run(0xdb, 0x7f, BASE + 300);
    expect(readHex(BASE + 300, 10)).toBe('4000c90fdaa22168c235');
    run(0xd9, 0x67, BASE + 400); // FLDENV restores the two-deep tags
    expect(cpu.fpu.empty).toBe(0x3f);
  });

  it('FXSAVE/FXRSTOR: layout, MXCSR at 24, XMM at 160', () => {
    run(0xdb, 0xe3);
    run(0xd9, 0xe8);
    cpu.mxcsr = 0x1fa0;
    cpu.xmm[8 * 3] = 0x11223344;
    cpu.xmm[8 * 3 + 3] = 0x55667788;
    const rows = X87_ROWS.filter((r) => r.map === 1);
    const save = new Insn(rows.find((r) => r.ext === 0)!.fn);
    save.isMem = true; save.base = -1; save.index = -1; save.disp = BASE + 0x1000;
    save.fn(cpu, save);
    expect(mem.read16(BASE + 0x1000)).toBe(0x37f);
    expect(mem.read16(BASE + 0x1002)).toBe(7 << 11);
    expect(mem.read8(BASE + 0x1004)).toBe(0x80);
    expect(mem.read32(BASE + 0x1000 + 24)).toBe(0x1fa0);
    expect(readHex(BASE + 0x1000 + 32, 10)).toBe('3fff8000000000000000');
    expect(mem.read32(BASE + 0x1000 + 160 + 48)).toBe(0x11223344);
    expect(mem.read32(BASE + 0x1000 + 160 + 60)).toBe(0x55667788);
    run(0xdb, 0xe3);
    cpu.mxcsr = 0x1f80;
    cpu.xmm.fill(0);
    const rst = new Insn(rows.find((r) => r.ext === 1)!.fn);
    rst.isMem = true; rst.base = -1; rst.index = -1; rst.disp = BASE + 0x1000;
    rst.fn(cpu, rst);
    expect(cpu.mxcsr).toBe(0x1fa0);
    expect(cpu.xmm[8 * 3 + 3]).toBe(0x55667788);
    expect(cpu.fpu.top).toBe(7);
    expect(cpu.fpu.empty).toBe(0x7f);
  });

  it('an unmasked exception is pending until the next waiting instruction (FWAIT raises it)', () => {
    run(0xdb, 0xe3);
    mem.write16(BASE + 200, 0x37b); // ZE unmasked
    run(0xd9, 0x6f, BASE + 200);
    run(0xd9, 0xee); // FLDZ
    run(0xd9, 0xe8); // FLD1
    run(0xd8, 0xf1); // FDIV ST0, ST1: 1/0
    expect(cpu.fpu.getSw() & 0x8084).toBe(0x8084);
    expect(() => run(0x9b, 0)).toThrow();
    run(0xdb, 0xe2); // FNCLEX clears it
    expect(() => { const i = new Insn(ROW_BY_CODE.get(0x9b)!.fn); i.fn(cpu, i); }).not.toThrow();
  });

  it('FCMOVB moves only when CF is set', () => {
    run(0xdb, 0xe3);
    run(0xd9, 0xe8); // 1
    run(0xd9, 0xee); // 0
    setFlags(cpu, 0x202);
    run(0xda, 0xc1);
    run(0xdd, 0x77, BASE + 500);
    expect(readHex(BASE + 500 + 28, 10)).toBe('00000000000000000000');
    run(0xdd, 0x67, BASE + 500);
    setFlags(cpu, 0x203);
    run(0xda, 0xc1);
    run(0xdb, 0x7f, BASE + 300);
    expect(readHex(BASE + 300, 10)).toBe('3fff8000000000000000');
  });
});
