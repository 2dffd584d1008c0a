// Names in directories: unlink(2), unlinkat(2), rename(2), renameat(2), renameat2(2)
// (RENAME_NOREPLACE, RENAME_EXCHANGE), link(2), linkat(2) (AT_SYMLINK_FOLLOW, AT_EMPTY_PATH),
// symlink(2), symlinkat(2), mknod(2), mknodat(2) (FIFOs and regular files) over the VFS.
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import { AT_EMPTY_PATH, AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { rmdirAt } from './sys_dir.js';
import { caller, fdEntry, nonEmptyPath, nsOf, pathArg, startDir } from './vfs/at.js';
import { RENAME_EXCHANGE, RENAME_NOREPLACE, RENAME_WHITEOUT } from './vfs/vfs.js';

function unlinkAt(t: Thread, dirfd: number, pathname: number): SysResult {
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).unlink(caller(t), start, p);
}

/** unlink(2). */
export function sysUnlink(t: Thread, a: SyscallArgs): SysResult {
  return unlinkAt(t, AT_FDCWD, a.ptr(0));
}

/** unlinkat(2): AT_REMOVEDIR makes it rmdir(2). */
export function sysUnlinkat(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0), pathname = a.ptr(1), flags = a.i32(2);
  if (flags & ~AT_REMOVEDIR) return -E.EINVAL;
  return flags & AT_REMOVEDIR ? rmdirAt(t, dirfd, pathname) : unlinkAt(t, dirfd, pathname);
}

function renameAt(t: Thread, olddirfd: number, oldpath: number, newdirfd: number, newpath: number, flags: number): SysResult {
  if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) return -E.EINVAL;
  if ((flags & RENAME_NOREPLACE) && (flags & (RENAME_EXCHANGE | RENAME_WHITEOUT))) return -E.EINVAL;
  if ((flags & RENAME_EXCHANGE) && (flags & RENAME_WHITEOUT)) return -E.EINVAL;
  if (flags & RENAME_WHITEOUT) return -E.EINVAL; // DIVERGES: no whiteouts (overlayfs only)
  // As do_renameat2: the old name and its directory first, then the new name.
  const op = nonEmptyPath(t, oldpath);
  if (typeof op === 'number') return op;
  const os = startDir(t, olddirfd, op);
  if (typeof os === 'number') return os;
  const np = nonEmptyPath(t, newpath);
  if (typeof np === 'number') return np;
  const ns = startDir(t, newdirfd, np);
  if (typeof ns === 'number') return ns;
  return nsOf(t).rename(caller(t), os, op, ns, np, flags);
}

/** rename(2). */
export function sysRename(t: Thread, a: SyscallArgs): SysResult {
  return renameAt(t, AT_FDCWD, a.ptr(0), AT_FDCWD, a.ptr(1), 0);
}

/** renameat(2). */
export function sysRenameat(t: Thread, a: SyscallArgs): SysResult {
  return renameAt(t, a.i32(0), a.ptr(1), a.i32(2), a.ptr(3), 0);
}

/** renameat2(2). */
export function sysRenameat2(t: Thread, a: SyscallArgs): SysResult {
  return renameAt(t, a.i32(0), a.ptr(1), a.i32(2), a.ptr(3), a.u32(4));
}

function linkAt(t: Thread, olddirfd: number, oldpath: number, newdirfd: number, newpath: number, flags: number): SysResult {
  if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) return -E.EINVAL;
  // As do_linkat: the old object is looked up before the new name is read.
  const op = pathArg(t, oldpath);
  if (typeof op === 'number') return op;
  const ns = nsOf(t), c = caller(t);
  let old;
  if (op === '') {
    if (!(flags & AT_EMPTY_PATH)) return -E.ENOENT;
    if (olddirfd === AT_FDCWD) return -E.ENOENT;
    const e = fdEntry(t, olddirfd);
    if (typeof e === 'number') return e;
    old = { kind: 'desc' as const, desc: e.cap.obj };
  } else {
    const os = startDir(t, olddirfd, op);
    if (typeof os === 'number') return os;
    old = ns.resolve(c, os, op, { follow: (flags & AT_SYMLINK_FOLLOW) !== 0 });
    if (typeof old === 'number') return old;
  }
  const np = nonEmptyPath(t, newpath);
  if (typeof np === 'number') return np;
  const nstart = startDir(t, newdirfd, np);
  if (typeof nstart === 'number') return nstart;
  return ns.link(c, old, nstart, np);
}

/** link(2). */
export function sysLink(t: Thread, a: SyscallArgs): SysResult {
  return linkAt(t, AT_FDCWD, a.ptr(0), AT_FDCWD, a.ptr(1), 0);
}

/** linkat(2). */
export function sysLinkat(t: Thread, a: SyscallArgs): SysResult {
  return linkAt(t, a.i32(0), a.ptr(1), a.i32(2), a.ptr(3), a.i32(4));
}

function symlinkAt(t: Thread, target: number, newdirfd: number, linkpath: number): SysResult {
  const tg = nonEmptyPath(t, target);
  if (typeof tg === 'number') return tg;
  const p = nonEmptyPath(t, linkpath);
  if (typeof p === 'number') return p;
  const start = startDir(t, newdirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).symlink(caller(t), tg, start, p);
}

/** symlink(2). */
export function sysSymlink(t: Thread, a: SyscallArgs): SysResult {
  return symlinkAt(t, a.ptr(0), AT_FDCWD, a.ptr(1));
}

/** symlinkat(2). */
export function sysSymlinkat(t: Thread, a: SyscallArgs): SysResult {
  return symlinkAt(t, a.ptr(0), a.i32(1), a.ptr(2));
}

function mknodAt(t: Thread, dirfd: number, pathname: number, mode: number): SysResult {
  // may_mknod() judges the type before the path is read.
  const type = mode & 0o170000;
  if (type === 0o040000) return -E.EPERM;
  if (![0, 0o100000, 0o020000, 0o060000, 0o010000, 0o140000].includes(type)) return -E.EINVAL;
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  const perm = mode & 0o7777 & ~proc(t).umask;
  return nsOf(t).mknod(caller(t), start, p, type | perm);
}

/** mknod(2): FIFOs and regular files. */
export function sysMknod(t: Thread, a: SyscallArgs): SysResult {
  return mknodAt(t, AT_FDCWD, a.ptr(0), a.u32(1));
}

/** mknodat(2). */
export function sysMknodat(t: Thread, a: SyscallArgs): SysResult {
  return mknodAt(t, a.i32(0), a.ptr(1), a.u32(2));
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [82, sysRename, 'hybrid', 'full', ['str', 'str']],
  [86, sysLink, 'hybrid', 'full', ['str', 'str']],
  [87, sysUnlink, 'hybrid', 'full', ['str']],
  [88, sysSymlink, 'hybrid', 'full', ['str', 'str']],
  [133, sysMknod, 'hybrid', 'partial', ['str', 'oct', 'hex'], 'FIFOs and regular files; no device or socket nodes'],
  [259, sysMknodat, 'hybrid', 'partial', ['fd', 'str', 'oct', 'hex'], 'FIFOs and regular files; no device or socket nodes'],
  [263, sysUnlinkat, 'hybrid', 'full', ['fd', 'str', 'hex']],
  [264, sysRenameat, 'hybrid', 'full', ['fd', 'str', 'fd', 'str']],
  [265, sysLinkat, 'hybrid', 'full', ['fd', 'str', 'fd', 'str', 'hex']],
  [266, sysSymlinkat, 'hybrid', 'full', ['str', 'fd', 'str']],
  [316, sysRenameat2, 'hybrid', 'partial', ['fd', 'str', 'fd', 'str', 'hex'], 'no RENAME_WHITEOUT; EXCHANGE on host mounts is three renames'],
];
