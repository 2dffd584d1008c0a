// --sandbox (and --root, --mount :ro): every route out of the namespace the issue lists is
// denied, one test per route — "..", absolute and relative symlinks, /proc/self/root,
// /proc/self/fd links, dirfds, rename/link across mounts — and a sandbox without mounts sees
// only its memfs root (plus the synthetic /dev and /proc, which expose no host files).
// The guest is fixtures/bin/vfs_probe-O2 (fixtures/src/vfs_probe.c), one line per operation.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type RunOptions } from '../../src/posix-x/machine.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const PROBE = join(FIXTURES, 'bin', 'vfs_probe-O2');

let base = '';       // host directory of the test
let secret = '';     // a host file nothing in the sandbox may reach
let data = '';       // the host directory mounted at /data

beforeAll(() => {
  if (!existsSync(PROBE)) throw new Error('missing fixtures/bin/vfs_probe-O2: run bash fixtures/build_fs.sh');
  base = mkdtempSync(join(tmpdir(), 'exo-sandbox-'));
  mkdirSync(join(base, 'secret'));
  secret = join(base, 'secret', 'secret.txt');
  writeFileSync(secret, 'SECRET\n');
  data = join(base, 'data');
  mkdirSync(join(data, 'sub'), { recursive: true });
  writeFileSync(join(data, 'hello.txt'), 'hello\n');
  symlinkSync(secret, join(data, 'abs'));                               // absolute, to the host file
  symlinkSync('../secret/secret.txt', join(data, 'rel'));               // relative, out of the mount
  symlinkSync('../../../../../../../../../../..' + secret, join(data, 'deep'));
  symlinkSync('/', join(data, 'root'));
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

/** Runs the probe with the given ops; returns its output lines. */
async function probe(ops: string[], ns: Partial<RunOptions>): Promise<string[]> {
  const r = await runProgram(PROBE, { argv: ['vfs_probe', ...ops], env: [], capture: true, cwd: FIXTURES, ...ns });
  expect(r.status).toBe(0);
  return Buffer.from(r.stdout).toString('latin1').split('\n').filter((l) => l !== '');
}

const sandboxed = (): Partial<RunOptions> => ({ sandbox: true, mounts: [`${data}:/data`] });
const NOT_SECRET = (lines: string[]): void => { for (const l of lines) expect(l).not.toContain('SECRET'); };

describe('sandbox escape routes are denied', () => {
  it('the secret is readable without a sandbox (the probe works)', async () => {
    expect(await probe([`read:${secret}`, 'read:/data/hello.txt'], {})).toEqual([`read ${secret}: "SECRET"`, 'read /data/hello.txt: ENOENT']);
  });

  it('sees the mount', async () => {
    expect(await probe(['read:/data/hello.txt', 'ls:/data'], sandboxed())).toEqual([
      'read /data/hello.txt: "hello"', 'ls /data: abs deep hello.txt rel root sub',
    ]);
  });

  it('"..": from the mount, from the root, from the cwd', async () => {
    const lines = await probe([
      'read:/data/../secret/secret.txt', `read:/data/../../../../..${secret}`, `read:/../../..${secret}`,
      'chdir:/data/sub', `read:../../../../../..${secret}`, 'chdir:../../../../..', 'cwd', 'ls:.',
    ], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual([
      'read /data/../secret/secret.txt: ENOENT', `read /data/../../../../..${secret}: ENOENT`, `read /../../..${secret}: ENOENT`,
      'chdir /data/sub: ok', `read ../../../../../..${secret}: ENOENT`, 'chdir ../../../../..: ok', 'cwd: /', 'ls .: data dev proc tmp',
    ]);
  });

  it('absolute symlinks resolve inside the sandbox', async () => {
    const lines = await probe(['readlink:/data/abs', 'read:/data/abs', 'stat:/data/abs', 'ls:/data/root', 'read:/data/root/data/hello.txt'], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual([`readlink: -> ${secret}`, 'read /data/abs: ENOENT', 'stat /data/abs: ENOENT', 'ls /data/root: data dev proc tmp',
      'read /data/root/data/hello.txt: "hello"']);
  });

  it('relative symlinks cannot climb out of the mount', async () => {
    const lines = await probe(['read:/data/rel', 'read:/data/deep', 'read:/data/sub/../rel'], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual(['read /data/rel: ENOENT', 'read /data/deep: ENOENT', 'read /data/sub/../rel: ENOENT']);
  });

  it('symlinks the guest makes on a host mount still resolve inside the sandbox', async () => {
    const lines = await probe([`symlink:${secret}:/data/made`, 'read:/data/made', 'symlink:../secret/secret.txt:/data/made2', 'read:/data/made2',
      'unlink:/data/made', 'unlink:/data/made2'], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual(['symlink /data/made: ok', 'read /data/made: ENOENT', 'symlink /data/made2: ok', 'read /data/made2: ENOENT',
      'unlink /data/made: ok', 'unlink /data/made2: ok']);
  });

  it('/proc/self/root is the sandbox root', async () => {
    const lines = await probe(['readlink:/proc/self/root', `read:/proc/self/root${secret}`, 'read:/proc/self/root/data/hello.txt',
      `read:/proc/self/root/../../..${secret}`, 'ls:/proc/self/root/'], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual(['readlink: -> /', `read /proc/self/root${secret}: ENOENT`, 'read /proc/self/root/data/hello.txt: "hello"',
      `read /proc/self/root/../../..${secret}: ENOENT`, 'ls /proc/self/root/: data dev proc tmp']);
  });

  it('/proc/self/fd and /proc/self/cwd links lead only to what the process already has', async () => {
    const lines = await probe(['dirfd:/data/sub', 'fdlink', 'fdpath:../hello.txt', 'fdpath:../../secret/secret.txt',
      `fdpath:../../../../../..${secret}`, 'chdir:/data', 'read:/proc/self/cwd/../secret/secret.txt', 'read:/proc/self/cwd/hello.txt'], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual(['dirfd /data/sub: ok', 'fdlink: -> /data/sub', 'read ../hello.txt: "hello"', 'read ../../secret/secret.txt: ENOENT',
      `read ../../../../../..${secret}: ENOENT`, 'chdir /data: ok', 'read /proc/self/cwd/../secret/secret.txt: ENOENT',
      'read /proc/self/cwd/hello.txt: "hello"']);
  });

  it('openat with a dirfd cannot climb out', async () => {
    const lines = await probe(['dirfd:/data', 'openat:hello.txt', 'openat:../secret/secret.txt', `openat:../../../../..${secret}`,
      `openat:${secret}`, 'openat:rel', 'openat:abs'], sandboxed());
    NOT_SECRET(lines);
    expect(lines).toEqual(['dirfd /data: ok', 'read hello.txt: "hello"', 'read ../secret/secret.txt: ENOENT',
      `read ../../../../..${secret}: ENOENT`, `read ${secret}: ENOENT`, 'read rel: ENOENT', 'read abs: ENOENT']);
  });

  it('rename and link across mounts are EXDEV', async () => {
    const lines = await probe(['write:/tmp/inside:x', 'rename:/data/hello.txt:/tmp/moved', 'link:/data/hello.txt:/tmp/linked',
      'rename:/tmp/inside:/data/inside', 'link:/tmp/inside:/data/inside', 'dirfd:/data', 'linkfollow:/proc/self/fd/3/hello.txt:/tmp/l2',
      'rename:/data:/elsewhere', 'read:/data/hello.txt'], sandboxed());
    expect(lines).toEqual(['write /tmp/inside: ok', 'rename /data/hello.txt: EXDEV', 'link /data/hello.txt: EXDEV',
      'rename /tmp/inside: EXDEV', 'link /tmp/inside: EXDEV', 'dirfd /data: ok', 'linkfollow /proc/self/fd/3/hello.txt: EXDEV',
      'rename /data: EBUSY', 'read /data/hello.txt: "hello"']);
    expect(existsSync(join(data, 'inside'))).toBe(false);
  });

  it('/proc/self/exe names the host program but does not open it', async () => {
    const lines = await probe(['readlink:/proc/self/exe', 'read:/proc/self/exe', `stat:${PROBE}`], sandboxed());
    expect(lines).toEqual([`readlink: -> ${PROBE}`, 'read /proc/self/exe: ENOENT', `stat ${PROBE}: ENOENT`]);
  });

  it('read-only mounts refuse every change (EROFS)', async () => {
    const lines = await probe(['write:/ro/hello.txt:x', 'write:/ro/new:x', 'mkdir:/ro/d', 'unlink:/ro/hello.txt', 'rename:/ro/hello.txt:/ro/h2',
      'symlink:x:/ro/s', 'rmdir:/ro/sub', 'reopenw:/ro/hello.txt', 'fchmod:/ro/hello.txt', 'read:/ro/hello.txt'],
    { sandbox: true, mounts: [`${data}:/ro:ro`] });
    expect(lines).toEqual(['write /ro/hello.txt: EROFS', 'write /ro/new: EROFS', 'mkdir /ro/d: EROFS', 'unlink /ro/hello.txt: EROFS',
      'rename /ro/hello.txt: EROFS', 'symlink /ro/s: EROFS', 'rmdir /ro/sub: EROFS', 'reopenw /ro/hello.txt: EROFS',
      'fchmod /ro/hello.txt: EROFS', 'read /ro/hello.txt: "hello"']);
    expect(lstatSync(join(data, 'hello.txt')).mode & 0o777).toBe(0o644);
    expect(readFileSync(join(data, 'hello.txt'), 'utf8')).toBe('hello\n');
  });
});

describe('--sandbox without mounts', () => {
  it('sees only its memfs root and the synthetic /dev and /proc', async () => {
    const hostCwd = process.cwd();
    const lines = await probe(['ls:/', 'statfs:/', 'stat:/etc/passwd', 'stat:/etc', `stat:${hostCwd}`, `stat:${FIXTURES}`, `stat:${base}`,
      'stat:/work', 'stat:/usr/bin', 'cwd', 'ls:/tmp', 'ls:/dev', 'read:/dev/null', 'write:/tmp/note:hi', 'read:/tmp/note',
      'write:/made-at-root:x', 'ls:/'], { sandbox: true });
    expect(lines).toEqual(['ls /: dev proc tmp', 'statfs /: 1021994', 'stat /etc/passwd: ENOENT', 'stat /etc: ENOENT', `stat ${hostCwd}: ENOENT`,
      `stat ${FIXTURES}: ENOENT`, `stat ${base}: ENOENT`, 'stat /work: ENOENT', 'stat /usr/bin: ENOENT', 'cwd: /', 'ls /tmp:',
      'ls /dev: fd full null pts random shm stderr stdin stdout tty urandom zero', 'read /dev/null: ""', 'write /tmp/note: ok',
      'read /tmp/note: "hi"', 'write /made-at-root: ok', 'ls /: dev made-at-root proc tmp']);
    expect(existsSync('/tmp/note') && readFileSync('/tmp/note', 'utf8') === 'hi').toBe(false);
    expect(existsSync('/made-at-root')).toBe(false);
  });

  it('each run starts from an empty root', async () => {
    await probe(['write:/tmp/a:1'], { sandbox: true });
    expect(await probe(['ls:/tmp'], { sandbox: true })).toEqual(['ls /tmp:']);
  });
});

describe('--root and --tmpfs', () => {
  it('--root DIR makes DIR the root: ".." and absolute symlinks stay inside', async () => {
    const lines = await probe(['ls:/', 'read:/hello.txt', 'read:/../secret/secret.txt', 'read:/abs', 'read:/rel', 'readlink:/proc/self/root',
      `stat:${data}`], { root: data });
    NOT_SECRET(lines);
    expect(lines).toEqual(['ls /: abs deep dev hello.txt proc rel root sub', 'read /hello.txt: "hello"', 'read /../secret/secret.txt: ENOENT',
      'read /abs: ENOENT', 'read /rel: ENOENT', 'readlink: -> /', `stat ${data}: ENOENT`]);
  });

  it('--tmpfs mounts an empty memfs volume over a host path', async () => {
    const lines = await probe(['ls:/data', 'write:/data/x:1', 'ls:/data', 'statfs:/data', 'rename:/data/x:/tmp/x'], { tmpfs: ['/data'] });
    expect(lines).toEqual(['ls /data:', 'write /data/x: ok', 'ls /data: x', 'statfs /data: 1021994', 'rename /data/x: EXDEV']);
    expect(lstatSync(data).isDirectory()).toBe(true);
  });
});
