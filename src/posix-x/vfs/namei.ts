// The mount table and path resolution (path_resolution(7), openat2(2) RESOLVE_* flags). A path
// is walked one component at a time from the caller's root or start directory: every
// intermediate component must be a searchable directory (ENOTDIR, EACCES), symlinks are expanded
// in the guest namespace (ELOOP after 40), "..", "." and trailing slashes follow Linux, names
// longer than NAME_MAX fail with ENAMETOOLONG. The current position is always a symlink-free
// guest path, so ".." is its lexical parent and can never leave the namespace root: that is what
// confines a --sandbox (host symlinks, /proc/self/root and /proc/self/fd links, dirfds all resolve
// inside it). Successful lookups are cached per (start, path, options) until the namespace
// changes (rename, unlink, rmdir, chmod, chown: the path → capability cache).
import * as E from '../../musl-shim/abi/errno.js';
import { S_IFDIR, S_IFLNK, S_IFMT } from '../../musl-shim/abi/fcntl.js';
import type { FileDescription, StatInfo } from './file.js';
import { PathFile } from './path_file.js';
import { mayAccess, X_OK } from './perm.js';
import type { Backend, Caller } from './types.js';

/** NAME_MAX and the symlink limit (MAXSYMLINKS) of Linux. */
export const NAME_MAX = 255, MAX_SYMLINKS = 40;

/** A mounted file system in the namespace. */
export interface Mount {
  /** Guest mount point: '/' or '/a/b' (normalized, no trailing slash). */
  point: string;
  be: Backend;
  ro: boolean;
  /** st_dev of its objects (for mountinfo). */
  dev: number;
  /** What was mounted (host directory, "tmpfs", "proc"...). */
  source: string;
  /** Lookups through it may be cached (false for /proc, whose answers depend on the caller). */
  cacheable: boolean;
}

/** An existing object found by resolution. */
export interface Loc {
  kind: 'loc';
  /** Its guest path (symlink-free). */
  path: string;
  mount: Mount;
  rel: string;
  st: StatInfo;
}

/** A magic link (/proc/self/fd/N) named an open object as the final component. */
export interface DescHit {
  kind: 'desc';
  desc: FileDescription;
}

/** The parent directory of a final component, for calls that create or remove names. */
export interface ParentLoc {
  kind: 'parent';
  dir: Loc;
  /** The final component as given ('.', '..' and '/' included: callers give them their errno). */
  name: string;
  /** The path ended in '/'. */
  trailing: boolean;
  /** The entry's guest path, mount and relative path (when name is a normal name). */
  path: string;
  mount: Mount;
  rel: string;
  /** lstat of the entry, or null when it does not exist. */
  child: StatInfo | null;
}

/** Resolution options (openat2(2) RESOLVE_* and the *at() flags). */
export interface ResolveOpts {
  /** Follow a final symlink. */
  follow: boolean;
  /** RESOLVE_NO_SYMLINKS: any symlink is ELOOP. */
  noSymlinks?: boolean;
  /** RESOLVE_NO_MAGICLINKS: magic links are ELOOP. */
  noMagic?: boolean;
  /** RESOLVE_NO_XDEV: crossing a mount is EXDEV. */
  noXdev?: boolean;
  /** RESOLVE_BENEATH: leaving the start directory is EXDEV. */
  beneath?: boolean;
  /** RESOLVE_IN_ROOT: the start directory acts as "/". */
  inRoot?: boolean;
}

const FOLLOW: ResolveOpts = { follow: true };

function isDir(st: StatInfo): boolean { return (st.mode & S_IFMT) === S_IFDIR; }
function isLink(st: StatInfo): boolean { return (st.mode & S_IFMT) === S_IFLNK; }

/** Joins a directory path and a name. */
export function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

/** The lexical parent of a normalized absolute path. */
export function parentPath(p: string): string {
  const k = p.lastIndexOf('/');
  return k <= 0 ? '/' : p.slice(0, k);
}

/** The namespace: mounts, resolution and its cache. */
export class MountTable {
  private mounts: Mount[] = [];
  private readonly cache = new Map<string, { path: string; mount: Mount; rel: string }>();

  /** Every mount, in mount order. */
  list(): Mount[] { return this.mounts.slice(); }

  /** Mounts be at point (over whatever is there). */
  mount(point: string, be: Backend, ro: boolean, dev: number, source: string, cacheable = true): Mount {
    be.point = point;
    const m: Mount = { point, be, ro, dev, source, cacheable };
    this.mounts.push(m);
    this.invalidate();
    return m;
  }

  /** The mount a guest path lies in and the path relative to it (the last mount at a point wins). */
  mountFor(path: string): [Mount, string] {
    let best: Mount | null = null;
    for (const m of this.mounts) {
      const p = m.point;
      if (path === p || p === '/' || path.startsWith(p + '/')) {
        if (best === null || p.length >= best.point.length) best = m;
      }
    }
    if (best === null) throw new Error('exo: no root mount');
    const p = best.point;
    const rel = path === p ? '' : p === '/' ? path.slice(1) : path.slice(p.length + 1);
    return [best, rel];
  }

  /** Names of mount points directly inside the guest directory `dir` (listed even if absent there). */
  mountNames(dir: string): string[] {
    const out: string[] = [];
    for (const m of this.mounts) {
      if (m.point !== '/' && parentPath(m.point) === dir) out.push(m.point.slice(m.point.lastIndexOf('/') + 1));
    }
    return out;
  }

  /** Forgets every cached lookup (the namespace changed). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The object at a symlink-free guest path (no resolution): a start directory or cwd. */
  at(c: Caller, path: string): Loc | number {
    const [mount, rel] = this.mountFor(path);
    const st = mount.be.lstat(rel, c);
    if (typeof st === 'number') return st;
    return { kind: 'loc', path, mount, rel, st };
  }

  /** Resolves an existing object. */
  resolve(c: Caller, start: string, p: string, o: ResolveOpts = FOLLOW): Loc | DescHit | number {
    const plain = !o.noSymlinks && !o.noMagic && !o.noXdev && !o.beneath && !o.inRoot;
    const key = plain ? `${start}\0${p}\0${o.follow ? 1 : 0}` : '';
    if (plain) {
      const hit = this.cache.get(key);
      if (hit !== undefined) {
        const st = hit.mount.be.lstat(hit.rel, c);
        if (typeof st !== 'number' && !(o.follow && isLink(st))) return { kind: 'loc', path: hit.path, mount: hit.mount, rel: hit.rel, st };
        this.cache.delete(key);
      }
    }
    const r = this.walk(c, start, p, o, false, false);
    if (typeof r === 'number' || r.kind === 'desc') return r;
    if (r.kind === 'parent') throw new Error('exo: namei returned a parent');
    if (plain && r.cacheable) {
      if (this.cache.size > 4096) this.cache.clear();
      this.cache.set(key, { path: r.loc.path, mount: r.loc.mount, rel: r.loc.rel });
    }
    return r.loc;
  }

  /**
   * Resolves the parent of the final component. With `followFinal` a final symlink is expanded
   * first (open(O_CREAT) creates a dangling symlink's target); a final magic link is a DescHit.
   */
  resolveParent(c: Caller, start: string, p: string, o: ResolveOpts = { follow: false }, followFinal = false): ParentLoc | DescHit | number {
    const r = this.walk(c, start, p, o, true, followFinal);
    if (typeof r === 'number' || r.kind === 'desc' || r.kind === 'parent') return r;
    throw new Error('exo: namei returned a location for a parent lookup');
  }

  private walk(c: Caller, start: string, p: string, o: ResolveOpts, wantParent: boolean, followFinal: boolean):
    { kind: 'found'; loc: Loc; cacheable: boolean } | ParentLoc | DescHit | number {
    if (p.length === 0) return -E.ENOENT;
    const root = o.inRoot || o.beneath ? start : '/';
    if (p.charCodeAt(0) === 47 && o.beneath) return -E.EXDEV;
    let cur = p.charCodeAt(0) === 47 ? root : start;
    let curLoc = this.at(c, cur);
    if (typeof curLoc === 'number') return curLoc;
    let cacheable = curLoc.mount.cacheable;
    let trailing = p.charCodeAt(p.length - 1) === 47;
    const todo = p.split('/').filter((s) => s.length > 0).reverse();
    if (todo.length === 0) {
      if (!isDir(curLoc.st)) return -E.ENOTDIR;
      if (wantParent) return { kind: 'parent', dir: curLoc, name: '/', trailing: true, path: cur, mount: curLoc.mount, rel: curLoc.rel, child: curLoc.st };
      return { kind: 'found', loc: curLoc, cacheable };
    }
    let links = 0;
    while (todo.length > 0) {
      const name = todo.pop()!;
      const last = todo.length === 0;
      if (name.length > NAME_MAX) return -E.ENAMETOOLONG;
      if (!isDir(curLoc.st)) return -E.ENOTDIR;
      if (!mayAccess(curLoc.st, X_OK)) return -E.EACCES;
      if (name === '.' || name === '..') {
        if (wantParent && last) {
          return { kind: 'parent', dir: curLoc, name, trailing, path: cur, mount: curLoc.mount, rel: curLoc.rel, child: curLoc.st };
        }
        if (name === '..') {
          if (cur === root) {
            if (o.beneath) return -E.EXDEV;
            continue; // ".." of the root is the root
          }
          const up = parentPath(cur);
          const upLoc = this.at(c, up);
          if (typeof upLoc === 'number') return upLoc;
          if (o.noXdev && upLoc.mount !== curLoc.mount) return -E.EXDEV;
          cur = up;
          curLoc = upLoc;
        }
        continue;
      }
      const next = joinPath(cur, name);
      const [mount, rel] = this.mountFor(next);
      if (o.noXdev && mount !== curLoc.mount) return -E.EXDEV;
      if (!mount.cacheable) cacheable = false;
      const st = mount.be.lstat(rel, c);
      if (wantParent && last) {
        if (typeof st === 'number' && st !== -E.ENOENT) return st;
        const child = typeof st === 'number' ? null : st;
        if (!(followFinal && child !== null && isLink(child))) {
          return { kind: 'parent', dir: curLoc, name, trailing, path: next, mount, rel, child };
        }
      }
      if (typeof st === 'number') return st;
      if (isLink(st) && (!last || o.follow || trailing || (wantParent && followFinal))) {
        if (o.noSymlinks) return -E.ELOOP;
        if (++links > MAX_SYMLINKS) return -E.ELOOP;
        const mg = mount.be.magic(rel, c);
        if (mg !== null) {
          if (o.noMagic) return -E.ELOOP;
          cacheable = false;
          let target: string;
          if ('desc' in mg) {
            const d = mg.desc;
            if (last && d instanceof PathFile) {
              // An O_PATH fd names a location (maybe a symlink itself): continue as that object.
              const pst = d.mount.be.lstat(d.rel, c);
              if (typeof pst === 'number') return pst;
              return { kind: 'found', loc: { kind: 'loc', path: d.path, mount: d.mount, rel: d.rel, st: pst }, cacheable: false };
            }
            if (last) return { kind: 'desc', desc: d };
            const gp = mg.desc.guestPath();
            if (gp === null) return -E.ENOTDIR;
            target = gp;
          } else target = mg.path;
          const t = this.at(c, target);
          if (typeof t === 'number') return t;
          cur = target;
          curLoc = t;
          continue;
        }
        const target = mount.be.readlink(rel, c);
        if (typeof target === 'number') return target;
        if (target.length === 0) return -E.ENOENT;
        if (last && target.charCodeAt(target.length - 1) === 47) trailing = true;
        for (const s of target.split('/').filter((x) => x.length > 0).reverse()) todo.push(s);
        if (target.charCodeAt(0) === 47) {
          if (o.beneath) return -E.EXDEV;
          const r = this.at(c, root);
          if (typeof r === 'number') return r;
          cur = root;
          curLoc = r;
        }
        if (todo.length === 0) {
          // A symlink to "/" (or to the root through dots only): the root itself.
          if (wantParent) return { kind: 'parent', dir: curLoc, name: '/', trailing: true, path: cur, mount: curLoc.mount, rel: curLoc.rel, child: curLoc.st };
        }
        continue;
      }
      cur = next;
      curLoc = { kind: 'loc', path: next, mount, rel, st };
    }
    if (wantParent) {
      // Only reached when the final component was "." / ".." inside a symlink target: the
      // current directory is the entry.
      return { kind: 'parent', dir: curLoc, name: '.', trailing, path: cur, mount: curLoc.mount, rel: curLoc.rel, child: curLoc.st };
    }
    if (trailing && !isDir(curLoc.st)) return -E.ENOTDIR;
    return { kind: 'found', loc: curLoc, cacheable };
  }
}
