// exo-run analyze: static compatibility report.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { analyze, formatAnalysis } from '../../src/tools/analyze.js';

const root = path.resolve(__dirname, '../..');

describe('analyze', () => {
  it('scores a musl fixture, decoding all of its code', () => {
    const a = analyze(path.join(root, 'fixtures/bin/printf_double-O2'));
    expect(a.libc).toBe('musl');
    expect(a.instructions).toBeGreaterThan(1000);
    expect(a.unknown).toEqual([]);
    expect(a.syscalls.map((s) => s.name)).toContain('exit_group');
    expect(a.score).toBeGreaterThan(50);
    expect(formatAnalysis(a)).toMatch(/compatibility \d+\/100/);
  });

  it('gives 0 with the reason for a file that is not an ELF', () => {
    const a = analyze(path.join(root, 'fixtures/src/hello.c'));
    expect(a.score).toBe(0);
    expect(a.findings[0].severity).toBe('fatal');
    expect(a.findings[0].message).toMatch(/not an ELF/);
  });

  it('counts unimplemented syscalls against the score', () => {
    const a = analyze(path.join(root, 'fixtures/bin/hello'));
    for (const s of a.syscalls) expect(['full', 'partial', 'stub', 'missing', 'unknown']).toContain(s.support);
    const missing = a.syscalls.filter((s) => s.support === 'missing').length;
    expect(a.score).toBeLessThanOrEqual(100 - 8 * missing);
  });
});
