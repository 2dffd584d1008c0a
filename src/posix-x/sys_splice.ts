// sendfile(2), copy_file_range(2), splice(2), tee(2): moving bytes between descriptions without a
// guest buffer. Input is read only as far as the output can take it (a pipe's free space), so a
// short transfer never loses bytes; with nothing movable a blocking call parks until it can move.
import type { Thread } from '../kernel/thread.js';
import { RIGHT_READ, RIGHT_WRITE } from '../kernel/capability.js';
import * as E from '../musl-shim/abi/errno.js';
import { O_ACCMODE, O_APPEND, O_NONBLOCK, O_PATH, O_RDONLY, O_WRONLY, S_IFDIR, S_IFMT, S_IFREG } from '../musl-shim/abi/fcntl.js';
import { SIGPIPE } from '../musl-shim/abi/signal.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { blockOn, proc, type SysResult } from './context.js';
import { getS64, putU64 } from './guest_io.js';
import { POLLIN, POLLOUT, type FileDescription } from './vfs/file.js';
import { PipeEnd } from './vfs/pipe.js';
import { readObject, writeObject } from './sys_read_write.js';

/** splice(2) flags. */
export const SPLICE_F_MOVE = 1, SPLICE_F_NONBLOCK = 2, SPLICE_F_MORE = 4, SPLICE_F_GIFT = 8;
const MAX_RW = 0x7ffff000;
const CHUNK = 65536;
const chunk = new Uint8Array(CHUNK);

/** The description behind fd opened for reading (or writing), or -EBADF. */
function fileFor(t: Thread, fd: number, write: boolean): FileDescription | number {
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  const f = e.cap.obj;
  const mode = f.flags & O_ACCMODE;
  if (f.flags & O_PATH) return -E.EBADF;
  if (write ? mode === O_RDONLY || !e.cap.has(RIGHT_WRITE) : mode === O_WRONLY || !e.cap.has(RIGHT_READ)) return -E.EBADF;
  return f;
}

function fileType(f: FileDescription): number {
  const st = f.stat();
  return typeof st === 'number' ? 0 : st.mode & S_IFMT;
}

/** Bytes the output can take now without blocking (a pipe's free space; files: unlimited). */
function room(f: FileDescription): number {
  return f instanceof PipeEnd ? (f.pipe.readers === 0 ? Infinity : f.pipe.free()) : Infinity;
}

/**
 * Moves up to len bytes from `inp` (at *inPos when not null) to `out` (at outPos when not null).
 * Returns [bytes moved or -errno, whether the caller should wait (for input or for room)].
 */
function move(t: Thread, a: SyscallArgs, inp: FileDescription, inPos: number | null, out: FileDescription, outPos: number | null, len: number): [number, 'in' | 'out' | null] {
  let done = 0;
  while (done < len) {
    const space = room(out);
    if (space === 0) return [done, done === 0 ? 'out' : null];
    const want = Math.min(len - done, CHUNK, space);
    const buf = chunk.subarray(0, want);
    const got = readObject(t, inp, buf, inPos === null ? null : inPos + done);
    if (got === -E.EAGAIN) return [done, done === 0 ? 'in' : null];
    if (got < 0) return [done > 0 ? done : got, null];
    if (got === 0) break;
    const put = writeObject(t, a, out, buf.subarray(0, got), outPos === null ? null : outPos + done);
    if (put < 0) return [done > 0 ? done : put, null];
    done += put;
    // DIVERGES: bytes a non-pipe output refused after they were read from a pipe are lost.
    if (put < got) break;
  }
  return [done, null];
}

/** Reads a loff_t pointer argument; null when the pointer is NULL, -1 when negative. */
function readOff(t: Thread, p: number): number | null {
  return p === 0 ? null : getS64(t.cpu.mem, p);
}

/** sendfile(2). */
export function sysSendfile(t: Thread, a: SyscallArgs): SysResult {
  const outFd = a.i32(0), inFd = a.i32(1), offset = a.ptr(2), count = Math.min(a.size(3), MAX_RW);
  const inp = fileFor(t, inFd, false);
  if (typeof inp === 'number') return inp;
  const out = fileFor(t, outFd, true);
  if (typeof out === 'number') return out;
  if (out.flags & O_APPEND) return -E.EINVAL;
  const off = readOff(t, offset);
  if (off !== null) {
    if (off < 0) return -E.EINVAL;
    if (!inp.seekable()) return -E.ESPIPE;
  }
  // The input needs splice_read: regular files, not pipes or other streams (fs/splice.c).
  if (!inp.seekable()) return -E.EINVAL;
  if (count === 0) return 0;
  // The input is read at an explicit position, so nothing is consumed that was not written.
  const pos = off ?? inp.offset;
  const [n, wait] = move(t, a, inp, pos, out, null, count);
  if (wait !== null && n === 0) {
    const nonblock = wait === 'out' ? out.flags & O_NONBLOCK : inp.flags & O_NONBLOCK;
    if (!nonblock) return blockOn(t, wait === 'out' ? out.waitFor(POLLOUT) : inp.waitFor(POLLIN));
    return -E.EAGAIN;
  }
  if (n > 0) {
    if (off !== null) putU64(t.cpu.mem, offset, off + n);
    else inp.offset = pos + n;
  }
  return n;
}

/** copy_file_range(2): regular files only; offsets NULL = the file positions. */
export function sysCopyFileRange(t: Thread, a: SyscallArgs): SysResult {
  const fdIn = a.i32(0), offIn = a.ptr(1), fdOut = a.i32(2), offOut = a.ptr(3), len = Math.min(a.size(4), MAX_RW), flags = a.u32(5);
  if (flags !== 0) return -E.EINVAL;
  const inp = fileFor(t, fdIn, false);
  if (typeof inp === 'number') return inp;
  const out = fileFor(t, fdOut, true);
  if (typeof out === 'number') return out;
  if (out.flags & O_APPEND) return -E.EBADF;
  const ti = fileType(inp), to = fileType(out);
  if (ti === S_IFDIR || to === S_IFDIR) return -E.EISDIR;
  if (ti !== S_IFREG || to !== S_IFREG) return -E.EINVAL;
  const oi = readOff(t, offIn), oo = readOff(t, offOut);
  if ((oi !== null && oi < 0) || (oo !== null && oo < 0)) return -E.EINVAL;
  const pi = oi ?? inp.offset, po = oo ?? out.offset;
  if (inp === out && pi < po + len && po < pi + len) return -E.EINVAL;
  if (len === 0) return 0;
  const n = Math.min(len, Math.max(0, inp.size() - pi));
  const [moved] = move(t, a, inp, pi, out, po, n);
  if (moved < 0) return moved;
  if (oi !== null) putU64(t.cpu.mem, offIn, pi + moved); else inp.offset = pi + moved;
  if (oo !== null) putU64(t.cpu.mem, offOut, po + moved); else out.offset = po + moved;
  return moved;
}

/** splice(2): one side must be a pipe; the pipe side takes no offset. */
export function sysSplice(t: Thread, a: SyscallArgs): SysResult {
  const fdIn = a.i32(0), offIn = a.ptr(1), fdOut = a.i32(2), offOut = a.ptr(3), len = Math.min(a.size(4), MAX_RW), flags = a.u32(5);
  if (flags & ~(SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT)) return -E.EINVAL;
  const inp = fileFor(t, fdIn, false);
  if (typeof inp === 'number') return inp;
  const out = fileFor(t, fdOut, true);
  if (typeof out === 'number') return out;
  const inPipe = inp instanceof PipeEnd, outPipe = out instanceof PipeEnd;
  if (!inPipe && !outPipe) return -E.EINVAL;
  if (inPipe && outPipe && inp.pipe === out.pipe) return -E.EINVAL;
  if ((inPipe && offIn !== 0) || (outPipe && offOut !== 0)) return -E.ESPIPE;
  if (out.flags & O_APPEND) return -E.EINVAL;
  const oi = readOff(t, offIn), oo = readOff(t, offOut);
  if ((oi !== null && oi < 0) || (oo !== null && oo < 0)) return -E.EINVAL;
  if ((oi !== null && !inp.seekable()) || (oo !== null && !out.seekable())) return -E.ESPIPE;
  if (len === 0) return 0;
  const pi = oi ?? (inp.seekable() ? inp.offset : null);
  const po = oo ?? (out.seekable() ? out.offset : null);
  const [n, wait] = move(t, a, inp, pi, out, po, len);
  if (wait !== null && n === 0) {
    const f = wait === 'out' ? out : inp;
    if ((flags & SPLICE_F_NONBLOCK) || (f.flags & O_NONBLOCK)) return -E.EAGAIN;
    return blockOn(t, f.waitFor(wait === 'out' ? POLLOUT : POLLIN));
  }
  if (n > 0) {
    if (oi !== null) putU64(t.cpu.mem, offIn, oi + n); else if (pi !== null) inp.offset = pi + n;
    if (oo !== null) putU64(t.cpu.mem, offOut, oo + n); else if (po !== null && !(out instanceof PipeEnd)) out.offset = po + n;
  }
  return n;
}

/** tee(2): copies between two pipes without consuming the input. */
export function sysTee(t: Thread, a: SyscallArgs): SysResult {
  const fdIn = a.i32(0), fdOut = a.i32(1), len = Math.min(a.size(2), MAX_RW), flags = a.u32(3);
  if (flags & ~(SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT)) return -E.EINVAL;
  const inp = fileFor(t, fdIn, false);
  if (typeof inp === 'number') return inp;
  const out = fileFor(t, fdOut, true);
  if (typeof out === 'number') return out;
  if (!(inp instanceof PipeEnd) || !(out instanceof PipeEnd) || inp.pipe === out.pipe) return -E.EINVAL;
  if (len === 0) return 0;
  if (out.pipe.readers === 0) { a.m.signalThread(t, SIGPIPE); return -E.EPIPE; }
  const nonblock = (flags & SPLICE_F_NONBLOCK) !== 0;
  if (inp.pipe.size === 0) {
    if (inp.pipe.writers === 0) return 0;
    if (nonblock || (inp.flags & O_NONBLOCK)) return -E.EAGAIN;
    return blockOn(t, inp.waitFor(POLLIN));
  }
  if (out.pipe.full()) {
    if (nonblock || (out.flags & O_NONBLOCK)) return -E.EAGAIN;
    return blockOn(t, out.waitFor(POLLOUT));
  }
  const buf = new Uint8Array(Math.min(len, inp.pipe.size, out.pipe.free()));
  return out.pipe.put(buf.subarray(0, inp.pipe.peek(buf)));
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [40, sysSendfile, 'hybrid', 'full', ['fd', 'fd', 'ptr', 'size']],
  [275, sysSplice, 'hybrid', 'partial', ['fd', 'ptr', 'fd', 'ptr', 'size', 'hex'], 'copies through a buffer'],
  [276, sysTee, 'hybrid', 'full', ['fd', 'fd', 'size', 'hex']],
  [326, sysCopyFileRange, 'hybrid', 'full', ['fd', 'ptr', 'fd', 'ptr', 'size', 'hex']],
];
