// memfs volumes (tmpfs(5)-like in-memory mounts: --tmpfs, the --sandbox root, /dev/shm). memfs is
// used only as storage: its Superblock's links (directory entries) and nodes (inodes). Every
// POSIX rule (rename onto a non-empty directory, hard links to directories, EISDIR on reading a
// directory, FIFOs, permissions...) is enforced by the VFS above; this module does the raw edits.
import { Volume } from 'memfs';
import * as E from '../../musl-shim/abi/errno.js';
import { O_APPEND, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG } from '../../musl-shim/abi/fcntl.js';
import { FileDescription, type IoResult, type StatInfo } from './file.js';
import {
  type Backend, type Caller, type DirEnt, DT_DIR, dtype, type MagicTarget, type StatFsInfo, ST_VALID, TIME_NOW,
  TIME_OMIT, TMPFS_MAGIC,
} from './types.js';

type Superblock = Volume['_core'];
type Link = Superblock['root'];
type MNode = ReturnType<Link['getNode']>;

/** Largest file a volume stores. DIVERGES: memfs files are capped at 1 GiB (EFBIG past it). */
export const MEM_MAX_FILE = 2 ** 30;
/** tmpfs reports directory sizes as entries x BOGO_DIRENT_SIZE. */
const BOGO_DIRENT = 20;

/** Nanosecond timestamps kept beside memfs's millisecond Dates (utimensat precision). */
interface NsTimes { a: bigint; m: bigint; c: bigint }

/** One in-memory volume. */
export class MemBackend implements Backend {
  readonly fsType = 'tmpfs';
  private readonly sb: Superblock;
  /** Open descriptions per inode: an unlinked inode lives until its last close. */
  private readonly opens = new Map<MNode, number>();
  private readonly ns = new WeakMap<MNode, NsTimes>();
  /** Guest mount point (set by the mount table). */
  point = '/';

  constructor(readonly dev: number, rootMode = 0o755) {
    this.sb = new Volume()._core;
    const root = this.sb.root.getNode();
    root.mode = S_IFDIR | rootMode;
    root.nlink = 2; // memfs counts the root's "." and ".." links twice
  }

  // ---- walking -------------------------------------------------------------------------------

  /** The link at rel (no symlink following: the VFS resolved them). */
  private walk(rel: string): Link | number {
    let l: Link = this.sb.root;
    if (rel === '') return l;
    for (const name of rel.split('/')) {
      if (!l.getNode().isDirectory()) return -E.ENOTDIR;
      const c = l.children.get(name);
      if (c === undefined || name === '.' || name === '..') return -E.ENOENT;
      l = c;
    }
    return l;
  }

  /** The parent directory link and last name of rel. */
  private parent(rel: string): [Link, string] | number {
    const k = rel.lastIndexOf('/');
    const dir = this.walk(k < 0 ? '' : rel.slice(0, k));
    if (typeof dir === 'number') return dir;
    if (!dir.getNode().isDirectory()) return -E.ENOTDIR;
    return [dir, rel.slice(k + 1)];
  }

  private node(rel: string): MNode | number {
    const l = this.walk(rel);
    return typeof l === 'number' ? l : l.getNode();
  }

  /** The mount-relative path of a link still attached to the tree, or null. */
  relOf(l: Link): string | null {
    const names: string[] = [];
    let cur: Link = l;
    while (cur !== this.sb.root) {
      const p = cur.parent;
      if (p === undefined || p.children.get(cur.name) !== cur) return null;
      names.push(cur.name);
      cur = p;
    }
    return names.reverse().join('/');
  }

  // ---- inode bookkeeping ---------------------------------------------------------------------

  /** stat(2) of an inode. */
  statOf(n: MNode): StatInfo {
    const type = n.mode & S_IFMT;
    let size = n.getSize();
    if (type === S_IFDIR) size = 0;
    else if (type === S_IFLNK) size = Buffer.byteLength(n.symlink, 'latin1');
    const t = this.ns.get(n);
    const ms = (d: Date, exact: bigint | undefined): bigint =>
      exact !== undefined && exact / 1000000n === BigInt(d.getTime()) ? exact : BigInt(d.getTime()) * 1000000n;
    return {
      dev: this.dev, ino: n.ino, mode: n.mode, nlink: n.nlink, uid: n.uid, gid: n.gid, rdev: n.rdev,
      size, blksize: 4096, blocks: Math.ceil(size / 4096) * 8,
      atimeNs: ms(n.atime, t?.a), mtimeNs: ms(n.mtime, t?.m), ctimeNs: ms(n.ctime, t?.c),
    };
  }

  /** Directory size as tmpfs reports it. */
  private dirSize(l: Link): number {
    return (this.childCount(l) + 2) * BOGO_DIRENT;
  }

  private childCount(l: Link): number {
    let n = 0;
    for (const k of l.children.keys()) if (k !== '.' && k !== '..') n++;
    return n;
  }

  /** An open description of an inode was created. */
  opened(n: MNode): void {
    this.opens.set(n, (this.opens.get(n) ?? 0) + 1);
  }

  /** An open description of an inode was released: frees an unlinked inode. */
  closed(n: MNode): void {
    const c = (this.opens.get(n) ?? 1) - 1;
    if (c > 0) { this.opens.set(n, c); return; }
    this.opens.delete(n);
    this.maybeFree(n);
  }

  private maybeFree(n: MNode): void {
    if (n.nlink <= 0 && !this.opens.has(n)) this.sb.deleteNode(n);
  }

  /** Removes one link (unlink or the victim of a rename). */
  private dropLink(parent: Link, l: Link): void {
    const n = l.getNode();
    parent.deleteChild(l);
    if (n.isDirectory()) n.nlink = 0;
    else n.nlink = n.nlink - 1;
    this.maybeFree(n);
  }

  /** Sets timestamps exactly (TIME_NOW / TIME_OMIT as utimensat(2)). */
  setTimes(n: MNode, atimeNs: bigint, mtimeNs: bigint): void {
    const now = BigInt(Date.now()) * 1000000n;
    const t = this.ns.get(n) ?? { a: -1n, m: -1n, c: -1n };
    if (atimeNs !== TIME_OMIT) { t.a = atimeNs === TIME_NOW ? now : atimeNs; n.atime = new Date(Number(t.a / 1000000n)); }
    if (mtimeNs !== TIME_OMIT) { t.m = mtimeNs === TIME_NOW ? now : mtimeNs; n.mtime = new Date(Number(t.m / 1000000n)); }
    t.c = now;
    n.ctime = new Date(Number(now / 1000000n));
    this.ns.set(n, t);
  }

  // ---- Backend -------------------------------------------------------------------------------

  lstat(rel: string): StatInfo | number {
    const l = this.walk(rel);
    if (typeof l === 'number') return l;
    const st = this.statOf(l.getNode());
    if ((st.mode & S_IFMT) === S_IFDIR) st.size = this.dirSize(l);
    return st;
  }

  readlink(rel: string): string | number {
    const n = this.node(rel);
    if (typeof n === 'number') return n;
    return n.isSymlink() ? n.symlink : -E.EINVAL;
  }

  magic(): MagicTarget | null { return null; }

  readdir(rel: string): DirEnt[] | number {
    const l = this.walk(rel);
    if (typeof l === 'number') return l;
    if (!l.getNode().isDirectory()) return -E.ENOTDIR;
    const out: DirEnt[] = [];
    for (const [name, c] of l.children) {
      if (name === '.' || name === '..' || c === undefined) continue;
      const n = c.getNode();
      out.push({ name, ino: n.ino, type: dtype(n.mode) });
    }
    return out;
  }

  open(rel: string, flags: number, _st: StatInfo, c: Caller): FileDescription | number {
    const l = this.walk(rel);
    if (typeof l === 'number') return l;
    return new MemFile(this, l.getNode(), l, flags, '', c);
  }

  create(rel: string, flags: number, mode: number, c: Caller): FileDescription | number {
    const pn = this.parent(rel);
    if (typeof pn === 'number') return pn;
    const [p, name] = pn;
    if (p.children.has(name)) return -E.EEXIST;
    const l = p.createChild(name, this.sb.createNode(S_IFREG | (mode & 0o7777)));
    return new MemFile(this, l.getNode(), l, flags, '', c);
  }

  tmpfile(rel: string, flags: number, mode: number, c: Caller): FileDescription | number {
    const d = this.walk(rel);
    if (typeof d === 'number') return d;
    const n = this.sb.createNode(S_IFREG | (mode & 0o7777));
    n.nlink = 0;
    return new MemFile(this, n, null, flags, '', c);
  }

  /** linkat(2) of an open description (O_TMPFILE files, /proc/self/fd/N). */
  linkDesc(f: FileDescription, newRel: string): number {
    if (!(f instanceof MemFile) || f.backend !== this) return -E.EXDEV;
    const pn = this.parent(newRel);
    if (typeof pn === 'number') return pn;
    const [p, name] = pn;
    if (p.children.has(name)) return -E.EEXIST;
    if (f.node.isDirectory()) return -E.EPERM;
    if (f.node.nlink === 0 && !f.tmpfile) return -E.ENOENT; // a deleted file cannot be linked back
    p.createChild(name, f.node);
    f.node.nlink = f.node.nlink + 1;
    return 0;
  }

  mkdir(rel: string, mode: number): number {
    const pn = this.parent(rel);
    if (typeof pn === 'number') return pn;
    const [p, name] = pn;
    if (p.children.has(name)) return -E.EEXIST;
    p.createChild(name, this.sb.createNode(S_IFDIR | (mode & 0o7777)));
    return 0;
  }

  mknod(rel: string, mode: number): number {
    const pn = this.parent(rel);
    if (typeof pn === 'number') return pn;
    const [p, name] = pn;
    if (p.children.has(name)) return -E.EEXIST;
    const type = mode & S_IFMT;
    if (type !== S_IFIFO && type !== S_IFREG) return -E.EPERM;
    p.createChild(name, this.sb.createNode(type | (mode & 0o7777)));
    return 0;
  }

  symlink(target: string, rel: string): number {
    const pn = this.parent(rel);
    if (typeof pn === 'number') return pn;
    const [p, name] = pn;
    if (p.children.has(name)) return -E.EEXIST;
    const n = this.sb.createNode(S_IFLNK | 0o777);
    n.symlink = target;
    p.createChild(name, n);
    return 0;
  }

  link(oldRel: string, newRel: string): number {
    const n = this.node(oldRel);
    if (typeof n === 'number') return n;
    const pn = this.parent(newRel);
    if (typeof pn === 'number') return pn;
    const [p, name] = pn;
    if (p.children.has(name)) return -E.EEXIST;
    if (n.isDirectory()) return -E.EPERM;
    p.createChild(name, n);
    n.nlink = n.nlink + 1;
    return 0;
  }

  unlink(rel: string): number {
    const l = this.walk(rel);
    if (typeof l === 'number') return l;
    if (l.parent === undefined) return -E.EBUSY;
    this.dropLink(l.parent, l);
    return 0;
  }

  rmdir(rel: string): number {
    const l = this.walk(rel);
    if (typeof l === 'number') return l;
    if (l.parent === undefined) return -E.EBUSY;
    if (!l.getNode().isDirectory()) return -E.ENOTDIR;
    if (this.childCount(l) > 0) return -E.ENOTEMPTY;
    this.dropLink(l.parent, l);
    return 0;
  }

  rename(oldRel: string, newRel: string): number {
    const l = this.walk(oldRel);
    if (typeof l === 'number') return l;
    const pn = this.parent(newRel);
    if (typeof pn === 'number') return pn;
    const [np, nn] = pn;
    const victim = np.children.get(nn);
    if (victim === l) return 0;
    if (l.parent === undefined) return -E.EBUSY;
    if (victim !== undefined) this.dropLink(np, victim);
    l.parent.deleteChild(l);
    l.name = nn;
    np.setChild(nn, l);
    l.syncSteps();
    l.getNode().ctime = new Date();
    return 0;
  }

  exchange(aRel: string, bRel: string): number {
    const a = this.walk(aRel), b = this.walk(bRel);
    if (typeof a === 'number') return a;
    if (typeof b === 'number') return b;
    const pa = a.parent, pb = b.parent;
    if (pa === undefined || pb === undefined) return -E.EBUSY;
    if (a === b) return 0;
    const na = a.name, nb = b.name;
    pa.deleteChild(a);
    pb.deleteChild(b);
    a.name = nb; b.name = na;
    pa.setChild(na, b);
    pb.setChild(nb, a);
    a.syncSteps(); b.syncSteps();
    return 0;
  }

  chmod(rel: string, mode: number): number {
    const n = this.node(rel);
    if (typeof n === 'number') return n;
    n.mode = (n.mode & S_IFMT) | (mode & 0o7777);
    n.ctime = new Date();
    return 0;
  }

  chown(rel: string, uid: number, gid: number): number {
    const n = this.node(rel);
    if (typeof n === 'number') return n;
    chownNode(n, uid, gid);
    return 0;
  }

  utimens(rel: string, atimeNs: bigint, mtimeNs: bigint): number {
    const n = this.node(rel);
    if (typeof n === 'number') return n;
    this.setTimes(n, atimeNs, mtimeNs);
    return 0;
  }

  truncate(rel: string, length: number): number {
    const n = this.node(rel);
    if (typeof n === 'number') return n;
    if (length > MEM_MAX_FILE) return -E.EFBIG;
    n.truncate(length);
    return 0;
  }

  statfs(): StatFsInfo {
    const used = Object.keys(this.sb.inodes).length;
    const blocks = MEM_MAX_FILE / 4096 * 4;
    return { type: TMPFS_MAGIC, bsize: 4096, blocks, bfree: blocks, bavail: blocks, files: 1 << 20, ffree: (1 << 20) - used, namelen: 255, frsize: 4096, flags: ST_VALID };
  }
}

/** chown on an inode: -1 keeps an id; a change by a non-root caller clears set-id bits (chown(2)). */
function chownNode(n: MNode, uid: number, gid: number): void {
  if (uid !== -1) n.uid = uid;
  if (gid !== -1) n.gid = gid;
  if ((n.mode & S_IFMT) !== S_IFDIR) n.mode &= ~0o4000 & ~((n.mode & 0o10) ? 0o2000 : 0);
}

/** An open file, directory or O_TMPFILE on a memfs volume. */
export class MemFile extends FileDescription {
  private released = false;
  readonly tmpfile: boolean;

  constructor(readonly backend: MemBackend, readonly node: MNode, readonly link: Link | null, flags: number, path: string, _c: Caller | null) {
    super(flags, path);
    this.tmpfile = link === null;
    backend.opened(node);
  }

  override read(buf: Uint8Array, pos: number | null): IoResult {
    if (this.node.isDirectory()) return -E.EISDIR;
    const at = pos ?? this.offset;
    const n = this.node.read(buf, 0, buf.length, at);
    if (pos === null) this.offset += n;
    return n;
  }

  override write(buf: Uint8Array, pos: number | null): IoResult {
    const n = this.node;
    if (n.isDirectory()) return -E.EISDIR;
    // Linux appends even for pwrite(2) on an O_APPEND description (pwrite(2) BUGS).
    const at = (this.flags & O_APPEND) ? n.getSize() : pos ?? this.offset;
    if (at >= MEM_MAX_FILE) return -E.EFBIG;
    const len = Math.min(buf.length, MEM_MAX_FILE - at);
    const w = n.write(Buffer.from(buf.buffer, buf.byteOffset, len), 0, len, at);
    if (pos === null) this.offset = at + w;
    return w;
  }

  stat(): StatInfo {
    const st = this.backend.statOf(this.node);
    if (this.link !== null && this.node.isDirectory()) st.size = (countChildren(this.link) + 2) * BOGO_DIRENT;
    return st;
  }

  override seekable(): boolean { return true; }
  override size(): number { return this.node.getSize(); }

  override guestPath(): string | null {
    if (this.link === null) return null;
    const rel = this.backend.relOf(this.link);
    if (rel === null) return null;
    const p = this.backend.point;
    if (rel === '') return p;
    return p === '/' ? '/' + rel : p + '/' + rel;
  }

  override dirEntries(): DirEnt[] | number {
    const l = this.link;
    if (l === null || !this.node.isDirectory()) return -E.ENOTDIR;
    if (this.backend.relOf(l) === null) return -E.ENOENT; // a removed directory (IS_DEADDIR)
    const out: DirEnt[] = [{ name: '.', ino: this.node.ino, type: DT_DIR }];
    out.push({ name: '..', ino: (l.parent ?? l).getNode().ino, type: DT_DIR });
    for (const [name, c] of l.children) {
      if (name === '.' || name === '..' || c === undefined) continue;
      out.push({ name, ino: c.getNode().ino, type: dtype(c.getNode().mode) });
    }
    return out;
  }

  override reopen(flags: number): FileDescription | number {
    return new MemFile(this.backend, this.node, this.link, flags, this.path, null);
  }

  override fchmod(mode: number): number {
    this.node.mode = (this.node.mode & S_IFMT) | (mode & 0o7777);
    this.node.ctime = new Date();
    return 0;
  }
  override fchown(uid: number, gid: number): number { chownNode(this.node, uid, gid); return 0; }
  override futimens(atimeNs: bigint, mtimeNs: bigint): number { this.backend.setTimes(this.node, atimeNs, mtimeNs); return 0; }
  override ftruncate(len: number): number {
    if (!this.node.isFile()) return -E.EINVAL;
    if (len > MEM_MAX_FILE) return -E.EFBIG;
    this.node.truncate(len);
    return 0;
  }
  override fsync(): number { return 0; }
  override fstatfs(): StatFsInfo { return this.backend.statfs(); }

  protected override close(): void {
    if (this.released) return;
    this.released = true;
    this.backend.closed(this.node);
  }
}

function countChildren(l: Link): number {
  let n = 0;
  for (const k of l.children.keys()) if (k !== '.' && k !== '..') n++;
  return n;
}
