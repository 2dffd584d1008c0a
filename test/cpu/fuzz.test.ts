// Robustness fuzz of the decoder, the instruction handlers, the interpreter's block cache and the
// block compiler (issue 3, acceptance line 3: >= 1,000,000 random instructions per run, never a
// JavaScript exception). Intel SDM Vol. 2 §2.1-2.3 (prefixes, REX, VEX, opcode maps) drives the
// generator; the only acceptable outcomes are those a Linux process can see: the instruction
// completes, stops for a syscall, or raises SIGILL, SIGSEGV, SIGFPE or SIGTRAP (Vol. 3 §6.15).
//
// Seeded and deterministic. EXO_FUZZ_SEED=<n> changes the base seed (e.g. per CI run); every
// failure is reported with its seed, chunk, index, bytes and register state so it replays.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/cpu/decode/decoder.js';
import type { Insn } from '../../src/cpu/decode/insn.js';
import type { Row } from '../../src/cpu/decode/row.js';
import { ALL_ROWS } from '../../src/cpu/decode/table.js';
import { getFlags, F_NONE } from '../../src/cpu/flags.js';
import { codeCacheFor, run } from '../../src/cpu/interp.js';
import { AddressSpace, GuestFault, PhysMem, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import { CPU_TRAP } from '../../src/cpu/ops/traps.js';
import {
  Cpu, STOP_BUDGET, STOP_DIVIDE, STOP_FAULT, STOP_HALT, STOP_ILLEGAL, STOP_NONE, STOP_SYSCALL, STOP_TRAP,
} from '../../src/cpu/state.js';

/** Base seed; chunk k uses BASE_SEED + k. */
const BASE_SEED = Number(process.env.EXO_FUZZ_SEED ?? 0x5eed) >>> 0;
/** Single-instruction fuzz: STEP_CHUNKS x STEP_PER_CHUNK instructions through decode + handler. */
const STEP_CHUNKS = 10;
const STEP_PER_CHUNK = 100_000;
/** run() fuzz: random code pages (loops among them), until this many instructions retired. */
const RUN_INSNS = 300_000;
/** A single instruction slower than this is reported as a (near-)infinite loop. */
const SLOW_MS = 1000;

const CODE = 0x400000; // one RX page; the page after it is unmapped (fetch faults)
const DATA = 0x10000000; // RW data most registers point into
const DATA_LEN = 0x100000;
const RUN_CODE = 0x800000; // RUN_PAGES RX pages for the run() fuzz
const RUN_PAGES = 64;

const PREFIXES = [0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x2e, 0x3e, 0x26, 0x36, 0x64, 0x65];
const STOP_NAMES = ['NONE', 'SYSCALL', 'FAULT', 'ILLEGAL', 'DIVIDE', 'TRAP', 'HALT', 'BUDGET'];
/** CPU_TRAP stop codes a user-mode instruction may produce (SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGSEGV). */
const TRAP_STOPS = new Set([STOP_FAULT, STOP_ILLEGAL, STOP_DIVIDE, STOP_TRAP, STOP_HALT]);

// ---- seeded generator ----------------------------------------------------------------------------

/** mulberry32: a small, fast, seeded 32-bit generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Fills out[n..15] with a ModRM/SIB/displacement/immediate tail biased to 0x00 and 0xFF. */
function tail(R: () => number, out: Uint8Array, n: number): void {
  for (; n < 16; n++) {
    const r = R();
    const sel = (r >>> 8) & 15;
    out[n] = sel < 4 ? 0 : sel < 5 ? 0xff : r & 255;
  }
}

const MANDATORY: Record<string, number> = { '66': 0x66, f3: 0xf3, f2: 0xf2 };

/**
 * An encoding of a random row of the opcode table (read at run time, so rows added later are
 * fuzzed too): random legacy prefixes, its mandatory prefix, random REX or VEX payload bits (W,
 * L, vvvv as the row requires or random), its map and opcode, ModRM.reg/mod as the row requires.
 */
function genFromRow(R: () => number, out: Uint8Array, row: Row): void {
  let n = 0;
  const np = R() % 4 === 0 ? 1 + (R() % 2) : 0;
  if (!row.vex) for (let k = 0; k < np; k++) out[n++] = PREFIXES[R() % PREFIXES.length];
  const pp = row.pfx === undefined || row.pfx === 'none' ? 0 : ['none', '66', 'f3', 'f2'].indexOf(row.pfx);
  const w = row.w ?? (R() & 1);
  if (row.vex) {
    out[n++] = 0xc4;
    out[n++] = (R() & 0xe0) | row.map;
    out[n++] = (w << 7) | ((R() & 15) << 3) | ((row.vexL ?? (R() & 1)) << 2) | pp;
  } else {
    if (row.pfx !== undefined && row.pfx !== 'none') out[n++] = MANDATORY[row.pfx];
    if (R() % 2 || row.w === 1) out[n++] = 0x40 | (w << 3) | (R() & 7);
    if (row.map >= 1) out[n++] = 0x0f;
    if (row.map === 2) out[n++] = 0x38;
    if (row.map === 3) out[n++] = 0x3a;
  }
  out[n++] = /Z[bvqd]/.test(row.ops) ? row.code + (R() & 7) : row.code;
  tail(R, out, n);
  let modrm = out[n];
  if (row.ext !== undefined) modrm = (modrm & 0xc7) | (row.ext << 3);
  if (row.mod === 'reg') modrm |= 0xc0;
  if (row.mod === 'mem' && modrm >= 0xc0) modrm &= 0x7f;
  out[n] = modrm;
}

/**
 * Fills out (16 bytes) with one random instruction: an encoding of a random table row (40%),
 * raw random bytes, legacy prefixes in random order (repeats allowed, a REX sometimes in the
 * middle) + REX + a one-byte/0F/0F38/0F3A opcode, or a VEX C4/C5 prefix with a random payload
 * (mostly valid maps) + opcode; then a random ModRM/SIB/displacement/immediate tail.
 */
function genInsn(R: () => number, out: Uint8Array): void {
  let n = 0;
  const kind = R() % 100;
  if (kind >= 60) {
    genFromRow(R, out, ALL_ROWS[R() % ALL_ROWS.length]);
    return;
  }
  if (kind < 8) {
    for (let k = 0; k < 16; k++) out[k] = R() & 255;
    return;
  }
  const p = R() % 20;
  const np = p < 8 ? 0 : p < 14 ? 1 : p < 17 ? 2 : 3 + (R() % 3);
  for (let k = 0; k < np; k++) out[n++] = R() % 10 === 0 ? 0x40 | (R() & 15) : PREFIXES[R() % PREFIXES.length];
  if (kind < 45) {
    if (R() % 2) out[n++] = 0x40 | (R() & 15);
    const m = R() % 4;
    if (m >= 1) out[n++] = 0x0f;
    if (m === 2) out[n++] = 0x38;
    if (m === 3) out[n++] = 0x3a;
  } else {
    if (R() % 5 !== 0) n = 0; // prefixes before VEX are #UD: only sometimes
    if (R() % 4 === 0) {
      out[n++] = 0xc5;
      out[n++] = R() & 255;
    } else {
      out[n++] = 0xc4;
      let b1 = R() & 255;
      if (R() % 8 !== 0) b1 = (b1 & 0xe0) | (1 + (R() % 3));
      out[n++] = b1;
      out[n++] = R() & 255;
    }
  }
  out[n++] = R() & 255; // opcode
  tail(R, out, n);
}

/** Random architectural state: most GPRs point into DATA, RCX < 4096 (bounded REP), RSP mid-DATA. */
function randomizeState(c: Cpu, R: () => number, full: boolean): void {
  const r = c.r;
  for (let n = 0; n < 16; n++) {
    const p = R() % 10;
    if (p < 7) { r[2 * n] = DATA + (R() % DATA_LEN); r[2 * n + 1] = 0; }
    else if (p < 8) { r[2 * n] = R() % 4096; r[2 * n + 1] = 0; }
    else if (p < 9) { r[2 * n] = R() | 0; r[2 * n + 1] = R() | 0; }
    else { r[2 * n] = -1 - (R() % 4096); r[2 * n + 1] = -1; }
  }
  r[2] = R() % 4096; r[3] = 0; // RCX
  r[8] = (DATA + DATA_LEN / 2 + (R() % 8192)) & ~7; r[9] = 0; // RSP
  c.fOp = F_NONE;
  c.fBits = 0x202 | (R() & 0x8d5) | (R() % 16 === 0 ? 0x400 : 0);
  c.fsBase = R() % 2 ? DATA : 0;
  c.gsBase = R() % 4 ? 0 : DATA + 0x1000;
  c.stop = STOP_NONE;
  if (full) {
    for (let k = 0; k < c.xmm.length; k++) c.xmm[k] = R() | 0;
    if (R() % 4 === 0) { for (let k = 0; k < 8; k++) c.xmmF64[4 * k + (R() & 3)] = [0, -0, Infinity, NaN, 1e-310, 1.5, -2][R() % 7]; }
    c.mxcsr = R() % 4 === 0 ? R() & 0xffff : 0x1f80 | (R() & 0x6040);
    c.fpu.reset();
    if (R() % 4 === 0) c.fpu.cw = R() & 0x1f3f;
  }
}

function hex(u8: Uint8Array, n = u8.length): string {
  return Buffer.from(u8.subarray(0, n)).toString('hex');
}

function regDump(r: Int32Array, rip: number, flags: number, mxcsr: number): string {
  const names = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
  const h = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
  return names.map((nm, n) => `${nm}=${h(r[2 * n + 1])}${h(r[2 * n])}`).join(' ') +
    ` rip=${rip.toString(16)} rflags=${flags.toString(16)} mxcsr=${mxcsr.toString(16)}`;
}

function errText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message} @ ${(e.stack ?? '').split('\n').slice(1, 3).map((s) => s.trim()).join(' < ')}`;
  return `non-Error thrown: ${String(e)}`;
}

// ---- outcome bookkeeping ---------------------------------------------------------------------------

/** Counts per outcome and the failures (deduplicated by error text and instruction). */
class Tally {
  readonly counts = new Map<string, number>();
  readonly failures = new Map<string, { n: number; first: string }>();
  total = 0;

  count(k: string): void {
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  fail(key: string, detail: string): void {
    const f = this.failures.get(key);
    if (f) f.n++;
    else this.failures.set(key, { n: 1, first: detail });
    this.count('FAILURE (JavaScript exception or bad state)');
  }

  report(title: string): string {
    const lines = [`${title}: ${this.total} instructions`];
    for (const [k, v] of [...this.counts].sort((a, b) => b[1] - a[1])) lines.push(`  ${k.padEnd(44)} ${v}`);
    return lines.join('\n');
  }

  failureText(): string {
    return [...this.failures].map(([k, f]) => `${k} (x${f.n})\n    ${f.first}`).join('\n');
  }
}

const STEP = new Tally();
const RUNS = new Tally();
const DIFFS: string[] = [];
const phys = new PhysMem(128 * 1024 * 1024);

/** An address space with CODE (RX, one page), DATA (RW, random bytes) and the RUN_CODE pages. */
function makeSpace(R: () => number): AddressSpace {
  const mem = new AddressSpace(phys);
  mem.map(CODE, 0x1000, PROT_READ | PROT_EXEC);
  mem.map(RUN_CODE, RUN_PAGES * 0x1000, PROT_READ | PROT_EXEC);
  mem.map(DATA, DATA_LEN, PROT_READ | PROT_WRITE);
  const init = new Uint8Array(DATA_LEN);
  for (let k = 0; k < DATA_LEN; k += 4) {
    const v = R();
    init[k] = v; init[k + 1] = v >>> 8; init[k + 2] = v >>> 16; init[k + 3] = v >>> 24;
  }
  mem.writeBytes(DATA, init);
  return mem;
}

// ---- (a) one instruction at a time: decode + handler -------------------------------------------

function stepChunk(seed: number): void {
  const R = prng(seed);
  const mem = makeSpace(R);
  let c = new Cpu(mem);
  const buf = new Uint8Array(16);
  const before = new Int32Array(32);
  for (let n = 0; n < STEP_PER_CHUNK; n++) {
    if (n % 4096 === 0) c = new Cpu(mem);
    genInsn(R, buf);
    // Mostly well inside the page; sometimes straddling its end (the next page is unmapped).
    const addr = R() % 10 === 0 ? CODE + 0x1000 - 1 - (R() % 15) : CODE + (R() % 0xf00);
    mem.pokeBytes(addr, buf.subarray(0, Math.min(16, CODE + 0x1000 - addr)));
    randomizeState(c, R, n % 64 === 0);
    STEP.total++;
    const where = () => `seed=${seed} i=${n} addr=0x${addr.toString(16)} bytes=${hex(buf, 15)}`;
    let insn: Insn;
    try {
      insn = decode(mem, addr);
    } catch (e) {
      if (e instanceof GuestFault) STEP.count('SIGSEGV: instruction fetch fault');
      else STEP.fail(`decode: ${errText(e)}`, where());
      continue;
    }
    if (insn.name === '(bad)') STEP.count('decoded (bad)');
    before.set(c.r);
    const flags0 = c.fBits, mxcsr0 = c.mxcsr;
    c.rip = insn.next;
    c.stop = STOP_NONE;
    const t0 = performance.now();
    try {
      insn.fn(c, insn);
      if (c.stop === STOP_SYSCALL) STEP.count('syscall');
      else if (c.stop === STOP_NONE) STEP.count('completed');
      else STEP.fail(`${insn.name}: returned normally with stop=${STOP_NAMES[c.stop] ?? c.stop}`, `${where()} len=${insn.len}\n    ${regDump(before, addr, flags0, mxcsr0)}`);
      const bad = badState(c);
      if (bad) STEP.fail(`${insn.name}: ${bad[0]}`, `${where()} len=${insn.len} value=${bad[1]}\n    ${regDump(before, addr, flags0, mxcsr0)}`);
    } catch (e) {
      if (e === CPU_TRAP) {
        if (TRAP_STOPS.has(c.stop)) STEP.count(`trap: ${STOP_NAMES[c.stop]}`);
        else STEP.fail(`${insn.name}: CPU_TRAP with stop=${STOP_NAMES[c.stop] ?? c.stop}`, `${where()} len=${insn.len}`);
      } else if (e instanceof GuestFault) {
        STEP.count('SIGSEGV: GuestFault');
      } else {
        STEP.fail(`${insn.name}: ${errText(e)}`, `${where()} len=${insn.len}\n    ${regDump(before, addr, flags0, mxcsr0)}`);
      }
    }
    const dt = performance.now() - t0;
    if (dt > SLOW_MS) STEP.fail(`${insn.name}: took ${dt.toFixed(0)} ms`, where());
  }
  mem.destroy();
}

/**
 * What a completed instruction must never leave behind: a RIP that is not an integer (RIP is a
 * double; a negative or huge value is a non-canonical address that faults on the next fetch),
 * flags that do not evaluate, a broken MXCSR or x87 TOP. Returns [kind, value] or null.
 */
function badState(c: Cpu): [string, string] | null {
  if (!Number.isInteger(c.rip) || Math.abs(c.rip) >= 2 ** 64) return ['RIP is not a 64-bit integer', String(c.rip)];
  const f = getFlags(c);
  if (!Number.isInteger(f)) return [`RFLAGS do not evaluate (fOp ${c.fOp})`, String(f)];
  if (!Number.isInteger(c.mxcsr) || c.mxcsr < 0 || c.mxcsr > 0xffff) return ['MXCSR out of range', String(c.mxcsr)];
  if (!(c.fpu.top >= 0 && c.fpu.top < 8 && Number.isInteger(c.fpu.top))) return ['x87 TOP out of range', String(c.fpu.top)];
  return null;
}

// ---- (b) whole programs through run(): block cache, successor cache, block compiler --------------

/** Names of instructions whose results differ between two runs by design. */
const NONDETERMINISTIC = new Set(['rdtsc', 'rdtscp', 'rdrand', 'rdseed']);

/**
 * A random program at page: either random bytes, or a hot loop — 1-10 random instructions that our
 * decoder accepts and that do not end a block, then `dec ecx; jnz start` (ECX 270-369, so the loop
 * passes the JIT threshold), then `syscall`.
 */
function genProgram(R: () => number, mem: AddressSpace, page: number): { bytes: Uint8Array; loop: boolean; deterministic: boolean } {
  const prog: number[] = [];
  const buf = new Uint8Array(16);
  let deterministic = true;
  const loop = R() % 10 < 8;
  if (!loop) {
    for (let k = 0; k < 256; k++) prog.push(R() & 255);
  } else {
    const want = 1 + (R() % 10);
    let tries = 0;
    while (prog.length < 200 && tries++ < 200 && want > 0) {
      genInsn(R, buf);
      mem.pokeBytes(CODE, buf);
      let i: Insn;
      try { i = decode(mem, CODE); } catch { continue; }
      if (i.name === '(bad)' || i.end || i.isMem && R() % 3 === 0) continue;
      if (i.asize === 4 && i.isMem) continue; // 32-bit addresses: mostly faults
      if (NONDETERMINISTIC.has(i.name)) deterministic = false;
      for (let k = 0; k < i.len; k++) prog.push(buf[k]);
      if (prog.length >= 4 * want) break;
    }
    prog.push(0xff, 0xc9); // dec ecx
    const rel = -(prog.length + 6);
    prog.push(0x0f, 0x85, rel & 255, (rel >> 8) & 255, (rel >> 16) & 255, (rel >> 24) & 255); // jnz start
    prog.push(0x0f, 0x05); // syscall
  }
  const bytes = Uint8Array.from(prog);
  mem.pokeBytes(page, bytes);
  return { bytes, loop, deterministic };
}

function sameState(a: Cpu, b: Cpu): string {
  for (let k = 0; k < 32; k++) if (a.r[k] !== b.r[k]) return `r[${k >> 1}].${k & 1 ? 'hi' : 'lo'}: jit ${a.r[k]} interp ${b.r[k]}`;
  if (a.rip !== b.rip) return `rip: jit ${a.rip.toString(16)} interp ${b.rip.toString(16)}`;
  if (a.stop !== b.stop) return `stop: jit ${STOP_NAMES[a.stop]} interp ${STOP_NAMES[b.stop]}`;
  if ((getFlags(a) & 0xcd5) !== (getFlags(b) & 0xcd5)) return `rflags: jit ${getFlags(a).toString(16)} interp ${getFlags(b).toString(16)}`;
  for (let k = 0; k < a.xmm.length; k++) if (a.xmm[k] !== b.xmm[k]) return `xmm${k >> 3}[${k & 7}]: jit ${a.xmm[k]} interp ${b.xmm[k]}`;
  if (a.mxcsr !== b.mxcsr) return `mxcsr: jit ${a.mxcsr.toString(16)} interp ${b.mxcsr.toString(16)}`;
  if (a.icount !== b.icount) return `icount: jit ${a.icount} interp ${b.icount}`;
  return '';
}

/**
 * Random programs until RUN_INSNS instructions have retired under run() with the block compiler
 * on. A loop program first runs under the interpreter alone (jit off) on a copy-on-write fork of
 * memory; a loop that faults before it ends is replaced (up to 7 times), so most loops
 * reach the compiler. The compiled run must then end in the same state as the interpreted one.
 */
function runPrograms(seed: number): { compiled: number; programs: number; replaced: number } {
  const R = prng(seed);
  const mem = makeSpace(R);
  const cache = codeCacheFor(mem);
  const budget = 20_000;
  let compiled = 0, programs = 0, replaced = 0;
  while (RUNS.total < RUN_INSNS) {
    const page = RUN_CODE + (programs % RUN_PAGES) * 0x1000;
    programs++;
    let prog: ReturnType<typeof genProgram>;
    let c: Cpu;
    let twin: Cpu | null = null;
    let twinMem: AddressSpace | null = null;
    let where = '';
    let regs0 = '';
    for (let attempt = 0; ; attempt++) {
      prog = genProgram(R, mem, page);
      c = new Cpu(mem);
      randomizeState(c, R, true);
      if (prog.loop) c.r[2] = 270 + (R() % 100);
      c.rip = page;
      where = `seed=${seed} program=${programs - 1} page=0x${page.toString(16)} loop=${prog.loop} bytes=${hex(prog.bytes, Math.min(prog.bytes.length, 160))}`;
      regs0 = regDump(c.r, page, c.fBits, c.mxcsr);
      if (!prog.loop) break;
      twinMem = mem.fork();
      twin = new Cpu(twinMem);
      twin.copyFrom(c);
      try {
        run(twin, budget, false);
      } catch (e) {
        RUNS.fail(`run(jit=false): ${errText(e)}`, `${where}\n    ${regs0}`);
      }
      if (twin.stop === STOP_SYSCALL || twin.stop === STOP_BUDGET || attempt === 7) break;
      twinMem.destroy();
      twinMem = null;
      twin = null;
      replaced++;
    }
    const t0 = performance.now();
    try {
      const stop = run(c, budget, true);
      RUNS.count(`run() stop: ${STOP_NAMES[stop] ?? stop}`);
    } catch (e) {
      RUNS.fail(`run(): ${errText(e)}`, `${where}\n    ${regs0}`);
    }
    const dt = performance.now() - t0;
    if (dt > 20 * SLOW_MS) RUNS.fail(`run(): ${budget} instructions took ${dt.toFixed(0)} ms`, where);
    RUNS.total += c.icount;
    if (cache.get(page).compiled !== null) compiled++;
    if (twin !== null && twinMem !== null) {
      const d = prog.deterministic ? sameState(c, twin) : '';
      if (d && DIFFS.length < 20) DIFFS.push(`${d}\n    ${where}\n    ${regs0}`);
      twinMem.destroy();
    }
  }
  mem.destroy();
  return { compiled, programs, replaced };
}

// ---- the tests -----------------------------------------------------------------------------------

describe('fuzz: random instructions through decode and the handlers', () => {
  it.each(Array.from({ length: STEP_CHUNKS }, (_, k) => [k, BASE_SEED + k] as const))(
    'chunk %i (seed %i): only completion, syscall, SIGILL, SIGSEGV, SIGFPE or SIGTRAP',
    (_k, seed) => {
      const failuresBefore = STEP.failures.size;
      stepChunk(seed);
      const fresh = [...STEP.failures].slice(failuresBefore).map(([k, f]) => `${k}\n    ${f.first}`);
      expect(fresh, `JavaScript exceptions (seed ${seed}):\n${fresh.join('\n')}`).toEqual([]);
    },
    120_000,
  );

  it(`ran >= ${STEP_CHUNKS * STEP_PER_CHUNK} instructions; outcome counts`, () => {
    console.log(STEP.report(`single-instruction fuzz (base seed ${BASE_SEED})`));
    if (STEP.failures.size) console.log(`failures:\n${STEP.failureText()}`);
    expect(STEP.total).toBeGreaterThanOrEqual(1_000_000);
    expect(STEP.failures.size).toBe(0);
  });
});

describe('fuzz: random programs through run() (block cache and block compiler)', () => {
  let result = { compiled: 0, programs: 0, replaced: 0 };

  it(`runs >= ${RUN_INSNS} instructions without a JavaScript exception`, () => {
    result = runPrograms(BASE_SEED + 1000);
    console.log(RUNS.report(`run() fuzz (seed ${BASE_SEED + 1000}): ${result.programs} programs (${result.replaced} loops replaced), ${result.compiled} hot loops compiled`));
    if (RUNS.failures.size) console.log(`failures:\n${RUNS.failureText()}`);
    expect(RUNS.total).toBeGreaterThanOrEqual(RUN_INSNS);
    expect(RUNS.failureText()).toBe('');
  }, 300_000);

  it('compiled some hot loops', () => {
    expect(result.compiled).toBeGreaterThan(10);
  });

  it('the block compiler agrees with the interpreter on every hot loop', () => {
    if (DIFFS.length) console.log(`jit/interpreter differences:\n${DIFFS.join('\n')}`);
    expect(DIFFS).toEqual([]);
  });
});

