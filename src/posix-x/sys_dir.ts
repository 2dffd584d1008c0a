// getdents64(2), getdents(2), mkdir(2), mkdirat(2), rmdir(2), chdir(2), fchdir(2), getcwd(2).
// A directory description lists its entries when read from offset 0 (opendir, rewinddir) and
// hands them out by index; the index is the d_off cookie telldir/seekdir use.
import type { Thread } from '../kernel/thread.js';
import { RIGHT_READDIR } from '../kernel/capability.js';
import * as E from '../musl-shim/abi/errno.js';
import { AT_FDCWD, AT_REMOVEDIR, S_IFDIR, S_IFMT } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { caller, fdEntry, nonEmptyPath, nsOf, startDir } from './vfs/at.js';
import type { FileDescription } from './vfs/file.js';
import type { DirEnt } from './vfs/types.js';

/** Directory listings taken at offset 0, per description. */
const listings = new WeakMap<FileDescription, DirEnt[]>();

/** Mount points whose directory does not exist below them are listed all the same. */
function withMountPoints(t: Thread, f: FileDescription, l: DirEnt[]): DirEnt[] {
  const g = f.guestPath();
  if (g === null) return l;
  const ns = nsOf(t);
  const extra = ns.mountNames(g).filter((n) => !l.some((d) => d.name === n));
  if (extra.length === 0) return l;
  const c = caller(t);
  return [...l, ...extra.map((name) => {
    const st = ns.at(c, g === '/' ? '/' + name : g + '/' + name);
    return { name, ino: typeof st === 'number' ? 0 : st.st.ino, type: 4 };
  })];
}

function getdents(t: Thread, fd: number, dirp: number, count: number, wide: boolean): SysResult {
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  const f = e.cap.obj;
  if (!e.cap.has(RIGHT_READDIR)) return -E.EBADF;
  let list = listings.get(f);
  if (list === undefined || f.offset === 0) {
    const l = f.dirEntries();
    if (typeof l === 'number') return l;
    list = withMountPoints(t, f, l);
    listings.set(f, list);
  }
  const cap = Math.min(count, 1 << 20);
  const out = Buffer.alloc(cap);
  let used = 0;
  let k = f.offset;
  for (; k < list.length; k++) {
    const d = list[k];
    const name = Buffer.from(d.name, 'latin1');
    // linux_dirent64: ino, off, reclen, type, name; linux_dirent: ino, off, reclen, name, pad, type.
    const reclen = wide ? (19 + name.length + 1 + 7) & ~7 : (18 + name.length + 2 + 7) & ~7;
    if (used + reclen > cap) break;
    out.writeBigUInt64LE(BigInt(d.ino), used);
    out.writeBigInt64LE(BigInt(k + 1), used + 8);
    out.writeUInt16LE(reclen, used + 16);
    if (wide) {
      out[used + 18] = d.type;
      name.copy(out, used + 19);
    } else {
      name.copy(out, used + 18);
      out[used + reclen - 1] = d.type;
    }
    used += reclen;
  }
  if (used === 0 && k < list.length) return -E.EINVAL;
  if (used > 0) t.cpu.mem.writeBytes(dirp, out.subarray(0, used));
  f.offset = k;
  return used;
}

/** getdents64(2). */
export function sysGetdents64(t: Thread, a: SyscallArgs): SysResult {
  return getdents(t, a.i32(0), a.ptr(1), a.u32(2), true);
}

/** getdents(2) (struct linux_dirent, d_type in the last byte). */
export function sysGetdents(t: Thread, a: SyscallArgs): SysResult {
  return getdents(t, a.i32(0), a.ptr(1), a.u32(2), false);
}

function mkdirAt(t: Thread, dirfd: number, pathname: number, mode: number): SysResult {
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).mkdir(caller(t), start, p, mode & 0o1777 & ~proc(t).umask);
}

/** mkdir(2). */
export function sysMkdir(t: Thread, a: SyscallArgs): SysResult {
  return mkdirAt(t, AT_FDCWD, a.ptr(0), a.u32(1));
}

/** mkdirat(2). */
export function sysMkdirat(t: Thread, a: SyscallArgs): SysResult {
  return mkdirAt(t, a.i32(0), a.ptr(1), a.u32(2));
}

/** rmdir(2) (also unlinkat(AT_REMOVEDIR), see sys_fsops.ts). */
export function rmdirAt(t: Thread, dirfd: number, pathname: number): SysResult {
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).rmdir(caller(t), start, p);
}

/** rmdir(2). */
export function sysRmdir(t: Thread, a: SyscallArgs): SysResult {
  return rmdirAt(t, AT_FDCWD, a.ptr(0));
}

/**
 * chdir(2). DIVERGES: the cwd is kept as a path, so renaming a directory above it is not followed
 * and a removed cwd cannot be reached through "." (getcwd(2) says ENOENT, as Linux does).
 */
export function sysChdir(t: Thread, a: SyscallArgs): SysResult {
  const p = nonEmptyPath(t, a.ptr(0));
  if (typeof p === 'number') return p;
  const start = startDir(t, AT_FDCWD, p);
  if (typeof start === 'number') return start;
  const r = nsOf(t).chdir(caller(t), start, p);
  if (typeof r === 'number') return r;
  proc(t).cwd = r;
  return 0;
}

/** fchdir(2): the directory an fd (O_PATH included) refers to. */
export function sysFchdir(t: Thread, a: SyscallArgs): SysResult {
  const e = fdEntry(t, a.i32(0));
  if (typeof e === 'number') return e;
  const f = e.cap.obj;
  const st = f.stat();
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) !== S_IFDIR) return -E.ENOTDIR;
  const g = f.guestPath();
  if (g === null) return -E.ENOENT;
  const r = nsOf(t).chdirLoc(caller(t), g);
  if (typeof r === 'number') return r;
  proc(t).cwd = r;
  return 0;
}

/** getcwd(2): the length including the NUL; ENOENT once the cwd was removed. */
export function sysGetcwd(t: Thread, a: SyscallArgs): SysResult {
  const buf = a.ptr(0), size = a.size(1);
  const cwd = proc(t).cwd;
  const here = nsOf(t).at(caller(t), cwd);
  if (typeof here === 'number') return -E.ENOENT;
  const b = Buffer.from(cwd + '\0', 'latin1');
  if (size < b.length) return -E.ERANGE;
  t.cpu.mem.writeBytes(buf, b);
  return b.length;
}

void AT_REMOVEDIR;

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [78, sysGetdents, 'hybrid', 'full', ['fd', 'ptr', 'uint']],
  [79, sysGetcwd, 'hybrid', 'full', ['ptr', 'size']],
  [80, sysChdir, 'hybrid', 'full', ['str']],
  [81, sysFchdir, 'hybrid', 'full', ['fd']],
  [83, sysMkdir, 'hybrid', 'full', ['str', 'oct']],
  [84, sysRmdir, 'hybrid', 'full', ['str']],
  [217, sysGetdents64, 'hybrid', 'full', ['fd', 'ptr', 'uint']],
  [258, sysMkdirat, 'hybrid', 'full', ['fd', 'str', 'oct']],
];
