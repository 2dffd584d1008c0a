// What every *at(2) syscall needs before the VFS: the caller, its namespace, the path argument
// (EFAULT, ENAMETOOLONG at PATH_MAX, ENOENT for ""), and the start directory a relative path
// resolves from (openat(2): AT_FDCWD is the cwd; a dirfd must be open (EBADF) and a directory
// (ENOTDIR); an absolute path ignores dirfd entirely).
import type { Thread } from '../../kernel/thread.js';
import * as E from '../../musl-shim/abi/errno.js';
import { AT_FDCWD, S_IFDIR, S_IFMT } from '../../musl-shim/abi/fcntl.js';
import { proc } from '../context.js';
import type { FdEntry } from '../fd_table.js';
import type { Caller } from './types.js';
import type { Vfs } from './vfs.js';

/** PATH_MAX including the NUL. */
export const PATH_MAX = 4096;

/** The caller record for the VFS. */
export function caller(t: Thread): Caller {
  return { proc: proc(t), tid: t.tid };
}

/** The namespace of t's process. */
export function nsOf(t: Thread): Vfs {
  return proc(t).fds.ns;
}

/** Reads a path argument as a latin1 string; -ENAMETOOLONG past PATH_MAX (faults propagate). */
export function pathArg(t: Thread, addr: number): string | number {
  const b = t.cpu.mem.readCString(addr, PATH_MAX);
  if (b === null) return -E.ENAMETOOLONG;
  return Buffer.from(b).toString('latin1');
}

/** Reads a path argument that must not be empty (-ENOENT). */
export function nonEmptyPath(t: Thread, addr: number): string | number {
  const p = pathArg(t, addr);
  return p === '' ? -E.ENOENT : p;
}

/** The fd's entry or -EBADF. */
export function fdEntry(t: Thread, fd: number): FdEntry | number {
  return proc(t).fds.get(fd) ?? -E.EBADF;
}

/** The directory a relative path starts from. */
export function startDir(t: Thread, dirfd: number, p: string): string | number {
  const pr = proc(t);
  if (p.charCodeAt(0) === 47) return '/';
  if (dirfd === AT_FDCWD) return pr.cwd;
  const e = pr.fds.get(dirfd);
  if (e === undefined) return -E.EBADF;
  const f = e.cap.obj;
  const st = f.stat();
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) !== S_IFDIR) return -E.ENOTDIR;
  const g = f.guestPath();
  return g ?? -E.ENOENT;
}
