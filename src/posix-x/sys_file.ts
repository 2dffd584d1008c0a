// open(2), openat(2), openat2(2), creat(2), close(2), close_range(2), dup(2)/dup2/dup3, fcntl(2)
// (descriptor and status flags, F_DUPFD*, record locks and OFD locks, pipe sizes, seals), flock(2)
// and lseek(2) (SEEK_DATA/SEEK_HOLE) over the VFS. Flags are checked as fs/open.c does
// (build_open_flags, openat2's open_how), every fd names a capability whose rights follow its
// access mode (O_PATH: stat only).
import type { Thread } from '../kernel/thread.js';
import { RIGHT_READ, RIGHT_WRITE } from '../kernel/capability.js';
import * as E from '../musl-shim/abi/errno.js';
import {
  AT_FDCWD, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_GETLK, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETLK, F_SETLKW,
  F_SETPIPE_SZ, FD_CLOEXEC, O_ACCMODE, O_APPEND, O_ASYNC, O_CLOEXEC, O_CREAT, O_DIRECT, O_DIRECTORY, O_DSYNC, O_EXCL,
  O_LARGEFILE, O_NOATIME, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK, O_PATH, O_RDONLY, O_SYNC, O_TMPFILE, O_TRUNC, O_WRONLY,
  SEEK_SET, SEEK_CUR, SEEK_END,
} from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { blockOn, proc, type SysResult } from './context.js';
import { rightsFor } from './fd_table.js';
import { getS64, putU64 } from './guest_io.js';
import { caller, fdEntry, nonEmptyPath, nsOf, startDir } from './vfs/at.js';
import type { FileDescription } from './vfs/file.js';
import {
  F_RDLCK, F_UNLCK, F_WRLCK, flockOp, getLock, LOCK_EX, LOCK_NB, LOCK_SH, LOCK_UN, lockChanged, lockKey, setLock,
  stopWaiting, wouldDeadlock,
} from './vfs/locks.js';
import type { ResolveOpts } from './vfs/namei.js';
import { FifoBlock } from './vfs/vfs.js';

/** Every flag open(2) knows (VALID_OPEN_FLAGS); others are ignored by open, EINVAL for openat2. */
const VALID_OPEN_FLAGS = O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_SYNC | O_DSYNC |
  O_ASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH | O_TMPFILE;
const O_PATH_FLAGS = O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
/** openat2(2) RESOLVE_* flags. */
export const RESOLVE_NO_XDEV = 1, RESOLVE_NO_MAGICLINKS = 2, RESOLVE_NO_SYMLINKS = 4, RESOLVE_BENEATH = 8;
export const RESOLVE_IN_ROOT = 0x10, RESOLVE_CACHED = 0x20;
/** fcntl(2) commands beyond musl-shim's set. */
export const F_SETOWN = 8, F_GETOWN = 9, F_SETSIG = 10, F_GETSIG = 11, F_SETOWN_EX = 15, F_GETOWN_EX = 16;
export const F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38, F_SETLEASE = 1024, F_GETLEASE = 1025;
export const F_NOTIFY = 1026, F_DUPFD_QUERY = 1027, F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
/** close_range(2) flags. */
export const CLOSE_RANGE_UNSHARE = 2, CLOSE_RANGE_CLOEXEC = 4;
/** flock(2)'s removed LOCK_MAND bit. */
const LOCK_MAND = 32;

/** Opens through the VFS and installs the fd (flags already validated and normalized). */
function doOpen(t: Thread, dirfd: number, pathname: number, flags: number, mode: number, o: ResolveOpts): SysResult {
  const p = nonEmptyPath(t, pathname);
  if (typeof p === 'number') return p;
  // RESOLVE_BENEATH / RESOLVE_IN_ROOT anchor even an absolute path at dirfd.
  const start = startDir(t, dirfd, o.beneath || o.inRoot ? '.' : p);
  if (typeof start === 'number') return start;
  const pr = proc(t);
  const fds = pr.fds;
  const m = (flags & (O_CREAT | O_TMPFILE)) ? mode & 0o7777 & ~pr.umask : 0;
  const f = nsOf(t).open(caller(t), start, p, flags, m, o);
  if (f instanceof FifoBlock) return blockOn(t, f.ready);
  if (typeof f === 'number') return f;
  // A fresh description keeps the status flags only (fcntl(2) F_GETFL): not O_CREAT, O_EXCL,
  // O_NOCTTY, O_TRUNC, O_CLOEXEC. (A shared one, e.g. a pipe reopened by /proc/self/fd, keeps its own.)
  if (f.refs === 1) f.flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
  const fd = fds.install(f, (flags & O_CLOEXEC) !== 0, 0, rightsFor(f.flags));
  if (fd < 0) f.release();
  return fd;
}

/** build_open_flags for open/openat/creat: -EINVAL, or the normalized flags. */
function openFlags(flags: number): number {
  let f = flags & VALID_OPEN_FLAGS;
  if (f & O_PATH) return f & O_PATH_FLAGS;
  if (f & O_TMPFILE & ~O_DIRECTORY) {
    if ((f & (O_TMPFILE | O_CREAT)) !== O_TMPFILE) return -E.EINVAL;
    if ((f & O_ACCMODE) === O_RDONLY) return -E.EINVAL;
  } else if ((f & (O_CREAT | O_DIRECTORY)) === (O_CREAT | O_DIRECTORY)) return -E.EINVAL;
  if (f & O_SYNC) f |= O_DSYNC;
  return f | O_LARGEFILE;
}

/** open(2). */
export function sysOpen(t: Thread, a: SyscallArgs): SysResult {
  const pathname = a.ptr(0), flags = openFlags(a.i32(1)), mode = a.u32(2);
  if (flags < 0) return flags;
  return doOpen(t, AT_FDCWD, pathname, flags, mode, { follow: true });
}

/** openat(2). */
export function sysOpenat(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0), pathname = a.ptr(1), flags = openFlags(a.i32(2)), mode = a.u32(3);
  if (flags < 0) return flags;
  return doOpen(t, dirfd, pathname, flags, mode, { follow: true });
}

/** creat(2) = open(path, O_CREAT|O_WRONLY|O_TRUNC, mode). */
export function sysCreat(t: Thread, a: SyscallArgs): SysResult {
  return doOpen(t, AT_FDCWD, a.ptr(0), O_CREAT | O_WRONLY | O_TRUNC | O_LARGEFILE, a.u32(1), { follow: true });
}

/** openat2(2): struct open_how { u64 flags; u64 mode; u64 resolve; }, extensible by size. */
export function sysOpenat2(t: Thread, a: SyscallArgs): SysResult {
  const dirfd = a.i32(0), pathname = a.ptr(1), how = a.ptr(2), size = a.size(3);
  if (size < 24) return -E.EINVAL;
  if (size > 4096) return -E.E2BIG;
  const m = t.cpu.mem;
  const raw = m.readBytes(how, size);
  for (let k = 24; k < size; k++) if (raw[k] !== 0) return -E.E2BIG;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const flagsHi = dv.getUint32(4, true), modeHi = dv.getUint32(12, true), resolveHi = dv.getUint32(20, true);
  let flags = dv.getInt32(0, true);
  const mode = dv.getUint32(8, true), resolve = dv.getUint32(16, true);
  if (flagsHi !== 0 || (flags & ~VALID_OPEN_FLAGS)) return -E.EINVAL;
  if (modeHi !== 0 || (mode & ~0o7777)) return -E.EINVAL;
  if (!(flags & (O_CREAT | O_TMPFILE & ~O_DIRECTORY)) && mode !== 0) return -E.EINVAL;
  if (resolveHi !== 0 || (resolve & ~0x3f)) return -E.EINVAL;
  if ((resolve & RESOLVE_BENEATH) && (resolve & RESOLVE_IN_ROOT)) return -E.EINVAL;
  if (flags & O_PATH) {
    if (flags & ~O_PATH_FLAGS) return -E.EINVAL;
  } else {
    const f = openFlags(flags);
    if (f < 0) return f;
    flags = f;
  }
  if ((resolve & RESOLVE_CACHED) && (flags & (O_TRUNC | O_CREAT | O_TMPFILE & ~O_DIRECTORY))) return -E.EAGAIN;
  const o: ResolveOpts = {
    follow: true, noXdev: (resolve & RESOLVE_NO_XDEV) !== 0, noMagic: (resolve & RESOLVE_NO_MAGICLINKS) !== 0,
    noSymlinks: (resolve & RESOLVE_NO_SYMLINKS) !== 0, beneath: (resolve & RESOLVE_BENEATH) !== 0, inRoot: (resolve & RESOLVE_IN_ROOT) !== 0,
  };
  return doOpen(t, dirfd, pathname, flags, mode, o);
}

/** close(2). */
export function sysClose(t: Thread, a: SyscallArgs): SysResult {
  return proc(t).fds.close(a.i32(0));
}

/** close_range(2). DIVERGES: CLOSE_RANGE_UNSHARE is accepted but tables are per process already. */
export function sysCloseRange(t: Thread, a: SyscallArgs): SysResult {
  const first = a.u32(0), last = a.u32(1), flags = a.u32(2);
  if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC)) return -E.EINVAL;
  if (first > last) return -E.EINVAL;
  const fds = proc(t).fds;
  if (flags & CLOSE_RANGE_CLOEXEC) fds.cloexecRange(first, last);
  else fds.closeRange(first, last);
  return 0;
}

/** lseek(2). */
export function sysLseek(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), off = a.i64(1), whence = a.u32(2);
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  if (whence > 4) return -E.EINVAL;
  return e.cap.obj.lseek(off, whence);
}

/** dup(2). */
export function sysDup(t: Thread, a: SyscallArgs): SysResult {
  const fds = proc(t).fds;
  const e = fds.get(a.i32(0));
  if (e === undefined) return -E.EBADF;
  e.cap.obj.refs++;
  const r = fds.install(e.cap.obj, false, 0, e.cap.rights);
  if (r < 0) e.cap.obj.refs--;
  return r;
}

function dup3(t: Thread, oldfd: number, newfd: number, flags: number): SysResult {
  const fds = proc(t).fds;
  if (newfd < 0 || newfd >= fds.limit) return -E.EBADF;
  const e = fds.get(oldfd);
  if (e === undefined) return -E.EBADF;
  e.cap.obj.refs++;
  fds.installAt(newfd, { cap: e.cap, cloexec: (flags & O_CLOEXEC) !== 0 });
  return newfd;
}

/** dup2(2): the same fd is a no-op that still validates oldfd. */
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

/** struct flock (fcntl(2)): l_type, l_whence (shorts), l_start, l_len (off_t), l_pid. */
interface Flock { type: number; whence: number; start: number; len: number; pid: number }

function readFlock(t: Thread, addr: number): Flock {
  const m = t.cpu.mem;
  const b = m.readBytes(addr, 32);
  const dv = new DataView(b.buffer, b.byteOffset, 32);
  return { type: dv.getInt16(0, true), whence: dv.getInt16(2, true), start: getS64(m, addr + 8), len: getS64(m, addr + 16), pid: dv.getInt32(24, true) };
}

/** The locked range [start, end] (end inclusive; Infinity for l_len 0), or -EINVAL. */
function lockRange(f: FileDescription, fl: Flock): [number, number] | number {
  let base: number;
  switch (fl.whence) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = f.offset; break;
    case SEEK_END: base = f.size(); break;
    default: return -E.EINVAL;
  }
  let start = base + fl.start;
  if (start < 0) return -E.EINVAL;
  let end: number;
  if (fl.len > 0) end = start + fl.len - 1;
  else if (fl.len < 0) { end = start - 1; start += fl.len; if (start < 0) return -E.EINVAL; }
  else end = Infinity;
  return [start, end];
}

/** F_GETLK/F_SETLK/F_SETLKW and their OFD forms. */
function fcntlLock(t: Thread, fd: number, cmd: number, arg: number): SysResult {
  const e = proc(t).fds.get(fd)!;
  const f = e.cap.obj;
  const fl = readFlock(t, arg);
  const ofd = cmd === F_OFD_GETLK || cmd === F_OFD_SETLK || cmd === F_OFD_SETLKW;
  if (ofd && fl.pid !== 0) return -E.EINVAL;
  const getlk = cmd === F_GETLK || cmd === F_OFD_GETLK;
  if (fl.type !== F_RDLCK && fl.type !== F_WRLCK && (getlk || fl.type !== F_UNLCK)) return -E.EINVAL;
  const range = lockRange(f, fl);
  if (typeof range === 'number') return range;
  const [start, end] = range;
  const key = lockKey(f);
  if (key === null) return -E.EBADF;
  const owner: object = ofd ? f : proc(t).fds;
  if (getlk) {
    const c = getLock(key, owner, fl.type, start, end);
    const m = t.cpu.mem;
    if (c === null) { m.write16(arg, F_UNLCK); return 0; }
    m.write16(arg, c.type);
    m.write16(arg + 2, SEEK_SET);
    putU64(m, arg + 8, c.start);
    putU64(m, arg + 16, c.end === Infinity ? 0 : c.end - c.start + 1);
    m.write32(arg + 24, c.ofd ? -1 : c.pid);
    return 0;
  }
  if (fl.type === F_RDLCK && !e.cap.has(RIGHT_READ)) return -E.EBADF;
  if (fl.type === F_WRLCK && !e.cap.has(RIGHT_WRITE)) return -E.EBADF;
  const conflict = setLock(key, owner, ofd, t.process.pid, fl.type, start, end, f);
  if (conflict === null) { stopWaiting(owner); return 0; }
  if (cmd === F_SETLK || cmd === F_OFD_SETLK) return -E.EAGAIN;
  if (!ofd && wouldDeadlock(key, owner, conflict, start, end)) { stopWaiting(owner); return -E.EDEADLK; }
  return blockOn(t, lockChanged(key));
}

/** fcntl(2). */
export function sysFcntl(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), cmd = a.i32(1), arg = a.ptr(2), iarg = a.i32(2);
  const fds = proc(t).fds;
  const e = fds.get(fd);
  if (e === undefined) return -E.EBADF;
  const f = e.cap.obj;
  // On an O_PATH descriptor only these commands work (fs/fcntl.c check_fcntl_cmd).
  if ((f.flags & O_PATH) && ![F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL].includes(cmd)) return -E.EBADF;
  switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: {
      const min = a.u32(2);
      if (min >= fds.limit) return -E.EINVAL;
      f.refs++;
      const r = fds.install(f, cmd === F_DUPFD_CLOEXEC, min, e.cap.rights);
      if (r < 0) f.refs--;
      return r;
    }
    case F_GETFD: return e.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD: e.cloexec = (iarg & FD_CLOEXEC) !== 0; return 0;
    case F_GETFL: return f.flags;
    case F_SETFL: {
      const settable = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME;
      f.flags = (f.flags & ~settable) | (iarg & settable);
      return 0;
    }
    case F_GETLK: case F_SETLK: case F_SETLKW: case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
      return fcntlLock(t, fd, cmd, arg);
    case F_GETOWN: return 0;
    case F_SETOWN: return 0;
    case F_GETSIG: return 0;
    case F_SETSIG: return iarg < 0 || iarg > 64 ? -E.EINVAL : 0;
    case F_GETLEASE: return F_UNLCK;
    case F_SETLEASE: return iarg === F_UNLCK ? 0 : -E.EAGAIN;
    case F_NOTIFY: return -E.EINVAL; // DIVERGES: no dnotify
    case F_DUPFD_QUERY: { const o = fds.get(iarg); return o !== undefined && o.cap.obj === f ? 1 : 0; }
    case F_GETPIPE_SZ: case F_SETPIPE_SZ: {
      const pf = f as unknown as { pipeSize?: () => number; setPipeSize?: (n: number) => number };
      if (typeof pf.pipeSize !== 'function' || typeof pf.setPipeSize !== 'function') return -E.EBADF;
      return cmd === F_GETPIPE_SZ ? pf.pipeSize() : pf.setPipeSize(a.u32(2));
    }
    case F_ADD_SEALS: case F_GET_SEALS: {
      const sf = f as unknown as { addSeals?: (s: number) => number; getSeals?: () => number };
      if (typeof sf.addSeals !== 'function' || typeof sf.getSeals !== 'function') return -E.EINVAL;
      if (cmd === F_GET_SEALS) return sf.getSeals();
      if (!e.cap.has(RIGHT_WRITE)) return -E.EPERM;
      return sf.addSeals(a.u32(2));
    }
  }
  return -E.EINVAL;
}

/** flock(2): LOCK_MAND requests are ignored (0) as Linux does since 5.15; then op, then fd. */
export function sysFlock(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), op = a.u32(1);
  if (op & LOCK_MAND) return 0;
  const kind = op & ~LOCK_NB;
  if (kind !== LOCK_SH && kind !== LOCK_EX && kind !== LOCK_UN) return -E.EINVAL;
  const e = fdEntry(t, fd);
  if (typeof e === 'number') return e;
  const f = e.cap.obj;
  if (f.flags & O_PATH) return -E.EBADF;
  const key = lockKey(f);
  if (key === null) return -E.EBADF;
  if (flockOp(key, f, kind)) return 0;
  if (op & LOCK_NB) return -E.EWOULDBLOCK;
  return blockOn(t, lockChanged(key));
}

void F_SETOWN_EX; void F_GETOWN_EX; void O_RDONLY;

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [2, sysOpen, 'hybrid', 'partial', ['str', 'hex', 'oct'], 'O_TMPFILE on host mounts is a hidden name until the last close; FIFOs and locks are shared among exo guests only'],
  [3, sysClose, 'hybrid', 'full', ['fd']],
  [8, sysLseek, 'hybrid', 'partial', ['fd', 'off', 'int'], 'SEEK_DATA/SEEK_HOLE see no holes'],
  [32, sysDup, 'hybrid', 'full', ['fd']],
  [33, sysDup2, 'hybrid', 'full', ['fd', 'fd']],
  [72, sysFcntl, 'hybrid', 'partial', ['fd', 'int', 'hex'], 'locks among exo guests only; no leases, dnotify, F_SETOWN signals'],
  [73, sysFlock, 'hybrid', 'partial', ['fd', 'int'], 'locks among exo guests only'],
  [85, sysCreat, 'hybrid', 'full', ['str', 'oct']],
  [257, sysOpenat, 'hybrid', 'partial', ['fd', 'str', 'hex', 'oct'], 'O_TMPFILE on host mounts is a hidden name until the last close; FIFOs and locks are shared among exo guests only'],
  [292, sysDup3, 'hybrid', 'full', ['fd', 'fd', 'hex']],
  [436, sysCloseRange, 'hybrid', 'partial', ['uint', 'uint', 'hex'], 'CLOSE_RANGE_UNSHARE has no effect'],
  [437, sysOpenat2, 'hybrid', 'partial', ['fd', 'str', 'ptr', 'size'], 'O_TMPFILE on host mounts is a hidden name until the last close; FIFOs and locks are shared among exo guests only'],
];
