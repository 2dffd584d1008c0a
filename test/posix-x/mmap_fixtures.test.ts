// memfd and file mappings: the io_memfd fixture against its native run, and memfd's size and
// seal rules.
import { describe, expect, it } from 'vitest';
import { EPERM } from '../../src/musl-shim/abi/errno.js';
import { F_SEAL_GROW, F_SEAL_SEAL, F_SEAL_SHRINK, F_SEAL_WRITE, makeMemfd } from '../../src/posix-x/vfs/memfd.js';
import { cases, runFixture } from './io_fixture.js';

describe('mmap fixtures match native', () => {
  it.each(cases('io_memfd'))('%s-%s', async (name, opt) => {
    const r = await runFixture(name, opt);
    expect(r.stdout).toBe(r.expected.stdout);
    expect(r.stderr).toBe(r.expected.stderr);
    expect(r.status).toBe(r.expected.status);
  }, 60000);
});

describe('memfd object', () => {
  it('grows with writes past the end and zero-fills the gap', () => {
    const f = makeMemfd('x', false);
    expect(f.write(Uint8Array.of(7), 10)).toBe(1);
    expect(f.size()).toBe(11);
    const b = new Uint8Array(11);
    expect(f.read(b, 0)).toBe(11);
    expect([...b]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
  });

  it('truncates both ways', () => {
    const f = makeMemfd('x', false);
    f.write(new Uint8Array(100).fill(1), null);
    expect(f.truncate(10)).toBe(0);
    expect(f.truncate(20)).toBe(0);
    const b = new Uint8Array(20);
    f.read(b, 0);
    expect(b[9]).toBe(1);
    expect(b[10]).toBe(0);
  });

  it('refuses seals without MFD_ALLOW_SEALING', () => {
    const f = makeMemfd('x', false);
    expect(f.getSeals()).toBe(F_SEAL_SEAL);
    expect(f.addSeals(F_SEAL_WRITE)).toBe(-EPERM);
  });

  it.each([
    [F_SEAL_SHRINK, (f: ReturnType<typeof makeMemfd>) => f.truncate(1)],
    [F_SEAL_GROW, (f: ReturnType<typeof makeMemfd>) => f.write(new Uint8Array(10), 5)],
    [F_SEAL_WRITE, (f: ReturnType<typeof makeMemfd>) => f.write(new Uint8Array(1), 0)],
  ])('seal %d forbids its change (EPERM)', (seal, change) => {
    const f = makeMemfd('x', true);
    f.write(new Uint8Array(10), null);
    expect(f.addSeals(seal)).toBe(0);
    expect(change(f)).toBe(-EPERM);
  });

  it('F_SEAL_SEAL freezes the seal set', () => {
    const f = makeMemfd('x', true);
    expect(f.addSeals(F_SEAL_SEAL)).toBe(0);
    expect(f.addSeals(F_SEAL_GROW)).toBe(-EPERM);
  });
});
