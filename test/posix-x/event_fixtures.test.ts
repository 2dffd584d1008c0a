// eventfd, timerfd and signalfd: the io_event fixture against its native run, and the objects'
// counter and expiration rules.
import { describe, expect, it } from 'vitest';
import { EAGAIN, EINVAL } from '../../src/musl-shim/abi/errno.js';
import { POLLIN, POLLOUT } from '../../src/posix-x/vfs/file.js';
import { EventFd } from '../../src/posix-x/vfs/eventfd.js';
import { TimerFd } from '../../src/posix-x/vfs/timerfd.js';
import { cases, runFixture } from './io_fixture.js';

describe('event fixtures match native', () => {
  it.each(cases('io_event'))('%s-%s', async (name, opt) => {
    const r = await runFixture(name, opt);
    expect(r.stdout).toBe(r.expected.stdout);
    expect(r.stderr).toBe(r.expected.stderr);
    expect(r.status).toBe(r.expected.status);
  }, 60000);
});

function u64(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
}

describe('eventfd object', () => {
  it('sums writes and hands the total to one read', () => {
    const e = new EventFd(1, false, 0);
    expect(e.write(u64(2n))).toBe(8);
    const b = new Uint8Array(8);
    expect(e.read(b)).toBe(8);
    expect(new DataView(b.buffer).getBigUint64(0, true)).toBe(3n);
    expect(e.read(b)).toBe(-EAGAIN);
  });

  it.each([
    ['a short buffer', new Uint8Array(4), -EINVAL],
    ['2^64-1', u64(0xffffffffffffffffn), -EINVAL],
  ])('rejects %s', (_n, buf, err) => {
    expect(new EventFd(0, false, 0).write(buf)).toBe(err);
  });

  it('blocks a write past 2^64-2 and reports POLLOUT only below it', () => {
    const e = new EventFd(0, false, 0);
    expect(e.write(u64(0xfffffffffffffffen))).toBe(8);
    expect(e.poll(POLLIN | POLLOUT)).toBe(POLLIN);
    expect(e.write(u64(1n))).toBe(-EAGAIN);
  });
});

describe('timerfd object', () => {
  it('counts expirations from the clock and keeps the phase after a read', () => {
    let now = 1000n;
    const tf = new TimerFd(1, () => now, 0);
    tf.arm(100n, 30n, false); // first at 1100, then every 30
    expect(tf.expirations()).toBe(0n);
    now = 1165n;
    expect(tf.expirations()).toBe(3n); // 1100, 1130, 1160
    const b = new Uint8Array(8);
    expect(tf.read(b)).toBe(8);
    expect(new DataView(b.buffer).getBigUint64(0, true)).toBe(3n);
    expect(tf.current()).toEqual([25n, 30n]); // next at 1190
    expect(tf.read(b)).toBe(-EAGAIN);
  });

  it('disarms a one-shot timer once read', () => {
    let now = 0n;
    const tf = new TimerFd(1, () => now, 0);
    tf.arm(10n, 0n, false);
    now = 50n;
    expect(tf.read(new Uint8Array(8))).toBe(8);
    expect(tf.current()).toEqual([0n, 0n]);
    expect(tf.poll(POLLIN)).toBe(0);
  });
});
