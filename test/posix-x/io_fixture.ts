// Runs an io_* fixture under exo the way fixtures/build.sh ran it natively (working directory
// fixtures/, argv[0] "./bin/<name>-<opt>", empty environment, stdin /dev/null) and returns both.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../../src/posix-x/machine.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** One comparison: what exo did and what the native run recorded. */
export interface FixtureRun {
  stdout: string;
  stderr: string;
  status: number;
  expected: { stdout: string; stderr: string; status: number };
}

/** Runs fixtures/bin/<name>-<opt> under exo; throws if the fixture or its record is missing. */
export async function runFixture(name: string, opt: 'O0' | 'O2'): Promise<FixtureRun> {
  const id = `${name}-${opt}`;
  const bin = join(FIXTURES, 'bin', id);
  const rec = (ext: string) => {
    const f = join(FIXTURES, 'expected', `${id}.${ext}`);
    if (!existsSync(bin) || !existsSync(f)) throw new Error(`missing ${bin} or ${f}: run bash fixtures/build.sh`);
    return readFileSync(f, 'utf8');
  };
  const st = rec('status').trim();
  const sig = /^signal (\d+)$/.exec(st);
  const expected = { stdout: rec('stdout'), stderr: rec('stderr'), status: sig ? 128 + Number(sig[1]) : Number(st) };
  const r = await runProgram(bin, { argv: [`./bin/${id}`], env: [], capture: true, cwd: FIXTURES });
  return { stdout: Buffer.from(r.stdout).toString('utf8'), stderr: Buffer.from(r.stderr).toString('utf8'), status: r.status, expected };
}

/** The [name, opt] pairs of some fixtures at both optimisation levels. */
export function cases(...names: string[]): [string, 'O0' | 'O2'][] {
  return names.flatMap((n) => [[n, 'O0'], [n, 'O2']] as [string, 'O0' | 'O2'][]);
}
