// ELF64 executable validation (System V gABI "ELF Object File Format", elf(5)), with the checks
// Linux fs/binfmt_elf.c load_elf_binary() makes before it maps anything, plus a few of our own.
// elfy parses the ELF header and program headers (what it gets right); section headers and
// symbols are read here, tolerantly: a valid executable without them must still load.
import elfy from 'elfy';
import type { ElfyHeader, ElfyProgram } from 'elfy';
import { PAGE_SIZE } from '../cpu/memory.js';
import {
  EI_CLASS, EI_DATA, EI_NIDENT, EI_OSABI, EI_VERSION, ELF64_EHDR_SIZE, ELF64_PHDR_SIZE,
  ELF64_SHDR_SIZE, ELF64_SYM_SIZE, ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ELFDATA2MSB, ELFMAG,
  EM_386, EM_68K, EM_AARCH64, EM_ALPHA, EM_ARM, EM_BPF, EM_IA_64, EM_LOONGARCH, EM_MIPS, EM_PARISC,
  EM_PPC, EM_PPC64, EM_RISCV, EM_S390, EM_SH, EM_SPARC, EM_SPARCV9, EM_X86_64, EM_XTENSA,
  ET_CORE, ET_DYN, ET_EXEC, ET_NONE, ET_REL, EV_CURRENT, PF_X, PT_GNU_STACK, PT_INTERP, PT_LOAD,
  PT_PHDR, PT_TLS, SELFMAG, SHN_XINDEX, SHT_DYNSYM, SHT_NOBITS, SHT_STRTAB, SHT_SYMTAB,
} from '../musl-shim/abi/elf.js';
import { notExecutable, needsInterpreter } from './errors.js';

/** Highest user address + 1 a segment may reach (x86-64 TASK_SIZE with 4-level paging). */
export const TASK_SIZE = 0x7ffffffff000;
/** Lowest address Linux lets a process map (default vm.mmap_min_addr). */
export const MMAP_MIN_ADDR = 0x10000;
/** Most program headers Linux accepts (65536 / sizeof(Elf64_Phdr), binfmt_elf.c). */
export const MAX_PHNUM = Math.floor(65536 / ELF64_PHDR_SIZE);

/** The ELF header fields the loader and `analyze` use. */
export interface ElfHeader {
  osabi: number;
  type: number;
  machine: number;
  version: number;
  entry: number;
  phoff: number;
  shoff: number;
  flags: number;
  ehsize: number;
  phentsize: number;
  phnum: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
}

/** One program header (Elf64_Phdr); `index` is its position in the table. */
export interface ProgramHeader {
  index: number;
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  paddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

/** One section header (Elf64_Shdr) with its name resolved through .shstrtab. */
export interface SectionHeader {
  index: number;
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

/** One symbol (Elf64_Sym). `value` is the link-time address: add the load bias for ET_DYN. */
export interface ElfSymbol {
  index: number;
  name: string;
  value: number;
  size: number;
  type: number;
  bind: number;
  visibility: number;
  shndx: number;
}

/** A validated executable: everything the loader maps, plus sections and symbols when present. */
export interface ElfImage {
  /** The file as named by the caller (error messages, VMA names). */
  name: string;
  bytes: Uint8Array;
  header: ElfHeader;
  /** Every program header, in file order. */
  phdrs: ProgramHeader[];
  /** The PT_LOAD headers with a non-zero p_memsz, sorted by p_vaddr. */
  loads: ProgramHeader[];
  /** PT_TLS, or null. */
  tls: ProgramHeader | null;
  /** True when PT_GNU_STACK asks for an executable stack (PF_X). */
  execStack: boolean;
  /** Link-time address of the program headers in memory (AT_PHDR before the bias), or null. */
  phdrVaddr: number | null;
  sections: SectionHeader[];
  /** From .symtab (or .dynsym when there is no .symtab); empty when stripped. */
  symbols: ElfSymbol[];
  /** Problems that do not stop loading (malformed section headers, phdrs not in memory). */
  warnings: string[];
}

const MACHINE_NAMES: Record<number, string> = {
  [EM_SPARC]: 'SPARC', [EM_386]: 'i386', [EM_68K]: 'Motorola 68000', [EM_MIPS]: 'MIPS',
  [EM_PARISC]: 'PA-RISC', [EM_PPC]: 'PowerPC', [EM_PPC64]: 'PowerPC64', [EM_S390]: 'S/390',
  [EM_ARM]: 'ARM', [EM_SH]: 'SuperH', [EM_SPARCV9]: 'SPARC64', [EM_IA_64]: 'IA-64',
  [EM_X86_64]: 'x86-64', [EM_XTENSA]: 'Xtensa', [EM_AARCH64]: 'AArch64', [EM_RISCV]: 'RISC-V',
  [EM_BPF]: 'BPF', [EM_LOONGARCH]: 'LoongArch', [EM_ALPHA]: 'Alpha',
};

/** Human name of an e_machine value ("AArch64", or "machine 1234" when unknown). */
export function machineName(em: number): string {
  return MACHINE_NAMES[em] ?? `machine ${em}`;
}

const TYPE_PROBLEMS: Record<number, string> = {
  [ET_NONE]: 'ELF file of type ET_NONE, not an executable',
  [ET_REL]: 'relocatable object file (ET_REL), not an executable: link it first',
  [ET_CORE]: 'core dump (ET_CORE), not an executable',
};

function hex(n: number): string {
  return '0x' + n.toString(16);
}

function pageOffset(n: number): number {
  return n % PAGE_SIZE;
}

function u16(dv: DataView, off: number, le = true): number {
  return dv.getUint16(off, le);
}

function u32(dv: DataView, off: number): number {
  return dv.getUint32(off, true);
}

/** Unsigned 64-bit as a double: exact below 2^53, which covers every sane offset and address. */
function u64(dv: DataView, off: number): number {
  return dv.getUint32(off, true) + dv.getUint32(off + 4, true) * 2 ** 32;
}

function printable(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Validates e_ident and the fixed ELF header fields; throws a LoadError naming the problem. */
function checkIdent(b: Uint8Array, dv: DataView, name: string): void {
  if (b.length === 0) throw notExecutable(name, 'empty file, not an ELF executable');
  const head = b.subarray(0, Math.min(b.length, SELFMAG));
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== ELFMAG.charCodeAt(i)) {
      if (b[0] === 0x23 && b[1] === 0x21) {
        const line = new TextDecoder().decode(b.subarray(2, 130)).split('\n')[0].trim();
        throw notExecutable(name, `script (#!${line}), not an ELF executable`);
      }
      throw notExecutable(name,
        `not an ELF executable (starts with ${printable(b.subarray(0, 4))}, expected 7f 45 4c 46)`);
    }
  }
  if (b.length < EI_NIDENT) {
    throw notExecutable(name, `truncated ELF header (${b.length} bytes, need ${ELF64_EHDR_SIZE})`);
  }
  const cls = b[EI_CLASS];
  const data = b[EI_DATA];
  // e_machine is at offset 18 in both classes, in the file's own byte order.
  const em = b.length >= 20 && (data === ELFDATA2LSB || data === ELFDATA2MSB)
    ? ` (${machineName(u16(dv, 18, data === ELFDATA2LSB))})` : '';
  if (cls === ELFCLASS32) throw notExecutable(name, `32-bit ELF${em} is not supported, exo runs x86-64`);
  if (cls !== ELFCLASS64) throw notExecutable(name, `invalid ELF class ${cls} (e_ident[EI_CLASS])`);
  if (data === ELFDATA2MSB) throw notExecutable(name, `big-endian ELF${em} is not supported, exo runs x86-64`);
  if (data !== ELFDATA2LSB) throw notExecutable(name, `invalid ELF data encoding ${data} (e_ident[EI_DATA])`);
  if (b[EI_VERSION] !== EV_CURRENT) {
    throw notExecutable(name, `unsupported ELF version ${b[EI_VERSION]} in e_ident (expected ${EV_CURRENT})`);
  }
  if (b.length < ELF64_EHDR_SIZE) {
    throw notExecutable(name, `truncated ELF header (${b.length} bytes, need ${ELF64_EHDR_SIZE})`);
  }
  const type = u16(dv, 16);
  if (type !== ET_EXEC && type !== ET_DYN) {
    throw notExecutable(name, TYPE_PROBLEMS[type] ?? `unknown ELF type ${hex(type)}, not an executable`);
  }
  const machine = u16(dv, 18);
  if (machine !== EM_X86_64) throw notExecutable(name, `${machineName(machine)} binary, exo runs x86-64`);
  const version = u32(dv, 20);
  if (version !== EV_CURRENT) {
    throw notExecutable(name, `unsupported ELF version ${version} in e_version (expected ${EV_CURRENT})`);
  }
}

/** Runs one of elfy's parsers; any exception becomes a one-line LoadError, never a stack trace. */
function guarded<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw notExecutable(name, `malformed ELF headers (${why.split('\n')[0]})`);
  }
}

function toHeader(eh: ElfyHeader, b: Uint8Array, dv: DataView): ElfHeader {
  return {
    osabi: b[EI_OSABI],
    // elfy reports e_type and e_machine as names (undefined when unknown): read the numbers.
    type: u16(dv, 16),
    machine: u16(dv, 18),
    version: eh.version,
    entry: eh.entry,
    phoff: eh.phoff,
    shoff: eh.shoff,
    flags: eh.flags,
    ehsize: eh.ehsize,
    phentsize: eh.phentsize,
    phnum: eh.phnum,
    shentsize: eh.shentsize,
    shnum: eh.shnum,
    shstrndx: eh.shstrndx,
  };
}

/** Validates the program header table's geometry before anyone reads it. */
function checkPhdrTable(h: ElfHeader, len: number, name: string): void {
  if (h.phentsize !== ELF64_PHDR_SIZE) {
    throw notExecutable(name, `bad program header size e_phentsize=${h.phentsize} (expected ${ELF64_PHDR_SIZE})`);
  }
  if (h.phnum === 0) throw notExecutable(name, 'no program headers (e_phnum=0)');
  if (h.phnum > MAX_PHNUM) throw notExecutable(name, `too many program headers (e_phnum=${h.phnum}, max ${MAX_PHNUM})`);
  if (h.phoff === 0) throw notExecutable(name, 'no program header table (e_phoff=0)');
  const end = h.phoff + h.phnum * ELF64_PHDR_SIZE;
  if (end > len) {
    throw notExecutable(name,
      `program headers (offset ${hex(h.phoff)}, ${h.phnum} × ${ELF64_PHDR_SIZE} bytes) extend past the end of the file (${len} bytes)`);
  }
}

function toPhdrs(progs: ElfyProgram[], h: ElfHeader, dv: DataView): ProgramHeader[] {
  return progs.map((p, i) => {
    const at = h.phoff + i * ELF64_PHDR_SIZE;
    // elfy names p_type through a table (undefined for unknown types) and p_flags as a set of
    // letters: read those two words directly; every other field comes from elfy.
    return {
      index: i, type: u32(dv, at), flags: u32(dv, at + 4), offset: p.offset, vaddr: p.vaddr,
      paddr: p.paddr, filesz: p.filesz, memsz: p.memsz, align: p.align,
    };
  });
}

function describe(p: ProgramHeader): string {
  return `segment ${p.index} (PT_LOAD at ${hex(p.vaddr)})`;
}

/** Checks every PT_LOAD against the file and against each other; returns them sorted. */
function checkLoads(phdrs: ProgramHeader[], h: ElfHeader, len: number, name: string): ProgramHeader[] {
  const loads = phdrs.filter((p) => p.type === PT_LOAD);
  if (loads.length === 0) throw notExecutable(name, 'no loadable segment (PT_LOAD)');
  for (const p of loads) {
    if (p.filesz > 0 && p.offset + p.filesz > len) {
      throw notExecutable(name,
        `${describe(p)}: file range ${hex(p.offset)}+${hex(p.filesz)} extends past the end of the file (${len} bytes, truncated?)`);
    }
    if (p.filesz > p.memsz) {
      throw notExecutable(name, `${describe(p)}: p_filesz ${hex(p.filesz)} exceeds p_memsz ${hex(p.memsz)}`);
    }
    if (pageOffset(p.vaddr) !== pageOffset(p.offset)) {
      throw notExecutable(name,
        `${describe(p)}: p_vaddr ${hex(p.vaddr)} and p_offset ${hex(p.offset)} differ modulo the page size (${PAGE_SIZE})`);
    }
    if (p.vaddr + p.memsz > TASK_SIZE) {
      throw notExecutable(name, `${describe(p)}: ends at ${hex(p.vaddr + p.memsz)}, beyond the user address space (${hex(TASK_SIZE)})`);
    }
    if (h.type === ET_EXEC && p.memsz > 0 && p.vaddr - pageOffset(p.vaddr) < MMAP_MIN_ADDR) {
      throw notExecutable(name, `${describe(p)}: below the lowest mappable address ${hex(MMAP_MIN_ADDR)} (vm.mmap_min_addr)`);
    }
  }
  const sorted = loads.filter((p) => p.memsz > 0).sort((a, b) => a.vaddr - b.vaddr);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (b.vaddr < a.vaddr + a.memsz) {
      throw notExecutable(name,
        `segments ${a.index} and ${b.index} (PT_LOAD) overlap: [${hex(a.vaddr)}, ${hex(a.vaddr + a.memsz)}) and [${hex(b.vaddr)}, ${hex(b.vaddr + b.memsz)})`);
    }
  }
  if (sorted.length === 0) throw notExecutable(name, 'no loadable segment (every PT_LOAD has p_memsz=0)');
  const entry = h.entry;
  if (!sorted.some((p) => (p.flags & PF_X) !== 0 && entry >= p.vaddr && entry < p.vaddr + p.memsz)) {
    throw notExecutable(name, `entry point ${hex(entry)} is not inside an executable segment (PT_LOAD with PF_X)`);
  }
  return sorted;
}

function interpreterOf(p: ProgramHeader, b: Uint8Array): string {
  if (p.offset + p.filesz > b.length || p.filesz === 0) return '<unreadable PT_INTERP>';
  let s = b.subarray(p.offset, p.offset + p.filesz);
  const nul = s.indexOf(0);
  if (nul >= 0) s = s.subarray(0, nul);
  return new TextDecoder().decode(s);
}

/** Where the program headers are in memory, as Linux computes AT_PHDR (before the load bias). */
function findPhdrVaddr(phdrs: ProgramHeader[], loads: ProgramHeader[], h: ElfHeader): number | null {
  const pt = phdrs.find((p) => p.type === PT_PHDR);
  if (pt) return pt.vaddr;
  // fs/binfmt_elf.c (Linux 5.18+): the PT_LOAD whose file range holds e_phoff.
  const seg = loads.find((p) => p.offset <= h.phoff && h.phoff < p.offset + p.filesz);
  return seg ? h.phoff - seg.offset + seg.vaddr : null;
}

// ---- sections and symbols (our own parser; never fatal) -------------------------------------

function cString(table: Uint8Array, off: number, dec: TextDecoder): string {
  if (off >= table.length) return '';
  let end = table.indexOf(0, off);
  if (end < 0) end = table.length;
  return dec.decode(table.subarray(off, end));
}

function readSections(b: Uint8Array, dv: DataView, h: ElfHeader, warn: string[]): SectionHeader[] {
  if (h.shoff === 0) return [];
  if (h.shentsize !== ELF64_SHDR_SIZE) {
    warn.push(`section headers ignored: e_shentsize=${h.shentsize} (expected ${ELF64_SHDR_SIZE})`);
    return [];
  }
  if (h.shoff + ELF64_SHDR_SIZE > b.length) {
    warn.push(`section headers ignored: e_shoff ${hex(h.shoff)} is past the end of the file`);
    return [];
  }
  // Extended numbering (gABI): e_shnum = 0 and e_shstrndx = SHN_XINDEX defer to section 0.
  const shnum = h.shnum === 0 ? u64(dv, h.shoff + 32) : h.shnum;
  const shstrndx = h.shstrndx === SHN_XINDEX ? u32(dv, h.shoff + 40) : h.shstrndx;
  if (h.shoff + shnum * ELF64_SHDR_SIZE > b.length) {
    warn.push(`section headers ignored: ${shnum} headers at ${hex(h.shoff)} extend past the end of the file`);
    return [];
  }
  const out: SectionHeader[] = [];
  const nameOffs: number[] = [];
  for (let i = 0; i < shnum; i++) {
    const at = h.shoff + i * ELF64_SHDR_SIZE;
    nameOffs.push(u32(dv, at));
    out.push({
      index: i, name: '', type: u32(dv, at + 4), flags: u64(dv, at + 8), addr: u64(dv, at + 16),
      offset: u64(dv, at + 24), size: u64(dv, at + 32), link: u32(dv, at + 40), info: u32(dv, at + 44),
      addralign: u64(dv, at + 48), entsize: u64(dv, at + 56),
    });
  }
  const strtab = sectionData(b, out[shstrndx]);
  if (shstrndx !== 0 && strtab === null) warn.push(`section names unavailable: bad e_shstrndx ${shstrndx}`);
  if (strtab) {
    const dec = new TextDecoder();
    for (let i = 0; i < out.length; i++) out[i].name = cString(strtab, nameOffs[i], dec);
  }
  return out;
}

/** A section's bytes, or null when it has none in the file or they are out of bounds. */
function sectionData(b: Uint8Array, s: SectionHeader | undefined): Uint8Array | null {
  if (!s || s.type === SHT_NOBITS || s.offset + s.size > b.length) return null;
  return b.subarray(s.offset, s.offset + s.size);
}

function readSymbols(b: Uint8Array, dv: DataView, secs: SectionHeader[], warn: string[]): ElfSymbol[] {
  let tabs = secs.filter((s) => s.type === SHT_SYMTAB);
  if (tabs.length === 0) tabs = secs.filter((s) => s.type === SHT_DYNSYM);
  const out: ElfSymbol[] = [];
  const dec = new TextDecoder();
  for (const tab of tabs) {
    const data = sectionData(b, tab);
    const strSec = secs[tab.link];
    const names = strSec && strSec.type === SHT_STRTAB ? sectionData(b, strSec) : null;
    if (data === null || (tab.entsize !== 0 && tab.entsize !== ELF64_SYM_SIZE)) {
      warn.push(`symbols ignored: section ${tab.index} (${tab.name}) is malformed`);
      continue;
    }
    if (names === null) warn.push(`symbol names unavailable: section ${tab.index} (${tab.name}) has no string table`);
    const count = Math.floor(data.length / ELF64_SYM_SIZE);
    for (let i = 1; i < count; i++) { // entry 0 is the reserved null symbol
      const at = tab.offset + i * ELF64_SYM_SIZE;
      const info = b[at + 4];
      out.push({
        index: i, name: names ? cString(names, u32(dv, at), dec) : '', value: u64(dv, at + 8),
        size: u64(dv, at + 16), type: info & 0xf, bind: info >> 4, visibility: b[at + 5] & 3,
        shndx: u16(dv, at + 6),
      });
    }
  }
  return out;
}

// ---- entry point ----------------------------------------------------------------------------

/**
 * Parses and validates an x86-64 ELF executable. `name` is the path shown in messages and in
 * /proc/self/maps. Throws a LoadError with a one-line message (`<name>: <problem>`) for anything
 * Linux would refuse to exec or that exo cannot run; never any other exception.
 */
export function parseElf(bytes: Uint8Array, name: string): ElfImage {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkIdent(bytes, dv, name);
  // elfy reads a Buffer; this one shares the caller's memory.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parser = new elfy.Parser();
  const eh = guarded(name, () => parser.parseHeader(buf));
  const header = toHeader(eh, bytes, dv);
  checkPhdrTable(header, bytes.length, name);
  const progs = guarded(name, () => parser.parsePrograms(buf, eh));
  if (progs.length !== header.phnum) throw notExecutable(name, 'malformed program header table');
  const phdrs = toPhdrs(progs, header, dv);
  const interp = phdrs.find((p) => p.type === PT_INTERP);
  if (interp) throw needsInterpreter(name, interpreterOf(interp, bytes));
  const loads = checkLoads(phdrs, header, bytes.length, name);
  const warnings: string[] = [];
  const phdrVaddr = findPhdrVaddr(phdrs, loads, header);
  if (phdrVaddr === null) warnings.push('program headers are not in any loaded segment: AT_PHDR will be 0');
  const stack = phdrs.find((p) => p.type === PT_GNU_STACK);
  const sections = readSections(bytes, dv, header, warnings);
  return {
    name, bytes, header, phdrs, loads,
    tls: phdrs.find((p) => p.type === PT_TLS) ?? null,
    // x86-64 Linux: without PT_GNU_STACK the stack is not executable (no READ_IMPLIES_EXEC).
    execStack: stack !== undefined && (stack.flags & PF_X) !== 0,
    phdrVaddr, sections,
    symbols: readSymbols(bytes, dv, sections, warnings),
    warnings,
  };
}

/** The first symbol with this name, or undefined (stripped binaries have none). */
export function findSymbol(img: ElfImage, name: string): ElfSymbol | undefined {
  return img.symbols.find((s) => s.name === name);
}
