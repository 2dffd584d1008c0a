// Pipes (pipe(7)): a bounded byte queue with a read end and a write end. Capacity 64 KiB by
// default (F_GETPIPE_SZ/F_SETPIPE_SZ), writes of at most PIPE_BUF bytes are atomic, EOF once every
// write end is closed, EPIPE (the caller raises SIGPIPE) once every read end is closed.
import { EAGAIN, EBUSY, EINVAL, EPERM, EPIPE } from '../../musl-shim/abi/errno.js';
import { O_ACCMODE, O_RDONLY, O_WRONLY, S_IFIFO } from '../../musl-shim/abi/fcntl.js';
import { WaitQueue } from '../wait.js';
import { FileDescription, POLLERR, POLLHUP, POLLIN, POLLOUT, type IoResult, type StatInfo } from './file.js';

/** Atomic write size (limits.h). */
export const PIPE_BUF = 4096;
/** Default capacity (16 pages, pipe(7) "Pipe capacity"). */
export const PIPE_DEF_SIZE = 65536;
/** /proc/sys/fs/pipe-max-size. */
export const PIPE_MAX_SIZE = 1048576;
const PAGE = 4096;
/** poll(2) bits beyond file.ts's set. */
export const POLLRDNORM = 0x40, POLLWRNORM = 0x100;

let nextIno = 1;

/** One page of buffered data (struct pipe_buffer). */
interface PipeBuffer {
  page: Uint8Array;
  off: number;
  len: number;
}

/**
 * The shared state of one pipe (or FIFO): a ring of page buffers as fs/pipe.c keeps them, so
 * capacity, merging of small writes and PIPE_BUF atomicity behave as Linux's (a write's remainder
 * below a page merges into the last page only when it fits whole; full pages take free slots).
 */
export class Pipe {
  private bufs: PipeBuffer[] = [];
  /** Bytes buffered. */
  size = 0;
  /** Slots (pages) in the ring: capacity / PAGE_SIZE. */
  slots = PIPE_DEF_SIZE / PAGE;
  readers = 0;
  writers = 0;
  /** Notified on every change of readiness (data, space, an end closing). */
  readonly changed = new WaitQueue();
  readonly ino = nextIno++;
  readonly ctimeNs = BigInt(Date.now()) * 1000000n;

  /** Capacity in bytes (F_GETPIPE_SZ). */
  get capacity(): number { return this.slots * PAGE; }
  /** True when no slot is free (pipe_full). */
  full(): boolean { return this.bufs.length >= this.slots; }
  /** Bytes that whole free pages can take now. */
  free(): number { return (this.slots - this.bufs.length) * PAGE; }

  /** Takes up to buf.length bytes; emptied pages free their slots. */
  take(buf: Uint8Array): number {
    let n = 0;
    while (n < buf.length && this.bufs.length > 0) {
      const b = this.bufs[0];
      const k = Math.min(buf.length - n, b.len);
      buf.set(b.page.subarray(b.off, b.off + k), n);
      n += k;
      b.off += k;
      b.len -= k;
      if (b.len === 0) this.bufs.shift();
    }
    this.size -= n;
    if (n > 0) this.changed.notify();
    return n;
  }

  /** Copies up to buf.length bytes without consuming them (tee(2)). */
  peek(buf: Uint8Array): number {
    let n = 0;
    for (const b of this.bufs) {
      if (n >= buf.length) break;
      const k = Math.min(buf.length - n, b.len);
      buf.set(b.page.subarray(b.off, b.off + k), n);
      n += k;
    }
    return n;
  }

  /** pipe_write's copy: returns the bytes taken (0 when none fit). */
  put(src: Uint8Array): number {
    let done = 0;
    const chars = src.length & (PAGE - 1);
    const last = this.bufs[this.bufs.length - 1];
    if (chars !== 0 && last !== undefined && last.off + last.len + chars <= PAGE) {
      last.page.set(src.subarray(0, chars), last.off + last.len);
      last.len += chars;
      done = chars;
    }
    while (done < src.length && !this.full()) {
      const k = Math.min(PAGE, src.length - done);
      const page = new Uint8Array(PAGE);
      page.set(src.subarray(done, done + k));
      this.bufs.push({ page, off: 0, len: k });
      done += k;
    }
    this.size += done;
    if (done > 0) this.changed.notify();
    return done;
  }

  /** F_SETPIPE_SZ: rounds up to a power-of-two number of pages; returns the new size or -errno. */
  resize(want: number): number {
    if (want < 0 || want > 0x7fffffff) return -EINVAL;
    if (want > PIPE_MAX_SIZE) return -EPERM;
    let n = PAGE;
    while (n < want) n *= 2;
    if (n / PAGE < this.bufs.length) return -EBUSY;
    this.slots = n / PAGE;
    this.changed.notify();
    return n;
  }
}

/** One end of a pipe as an open file description. */
export class PipeEnd extends FileDescription {
  private readonly reading: boolean;

  constructor(readonly pipe: Pipe, flags: number, path: string) {
    super(flags, path);
    this.reading = (flags & O_ACCMODE) === O_RDONLY;
    if (this.reading) pipe.readers++; else pipe.writers++;
  }

  /** Reads what is buffered; 0 at EOF (no writers); -EAGAIN when empty (the caller blocks). */
  override read(buf: Uint8Array): IoResult {
    if (!this.reading) return -EINVAL;
    const p = this.pipe;
    if (p.size > 0) return p.take(buf);
    return p.writers === 0 ? 0 : -EAGAIN;
  }

  /**
   * Writes what fits of buf (pipe_write without its wait): a write of at most PIPE_BUF bytes
   * goes in whole or not at all. -EAGAIN when nothing fits, -EPIPE when nobody can read.
   */
  override write(buf: Uint8Array): IoResult {
    if (this.reading) return -EINVAL;
    const p = this.pipe;
    if (p.readers === 0) return -EPIPE;
    const n = p.put(buf);
    return n > 0 ? n : -EAGAIN;
  }

  override poll(events: number): number {
    const p = this.pipe;
    let r = 0;
    if (this.reading) {
      if (p.size > 0) r |= POLLIN | POLLRDNORM;
      if (p.writers === 0) r |= POLLHUP;
    } else {
      if (!p.full()) r |= POLLOUT | POLLWRNORM;
      if (p.readers === 0) r |= POLLERR;
    }
    return r & (events | POLLERR | POLLHUP);
  }

  override waitFor(_events: number): Promise<void> {
    return this.pipe.changed.wait();
  }

  /** Readiness change count (epoll EPOLLET). */
  changeSeq(): number { return this.pipe.changed.seq; }

  stat(): StatInfo {
    const p = this.pipe;
    return {
      dev: 12, ino: p.ino, mode: S_IFIFO | 0o600, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0,
      rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: p.ctimeNs, mtimeNs: p.ctimeNs, ctimeNs: p.ctimeNs,
    };
  }

  /** Bytes readable now (FIONREAD). */
  readable(): number { return this.pipe.size; }
  /** F_GETPIPE_SZ. */
  pipeSize(): number { return this.pipe.capacity; }
  /** F_SETPIPE_SZ. */
  setPipeSize(n: number): number { return this.pipe.resize(n); }

  protected override close(): void {
    const p = this.pipe;
    if (this.reading) p.readers--; else p.writers--;
    p.changed.notify();
  }
}

/** A new anonymous pipe: [read end, write end] (pipe2(2) flags: O_NONBLOCK, O_DIRECT ignored). */
export function makePipe(statusFlags: number): [PipeEnd, PipeEnd] {
  const p = new Pipe();
  const name = `pipe:[${p.ino}]`;
  return [new PipeEnd(p, O_RDONLY | statusFlags, name), new PipeEnd(p, O_WRONLY | statusFlags, name)];
}
