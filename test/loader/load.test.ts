// Tests for src/loader/load.ts: segment mapping (permissions, bss, brk, static-pie bias) and the
// initial stack, read back from guest memory and compared with Linux's create_elf_tables layout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HWCAP } from '../../src/cpu/cpuid.js';
import { AddressSpace, PhysMem, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import { parseElf, type ElfImage } from '../../src/loader/elf.js';
import { LoadError } from '../../src/loader/errors.js';
import {
  ELF_ET_DYN_BASE, loadElf, SIGFRAME_MIN_SIZE, STACK_SIZE, STACK_TOP, type LoadedImage, type LoadOptions,
} from '../../src/loader/load.js';
import {
  AT_BASE, AT_CLKTCK, AT_EGID, AT_ENTRY, AT_EUID, AT_EXECFN, AT_FLAGS, AT_GID, AT_HWCAP, AT_HWCAP2,
  AT_MINSIGSTKSZ, AT_NULL, AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_PLATFORM, AT_RANDOM, AT_SECURE,
  AT_SYSINFO_EHDR, AT_UID,
} from '../../src/musl-shim/abi/auxv.js';
import { ET_DYN, EM_X86_64, ET_EXEC, PF_R, PF_W, PF_X, PT_GNU_STACK, PT_LOAD, PT_PHDR } from '../../src/musl-shim/abi/elf.js';

// ---- fixtures -------------------------------------------------------------------------------

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'exo-loader-load-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const PAGE = 4096;

function haveGcc(): boolean {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** fixtures/bin/hello (a static musl hello); built into a temp dir when the fixture is absent. */
function helloPath(): string {
  const p = join(ROOT, 'fixtures/bin/hello');
  if (existsSync(p)) return p;
  const out = join(TMP, 'hello');
  if (!existsSync(out)) execFileSync('musl-gcc', ['-static', '-O2', '-o', out, join(ROOT, 'fixtures/src/hello.c')]);
  return out;
}

function le16(b: Uint8Array, off: number, v: number): void {
  new DataView(b.buffer, b.byteOffset).setUint16(off, v, true);
}

function le32(b: Uint8Array, off: number, v: number): void {
  new DataView(b.buffer, b.byteOffset).setUint32(off, v, true);
}

function le64(b: Uint8Array, off: number, v: number): void {
  const dv = new DataView(b.buffer, b.byteOffset);
  dv.setUint32(off, v % 2 ** 32, true);
  dv.setUint32(off + 4, Math.floor(v / 2 ** 32), true);
}

interface SynthSeg {
  type?: number;
  flags: number;
  vaddr: number;
  data?: Uint8Array;
  memsz?: number;
  offset?: number;
  filesz?: number;
  align?: number;
}

/**
 * A minimal ELF64 without section headers. Each segment's bytes go at the next page-congruent
 * file offset; `junk` bytes (0xAA) follow every segment so a loader that copies past p_filesz shows.
 */
function synth(o: { type?: number; entry: number; segs: SynthSeg[]; junk?: number }): Uint8Array {
  const phoff = 64;
  const junk = o.junk ?? 0;
  let cursor = phoff + o.segs.length * 56;
  const placed = o.segs.map((s) => {
    if (s.offset !== undefined) return { off: s.offset, filesz: s.filesz ?? 0 };
    const data = s.data ?? new Uint8Array(0);
    const off = Math.ceil(cursor / PAGE) * PAGE + (s.vaddr % PAGE);
    cursor = off + data.length + junk;
    return { off, filesz: data.length };
  });
  const b = new Uint8Array(Math.max(cursor, ...placed.map((p) => p.off + p.filesz)));
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  le16(b, 16, o.type ?? ET_EXEC);
  le16(b, 18, EM_X86_64);
  le32(b, 20, 1);
  le64(b, 24, o.entry);
  le64(b, 32, phoff);
  le16(b, 52, 64);
  le16(b, 54, 56);
  le16(b, 56, o.segs.length);
  le16(b, 58, 64);
  o.segs.forEach((s, i) => {
    const at = phoff + i * 56;
    le32(b, at, s.type ?? PT_LOAD);
    le32(b, at + 4, s.flags);
    le64(b, at + 8, placed[i].off);
    le64(b, at + 16, s.vaddr);
    le64(b, at + 24, s.vaddr);
    le64(b, at + 32, placed[i].filesz);
    le64(b, at + 40, s.memsz ?? placed[i].filesz);
    le64(b, at + 48, s.align ?? PAGE);
    if (s.data && s.offset === undefined) {
      b.set(s.data, placed[i].off);
      b.fill(0xaa, placed[i].off + s.data.length, placed[i].off + s.data.length + junk);
    }
  });
  return b;
}

const EXIT42 = Uint8Array.of(0xbf, 42, 0, 0, 0, 0xb8, 60, 0, 0, 0, 0x0f, 0x05);

function freshMem(): AddressSpace {
  return new AddressSpace(new PhysMem(64 * 1024 * 1024));
}

const RANDOM = Uint8Array.from({ length: 16 }, (_, i) => 0xf0 + i);

function opts(over: Partial<LoadOptions> = {}): LoadOptions {
  return {
    argv: ['hello', 'a', 'bc'], envp: ['HOME=/root', 'PATH=/bin'], execfn: '/bin/hello', random: RANDOM,
    uid: 1000, gid: 1001, euid: 1002, egid: 1003, ...over,
  };
}

// ---- reading the stack back -----------------------------------------------------------------

function u64(mem: AddressSpace, addr: number): number {
  const lo = mem.read64(addr) >>> 0;
  return lo + (mem.hi >>> 0) * 2 ** 32;
}

function str(mem: AddressSpace, addr: number): string {
  const b = mem.readCString(addr);
  if (b === null) throw new Error(`unterminated string at 0x${addr.toString(16)}`);
  return new TextDecoder().decode(b);
}

interface StackView {
  argc: number;
  argvPtrs: number[];
  envpPtrs: number[];
  argv: string[];
  envp: string[];
  auxv: [number, number][];
  /** Address one past AT_NULL's value. */
  auxvEnd: number;
}

/** Walks the initial stack the way musl's _start_c / __init_libc does. */
function readStack(mem: AddressSpace, sp: number): StackView {
  let p = sp;
  const argc = u64(mem, p); p += 8;
  const argvPtrs: number[] = [];
  for (let i = 0; i < argc; i++) { argvPtrs.push(u64(mem, p)); p += 8; }
  expect(u64(mem, p)).toBe(0); p += 8;
  const envpPtrs: number[] = [];
  for (let v = u64(mem, p); v !== 0; v = u64(mem, p)) { envpPtrs.push(v); p += 8; }
  p += 8;
  const auxv: [number, number][] = [];
  for (;;) {
    const t = u64(mem, p);
    auxv.push([t, u64(mem, p + 8)]);
    p += 16;
    if (t === AT_NULL) break;
  }
  return {
    argc, argvPtrs, envpPtrs, argv: argvPtrs.map((a) => str(mem, a)), envp: envpPtrs.map((a) => str(mem, a)),
    auxv, auxvEnd: p,
  };
}

function aux(v: StackView, type: number): number {
  const e = v.auxv.find(([t]) => t === type);
  if (!e) throw new Error(`no auxv entry ${type}`);
  return e[1];
}

// ---- hello ----------------------------------------------------------------------------------

let HELLO_PATH: string;
let HELLO: ElfImage;

beforeAll(() => {
  HELLO_PATH = helloPath();
  HELLO = parseElf(readFileSync(HELLO_PATH), HELLO_PATH);
});

function loadHello(over: Partial<LoadOptions> = {}): { mem: AddressSpace; li: LoadedImage } {
  const mem = freshMem();
  return { mem, li: loadElf(mem, HELLO, opts(over)) };
}

const pageDown = (n: number): number => n - (n % PAGE);
const pageUp = (n: number): number => pageDown(n + PAGE - 1);
const protOf = (f: number): number => (f & PF_R ? PROT_READ : 0) | (f & PF_W ? PROT_WRITE : 0) | (f & PF_X ? PROT_EXEC : 0);

describe('loadElf on the static musl hello', () => {
  it('maps every PT_LOAD page with its segment permissions', () => {
    const { mem } = loadHello();
    for (const p of HELLO.loads) {
      for (let a = pageDown(p.vaddr); a < p.vaddr + p.memsz; a += PAGE) {
        const union = HELLO.loads
          .filter((q) => pageDown(q.vaddr) <= a && a < q.vaddr + q.memsz)
          .reduce((acc, q) => acc | protOf(q.flags), 0);
        expect(mem.protAt(a), `page 0x${a.toString(16)}`).toBe(union);
      }
    }
    expect(mem.protAt(HELLO.loads[0].vaddr - PAGE)).toBe(-1);
  });

  it('copies p_filesz bytes and zeroes the bss, including the rest of the partial page', () => {
    const { mem } = loadHello();
    for (const p of HELLO.loads) {
      const got = mem.readBytes(p.vaddr, p.filesz);
      expect(Buffer.compare(got, HELLO.bytes.subarray(p.offset, p.offset + p.filesz))).toBe(0);
      const tail = mem.readBytes(p.vaddr + p.filesz, pageUp(p.vaddr + p.memsz) - (p.vaddr + p.filesz));
      expect(tail.every((x) => x === 0)).toBe(true);
    }
    const data = HELLO.loads.find((p) => p.memsz > p.filesz);
    expect(data).toBeDefined();
  });

  it('shows the ELF header at the start of the first segment, as a file mapping does', () => {
    const { mem } = loadHello();
    expect([...mem.readBytes(HELLO.loads[0].vaddr - (HELLO.loads[0].vaddr % PAGE), 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  });

  it('puts brk at the page-aligned end of the highest segment', () => {
    const { mem, li } = loadHello();
    const last = HELLO.loads[HELLO.loads.length - 1];
    expect(li.brk).toBe(pageUp(last.vaddr + last.memsz));
    expect(mem.brkStart).toBe(li.brk);
    expect(mem.brk).toBe(li.brk);
    expect(mem.protAt(li.brk)).toBe(-1);
  });

  it('maps an 8 MiB non-executable [stack] ending at 0x7ffffffff000', () => {
    const { mem, li } = loadHello();
    expect(li.stackTop).toBe(0x7ffffffff000);
    expect(li.stackBottom).toBe(0x7ffffffff000 - 8 * 1024 * 1024);
    expect(mem.protAt(li.stackTop - 1)).toBe(PROT_READ | PROT_WRITE);
    expect(mem.protAt(li.stackBottom)).toBe(PROT_READ | PROT_WRITE);
    expect(mem.protAt(li.stackBottom - 1)).toBe(-1);
    expect(mem.protAt(li.stackTop)).toBe(-1);
    const stack = mem.vmas.find((v) => v.name === '[stack]');
    expect(stack).toMatchObject({ start: li.stackBottom, end: li.stackTop, prot: PROT_READ | PROT_WRITE });
  });

  it('names the segment mappings after the binary (/proc/self/maps)', () => {
    const { mem } = loadHello();
    const named = mem.vmas.filter((v) => v.name === HELLO_PATH);
    expect(named.length).toBeGreaterThan(0);
    expect(named[0].start).toBe(pageDown(HELLO.loads[0].vaddr));
  });

  it('returns entry, base and AT_PHDR for an ET_EXEC', () => {
    const { mem, li } = loadHello();
    expect(li.entry).toBe(HELLO.header.entry);
    expect(li.base).toBe(0);
    expect(li.phdr).toBe(HELLO.loads[0].vaddr + HELLO.header.phoff - HELLO.loads[0].offset);
    const table = mem.readBytes(li.phdr, HELLO.header.phnum * 56);
    const off = HELLO.header.phoff;
    expect(Buffer.compare(table, HELLO.bytes.subarray(off, off + HELLO.header.phnum * 56))).toBe(0);
  });

  it('writes argc, argv, envp and the auxv in Linux order with the right values', () => {
    const { mem, li } = loadHello();
    const v = readStack(mem, li.sp);
    expect(v.argc).toBe(3);
    expect(v.argv).toEqual(['hello', 'a', 'bc']);
    expect(v.envp).toEqual(['HOME=/root', 'PATH=/bin']);
    expect(v.auxv).toEqual([
      [AT_MINSIGSTKSZ, SIGFRAME_MIN_SIZE],
      [AT_HWCAP, HWCAP],
      [AT_PAGESZ, 4096],
      [AT_CLKTCK, 100],
      [AT_PHDR, li.phdr],
      [AT_PHENT, 56],
      [AT_PHNUM, HELLO.header.phnum],
      [AT_BASE, 0],
      [AT_FLAGS, 0],
      [AT_ENTRY, HELLO.header.entry],
      [AT_UID, 1000],
      [AT_EUID, 1002],
      [AT_GID, 1001],
      [AT_EGID, 1003],
      [AT_SECURE, 0],
      [AT_RANDOM, aux(v, AT_RANDOM)],
      [AT_HWCAP2, 0],
      [AT_EXECFN, aux(v, AT_EXECFN)],
      [AT_PLATFORM, aux(v, AT_PLATFORM)],
      [AT_NULL, 0],
    ]);
    expect(v.auxv.some(([t]) => t === AT_SYSINFO_EHDR)).toBe(false);
    expect([...mem.readBytes(aux(v, AT_RANDOM), 16)]).toEqual([...RANDOM]);
    expect(str(mem, aux(v, AT_PLATFORM))).toBe('x86_64');
    expect(str(mem, aux(v, AT_EXECFN))).toBe('/bin/hello');
    expect(li.auxv).toEqual(v.auxv.flat());
  });

  it('lays strings out as fs/exec.c copy_strings does, from the top down', () => {
    const { mem, li } = loadHello();
    const v = readStack(mem, li.sp);
    const execfn = aux(v, AT_EXECFN);
    // 8 zero bytes at the very top, then execfn, envp strings below it, argv strings below those.
    expect(u64(mem, STACK_TOP - 8)).toBe(0);
    expect(execfn + '/bin/hello'.length + 1).toBe(STACK_TOP - 8);
    const all = [...v.argv, ...v.envp];
    const ptrs = [...v.argvPtrs, ...v.envpPtrs];
    for (let i = 0; i + 1 < ptrs.length; i++) expect(ptrs[i + 1]).toBe(ptrs[i] + all[i].length + 1);
    expect(ptrs[ptrs.length - 1] + all[all.length - 1].length + 1).toBe(execfn);
    expect([li.argStart, li.argEnd, li.envStart, li.envEnd]).toEqual([v.argvPtrs[0], v.envpPtrs[0], v.envpPtrs[0], execfn]);
    // Below the strings: 16-byte alignment, "x86_64\0", then the 16 random bytes.
    const platform = aux(v, AT_PLATFORM);
    expect(platform).toBe(v.argvPtrs[0] - (v.argvPtrs[0] % 16) - 7);
    expect(aux(v, AT_RANDOM)).toBe(platform - 16);
    // Then padding (less than 16 bytes) between the end of auxv and the random bytes.
    expect(aux(v, AT_RANDOM) - v.auxvEnd).toBeGreaterThanOrEqual(0);
    expect(aux(v, AT_RANDOM) - v.auxvEnd).toBeLessThan(16);
  });

  it.each([
    [[], []], [['a'], []], [['a', 'bb'], []], [['a', 'bb', 'ccc'], ['X=1']], [['p'], ['A=1', 'B=22']],
    [['prog', 'x'.repeat(17)], ['E='.repeat(9), 'F=', 'G=3']], [['1', '2', '3', '4', '5'], ['Z=' + 'z'.repeat(100)]],
  ])('keeps sp 16-byte aligned (argv %j, envp %j)', (argv, envp) => {
    const { mem, li } = loadHello({ argv, envp });
    expect(li.sp % 16).toBe(0);
    const v = readStack(mem, li.sp);
    expect(v.argv).toEqual(argv.length ? argv : ['']); // Linux 5.18+: an empty argv becomes [""]
    expect(v.envp).toEqual(envp);
    expect(aux(v, AT_RANDOM) - v.auxvEnd).toBeLessThan(16);
  });

  it('passes AT_MINSIGSTKSZ through when the signal layer sets it', () => {
    const { mem, li } = loadHello({ minsigstksz: 2048 });
    expect(aux(readStack(mem, li.sp), AT_MINSIGSTKSZ)).toBe(2048);
  });

  it('stores non-ASCII arguments as UTF-8', () => {
    const { mem, li } = loadHello({ argv: ['prog', 'héllo'] });
    const v = readStack(mem, li.sp);
    expect([...(mem.readCString(v.argvPtrs[1]) ?? [])]).toEqual([...new TextEncoder().encode('héllo')]);
  });

  it.each<[string, Partial<LoadOptions>]>([
    ['one string over MAX_ARG_STRLEN', { argv: ['p', 'x'.repeat(32 * 4096)] }],
    ['over 2 MiB in total', { envp: Array.from({ length: 40 }, () => 'V=' + 'v'.repeat(60000)) }],
  ])('fails with E2BIG before touching memory: %s', (_n, over) => {
    const mem = freshMem();
    const err = (() => {
      try { loadElf(mem, HELLO, opts(over)); } catch (e) { return e; }
      return null;
    })();
    expect(mem.vmas).toEqual([]);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).errno).toBe(7);
    expect((err as LoadError).exitCode).toBe(126);
    expect((err as LoadError).message).toMatch(/: Argument list too long \(/);
  });
});

// ---- synthesised layouts --------------------------------------------------------------------

describe('loadElf on synthesised images', () => {
  it('gives a page shared by two segments the union of their permissions and both contents', () => {
    const code = new Uint8Array(0x100).fill(0xcc);
    code.set(EXIT42);
    const data = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const b = synth({
      entry: 0x401000, junk: 32,
      segs: [
        { flags: PF_R | PF_X, vaddr: 0x401000, data: code },
        { flags: PF_R | PF_W, vaddr: 0x401800, data, memsz: 0x2000 },
      ],
    });
    const mem = freshMem();
    const li = loadElf(mem, parseElf(b, 'shared'), opts());
    expect(mem.protAt(0x401000)).toBe(PROT_READ | PROT_WRITE | PROT_EXEC);
    expect(mem.protAt(0x402000)).toBe(PROT_READ | PROT_WRITE);
    expect(mem.protAt(0x403000)).toBe(PROT_READ | PROT_WRITE);
    expect(mem.protAt(0x404000)).toBe(-1);
    expect([...mem.readBytes(0x401000, 0x100)]).toEqual([...code]);
    expect([...mem.readBytes(0x401800, 8)]).toEqual([...data]);
    // The 0xAA junk after each segment's p_filesz in the file must not show in memory.
    expect(mem.readBytes(0x401808, 0x404000 - 0x401808).every((x) => x === 0)).toBe(true);
    expect(li.brk).toBe(0x404000);
    // Pages holding file bytes are named after the binary; bss-only pages are anonymous.
    expect(mem.vmas.map((v) => [v.start, v.end, v.name])).toEqual([
      [0x401000, 0x402000, 'shared'], [0x402000, 0x404000, ''], [STACK_TOP - STACK_SIZE, STACK_TOP, '[stack]'],
    ]);
  });

  it('zeroes bss past p_filesz even when the file holds junk there', () => {
    const b = synth({
      entry: 0x401000, junk: 200,
      segs: [
        { flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 },
        { flags: PF_R | PF_W, vaddr: 0x403ff0, data: Uint8Array.of(9, 9, 9, 9), memsz: 0x30 },
      ],
    });
    const mem = freshMem();
    loadElf(mem, parseElf(b, 'bss'), opts());
    expect([...mem.readBytes(0x403ff0, 4)]).toEqual([9, 9, 9, 9]);
    expect(mem.readBytes(0x403ff4, 0x405000 - 0x403ff4).every((x) => x === 0)).toBe(true);
    expect(mem.protAt(0x404000)).toBe(PROT_READ | PROT_WRITE);
    expect(mem.protAt(0x405000)).toBe(-1);
  });

  it.each([
    ['PT_GNU_STACK RWX', [{ type: PT_GNU_STACK, flags: PF_R | PF_W | PF_X, vaddr: 0, offset: 0, filesz: 0 }], PROT_READ | PROT_WRITE | PROT_EXEC],
    ['PT_GNU_STACK RW', [{ type: PT_GNU_STACK, flags: PF_R | PF_W, vaddr: 0, offset: 0, filesz: 0 }], PROT_READ | PROT_WRITE],
    ['no PT_GNU_STACK', [], PROT_READ | PROT_WRITE],
  ] as [string, SynthSeg[], number][])('stack permissions with %s', (_n, extra, prot) => {
    const b = synth({ entry: 0x401000, segs: [{ flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 }, ...extra] });
    const mem = freshMem();
    const li = loadElf(mem, parseElf(b, 'stk'), opts());
    expect(mem.protAt(li.sp)).toBe(prot);
  });

  it('uses PT_PHDR for AT_PHDR when present', () => {
    const b = synth({
      entry: 0x401000,
      segs: [
        { flags: PF_R, vaddr: 0x400000, offset: 0, filesz: 64 + 3 * 56 },
        { type: PT_PHDR, flags: PF_R, vaddr: 0x400040, offset: 64, filesz: 3 * 56 },
        { flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 },
      ],
    });
    const mem = freshMem();
    const li = loadElf(mem, parseElf(b, 'phdr'), opts());
    expect(li.phdr).toBe(0x400040);
    expect(aux(readStack(mem, li.sp), AT_PHDR)).toBe(0x400040);
  });

  it('gives AT_PHDR 0 when the program headers are not in memory', () => {
    const b = synth({ entry: 0x401000, segs: [{ flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 }] });
    const mem = freshMem();
    const li = loadElf(mem, parseElf(b, 'nophdr'), opts());
    expect(li.phdr).toBe(0);
  });

  it.each([
    ['p_align 0x1000', 0x1000, 0x555555554000],
    ['p_align 0x200000', 0x200000, 0x555555400000],
    ['p_align 3 (not a power of two: ignored)', 3, 0x555555554000],
  ])('loads a static-pie (ET_DYN without PT_INTERP) at ELF_ET_DYN_BASE, %s', (_n, align, base) => {
    const b = synth({
      type: ET_DYN, entry: 0x1000,
      segs: [
        { flags: PF_R, vaddr: 0, offset: 0, filesz: 64 + 3 * 56, align },
        { flags: PF_R | PF_X, vaddr: 0x1000, data: EXIT42, align },
        { flags: PF_R | PF_W, vaddr: 0x2000, data: Uint8Array.of(7), memsz: 0x1800, align },
      ],
    });
    const mem = freshMem();
    const li = loadElf(mem, parseElf(b, 'spie'), opts());
    expect(ELF_ET_DYN_BASE).toBe(0x555555554aaa);
    expect(li.base).toBe(base);
    expect(li.entry).toBe(base + 0x1000);
    expect(li.phdr).toBe(base + 64);
    expect(li.brk).toBe(base + 0x4000);
    expect(mem.protAt(base)).toBe(PROT_READ);
    expect(mem.protAt(base + 0x1000)).toBe(PROT_READ | PROT_EXEC);
    expect(mem.protAt(base + 0x3000)).toBe(PROT_READ | PROT_WRITE);
    expect([...mem.readBytes(base + 0x1000, EXIT42.length)]).toEqual([...EXIT42]);
    const v = readStack(mem, li.sp);
    expect(aux(v, AT_ENTRY)).toBe(base + 0x1000);
    expect(aux(v, AT_PHDR)).toBe(base + 64);
    expect(aux(v, AT_BASE)).toBe(0);
  });

  it('refuses segments that reach into the stack area', () => {
    const b = synth({ entry: 0x7ffffff00000, segs: [{ flags: PF_R | PF_X, vaddr: 0x7ffffff00000, data: EXIT42 }] });
    expect(() => loadElf(freshMem(), parseElf(b, 'high'), opts())).toThrow(
      /^high: segments end at 0x7ffffff0000c, inside the stack area \[0x7fffff7ff000, 0x7ffffffff000\)$/,
    );
  });

  it('fails with ENOMEM instead of mapping a p_memsz larger than guest memory', () => {
    const b = synth({
      entry: 0x401000,
      segs: [
        { flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 },
        { flags: PF_R | PF_W, vaddr: 0x500000, data: Uint8Array.of(1), memsz: 2 ** 40 },
      ],
    });
    let err: unknown;
    try { loadElf(freshMem(), parseElf(b, 'huge'), opts()); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).errno).toBe(12);
    expect((err as LoadError).message).toMatch(/^huge: Cannot allocate memory \(segments and stack need \d+ MiB, guest memory is 64 MiB\)$/);
  });

  it('accepts a bss-only PT_LOAD whose p_offset lies past the end of the file', () => {
    const b = synth({
      entry: 0x401000,
      segs: [
        { flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 },
        { flags: PF_R | PF_W, vaddr: 0x600000, offset: 0x100000, filesz: 0, memsz: 0x3000 },
      ],
    });
    const mem = freshMem();
    const li = loadElf(mem, parseElf(b, 'bssonly'), opts());
    expect(mem.protAt(0x602000)).toBe(PROT_READ | PROT_WRITE);
    expect(mem.readBytes(0x600000, 0x3000).every((x) => x === 0)).toBe(true);
    expect(li.brk).toBe(0x603000);
    expect(mem.vmas.find((v) => v.start === 0x600000)?.name).toBe('');
  });

  it('rejects an AT_RANDOM that is not 16 bytes', () => {
    expect(() => loadHello({ random: new Uint8Array(8) })).toThrow(/AT_RANDOM needs 16 bytes/);
  });
});

describe.runIf(haveGcc())('loadElf on a gcc static-pie', () => {
  it('maps it at the ET_DYN base with its program headers visible at AT_PHDR', () => {
    const src = join(TMP, 'start.c');
    writeFileSync(src, 'int v = 3; int z[64]; void _start(void) { z[1] = v; for (;;) {} }\n');
    const out = join(TMP, 'spie');
    execFileSync('gcc', ['-static-pie', '-nostdlib', '-fPIE', '-O2', '-o', out, src]);
    const img = parseElf(readFileSync(out), out);
    const mem = freshMem();
    const li = loadElf(mem, img, opts());
    expect(li.base).toBe(0x555555554000);
    expect(mem.protAt(li.entry) & PROT_EXEC).toBe(PROT_EXEC);
    const n = img.header.phnum * 56;
    expect(Buffer.compare(mem.readBytes(li.phdr, n), img.bytes.subarray(img.header.phoff, img.header.phoff + n))).toBe(0);
    expect(li.brk % 4096).toBe(0);
    const last = img.loads[img.loads.length - 1];
    expect(li.brk).toBe(pageUp(li.base + last.vaddr + last.memsz));
  });
});

// ---- the real kernel as the oracle ----------------------------------------------------------

const DUMP_C = `
#include <stdio.h>
int main(int argc, char **argv) {
  char **e = argv + argc + 1;
  unsigned long *a;
  for (int i = 0; i < argc; i++) printf("argv %lx\\n", (unsigned long)argv[i]);
  for (; *e; e++) printf("envp %lx\\n", (unsigned long)*e);
  for (a = (unsigned long *)(e + 1); a[0]; a += 2) printf("aux %lu %lx\\n", a[0], a[1]);
  printf("auxend %lx\\n", (unsigned long)(a + 2));
  FILE *f = fopen("/proc/self/maps", "r");
  char l[512];
  while (fgets(l, sizeof l, f)) fputs(l, stdout);
  return 0;
}
`;

/** Runs the dump program natively with ASLR off (setarch -R); null when that is not possible. */
function nativeDump(): { out: string; path: string } | null {
  try {
    const src = join(TMP, 'dump.c');
    writeFileSync(src, DUMP_C);
    execFileSync('musl-gcc', ['-static', '-O2', '-o', join(TMP, 'dump'), src]);
    const out = execFileSync('setarch', ['x86_64', '-R', 'env', '-i', 'A=1', 'BB=22', './dump', 'x', 'yy'],
      { cwd: TMP, encoding: 'utf8' });
    return { out, path: join(TMP, 'dump') };
  } catch {
    return null;
  }
}

describe('loadElf against Linux (setarch -R, so no randomization)', () => {
  const native = nativeDump();
  it.runIf(native !== null)('places strings, AT_RANDOM, AT_PLATFORM, the end of auxv, brk and segments identically', () => {
    if (native === null) return;
    const lines = native.out.split('\n');
    const vals = (tag: string): number[] => lines.filter((l) => l.startsWith(tag + ' ')).map((l) => parseInt(l.split(' ')[1], 16));
    const nativeAux = new Map(lines.filter((l) => l.startsWith('aux ')).map((l) => {
      const [, t, v] = l.split(' ');
      return [Number(t), parseInt(v, 16)] as [number, number];
    }));
    const img = parseElf(readFileSync(native.path), native.path);
    const mem = freshMem();
    const li = loadElf(mem, img, opts({ argv: ['./dump', 'x', 'yy'], envp: ['A=1', 'BB=22'], execfn: './dump' }));
    const v = readStack(mem, li.sp);
    expect(v.argvPtrs).toEqual(vals('argv'));
    expect(v.envpPtrs).toEqual(vals('envp'));
    expect(v.auxvEnd).toBe(vals('auxend')[0]);
    // Entries we emit carry Linux's values, except the CPU-dependent ones; Linux adds
    // AT_SYSINFO_EHDR (vDSO) and, since 6.3, AT_RSEQ_*: sp differs by those pairs only.
    for (const [t, val] of v.auxv) {
      if (t === AT_NULL || t === AT_HWCAP || t === AT_MINSIGSTKSZ || t === AT_UID || t === AT_EUID || t === AT_GID || t === AT_EGID) continue;
      expect([t, val]).toEqual([t, nativeAux.get(t)]);
    }
    const extra = [...nativeAux.keys()].filter((t) => !v.auxv.some(([u]) => u === t));
    expect(extra.every((t) => t === AT_SYSINFO_EHDR || t === 27 || t === 28)).toBe(true);
    // The brk Linux reports as [heap] start, and the binary's mappings with their permissions.
    const heap = lines.find((l) => l.endsWith('[heap]'));
    if (heap) expect(parseInt(heap.split('-')[0], 16)).toBe(li.brk);
    const maps = lines.filter((l) => l.endsWith(native.path)).map((l) => {
      const [range, perms] = l.split(/\s+/);
      const [s, e] = range.split('-').map((x) => parseInt(x, 16));
      return [s, e, (perms[0] === 'r' ? PROT_READ : 0) | (perms[1] === 'w' ? PROT_WRITE : 0) | (perms[2] === 'x' ? PROT_EXEC : 0)];
    });
    expect(mem.vmas.filter((m) => m.name === native.path).map((m) => [m.start, m.end, m.prot])).toEqual(maps);
    const stack = lines.find((l) => l.endsWith('[stack]'));
    expect(stack && parseInt(stack.split(/[-\s]/)[1], 16)).toBe(li.stackTop);
  });
});
