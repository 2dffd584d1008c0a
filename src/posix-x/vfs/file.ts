// Open file descriptions (open(2) "open file description"): the object a capability names.
// Offset and status flags live here and are shared by dup(2) and fork(2), as on Linux.
import fs from 'node:fs';
import { EAGAIN, EBADF, EINVAL, ENOTTY, ESPIPE, EISDIR, EPIPE } from '../../musl-shim/abi/errno.js';
import { O_APPEND, S_IFCHR, S_IFIFO, S_IFREG, S_IFDIR, SEEK_CUR, SEEK_END, SEEK_SET } from '../../musl-shim/abi/fcntl.js';
import { hostErrno } from './host_errno.js';

/** poll(2) event bits (include/uapi/asm-generic/poll.h). */
export const POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20, POLLRDHUP = 0x2000;

/** The fields of struct stat (stat(2)) that we fill. */
export interface StatInfo {
  dev: number; ino: number; mode: number; nlink: number; uid: number; gid: number; rdev: number;
  size: number; blksize: number; blocks: number;
  atimeNs: bigint; mtimeNs: bigint; ctimeNs: bigint;
}

/** Result of a read/write: bytes transferred (>= 0) or -errno. */
export type IoResult = number;

/** An open file description. Subclasses implement what their object supports. */
export abstract class FileDescription {
  refs = 1;
  offset = 0;
  /** Status flags (O_APPEND, O_NONBLOCK, ...) and the access mode. */
  flags: number;
  /** Path it was opened by, for /proc/self/fd and traces. */
  path: string;

  constructor(flags: number, path: string) {
    this.flags = flags;
    this.path = path;
  }

  read(_buf: Uint8Array, _pos: number | null): IoResult { return -EINVAL; }
  write(_buf: Uint8Array, _pos: number | null): IoResult { return -EINVAL; }
  abstract stat(): StatInfo | number;
  /** Seekable objects return their size for SEEK_END; others -ESPIPE. */
  seekable(): boolean { return false; }
  size(): number { return 0; }
  isTty(): boolean { return false; }
  /**
   * Readiness for poll(2)/epoll(7): the subset of POLLIN|POLLOUT|POLLERR|POLLHUP (|POLLRDHUP...)
   * that holds now. Regular files and devices are always ready.
   */
  poll(events: number): number { return events & (POLLIN | POLLOUT); }
  /** A promise that settles when poll(events) may have changed (a blocked reader/writer waits on it). */
  waitFor(_events: number): Promise<void> { return new Promise<void>(() => {}); }
  /** Drops one reference; the last one releases the object. */
  release(): void {
    if (--this.refs === 0) this.close();
  }
  protected close(): void {}

  /** lseek(2). */
  lseek(off: number, whence: number): number {
    if (!this.seekable()) return -ESPIPE;
    let base: number;
    switch (whence) {
      case SEEK_SET: base = 0; break;
      case SEEK_CUR: base = this.offset; break;
      case SEEK_END: base = this.size(); break;
      default: return -EINVAL;
    }
    const n = base + off;
    if (n < 0) return -EINVAL;
    this.offset = n;
    return n;
  }
}

function synthStat(mode: number, rdev = 0): StatInfo {
  const now = BigInt(Date.now()) * 1000000n;
  return { dev: 5, ino: 1, mode, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev, size: 0, blksize: 4096, blocks: 0, atimeNs: now, mtimeNs: now, ctimeNs: now };
}

/** Converts node BigIntStats to StatInfo. */
export function fromHostStat(s: fs.BigIntStats): StatInfo {
  return {
    dev: Number(s.dev), ino: Number(s.ino), mode: Number(s.mode), nlink: Number(s.nlink), uid: Number(s.uid),
    gid: Number(s.gid), rdev: Number(s.rdev), size: Number(s.size), blksize: Number(s.blksize), blocks: Number(s.blocks),
    atimeNs: s.atimeNs, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs,
  };
}

/** A host file descriptor (host files, and the stdio exo-run inherited). */
export class HostFile extends FileDescription {
  private readonly regular: boolean;
  private readonly tty: boolean;
  private readonly dir: boolean;

  constructor(readonly fd: number, flags: number, path: string, private readonly owned: boolean) {
    super(flags, path);
    let st: fs.Stats | null = null;
    try { st = fs.fstatSync(fd); } catch { st = null; }
    this.regular = st !== null && st.isFile();
    this.dir = st !== null && st.isDirectory();
    let tty = false;
    try { tty = st !== null && st.isCharacterDevice() && require_tty(fd); } catch { tty = false; }
    this.tty = tty;
  }

  override read(buf: Uint8Array, pos: number | null): IoResult {
    if (this.dir) return -EISDIR;
    const p = pos ?? (this.regular ? this.offset : null);
    for (;;) {
      try {
        const n = fs.readSync(this.fd, buf, 0, buf.length, p);
        if (pos === null && this.regular) this.offset += n;
        return n;
      } catch (e) {
        const err = hostErrno(e);
        if (err === EAGAIN && !(this.flags & 0o4000)) { sleepBriefly(); continue; }
        return -err;
      }
    }
  }

  override write(buf: Uint8Array, pos: number | null): IoResult {
    if (this.regular && pos === null && (this.flags & O_APPEND)) this.offset = this.size();
    const p = pos ?? (this.regular ? this.offset : null);
    let done = 0;
    while (done < buf.length) {
      try {
        const n = fs.writeSync(this.fd, buf, done, buf.length - done, p === null ? null : p + done);
        done += n;
      } catch (e) {
        const err = hostErrno(e);
        if (err === EAGAIN && !(this.flags & 0o4000)) { sleepBriefly(); continue; }
        if (done > 0) break;
        return -err;
      }
    }
    if (pos === null && this.regular) this.offset += done;
    return done;
  }

  stat(): StatInfo | number {
    try { return fromHostStat(fs.fstatSync(this.fd, { bigint: true })); } catch (e) { return -hostErrno(e); }
  }

  override seekable(): boolean { return this.regular || this.dir; }
  override size(): number {
    try { return fs.fstatSync(this.fd).size; } catch { return 0; }
  }
  override isTty(): boolean { return this.tty; }
  protected override close(): void {
    if (this.owned) try { fs.closeSync(this.fd); } catch { /* already gone */ }
  }
}

import tty from 'node:tty';
function require_tty(fd: number): boolean { return tty.isatty(fd); }

const sleepBuf = new Int32Array(new SharedArrayBuffer(4));
function sleepBriefly(): void { Atomics.wait(sleepBuf, 0, 0, 1); }

/** Collects output in memory (test capture of stdout/stderr). */
export class CaptureFile extends FileDescription {
  readonly chunks: Uint8Array[] = [];
  constructor(path: string) { super(1, path); }
  override write(buf: Uint8Array): IoResult { this.chunks.push(buf.slice()); return buf.length; }
  override read(): IoResult { return -EBADF; }
  stat(): StatInfo { return synthStat(S_IFIFO | 0o600); }
  /** Everything written so far. */
  bytes(): Uint8Array { return Buffer.concat(this.chunks); }
}

/** Serves reads from a byte array (test stdin). */
export class BufferSource extends FileDescription {
  constructor(private readonly data: Uint8Array, path: string) { super(0, path); }
  override read(buf: Uint8Array): IoResult {
    const n = Math.min(buf.length, this.data.length - this.offset);
    buf.set(this.data.subarray(this.offset, this.offset + n));
    this.offset += n;
    return n;
  }
  override write(): IoResult { return -EBADF; }
  stat(): StatInfo { const s = synthStat(S_IFIFO | 0o600); s.size = 0; return s; }
}

/** /dev/null-like sink and empty source. */
export class NullFile extends FileDescription {
  override read(): IoResult { return 0; }
  override write(buf: Uint8Array): IoResult { return buf.length; }
  stat(): StatInfo { return synthStat(S_IFCHR | 0o666, (1 << 8) | 3); }
}

void ENOTTY; void EPIPE; void S_IFREG; void S_IFDIR;
