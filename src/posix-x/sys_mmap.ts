// brk(2), mmap(2), munmap(2), mprotect(2), mremap(2), madvise(2), msync(2), mincore(2),
// memfd_create(2) over the AddressSpace page table. Anonymous memory is zero-filled lazily (the
// shared zero frame until first write). A file mapping holds a copy of the file's bytes; a
// MAP_SHARED one of a writable file is written back on msync, munmap, exit and exec, and is kept
// coherent with read(2)/write(2) on the same description (file_mappings below).
import type { Thread } from '../kernel/thread.js';
import { GuestFault, PAGE_SIZE, USER_LIMIT, PROT_READ, PROT_WRITE, type AddressSpace } from '../cpu/memory.js';
import * as E from '../musl-shim/abi/errno.js';
import {
  MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_PRIVATE, MAP_SHARED, MREMAP_FIXED, MREMAP_MAYMOVE,
  O_ACCMODE, O_RDWR, O_WRONLY,
} from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import type { FileDescription } from './vfs/file.js';
import { makeMemfd } from './vfs/memfd.js';

const PROT_MASK = 7;
const MAP_SHARED_VALIDATE = 3;
/** Flags mmap(2) knows (MAP_SHARED_VALIDATE rejects others with EOPNOTSUPP). */
const MAP_KNOWN = 0x3 | 0x10 | 0x20 | 0x100 | 0x800 | 0x1000 | 0x2000 | 0x4000 | 0x8000 | 0x10000 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0xfc000000;
export const MREMAP_DONTUNMAP = 4;
export const MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;
export const MADV_DONTNEED = 4, MADV_FREE = 8, MADV_REMOVE = 9;
/** Every advice value Linux 6.x accepts (include/uapi/asm-generic/mman-common.h). */
const MADV_KNOWN = new Set([0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 100, 101]);
/** memfd_create(2) flags. */
export const MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2, MFD_HUGETLB = 4, MFD_NOEXEC_SEAL = 8, MFD_EXEC = 0x10;

function pageUp(n: number): number {
  return Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
}

// ---- file mappings -------------------------------------------------------------------------

/** One file-backed range of an address space. */
interface FileMapping {
  mem: AddressSpace;
  start: number;
  end: number;
  file: FileDescription;
  /** File offset of `start`. */
  off: number;
  /** MAP_SHARED: changes reach the file. */
  shared: boolean;
  /** MAP_SHARED of a description opened O_RDWR (only those can have written pages). */
  writable: boolean;
}

const byMem = new WeakMap<AddressSpace, FileMapping[]>();
/** Descriptions with shared mappings somewhere (read/write keep them coherent). */
const sharedFiles = new Map<FileDescription, Set<FileMapping>>();

function mappingsOf(mem: AddressSpace): FileMapping[] {
  let l = byMem.get(mem);
  if (l === undefined) { l = []; byMem.set(mem, l); }
  return l;
}

function register(fm: FileMapping): void {
  fm.file.refs++; // a mapping keeps its file open (mmap(2): closing the fd does not unmap)
  mappingsOf(fm.mem).push(fm);
  if (fm.shared) {
    let s = sharedFiles.get(fm.file);
    if (s === undefined) { s = new Set(); sharedFiles.set(fm.file, s); }
    s.add(fm);
  }
}

function unregister(fm: FileMapping): void {
  const l = byMem.get(fm.mem);
  if (l !== undefined) { const k = l.indexOf(fm); if (k >= 0) l.splice(k, 1); }
  const s = sharedFiles.get(fm.file);
  if (s !== undefined) { s.delete(fm); if (s.size === 0) sharedFiles.delete(fm.file); }
  fm.file.release();
}

/** Writes changed pages of [from, to) of a shared mapping back to its file (within its size). */
function writeBack(fm: FileMapping, from: number, to: number): void {
  if (!fm.writable) return;
  const size = fm.file.size();
  const page = new Uint8Array(PAGE_SIZE), cur = new Uint8Array(PAGE_SIZE);
  for (let a = Math.max(from, fm.start); a < Math.min(to, fm.end); a += PAGE_SIZE) {
    const pos = fm.off + (a - fm.start);
    const n = Math.min(PAGE_SIZE, size - pos);
    if (n <= 0) break;
    try {
      fm.mem.readBytes(a, n, page.subarray(0, n));
    } catch (e) {
      // DIVERGES: a page made PROT_NONE after it was written is not written back.
      if (e instanceof GuestFault) continue;
      throw e;
    }
    const got = fm.file.read(cur.subarray(0, n), pos);
    let same = got === n;
    for (let k = 0; same && k < n; k++) if (page[k] !== cur[k]) same = false;
    if (!same) fm.file.write(page.subarray(0, n), pos);
  }
}

/** Copies the file's bytes into [from, to) of a mapping (ignoring page protections). */
function fill(fm: FileMapping, from: number, to: number): void {
  const size = fm.file.size();
  const pos = fm.off + (from - fm.start);
  const n = Math.max(0, Math.min(to - from, size - pos));
  if (n === 0) return;
  const buf = new Uint8Array(n);
  const got = fm.file.read(buf, pos);
  if (got > 0) fm.mem.pokeBytes(from, buf.subarray(0, got));
}

/** Before read(2) of a description: shared mappings' changes become visible in the file. */
export function beforeFileRead(f: FileDescription): void {
  const s = sharedFiles.get(f);
  if (s !== undefined) for (const fm of s) writeBack(fm, fm.start, fm.end);
}

/** After write(2) to a description: its shared mappings show the new bytes. */
export function afterFileWrite(f: FileDescription): void {
  const s = sharedFiles.get(f);
  if (s !== undefined) for (const fm of s) fill(fm, fm.start, fm.end);
}

/** munmap(2) semantics for the file mappings of [start, end): written back, cut, released. */
function cutMappings(mem: AddressSpace, start: number, end: number): void {
  const l = byMem.get(mem);
  if (l === undefined) return;
  for (const fm of [...l]) {
    if (fm.end <= start || fm.start >= end) continue;
    if (fm.shared) writeBack(fm, start, end);
    unregister(fm);
    if (fm.start < start) register({ ...fm, end: start });
    if (fm.end > end) register({ ...fm, start: end, off: fm.off + (end - fm.start) });
  }
}

/** Exit or exec: every shared mapping of the address space is written back and released. */
export function releaseSharedMappings(mem: AddressSpace): void {
  const l = byMem.get(mem);
  if (l === undefined) return;
  for (const fm of [...l]) {
    if (fm.shared) writeBack(fm, fm.start, fm.end);
    unregister(fm);
  }
  byMem.delete(mem);
}

/** fork(2): the child's address space has the same file mappings (call after mem.fork()). */
export function forkFileMappings(parent: AddressSpace, child: AddressSpace): void {
  const l = byMem.get(parent);
  if (l !== undefined) for (const fm of [...l]) register({ ...fm, mem: child });
}

// ---- syscalls ------------------------------------------------------------------------------

/** brk(2): returns the new break, or the old one when the request cannot be met. */
export function sysBrk(t: Thread, a: SyscallArgs): SysResult {
  const want = a.ptr(0);
  const m = t.cpu.mem;
  if (want < m.brkStart) return m.brk;
  const oldTop = pageUp(m.brk), newTop = pageUp(want);
  if (newTop > oldTop) {
    // Refuse to run into another mapping (Linux checks the gap too).
    for (const v of m.vmas) if (v.start < newTop && v.end > oldTop) return m.brk;
    m.map(oldTop, newTop - oldTop, PROT_READ | PROT_WRITE, '[heap]');
  } else if (newTop < oldTop) m.unmap(newTop, oldTop - newTop);
  m.brk = want;
  return want;
}

/** mmap(2). */
export function sysMmap(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1), prot = a.i32(2), flags = a.i32(3), fd = a.i32(4), offset = a.i64(5);
  const m = t.cpu.mem;
  if (length === 0) return -E.EINVAL;
  if (offset % PAGE_SIZE !== 0 || offset < 0) return -E.EINVAL;
  const type = flags & 3;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== MAP_SHARED_VALIDATE) return -E.EINVAL;
  if (type === MAP_SHARED_VALIDATE && (flags & ~MAP_KNOWN)) return -E.EOPNOTSUPP;
  const shared = type !== MAP_PRIVATE;
  const len = pageUp(length);
  if (len > USER_LIMIT) return -E.ENOMEM;
  let file: FileDescription | null = null;
  if (!(flags & MAP_ANONYMOUS)) {
    const e = proc(t).fds.get(fd);
    if (e === undefined) return -E.EBADF;
    file = e.cap.obj;
    const st = file.stat();
    if (typeof st === 'number') return st;
    if ((st.mode & 0o170000) !== 0o100000) return -E.ENODEV;
    const mode = file.flags & O_ACCMODE;
    if (mode === O_WRONLY) return -E.EACCES;
    if (shared && (prot & PROT_WRITE) && mode !== O_RDWR) return -E.EACCES;
    if (offset + len > Number.MAX_SAFE_INTEGER) return -E.EOVERFLOW;
  }
  let where: number;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
    if (addr + len > USER_LIMIT) return -E.ENOMEM;
    if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED)) {
      for (const v of m.vmas) if (v.start < addr + len && v.end > addr) return -E.EEXIST;
    }
    where = addr;
  } else {
    where = m.findFree(len, addr % PAGE_SIZE === 0 ? addr : 0);
    if (where < 0) return -E.ENOMEM;
  }
  cutMappings(m, where, where + len); // MAP_FIXED over a file mapping unmaps it first
  if (file === null) {
    m.map(where, len, prot & PROT_MASK, '', shared);
    return where;
  }
  m.map(where, len, prot & PROT_MASK, file.path, shared);
  const fm: FileMapping = { mem: m, start: where, end: where + len, file, off: offset, shared, writable: shared && (file.flags & O_ACCMODE) === O_RDWR };
  // Filling gives every page within the file its own frame, so fork(2) shares rather than copies
  // a MAP_SHARED page; pages past the end of the file stay zero (Linux: SIGBUS there).
  fill(fm, where, where + len);
  register(fm);
  return where;
}

/** munmap(2). */
export function sysMunmap(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1);
  if (addr % PAGE_SIZE !== 0 || length === 0) return -E.EINVAL;
  const len = pageUp(length);
  if (addr + len > USER_LIMIT) return -E.EINVAL;
  cutMappings(t.cpu.mem, addr, addr + len);
  t.cpu.mem.unmap(addr, len);
  return 0;
}

/** mprotect(2). */
export function sysMprotect(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1), prot = a.i32(2);
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  if (prot & ~(PROT_MASK | 0x01000000 | 0x02000000)) return -E.EINVAL;
  const len = pageUp(length);
  if (len === 0) return 0;
  const l = byMem.get(t.cpu.mem);
  if (l !== undefined && (prot & PROT_WRITE)) {
    // A shared mapping of a file not opened for writing cannot become writable.
    for (const fm of l) if (fm.shared && !fm.writable && fm.start < addr + len && fm.end > addr) return -E.EACCES;
  }
  return t.cpu.mem.protect(addr, len, prot & PROT_MASK) ? 0 : -E.ENOMEM;
}

/** Moves [old, old+size) to dst page by page (contents and protections). */
function moveRange(m: AddressSpace, old: number, size: number, dst: number, prot: number, name: string, shared: boolean): void {
  m.map(dst, size, PROT_READ | PROT_WRITE, name, shared);
  const chunk = new Uint8Array(PAGE_SIZE);
  for (let off = 0; off < size; off += PAGE_SIZE) {
    const p = m.protAt(old + off);
    if (p < 0) continue;
    if (!(p & PROT_READ)) m.protect(old + off, PAGE_SIZE, PROT_READ);
    m.readBytes(old + off, PAGE_SIZE, chunk);
    m.pokeBytes(dst + off, chunk);
  }
  if (prot !== (PROT_READ | PROT_WRITE)) m.protect(dst, size, prot);
}

/** Moves the file mappings of [old, old+oldSize) along with their pages. */
function moveMappings(m: AddressSpace, old: number, oldSize: number, dst: number): void {
  const l = byMem.get(m);
  if (l === undefined) return;
  for (const fm of [...l]) {
    if (fm.end <= old || fm.start >= old + oldSize) continue;
    unregister(fm);
    const s = Math.max(fm.start, old), e = Math.min(fm.end, old + oldSize);
    if (fm.start < s) register({ ...fm, end: s });
    if (fm.end > e) register({ ...fm, start: e, off: fm.off + (e - fm.start) });
    register({ ...fm, start: dst + (s - old), end: dst + (e - old), off: fm.off + (s - fm.start) });
  }
}

/** mremap(2): shrink in place, grow in place when the gap is free, move with MREMAP_MAYMOVE
 *  (to new_address with MREMAP_FIXED; leaving the old range mapped with MREMAP_DONTUNMAP). */
export function sysMremap(t: Thread, a: SyscallArgs): SysResult {
  const old = a.ptr(0), oldSize = pageUp(a.size(1)), newSize = pageUp(a.size(2)), flags = a.i32(3), newAddr = a.ptr(4);
  const m = t.cpu.mem;
  if (old % PAGE_SIZE !== 0 || newSize === 0) return -E.EINVAL;
  if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) return -E.EINVAL;
  if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE)) return -E.EINVAL;
  if ((flags & MREMAP_DONTUNMAP) && oldSize !== newSize) return -E.EINVAL;
  if (flags & MREMAP_FIXED) {
    if (newAddr % PAGE_SIZE !== 0 || newAddr + newSize > USER_LIMIT) return -E.EINVAL;
    if (newAddr < old + Math.max(oldSize, 1) && old < newAddr + newSize) return -E.EINVAL;
  }
  // DIVERGES: old_size 0 (duplicating a shared mapping) is not supported.
  if (oldSize === 0) return -E.EINVAL;
  const vma = m.vmas.find((v) => v.start <= old && v.end > old);
  if (vma === undefined || !m.isMapped(old, oldSize)) return -E.EFAULT;
  const fm = byMem.get(m)?.find((x) => x.start <= old && x.end > old);
  if ((flags & MREMAP_DONTUNMAP) && (vma.shared || fm !== undefined)) return -E.EINVAL;
  if (!(flags & MREMAP_FIXED)) {
    if (newSize <= oldSize) {
      if (newSize < oldSize) { cutMappings(m, old + newSize, old + oldSize); m.unmap(old + newSize, oldSize - newSize); }
      return old;
    }
    const growFree = !m.vmas.some((v) => v.start < old + newSize && v.end > old + oldSize);
    if (growFree && old + newSize <= USER_LIMIT && !(flags & MREMAP_DONTUNMAP)) {
      m.map(old + oldSize, newSize - oldSize, vma.prot, vma.name, vma.shared);
      if (fm !== undefined && fm.end === old + oldSize) {
        unregister(fm);
        const grown = { ...fm, end: old + newSize };
        fill(grown, old + oldSize, old + newSize);
        register(grown);
      }
      return old;
    }
    if (!(flags & MREMAP_MAYMOVE)) return -E.ENOMEM;
  }
  let dst: number;
  if (flags & MREMAP_FIXED) {
    dst = newAddr;
    cutMappings(m, dst, dst + newSize);
    m.unmap(dst, newSize);
  } else {
    dst = m.findFree(newSize);
    if (dst < 0) return -E.ENOMEM;
  }
  const keep = Math.min(oldSize, newSize);
  moveRange(m, old, keep, dst, vma.prot, vma.name, vma.shared);
  if (newSize > keep) m.map(dst + keep, newSize - keep, vma.prot, vma.name, vma.shared);
  moveMappings(m, old, keep, dst);
  if (newSize > oldSize && fm !== undefined) {
    const moved = byMem.get(m)?.find((x) => x.file === fm.file && x.end === dst + keep);
    if (moved !== undefined) { unregister(moved); const g = { ...moved, end: dst + newSize }; fill(g, dst + keep, dst + newSize); register(g); }
  }
  if (oldSize > keep) cutMappings(m, old + keep, old + oldSize);
  m.unmap(old, oldSize);
  if (flags & MREMAP_DONTUNMAP) m.map(old, oldSize, vma.prot, vma.name, false);
  return dst;
}

/**
 * madvise(2): MADV_DONTNEED drops private pages (anonymous ones read back as zeros, private file
 * pages as the file's bytes again); shared pages keep their contents. Other advice is a hint.
 */
export function sysMadvise(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1), advice = a.i32(2);
  const m = t.cpu.mem;
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  if (!MADV_KNOWN.has(advice)) return -E.EINVAL;
  const len = pageUp(length);
  if (len === 0) return 0;
  const vmas = m.vmas.filter((x) => x.start < addr + len && x.end > addr);
  if (advice === MADV_REMOVE && vmas.some((v) => !v.shared)) return -E.EINVAL;
  if (advice === MADV_DONTNEED) {
    for (const v of vmas) {
      if (v.shared) continue;
      const s = Math.max(v.start, addr), e2 = Math.min(v.end, addr + len);
      m.map(s, e2 - s, v.prot, v.name, false);
      const fm = byMem.get(m)?.find((x) => x.start < e2 && x.end > s && !x.shared);
      if (fm !== undefined) fill(fm, Math.max(s, fm.start), Math.min(e2, fm.end));
    }
  }
  return m.isMapped(addr, len) ? 0 : -E.ENOMEM;
}

/** msync(2): writes the shared file mappings of the range back to their files. */
export function sysMsync(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1), flags = a.i32(2);
  const m = t.cpu.mem;
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) return -E.EINVAL;
  if ((flags & MS_ASYNC) && (flags & MS_SYNC)) return -E.EINVAL;
  const len = pageUp(length);
  if (len === 0) return 0;
  if (!m.isMapped(addr, len)) return -E.ENOMEM;
  const l = byMem.get(m);
  if (l !== undefined) for (const fm of l) if (fm.shared && fm.start < addr + len && fm.end > addr) writeBack(fm, addr, addr + len);
  return 0;
}

/** mincore(2): one byte per page. */
export function sysMincore(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1), vec = a.ptr(2);
  const m = t.cpu.mem;
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  const len = pageUp(length);
  if (addr + len > USER_LIMIT) return -E.ENOMEM;
  if (!m.isMapped(addr, len)) return -E.ENOMEM;
  // DIVERGES: every mapped page reports resident (1), touched or not.
  m.writeBytes(vec, new Uint8Array(len / PAGE_SIZE).fill(1));
  return 0;
}

/** memfd_create(2). */
export function sysMemfdCreate(t: Thread, a: SyscallArgs): SysResult {
  const uname = a.ptr(0), flags = a.u32(1);
  const known = MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | MFD_NOEXEC_SEAL | MFD_EXEC | (flags & MFD_HUGETLB ? 0xfc000000 : 0);
  if (flags & ~known) return -E.EINVAL;
  if ((flags & MFD_NOEXEC_SEAL) && (flags & MFD_EXEC)) return -E.EINVAL;
  const raw = t.cpu.mem.readCString(uname, 250);
  if (raw === null) return -E.EINVAL; // longer than NAME_MAX - strlen("memfd:")
  // DIVERGES: MFD_HUGETLB memfds are ordinary memfds.
  const f = makeMemfd(Buffer.from(raw).toString('latin1'), (flags & MFD_ALLOW_SEALING) !== 0 || (flags & MFD_NOEXEC_SEAL) !== 0);
  if (flags & MFD_NOEXEC_SEAL) f.inode.mode = 0o666;
  const fd = proc(t).fds.install(f, (flags & MFD_CLOEXEC) !== 0);
  if (fd < 0) f.release();
  return fd;
}


/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [9, sysMmap, 'hybrid', 'partial', ['ptr', 'size', 'hex', 'hex', 'fd', 'off'], 'shared file mappings are copies written back on msync/munmap/exit, synced on read/write'],
  [10, sysMprotect, 'fast', 'full', ['ptr', 'size', 'hex']],
  [11, sysMunmap, 'fast', 'full', ['ptr', 'size']],
  [12, sysBrk, 'fast', 'full', ['ptr']],
  [25, sysMremap, 'fast', 'partial', ['ptr', 'size', 'size', 'hex', 'ptr'], 'old_size 0 unsupported'],
  [26, sysMsync, 'hybrid', 'full', ['ptr', 'size', 'hex']],
  [27, sysMincore, 'fast', 'partial', ['ptr', 'size', 'ptr'], 'every mapped page reports resident'],
  [28, sysMadvise, 'fast', 'partial', ['ptr', 'size', 'int'], 'DONTNEED drops private pages; others are hints'],
  [319, sysMemfdCreate, 'hybrid', 'partial', ['str', 'hex'], 'MFD_HUGETLB ignored'],
];
