// Family fixtures of the file, path and directory syscalls (fixtures/src/fs_*.c): each runs under
// exo with a fresh scratch directory and must match what it did natively (fixtures/build_fs.sh):
// stdout, exit status and the tree it left behind. Every fixture runs twice: with the scratch
// directory on the host (the default view, through node:fs) and with a memfs volume mounted there
// (--tmpfs), whose POSIX rules are all exo's own.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/posix-x/machine.js';
import type { Caller } from '../../src/posix-x/vfs/types.js';
import type { Vfs } from '../../src/posix-x/vfs/vfs.js';
// @ts-expect-error: plain ES module shared with fixtures/build_fs.sh
import { hostOps, treeListing } from '../../fixtures/fs_tree.mjs';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** "<name>-<mode>" cases that are expected to fail (it.fails), each with its reason. */
const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map([]);

const names = existsSync(join(FIXTURES, 'expected'))
  ? readdirSync(join(FIXTURES, 'expected')).filter((f) => /^fs_.*-O2\.tree$/.test(f)).map((f) => f.slice(0, -'-O2.tree'.length)).sort()
  : [];

/** TreeOps over exo's VFS (for a memfs scratch directory the host cannot see). */
function vfsOps(vfs: Vfs, root: string, c: Caller) {
  const at = (rel: string): [ReturnType<Vfs['mountFor']>[0], string] => vfs.mountFor(rel === '' ? root : `${root}/${rel}`);
  const ok = <T>(v: T | number): T => { if (typeof v === 'number') throw new Error(`vfs error ${v}`); return v; };
  return {
    lstat: (rel: string) => { const [m, r] = at(rel); return ok(m.be.lstat(r, c)); },
    readdir: (rel: string) => { const [m, r] = at(rel); return ok(m.be.readdir(r, c)).map((d) => d.name); },
    readlink: (rel: string) => { const [m, r] = at(rel); return ok(m.be.readlink(r, c)); },
    read: (rel: string) => {
      const [m, r] = at(rel);
      const st = ok(m.be.lstat(r, c));
      const f = ok(m.be.open(r, 0, st, c));
      const out = new Uint8Array(st.size);
      let n = 0;
      while (n < out.length) { const k = f.read(out.subarray(n), n); if (k <= 0) break; n += k; }
      f.release();
      return out.subarray(0, n);
    },
  };
}

interface Outcome { stdout: string; status: number; tree: string }

async function runUnderExo(name: string, mode: 'host' | 'tmpfs'): Promise<Outcome> {
  const bin = join(FIXTURES, 'bin', `${name}-O2`);
  const hostScratch = mkdtempSync(join(tmpdir(), 'exo-fsfix-'));
  const scratch = mode === 'host' ? hostScratch : `/exo-fsfix-tmpfs-${process.pid}`;
  try {
    const m = new Machine({
      argv: [`./bin/${name}-O2`, scratch], env: [], capture: true, cwd: FIXTURES,
      tmpfs: mode === 'tmpfs' ? [scratch] : [],
    });
    const p = m.spawn(bin);
    const r = await m.run();
    const stderr = Buffer.from(r.stderr).toString('latin1');
    if (stderr !== '' || r.diagnostics.length > 0) console.log(`${name} (${mode}) stderr: ${stderr} ${r.diagnostics.join('\n')}`);
    const tree = mode === 'host' ? treeListing(hostOps(hostScratch)) : treeListing(vfsOps(m.vfs, scratch, { proc: p, tid: p.pid }));
    return { stdout: Buffer.from(r.stdout).toString('latin1'), status: r.status, tree };
  } finally {
    rmSync(hostScratch, { recursive: true, force: true });
  }
}

function expected(name: string): Outcome {
  const rd = (ext: string): string => readFileSync(join(FIXTURES, 'expected', `${name}-O2.${ext}`), 'latin1');
  return { stdout: rd('stdout'), status: Number(rd('status').trim()), tree: rd('tree') };
}

describe('fs family fixtures match native', () => {
  it('has fixtures recorded (bash fixtures/build_fs.sh)', () => {
    expect(names.length).toBeGreaterThan(0);
  });
  for (const name of names) {
    for (const mode of ['host', 'tmpfs'] as const) {
      const id = `${name}-${mode}`;
      const known = KNOWN_FAILURES.get(id);
      (known ? it.fails : it)(`${id}: stdout, status and tree`, async () => {
        const got = await runUnderExo(name, mode);
        const want = expected(name);
        const dump = process.env.EXO_FSFIX_DUMP; // a directory: write what exo did there, for diff(1)
        if (dump) {
          mkdirSync(dump, { recursive: true });
          writeFileSync(join(dump, `${id}.stdout`), got.stdout, 'latin1');
          writeFileSync(join(dump, `${id}.tree`), got.tree, 'latin1');
        }
        expect(got.stdout).toBe(want.stdout);
        expect(got.status).toBe(want.status);
        expect(got.tree).toBe(want.tree);
      }, 120_000);
    }
  }
});
