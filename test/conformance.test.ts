// Conformance: run every fixture in fixtures/manifest.json (except benchmarks)
// at -O0, -O2, -O3 -march=x86-64-v2 and -O3 -march=x86-64-v3 under the Exo runtime and compare stdout, stderr and the exit
// status byte for byte with what the same binary did natively
// (fixtures/expected/*, recorded by fixtures/build.sh).
//
// Run `bash fixtures/build.sh` (npm run fixtures) first to produce the
// binaries and the expected results.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../src/posix-x/machine.js';

/**
 * Cases known to fail, as "<name>-<opt>" (e.g. "printf_ldouble-O2"). A listed
 * case runs as an expected failure (`it.fails`), so once it is fixed the run
 * fails until it is removed from this list.
 */
const KNOWN_FAILURES: ReadonlySet<string> = new Set<string>([]);

const OPTS = ['O0', 'O2', 'O3v2', 'O3v3'] as const;
type Opt = (typeof OPTS)[number];

const TIMEOUT_MS = 60_000;

const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

interface ManifestEntry {
  args?: string[];
  env?: Record<string, string>;
  stdin?: string | null;
  bench?: boolean;
}

interface Case {
  id: string; // "<name>-<opt>"
  name: string;
  opt: Opt;
  args: string[];
  env: string[];
  stdin: string | null;
}

function loadManifest(): Record<string, ManifestEntry> {
  const text = readFileSync(join(FIXTURES_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(text) as Record<string, ManifestEntry>;
}

function casesFor(opt: Opt): Case[] {
  const manifest = loadManifest();
  return Object.keys(manifest)
    .sort()
    .filter((name) => manifest[name]?.bench !== true)
    .map((name) => {
      const e = manifest[name] ?? {};
      return {
        id: `${name}-${opt}`,
        name,
        opt,
        args: e.args ?? [],
        env: Object.entries(e.env ?? {}).map(([k, v]) => `${k}=${v}`),
        stdin: e.stdin ?? null,
      };
    });
}

function readExpected(id: string, ext: 'stdout' | 'stderr' | 'status'): Buffer {
  const file = join(FIXTURES_DIR, 'expected', `${id}.${ext}`);
  if (!existsSync(file)) {
    throw new Error(`missing ${file}: run \`bash fixtures/build.sh\` (npm run fixtures) first`);
  }
  return readFileSync(file);
}

/** Parses an expected .status file: "<code>" or "signal <N>". */
function parseStatus(text: string): { status: number; signal: number } {
  const t = text.trim();
  const m = /^signal (\d+)$/.exec(t);
  if (m) {
    const signal = Number(m[1]);
    return { status: 128 + signal, signal };
  }
  if (!/^\d+$/.test(t)) throw new Error(`bad expected status: ${JSON.stringify(t)}`);
  return { status: Number(t), signal: 0 };
}

/** Byte-exact comparison; on mismatch the latin1 view gives a readable line diff. */
function expectSameBytes(actual: Uint8Array, expected: Buffer, what: string): void {
  const got = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
  if (got.equals(expected)) return;
  let at = 0;
  while (at < got.length && at < expected.length && got[at] === expected[at]) at++;
  expect
    .soft(
      got.toString('latin1'),
      `${what}: ${got.length} bytes vs ${expected.length} expected, first difference at byte ${at}`,
    )
    .toBe(expected.toString('latin1'));
}

async function runCase(c: Case, jit = true): Promise<void> {
  const expectedStdout = readExpected(c.id, 'stdout');
  const expectedStderr = readExpected(c.id, 'stderr');
  const expectedStatus = parseStatus(readExpected(c.id, 'status').toString('utf8'));

  const exe = `./bin/${c.id}`; // argv[0] exactly as build.sh passed it
  const stdin = c.stdin === null ? new Uint8Array(0) : new Uint8Array(readFileSync(join(FIXTURES_DIR, c.stdin)));

  const result = await runProgram(join(FIXTURES_DIR, 'bin', c.id), {
    argv: [exe, ...c.args],
    env: c.env,
    stdin,
    capture: true,
    cwd: FIXTURES_DIR,
    jit,
  });

  expectSameBytes(result.stdout, expectedStdout, `${c.id} stdout`);
  expectSameBytes(result.stderr, expectedStderr, `${c.id} stderr`);
  expect
    .soft({ status: result.status, signal: result.signal }, `${c.id} exit status`)
    .toEqual(expectedStatus);
}

describe.each(OPTS)('conformance -%s', (opt) => {
  const cases = casesFor(opt);
  const passing = cases.filter((c) => !KNOWN_FAILURES.has(c.id)).map((c) => [c.id, c] as const);
  const known = cases.filter((c) => KNOWN_FAILURES.has(c.id)).map((c) => [c.id, c] as const);

  it.each(passing)('%s', (_id, c) => runCase(c), TIMEOUT_MS);
  if (known.length > 0) {
    it.fails.each(known)('%s (known failure)', (_id, c) => runCase(c), TIMEOUT_MS);
  }
});

// The block compiler must agree with the interpreter: every -O2 fixture once more with tier 1 off.
describe('conformance -O2, interpreter only (block compiler cross-check)', () => {
  const cases = casesFor('O2').filter((c) => !KNOWN_FAILURES.has(c.id)).map((c) => [c.id, c] as const);
  it.each(cases)('%s', (_id, c) => runCase(c, false), TIMEOUT_MS);
});

describe('conformance fixture list', () => {
  it('KNOWN_FAILURES only names real cases', () => {
    const ids = new Set(OPTS.flatMap((opt) => casesFor(opt).map((c) => c.id)));
    expect([...KNOWN_FAILURES].filter((id) => !ids.has(id))).toEqual([]);
  });
});
