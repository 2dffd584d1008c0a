// Building a machine's namespace from the run options: the default view is the host's "/" (as
// native and qemu-user see it) with synthetic /dev and /proc over it; --root DIR puts a host
// directory at "/"; --sandbox puts a memfs volume at "/" so that only --mount and --tmpfs
// mounts (and the synthetic /dev and /proc, which expose no host files) are reachable.
import fs from 'node:fs';
import path from 'node:path';
import type { PxProcess } from '../context.js';
import { DevBackend } from './devfs.js';
import { hostToGuest } from './file.js';
import { HostBackend } from './hostfs.js';
import { MemBackend } from './memvol.js';
import { ProcBackend } from './procfs.js';
import { makedev } from './types.js';
import { Vfs } from './vfs.js';

/** The namespace options of RunOptions (exo-run --root/--mount/--tmpfs/--sandbox). */
export interface NamespaceOptions {
  root?: string;
  /** "HOST:GUEST" or "HOST:GUEST:ro". */
  mounts?: string[];
  tmpfs?: string[];
  sandbox?: boolean;
}

/** A --mount argument, parsed. */
export interface MountSpec { host: string; guest: string; ro: boolean }

/** A bad --root/--mount/--tmpfs argument. */
export class MountError extends Error {}

/** Normalizes an absolute guest path ("/a//b/" → "/a/b"); throws for relative or dotted paths. */
export function guestPoint(p: string): string {
  if (!p.startsWith('/')) throw new MountError(`mount point must be absolute: ${p}`);
  const parts = p.split('/').filter((s) => s.length > 0);
  if (parts.some((s) => s === '.' || s === '..')) throw new MountError(`mount point must not contain . or ..: ${p}`);
  return '/' + parts.join('/');
}

/** Parses "HOST:GUEST[:ro|:rw]". */
export function parseMountSpec(spec: string): MountSpec {
  let ro = false;
  let s = spec;
  if (s.endsWith(':ro')) { ro = true; s = s.slice(0, -3); } else if (s.endsWith(':rw')) s = s.slice(0, -3);
  const k = s.lastIndexOf(':');
  if (k <= 0 || k === s.length - 1) throw new MountError(`--mount wants HOST:GUEST[:ro], got ${spec}`);
  return { host: s.slice(0, k), guest: guestPoint(s.slice(k + 1)), ro };
}

function hostDir(p: string, what: string): string {
  let real: string;
  try { real = fs.realpathSync(p); } catch { throw new MountError(`${what}: no such file or directory: ${p}`); }
  return real;
}

/** Builds the namespace; `procs` lists the machine's processes for /proc. */
export function buildVfs(o: NamespaceOptions, procs: () => Iterable<PxProcess>): Vfs {
  const vfs = new Vfs();
  let memDev = 40;
  const mem = (mode = 0o755): MemBackend => new MemBackend(makedev(0, memDev++), mode);
  const specs = (o.mounts ?? []).map(parseMountSpec);
  const tmpfs = (o.tmpfs ?? []).map(guestPoint);
  if (o.sandbox) {
    const root = mem();
    vfs.mount('/', root, false, root.dev, 'tmpfs');
    for (const d of ['/dev', '/proc', '/tmp', ...specs.map((m) => m.guest), ...tmpfs]) mkdirs(root, d);
    root.chmod('tmp', 0o1777);
  } else {
    const dir = hostDir(o.root ?? '/', '--root');
    const st = fs.statSync(dir);
    if (!st.isDirectory()) throw new MountError(`--root: not a directory: ${o.root}`);
    vfs.mount('/', new HostBackend(dir, '/'), false, st.dev, dir);
  }
  vfs.mount('/dev', new DevBackend(makedev(0, 5)), false, makedev(0, 5), 'devtmpfs');
  const shmHost = !o.sandbox && o.root === undefined && fs.existsSync('/dev/shm') ? '/dev/shm' : null;
  if (shmHost !== null) vfs.mount('/dev/shm', new HostBackend(shmHost, '/dev/shm'), false, fs.statSync(shmHost).dev, shmHost);
  else { const shm = mem(0o1777); vfs.mount('/dev/shm', shm, false, shm.dev, 'tmpfs'); }
  const src = {
    processById: (pid: number): PxProcess | undefined => { for (const p of procs()) if (p.pid === pid) return p; return undefined; },
    pids: (): number[] => [...procs()].filter((p) => !p.reaped).map((p) => p.pid).sort((a, b) => a - b),
    mounts: () => vfs.list().map((m) => ({ point: m.point, fsType: m.be.fsType === 'host' ? 'ext4' : m.be.fsType, source: m.source, ro: m.ro, dev: m.dev })),
  };
  vfs.mount('/proc', new ProcBackend(makedev(0, 22), src), false, makedev(0, 22), 'proc', false);
  for (const m of specs) {
    const dir = hostDir(m.host, '--mount');
    const be = new HostBackend(dir, m.guest);
    be.ro = m.ro;
    vfs.mount(m.guest, be, m.ro, fs.statSync(dir).dev, dir);
  }
  for (const g of tmpfs) { const v = mem(0o1777); vfs.mount(g, v, false, v.dev, 'tmpfs'); }
  return vfs;
}

function mkdirs(root: MemBackend, guest: string): void {
  const parts = guest.split('/').filter((s) => s.length > 0);
  for (let k = 1; k <= parts.length; k++) root.mkdir(parts.slice(0, k).join('/'), 0o755);
}

/** The guest cwd for a host cwd: where the host directory appears in the namespace, else "/". */
export function initialCwd(vfs: Vfs, hostCwd: string): string {
  const abs = path.resolve(hostCwd);
  let best: string | null = null;
  for (const m of vfs.list()) {
    if (!(m.be instanceof HostBackend)) continue;
    const g = hostToGuest(m.be.hostRoot, m.point, abs);
    if (g !== null && vfs.mountFor(g)[0] === m) best = g;
  }
  return best ?? '/';
}
