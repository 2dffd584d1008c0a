// The VFS operations behind the path syscalls (open(2), mkdir(2), unlink(2), rmdir(2), rename(2),
// link(2), symlink(2), mknod(2), chmod(2), chown(2), utimensat(2), truncate(2), statfs(2)), with
// Linux's checks and their order (fs/namei.c, fs/open.c): resolution errors first, then the
// kind of the final name, read-only mounts (EROFS), existence (EEXIST/ENOENT), permissions
// (EACCES, EPERM), the type rules memfs lacks (EISDIR, ENOTDIR, ENOTEMPTY, EINVAL for a
// directory moved into itself), mount boundaries (EXDEV, EBUSY). Backends do the raw edits.
import * as E from '../../musl-shim/abi/errno.js';
import {
  O_ACCMODE, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_PATH, O_RDONLY, O_RDWR, O_TMPFILE, O_TRUNC, O_WRONLY, S_IFDIR,
  S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_IFCHR, S_IFBLK,
} from '../../musl-shim/abi/fcntl.js';
import { FifoBlock, openFifo } from './fifo.js';
import type { FileDescription, StatInfo } from './file.js';
import { type DescHit, type Loc, type Mount, MountTable, type ParentLoc, parentPath, type ResolveOpts } from './namei.js';
import { PathFile } from './path_file.js';
import { CRED, isOwner, mayAccess, mayDeleteSticky, R_OK, W_OK, X_OK } from './perm.js';
import { type Caller, type StatFsInfo, TIME_NOW, TIME_OMIT } from './types.js';

/** A blocking FIFO open (the caller parks on it). */
export { FifoBlock };

/** renameat2(2) flags. */
export const RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2, RENAME_WHITEOUT = 4;

function kind(st: StatInfo): number { return st.mode & S_IFMT; }
function isDir(st: StatInfo): boolean { return kind(st) === S_IFDIR; }

/** True when a parent lookup's final name is a mount root (unlink, rmdir, rename: EBUSY). */
function isMountRoot(p: ParentLoc): boolean {
  return p.child !== null && p.rel === '' && p.mount.point === p.path;
}

/** The guest namespace with its operations. */
export class Vfs extends MountTable {
  // ---- lookups -------------------------------------------------------------------------------

  /** stat(2)/lstat(2) of a path. */
  stat(c: Caller, start: string, p: string, follow: boolean): StatInfo | number {
    const r = this.resolve(c, start, p, { follow });
    if (typeof r === 'number') return r;
    return r.kind === 'desc' ? r.desc.stat() : r.st;
  }

  /** statfs(2) of a path. */
  statfs(c: Caller, start: string, p: string): StatFsInfo | number {
    const r = this.resolve(c, start, p);
    if (typeof r === 'number') return r;
    if (r.kind === 'desc') return r.desc.fstatfs();
    return this.statfsOf(r.mount, r.rel);
  }

  /** statfs of a location, with ST_RDONLY on read-only mounts. */
  statfsOf(m: Mount, rel: string): StatFsInfo | number {
    const s = m.be.statfs(rel);
    if (typeof s !== 'number' && m.ro) s.flags |= 1;
    return s;
  }

  /** access(2)/faccessat(2): mode is R_OK|W_OK|X_OK or 0 (F_OK); `real` uses the real ids. */
  access(c: Caller, start: string, p: string, mode: number, follow: boolean, real: boolean): number {
    const r = this.resolve(c, start, p, { follow });
    if (typeof r === 'number') return r;
    const st = r.kind === 'desc' ? r.desc.stat() : r.st;
    if (typeof st === 'number') return st;
    if ((mode & W_OK) && r.kind === 'loc' && r.mount.ro && [S_IFREG, S_IFDIR, S_IFLNK].includes(kind(st))) return -E.EROFS;
    const ok = real ? mayAccess(st, mode, CRED.ruid, CRED.rgid) : mayAccess(st, mode);
    return ok ? 0 : -E.EACCES;
  }

  /** readlink(2). */
  readlink(c: Caller, start: string, p: string): string | number {
    const r = this.resolve(c, start, p, { follow: false });
    if (typeof r === 'number') return r;
    if (r.kind === 'desc' || kind(r.st) !== S_IFLNK) return -E.EINVAL;
    return r.mount.be.readlink(r.rel, c);
  }

  /** chdir(2): the new cwd path. */
  chdir(c: Caller, start: string, p: string): string | number {
    const r = this.resolve(c, start, p);
    if (typeof r === 'number') return r;
    if (r.kind === 'desc') {
      const g = r.desc.guestPath();
      if (g === null) return -E.ENOTDIR;
      return this.chdirLoc(c, g);
    }
    if (!isDir(r.st)) return -E.ENOTDIR;
    if (!mayAccess(r.st, X_OK)) return -E.EACCES;
    return r.path;
  }

  /** fchdir(2)-style check of a guest path. */
  chdirLoc(c: Caller, g: string): string | number {
    const l = this.at(c, g);
    if (typeof l === 'number') return l;
    if (!isDir(l.st)) return -E.ENOTDIR;
    if (!mayAccess(l.st, X_OK)) return -E.EACCES;
    return g;
  }

  // ---- open ----------------------------------------------------------------------------------

  /**
   * open(2)/openat(2)/openat2(2) after flag validation: a description, -errno, or a FifoBlock
   * (the caller parks and re-executes). `mode` is already masked with the umask.
   */
  open(c: Caller, start: string, p: string, flags: number, mode: number, o: ResolveOpts): FileDescription | FifoBlock | number {
    const nofollow = (flags & O_NOFOLLOW) !== 0;
    if (flags & O_PATH) {
      const r = this.resolve(c, start, p, { ...o, follow: !nofollow });
      if (typeof r === 'number') return r;
      if (r.kind === 'desc') return this.reopenDesc(r, flags);
      if ((flags & O_DIRECTORY) && !isDir(r.st)) return -E.ENOTDIR;
      return this.pathFile(c, r, flags);
    }
    if ((flags & O_TMPFILE) === O_TMPFILE) {
      const r = this.resolve(c, start, p, { ...o, follow: true });
      if (typeof r === 'number') return r;
      if (r.kind === 'desc') return -E.ENOTDIR;
      if (!isDir(r.st)) return -E.ENOTDIR;
      if (r.mount.ro) return -E.EROFS;
      if (!mayAccess(r.st, W_OK | X_OK)) return -E.EACCES;
      const f = r.mount.be.tmpfile(r.rel, flags & ~(O_TMPFILE | O_CREAT), mode, c);
      if (typeof f !== 'number') f.path = r.path + '/#' + (f.stat() as StatInfo).ino;
      return f;
    }
    if (flags & O_CREAT) {
      const pr = this.resolveParent(c, start, p, { ...o, follow: false }, !(flags & O_EXCL) && !nofollow);
      if (typeof pr === 'number') return pr;
      if (pr.kind === 'desc') return (flags & O_EXCL) ? -E.EEXIST : this.reopenDesc(pr, flags);
      if (pr.name === '.' || pr.name === '..' || pr.name === '/') return -E.EISDIR;
      if (pr.child !== null) {
        if (flags & O_EXCL) return -E.EEXIST;
        if (kind(pr.child) === S_IFLNK) return -E.ELOOP;
        if (isDir(pr.child)) return -E.EISDIR;
        return this.openLoc(c, { kind: 'loc', path: pr.path, mount: pr.mount, rel: pr.rel, st: pr.child }, flags);
      }
      if (pr.trailing) return -E.EISDIR;
      if (pr.mount.ro) return -E.EROFS;
      if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
      const f = pr.mount.be.create(pr.rel, flags & ~(O_CREAT | O_EXCL | O_TRUNC), mode, c);
      if (typeof f !== 'number') f.path = pr.path;
      return f;
    }
    const r = this.resolve(c, start, p, { ...o, follow: !nofollow });
    if (typeof r === 'number') return r;
    if (r.kind === 'desc') return this.reopenDesc(r, flags);
    if (kind(r.st) === S_IFLNK) return -E.ELOOP;
    return this.openLoc(c, r, flags);
  }

  private pathFile(c: Caller, r: Loc, flags: number): FileDescription {
    const reopen = (fl: number): FileDescription | number => {
      const x = this.at(c, r.path);
      if (typeof x === 'number') return x;
      if (kind(x.st) === S_IFLNK) return -E.ELOOP;
      const f = this.openLoc(c, x, fl);
      return f instanceof FifoBlock ? -E.ENXIO : f;
    };
    return new PathFile(r.mount, r.rel, (flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW)), r.path, c, reopen);
  }

  /** Opening a magic link: a new description of the same object (permission from its inode). */
  private reopenDesc(r: DescHit, flags: number): FileDescription | number {
    const st = r.desc.stat();
    if (typeof st === 'number') return st;
    if ((flags & O_DIRECTORY) && !isDir(st)) return -E.ENOTDIR;
    const acc = flags & O_ACCMODE;
    if (isDir(st) && acc !== O_RDONLY) return -E.EISDIR;
    const want = acc === O_RDONLY ? R_OK : acc === O_WRONLY ? W_OK : R_OK | W_OK;
    if ((want & W_OK || flags & O_TRUNC) && r.desc.readOnlyMount() && (kind(st) === S_IFREG || isDir(st))) return -E.EROFS;
    if (!mayAccess(st, want)) return -E.EACCES;
    const f = r.desc.reopen(flags & ~(O_CREAT | O_EXCL));
    if (typeof f !== 'number' && (flags & O_TRUNC) && kind(st) === S_IFREG && acc !== O_RDONLY) f.ftruncate(0);
    return f;
  }

  /** Opens an existing non-symlink object with Linux's checks (may_open). */
  openLoc(c: Caller, r: Loc, flags: number): FileDescription | FifoBlock | number {
    const st = r.st;
    const acc = flags & O_ACCMODE;
    const k = kind(st);
    if (k === S_IFDIR) {
      if (acc !== O_RDONLY || (flags & O_TRUNC) || (flags & O_CREAT)) return -E.EISDIR;
    } else if (flags & O_DIRECTORY) return -E.ENOTDIR;
    if (k === S_IFSOCK) return -E.ENXIO;
    let want = acc === O_RDONLY ? R_OK : acc === O_WRONLY ? W_OK : R_OK | W_OK;
    if ((flags & O_TRUNC) && k === S_IFREG) want |= W_OK;
    if ((want & W_OK) && r.mount.ro && (k === S_IFREG || k === S_IFDIR)) return -E.EROFS;
    if (!mayAccess(st, want)) return -E.EACCES;
    if (k === S_IFIFO) return openFifo(`${st.dev}:${st.ino}`, flags & ~(O_CREAT | O_EXCL | O_TRUNC), r.path, c.tid, st);
    const f = r.mount.be.open(r.rel, flags & ~(O_CREAT | O_EXCL), st, c);
    if (typeof f === 'number') return f;
    f.path = r.path;
    if ((flags & O_TRUNC) && k === S_IFREG && f.size() > 0) {
      const t = f.ftruncate(0);
      if (t < 0 && acc !== O_RDONLY) { f.release(); return t; }
    }
    return f;
  }

  // ---- creating names ------------------------------------------------------------------------

  /** The shared front of mkdir/mknod/symlink: resolves the new name's parent. */
  private createAt(c: Caller, start: string, p: string): ParentLoc | number {
    const pr = this.resolveParent(c, start, p);
    if (typeof pr === 'number') return pr;
    if (pr.kind === 'desc') return -E.EEXIST;
    if (pr.name === '.' || pr.name === '..' || pr.name === '/') return -E.EEXIST;
    if (pr.child !== null) return -E.EEXIST;
    if (pr.mount.ro) return -E.EROFS;
    if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
    return pr;
  }

  /** mkdir(2); mode already has the umask applied. */
  mkdir(c: Caller, start: string, p: string, mode: number): number {
    const pr = this.createAt(c, start, p);
    if (typeof pr === 'number') return pr;
    return pr.mount.be.mkdir(pr.rel, mode & 0o1777);
  }

  /** mknod(2): FIFOs and regular files (mode carries the type; umask applied). */
  mknod(c: Caller, start: string, p: string, mode: number): number {
    const type = mode & S_IFMT;
    if (type === S_IFDIR) return -E.EPERM;
    if (type !== 0 && type !== S_IFREG && type !== S_IFIFO && type !== S_IFCHR && type !== S_IFBLK && type !== S_IFSOCK) return -E.EINVAL;
    const pr = this.resolveParent(c, start, p);
    if (typeof pr === 'number') return pr;
    if (pr.kind === 'desc' || pr.name === '.' || pr.name === '..' || pr.name === '/' || pr.child !== null) return -E.EEXIST;
    if (pr.trailing) return -E.ENOENT;
    if (pr.mount.ro) return -E.EROFS;
    if ((type === S_IFCHR || type === S_IFBLK) && CRED.uid !== 0) return -E.EPERM;
    if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
    // DIVERGES: device and socket nodes cannot be made (EPERM).
    if (type === S_IFCHR || type === S_IFBLK || type === S_IFSOCK) return -E.EPERM;
    return pr.mount.be.mknod(pr.rel, (type === 0 ? S_IFREG : type) | (mode & 0o7777));
  }

  /** symlink(2). */
  symlink(c: Caller, target: string, start: string, p: string): number {
    if (target.length === 0) return -E.ENOENT;
    const pr = this.createAt(c, start, p);
    if (typeof pr === 'number') return pr;
    if (pr.trailing) return -E.ENOENT;
    return pr.mount.be.symlink(target, pr.rel);
  }

  /** link(2)/linkat(2): `old` is a resolved object or an open description (AT_EMPTY_PATH). */
  link(c: Caller, old: Loc | DescHit, start: string, p: string): number {
    const pr = this.resolveParent(c, start, p);
    if (typeof pr === 'number') return pr;
    if (pr.kind === 'desc' || pr.name === '.' || pr.name === '..' || pr.name === '/' || pr.child !== null) return -E.EEXIST;
    if (pr.trailing) return -E.ENOENT;
    if (old.kind === 'desc') {
      const st = old.desc.stat();
      if (typeof st !== 'number' && isDir(st)) return -E.EPERM;
      const be = pr.mount.be as { linkDesc?: (f: FileDescription, rel: string) => number };
      if (be.linkDesc === undefined) return -E.EXDEV;
      if (pr.mount.ro) return -E.EROFS;
      if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
      return be.linkDesc(old.desc, pr.rel);
    }
    if (old.mount !== pr.mount) return -E.EXDEV;
    if (pr.mount.ro) return -E.EROFS;
    if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
    if (isDir(old.st)) return -E.EPERM;
    return pr.mount.be.link(old.rel, pr.rel);
  }

  // ---- removing and renaming names -----------------------------------------------------------

  /** unlink(2). */
  unlink(c: Caller, start: string, p: string): number {
    const pr = this.resolveParent(c, start, p);
    if (typeof pr === 'number') return pr;
    if (pr.kind === 'desc' || pr.name === '.' || pr.name === '..' || pr.name === '/') return -E.EISDIR;
    if (pr.mount.ro) return -E.EROFS;
    if (pr.child === null) return -E.ENOENT;
    if (pr.trailing) return isDir(pr.child) ? -E.EISDIR : -E.ENOTDIR;
    if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
    if (!mayDeleteSticky(pr.dir.st, pr.child)) return -E.EPERM;
    if (isMountRoot(pr)) return -E.EBUSY;
    if (isDir(pr.child)) return -E.EISDIR;
    this.invalidate();
    return pr.mount.be.unlink(pr.rel);
  }

  /** rmdir(2). */
  rmdir(c: Caller, start: string, p: string): number {
    const pr = this.resolveParent(c, start, p);
    if (typeof pr === 'number') return pr;
    if (pr.kind === 'desc') return -E.ENOTDIR;
    if (pr.name === '..') return -E.ENOTEMPTY;
    if (pr.name === '.') return -E.EINVAL;
    if (pr.name === '/') return -E.EBUSY;
    if (pr.mount.ro) return -E.EROFS;
    if (pr.child === null) return -E.ENOENT;
    if (!mayAccess(pr.dir.st, W_OK | X_OK)) return -E.EACCES;
    if (!isDir(pr.child)) return -E.ENOTDIR;
    if (!mayDeleteSticky(pr.dir.st, pr.child)) return -E.EPERM;
    if (isMountRoot(pr) || this.list().some((m) => m.point === pr.path)) return -E.EBUSY;
    const ents = pr.mount.be.readdir(pr.rel, c);
    if (typeof ents === 'number') return ents;
    if (ents.length > 0) return -E.ENOTEMPTY;
    this.invalidate();
    return pr.mount.be.rmdir(pr.rel);
  }

  /** rename(2)/renameat2(2) with RENAME_NOREPLACE / RENAME_EXCHANGE. */
  rename(c: Caller, oldStart: string, oldP: string, newStart: string, newP: string, flags: number): number {
    const op = this.resolveParent(c, oldStart, oldP);
    if (typeof op === 'number') return op;
    const np = this.resolveParent(c, newStart, newP);
    if (typeof np === 'number') return np;
    if (op.kind === 'desc' || np.kind === 'desc') return -E.EXDEV;
    const exchange = (flags & RENAME_EXCHANGE) !== 0;
    if (op.dir.mount !== np.dir.mount) return -E.EXDEV;
    const dots = (n: string): boolean => n === '.' || n === '..' || n === '/';
    if (dots(op.name)) return -E.EBUSY;
    if (dots(np.name)) return (flags & RENAME_NOREPLACE) ? -E.EEXIST : -E.EBUSY;
    if (op.mount.ro) return -E.EROFS;
    const src = op.child;
    if (src === null) return -E.ENOENT;
    const dst = np.child;
    if ((flags & RENAME_NOREPLACE) && dst !== null) return -E.EEXIST;
    if (exchange && dst === null) return -E.ENOENT;
    if (!exchange && !isDir(src) && (op.trailing || np.trailing)) return -E.ENOTDIR;
    if (exchange && ((!isDir(src) && op.trailing) || (dst !== null && !isDir(dst) && np.trailing))) return -E.ENOTDIR;
    if (op.mount !== np.mount || isMountRoot(op) || (dst !== null && isMountRoot(np))) return -E.EBUSY;
    // A directory cannot move below itself; nor (exchange) can the target.
    const below = (a: string, b: string): boolean => b.startsWith(a === '/' ? '/' : a + '/');
    if (isDir(src) && below(op.path, np.path)) return -E.EINVAL;
    if (dst !== null && below(np.path, op.path)) return exchange ? -E.EINVAL : -E.ENOTEMPTY;
    if (dst !== null && dst.ino === src.ino && dst.dev === src.dev) return 0;
    if (!mayAccess(op.dir.st, W_OK | X_OK)) return -E.EACCES;
    if (!mayDeleteSticky(op.dir.st, src)) return -E.EPERM;
    if (dst !== null) {
      if (!mayAccess(np.dir.st, W_OK | X_OK)) return -E.EACCES;
      if (!mayDeleteSticky(np.dir.st, dst)) return -E.EPERM;
      if (!exchange) {
        if (isDir(dst) && !isDir(src)) return -E.EISDIR;
        if (!isDir(dst) && isDir(src)) return -E.ENOTDIR;
        if (isDir(dst)) {
          const ents = np.mount.be.readdir(np.rel, c);
          if (typeof ents === 'number') return ents;
          if (ents.length > 0) return -E.ENOTEMPTY;
        }
      }
    } else if (!mayAccess(np.dir.st, W_OK | X_OK)) return -E.EACCES;
    // Moving a directory to another parent rewrites its "..": that needs write access to it.
    if (isDir(src) && op.dir.path !== np.dir.path && !mayAccess(src, W_OK)) return -E.EACCES;
    this.invalidate();
    return exchange ? op.mount.be.exchange(op.rel, np.rel) : op.mount.be.rename(op.rel, np.rel);
  }

  // ---- attributes ----------------------------------------------------------------------------

  /** Resolves the target of an attribute change: a location or an open description. */
  private target(c: Caller, start: string, p: string, follow: boolean): Loc | DescHit | number {
    return this.resolve(c, start, p, { follow });
  }

  /** chmod(2)/fchmodat(2). */
  chmod(c: Caller, start: string, p: string, mode: number, follow: boolean): number {
    const r = this.target(c, start, p, follow);
    if (typeof r === 'number') return r;
    if (r.kind === 'desc') {
      const st = r.desc.stat();
      if (typeof st === 'number') return st;
      if (!isOwner(st)) return -E.EPERM;
      return r.desc.fchmod(mode & 0o7777);
    }
    if (kind(r.st) === S_IFLNK) return -E.EOPNOTSUPP;
    if (!isOwner(r.st)) return -E.EPERM;
    if (r.mount.ro) return -E.EROFS;
    this.invalidate();
    return r.mount.be.chmod(r.rel, mode & 0o7777);
  }

  /** chown(2)/lchown(2)/fchownat(2): -1 keeps an id. */
  chown(c: Caller, start: string, p: string, uid: number, gid: number, follow: boolean): number {
    const r = this.target(c, start, p, follow);
    if (typeof r === 'number') return r;
    const st = r.kind === 'desc' ? r.desc.stat() : r.st;
    if (typeof st === 'number') return st;
    if (CRED.uid !== 0) {
      if ((uid !== -1 && uid !== st.uid) || !isOwner(st)) return -E.EPERM;
      if (gid !== -1 && gid !== st.gid && gid !== CRED.gid && !CRED.groups.includes(gid)) return -E.EPERM;
    }
    if (r.kind === 'desc') return r.desc.fchown(uid, gid);
    if (r.mount.ro) return -E.EROFS;
    this.invalidate();
    return r.mount.be.chown(r.rel, uid, gid);
  }

  /** utimensat(2) on a path (TIME_NOW / TIME_OMIT per field). */
  utimens(c: Caller, start: string, p: string, atimeNs: bigint, mtimeNs: bigint, follow: boolean): number {
    const r = this.target(c, start, p, follow);
    if (typeof r === 'number') return r;
    const st = r.kind === 'desc' ? r.desc.stat() : r.st;
    if (typeof st === 'number') return st;
    const e = utimesPermission(st, atimeNs, mtimeNs);
    if (e < 0) return e;
    if (atimeNs === TIME_OMIT && mtimeNs === TIME_OMIT) return 0;
    if (r.kind === 'desc') return r.desc.futimens(atimeNs, mtimeNs);
    if (r.mount.ro) return -E.EROFS;
    return r.mount.be.utimens(r.rel, atimeNs, mtimeNs);
  }

  /** truncate(2). */
  truncate(c: Caller, start: string, p: string, length: number): number {
    if (length < 0) return -E.EINVAL;
    const r = this.target(c, start, p, true);
    if (typeof r === 'number') return r;
    if (r.kind === 'desc') return -E.EINVAL;
    if (isDir(r.st)) return -E.EISDIR;
    if (kind(r.st) !== S_IFREG) return -E.EINVAL;
    if (r.mount.ro) return -E.EROFS;
    if (!mayAccess(r.st, W_OK)) return -E.EACCES;
    return r.mount.be.truncate(r.rel, length);
  }

  /**
   * The bytes of an executable as execve(2) finds it in this namespace (for exec and the loader):
   * ENOENT/ENOTDIR/ELOOP from resolution, EACCES unless a regular file with execute permission.
   */
  readExecutable(c: Caller, start: string, p: string): { bytes: Uint8Array; path: string } | number {
    if (p === '') return -E.ENOENT;
    const r = this.resolve(c, start, p);
    if (typeof r === 'number') return r;
    const st = r.kind === 'desc' ? r.desc.stat() : r.st;
    if (typeof st === 'number') return st;
    if (kind(st) !== S_IFREG || !mayAccess(st, X_OK) || !mayAccess(st, R_OK)) return -E.EACCES;
    const f = r.kind === 'desc' ? r.desc.reopen(O_RDONLY) : r.mount.be.open(r.rel, O_RDONLY, st, c);
    if (typeof f === 'number') return f;
    try {
      const out = new Uint8Array(st.size);
      let n = 0;
      while (n < out.length) { const k = f.read(out.subarray(n), n); if (k < 0) return k; if (k === 0) break; n += k; }
      return { bytes: out.subarray(0, n), path: r.kind === 'desc' ? (r.desc.guestPath() ?? p) : r.path };
    } finally { f.release(); }
  }

  /** The parent of a guest path (for "..", mount checks). */
  parentOf(p: string): string { return parentPath(p); }
}

/** utimensat(2) permissions: "now" needs ownership or write access; explicit times need ownership. */
export function utimesPermission(st: StatInfo, atimeNs: bigint, mtimeNs: bigint): number {
  const onlyNow = (atimeNs === TIME_NOW || atimeNs === TIME_OMIT) && (mtimeNs === TIME_NOW || mtimeNs === TIME_OMIT);
  if (isOwner(st)) return 0;
  if (!onlyNow) return -E.EPERM;
  return mayAccess(st, W_OK) ? 0 : -E.EACCES;
}

void O_RDWR;
