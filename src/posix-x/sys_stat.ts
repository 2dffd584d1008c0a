// stat(2), fstat(2), lstat(2), newfstatat(2), statx(2), statfs(2), fstatfs(2), access(2),
// faccessat(2), faccessat2(2), readlink(2), readlinkat(2) over the VFS.
import type { Thread } from '../kernel/thread.js';
import { RIGHT_STAT } from '../kernel/capability.js';
import * as E from '../musl-shim/abi/errno.js';
import { AT_EACCESS, AT_EMPTY_PATH, AT_FDCWD, AT_NO_AUTOMOUNT, AT_SYMLINK_NOFOLLOW, S_IFLNK, S_IFMT } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { putU64, writeStat } from './guest_io.js';
import { caller, fdEntry, nonEmptyPath, nsOf, pathArg, startDir } from './vfs/at.js';
import type { StatInfo } from './vfs/file.js';
import { PathFile } from './vfs/path_file.js';
import { mayAccess } from './vfs/perm.js';
import { devMajor, devMinor, type StatFsInfo } from './vfs/types.js';

/** statx(2) mask bits and flags (include/uapi/linux/stat.h). */
export const STATX_BASIC_STATS = 0x7ff, STATX_MNT_ID = 0x1000, STATX__RESERVED = 0x80000000;
export const AT_STATX_SYNC_TYPE = 0x6000;
const STATX_SIZE = 256;
const STATFS_SIZE = 120;

/** The object an *at() call with AT_EMPTY_PATH and an empty path names: dirfd itself or the cwd. */
function statEmpty(t: Thread, dirfd: number): StatInfo | number {
  if (dirfd === AT_FDCWD) return nsOf(t).stat(caller(t), proc(t).cwd, '.', true);
  const e = fdEntry(t, dirfd);
  if (typeof e === 'number') return e;
  if (!e.cap.has(RIGHT_STAT)) return -E.EBADF;
  return e.cap.obj.stat();
}

/** Path argument of a stat call: "" (with AT_EMPTY_PATH, NULL too) means dirfd itself. */
function statTarget(t: Thread, dirfd: number, pathname: number, flags: number): StatInfo | number {
  let p: string | number;
  if (pathname === 0 && (flags & AT_EMPTY_PATH)) p = '';
  else p = pathArg(t, pathname);
  if (typeof p === 'number') return p;
  if (p === '') return (flags & AT_EMPTY_PATH) ? statEmpty(t, dirfd) : -E.ENOENT;
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).stat(caller(t), start, p, !(flags & AT_SYMLINK_NOFOLLOW));
}

function statAt(t: Thread, dirfd: number, pathname: number, flags: number, buf: number): SysResult {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) return -E.EINVAL;
  const st = statTarget(t, dirfd, pathname, flags);
  if (typeof st === 'number') return st;
  writeStat(t.cpu.mem, buf, st);
  return 0;
}

/** stat(2). */
export function sysStat(t: Thread, a: SyscallArgs): SysResult {
  return statAt(t, AT_FDCWD, a.ptr(0), 0, a.ptr(1));
}

/** lstat(2). */
export function sysLstat(t: Thread, a: SyscallArgs): SysResult {
  return statAt(t, AT_FDCWD, a.ptr(0), AT_SYMLINK_NOFOLLOW, a.ptr(1));
}

/** newfstatat(2). */
export function sysNewfstatat(t: Thread, a: SyscallArgs): SysResult {
  return statAt(t, a.i32(0), a.ptr(1), a.i32(3), a.ptr(2));
}

/** fstat(2). */
export function sysFstat(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1);
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  if (!e.cap.has(RIGHT_STAT)) return -E.EBADF;
  const st = e.cap.obj.stat();
  if (typeof st === 'number') return st;
  writeStat(t.cpu.mem, buf, st);
  return 0;
}

/** statx(2): the basic fields and the mount id. DIVERGES: no birth time, attributes or DIO alignment. */
export function sysStatx(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0), pathname = a.ptr(1), flags = a.i32(2), mask = a.u32(3), buf = a.ptr(4);
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)) return -E.EINVAL;
  if ((flags & AT_STATX_SYNC_TYPE) === AT_STATX_SYNC_TYPE) return -E.EINVAL;
  if (mask & STATX__RESERVED) return -E.EINVAL;
  const st = statTarget(t, dirfd, pathname, flags);
  if (typeof st === 'number') return st;
  const b = Buffer.alloc(STATX_SIZE);
  b.writeUInt32LE(STATX_BASIC_STATS | STATX_MNT_ID, 0);
  b.writeUInt32LE(st.blksize, 4);
  b.writeUInt32LE(st.nlink, 16);
  b.writeUInt32LE(st.uid >>> 0, 20);
  b.writeUInt32LE(st.gid >>> 0, 24);
  b.writeUInt16LE(st.mode & 0xffff, 28);
  b.writeBigUInt64LE(BigInt(st.ino), 32);
  b.writeBigUInt64LE(BigInt(st.size), 40);
  b.writeBigUInt64LE(BigInt(st.blocks), 48);
  const ts = (off: number, ns: bigint): void => {
    const sec = ns / 1000000000n;
    b.writeBigInt64LE(sec, off);
    b.writeUInt32LE(Number(ns - sec * 1000000000n), off + 8);
  };
  ts(64, st.atimeNs);
  ts(96, st.ctimeNs);
  ts(112, st.mtimeNs);
  b.writeUInt32LE(devMajor(st.rdev), 128);
  b.writeUInt32LE(devMinor(st.rdev), 132);
  b.writeUInt32LE(devMajor(st.dev), 136);
  b.writeUInt32LE(devMinor(st.dev), 140);
  b.writeBigUInt64LE(BigInt(st.dev), 144);
  t.cpu.mem.writeBytes(buf, b);
  return 0;
}

function writeStatfs(t: Thread, buf: number, s: StatFsInfo): void {
  const m = t.cpu.mem;
  m.writeBytes(buf, new Uint8Array(STATFS_SIZE));
  const f = [s.type, s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree];
  f.forEach((v, k) => putU64(m, buf + 8 * k, v));
  putU64(m, buf + 64, s.namelen);
  putU64(m, buf + 72, s.frsize);
  putU64(m, buf + 80, s.flags);
}

/** statfs(2). */
export function sysStatfs(t: Thread, a: SyscallArgs): SysResult {
  const pathname = a.ptr(0), buf = a.ptr(1);
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  const start = startDir(t, AT_FDCWD, p);
  if (typeof start === 'number') return start;
  const s = nsOf(t).statfs(caller(t), start, p);
  if (typeof s === 'number') return s;
  writeStatfs(t, buf, s);
  return 0;
}

/** fstatfs(2). */
export function sysFstatfs(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1);
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  const f = e.cap.obj;
  const s = f instanceof PathFile ? nsOf(t).statfsOf(f.mount, f.rel) : f.fstatfs();
  if (typeof s === 'number') return s;
  writeStatfs(t, buf, s);
  return 0;
}

function access(t: Thread, dirfd: number, pathname: number, mode: number, flags: number): SysResult {
  if (mode & ~7) return -E.EINVAL;
  if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -E.EINVAL;
  const p = pathArg(t, pathname);
  if (typeof p === 'number') return p;
  const real = !(flags & AT_EACCESS);
  if (p === '') {
    if (!(flags & AT_EMPTY_PATH)) return -E.ENOENT;
    const st = statEmpty(t, dirfd);
    if (typeof st === 'number') return st;
    return mayAccess(st, mode) ? 0 : -E.EACCES;
  }
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).access(caller(t), start, p, mode, !(flags & AT_SYMLINK_NOFOLLOW), real);
}

/** access(2): with the real user and group ids. */
export function sysAccess(t: Thread, a: SyscallArgs): SysResult {
  return access(t, AT_FDCWD, a.ptr(0), a.i32(1), 0);
}

/** faccessat(2) (the syscall has no flags argument). */
export function sysFaccessat(t: Thread, a: SyscallArgs): SysResult {
  return access(t, a.i32(0), a.ptr(1), a.i32(2), 0);
}

/** faccessat2(2). */
export function sysFaccessat2(t: Thread, a: SyscallArgs): SysResult {
  return access(t, a.i32(0), a.ptr(1), a.i32(2), a.i32(3));
}

function readlink(t: Thread, dirfd: number, pathname: number, buf: number, size: number): SysResult {
  if ((size | 0) <= 0 || size > 0x7fffffff) return -E.EINVAL;
  const p = pathArg(t, pathname);
  if (typeof p === 'number') return p;
  let target: string | number;
  if (p === '') {
    // readlinkat(fd, "") reads the symlink an O_PATH|O_NOFOLLOW fd refers to.
    if (dirfd === AT_FDCWD) return -E.ENOENT;
    const e = fdEntry(t, dirfd);
    if (typeof e === 'number') return e;
    const f = e.cap.obj;
    const st = f.stat();
    if (typeof st === 'number') return st;
    if (!(f instanceof PathFile) || (st.mode & S_IFMT) !== S_IFLNK) return -E.ENOENT;
    target = f.mount.be.readlink(f.rel, caller(t));
  } else {
    const start = startDir(t, dirfd, p);
    if (typeof start === 'number') return start;
    target = nsOf(t).readlink(caller(t), start, p);
  }
  if (typeof target === 'number') return target;
  const bytes = Buffer.from(target, 'latin1');
  const n = Math.min(bytes.length, size);
  t.cpu.mem.writeBytes(buf, bytes.subarray(0, n));
  return n;
}

/** readlink(2). */
export function sysReadlink(t: Thread, a: SyscallArgs): SysResult {
  return readlink(t, AT_FDCWD, a.ptr(0), a.ptr(1), a.i32(2));
}

/** readlinkat(2). */
export function sysReadlinkat(t: Thread, a: SyscallArgs): SysResult {
  return readlink(t, a.i32(0), a.ptr(1), a.ptr(2), a.i32(3));
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [4, sysStat, 'hybrid', 'full', ['str', 'ptr']],
  [5, sysFstat, 'hybrid', 'full', ['fd', 'ptr']],
  [6, sysLstat, 'hybrid', 'full', ['str', 'ptr']],
  [21, sysAccess, 'hybrid', 'full', ['str', 'oct']],
  [89, sysReadlink, 'hybrid', 'full', ['str', 'ptr', 'int']],
  [137, sysStatfs, 'hybrid', 'full', ['str', 'ptr']],
  [138, sysFstatfs, 'hybrid', 'full', ['fd', 'ptr']],
  [262, sysNewfstatat, 'hybrid', 'full', ['fd', 'str', 'ptr', 'hex']],
  [267, sysReadlinkat, 'hybrid', 'full', ['fd', 'str', 'ptr', 'int']],
  [269, sysFaccessat, 'hybrid', 'full', ['fd', 'str', 'oct']],
  [332, sysStatx, 'hybrid', 'partial', ['fd', 'str', 'hex', 'hex', 'ptr'], 'no birth time, attributes or DIO alignment'],
  [439, sysFaccessat2, 'hybrid', 'full', ['fd', 'str', 'oct', 'hex']],
];
