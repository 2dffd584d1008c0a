// open(2), openat(2), creat(2), close(2), lseek(2), fstat(2)/stat(2)/lstat(2)/newfstatat(2),
// dup(2)/dup2/dup3, fcntl(2), ioctl(2) on terminals, access(2)/faccessat(2), getcwd(2), chdir(2),
// readlink(2). Paths resolve against the host file system (the default view, like qemu-user);
// the full VFS with mounts and sandboxing is layered in vfs/.
import fs from 'node:fs';
import path from 'node:path';
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import {
  AT_EMPTY_PATH, AT_FDCWD, AT_SYMLINK_NOFOLLOW, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL,
  FD_CLOEXEC, FIOCLEX, FIONCLEX, O_APPEND, O_CLOEXEC, O_CREAT, O_NONBLOCK, O_TMPFILE, TCGETS, TIOCGWINSZ,
  O_ACCMODE, O_PATH, TIOCGPGRP, F_GETPIPE_SZ,
} from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { getPath, putCString, writeStat } from './guest_io.js';
import { fromHostStat, HostFile, type StatInfo } from './vfs/file.js';
import { hostErrno } from './vfs/host_errno.js';

/** Resolves a guest path relative to dirfd (AT_FDCWD = the cwd); returns -errno on error. */
export function resolveAt(t: Thread, dirfd: number, p: string): string | number {
  if (p.startsWith('/')) return p;
  let base: string;
  if (dirfd === AT_FDCWD) base = proc(t).cwd;
  else {
    const e = proc(t).fds.get(dirfd);
    if (e === undefined) return -E.EBADF;
    base = e.cap.obj.path;
  }
  return path.posix.join(base, p) || '/';
}

function hostPath(p: string): Buffer {
  return Buffer.from(p, 'latin1');
}

function openPath(t: Thread, dirfd: number, pathname: number, flags: number, mode: number): SysResult {
  const m = t.cpu.mem;
  const p = getPath(m, pathname);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  const full = resolveAt(t, dirfd, p);
  if (typeof full === 'number') return full;
  if ((flags & O_TMPFILE) === O_TMPFILE) return -E.EOPNOTSUPP;
  const special = openSpecial(t, full);
  if (special !== null) return special;
  let fd: number;
  try {
    fd = fs.openSync(hostPath(full), flags & ~O_CLOEXEC, (mode & ~proc(t).umask) & 0o7777);
  } catch (e) {
    return -hostErrno(e);
  }
  const file = new HostFile(fd, flags & ~(O_CLOEXEC | O_CREAT), full, true);
  const r = proc(t).fds.install(file, (flags & O_CLOEXEC) !== 0);
  if (r < 0) file.release();
  return r;
}

/** Paths that name the calling process's own objects (/dev/stdin, /proc/self/fd/N ...). */
function openSpecial(t: Thread, full: string): SysResult | null {
  const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(full) ?? /^\/dev\/(stdin|stdout|stderr)$/.exec(full);
  if (m === null) return null;
  const n = m[1] === 'stdin' ? 0 : m[1] === 'stdout' ? 1 : m[1] === 'stderr' ? 2 : Number(m[1]);
  const e = proc(t).fds.get(n);
  if (e === undefined) return -E.ENOENT;
  e.cap.obj.refs++;
  return proc(t).fds.install(e.cap.obj, false);
}

/** open(2). */
export function sysOpen(t: Thread, a: SyscallArgs): SysResult {
  return openPath(t, AT_FDCWD, a.ptr(0), a.i32(1), a.u32(2));
}

/** openat(2). */
export function sysOpenat(t: Thread, a: SyscallArgs): SysResult {
  return openPath(t, a.i32(0), a.ptr(1), a.i32(2), a.u32(3));
}

/** creat(2) = open(path, O_CREAT|O_WRONLY|O_TRUNC, mode). */
export function sysCreat(t: Thread, a: SyscallArgs): SysResult {
  return openPath(t, AT_FDCWD, a.ptr(0), 0o1101, a.u32(1));
}

/** close(2). */
export function sysClose(t: Thread, a: SyscallArgs): SysResult {
  return proc(t).fds.close(a.i32(0));
}

/** lseek(2). */
export function sysLseek(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), off = a.i64(1), whence = a.i32(2);
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  return e.cap.obj.lseek(off, whence);
}

function statPath(t: Thread, dirfd: number, pathname: number, flags: number, buf: number): SysResult {
  const m = t.cpu.mem;
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800)) return -E.EINVAL;
  const p = getPath(m, pathname);
  if (typeof p === 'number') return p;
  let st: StatInfo | number;
  if (p === '') {
    if (!(flags & AT_EMPTY_PATH)) return -E.ENOENT;
    if (dirfd === AT_FDCWD) st = hostStat(proc(t).cwd, false);
    else {
      const e = proc(t).fds.get(dirfd);
      if (e === undefined) return -E.EBADF;
      st = e.cap.obj.stat();
    }
  } else {
    const full = resolveAt(t, dirfd, p);
    if (typeof full === 'number') return full;
    st = hostStat(full, (flags & AT_SYMLINK_NOFOLLOW) !== 0);
  }
  if (typeof st === 'number') return st;
  writeStat(m, buf, st);
  return 0;
}

function hostStat(p: string, nofollow: boolean): StatInfo | number {
  try {
    return fromHostStat(nofollow ? fs.lstatSync(hostPath(p), { bigint: true }) : fs.statSync(hostPath(p), { bigint: true }));
  } catch (e) {
    return -hostErrno(e);
  }
}

/** fstat(2). */
export function sysFstat(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1);
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  const st = e.cap.obj.stat();
  if (typeof st === 'number') return st;
  writeStat(t.cpu.mem, buf, st);
  return 0;
}

/** stat(2). */
export function sysStat(t: Thread, a: SyscallArgs): SysResult {
  return statPath(t, AT_FDCWD, a.ptr(0), 0, a.ptr(1));
}

/** lstat(2). */
export function sysLstat(t: Thread, a: SyscallArgs): SysResult {
  return statPath(t, AT_FDCWD, a.ptr(0), AT_SYMLINK_NOFOLLOW, a.ptr(1));
}

/** newfstatat(2). */
export function sysNewfstatat(t: Thread, a: SyscallArgs): SysResult {
  return statPath(t, a.i32(0), a.ptr(1), a.i32(3), a.ptr(2));
}

/** dup(2). */
export function sysDup(t: Thread, a: SyscallArgs): SysResult {
  const e = proc(t).fds.get(a.i32(0));
  if (e === undefined) return -E.EBADF;
  e.cap.obj.refs++;
  const r = proc(t).fds.install(e.cap.obj, false, 0, e.cap.rights);
  if (r < 0) e.cap.obj.refs--;
  return r;
}

function dup3(t: Thread, oldfd: number, newfd: number, flags: number): SysResult {
  const fds = proc(t).fds;
  const e = fds.get(oldfd);
  if (e === undefined) return -E.EBADF;
  if (newfd < 0 || newfd >= fds.limit) return -E.EBADF;
  e.cap.obj.refs++;
  fds.installAt(newfd, { cap: e.cap, cloexec: (flags & O_CLOEXEC) !== 0 });
  return newfd;
}

/** dup2(2): same fd is a no-op that still validates oldfd. */
export function sysDup2(t: Thread, a: SyscallArgs): SysResult {
  const oldfd = a.i32(0), newfd = a.i32(1);
  if (oldfd === newfd) return proc(t).fds.get(oldfd) ? newfd : -E.EBADF;
  return dup3(t, oldfd, newfd, 0);
}

/** dup3(2). */
export function sysDup3(t: Thread, a: SyscallArgs): SysResult {
  const oldfd = a.i32(0), newfd = a.i32(1), flags = a.i32(2);
  if (flags & ~O_CLOEXEC) return -E.EINVAL;
  if (oldfd === newfd) return -E.EINVAL;
  return dup3(t, oldfd, newfd, flags);
}

/** fcntl(2): descriptor flags, status flags, F_DUPFD*. Record locks come with the VFS. */
export function sysFcntl(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), cmd = a.i32(1), arg = a.i64(2);
  const fds = proc(t).fds;
  const e = fds.get(fd);
  if (e === undefined) return -E.EBADF;
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: {
      if (arg < 0 || arg >= fds.limit) return -E.EINVAL;
      e.cap.obj.refs++;
      const r = fds.install(e.cap.obj, cmd === F_DUPFD_CLOEXEC, arg, e.cap.rights);
      if (r < 0) e.cap.obj.refs--;
      return r;
    }
    case F_GETFD: return e.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD: e.cloexec = (arg & FD_CLOEXEC) !== 0; return 0;
    case F_GETFL: return e.cap.obj.flags & ~O_CLOEXEC;
    case F_SETFL: {
      const f = e.cap.obj;
      const settable = O_APPEND | O_NONBLOCK | 0o20000 | 0o40000 | 0o1000000;
      f.flags = (f.flags & ~settable) | (arg & settable);
      return 0;
    }
    case F_GETPIPE_SZ: return -E.EINVAL;
  }
  return -E.EINVAL;
}

/** access(2) / faccessat(2): checked against the host with the host user's rights. */
export function sysAccess(t: Thread, a: SyscallArgs): SysResult {
  return access(t, AT_FDCWD, a.ptr(0), a.i32(1));
}

/** faccessat(2). */
export function sysFaccessat(t: Thread, a: SyscallArgs): SysResult {
  return access(t, a.i32(0), a.ptr(1), a.i32(2));
}

function access(t: Thread, dirfd: number, pathname: number, mode: number): SysResult {
  if (mode & ~7) return -E.EINVAL;
  const p = getPath(t.cpu.mem, pathname);
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  const full = resolveAt(t, dirfd, p);
  if (typeof full === 'number') return full;
  try { fs.accessSync(hostPath(full), mode); return 0; } catch (e) { return -hostErrno(e); }
}

/** getcwd(2): returns the length including the NUL. */
export function sysGetcwd(t: Thread, a: SyscallArgs): SysResult {
  const buf = a.ptr(0), size = a.size(1);
  const cwd = proc(t).cwd;
  const n = Buffer.byteLength(cwd, 'latin1') + 1;
  if (size < n) return -E.ERANGE;
  putCString(t.cpu.mem, buf, cwd);
  return n;
}

/** chdir(2). */
export function sysChdir(t: Thread, a: SyscallArgs): SysResult {
  const p = getPath(t.cpu.mem, a.ptr(0));
  if (typeof p === 'number') return p;
  if (p === '') return -E.ENOENT;
  const full = resolveAt(t, AT_FDCWD, p);
  if (typeof full === 'number') return full;
  const st = hostStat(full, false);
  if (typeof st === 'number') return st;
  if ((st.mode & 0o170000) !== 0o40000) return -E.ENOTDIR;
  proc(t).cwd = path.posix.normalize(full);
  return 0;
}

/** readlink(2) / readlinkat(2): /proc/self/exe names the guest program. */
export function sysReadlink(t: Thread, a: SyscallArgs): SysResult {
  return readlink(t, AT_FDCWD, a.ptr(0), a.ptr(1), a.size(2));
}

/** readlinkat(2). */
export function sysReadlinkat(t: Thread, a: SyscallArgs): SysResult {
  return readlink(t, a.i32(0), a.ptr(1), a.ptr(2), a.size(3));
}

function readlink(t: Thread, dirfd: number, pathname: number, buf: number, size: number): SysResult {
  const p = getPath(t.cpu.mem, pathname);
  if (typeof p === 'number') return p;
  if ((size | 0) <= 0) return -E.EINVAL;
  const full = resolveAt(t, dirfd, p);
  if (typeof full === 'number') return full;
  let target: Buffer;
  if (full === '/proc/self/exe' || full === `/proc/${t.process.pid}/exe`) target = Buffer.from(proc(t).exe, 'latin1');
  else {
    try { target = fs.readlinkSync(hostPath(full), { encoding: 'buffer' }); } catch (e) { return -hostErrno(e); }
  }
  const n = Math.min(target.length, size);
  t.cpu.mem.writeBytes(buf, target.subarray(0, n));
  return n;
}

void O_ACCMODE; void O_PATH;

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [2, sysOpen, 'hybrid', 'partial', ['str', 'hex', 'oct'], 'host paths; no O_TMPFILE'],
  [3, sysClose, 'hybrid', 'full', ['fd']],
  [4, sysStat, 'hybrid', 'full', ['str', 'ptr']],
  [5, sysFstat, 'hybrid', 'full', ['fd', 'ptr']],
  [6, sysLstat, 'hybrid', 'full', ['str', 'ptr']],
  [8, sysLseek, 'hybrid', 'full', ['fd', 'off', 'int']],
  [21, sysAccess, 'hybrid', 'full', ['str', 'oct']],
  [32, sysDup, 'hybrid', 'full', ['fd']],
  [33, sysDup2, 'hybrid', 'full', ['fd', 'fd']],
  [72, sysFcntl, 'hybrid', 'partial', ['fd', 'int', 'hex'], 'no record locks yet'],
  [79, sysGetcwd, 'hybrid', 'full', ['ptr', 'size']],
  [80, sysChdir, 'hybrid', 'full', ['str']],
  [85, sysCreat, 'hybrid', 'full', ['str', 'oct']],
  [89, sysReadlink, 'hybrid', 'full', ['str', 'ptr', 'size']],
  [257, sysOpenat, 'hybrid', 'partial', ['fd', 'str', 'hex', 'oct'], 'host paths; no O_TMPFILE'],
  [262, sysNewfstatat, 'hybrid', 'full', ['fd', 'str', 'ptr', 'hex']],
  [267, sysReadlinkat, 'hybrid', 'full', ['fd', 'str', 'ptr', 'size']],
  [269, sysFaccessat, 'hybrid', 'full', ['fd', 'str', 'oct']],
  [292, sysDup3, 'hybrid', 'full', ['fd', 'fd', 'hex']],
];
