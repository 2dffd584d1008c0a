// timerfd_create(2): a timer as a file. Expirations are computed from the clock when asked (no
// host timer runs unless a thread waits for the next expiration); read returns the count.
import { EAGAIN, EINVAL } from '../../musl-shim/abi/errno.js';
import { O_RDWR } from '../../musl-shim/abi/fcntl.js';
import { WaitQueue } from '../wait.js';
import { FileDescription, POLLERR, POLLHUP, POLLIN, type IoResult, type StatInfo } from './file.js';

/** timerfd flags (include/uapi/linux/timerfd.h). */
export const TFD_TIMER_ABSTIME = 1, TFD_TIMER_CANCEL_ON_SET = 2, TFD_NONBLOCK = 0o4000, TFD_CLOEXEC = 0o2000000;

/** Reads a clock in ns (sys_time's clock table), or -1n for an unknown clock. */
export type ClockFn = (id: number) => bigint;

/** A timerfd description. Times are in the timer's clock, in ns. */
export class TimerFd extends FileDescription {
  /** Next expiration (absolute), 0n = disarmed. */
  next = 0n;
  interval = 0n;
  private readonly changed = new WaitQueue();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly clockId: number, private readonly clock: ClockFn, flags: number) {
    super(O_RDWR | flags, 'anon_inode:[timerfd]');
  }

  /** Expirations not yet read. */
  expirations(): bigint {
    if (this.next === 0n) return 0n;
    const now = this.clock(this.clockId);
    if (now < this.next) return 0n;
    return this.interval === 0n ? 1n : 1n + (now - this.next) / this.interval;
  }

  /** The remaining time and interval (timerfd_gettime(2)). */
  current(): [bigint, bigint] {
    if (this.next === 0n) return [0n, this.interval];
    const now = this.clock(this.clockId);
    let next = this.next;
    if (now >= next) {
      if (this.interval === 0n) return [0n, 0n]; // expired, not yet read: disarmed
      next += ((now - next) / this.interval + 1n) * this.interval;
    }
    return [next - now, this.interval];
  }

  /** timerfd_settime(2): value 0 disarms; relative values count from now. */
  arm(value: bigint, interval: bigint, absolute: boolean): void {
    this.cancelTimer();
    this.interval = interval;
    this.next = value === 0n ? 0n : absolute ? value : this.clock(this.clockId) + value;
    // An absolute time already past counts as one expiration at once (next <= now).
    if (this.next !== 0n && this.next <= 0n) this.next = 1n;
    this.changed.notify();
  }

  override read(buf: Uint8Array): IoResult {
    if (buf.length < 8) return -EINVAL;
    const n = this.expirations();
    if (n === 0n) return -EAGAIN;
    if (this.interval === 0n) this.next = 0n;
    else this.next += n * this.interval;
    new DataView(buf.buffer, buf.byteOffset, 8).setBigUint64(0, n, true);
    this.changed.notify();
    return 8;
  }

  override write(): IoResult { return -EINVAL; }

  override poll(events: number): number {
    return (this.expirations() > 0n ? POLLIN : 0) & (events | POLLERR | POLLHUP);
  }

  /** Settles at the next expiration (or a settime): a host timer runs only while someone waits. */
  override waitFor(): Promise<void> {
    const p = this.changed.wait();
    if (this.next !== 0n && this.timer === null) {
      const ns = this.next - this.clock(this.clockId);
      const ms = ns <= 0n ? 0 : Math.ceil(Number(ns) / 1e6);
      this.timer = setTimeout(() => { this.timer = null; this.changed.notify(); }, Math.min(ms, 0x7fffffff));
    }
    return p;
  }

  /** Readiness change count (epoll EPOLLET): settime, reads and each new expiration. */
  changeSeq(): number { return this.changed.seq + Number(this.expirations() & 0xfffffffn); }

  private cancelTimer(): void {
    if (this.timer !== null) { clearTimeout(this.timer); this.timer = null; }
  }

  stat(): StatInfo {
    const now = BigInt(Date.now()) * 1000000n;
    return { dev: 14, ino: 2, mode: 0o600, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: now, mtimeNs: now, ctimeNs: now };
  }

  protected override close(): void {
    this.cancelTimer();
    this.changed.notify();
  }
}
