// Open file descriptions (open(2) "open file description"): the object a capability names.
// Offset and status flags live here and are shared by dup(2) and fork(2), as on Linux.
import fs from 'node:fs';
import { EAGAIN, EBADF, EINVAL, ENOENT, ENOTDIR, EROFS, ENOTTY, ENXIO, ESPIPE, EISDIR, EPIPE } from '../../musl-shim/abi/errno.js';
import {
  O_APPEND, S_IFCHR, S_IFIFO, S_IFREG, S_IFDIR, SEEK_CUR, SEEK_DATA, SEEK_END, SEEK_HOLE, SEEK_SET,
} from '../../musl-shim/abi/fcntl.js';
import { hostErrno } from './host_errno.js';
import type { DirEnt, StatFsInfo } from './types.js';

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
    if (--this.refs === 0) {
      this.close();
      for (const h of closeHooks) h(this);
    }
  }
  protected close(): void {}

  // ---- VFS operations on an open description (defaults suit anonymous objects) -------------

  /** Where the object is now in the guest namespace (dirfds, fchdir, /proc/self/fd); null if nowhere. */
  guestPath(): string | null { return null; }
  /** Directory entries including '.' and '..' (getdents64(2)); -ENOTDIR for non-directories. */
  dirEntries(): DirEnt[] | number { return -ENOTDIR; }
  /** True when the object lies on a read-only mount (writes and attribute changes: EROFS). */
  readOnlyMount(): boolean { return false; }
  /** A new open of the same object (open("/proc/self/fd/N")); by default the same description. */
  reopen(_flags: number): FileDescription | number { this.refs++; return this; }
  /** fchmod(2); anonymous objects accept it (their mode is not kept). */
  fchmod(_mode: number): number { return 0; }
  /** fchown(2); -1 leaves an id unchanged. */
  fchown(_uid: number, _gid: number): number { return 0; }
  /** futimens(2) (TIME_NOW/TIME_OMIT from types.ts). */
  futimens(_atimeNs: bigint, _mtimeNs: bigint): number { return 0; }
  /** ftruncate(2) on a regular file (descriptions with a truncate(len) method use it). */
  ftruncate(len: number): number {
    const tr = (this as unknown as { truncate?: unknown }).truncate;
    if (typeof tr === 'function') return (tr as (n: number) => number).call(this, len);
    return -EINVAL;
  }
  /** fsync(2)/fdatasync(2): -EINVAL for objects that cannot be synced (pipes, sockets). */
  fsync(_dataOnly: boolean): number { return -EINVAL; }
  /** fstatfs(2). */
  fstatfs(): StatFsInfo | number { return anonStatFs(); }

  /** lseek(2). */
  lseek(off: number, whence: number): number {
    if (!this.seekable()) return -ESPIPE;
    let base: number;
    switch (whence) {
      case SEEK_SET: base = 0; break;
      case SEEK_CUR: base = this.offset; break;
      case SEEK_END: base = this.size(); break;
      case SEEK_DATA: case SEEK_HOLE: {
        // DIVERGES: no hole tracking: the whole file is data, the only hole is at EOF (as lseek(2)
        // allows for file systems without holes).
        const size = this.size();
        if (off < 0 || off >= size) return -ENXIO;
        this.offset = whence === SEEK_DATA ? off : size;
        return this.offset;
      }
      default: return -EINVAL;
    }
    const n = base + off;
    if (n < 0) return -EINVAL;
    this.offset = n;
    return n;
  }
}

/** Called with every description whose last reference goes (lock release: locks.ts). */
const closeHooks: ((f: FileDescription) => void)[] = [];

/** Registers a hook run when a description is finally released. */
export function onDescriptionClose(h: (f: FileDescription) => void): void {
  if (!closeHooks.includes(h)) closeHooks.push(h);
}

/** statfs of objects outside any mount (pipefs, anon inodes). */
export function anonStatFs(): StatFsInfo {
  return { type: 0x50495045, bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: 255, frsize: 4096, flags: 0x20 };
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

  /** The mount this file was opened through (host directory, guest mount point, read-only), if any. */
  mount: { hostRoot: string; point: string; ro: boolean } | null = null;

  override readOnlyMount(): boolean { return this.mount?.ro ?? false; }

  /** The host's current path of the open file (/proc/self/fd follows renames), or null. */
  hostPath(): string | null {
    try {
      const p = fs.readlinkSync(`/proc/self/fd/${this.fd}`, { encoding: 'buffer' }).toString('latin1');
      return p.endsWith(' (deleted)') || !p.startsWith('/') ? null : p;
    } catch {
      return null;
    }
  }

  override guestPath(): string | null {
    const m = this.mount;
    if (m === null || this.tmpName !== null) return null;
    const hp = this.hostPath();
    if (hp === null) return null;
    return hostToGuest(m.hostRoot, m.point, hp);
  }
  override reopen(flags: number): FileDescription | number {
    if (this.mount === null) return super.reopen(flags);
    let fd: number;
    try { fd = fs.openSync(`/proc/self/fd/${this.fd}`, flags & (3 | O_APPEND)); } catch (e) { return -hostErrno(e); }
    const f = new HostFile(fd, flags, this.path, true);
    f.mount = this.mount;
    return f;
  }
  override fchmod(mode: number): number {
    if (this.readOnlyMount()) return -EROFS;
    try { fs.fchmodSync(this.fd, mode); return 0; } catch (e) { return -hostErrno(e); }
  }
  override fchown(uid: number, gid: number): number {
    if (this.readOnlyMount()) return -EROFS;
    try { fs.fchownSync(this.fd, uid, gid); return 0; } catch (e) { return -hostErrno(e); }
  }
  override futimens(atimeNs: bigint, mtimeNs: bigint): number {
    if (this.readOnlyMount()) return -EROFS;
    const st = this.stat();
    if (typeof st === 'number') return st;
    try {
      fs.futimesSync(this.fd, hostTime(atimeNs, st.atimeNs), hostTime(mtimeNs, st.mtimeNs));
      return 0;
    } catch (e) { return -hostErrno(e); }
  }
  override ftruncate(len: number): number {
    if (!this.regular) return -EINVAL;
    if (this.readOnlyMount()) return -EROFS;
    try { fs.ftruncateSync(this.fd, len); return 0; } catch (e) { return -hostErrno(e); }
  }
  override fsync(dataOnly: boolean): number {
    if (!this.regular && !this.dir) return -EINVAL;
    try { if (dataOnly) fs.fdatasyncSync(this.fd); else fs.fsyncSync(this.fd); return 0; } catch (e) { return -hostErrno(e); }
  }
  override fstatfs(): StatFsInfo | number {
    return hostStatFs(`/proc/self/fd/${this.fd}`);
  }
  override dirEntries(): DirEnt[] | number {
    if (!this.dir) return -ENOTDIR;
    const p = `/proc/self/fd/${this.fd}`;
    try { if (fs.fstatSync(this.fd).nlink === 0) return -ENOENT; } catch (e) { return -hostErrno(e); }
    const list = hostDirList(p);
    if (typeof list === 'number') return list;
    const self = this.stat();
    let up: number;
    try { up = Number(fs.lstatSync(p + '/..', { bigint: true }).ino); } catch { up = typeof self === 'number' ? 0 : self.ino; }
    return [{ name: '.', ino: typeof self === 'number' ? 0 : self.ino, type: 4 }, { name: '..', ino: up, type: 4 }, ...list];
  }
  protected override close(): void {
    if (this.owned) try { fs.closeSync(this.fd); } catch { /* already gone */ }
    if (this.tmpName !== null) try { fs.unlinkSync(this.tmpName); } catch { /* renamed or removed */ }
  }

  /** O_TMPFILE emulation on host mounts: the hidden host name that keeps the file linkable. */
  tmpName: Buffer | null = null;
}

/** Name prefix of hidden O_TMPFILE files on host mounts (never listed to the guest). */
export const HOST_TMPFILE_PREFIX = '.#exo-tmpfile.';

/** A host path under hostRoot as a guest path under the mount point, or null if outside. */
export function hostToGuest(hostRoot: string, point: string, hp: string): string | null {
  let rest: string;
  if (hostRoot === '/') rest = hp.slice(1);
  else if (hp === hostRoot) rest = '';
  else if (hp.startsWith(hostRoot + '/')) rest = hp.slice(hostRoot.length + 1);
  else return null;
  if (rest === '') return point;
  return point === '/' ? '/' + rest : point + '/' + rest;
}

/**
 * A utimensat(2) time for node:fs (seconds; TIME_NOW -1n, TIME_OMIT -2n keep/refresh).
 * DIVERGES: node:fs (libuv) sets host times with microsecond resolution.
 */
export function hostTime(ns: bigint, current: bigint): number {
  if (ns === -2n) ns = current;
  else if (ns === -1n) return Date.now() / 1000;
  // libuv truncates to microseconds: aim at the middle of the microsecond.
  return (Number(ns / 1000n) + 0.5) / 1e6;
}

/** Entries of a host directory (without '.' and '..'), with inode numbers (one lstat each). */
export function hostDirList(p: string | Buffer): DirEnt[] | number {
  let ents: fs.Dirent<Buffer>[];
  try { ents = fs.readdirSync(p, { withFileTypes: true, encoding: 'buffer' }); } catch (e) { return -hostErrno(e); }
  const b = typeof p === 'string' ? Buffer.from(p, 'latin1') : p;
  const dir = b[b.length - 1] === 47 ? b : Buffer.concat([b, Buffer.from('/')]);
  const out: DirEnt[] = [];
  for (const d of ents) {
    const name = d.name.toString('latin1');
    if (name.startsWith(HOST_TMPFILE_PREFIX)) continue;
    let ino = 0;
    try { ino = Number(fs.lstatSync(Buffer.concat([dir, d.name]), { bigint: true }).ino); } catch { continue; } // vanished meanwhile
    const type = d.isFile() ? 8 : d.isDirectory() ? 4 : d.isSymbolicLink() ? 10 : d.isFIFO() ? 1 : d.isCharacterDevice() ? 2
      : d.isBlockDevice() ? 6 : d.isSocket() ? 12 : 0;
    out.push({ name, ino, type });
  }
  return out;
}

/** statfs(2) of a host path. */
export function hostStatFs(p: string | Buffer): StatFsInfo | number {
  try {
    const s = fs.statfsSync(p);
    return { type: s.type, bsize: s.bsize, blocks: s.blocks, bfree: s.bfree, bavail: s.bavail, files: s.files, ffree: s.ffree, namelen: 255, frsize: s.bsize, flags: 0x20 };
  } catch (e) { return -hostErrno(e); }
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
