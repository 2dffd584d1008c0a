// Tests for src/loader/elf.ts: ELF validation (one row per malformed case, mutated from
// fixtures/bin/hello or synthesised here) and section/symbol parsing checked against readelf(1).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import elfy from 'elfy';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findSymbol, parseElf, type ElfImage } from '../../src/loader/elf.js';
import { LoadError } from '../../src/loader/errors.js';
import { loadElf } from '../../src/loader/load.js';
import { AddressSpace, PhysMem } from '../../src/cpu/memory.js';
import {
  EM_386, EM_AARCH64, EM_PPC64, EM_RISCV, EM_X86_64, ET_CORE, ET_DYN, ET_EXEC, ET_NONE, ET_REL,
  PF_R, PF_W, PF_X, PT_GNU_STACK, PT_INTERP, PT_LOAD, PT_NULL, PT_PHDR, PT_TLS, SHT_SYMTAB, STB_GLOBAL,
  STT_FUNC,
} from '../../src/musl-shim/abi/elf.js';

// ---- fixtures -------------------------------------------------------------------------------

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'exo-loader-elf-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function have(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HAVE_GCC = have('gcc');
const HAVE_READELF = have('readelf');

/** fixtures/bin/hello (a static musl hello); built into a temp dir when the fixture is absent. */
function helloPath(): string {
  const p = join(ROOT, 'fixtures/bin/hello');
  if (existsSync(p)) return p;
  const out = join(TMP, 'hello');
  if (!existsSync(out)) execFileSync('musl-gcc', ['-static', '-O2', '-o', out, join(ROOT, 'fixtures/src/hello.c')]);
  return out;
}

const NOLIBC_START = `
static int counter = 5;
int bssvar[100];
void _start(void) {
  counter += bssvar[3];
  __asm__ volatile("mov $60, %%eax; mov %0, %%edi; syscall" :: "r"(counter) : "rax", "rdi");
  for (;;) {}
}
`;

/** Compiles the no-libc _start program with extra gcc flags; returns its path. */
function buildNolibc(out: string, flags: string[]): string {
  const src = join(TMP, 'start.c');
  writeFileSync(src, NOLIBC_START);
  const p = join(TMP, out);
  execFileSync('gcc', [...flags, '-O2', '-o', p, src]);
  return p;
}

// ---- byte helpers ---------------------------------------------------------------------------

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

function rd64(b: Uint8Array, off: number): number {
  const dv = new DataView(b.buffer, b.byteOffset);
  return dv.getUint32(off, true) + dv.getUint32(off + 4, true) * 2 ** 32;
}

/** Offsets of program-header fields within one Elf64_Phdr. */
const P_TYPE = 0, P_FLAGS = 4, P_OFFSET = 8, P_VADDR = 16, P_FILESZ = 32, P_MEMSZ = 40;

/** File offset of program header i. */
function ph(b: Uint8Array, i: number): number {
  return rd64(b, 32) + i * 56;
}

/** Index of the n-th program header of a type. */
function phOfType(b: Uint8Array, type: number, n = 0): number {
  const phnum = b[56] | (b[57] << 8);
  for (let i = 0; i < phnum; i++) {
    if (new DataView(b.buffer, b.byteOffset).getUint32(ph(b, i), true) === type && n-- === 0) return i;
  }
  throw new Error(`no program header of type ${type}`);
}

interface SynthSeg {
  type?: number;
  flags: number;
  vaddr: number;
  data?: Uint8Array;
  memsz?: number;
  /** Explicit file range instead of placing `data`. */
  offset?: number;
  filesz?: number;
  align?: number;
}

interface SynthOpts {
  cls?: number;
  data?: number;
  type?: number;
  machine?: number;
  entry: number;
  segs: SynthSeg[];
}

/** A minimal ELF64 (no section headers): header, program headers, then each segment's bytes. */
function synth(o: SynthOpts): Uint8Array {
  const phoff = 64;
  let cursor = phoff + o.segs.length * 56;
  const placed = o.segs.map((s) => {
    if (s.offset !== undefined) return { off: s.offset, filesz: s.filesz ?? 0 };
    const data = s.data ?? new Uint8Array(0);
    const off = Math.ceil(cursor / 4096) * 4096 + (s.vaddr % 4096);
    cursor = off + data.length;
    return { off, filesz: data.length };
  });
  const b = new Uint8Array(Math.max(cursor, ...placed.map((p) => p.off + p.filesz)));
  b.set([0x7f, 0x45, 0x4c, 0x46, o.cls ?? 2, o.data ?? 1, 1, 0]);
  le16(b, 16, o.type ?? ET_EXEC);
  le16(b, 18, o.machine ?? EM_X86_64);
  le32(b, 20, 1);
  le64(b, 24, o.entry);
  le64(b, 32, phoff);
  le64(b, 40, 0); // e_shoff: no section headers
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
    le64(b, at + 48, s.align ?? 0x1000);
    if (s.data && s.offset === undefined) b.set(s.data, placed[i].off);
  });
  return b;
}

/** x86-64 code for exit(42): mov edi, 42; mov eax, 60; syscall. */
const EXIT42 = Uint8Array.of(0xbf, 42, 0, 0, 0, 0xb8, 60, 0, 0, 0, 0x0f, 0x05);

function tinyExec(extra: SynthSeg[] = [], over: Partial<SynthOpts> = {}): Uint8Array {
  return synth({ entry: 0x401000, segs: [{ flags: PF_R | PF_X, vaddr: 0x401000, data: EXIT42 }, ...extra], ...over });
}

function withInterp(b: Uint8Array, path: string): Uint8Array {
  const s = new TextEncoder().encode(path + '\0');
  const out = new Uint8Array(b.length + s.length);
  out.set(b);
  out.set(s, b.length);
  const i = phOfType(out, PT_GNU_STACK);
  le32(out, ph(out, i) + P_TYPE, PT_INTERP);
  le64(out, ph(out, i) + P_OFFSET, b.length);
  le64(out, ph(out, i) + 32, s.length);
  le64(out, ph(out, i) + 40, s.length);
  return out;
}

function loadErrorOf(f: () => unknown): LoadError {
  try {
    f();
  } catch (e) {
    if (e instanceof LoadError) return e;
    throw new Error(`expected a LoadError, got ${String(e)}`);
  }
  throw new Error('expected a LoadError, parse succeeded');
}

// ---- the malformed corpus -------------------------------------------------------------------

let HELLO: Uint8Array;

function mut(f: (b: Uint8Array) => void): () => Uint8Array {
  return () => {
    const b = HELLO.slice();
    f(b);
    return b;
  };
}

function phField(type: number, field: number, v: (old: number) => number, n = 0): () => Uint8Array {
  return mut((b) => {
    const at = ph(b, phOfType(b, type, n)) + field;
    le64(b, at, v(rd64(b, at)));
  });
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

type Case = [string, () => Uint8Array, RegExp];

const CASES: Case[] = [
  ['empty file', () => new Uint8Array(0), /^f: empty file, not an ELF executable$/],
  ['text file', () => enc('hello world\nthis is text\n'),
    /^f: not an ELF executable \(starts with 68 65 6c 6c, expected 7f 45 4c 46\)$/],
  ['shell script', () => enc('#!/bin/sh\necho hi\n'), /^f: script \(#!\/bin\/sh\), not an ELF executable$/],
  ['magic prefix only (3 bytes)', () => Uint8Array.of(0x7f, 0x45, 0x4c), /^f: truncated ELF header \(3 bytes, need 64\)$/],
  ['truncated header (10 bytes)', () => HELLO.slice(0, 10), /^f: truncated ELF header \(10 bytes, need 64\)$/],
  ['truncated header (63 bytes)', () => HELLO.slice(0, 63), /^f: truncated ELF header \(63 bytes, need 64\)$/],
  ['ELFCLASS32', mut((b) => { b[4] = 1; le16(b, 18, EM_386); }), /^f: 32-bit ELF \(i386\) is not supported, exo runs x86-64$/],
  ['invalid class 0', mut((b) => { b[4] = 0; }), /^f: invalid ELF class 0 \(e_ident\[EI_CLASS\]\)$/],
  ['invalid class 3', mut((b) => { b[4] = 3; }), /^f: invalid ELF class 3/],
  ['big-endian', mut((b) => { b[5] = 2; b[18] = 0; b[19] = EM_PPC64; }),
    /^f: big-endian ELF \(PowerPC64\) is not supported, exo runs x86-64$/],
  ['invalid data encoding', mut((b) => { b[5] = 0; }), /^f: invalid ELF data encoding 0/],
  ['e_ident version 0', mut((b) => { b[6] = 0; }), /^f: unsupported ELF version 0 in e_ident \(expected 1\)$/],
  ['e_version 2', mut((b) => le32(b, 20, 2)), /^f: unsupported ELF version 2 in e_version \(expected 1\)$/],
  ['ET_REL', mut((b) => le16(b, 16, ET_REL)), /^f: relocatable object file \(ET_REL\), not an executable: link it first$/],
  ['ET_CORE', mut((b) => le16(b, 16, ET_CORE)), /^f: core dump \(ET_CORE\), not an executable$/],
  ['ET_NONE', mut((b) => le16(b, 16, ET_NONE)), /^f: ELF file of type ET_NONE, not an executable$/],
  ['unknown e_type', mut((b) => le16(b, 16, 0xfe00)), /^f: unknown ELF type 0xfe00, not an executable$/],
  ['AArch64', mut((b) => le16(b, 18, EM_AARCH64)), /^f: AArch64 binary, exo runs x86-64$/],
  ['RISC-V', mut((b) => le16(b, 18, EM_RISCV)), /^f: RISC-V binary, exo runs x86-64$/],
  ['i386 machine in an ELF64', mut((b) => le16(b, 18, EM_386)), /^f: i386 binary, exo runs x86-64$/],
  ['unknown machine', mut((b) => le16(b, 18, 0x1234)), /^f: machine 4660 binary, exo runs x86-64$/],
  ['e_phentsize 32', mut((b) => le16(b, 54, 32)), /^f: bad program header size e_phentsize=32 \(expected 56\)$/],
  ['e_phnum 0', mut((b) => le16(b, 56, 0)), /^f: no program headers \(e_phnum=0\)$/],
  ['e_phnum 2000', mut((b) => le16(b, 56, 2000)), /^f: too many program headers \(e_phnum=2000, max 1170\)$/],
  ['e_phoff 0', mut((b) => le64(b, 32, 0)), /^f: no program header table \(e_phoff=0\)$/],
  ['program headers past the end', mut((b) => le64(b, 32, b.length - 100)),
    /^f: program headers \(offset 0x[0-9a-f]+, \d+ × 56 bytes\) extend past the end of the file \(\d+ bytes\)$/],
  ['e_phoff near 2^64', mut((b) => le64(b, 32, 2 ** 64 - 4096)), /^f: program headers .* extend past the end of the file/],
  ['PT_LOAD past the end (p_filesz)', phField(PT_LOAD, P_FILESZ, (v) => v + 0x100000, 1),
    /^f: segment 1 \(PT_LOAD at 0x[0-9a-f]+\): file range 0x[0-9a-f]+\+0x[0-9a-f]+ extends past the end of the file \(\d+ bytes, truncated\?\)$/],
  ['PT_LOAD past the end (p_offset)', phField(PT_LOAD, P_OFFSET, (v) => v + 0x1000000, 1), /extends past the end of the file/],
  ['truncated file', () => HELLO.slice(0, 0x1800), /^f: segment \d \(PT_LOAD at 0x[0-9a-f]+\): file range .* extends past the end of the file \(6144 bytes, truncated\?\)$/],
  ['p_filesz > p_memsz', phField(PT_LOAD, P_MEMSZ, () => 0x10, 1), /^f: segment 1 \(PT_LOAD at 0x[0-9a-f]+\): p_filesz 0x[0-9a-f]+ exceeds p_memsz 0x10$/],
  ['misaligned p_vaddr', phField(PT_LOAD, P_VADDR, (v) => v + 0x10, 1),
    /^f: segment 1 \(PT_LOAD at 0x[0-9a-f]+\): p_vaddr 0x[0-9a-f]+ and p_offset 0x[0-9a-f]+ differ modulo the page size \(4096\)$/],
  ['overlapping PT_LOADs', mut((b) => {
    // Move segment 2 down onto segment 1 (same page offset, so only the overlap is wrong).
    const s1 = ph(b, phOfType(b, PT_LOAD, 1));
    const s2 = ph(b, phOfType(b, PT_LOAD, 2));
    le64(b, s2 + P_VADDR, rd64(b, s1 + P_VADDR) + (rd64(b, s2 + P_OFFSET) % 4096));
  }), /^f: segments 1 and 2 \(PT_LOAD\) overlap: \[0x[0-9a-f]+, 0x[0-9a-f]+\) and \[0x[0-9a-f]+, 0x[0-9a-f]+\)$/],
  ['segment beyond the user address space', phField(PT_LOAD, P_VADDR, (v) => 0x7ffffffff000 + (v % 4096), 3),
    /^f: segment 3 \(PT_LOAD at 0x7ffffffff[0-9a-f]{3}\): ends at 0x[0-9a-f]+, beyond the user address space \(0x7ffffffff000\)$/],
  ['segment at address 0 (ET_EXEC)', phField(PT_LOAD, P_VADDR, () => 0, 0),
    /^f: segment 0 \(PT_LOAD at 0x0\): below the lowest mappable address 0x10000 \(vm.mmap_min_addr\)$/],
  ['entry in a non-executable segment', mut((b) => le64(b, 24, 0x400000)),
    /^f: entry point 0x400000 is not inside an executable segment \(PT_LOAD with PF_X\)$/],
  ['entry outside every segment', mut((b) => le64(b, 24, 0x10)), /^f: entry point 0x10 is not inside an executable segment/],
  ['entry in a PF_X segment turned RW', mut((b) => le32(b, ph(b, phOfType(b, PT_LOAD, 1)) + P_FLAGS, PF_R | PF_W)),
    /^f: entry point 0x[0-9a-f]+ is not inside an executable segment/],
  ['no PT_LOAD', mut((b) => {
    for (let n = 0; n < 4; n++) le32(b, ph(b, phOfType(b, PT_LOAD)) + P_TYPE, PT_NULL);
  }), /^f: no loadable segment \(PT_LOAD\)$/],
  ['every PT_LOAD empty', mut((b) => {
    for (let n = 0; n < 4; n++) {
      const at = ph(b, phOfType(b, PT_LOAD, n));
      le64(b, at + P_FILESZ, 0);
      le64(b, at + P_MEMSZ, 0);
    }
  }), /^f: no loadable segment \(every PT_LOAD has p_memsz=0\)$/],
  ['PT_INTERP (musl)', () => withInterp(HELLO, '/lib/ld-musl-x86_64.so.1'),
    /^f: dynamically linked binaries are not supported \(interpreter \/lib\/ld-musl-x86_64\.so\.1\)$/],
  ['PT_INTERP out of bounds', mut((b) => {
    const at = ph(b, phOfType(b, PT_GNU_STACK));
    le32(b, at + P_TYPE, PT_INTERP);
    le64(b, at + P_OFFSET, b.length + 10);
    le64(b, at + P_FILESZ, 20);
  }), /^f: dynamically linked binaries are not supported \(interpreter <unreadable PT_INTERP>\)$/],
  ['synthesised ELF32 (i386)', () => { const b = tinyExec(); b[4] = 1; le16(b, 18, EM_386); return b.slice(0, 52); },
    /^f: 32-bit ELF \(i386\) is not supported, exo runs x86-64$/],
  ['synthesised big-endian ELF64 (PowerPC64)', () => { const b = tinyExec(); b[5] = 2; b[18] = 0; b[19] = EM_PPC64; return b; },
    /^f: big-endian ELF \(PowerPC64\) is not supported/],
  ['synthesised AArch64', () => tinyExec([], { machine: EM_AARCH64 }), /^f: AArch64 binary, exo runs x86-64$/],
  ['synthesised PT_INTERP', () => {
    const b = tinyExec([{ type: PT_GNU_STACK, flags: PF_R | PF_W, vaddr: 0, offset: 0, filesz: 0 }]);
    return withInterp(b, '/lib64/ld-linux-x86-64.so.2');
  }, /^f: dynamically linked binaries are not supported \(interpreter \/lib64\/ld-linux-x86-64\.so\.2\)$/],
  ['synthesised overlapping segments', () => tinyExec([{ flags: PF_R | PF_W, vaddr: 0x401008, data: Uint8Array.of(1) }]),
    /^f: segments 0 and 1 \(PT_LOAD\) overlap/],
];

beforeAll(() => {
  HELLO = new Uint8Array(readFileSync(helloPath()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseElf rejects', () => {
  it.each(CASES)('%s', (_name, make, pattern) => {
    const err = loadErrorOf(() => parseElf(make(), 'f'));
    expect(err.message).toMatch(pattern);
    expect(err.message).not.toContain('\n');
    expect(err.file).toBe('f');
    expect(err.exitCode).toBe(126);
  });

  it('reports ENOEXEC for format errors and ENOENT for a missing interpreter', () => {
    expect(loadErrorOf(() => parseElf(enc('text'), 'f')).errno).toBe(8);
    expect(loadErrorOf(() => parseElf(withInterp(HELLO, '/lib/ld.so'), 'f')).errno).toBe(2);
  });

  it('turns an exception inside elfy into a one-line LoadError', () => {
    vi.spyOn(elfy.Parser.prototype, 'parseHeader').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'type')\n    at Parser.x");
    });
    const err = loadErrorOf(() => parseElf(HELLO, 'f'));
    expect(err.message).toBe("f: malformed ELF headers (Cannot read properties of undefined (reading 'type'))");
    expect(err.exitCode).toBe(126);
  });

  it.runIf(HAVE_GCC)('a real dynamically linked binary built by gcc', () => {
    const p = buildNolibc('dyn', ['-nostartfiles']);
    const err = loadErrorOf(() => parseElf(readFileSync(p), p));
    expect(err.message).toMatch(/: dynamically linked binaries are not supported \(interpreter \/lib.*ld-.*\.so\.\d\)$/);
    expect(err.exitCode).toBe(126);
  });
});

describe('parseElf accepts', () => {
  it('a static musl binary', () => {
    const img = parseElf(HELLO, 'hello');
    expect(img.header.type).toBe(ET_EXEC);
    expect(img.loads.length).toBeGreaterThan(0);
    expect(img.loads.every((p, i) => i === 0 || p.vaddr > img.loads[i - 1].vaddr)).toBe(true);
    expect(img.execStack).toBe(false);
    expect(img.warnings).toEqual([]);
    const main = findSymbol(img, 'main');
    expect(main?.type).toBe(STT_FUNC);
    expect(main?.bind).toBe(STB_GLOBAL);
    expect(img.sections.some((s) => s.name === '.symtab' && s.type === SHT_SYMTAB)).toBe(true);
  });

  it('an ELF without section headers (e_shoff = 0), which elfy.parse cannot read', () => {
    const b = HELLO.slice();
    le64(b, 40, 0);
    // elfy's full parse throws on this file (shared/DESIGN.md); we only use its header parsers.
    expect(() => (elfy as unknown as { parse(b: Buffer): unknown }).parse(Buffer.from(b))).toThrow(TypeError);
    const img = parseElf(b, 'noshdr');
    expect(img.sections).toEqual([]);
    expect(img.symbols).toEqual([]);
    expect(img.warnings).toEqual([]);
    expect(img.loads.length).toBe(parseElf(HELLO, 'hello').loads.length);
  });

  it.each<[string, (b: Uint8Array) => void, RegExp]>([
    ['e_shoff past the end', (b) => le64(b, 40, b.length + 64), /e_shoff 0x[0-9a-f]+ is past the end of the file/],
    ['e_shentsize 40', (b) => le16(b, 58, 40), /e_shentsize=40 \(expected 64\)/],
    ['e_shnum too large', (b) => le16(b, 60, 5000), /5000 headers at 0x[0-9a-f]+ extend past the end of the file/],
    ['e_shstrndx out of range', (b) => le16(b, 62, 900), /section names unavailable: bad e_shstrndx 900/],
  ])('malformed section headers as a warning: %s', (_n, f, warning) => {
    const b = HELLO.slice();
    f(b);
    const img = parseElf(b, 'hello');
    expect(img.warnings.join('\n')).toMatch(warning);
    expect(img.loads.length).toBeGreaterThan(0);
  });

  it('a minimal synthesised executable', () => {
    const img = parseElf(tinyExec(), 'tiny');
    expect(img.header.entry).toBe(0x401000);
    expect(img.loads).toHaveLength(1);
    expect(img.phdrVaddr).toBeNull();
    expect(img.warnings).toEqual(['program headers are not in any loaded segment: AT_PHDR will be 0']);
    expect(img.execStack).toBe(false);
  });

  it('PT_GNU_STACK with PF_X asks for an executable stack; PT_TLS and PT_PHDR are reported', () => {
    const img = parseElf(tinyExec([
      { type: PT_GNU_STACK, flags: PF_R | PF_W | PF_X, vaddr: 0, offset: 0, filesz: 0 },
      { type: PT_TLS, flags: PF_R, vaddr: 0x401000, offset: 0x1000, filesz: 4, memsz: 16 },
      { type: PT_PHDR, flags: PF_R, vaddr: 0x400040, offset: 64, filesz: 4 * 56 },
    ]), 'tiny');
    expect(img.execStack).toBe(true);
    expect(img.tls?.memsz).toBe(16);
    expect(img.phdrVaddr).toBe(0x400040);
  });

  it('a synthesised static-pie (ET_DYN at address 0, no PT_INTERP)', () => {
    const b = synth({
      type: ET_DYN, entry: 0x1000,
      segs: [
        { flags: PF_R, vaddr: 0, offset: 0, filesz: 64 + 2 * 56 },
        { flags: PF_R | PF_X, vaddr: 0x1000, data: EXIT42 },
      ],
    });
    const img = parseElf(b, 'spie');
    expect(img.header.type).toBe(ET_DYN);
    expect(img.phdrVaddr).toBe(64);
  });

  it.runIf(HAVE_GCC)('a real static-pie built with gcc -static-pie -nostdlib', () => {
    const p = buildNolibc('spie', ['-static-pie', '-nostdlib', '-fPIE']);
    const img = parseElf(readFileSync(p), p);
    expect(img.header.type).toBe(ET_DYN);
    expect(findSymbol(img, '_start')?.value).toBe(img.header.entry);
  });
});

// ---- readelf cross-check --------------------------------------------------------------------

const PT_NAMES: Record<string, number> = {
  NULL: 0, LOAD: 1, DYNAMIC: 2, INTERP: 3, NOTE: 4, SHLIB: 5, PHDR: 6, TLS: 7, GNU_EH_FRAME: 0x6474e550,
  GNU_STACK: 0x6474e551, GNU_RELRO: 0x6474e552, GNU_PROPERTY: 0x6474e553,
};
const SHT_NAMES: Record<string, number> = {
  NULL: 0, PROGBITS: 1, SYMTAB: 2, STRTAB: 3, RELA: 4, HASH: 5, DYNAMIC: 6, NOTE: 7, NOBITS: 8, REL: 9,
  DYNSYM: 11, INIT_ARRAY: 14, FINI_ARRAY: 15, PREINIT_ARRAY: 16, GROUP: 17, GNU_HASH: 0x6ffffff6,
  VERSYM: 0x6fffffff, VERNEED: 0x6ffffffe, VERDEF: 0x6ffffffd, X86_64_UNWIND: 0x70000001,
};
const SHF_LETTERS: Record<string, number> = {
  W: 0x1, A: 0x2, X: 0x4, M: 0x10, S: 0x20, I: 0x40, L: 0x80, O: 0x100, G: 0x200, T: 0x400, C: 0x800,
};
const STT_NAMES: Record<string, number> = { NOTYPE: 0, OBJECT: 1, FUNC: 2, SECTION: 3, FILE: 4, COMMON: 5, TLS: 6, IFUNC: 10 };
const STB_NAMES: Record<string, number> = { LOCAL: 0, GLOBAL: 1, WEAK: 2, UNIQUE: 10 };
const STV_NAMES: Record<string, number> = { DEFAULT: 0, INTERNAL: 1, HIDDEN: 2, PROTECTED: 3 };
const SHN_NAMES: Record<string, number> = { UND: 0, ABS: 0xfff1, COM: 0xfff2 };

function known<T>(table: Record<string, T>, key: string): T {
  const v = table[key];
  if (v === undefined) throw new Error(`readelf name not in the test's table: ${key}`);
  return v;
}

const num = (s: string): number => (s.startsWith('0x') ? parseInt(s, 16) : parseInt(s, 10));
const hexnum = (s: string): number => parseInt(s, 16);

function headerField(out: string, label: string): number {
  const m = out.match(new RegExp(`^\\s+${label}:\\s+(\\S+)`, 'm'));
  if (!m) throw new Error(`readelf: no ${label}`);
  return num(m[1]);
}

function flagLetters(flags: number): string {
  return Object.entries(SHF_LETTERS).filter(([, bit]) => flags & bit).map(([l]) => l).sort().join('');
}

function checkAgainstReadelf(path: string, img: ElfImage): void {
  const out = execFileSync('readelf', ['-hlSsW', path], { encoding: 'utf8' });
  const h = img.header;
  expect(h.entry).toBe(headerField(out, 'Entry point address'));
  expect(h.phoff).toBe(headerField(out, 'Start of program headers'));
  expect(h.shoff).toBe(headerField(out, 'Start of section headers'));
  expect(h.flags).toBe(headerField(out, 'Flags'));
  expect(h.ehsize).toBe(headerField(out, 'Size of this header'));
  expect(h.phentsize).toBe(headerField(out, 'Size of program headers'));
  expect(h.phnum).toBe(headerField(out, 'Number of program headers'));
  expect(h.shentsize).toBe(headerField(out, 'Size of section headers'));
  expect(h.shnum).toBe(headerField(out, 'Number of section headers'));
  expect(h.shstrndx).toBe(headerField(out, 'Section header string table index'));
  expect(out).toMatch(h.type === ET_DYN ? /Type:\s+DYN/ : /Type:\s+EXEC/);

  const phRe = /^\s+([A-Z_]+)\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) (.{3}) 0x([0-9a-f]+)$/gm;
  const phs = [...out.matchAll(phRe)];
  expect(phs.length).toBe(img.phdrs.length);
  phs.forEach((m, i) => {
    const p = img.phdrs[i];
    const flags = (m[7].includes('R') ? PF_R : 0) | (m[7].includes('W') ? PF_W : 0) | (m[7].includes('E') ? PF_X : 0);
    expect([p.type, p.offset, p.vaddr, p.paddr, p.filesz, p.memsz, p.flags, p.align]).toEqual([
      known(PT_NAMES, m[1]), hexnum(m[2]), hexnum(m[3]), hexnum(m[4]), hexnum(m[5]), hexnum(m[6]), flags, hexnum(m[8]),
    ]);
  });

  const shRe = /^\s+\[\s*(\d+)\] (.*?)\s+([A-Z_0-9]+)\s+([0-9a-f]{16}) ([0-9a-f]+) ([0-9a-f]+) ([0-9a-f]+) +([A-Za-z]*) +(\d+) +(\d+) +(\d+)$/gm;
  const shs = [...out.matchAll(shRe)];
  expect(shs.length).toBe(img.sections.length);
  shs.forEach((m, i) => {
    const s = img.sections[i];
    expect([s.index, s.name, s.type, s.addr, s.offset, s.size, s.entsize, flagLetters(s.flags), s.link, s.info, s.addralign])
      .toEqual([Number(m[1]), m[2], known(SHT_NAMES, m[3]), hexnum(m[4]), hexnum(m[5]), hexnum(m[6]), hexnum(m[7]),
        [...m[8]].sort().join(''), Number(m[9]), Number(m[10]), Number(m[11])]);
  });

  // Only the table we parse: .symtab.
  const symtab = out.split(/^Symbol table '/m).find((t) => t.startsWith('.symtab'));
  expect(symtab).toBeDefined();
  const syRe = /^\s+(\d+): ([0-9a-f]{16})\s+(\d+|0x[0-9a-f]+) (\S+)\s+(\S+)\s+(\S+)\s+(\S+) ?(.*)$/gm;
  const sys = [...(symtab ?? '').matchAll(syRe)].filter((m) => m[1] !== '0');
  expect(sys.length).toBe(img.symbols.length);
  expect(sys.length).toBeGreaterThan(0);
  sys.forEach((m, i) => {
    const s = img.symbols[i];
    expect([s.index, s.value, s.size, s.type, s.bind, s.visibility, s.shndx, s.name]).toEqual([
      Number(m[1]), hexnum(m[2]), num(m[3]), known(STT_NAMES, m[4]), known(STB_NAMES, m[5]), known(STV_NAMES, m[6]),
      SHN_NAMES[m[7]] ?? Number(m[7]), m[8],
    ]);
  });
}

describe.runIf(HAVE_READELF)('agrees with readelf -hlSsW', () => {
  it('on the static musl hello', () => {
    const p = helloPath();
    checkAgainstReadelf(p, parseElf(readFileSync(p), p));
  });

  it.runIf(HAVE_GCC)('on a gcc static-pie', () => {
    const p = buildNolibc('spie2', ['-static-pie', '-nostdlib', '-fPIE']);
    checkAgainstReadelf(p, parseElf(readFileSync(p), p));
  });
});

// ---- fuzzing: nothing but a LoadError may escape ----------------------------------------------

/** mulberry32: a small deterministic PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('parseElf and loadElf on mutated binaries', () => {
  it('either load or throw a one-line LoadError, never anything else', () => {
    const rnd = prng(0x5eed);
    // Frames are never released (AddressSpace.destroy walks the whole sparse page directory, ~15 ms).
    const phys = new PhysMem(256 * 1024 * 1024);
    const headerEnd = 64 + 56 * (HELLO[56] | (HELLO[57] << 8));
    const shoff = rd64(HELLO, 40);
    const counts = { loaded: 0, rejected: 0 };
    for (let iter = 0; iter < 1000; iter++) {
      let b = HELLO.slice();
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) {
        const r = rnd();
        const pos = r < 0.7 ? Math.floor(rnd() * headerEnd)
          : r < 0.9 ? shoff + Math.floor(rnd() * (b.length - shoff)) : Math.floor(rnd() * b.length);
        const v = rnd();
        b[pos] = v < 0.2 ? 0 : v < 0.4 ? 0xff : Math.floor(rnd() * 256);
      }
      if (rnd() < 0.05) b = b.slice(0, Math.floor(rnd() * b.length));
      let img;
      try {
        img = parseElf(b, 'fuzz');
      } catch (e) {
        expect(e, `iteration ${iter}`).toBeInstanceOf(LoadError);
        expect((e as LoadError).message).not.toContain('\n');
        counts.rejected++;
        continue;
      }
      const mem = new AddressSpace(phys);
      try {
        loadElf(mem, img, { argv: ['f'], envp: [], execfn: 'f', random: new Uint8Array(16), uid: 0, gid: 0, euid: 0, egid: 0 });
        counts.loaded++;
      } catch (e) {
        expect(e, `iteration ${iter} (load)`).toBeInstanceOf(LoadError);
        counts.rejected++;
      }
    }
    expect(counts.loaded).toBeGreaterThan(100);
    expect(counts.rejected).toBeGreaterThan(100);
  }, 30_000);
});
