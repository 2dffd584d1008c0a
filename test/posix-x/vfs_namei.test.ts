// The VFS below the syscalls: path resolution (path_resolution(7)) over a memfs root, the mount
// table, the path → capability cache and its invalidation, and the POSIX rules exo enforces above
// memfs (which itself allows renaming a directory onto a non-empty one, a file onto a directory,
// a directory into its own child, hard links to directories, and reading directories).
import { describe, expect, it } from 'vitest';
import * as E from '../../src/musl-shim/abi/errno.js';
import { O_CREAT, O_RDONLY, O_RDWR, O_WRONLY } from '../../src/musl-shim/abi/fcntl.js';
import type { PxProcess } from '../../src/posix-x/context.js';
import type { FileDescription } from '../../src/posix-x/vfs/file.js';
import { buildVfs } from '../../src/posix-x/vfs/setup.js';
import type { Caller } from '../../src/posix-x/vfs/types.js';
import { RENAME_EXCHANGE, RENAME_NOREPLACE, type Vfs } from '../../src/posix-x/vfs/vfs.js';

const C = { proc: { pid: 1, cwd: '/' } as unknown as PxProcess, tid: 1 } as Caller;

function fresh(): Vfs {
  const v = buildVfs({ sandbox: true }, () => []);
  expect(v.mkdir(C, '/', 'd', 0o755)).toBe(0);
  expect(v.mkdir(C, '/', 'd/e', 0o755)).toBe(0);
  write(v, '/f', 'file');
  return v;
}

function write(v: Vfs, p: string, text: string): void {
  const f = v.open(C, '/', p, O_WRONLY | O_CREAT, 0o644, { follow: true }) as FileDescription;
  expect(typeof f).toBe('object');
  f.write(Buffer.from(text), null);
  f.release();
}

function read(v: Vfs, p: string): string | number {
  const f = v.open(C, '/', p, O_RDONLY, 0, { follow: true });
  if (typeof f === 'number') return f;
  const b = new Uint8Array(100);
  const n = (f as FileDescription).read(b, null);
  (f as FileDescription).release();
  return n < 0 ? n : Buffer.from(b.subarray(0, n)).toString();
}

const errOf = (r: unknown): number => (typeof r === 'number' ? r : 0);

describe('path resolution', () => {
  it.each([
    ['/f', 0], ['f', 0], ['/d/../f', 0], ['/d/e/../../f', 0], ['/../../f', 0], ['d/./e/', 0], ['//d//e//', 0],
    ['', -E.ENOENT], ['/missing', -E.ENOENT], ['/f/', -E.ENOTDIR], ['/f/x', -E.ENOTDIR], ['/f/..', -E.ENOTDIR],
    ['/missing/..', -E.ENOENT], [`/${'n'.repeat(256)}`, -E.ENAMETOOLONG], [`/${'n'.repeat(255)}`, -E.ENOENT],
  ])('%s → %i', (p, want) => {
    expect(errOf(fresh().stat(C, '/', p, true))).toBe(want);
  });

  it('follows symlinks up to 40, then ELOOP', () => {
    const v = fresh();
    v.symlink(C, '/f', '/', 'l1');
    for (let k = 2; k <= 41; k++) v.symlink(C, `l${k - 1}`, '/', `l${k}`);
    expect(errOf(v.stat(C, '/', 'l40', true))).toBe(0);
    expect(errOf(v.stat(C, '/', 'l41', true))).toBe(-E.ELOOP);
    expect(errOf(v.stat(C, '/', 'l41', false))).toBe(0);
    v.symlink(C, 'self', '/', 'self');
    expect(errOf(v.stat(C, '/', 'self', true))).toBe(-E.ELOOP);
  });

  it('resolves ".." after a symlink from the target, and absolute targets from the root', () => {
    const v = fresh();
    v.symlink(C, 'd/e', '/', 'de');
    v.symlink(C, '/d', '/d/e', 'abs');
    expect(errOf(v.stat(C, '/', 'de/../../f', true))).toBe(0);
    expect(errOf(v.stat(C, '/', 'd/e/abs/e', true))).toBe(0);
    expect(errOf(v.stat(C, '/', 'de/', true))).toBe(0);
  });

  it('trailing slashes force following and need a directory', () => {
    const v = fresh();
    v.symlink(C, 'f', '/', 'lf');
    v.symlink(C, 'd', '/', 'ld');
    expect(errOf(v.stat(C, '/', 'ld/', false))).toBe(0);
    expect(errOf(v.stat(C, '/', 'lf/', false))).toBe(-E.ENOTDIR);
    expect(v.unlink(C, '/', 'f/')).toBe(-E.ENOTDIR);
    expect(v.unlink(C, '/', 'd/')).toBe(-E.EISDIR);
    expect(v.rmdir(C, '/', 'ld/')).toBe(-E.ENOTDIR);
  });

  it('crosses mounts by path and stops ".." at the root', () => {
    const v = fresh();
    expect(v.mountFor('/proc/self')[0].be.fsType).toBe('proc');
    expect(v.mountFor('/dev/null')[1]).toBe('null');
    expect(v.mountFor('/d/e')[1]).toBe('d/e');
    expect(v.chdir(C, '/', '../../..')).toBe('/');
    expect(v.mountNames('/').sort()).toEqual(['dev', 'proc']);
  });
});

describe('the rules memfs does not enforce', () => {
  it('rename: non-empty target, file onto directory, directory onto file, into itself', () => {
    const v = fresh();
    v.mkdir(C, '/', 'full', 0o755);
    write(v, '/full/x', 'x');
    expect(v.rename(C, '/', 'd', '/', 'full', 0)).toBe(-E.ENOTEMPTY);
    expect(v.rename(C, '/', 'f', '/', 'd', 0)).toBe(-E.EISDIR);
    expect(v.rename(C, '/', 'd', '/', 'f', 0)).toBe(-E.ENOTDIR);
    expect(v.rename(C, '/', 'd', '/', 'd/e/x', 0)).toBe(-E.EINVAL);
    expect(v.rename(C, '/', 'f', '/', 'full/x', RENAME_NOREPLACE)).toBe(-E.EEXIST);
    expect(v.rename(C, '/', 'f', '/', 'nope', RENAME_EXCHANGE)).toBe(-E.ENOENT);
    expect(v.rename(C, '/', 'f', '/', 'full/x', RENAME_EXCHANGE)).toBe(0);
    expect(read(v, '/f')).toBe('x');
    expect(read(v, '/full/x')).toBe('file');
  });

  it('no hard links to directories; reading a directory is EISDIR; rmdir needs an empty directory', () => {
    const v = fresh();
    const d = v.resolve(C, '/', 'd');
    expect(typeof d).toBe('object');
    expect(v.link(C, d as never, '/', 'dlink')).toBe(-E.EPERM);
    expect(read(v, '/d')).toBe(-E.EISDIR);
    expect(errOf(v.open(C, '/', 'd', O_RDWR, 0, { follow: true }))).toBe(-E.EISDIR);
    expect(v.rmdir(C, '/', 'd')).toBe(-E.ENOTEMPTY);
    expect(v.rmdir(C, '/', 'd/e')).toBe(0);
    expect(v.rmdir(C, '/', 'd')).toBe(0);
  });

  it('an unlinked file lives while open', () => {
    const v = fresh();
    const f = v.open(C, '/', 'f', O_RDONLY, 0, { follow: true }) as FileDescription;
    expect(v.unlink(C, '/', 'f')).toBe(0);
    expect(errOf(v.stat(C, '/', 'f', true))).toBe(-E.ENOENT);
    const b = new Uint8Array(10);
    expect(f.read(b, 0)).toBe(4);
    expect((f.stat() as { nlink: number }).nlink).toBe(0);
    f.release();
  });
});

describe('the path → capability cache', () => {
  it('answers repeated lookups without walking, and forgets on rename and unlink', () => {
    const v = fresh();
    write(v, '/d/e/deep', 'deep');
    const [m] = v.mountFor('/d');
    let lstats = 0;
    const orig = m.be.lstat.bind(m.be);
    m.be.lstat = (rel, c) => { lstats++; return orig(rel, c); };
    expect(errOf(v.resolve(C, '/', 'd/e/deep'))).toBe(0);
    const first = lstats;
    lstats = 0;
    expect(errOf(v.resolve(C, '/', 'd/e/deep'))).toBe(0);
    expect(lstats).toBeLessThan(first);
    expect(lstats).toBe(1); // only the final object is checked again
    expect(v.rename(C, '/', 'd/e', '/', 'moved', 0)).toBe(0);
    expect(errOf(v.resolve(C, '/', 'd/e/deep'))).toBe(-E.ENOENT);
    expect(read(v, '/moved/deep')).toBe('deep');
    expect(v.unlink(C, '/', 'moved/deep')).toBe(0);
    expect(errOf(v.resolve(C, '/', 'moved/deep'))).toBe(-E.ENOENT);
    // A symlink swapped in for a directory is seen at once.
    write(v, '/moved/deep', 'again');
    expect(errOf(v.resolve(C, '/', 'moved/deep'))).toBe(0);
    expect(v.rmdir(C, '/', 'd')).toBe(0);
    v.symlink(C, 'moved', '/', 'd');
    expect(read(v, '/d/deep')).toBe('again');
  });
});

describe('readExecutable (execve through the namespace)', () => {
  const hello = new URL('../../fixtures/bin/hello', import.meta.url).pathname;
  it('reads a host binary in the default view, not in a sandbox', () => {
    const host = buildVfs({}, () => []).readExecutable(C, '/', hello);
    expect(typeof host).toBe('object');
    expect(Array.from((host as { bytes: Uint8Array }).bytes.subarray(0, 4))).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(buildVfs({ sandbox: true }, () => []).readExecutable(C, '/', hello)).toBe(-E.ENOENT);
  });
  it('refuses directories and files without execute permission', () => {
    const v = fresh();
    expect(v.readExecutable(C, '/', 'd')).toBe(-E.EACCES);
    expect(v.readExecutable(C, '/', 'f')).toBe(-E.EACCES);
    expect(v.chmod(C, '/', 'f', 0o755, true)).toBe(0);
    expect(typeof v.readExecutable(C, '/', 'f')).toBe('object');
  });
});
