// memfd_create(2): an anonymous, growable in-memory regular file, with file seals (F_ADD_SEALS,
// F_GET_SEALS: fcntl(2) "File Sealing") when created with MFD_ALLOW_SEALING.
import { EFBIG, EINVAL, EPERM } from '../../musl-shim/abi/errno.js';
import { O_APPEND, O_RDWR, S_IFREG } from '../../musl-shim/abi/fcntl.js';
import { FileDescription, type IoResult, type StatInfo } from './file.js';

/** Seal bits (include/uapi/linux/fcntl.h). */
export const F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8, F_SEAL_FUTURE_WRITE = 16;
/** fcntl(2) commands for seals. */
export const F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
/** Largest size we store (a JS array buffer's practical limit here). */
const MAX_SIZE = 2 ** 31;

let nextIno = 1;

/** The memfd's contents (an inode: every description of it shares this). */
export class MemInode {
  data = new Uint8Array(0);
  size = 0;
  seals = 0;
  readonly ino = nextIno++;
  mtimeNs = BigInt(Date.now()) * 1000000n;
  ctimeNs = this.mtimeNs;
  mode = 0o777;

  /** Makes room for `n` bytes (amortised doubling). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new Uint8Array(Math.max(n, Math.min(MAX_SIZE, this.data.length * 2), 4096));
    next.set(this.data.subarray(0, this.size));
    this.data = next;
  }

  /** ftruncate(2): zero-fills growth, drops bytes past a shrink. */
  truncate(len: number): number {
    if (len < 0) return -EINVAL;
    if (len > MAX_SIZE) return -EFBIG;
    if (len < this.size && (this.seals & F_SEAL_SHRINK)) return -EPERM;
    if (len > this.size && (this.seals & F_SEAL_GROW)) return -EPERM;
    if (len > this.size) { this.reserve(len); this.data.fill(0, this.size, len); }
    else this.data.fill(0, len, this.size);
    this.size = len;
    this.touch();
    return 0;
  }

  touch(): void {
    this.mtimeNs = BigInt(Date.now()) * 1000000n;
    this.ctimeNs = this.mtimeNs;
  }
}

/** An open memfd. */
export class MemFd extends FileDescription {
  constructor(readonly inode: MemInode, flags: number, path: string) {
    super(flags, path);
  }

  override read(buf: Uint8Array, pos: number | null): IoResult {
    const ino = this.inode;
    const at = pos ?? this.offset;
    const n = Math.max(0, Math.min(buf.length, ino.size - at));
    if (n > 0) buf.set(ino.data.subarray(at, at + n));
    if (pos === null) this.offset += n;
    return n;
  }

  override write(buf: Uint8Array, pos: number | null): IoResult {
    const ino = this.inode;
    if (ino.seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) return -EPERM;
    const at = pos ?? ((this.flags & O_APPEND) ? ino.size : this.offset);
    const end = at + buf.length;
    if (end > MAX_SIZE) return -EFBIG;
    if (end > ino.size && (ino.seals & F_SEAL_GROW)) return -EPERM;
    ino.reserve(end);
    if (at > ino.size) ino.data.fill(0, ino.size, at);
    ino.data.set(buf, at);
    if (end > ino.size) ino.size = end;
    if (pos === null) this.offset = end;
    ino.touch();
    return buf.length;
  }

  stat(): StatInfo {
    const ino = this.inode;
    return {
      dev: 1, ino: ino.ino, mode: S_IFREG | ino.mode, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0,
      rdev: 0, size: ino.size, blksize: 4096, blocks: Math.ceil(ino.size / 512),
      atimeNs: ino.mtimeNs, mtimeNs: ino.mtimeNs, ctimeNs: ino.ctimeNs,
    };
  }

  override seekable(): boolean { return true; }
  override size(): number { return this.inode.size; }

  /** ftruncate(2) hook. */
  truncate(len: number): number { return this.inode.truncate(len); }

  /** F_ADD_SEALS: -EPERM without MFD_ALLOW_SEALING (F_SEAL_SEAL set at creation) or once sealed. */
  addSeals(seals: number): number {
    if (seals & ~(F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) return -EINVAL;
    if (this.inode.seals & F_SEAL_SEAL) return -EPERM;
    // DIVERGES: F_SEAL_WRITE does not check for existing writable shared mappings (EBUSY).
    this.inode.seals |= seals;
    return 0;
  }

  /** F_GET_SEALS. */
  getSeals(): number { return this.inode.seals; }
}

/** A new memfd (memfd_create(2)): the name shows as "/memfd:NAME (deleted)". */
export function makeMemfd(name: string, allowSealing: boolean): MemFd {
  const ino = new MemInode();
  if (!allowSealing) ino.seals = F_SEAL_SEAL;
  return new MemFd(ino, O_RDWR, `/memfd:${name} (deleted)`);
}
