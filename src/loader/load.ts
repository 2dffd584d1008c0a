// Maps a validated ELF executable into a fresh AddressSpace and builds the initial process stack
// exactly as Linux fs/binfmt_elf.c load_elf_binary() + create_elf_tables() and fs/exec.c
// (copy_strings) do, without randomization (deterministic). x86-64 psABI §3.4.1 "Initial Stack
// and Register State". No relocations: musl's rcrt1.o relocates a static-pie itself.
import { HWCAP } from '../cpu/cpuid.js';
import { AddressSpace, PAGE_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE } from '../cpu/memory.js';
import {
  AT_BASE, AT_CLKTCK, AT_EGID, AT_ENTRY, AT_EUID, AT_EXECFN, AT_FLAGS, AT_GID, AT_HWCAP, AT_HWCAP2,
  AT_MINSIGSTKSZ, AT_NULL, AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_PLATFORM, AT_RANDOM, AT_SECURE,
  AT_UID,
} from '../musl-shim/abi/auxv.js';
import { ELF64_PHDR_SIZE, ET_DYN, PF_R, PF_W, PF_X } from '../musl-shim/abi/elf.js';
import { TASK_SIZE, type ElfImage, type ProgramHeader } from './elf.js';
import { argListTooLong, notExecutable, outOfMemory } from './errors.js';

/** Top of the initial stack (x86-64 STACK_TOP = TASK_SIZE_LOW, no randomization). */
export const STACK_TOP = TASK_SIZE;
/** Size of the stack mapping (the default RLIMIT_STACK, 8 MiB). */
export const STACK_SIZE = 8 * 1024 * 1024;
/** x86-64 ELF_ET_DYN_BASE: DEFAULT_MAP_WINDOW / 3 * 2 (arch/x86/include/asm/elf.h). */
export const ELF_ET_DYN_BASE = Math.floor(TASK_SIZE / 3) * 2;
/** AT_PLATFORM string (arch/x86/include/asm/elf.h ELF_PLATFORM). */
export const ELF_PLATFORM = 'x86_64';
/** AT_CLKTCK: CLOCKS_PER_SEC as the kernel reports it (USER_HZ). */
export const CLOCKS_PER_SEC = 100;
/**
 * AT_MINSIGSTKSZ as Linux computes it (arch/x86/kernel/signal.c init_sigframe_size) for a CPU
 * with FXSR but no XSAVE, as ours: sizeof(rt_sigframe) 440 + 15 padding + 512 fxregs_state
 * + 63 XSAVE padding, rounded up to 16. musl's sysconf raises anything below MINSIGSTKSZ (2048).
 */
export const SIGFRAME_MIN_SIZE = 1040;
/** Longest single argument or environment string (MAX_ARG_STRLEN, 32 pages). */
export const MAX_ARG_STRLEN = 32 * PAGE_SIZE;
/** Most bytes of arguments + environment: a quarter of the 8 MiB stack limit (fs/exec.c). */
export const MAX_ARG_TOTAL = STACK_SIZE / 4;

/** What the caller provides about the new process. */
export interface LoadOptions {
  argv: string[];
  envp: string[];
  /** AT_EXECFN: the path as passed to execve. */
  execfn: string;
  /** The 16 AT_RANDOM bytes. */
  random: Uint8Array;
  uid: number;
  gid: number;
  euid: number;
  egid: number;
  /** AT_MINSIGSTKSZ; defaults to SIGFRAME_MIN_SIZE. Set it to the signal frame's real size. */
  minsigstksz?: number;
}

/** Where the image and stack landed. Addresses are guest virtual addresses. */
export interface LoadedImage {
  /** Initial rip: e_entry + base. */
  entry: number;
  /** Initial rsp, pointing at argc; 16-byte aligned. */
  sp: number;
  /** Load bias: 0 for ET_EXEC, where an ET_DYN's link address 0 landed otherwise. */
  base: number;
  /** AT_PHDR (0 when the program headers are not in memory). */
  phdr: number;
  /** Initial program break (page-aligned end of the highest segment). */
  brk: number;
  /** One past the highest stack address. */
  stackTop: number;
  /** Lowest address of the stack mapping. */
  stackBottom: number;
  /** The auxiliary vector as written, flat (type, value) pairs ending with AT_NULL (/proc/self/auxv). */
  auxv: number[];
  /** Start of the argument strings (mm->arg_start, /proc/self/cmdline). */
  argStart: number;
  /** End of the argument strings (mm->arg_end). */
  argEnd: number;
  /** Start of the environment strings (mm->env_start, /proc/self/environ). */
  envStart: number;
  /** End of the environment strings (mm->env_end). */
  envEnd: number;
}

function pageDown(n: number): number {
  return n - (n % PAGE_SIZE);
}

function pageUp(n: number): number {
  return pageDown(n + PAGE_SIZE - 1);
}

function hex(n: number): string {
  return '0x' + n.toString(16);
}

function protOf(flags: number): number {
  return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) | (flags & PF_X ? PROT_EXEC : 0);
}

/** Largest power-of-two p_align of the PT_LOADs, at least a page (binfmt_elf.c maximum_alignment). */
function maximumAlignment(loads: ProgramHeader[]): number {
  let a = 0;
  for (const p of loads) {
    const al = p.align;
    if (al > 0 && Number.isInteger(Math.log2(al))) a = Math.max(a, al);
  }
  return pageUp(a);
}

/**
 * Load bias of an image: 0 for ET_EXEC. For ET_DYN, Linux (since 4.13) loads a PIE with
 * PT_INTERP at ELF_ET_DYN_BASE and an ET_DYN without PT_INTERP (static-pie, ld.so) into the
 * mmap region (load_bias 0, top-down from mmap_base), moving only its brk to ELF_ET_DYN_BASE
 * (6.15+). DIVERGES: we load every ET_DYN at ELF_ET_DYN_BASE (aligned to the largest p_align),
 * as Linux does PIEs; the image then sits where Linux puts its brk, far from our mmap area, with
 * room for brk to grow right after it.
 */
export function loadBias(img: ElfImage): number {
  if (img.header.type !== ET_DYN) return 0;
  const align = maximumAlignment(img.loads);
  const base = align ? ELF_ET_DYN_BASE - (ELF_ET_DYN_BASE % align) : ELF_ET_DYN_BASE;
  const first = img.loads[0].vaddr;
  // An ET_DYN linked above the base (prelinked) stays at its link address.
  return first > base ? 0 : pageDown(base - first);
}

/** Maps the PT_LOAD pages with per-page protections: a page two segments share gets the union. */
function mapSegments(mem: AddressSpace, img: ElfImage, bias: number): void {
  const segs = img.loads;
  const cuts = new Set<number>();
  for (const p of segs) {
    cuts.add(pageDown(p.vaddr));
    if (p.filesz > 0) cuts.add(pageUp(p.vaddr + p.filesz));
    cuts.add(pageUp(p.vaddr + p.memsz));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i];
    const hi = points[i + 1];
    let prot = 0;
    let covered = false;
    let fileBacked = false;
    for (const p of segs) {
      if (pageDown(p.vaddr) > lo || pageUp(p.vaddr + p.memsz) < hi) continue;
      covered = true;
      prot |= protOf(p.flags);
      if (p.filesz > 0 && pageUp(p.vaddr + p.filesz) >= hi) fileBacked = true;
    }
    if (!covered) continue; // a hole between segments stays unmapped
    // Linux names file-backed pages after the binary; the bss pages past the file are anonymous.
    mem.map(lo + bias, hi - lo, prot, fileBacked ? img.name : '');
  }
}

/**
 * Fills the segments. The first page of a segment also shows the file bytes before p_vaddr (as an
 * mmap of the file would: the ELF header is visible at the base); then each segment's own bytes
 * are written, p_filesz from the file and zeros up to p_memsz in the partial page (the rest of
 * the bss is fresh zero pages). Writing segments last keeps a page shared by two segments right.
 */
function fillSegments(mem: AddressSpace, img: ElfImage, bias: number): void {
  const b = img.bytes;
  for (const p of img.loads) {
    const head = p.vaddr % PAGE_SIZE;
    if (p.filesz > 0 && head > 0) mem.pokeBytes(p.vaddr - head + bias, b.subarray(p.offset - head, p.offset));
  }
  for (const p of img.loads) {
    if (p.filesz > 0) mem.pokeBytes(p.vaddr + bias, b.subarray(p.offset, p.offset + p.filesz));
    const bssEnd = Math.min(p.vaddr + p.memsz, pageUp(p.vaddr + p.filesz));
    const zeros = bssEnd - (p.vaddr + p.filesz);
    if (zeros > 0) mem.pokeBytes(p.vaddr + p.filesz + bias, new Uint8Array(zeros));
  }
}

const enc = new TextEncoder();

function cstr(s: string): Uint8Array {
  const b = enc.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}

/** The argument and environment strings, NUL-terminated, checked against Linux's limits. */
interface ArgStrings {
  args: Uint8Array[];
  envs: Uint8Array[];
}

function encodeArgs(img: ElfImage, opts: LoadOptions): ArgStrings {
  // fs/exec.c (Linux 5.18+): an empty argv gets a single "" so argv[1] never walks into envp.
  const args = (opts.argv.length ? opts.argv : ['']).map(cstr);
  const envs = opts.envp.map(cstr);
  let total = 0;
  for (const s of [...args, ...envs]) {
    if (s.length > MAX_ARG_STRLEN) throw argListTooLong(img.name, `a string of ${s.length} bytes, max ${MAX_ARG_STRLEN}`);
    total += s.length + 8;
  }
  if (total > MAX_ARG_TOTAL) throw argListTooLong(img.name, `${total} bytes of arguments and environment, max ${MAX_ARG_TOTAL}`);
  if (opts.random.length !== 16) throw new Error(`exo: loader: AT_RANDOM needs 16 bytes, got ${opts.random.length}`);
  return { args, envs };
}

/**
 * Writes the initial stack and returns sp. Layout, from STACK_TOP down (create_elf_tables):
 * 8 zero bytes, execfn, envp strings, argv strings (so argv[0] is lowest), 16-byte alignment,
 * "x86_64", 16 random bytes, padding, then from sp up: argc, argv[], NULL, envp[], NULL, auxv.
 */
function buildStack(
  mem: AddressSpace, img: ElfImage, opts: LoadOptions, { args, envs }: ArgStrings, at: { entry: number; phdr: number },
): Omit<LoadedImage, 'entry' | 'base' | 'phdr' | 'brk' | 'stackBottom'> {
  // fs/exec.c: bprm->p starts one pointer below the top; then the filename, envp, argv.
  let p = STACK_TOP - 8;
  const execfn = cstr(opts.execfn);
  p -= execfn.length;
  const execfnAddr = p;
  const envAddrs = new Array<number>(envs.length);
  for (let i = envs.length - 1; i >= 0; i--) { p -= envs[i].length; envAddrs[i] = p; }
  const argAddrs = new Array<number>(args.length);
  for (let i = args.length - 1; i >= 0; i--) { p -= args[i].length; argAddrs[i] = p; }
  const argStart = p;
  const argEnd = envs.length ? envAddrs[0] : execfnAddr;

  p -= p % 16; // arch_align_stack without randomization
  const platform = cstr(ELF_PLATFORM);
  p -= platform.length;
  const platformAddr = p;
  p -= 16;
  const randomAddr = p;

  const auxv = [
    AT_MINSIGSTKSZ, opts.minsigstksz ?? SIGFRAME_MIN_SIZE, // ARCH_DLINFO (no vDSO: no AT_SYSINFO_EHDR)
    AT_HWCAP, HWCAP,
    AT_PAGESZ, PAGE_SIZE,
    AT_CLKTCK, CLOCKS_PER_SEC,
    AT_PHDR, at.phdr,
    AT_PHENT, ELF64_PHDR_SIZE,
    AT_PHNUM, img.header.phnum,
    AT_BASE, 0, // no interpreter
    AT_FLAGS, 0,
    AT_ENTRY, at.entry,
    AT_UID, opts.uid,
    AT_EUID, opts.euid,
    AT_GID, opts.gid,
    AT_EGID, opts.egid,
    AT_SECURE, 0,
    AT_RANDOM, randomAddr,
    AT_HWCAP2, 0,
    AT_EXECFN, execfnAddr,
    AT_PLATFORM, platformAddr,
    AT_NULL, 0,
  ];
  // STACK_ADD then STACK_ROUND: room for auxv and the argc/argv/envp words, rounded down to 16.
  const items = 1 + (args.length + 1) + (envs.length + 1);
  let sp = p - auxv.length * 8 - items * 8;
  sp -= sp % 16;

  // Everything from sp to the top is written as one block.
  const block = new Uint8Array(STACK_TOP - sp);
  const dv = new DataView(block.buffer);
  const put64 = (addr: number, v: number): void => {
    dv.setUint32(addr - sp, v % 2 ** 32, true);
    dv.setUint32(addr - sp + 4, Math.floor(v / 2 ** 32), true);
  };
  let w = sp;
  put64(w, args.length); w += 8;
  for (const a of argAddrs) { put64(w, a); w += 8; }
  w += 8; // argv NULL
  for (const e of envAddrs) { put64(w, e); w += 8; }
  w += 8; // envp NULL
  for (const v of auxv) { put64(w, v); w += 8; }
  for (let i = 0; i < args.length; i++) block.set(args[i], argAddrs[i] - sp);
  for (let i = 0; i < envs.length; i++) block.set(envs[i], envAddrs[i] - sp);
  block.set(execfn, execfnAddr - sp);
  block.set(platform, platformAddr - sp);
  block.set(opts.random, randomAddr - sp);
  mem.writeBytes(sp, block);
  return {
    sp, stackTop: STACK_TOP, auxv, argStart, argEnd,
    envStart: argEnd, envEnd: execfnAddr,
  };
}

/**
 * Loads a validated image into a fresh `mem`: maps and fills every PT_LOAD, sets the program
 * break, maps an 8 MiB '[stack]' below STACK_TOP and writes argc/argv/envp/auxv on it. Every
 * LoadError (E2BIG, ENOMEM, segments in the stack area) is raised before `mem` is touched.
 */
export function loadElf(mem: AddressSpace, img: ElfImage, opts: LoadOptions): LoadedImage {
  const strings = encodeArgs(img, opts);
  const bias = loadBias(img);
  const last = img.loads[img.loads.length - 1];
  const end = last.vaddr + last.memsz + bias;
  const stackBottom = STACK_TOP - STACK_SIZE;
  if (end > stackBottom) {
    throw notExecutable(img.name, `segments end at ${hex(end)}, inside the stack area [${hex(stackBottom)}, ${hex(STACK_TOP)})`);
  }
  // Mapping walks every page: refuse images larger than guest memory before doing so (a corrupt
  // p_memsz would otherwise take minutes). Linux fails such an exec with ENOMEM too.
  let pages = STACK_SIZE / PAGE_SIZE;
  for (const p of img.loads) pages += (pageUp(p.vaddr + p.memsz) - pageDown(p.vaddr)) / PAGE_SIZE;
  if (pages > mem.phys.frames) {
    throw outOfMemory(img.name, `segments and stack need ${Math.ceil(pages / 256)} MiB, guest memory is ${Math.floor(mem.phys.frames / 256)} MiB`);
  }
  mapSegments(mem, img, bias);
  fillSegments(mem, img, bias);
  const brk = pageUp(end);
  mem.brkStart = mem.brk = brk;
  mem.map(stackBottom, STACK_SIZE, PROT_READ | PROT_WRITE | (img.execStack ? PROT_EXEC : 0), '[stack]');
  const entry = img.header.entry + bias;
  const phdr = img.phdrVaddr === null ? 0 : img.phdrVaddr + bias;
  const st = buildStack(mem, img, opts, strings, { entry, phdr });
  return { entry, base: bias, phdr, brk, stackBottom, ...st };
}
