// General-purpose integer instructions against vectors recorded on the host CPU
// (tools/gen/int_vectors.c; Intel SDM Vol. 2A-2D per instruction, flags per "Flags Affected").
// Each form's machine code is decoded by our decoder and its handler run on the recorded inputs;
// output registers, memory slots and RFLAGS are compared, masking only what the SDM calls
// undefined (the mask is recorded per vector). Registers a form does not write must be unchanged.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cpu, STOP_DIVIDE, STOP_NONE, STOP_SYSCALL } from '../../src/cpu/state.js';
import { AddressSpace, PhysMem, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import { decode } from '../../src/cpu/decode/decoder.js';
import type { Insn } from '../../src/cpu/decode/insn.js';
import { getFlags, setFlags } from '../../src/cpu/flags.js';
import { run } from '../../src/cpu/interp.js';
import { CPU_TRAP } from '../../src/cpu/ops/traps.js';

/** [group, asm text, code hex, input slots, output slots, vectors]. */
type Form = [string, string, string, number[], number[], (number | string)[][]];

interface IntVectors {
  cpu: string;
  features: Record<string, boolean>;
  slots: string[];
  sentinel: string[];
  forms: Form[];
}

const VEC = JSON.parse(
  readFileSync(fileURLToPath(new URL('../vectors/int.json', import.meta.url)), 'utf8'),
) as IntVectors;

/**
 * Bugs these vectors expose, by id; KNOWN_RULES says exactly which vectors each one covers. The
 * covered vectors are left out of the per-group tests and replayed as expected failures
 * (`it.fails`): once a bug is fixed its expected failure fails the run until the id is removed.
 */
const KNOWN_MISMATCH = new Set<string>([]);

interface KnownRule {
  why: string;
  covers(p: Placed, v: (number | string)[]): boolean;
}

const KNOWN_RULES: Record<string, KnownRule> = {
  'shrd-count1-of': {
    why: 'SHRD by 1: OF must be MSB(result) XOR MSB(original dest) (SDM "SHRD"); ops/shift.ts opShld records F_SHR, whose OF is MSB(original dest) only',
    covers: (p, v) => p.form[0].startsWith('shrd') && shiftCount(p, v) === 1,
  },
  'rex-not-last': {
    why: 'a REX prefix followed by another prefix is ignored (SDM Vol. 2 §2.2.1); decode/decoder.ts takes the byte after REX as the opcode and yields (bad)',
    covers: (p) => rexNotLast(p.form[2]),
  },
};

/** The masked shift count of a shift/SHLD/SHRD vector (CL from the rcx input, else $imm, else 1). */
function shiftCount(p: Placed, v: (number | string)[]): number {
  const [group, text, , ins] = p.form;
  const w = Number(group.split(' ')[1]);
  let n: number;
  if (text.includes('%cl,')) n = parseInt((v[1 + ins.indexOf(1)] as string).slice(-2), 16);
  else {
    const m = /\$(\d+)/.exec(text);
    n = m ? Number(m[1]) : 1;
  }
  return n & (w === 64 ? 63 : 31);
}

const LEGACY_PREFIXES = new Set([0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65]);

/** Whether the code (hex) has a REX prefix followed by another prefix. */
function rexNotLast(hexCode: string): boolean {
  const b = Buffer.from(hexCode, 'hex');
  for (let k = 0; k + 1 < b.length; k++) {
    const isRex = (b[k] & 0xf0) === 0x40;
    if (!isRex && !LEGACY_PREFIXES.has(b[k])) return false;
    if (isRex && ((b[k + 1] & 0xf0) === 0x40 || LEGACY_PREFIXES.has(b[k + 1]))) return true;
  }
  return false;
}

const CODE = 0x400000;
const SLOT_BYTES = 32; // each form gets its own code slot (the run() path caches blocks by address)
const DATA = 0x10000000; // rdi: the io block; memory slots at DATA+128, +136, +144
const MEM_SLOT0 = DATA + 128;
/** Architectural register of slots 0..7 (rax rcx rdx rbx rsi r8 r9 r10). */
const SLOT_REG = [0, 1, 2, 3, 6, 8, 9, 10];
const RDI = 7;
/** Registers no slot covers (rsp rbp rdi r11-r15) keep these values; rdi points at DATA. */
const OTHER_REGS = [4, 5, 7, 11, 12, 13, 14, 15];
const FLAG_BITS = 0xfff;

const phys = new PhysMem(64 * 1024 * 1024);
const mem = new AddressSpace(phys);
const codeLen = Math.ceil((VEC.forms.length * SLOT_BYTES + 16) / 4096) * 4096;
mem.map(CODE, codeLen, PROT_READ | PROT_EXEC);
mem.map(DATA, 4096, PROT_READ | PROT_WRITE);
const cpu = new Cpu(mem);

function parseHex(h: string): [number, number] {
  const s = h.padStart(16, '0');
  return [parseInt(s.slice(8), 16) | 0, parseInt(s.slice(0, 8), 16) | 0];
}

function hex(lo: number, hi: number): string {
  return hi === 0 ? (lo >>> 0).toString(16) : (hi >>> 0).toString(16) + (lo >>> 0).toString(16).padStart(8, '0');
}

function otherRegValue(n: number): [number, number] {
  return n === RDI ? [DATA, 0] : [0x7e7e0000 | n, 0x1234 + n];
}

/** Reads slot s of the CPU state as hex. */
function readSlot(c: Cpu, s: number): string {
  if (s < 8) {
    const n = SLOT_REG[s];
    return hex(c.r[2 * n], c.r[2 * n + 1]);
  }
  const lo = mem.read64(MEM_SLOT0 + 8 * (s - 8));
  return hex(lo, mem.hi);
}

function writeSlot(c: Cpu, s: number, h: string): void {
  const [lo, hi] = parseHex(h);
  if (s < 8) {
    const n = SLOT_REG[s];
    c.r[2 * n] = lo;
    c.r[2 * n + 1] = hi;
  } else mem.write64(MEM_SLOT0 + 8 * (s - 8), lo, hi);
}

interface Placed {
  form: Form;
  addr: number;
  len: number;
  insns: Insn[];
  /** Problem found while decoding (length disagreement), or ''. */
  decodeError: string;
}

/** Places every form's bytes (plus SYSCALL) in its code slot and decodes it once. */
const PLACED: Placed[] = VEC.forms.map((form, k) => {
  const addr = CODE + k * SLOT_BYTES;
  const bytes = Buffer.from(form[2] + '0f05', 'hex');
  if (bytes.length > SLOT_BYTES) throw new Error(`form too long: ${form[1]}`);
  mem.pokeBytes(addr, new Uint8Array(bytes));
  const len = bytes.length - 2;
  const insns: Insn[] = [];
  let decodeError = '';
  let pc = addr;
  try {
    while (pc < addr + len) {
      const i = decode(mem, pc);
      insns.push(i);
      if (i.name === '(bad)') { decodeError = `decoded as (bad) at +${pc - addr}`; break; }
      pc = i.next;
    }
    if (!decodeError && pc !== addr + len) decodeError = `decoded length ${pc - addr}, expected ${len}`;
  } catch (e) {
    decodeError = `decode threw ${String(e)}`;
  }
  return { form, addr, len, insns, decodeError };
});

/** Loads the inputs of vector v into the CPU (sentinels elsewhere). */
function load(p: Placed, v: (number | string)[]): void {
  const c = cpu;
  for (const n of OTHER_REGS) {
    const [lo, hi] = otherRegValue(n);
    c.r[2 * n] = lo;
    c.r[2 * n + 1] = hi;
  }
  for (let s = 0; s < VEC.slots.length; s++) writeSlot(c, s, VEC.sentinel[s]);
  const ins = p.form[3];
  for (let k = 0; k < ins.length; k++) writeSlot(c, ins[k], v[1 + k] as string);
  setFlags(c, v[0] as number);
  c.rip = p.addr;
  c.stop = STOP_NONE;
}

/** Executes the form's decoded instructions through their handlers; returns the stop code. */
function execDirect(p: Placed): number {
  try {
    for (const i of p.insns) i.fn(cpu, i);
  } catch (e) {
    if (e !== CPU_TRAP) throw e;
  }
  return cpu.stop;
}

function fmtInputs(p: Placed, v: (number | string)[]): string {
  const ins = p.form[3];
  const parts = [`fl=${(v[0] as number).toString(16)}`];
  for (let k = 0; k < ins.length; k++) parts.push(`${VEC.slots[ins[k]]}=${v[1 + k] as string}`);
  return parts.join(' ');
}

/**
 * Compares the CPU state after vector v with the recorded outputs; returns '' or a description.
 * `viaRun`: state after run() up to the SYSCALL, which clobbers rcx and r11 (not compared).
 */
function check(p: Placed, v: (number | string)[], stop: number, viaRun: boolean): string {
  const c = cpu;
  const [, , , ins, outs] = p.form;
  const diffs: string[] = [];
  const expectedIn = new Map<number, string>();
  for (let s = 0; s < VEC.slots.length; s++) expectedIn.set(s, VEC.sentinel[s]);
  for (let k = 0; k < ins.length; k++) expectedIn.set(ins[k], v[1 + k] as string);
  const skip = (s: number): boolean => viaRun && s === 1;
  if (v[1 + ins.length] === 'DE') {
    // #DE is a fault: nothing is written and RIP points at the divide.
    if (stop !== STOP_DIVIDE) diffs.push(`expected #DE, stop=${stop}`);
    const divAddr = p.insns[p.insns.length - 1]?.addr;
    if (c.rip !== divAddr) diffs.push(`rip ${c.rip.toString(16)} != ${divAddr?.toString(16)}`);
    for (const [s, want] of expectedIn) {
      const got = readSlot(c, s);
      if (!skip(s) && got !== want) diffs.push(`${VEC.slots[s]} ${got} != ${want} (unchanged)`);
    }
  } else {
    const wantStop = viaRun ? STOP_SYSCALL : STOP_NONE;
    if (stop !== wantStop) diffs.push(`stop=${stop}, expected ${wantStop}`);
    const base = 1 + ins.length;
    const fout = v[base] as number;
    const mask = v[base + 1 + outs.length] as number;
    const fmask = FLAG_BITS & ~mask;
    const gotF = getFlags(c) & fmask;
    if (gotF !== (fout & fmask)) diffs.push(`flags ${gotF.toString(16)} != ${(fout & fmask).toString(16)} (mask ${(mask & 0xfff).toString(16)})`);
    const outSet = new Set(outs);
    for (let k = 0; k < outs.length; k++) {
      if (mask & (1 << (16 + k))) continue; // undefined per the SDM
      const s = outs[k];
      const got = readSlot(c, s);
      if (!skip(s) && got !== v[base + 1 + k]) diffs.push(`${VEC.slots[s]} ${got} != ${v[base + 1 + k] as string}`);
    }
    for (const [s, want] of expectedIn) {
      if (outSet.has(s) || skip(s)) continue;
      const got = readSlot(c, s);
      if (got !== want) diffs.push(`${VEC.slots[s]} ${got} != ${want} (unchanged)`);
    }
    if (viaRun && c.rip !== p.addr + p.len + 2) diffs.push(`rip ${c.rip.toString(16)} after SYSCALL`);
  }
  for (const n of OTHER_REGS) {
    if (viaRun && n === 11) continue;
    const [lo, hi] = otherRegValue(n);
    if (c.r[2 * n] !== lo || c.r[2 * n + 1] !== hi) diffs.push(`r${n} clobbered: ${hex(c.r[2 * n], c.r[2 * n + 1])}`);
  }
  if (diffs.length === 0) return '';
  return `${p.form[1]} #${p.form[5].indexOf(v)} [${fmtInputs(p, v)}]: ${diffs.join('; ')}`;
}

/** The KNOWN_MISMATCH id covering this vector, or ''. */
function knownId(p: Placed, v: (number | string)[]): string {
  for (const id of KNOWN_MISMATCH) if (KNOWN_RULES[id]?.covers(p, v)) return id;
  return '';
}

/**
 * Replays the vectors of a set of forms (direct handler calls) that are covered by the known
 * mismatch `known` (or by none when ''); returns failure descriptions.
 */
function replay(forms: Placed[], known: string): { failures: string[]; count: number } {
  const failures: string[] = [];
  let count = 0;
  for (const p of forms) {
    const vecs = p.form[5];
    for (let k = 0; k < vecs.length; k++) {
      if (knownId(p, vecs[k]) !== known) continue;
      count++;
      if (p.decodeError) {
        failures.push(`${p.form[1]}: ${p.decodeError}`);
        break;
      }
      load(p, vecs[k]);
      const msg = check(p, vecs[k], execDirect(p), false);
      if (msg) failures.push(msg);
    }
  }
  return { failures, count };
}

function report(failures: string[], count: number): string {
  return `${failures.length} of ${count} vectors differ:\n  ${failures.slice(0, 12).join('\n  ')}`;
}

// Groups ("add 64", "shl 8", "sete" ...) by mnemonic.
const GROUPS = new Map<string, Map<string, Placed[]>>();
for (const p of PLACED) {
  const g = p.form[0];
  const mn = g.split(' ')[0];
  let m = GROUPS.get(mn);
  if (m === undefined) GROUPS.set(mn, (m = new Map()));
  let list = m.get(g);
  if (list === undefined) m.set(g, (list = []));
  list.push(p);
}

describe('int vectors', () => {
  it('recorded on an x86-64 host, with enough vectors', () => {
    const total = VEC.forms.reduce((n, f) => n + f[5].length, 0);
    expect(total).toBeGreaterThanOrEqual(30000);
    expect(VEC.slots).toHaveLength(VEC.sentinel.length);
  });

  it('every form decodes to exactly its recorded bytes', () => {
    const bad = PLACED.filter((p) => p.decodeError !== '' && knownId(p, p.form[5][0]) === '').map((p) => `${p.form[1]} (${p.form[2]}): ${p.decodeError}`);
    expect(bad.length, bad.join('\n')).toBe(0);
  });

  it('run() executes each form up to SYSCALL, and stops with #DE on divide faults', () => {
    const failures: string[] = [];
    let count = 0;
    for (const p of PLACED) {
      const vecs = p.form[5];
      // The first two vectors of each form and every #DE vector.
      for (let k = 0; k < vecs.length; k++) {
        const v = vecs[k];
        const de = v[v.length - 1] === 'DE';
        if (k >= 2 && !de) continue;
        if (knownId(p, v) !== '' || p.decodeError) continue;
        count++;
        load(p, v);
        const stop = run(cpu, 100);
        const msg = check(p, v, stop, true);
        if (msg) failures.push(msg);
      }
    }
    expect(failures.length, report(failures, count)).toBe(0);
  });
});

describe.each([...GROUPS.keys()])('%s', (mn) => {
  const groups = GROUPS.get(mn)!;
  it.each([...groups.keys()])('%s', (g) => {
    const { failures, count } = replay(groups.get(g)!, '');
    expect(failures.length, report(failures, count)).toBe(0);
  });
});

describe('known mismatches (expected failures)', () => {
  it('every KNOWN_MISMATCH id has a rule that covers at least one vector', () => {
    const unused = [...KNOWN_MISMATCH].filter((id) => !PLACED.some((p) => p.form[5].some((v) => KNOWN_RULES[id]?.covers(p, v))));
    expect(unused).toEqual([]);
  });
  for (const id of KNOWN_MISMATCH) {
    it.fails(`${id}: ${KNOWN_RULES[id]?.why}`, () => {
      const { failures, count } = replay(PLACED, id);
      expect(failures.length, report(failures, count)).toBe(0);
    });
  }
});
