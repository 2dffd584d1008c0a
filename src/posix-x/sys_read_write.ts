// read(2), write(2), pread64(2), pwrite64(2), readv(2), writev(2), preadv(2), pwritev(2),
// preadv2(2), pwritev2(2) — the hybrid path: the fd names a capability whose rights are checked,
// then data moves between guest memory and the object through one reusable scratch buffer (no
// allocation for small transfers). On a blocking description an object's -EAGAIN parks the thread
// until the object is ready (the call is then re-executed); a long pipe write keeps its progress
// in the thread's resume record (wait.ts), so a signal ends it with the count written (pipe(7)).
import type { Thread } from '../kernel/thread.js';
import { RIGHT_READ, RIGHT_WRITE } from '../kernel/capability.js';
import { EAGAIN, EBADF, EFAULT, EINVAL, EOPNOTSUPP, EPIPE, ESPIPE } from '../musl-shim/abi/errno.js';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_WRONLY, O_PATH } from '../musl-shim/abi/fcntl.js';
import { SIGPIPE } from '../musl-shim/abi/signal.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { blockOn, proc, SYS_BLOCKED, type SysResult } from './context.js';
import { POLLIN, POLLOUT, type FileDescription } from './vfs/file.js';
import { SignalFd } from './vfs/signalfd.js';
import { afterFileWrite, beforeFileRead } from './sys_mmap.js';
import { blockUntil, endWait, isResuming, resumeOf } from './wait.js';

/** Linux caps one transfer at MAX_RW_COUNT (INT_MAX rounded down to a page). */
const MAX_RW = 0x7ffff000;
const IOV_MAX = 1024;
/** preadv2(2)/pwritev2(2) flags (include/uapi/linux/fs.h). */
export const RWF_HIPRI = 0x1, RWF_DSYNC = 0x2, RWF_SYNC = 0x4, RWF_NOWAIT = 0x8, RWF_APPEND = 0x10, RWF_NOAPPEND = 0x20;
const RWF_SUPPORTED = RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND | RWF_NOAPPEND;
const NR_WRITE = 1;
let scratch = new Uint8Array(64 * 1024);

function buffer(n: number): Uint8Array {
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  return scratch.subarray(0, n);
}

/** The description behind fd if it may be read (or written). */
function fileFor(t: Thread, fd: number, write: boolean): FileDescription | number {
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -EBADF;
  const f = e.cap.obj;
  const mode = f.flags & O_ACCMODE;
  if (f.flags & O_PATH) return -EBADF;
  if (write ? mode === O_RDONLY || !e.cap.has(RIGHT_WRITE) : mode === O_WRONLY || !e.cap.has(RIGHT_READ)) return -EBADF;
  return f;
}

/** One read from an object on behalf of t (signalfd reads the caller's pending signals). */
export function readObject(t: Thread, f: FileDescription, buf: Uint8Array, pos: number | null): number {
  if (f instanceof SignalFd) return f.readFor(t, buf);
  beforeFileRead(f);
  return f.read(buf, pos);
}

/** One write to an object on behalf of t: -EPIPE also raises SIGPIPE, as for write(2). */
export function writeObject(t: Thread, a: SyscallArgs, f: FileDescription, buf: Uint8Array, pos: number | null): number {
  const n = f.write(buf, pos);
  if (n === -EPIPE) a.m.signalThread(t, SIGPIPE);
  else if (n > 0) afterFileWrite(f);
  return n;
}

/** True when an -EAGAIN from f should park the caller. */
function blocks(f: FileDescription, nowait: boolean): boolean {
  return !nowait && !(f.flags & O_NONBLOCK);
}

function doRead(t: Thread, f: FileDescription, addr: number, count: number, pos: number | null, nowait = false): SysResult {
  const n = Math.min(count, MAX_RW);
  if (n === 0) return 0;
  if (!t.cpu.mem.isMapped(addr, n)) return -EFAULT;
  const buf = buffer(n);
  const got = readObject(t, f, buf, pos);
  if (got > 0) t.cpu.mem.writeBytes(addr, buf.subarray(0, got));
  if (got === -EAGAIN && blocks(f, nowait)) return blockOn(t, f.waitFor(POLLIN));
  return got;
}

/**
 * Writes all of buf unless the object is non-blocking: short writes are retried, -EAGAIN parks
 * the thread with the progress so far recorded under `key` (the guest buffer address).
 */
function writeAll(t: Thread, a: SyscallArgs, f: FileDescription, key: number, buf: Uint8Array, pos: number | null, nowait = false): SysResult {
  let done = 0;
  if (isResuming(t, NR_WRITE)) {
    const r = resumeOf(t, NR_WRITE);
    if (r.key === key && r.done > 0 && r.done < buf.length) done = r.done;
  }
  for (;;) {
    const n = writeObject(t, a, f, done === 0 ? buf : buf.subarray(done), pos === null ? null : pos + done);
    if (n === -EAGAIN && blocks(f, nowait)) {
      if (done === 0) { endWait(t); return blockOn(t, f.waitFor(POLLOUT)); }
      const r = resumeOf(t, NR_WRITE);
      r.key = key;
      r.done = done;
      return blockUntil(t, r, [f.waitFor(POLLOUT)]);
    }
    if (n <= 0) { endWait(t); return done > 0 ? done : n; }
    done += n;
    if (done >= buf.length || !blocks(f, nowait)) { endWait(t); return done; }
  }
}

function doWrite(t: Thread, a: SyscallArgs, f: FileDescription, addr: number, count: number, pos: number | null): SysResult {
  const n = Math.min(count, MAX_RW);
  if (n === 0) return 0;
  const buf = t.cpu.mem.readBytes(addr, n, buffer(n));
  return writeAll(t, a, f, addr, buf, pos);
}

/** read(2). */
export function sysRead(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1), count = a.size(2);
  const f = fileFor(t, fd, false);
  if (typeof f === 'number') return f;
  return doRead(t, f, buf, count, null);
}

/** write(2). */
export function sysWrite(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1), count = a.size(2);
  const f = fileFor(t, fd, true);
  if (typeof f === 'number') return f;
  return doWrite(t, a, f, buf, count, null);
}

/** pread64(2). */
export function sysPread64(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1), count = a.size(2), off = a.i64(3);
  // Linux's order (fs/read_write.c ksys_pread64): EINVAL for a negative offset, EBADF for no fd,
  // ESPIPE for an unseekable file (even one open for the wrong direction), then the access mode.
  if (off < 0) return -EINVAL;
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -EBADF;
  if (!e.cap.obj.seekable()) return -ESPIPE;
  const f = fileFor(t, fd, false);
  if (typeof f === 'number') return f;
  return doRead(t, f, buf, count, off);
}

/** pwrite64(2). */
export function sysPwrite64(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), buf = a.ptr(1), count = a.size(2), off = a.i64(3);
  // Linux's order (fs/read_write.c ksys_pwrite64): EINVAL for a negative offset, EBADF for no fd,
  // ESPIPE for an unseekable file (even one open for the wrong direction), then the access mode.
  if (off < 0) return -EINVAL;
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -EBADF;
  if (!e.cap.obj.seekable()) return -ESPIPE;
  const f = fileFor(t, fd, true);
  if (typeof f === 'number') return f;
  return doWrite(t, a, f, buf, count, off);
}

/** Reads an iovec array; returns [base, len] pairs flattened, or -errno. */
function iovecs(t: Thread, iov: number, cnt: number): number[] | number {
  if (cnt < 0 || cnt > IOV_MAX) return -EINVAL;
  const out: number[] = [];
  let total = 0;
  const m = t.cpu.mem;
  for (let k = 0; k < cnt; k++) {
    const lo = m.read64(iov + 16 * k), hi = m.hi;
    const base = (hi >>> 0) * 4294967296 + (lo >>> 0);
    const llo = m.read64(iov + 16 * k + 8), lhi = m.hi;
    if (lhi < 0) return -EINVAL;
    const len = (lhi >>> 0) * 4294967296 + (llo >>> 0);
    total += len;
    if (total > 0x7fffffffffff) return -EINVAL;
    out.push(base, len);
  }
  return out;
}

function readv(t: Thread, fd: number, iov: number, cnt: number, pos: number | null, nowait = false): SysResult {
  const f = fileFor(t, fd, false);
  if (typeof f === 'number') return f;
  if (pos !== null && !f.seekable()) return -ESPIPE;
  const v = iovecs(t, iov, cnt);
  if (typeof v === 'number') return v;
  let total = 0;
  for (let k = 0; k < v.length; k += 2) {
    if (v[k + 1] === 0) continue;
    const n = doRead(t, f, v[k], v[k + 1], pos === null ? null : pos + total, nowait || total > 0);
    if (n === SYS_BLOCKED) return n;
    if (n < 0) return total > 0 ? total : n;
    total += n;
    if (n < v[k + 1]) break;
  }
  return total;
}

function writev(t: Thread, a: SyscallArgs, fd: number, iov: number, cnt: number, pos: number | null, nowait = false): SysResult {
  const f = fileFor(t, fd, true);
  if (typeof f === 'number') return f;
  if (pos !== null && !f.seekable()) return -ESPIPE;
  const v = iovecs(t, iov, cnt);
  if (typeof v === 'number') return v;
  // Gather into one buffer so the object sees one write (pipes: atomicity up to PIPE_BUF).
  let len = 0;
  for (let k = 1; k < v.length; k += 2) len += v[k];
  len = Math.min(len, MAX_RW);
  if (len === 0) return 0;
  const buf = len <= scratch.length ? buffer(len) : new Uint8Array(len);
  let off = 0;
  for (let k = 0; k < v.length && off < len; k += 2) {
    const n = Math.min(v[k + 1], len - off);
    if (n > 0) t.cpu.mem.readBytes(v[k], n, buf.subarray(off, off + n));
    off += n;
  }
  return writeAll(t, a, f, iov, buf, pos, nowait);
}

/** readv(2). */
export function sysReadv(t: Thread, a: SyscallArgs): SysResult {
  return readv(t, a.i32(0), a.ptr(1), a.i32(2), null);
}

/** writev(2). */
export function sysWritev(t: Thread, a: SyscallArgs): SysResult {
  return writev(t, a, a.i32(0), a.ptr(1), a.i32(2), null);
}

/** preadv(2) (offset split in two registers as pos_l/pos_h; on x86-64 pos_l is the whole). */
export function sysPreadv(t: Thread, a: SyscallArgs): SysResult {
  const off = a.i64(3);
  if (off < 0) return -EINVAL;
  return readv(t, a.i32(0), a.ptr(1), a.i32(2), off);
}

/** pwritev(2). */
export function sysPwritev(t: Thread, a: SyscallArgs): SysResult {
  const off = a.i64(3);
  if (off < 0) return -EINVAL;
  return writev(t, a, a.i32(0), a.ptr(1), a.i32(2), off);
}

/** preadv2(2): offset -1 = the file position; RWF_NOWAIT never parks. */
export function sysPreadv2(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), iov = a.ptr(1), cnt = a.i32(2), off = a.i64(3), flags = a.u32(5);
  if (flags & ~RWF_SUPPORTED) return -EOPNOTSUPP;
  if (off < -1) return -EINVAL;
  return readv(t, fd, iov, cnt, off === -1 ? null : off, (flags & RWF_NOWAIT) !== 0);
}

/** pwritev2(2): RWF_APPEND writes at the end of the file whatever the offset says. */
export function sysPwritev2(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), iov = a.ptr(1), cnt = a.i32(2), off = a.i64(3), flags = a.u32(5);
  if (flags & ~RWF_SUPPORTED) return -EOPNOTSUPP;
  if (off < -1) return -EINVAL;
  let pos: number | null = off === -1 ? null : off;
  if (flags & RWF_APPEND) {
    const f = fileFor(t, fd, true);
    if (typeof f === 'number') return f;
    if (f.seekable()) {
      pos = f.size();
      if (off === -1) {
        const n = writev(t, a, fd, iov, cnt, pos, (flags & RWF_NOWAIT) !== 0);
        if (n > 0) f.offset = pos + n;
        return n;
      }
    }
  }
  return writev(t, a, fd, iov, cnt, pos, (flags & RWF_NOWAIT) !== 0);
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [0, sysRead, 'hybrid', 'full', ['fd', 'buf', 'size']],
  [1, sysWrite, 'hybrid', 'full', ['fd', 'buf', 'size']],
  [17, sysPread64, 'hybrid', 'full', ['fd', 'buf', 'size', 'off']],
  [18, sysPwrite64, 'hybrid', 'full', ['fd', 'buf', 'size', 'off']],
  [19, sysReadv, 'hybrid', 'full', ['fd', 'ptr', 'int']],
  [20, sysWritev, 'hybrid', 'full', ['fd', 'ptr', 'int']],
  [295, sysPreadv, 'hybrid', 'full', ['fd', 'ptr', 'int', 'off']],
  [296, sysPwritev, 'hybrid', 'full', ['fd', 'ptr', 'int', 'off']],
  [327, sysPreadv2, 'hybrid', 'partial', ['fd', 'ptr', 'int', 'off', 'off', 'hex'], 'RWF_HIPRI/DSYNC/SYNC accepted as hints'],
  [328, sysPwritev2, 'hybrid', 'partial', ['fd', 'ptr', 'int', 'off', 'off', 'hex'], 'RWF_HIPRI/DSYNC/SYNC accepted as hints'],
];
