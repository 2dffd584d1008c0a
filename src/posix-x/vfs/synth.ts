// Synthetic file systems (the base of /dev and /proc): a tree computed on lookup, read-only except
// for the files that accept writes. File contents are generated when opened (a snapshot, like
// seq_file's first read) and served with offsets; device nodes open their own descriptions
// (null(4), zero(4), full(4), random(4)).
import { randomFillSync } from 'node:crypto';
import * as E from '../../musl-shim/abi/errno.js';
import { O_ACCMODE, O_RDONLY, S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../../musl-shim/abi/fcntl.js';
import { FileDescription, type IoResult, type StatInfo } from './file.js';
import { CRED, mayAccess, W_OK } from './perm.js';
import { type Backend, type Caller, type DirEnt, DT_DIR, dtype, type MagicTarget, type StatFsInfo, ST_VALID } from './types.js';

/** A node of a synthetic tree. */
export type SynthNode =
  | { kind: 'dir'; mode?: number; list(c: Caller): string[] }
  | { kind: 'file'; mode?: number; read(c: Caller): string | Uint8Array; write?(c: Caller, data: Uint8Array): number }
  | { kind: 'link'; target(c: Caller): string; magic?(c: Caller): MagicTarget | null }
  | { kind: 'dev'; mode: number; rdev: number; open(flags: number, c: Caller): FileDescription | number };

const bootNs = BigInt(Date.now()) * 1000000n;

/** A stable inode number for a synthetic path (FNV-1a). */
export function synthIno(rel: string, base: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < rel.length; i++) h = Math.imul(h ^ rel.charCodeAt(i), 0x01000193);
  return rel === '' ? 1 : base + ((h >>> 0) % 0x7fff0000);
}

/** A synthetic file system: subclasses map a mount-relative path to a node. */
export abstract class SynthBackend implements Backend {
  abstract readonly fsType: string;
  abstract readonly magicNumber: number;
  /** Guest mount point (set by the mount table). */
  point = '/';

  constructor(readonly dev: number) {}

  /** The node at rel for caller c, or null. */
  abstract lookup(rel: string, c: Caller): SynthNode | null;

  /** Owner of a node (procfs: the process's user). */
  protected owner(_rel: string, _c: Caller): [number, number] { return [0, 0]; }

  /** The guest path of rel. */
  guest(rel: string): string {
    if (rel === '') return this.point;
    return this.point === '/' ? '/' + rel : this.point + '/' + rel;
  }

  statNode(rel: string, n: SynthNode, c: Caller): StatInfo {
    let mode: number, rdev = 0, nlink = 1;
    switch (n.kind) {
      case 'dir': mode = S_IFDIR | (n.mode ?? 0o555); nlink = 2; break;
      case 'file': mode = S_IFREG | (n.mode ?? 0o444); break;
      case 'link': mode = S_IFLNK | 0o777; break;
      case 'dev': mode = n.mode; rdev = n.rdev; break;
    }
    const [uid, gid] = this.owner(rel, c);
    return {
      dev: this.dev, ino: synthIno(rel, 2), mode, nlink, uid, gid, rdev, size: 0, blksize: 1024, blocks: 0,
      atimeNs: bootNs, mtimeNs: bootNs, ctimeNs: bootNs,
    };
  }

  lstat(rel: string, c: Caller): StatInfo | number {
    const n = this.lookup(rel, c);
    return n === null ? -E.ENOENT : this.statNode(rel, n, c);
  }

  readlink(rel: string, c: Caller): string | number {
    const n = this.lookup(rel, c);
    if (n === null) return -E.ENOENT;
    return n.kind === 'link' ? n.target(c) : -E.EINVAL;
  }

  magic(rel: string, c: Caller): MagicTarget | null {
    const n = this.lookup(rel, c);
    return n !== null && n.kind === 'link' && n.magic ? n.magic(c) : null;
  }

  readdir(rel: string, c: Caller): DirEnt[] | number {
    const n = this.lookup(rel, c);
    if (n === null) return -E.ENOENT;
    if (n.kind !== 'dir') return -E.ENOTDIR;
    const out: DirEnt[] = [];
    for (const name of n.list(c)) {
      const crel = rel === '' ? name : rel + '/' + name;
      const ch = this.lookup(crel, c);
      if (ch === null) continue;
      out.push({ name, ino: synthIno(crel, 2), type: dtype(this.statNode(crel, ch, c).mode) });
    }
    return out;
  }

  open(rel: string, flags: number, _st: StatInfo, c: Caller): FileDescription | number {
    const n = this.lookup(rel, c);
    if (n === null) return -E.ENOENT;
    const writing = (flags & O_ACCMODE) !== O_RDONLY;
    switch (n.kind) {
      case 'dir': return new SynthDir(this, rel, flags, c);
      case 'file': {
        if (writing && !mayAccess(this.statNode(rel, n, c), W_OK)) return -E.EACCES;
        const d = n.read(c);
        return new SynthFile(typeof d === 'string' ? Buffer.from(d, 'latin1') : d, flags, this.guest(rel), this.statNode(rel, n, c), n.write ? (b) => n.write!(c, b) : null);
      }
      case 'dev': return n.open(flags, c);
      case 'link': return -E.ELOOP;
    }
  }

  // No new names here (procfs: ENOENT); existing ones cannot go (EPERM). DIVERGES for /dev,
  // where root could create nodes.
  create(): number { return -E.ENOENT; }
  tmpfile(): number { return -E.EOPNOTSUPP; }
  mkdir(): number { return -E.ENOENT; }
  mknod(): number { return -E.ENOENT; }
  symlink(): number { return -E.ENOENT; }
  link(): number { return -E.ENOENT; }
  unlink(): number { return -E.EPERM; }
  rmdir(): number { return -E.EPERM; }
  rename(): number { return -E.EPERM; }
  exchange(): number { return -E.EPERM; }
  chmod(): number { return -E.EPERM; }
  chown(): number { return -E.EPERM; }
  utimens(): number { return -E.EPERM; }
  truncate(): number { return -E.EACCES; }
  statfs(): StatFsInfo {
    return { type: this.magicNumber, bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: 255, frsize: 4096, flags: ST_VALID };
  }
}

/** A generated file: the contents as of open. */
export class SynthFile extends FileDescription {
  constructor(private readonly data: Uint8Array, flags: number, path: string, private readonly st: StatInfo,
    private readonly writer: ((b: Uint8Array) => number) | null) {
    super(flags, path);
  }
  override read(buf: Uint8Array, pos: number | null): IoResult {
    const at = pos ?? this.offset;
    const n = Math.max(0, Math.min(buf.length, this.data.length - at));
    if (n > 0) buf.set(this.data.subarray(at, at + n));
    if (pos === null) this.offset = at + n;
    return n;
  }
  override write(buf: Uint8Array): IoResult { return this.writer === null ? -E.EINVAL : this.writer(buf); }
  stat(): StatInfo { return { ...this.st }; }
  override seekable(): boolean { return true; }
  override size(): number { return this.data.length; }
  override guestPath(): string { return this.path; }
  override fchmod(): number { return -E.EPERM; }
  override fchown(): number { return -E.EPERM; }
  override futimens(): number { return -E.EPERM; }
  override fsync(): number { return 0; }
}

/** An open synthetic directory (entries listed at each getdents from offset 0). */
export class SynthDir extends FileDescription {
  constructor(private readonly be: SynthBackend, private readonly rel: string, flags: number, private readonly c: Caller) {
    super(flags, be.guest(rel));
  }
  override read(): IoResult { return -E.EISDIR; }
  override write(): IoResult { return -E.EBADF; }
  stat(): StatInfo | number { return this.be.lstat(this.rel, this.c); }
  override seekable(): boolean { return true; }
  override guestPath(): string { return this.path; }
  override dirEntries(): DirEnt[] | number {
    const list = this.be.readdir(this.rel, this.c);
    if (typeof list === 'number') return list;
    const up = this.rel.includes('/') ? this.rel.slice(0, this.rel.lastIndexOf('/')) : '';
    return [{ name: '.', ino: synthIno(this.rel, 2), type: DT_DIR }, { name: '..', ino: synthIno(up, 2), type: DT_DIR }, ...list];
  }
  override reopen(flags: number): FileDescription { return new SynthDir(this.be, this.rel, flags, this.c); }
  override fchmod(): number { return -E.EPERM; }
  override fchown(): number { return -E.EPERM; }
  override futimens(): number { return -E.EPERM; }
  override fsync(): number { return 0; }
  override fstatfs(): StatFsInfo { return this.be.statfs(); }
}

function devStat(rdev: number): StatInfo {
  return {
    dev: 5, ino: 100 + rdev, mode: S_IFCHR | 0o666, nlink: 1, uid: 0, gid: 0, rdev, size: 0, blksize: 4096, blocks: 0,
    atimeNs: bootNs, mtimeNs: bootNs, ctimeNs: bootNs,
  };
}

/** Character devices of mem(4): null, zero, full, random, urandom. */
export class MemDevice extends FileDescription {
  constructor(private readonly kind: 'null' | 'zero' | 'full' | 'random', private readonly rdev: number, flags: number, path: string) {
    super(flags, path);
  }
  override read(buf: Uint8Array): IoResult {
    switch (this.kind) {
      case 'null': return 0;
      case 'random': randomFillSync(buf); return buf.length;
      default: buf.fill(0); return buf.length;
    }
  }
  override write(buf: Uint8Array): IoResult {
    return this.kind === 'full' ? -E.ENOSPC : buf.length;
  }
  stat(): StatInfo { return devStat(this.rdev); }
  /** lseek(2) on these devices always succeeds and reports 0 (null_lseek, noop semantics). */
  override lseek(_off: number, whence: number): number {
    if (whence < 0 || whence > 4) return -E.EINVAL;
    this.offset = 0;
    return 0;
  }
  override guestPath(): string { return this.path; }
  override reopen(flags: number): FileDescription { return new MemDevice(this.kind, this.rdev, flags, this.path); }
  override fchmod(): number { return 0; }
  override fsync(): number { return -E.EINVAL; }
}

/** Owner ids of synthetic files in the caller's own /proc entries. */
export function callerIds(): [number, number] { return [CRED.uid, CRED.gid]; }

void S_IFMT;
