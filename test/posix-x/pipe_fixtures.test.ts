// Pipes: the io_pipe and io_splice fixtures against their native runs, and the pipe object's
// capacity rules (pipe(7): 16 page slots, PIPE_BUF atomicity, F_SETPIPE_SZ).
import { describe, expect, it } from 'vitest';
import { EAGAIN, EBUSY, EPERM, EPIPE } from '../../src/musl-shim/abi/errno.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from '../../src/posix-x/vfs/file.js';
import { makePipe, PIPE_BUF } from '../../src/posix-x/vfs/pipe.js';
import { cases, runFixture } from './io_fixture.js';

describe('pipe fixtures match native', () => {
  it.each(cases('io_pipe', 'io_splice'))('%s-%s', async (name, opt) => {
    const r = await runFixture(name, opt);
    expect(r.stdout).toBe(r.expected.stdout);
    expect(r.stderr).toBe(r.expected.stderr);
    expect(r.status).toBe(r.expected.status);
  }, 60000);
});

describe('pipe object', () => {
  it('holds 64 KiB in 16 page slots', () => {
    const [r, w] = makePipe(0);
    expect(w.write(new Uint8Array(70000))).toBe(65536);
    expect(w.write(new Uint8Array(1))).toBe(-EAGAIN);
    expect(w.poll(POLLOUT)).toBe(0);
    expect(r.readable()).toBe(65536);
  });

  it('merges a small write into the last page only when it fits whole', () => {
    const [r, w] = makePipe(0);
    expect(w.write(new Uint8Array(15 * 4096 + 4000))).toBe(15 * 4096 + 4000);
    expect(w.write(new Uint8Array(96))).toBe(96); // fills the last page exactly
    expect(w.write(new Uint8Array(1))).toBe(-EAGAIN);
    expect(r.read(new Uint8Array(100))).toBe(100); // a partly read page keeps its slot
    expect(w.write(new Uint8Array(PIPE_BUF))).toBe(-EAGAIN); // atomic: all or nothing
  });

  it('reports EOF, POLLHUP and EPIPE as the ends close', () => {
    const [r, w] = makePipe(0);
    expect(r.read(new Uint8Array(1))).toBe(-EAGAIN);
    w.release();
    expect(r.poll(POLLIN)).toBe(POLLHUP);
    expect(r.read(new Uint8Array(1))).toBe(0);
    const [r2, w2] = makePipe(0);
    r2.release();
    expect(w2.poll(POLLOUT)).toBe(POLLOUT | POLLERR);
    expect(w2.write(new Uint8Array(1))).toBe(-EPIPE);
  });

  it.each([
    [0, 4096], [1, 4096], [4097, 8192], [65536, 65536], [1048576, 1048576], [1048577, -EPERM],
  ])('F_SETPIPE_SZ %d gives %d', (want, got) => {
    const [r] = makePipe(0);
    expect(r.setPipeSize(want)).toBe(got);
    if (got > 0) expect(r.pipeSize()).toBe(got);
  });

  it('refuses to shrink below the data held (EBUSY)', () => {
    const [r, w] = makePipe(0);
    w.write(new Uint8Array(3 * 4096));
    expect(r.setPipeSize(4096)).toBe(-EBUSY);
    expect(r.setPipeSize(16384)).toBe(16384);
  });

  it('wakes a waiter when data arrives', async () => {
    const [r, w] = makePipe(0);
    const woke = r.waitFor(POLLIN);
    w.write(Uint8Array.of(1));
    await expect(woke).resolves.toBeUndefined();
    expect(r.poll(POLLIN)).toBe(POLLIN);
  });
});
