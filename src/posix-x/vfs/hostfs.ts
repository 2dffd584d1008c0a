// Host directory mounts: a host directory seen through node:fs as the invoking user (the default
// view mounts the host's "/", like qemu-user). The VFS hands this backend symlink-free paths, and
// every host call here is one that does not follow a final symlink (O_NOFOLLOW, lstat, lchown,
// lutimes), so a host symlink can never lead outside the mount behind the VFS's back.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as E from '../../musl-shim/abi/errno.js';
import {
  O_ACCMODE, O_APPEND, O_CREAT, O_DIRECTORY, O_DSYNC, O_EXCL, O_NOATIME, O_NOFOLLOW, O_RDONLY, O_SYNC,
  O_TRUNC, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG,
} from '../../musl-shim/abi/fcntl.js';
import {
  type FileDescription, fromHostStat, HOST_TMPFILE_PREFIX, HostFile, hostDirList, hostStatFs, hostTime, type StatInfo,
} from './file.js';
import { hostErrno } from './host_errno.js';
import type { Backend, DirEnt, MagicTarget, StatFsInfo } from './types.js';

/** Node's own umask: files it creates get it applied on top of the guest's (fixed up below). */
const HOST_UMASK = ((): number => { const u = process.umask(0o022); process.umask(u); return u; })();

let tmpCounter = 0;

/** Status flags passed to the host open (O_NONBLOCK, O_DIRECT, O_ASYNC... stay ours). */
const HOST_FLAGS = O_ACCMODE | O_APPEND | O_TRUNC | O_DSYNC | O_SYNC | O_NOATIME;

/** A host directory mounted in the guest namespace. */
export class HostBackend implements Backend {
  readonly fsType = 'host';
  /** Mounted read-only (set by setup.ts): descriptions refuse attribute changes. */
  ro = false;

  constructor(readonly hostRoot: string, public point: string, readonly label = hostRoot) {}

  /** The host path of a mount-relative path. */
  hostPath(rel: string): Buffer {
    const p = rel === '' ? this.hostRoot : this.hostRoot === '/' ? '/' + rel : this.hostRoot + '/' + rel;
    return Buffer.from(p, 'latin1');
  }

  private file(fd: number, flags: number): HostFile {
    const f = new HostFile(fd, flags, '', true);
    f.mount = { hostRoot: this.hostRoot, point: this.point, ro: this.ro };
    return f;
  }

  /** Applies exactly `mode` when Node's umask took bits the guest's umask left. */
  private fixMode(p: Buffer | number, mode: number): void {
    if ((mode & HOST_UMASK) === 0) return;
    try { if (typeof p === 'number') fs.fchmodSync(p, mode); else fs.chmodSync(p, mode); } catch { /* best effort */ }
  }

  lstat(rel: string): StatInfo | number {
    try { return fromHostStat(fs.lstatSync(this.hostPath(rel), { bigint: true })); } catch (e) { return -hostErrno(e); }
  }

  readlink(rel: string): string | number {
    try { return fs.readlinkSync(this.hostPath(rel), { encoding: 'buffer' }).toString('latin1'); } catch (e) { return -hostErrno(e); }
  }

  magic(): MagicTarget | null { return null; }

  readdir(rel: string): DirEnt[] | number {
    return hostDirList(this.hostPath(rel));
  }

  open(rel: string, flags: number, st: StatInfo): FileDescription | number {
    const dir = (st.mode & S_IFMT) === S_IFDIR;
    const hf = dir ? O_RDONLY | O_DIRECTORY : flags & HOST_FLAGS;
    try { return this.file(fs.openSync(this.hostPath(rel), hf | O_NOFOLLOW), flags); } catch (e) { return -hostErrno(e); }
  }

  create(rel: string, flags: number, mode: number): FileDescription | number {
    let fd: number;
    try { fd = fs.openSync(this.hostPath(rel), (flags & HOST_FLAGS) | O_CREAT | O_EXCL | O_NOFOLLOW, mode); } catch (e) { return -hostErrno(e); }
    this.fixMode(fd, mode);
    return this.file(fd, flags);
  }

  /**
   * O_TMPFILE. DIVERGES: node:fs has no linkat(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH), so the file is a
   * hidden host name in the directory (not listed to the guest, removed at the last close) that
   * linkat(2) can link; its st_nlink counts that name.
   */
  tmpfile(rel: string, flags: number, mode: number): FileDescription | number {
    const name = (rel === '' ? '' : rel + '/') + `${HOST_TMPFILE_PREFIX}${process.pid}.${tmpCounter++}`;
    const f = this.create(name, flags, mode);
    if (typeof f === 'number') return f;
    (f as HostFile).tmpName = this.hostPath(name);
    return f;
  }

  /** linkat(2) of an open file (O_TMPFILE, /proc/self/fd/N, AT_EMPTY_PATH). */
  linkDesc(f: FileDescription, newRel: string): number {
    if (!(f instanceof HostFile) || f.mount === null) return -E.EXDEV;
    const src = f.tmpName ?? (() => { const h = f.hostPath(); return h === null ? null : Buffer.from(h, 'latin1'); })();
    if (src === null) return -E.ENOENT;
    try { fs.linkSync(src, this.hostPath(newRel)); return 0; } catch (e) { return -hostErrno(e); }
  }

  mkdir(rel: string, mode: number): number {
    const p = this.hostPath(rel);
    try { fs.mkdirSync(p, { mode }); } catch (e) { return -hostErrno(e); }
    this.fixMode(p, mode);
    return 0;
  }

  mknod(rel: string, mode: number): number {
    const p = this.hostPath(rel);
    const type = mode & S_IFMT;
    if (type === S_IFREG) {
      const f = this.create(rel, O_RDONLY, mode & 0o7777);
      if (typeof f === 'number') return f;
      f.release();
      return 0;
    }
    if (type !== S_IFIFO) return -E.EPERM; // DIVERGES: no device or socket nodes on host mounts
    // node:fs has no mkfifo; mkfifo(1) runs as the same user.
    const st = this.lstat(rel);
    if (typeof st !== 'number') return -E.EEXIST;
    const r = spawnSync('mkfifo', ['-m', (mode & 0o7777).toString(8), p.toString('latin1')], { stdio: 'ignore' });
    if (r.status !== 0) return r.error ? -E.EPERM : -E.EACCES;
    return 0;
  }

  symlink(target: string, rel: string): number {
    try { fs.symlinkSync(Buffer.from(target, 'latin1'), this.hostPath(rel)); return 0; } catch (e) { return -hostErrno(e); }
  }

  link(oldRel: string, newRel: string): number {
    try { fs.linkSync(this.hostPath(oldRel), this.hostPath(newRel)); return 0; } catch (e) { return -hostErrno(e); }
  }

  unlink(rel: string): number {
    try { fs.unlinkSync(this.hostPath(rel)); return 0; } catch (e) { return -hostErrno(e); }
  }

  rmdir(rel: string): number {
    try { fs.rmdirSync(this.hostPath(rel)); return 0; } catch (e) { return -hostErrno(e); }
  }

  rename(oldRel: string, newRel: string): number {
    try { fs.renameSync(this.hostPath(oldRel), this.hostPath(newRel)); return 0; } catch (e) { return -hostErrno(e); }
  }

  /** DIVERGES: node:fs has no renameat2; the exchange is three renames through a temporary name. */
  exchange(aRel: string, bRel: string): number {
    const k = aRel.lastIndexOf('/');
    const tmp = (k < 0 ? '' : aRel.slice(0, k + 1)) + `.exo-xchg-${process.pid}-${Date.now()}`;
    let r = this.rename(aRel, tmp);
    if (r < 0) return r;
    r = this.rename(bRel, aRel);
    if (r < 0) { this.rename(tmp, aRel); return r; }
    return this.rename(tmp, bRel);
  }

  chmod(rel: string, mode: number): number {
    try { fs.chmodSync(this.hostPath(rel), mode); return 0; } catch (e) { return -hostErrno(e); }
  }

  chown(rel: string, uid: number, gid: number): number {
    try { fs.lchownSync(this.hostPath(rel), uid, gid); return 0; } catch (e) { return -hostErrno(e); }
  }

  utimens(rel: string, atimeNs: bigint, mtimeNs: bigint): number {
    const st = this.lstat(rel);
    if (typeof st === 'number') return st;
    try {
      fs.lutimesSync(this.hostPath(rel), hostTime(atimeNs, st.atimeNs), hostTime(mtimeNs, st.mtimeNs));
      return 0;
    } catch (e) { return -hostErrno(e); }
  }

  truncate(rel: string, length: number): number {
    try { fs.truncateSync(this.hostPath(rel), length); return 0; } catch (e) { return -hostErrno(e); }
  }

  statfs(rel: string): StatFsInfo | number {
    return hostStatFs(this.hostPath(rel));
  }
}
