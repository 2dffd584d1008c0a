// File attributes and data integrity: chmod(2), fchmod(2), fchmodat(2), fchmodat2, chown(2),
// fchown(2), lchown(2), fchownat(2), truncate(2), ftruncate(2), fallocate(2), fsync(2),
// fdatasync(2), sync(2), syncfs(2), utimensat(2), futimesat(2), utimes(2), utime(2).
import type { Thread } from '../kernel/thread.js';
import { RIGHT_WRITE } from '../kernel/capability.js';
import * as E from '../musl-shim/abi/errno.js';
import { AT_EMPTY_PATH, AT_FDCWD, AT_SYMLINK_NOFOLLOW, O_PATH, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { getS64 } from './guest_io.js';
import { caller, fdEntry, nonEmptyPath, nsOf, pathArg, startDir } from './vfs/at.js';
import type { FileDescription } from './vfs/file.js';
import { CRED, isOwner } from './vfs/perm.js';
import { TIME_NOW, TIME_OMIT } from './vfs/types.js';
import { utimesPermission } from './vfs/vfs.js';

/** utimensat(2) special tv_nsec values. */
export const UTIME_NOW = 0x3fffffff, UTIME_OMIT = 0x3ffffffe;
/** fallocate(2) modes (include/uapi/linux/falloc.h). */
export const FALLOC_FL_KEEP_SIZE = 1, FALLOC_FL_PUNCH_HOLE = 2, FALLOC_FL_NO_HIDE_STALE = 4, FALLOC_FL_COLLAPSE_RANGE = 8;
export const FALLOC_FL_ZERO_RANGE = 0x10, FALLOC_FL_INSERT_RANGE = 0x20, FALLOC_FL_UNSHARE_RANGE = 0x40;
const MAX_OFF = 2 ** 63;

/** An fd usable for attribute changes: not O_PATH (EBADF). */
function fileOf(t: Thread, fd: number): FileDescription | number {
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  if (e.cap.obj.flags & O_PATH) return -E.EBADF;
  return e.cap.obj;
}

/** A path target "" with AT_EMPTY_PATH: the fd itself. */
function emptyPathFile(t: Thread, dirfd: number): FileDescription | number {
  if (dirfd === AT_FDCWD) return -E.ENOENT;
  const e = fdEntry(t, dirfd);
  return typeof e === 'number' ? e : e.cap.obj;
}

// ---- chmod ------------------------------------------------------------------------------------

function fchmodFile(f: FileDescription, mode: number): SysResult {
  const st = f.stat();
  if (typeof st === 'number') return st;
  if (!isOwner(st)) return -E.EPERM;
  return f.fchmod(mode & 0o7777);
}

function chmodAt(t: Thread, dirfd: number, pathname: number, mode: number, flags: number): SysResult {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -E.EINVAL;
  const p = pathArg(t, pathname);
  if (typeof p === 'number') return p;
  if (p === '') {
    if (!(flags & AT_EMPTY_PATH)) return -E.ENOENT;
    const f = emptyPathFile(t, dirfd);
    return typeof f === 'number' ? f : fchmodFile(f, mode);
  }
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).chmod(caller(t), start, p, mode, !(flags & AT_SYMLINK_NOFOLLOW));
}

/** chmod(2). */
export function sysChmod(t: Thread, a: SyscallArgs): SysResult {
  return chmodAt(t, AT_FDCWD, a.ptr(0), a.u32(1), 0);
}

/** fchmod(2). */
export function sysFchmod(t: Thread, a: SyscallArgs): SysResult {
  const f = fileOf(t, a.i32(0));
  return typeof f === 'number' ? f : fchmodFile(f, a.u32(1));
}

/** fchmodat(2) (the syscall has no flags argument). */
export function sysFchmodat(t: Thread, a: SyscallArgs): SysResult {
  return chmodAt(t, a.i32(0), a.ptr(1), a.u32(2), 0);
}

/** fchmodat2 (Linux 6.6): with AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH. */
export function sysFchmodat2(t: Thread, a: SyscallArgs): SysResult {
  return chmodAt(t, a.i32(0), a.ptr(1), a.u32(2), a.i32(3));
}

// ---- chown ------------------------------------------------------------------------------------

function fchownFile(f: FileDescription, uid: number, gid: number): SysResult {
  const st = f.stat();
  if (typeof st === 'number') return st;
  if (CRED.uid !== 0) {
    if ((uid !== -1 && uid !== st.uid) || !isOwner(st)) return -E.EPERM;
    if (gid !== -1 && gid !== st.gid && gid !== CRED.gid && !CRED.groups.includes(gid)) return -E.EPERM;
  }
  return f.fchown(uid, gid);
}

function chownAt(t: Thread, dirfd: number, pathname: number, uid: number, gid: number, flags: number): SysResult {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -E.EINVAL;
  const p = pathArg(t, pathname);
  if (typeof p === 'number') return p;
  if (p === '') {
    if (!(flags & AT_EMPTY_PATH)) return -E.ENOENT;
    const f = emptyPathFile(t, dirfd);
    return typeof f === 'number' ? f : fchownFile(f, uid, gid);
  }
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).chown(caller(t), start, p, uid, gid, !(flags & AT_SYMLINK_NOFOLLOW));
}

/** chown(2). */
export function sysChown(t: Thread, a: SyscallArgs): SysResult {
  return chownAt(t, AT_FDCWD, a.ptr(0), a.i32(1), a.i32(2), 0);
}

/** lchown(2). */
export function sysLchown(t: Thread, a: SyscallArgs): SysResult {
  return chownAt(t, AT_FDCWD, a.ptr(0), a.i32(1), a.i32(2), AT_SYMLINK_NOFOLLOW);
}

/** fchown(2). */
export function sysFchown(t: Thread, a: SyscallArgs): SysResult {
  const f = fileOf(t, a.i32(0));
  return typeof f === 'number' ? f : fchownFile(f, a.i32(1), a.i32(2));
}

/** fchownat(2). */
export function sysFchownat(t: Thread, a: SyscallArgs): SysResult {
  return chownAt(t, a.i32(0), a.ptr(1), a.i32(2), a.i32(3), a.i32(4));
}

// ---- sizes ------------------------------------------------------------------------------------

/** truncate(2). */
export function sysTruncate(t: Thread, a: SyscallArgs): SysResult {
  const pathname = a.ptr(0), length = a.i64(1);
  if (length < 0) return -E.EINVAL;
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  const start = startDir(t, AT_FDCWD, p);
  if (typeof start === 'number') return start;
  return nsOf(t).truncate(caller(t), start, p, length);
}

/** ftruncate(2): EINVAL unless a regular file open for writing. */
export function sysFtruncate(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), length = a.i64(1);
  if (length < 0) return -E.EINVAL;
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  const f = e.cap.obj;
  if (f.flags & O_PATH) return -E.EBADF;
  const st = f.stat();
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) !== S_IFREG || !e.cap.has(RIGHT_WRITE) || (f.flags & 3) === 0) return -E.EINVAL;
  return f.ftruncate(length);
}

/** Writes zeros over [off, end) without moving the file offset or appending. */
function zeroRange(f: FileDescription, off: number, end: number): number {
  const saved = f.flags;
  f.flags &= ~0o2000; // O_APPEND would turn these positioned writes into appends
  try {
    const chunk = new Uint8Array(Math.min(end - off, 1 << 20));
    for (let p = off; p < end;) {
      const n = f.write(chunk.subarray(0, Math.min(chunk.length, end - p)), p);
      if (n < 0) return n;
      if (n === 0) return -E.EIO;
      p += n;
    }
  } finally { f.flags = saved; }
  return 0;
}

/**
 * fallocate(2): mode 0 and KEEP_SIZE reserve (extend the size), PUNCH_HOLE and ZERO_RANGE write
 * zeros. DIVERGES: no real block allocation or holes; COLLAPSE/INSERT/UNSHARE_RANGE are EOPNOTSUPP.
 */
export function sysFallocate(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), mode = a.i32(1), offset = a.i64(2), len = a.i64(3);
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  const f = e.cap.obj;
  if (f.flags & O_PATH) return -E.EBADF;
  if (offset < 0 || len <= 0) return -E.EINVAL;
  const known = FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE;
  if (mode & ~known) return -E.EOPNOTSUPP;
  if ((mode & FALLOC_FL_PUNCH_HOLE) && (mode & FALLOC_FL_ZERO_RANGE)) return -E.EOPNOTSUPP;
  if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE)) return -E.EOPNOTSUPP;
  if ((mode & (FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_INSERT_RANGE)) && mode !== (mode & (FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_INSERT_RANGE))) return -E.EINVAL;
  if (!e.cap.has(RIGHT_WRITE) || (f.flags & 3) === 0) return -E.EBADF;
  const st = f.stat();
  if (typeof st === 'number') return st;
  const type = st.mode & S_IFMT;
  if (type === S_IFIFO) return -E.ESPIPE;
  if (type === S_IFDIR) return -E.EISDIR;
  if (type !== S_IFREG) return -E.ENODEV;
  if (offset + len > MAX_OFF) return -E.EFBIG;
  if (mode & (FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE)) return -E.EOPNOTSUPP;
  const size = f.size();
  const end = offset + len;
  if (mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) {
    const stop = (mode & FALLOC_FL_KEEP_SIZE) ? Math.min(end, size) : end;
    if (stop > offset) { const r = zeroRange(f, offset, Math.min(stop, size)); if (r < 0) return r; }
    if (!(mode & FALLOC_FL_KEEP_SIZE) && end > size) return f.ftruncate(end);
    return 0;
  }
  if (!(mode & FALLOC_FL_KEEP_SIZE) && end > size) return f.ftruncate(end);
  return 0;
}

// ---- sync -------------------------------------------------------------------------------------

/** fsync(2). */
export function sysFsync(t: Thread, a: SyscallArgs): SysResult {
  const f = fileOf(t, a.i32(0));
  return typeof f === 'number' ? f : f.fsync(false);
}

/** fdatasync(2). */
export function sysFdatasync(t: Thread, a: SyscallArgs): SysResult {
  const f = fileOf(t, a.i32(0));
  return typeof f === 'number' ? f : f.fsync(true);
}

/** sync(2): host writes are already in the host's page cache; nothing is buffered here. */
export function sysSync(): SysResult { return 0; }

/** syncfs(2). */
export function sysSyncfs(t: Thread, a: SyscallArgs): SysResult {
  const f = fileOf(t, a.i32(0));
  return typeof f === 'number' ? f : 0;
}

// ---- times ------------------------------------------------------------------------------------

/** Reads struct timespec[2] (NULL: both now); -EINVAL for a bad tv_nsec. */
function readTimespecs(t: Thread, addr: number): [bigint, bigint] | number {
  if (addr === 0) return [TIME_NOW, TIME_NOW];
  const m = t.cpu.mem;
  const out: bigint[] = [];
  for (let k = 0; k < 2; k++) {
    const sec = getS64(m, addr + 16 * k), nsec = getS64(m, addr + 16 * k + 8);
    if (nsec === UTIME_NOW) out.push(TIME_NOW);
    else if (nsec === UTIME_OMIT) out.push(TIME_OMIT);
    else if (nsec < 0 || nsec > 999999999) return -E.EINVAL;
    else out.push(BigInt(sec) * 1000000000n + BigInt(nsec));
  }
  return [out[0], out[1]];
}

/** Reads struct timeval[2] (NULL: both now); -EINVAL for a bad tv_usec. */
function readTimevals(t: Thread, addr: number): [bigint, bigint] | number {
  if (addr === 0) return [TIME_NOW, TIME_NOW];
  const m = t.cpu.mem;
  const out: bigint[] = [];
  for (let k = 0; k < 2; k++) {
    const sec = getS64(m, addr + 16 * k), usec = getS64(m, addr + 16 * k + 8);
    if (usec < 0 || usec > 999999) return -E.EINVAL;
    out.push(BigInt(sec) * 1000000000n + BigInt(usec) * 1000n);
  }
  return [out[0], out[1]];
}

function futimensFile(f: FileDescription, times: [bigint, bigint]): SysResult {
  const st = f.stat();
  if (typeof st === 'number') return st;
  const e = utimesPermission(st, times[0], times[1]);
  if (e < 0) return e;
  if (times[0] === TIME_OMIT && times[1] === TIME_OMIT) return 0;
  return f.futimens(times[0], times[1]);
}

function utimesAt(t: Thread, dirfd: number, pathname: number, times: [bigint, bigint], flags: number): SysResult {
  const p = pathArg(t, pathname);
  if (typeof p === 'number') return p;
  if (p === '') {
    if (!(flags & AT_EMPTY_PATH)) return -E.ENOENT;
    const f = emptyPathFile(t, dirfd);
    return typeof f === 'number' ? f : futimensFile(f, times);
  }
  const start = startDir(t, dirfd, p);
  if (typeof start === 'number') return start;
  return nsOf(t).utimens(caller(t), start, p, times[0], times[1], !(flags & AT_SYMLINK_NOFOLLOW));
}

/** utimensat(2); a NULL path with dirfd is futimens(3). Both times UTIME_OMIT: 0 before any check. */
export function sysUtimensat(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0), pathname = a.ptr(1), tp = a.ptr(2), flags = a.i32(3);
  if (tp !== 0) {
    const m = t.cpu.mem;
    if (getS64(m, tp + 8) === UTIME_OMIT && getS64(m, tp + 24) === UTIME_OMIT) return 0;
  }
  const times = readTimespecs(t, tp);
  if (typeof times === 'number') return times;
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -E.EINVAL;
  if (pathname === 0 && dirfd !== AT_FDCWD) {
    if (flags) return -E.EINVAL;
    const e = fdEntry(t, dirfd);
    if (typeof e === 'number') return e;
    if (e.cap.obj.flags & O_PATH) return -E.EBADF;
    return futimensFile(e.cap.obj, times);
  }
  return utimesAt(t, dirfd, pathname, times, flags);
}

/** futimesat(2); a NULL path with dirfd is futimes(3). */
export function sysFutimesat(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0), pathname = a.ptr(1);
  const times = readTimevals(t, a.ptr(2));
  if (typeof times === 'number') return times;
  if (pathname === 0 && dirfd !== AT_FDCWD) {
    const e = fdEntry(t, dirfd);
    if (typeof e === 'number') return e;
    if (e.cap.obj.flags & O_PATH) return -E.EBADF;
    return futimensFile(e.cap.obj, times);
  }
  return utimesAt(t, dirfd, pathname, times, 0);
}

/** utimes(2). */
export function sysUtimes(t: Thread, a: SyscallArgs): SysResult {
  const times = readTimevals(t, a.ptr(1));
  if (typeof times === 'number') return times;
  return utimesAt(t, AT_FDCWD, a.ptr(0), times, 0);
}

/** utime(2): struct utimbuf { time_t actime, modtime; }. */
export function sysUtime(t: Thread, a: SyscallArgs): SysResult {
  const pathname = a.ptr(0), tp = a.ptr(1);
  let times: [bigint, bigint] = [TIME_NOW, TIME_NOW];
  if (tp !== 0) {
    const m = t.cpu.mem;
    times = [BigInt(getS64(m, tp)) * 1000000000n, BigInt(getS64(m, tp + 8)) * 1000000000n];
  }
  return utimesAt(t, AT_FDCWD, pathname, times, 0);
}

void proc;

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [74, sysFsync, 'hybrid', 'full', ['fd']],
  [75, sysFdatasync, 'hybrid', 'full', ['fd']],
  [76, sysTruncate, 'hybrid', 'full', ['str', 'off']],
  [77, sysFtruncate, 'hybrid', 'full', ['fd', 'off']],
  [90, sysChmod, 'hybrid', 'full', ['str', 'oct']],
  [91, sysFchmod, 'hybrid', 'full', ['fd', 'oct']],
  [92, sysChown, 'hybrid', 'full', ['str', 'int', 'int']],
  [93, sysFchown, 'hybrid', 'full', ['fd', 'int', 'int']],
  [94, sysLchown, 'hybrid', 'full', ['str', 'int', 'int']],
  [132, sysUtime, 'hybrid', 'full', ['str', 'ptr']],
  [162, sysSync, 'hybrid', 'full', []],
  [235, sysUtimes, 'hybrid', 'full', ['str', 'ptr']],
  [260, sysFchownat, 'hybrid', 'full', ['fd', 'str', 'int', 'int', 'hex']],
  [261, sysFutimesat, 'hybrid', 'full', ['fd', 'str', 'ptr']],
  [268, sysFchmodat, 'hybrid', 'full', ['fd', 'str', 'oct']],
  [280, sysUtimensat, 'hybrid', 'partial', ['fd', 'str', 'ptr', 'hex'], 'host mounts keep microseconds'],
  [285, sysFallocate, 'hybrid', 'partial', ['fd', 'int', 'off', 'off'], 'no real allocation; no collapse/insert/unshare'],
  [306, sysSyncfs, 'hybrid', 'full', ['fd']],
  [452, sysFchmodat2, 'hybrid', 'full', ['fd', 'str', 'oct', 'hex']],
];
