// brk(2), mmap(2), munmap(2), mprotect(2), mremap(2), madvise(2) over the AddressSpace page
// table. Anonymous memory is zero-filled lazily (the shared zero frame until first write).
import type { Thread } from '../kernel/thread.js';
import { PAGE_SIZE, USER_LIMIT, PROT_READ, PROT_WRITE } from '../cpu/memory.js';
import * as E from '../musl-shim/abi/errno.js';
import { MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_PRIVATE, MAP_SHARED, MREMAP_FIXED, MREMAP_MAYMOVE } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';

const PROT_MASK = 7;

function pageUp(n: number): number {
  return Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
}

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
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== 3) return -E.EINVAL;
  const len = pageUp(length);
  if (len > USER_LIMIT) return -E.ENOMEM;
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
  if (flags & MAP_ANONYMOUS) {
    m.map(where, len, prot & PROT_MASK, '', type === MAP_SHARED);
    return where;
  }
  // File mapping: a private copy of the file's bytes (MAP_SHARED write-back comes with the VFS).
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  const f = e.cap.obj;
  const st = f.stat();
  if (typeof st === 'number') return st;
  if ((st.mode & 0o170000) !== 0o100000) return -E.ENODEV;
  const buf = new Uint8Array(Math.max(0, Math.min(len, st.size - offset)));
  const n = buf.length > 0 ? f.read(buf, offset) : 0;
  if (n < 0) return n;
  m.map(where, len, prot & PROT_MASK, f.path, type === MAP_SHARED);
  if (n > 0) m.pokeBytes(where, buf.subarray(0, n));
  return where;
}

/** munmap(2). */
export function sysMunmap(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1);
  if (addr % PAGE_SIZE !== 0 || length === 0) return -E.EINVAL;
  const len = pageUp(length);
  if (addr + len > USER_LIMIT) return -E.EINVAL;
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
  return t.cpu.mem.protect(addr, len, prot & PROT_MASK) ? 0 : -E.ENOMEM;
}

/** mremap(2): shrink in place, grow in place when the gap is free, or move with MREMAP_MAYMOVE. */
export function sysMremap(t: Thread, a: SyscallArgs): SysResult {
  const old = a.ptr(0), oldSize = pageUp(a.size(1)), newSize = pageUp(a.size(2)), flags = a.i32(3);
  const m = t.cpu.mem;
  if (old % PAGE_SIZE !== 0 || newSize === 0) return -E.EINVAL;
  if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | 4)) return -E.EINVAL;
  if (flags & MREMAP_FIXED) return -E.EINVAL; // DIVERGES: MREMAP_FIXED not supported yet
  if (!m.isMapped(old, oldSize)) return -E.EFAULT;
  const vma = m.vmas.find((v) => v.start <= old && v.end > old);
  if (vma === undefined) return -E.EFAULT;
  if (newSize <= oldSize) {
    if (newSize < oldSize) m.unmap(old + newSize, oldSize - newSize);
    return old;
  }
  const growFree = !m.vmas.some((v) => v.start < old + newSize && v.end > old + oldSize);
  if (growFree && old + newSize <= USER_LIMIT) {
    m.map(old + oldSize, newSize - oldSize, vma.prot, vma.name, vma.shared);
    return old;
  }
  if (!(flags & MREMAP_MAYMOVE)) return -E.ENOMEM;
  const dst = m.findFree(newSize);
  if (dst < 0) return -E.ENOMEM;
  m.map(dst, newSize, PROT_READ | PROT_WRITE, vma.name, vma.shared);
  const chunk = new Uint8Array(PAGE_SIZE);
  for (let off = 0; off < oldSize; off += PAGE_SIZE) {
    if (m.protAt(old + off) & PROT_READ) {
      m.readBytes(old + off, PAGE_SIZE, chunk);
    } else {
      m.protect(old + off, PAGE_SIZE, PROT_READ);
      m.readBytes(old + off, PAGE_SIZE, chunk);
    }
    m.pokeBytes(dst + off, chunk);
  }
  m.unmap(old, oldSize);
  if (vma.prot !== (PROT_READ | PROT_WRITE)) m.protect(dst, newSize, vma.prot);
  return dst;
}

/** madvise(2): MADV_DONTNEED (4) on private anonymous memory gives back zero pages. */
export function sysMadvise(t: Thread, a: SyscallArgs): SysResult {
  const addr = a.ptr(0), length = a.size(1), advice = a.i32(2);
  const m = t.cpu.mem;
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  const len = pageUp(length);
  if (len > 0 && !m.isMapped(addr, len)) return -E.ENOMEM;
  if (advice === 4 && len > 0) {
    for (const v of m.vmas.filter((x) => x.start < addr + len && x.end > addr)) {
      if (v.shared || v.name !== '' && v.name !== '[heap]') continue;
      const s = Math.max(v.start, addr), e2 = Math.min(v.end, addr + len);
      m.map(s, e2 - s, v.prot, v.name, false);
    }
  }
  return 0;
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [9, sysMmap, 'hybrid', 'partial', ['ptr', 'size', 'hex', 'hex', 'fd', 'off'], 'MAP_SHARED files not written back'],
  [10, sysMprotect, 'fast', 'full', ['ptr', 'size', 'hex']],
  [11, sysMunmap, 'fast', 'full', ['ptr', 'size']],
  [12, sysBrk, 'fast', 'full', ['ptr']],
  [25, sysMremap, 'fast', 'partial', ['ptr', 'size', 'size', 'hex', 'ptr'], 'no MREMAP_FIXED'],
  [28, sysMadvise, 'fast', 'partial', ['ptr', 'size', 'int'], 'DONTNEED zeroes anonymous memory; others are hints'],
];
