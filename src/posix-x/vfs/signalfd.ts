// signalfd(2): reading takes pending signals of the mask from the reading thread and returns one
// struct signalfd_siginfo (128 bytes) each. The signals must be blocked to stay pending.
import type { Thread } from '../../kernel/thread.js';
import { EAGAIN, EINVAL } from '../../musl-shim/abi/errno.js';
import { O_RDWR } from '../../musl-shim/abi/fcntl.js';
import { SI_USER } from '../../musl-shim/abi/signal.js';
import { WaitQueue } from '../wait.js';
import { FileDescription, POLLERR, POLLHUP, POLLIN, type IoResult, type StatInfo } from './file.js';

/** signalfd4(2) flags. */
export const SFD_NONBLOCK = 0o4000, SFD_CLOEXEC = 0o2000000;
/** sizeof(struct signalfd_siginfo). */
export const SIGINFO_SIZE = 128;

/** Woken whenever any signal becomes pending (machine.signalThread). */
const signalled = new WaitQueue();

/** Called by the machine after a signal is made pending. */
export function notifySignalWaiters(): void {
  signalled.notify();
}

/** A signalfd description: its mask (64 bits as lo/hi), SIGKILL and SIGSTOP never included. */
export class SignalFd extends FileDescription {
  maskLo = 0;
  maskHi = 0;

  constructor(lo: number, hi: number, flags: number) {
    super(O_RDWR | flags, 'anon_inode:[signalfd]');
    this.setMask(lo, hi);
  }

  /** Replaces the mask (signalfd(2) on an existing signalfd). */
  setMask(lo: number, hi: number): void {
    this.maskLo = lo & ~((1 << 8) | (1 << 18));
    this.maskHi = hi;
  }

  /** Signals of the mask pending for t, as [lo, hi]. */
  private pending(t: Thread): [number, number] {
    return [t.pendingLo & this.maskLo, t.pendingHi & this.maskHi];
  }

  /** read(2) by thread t: dequeues the lowest pending signals of the mask. */
  readFor(t: Thread, buf: Uint8Array): IoResult {
    if (buf.length < SIGINFO_SIZE) return -EINVAL;
    let n = 0;
    while (n + SIGINFO_SIZE <= buf.length) {
      const [lo, hi] = this.pending(t);
      if ((lo | hi) === 0) break;
      const sig = lo !== 0 ? 31 - Math.clz32(lo & -lo) + 1 : 31 - Math.clz32(hi & -hi) + 33;
      if (sig <= 32) t.pendingLo &= ~(1 << (sig - 1)); else t.pendingHi &= ~(1 << (sig - 33));
      const info = buf.subarray(n, n + SIGINFO_SIZE);
      info.fill(0);
      const dv = new DataView(info.buffer, info.byteOffset, SIGINFO_SIZE);
      // DIVERGES: pending signals carry no sender record; code SI_USER, pid/uid of this process.
      dv.setUint32(0, sig, true);
      dv.setInt32(8, SI_USER, true);
      dv.setUint32(12, t.process.pid, true);
      dv.setUint32(16, process.getuid?.() ?? 0, true);
      n += SIGINFO_SIZE;
    }
    return n > 0 ? n : -EAGAIN;
  }

  /** Readiness for thread t. */
  pollFor(t: Thread, events: number): number {
    const [lo, hi] = this.pending(t);
    return ((lo | hi) !== 0 ? POLLIN : 0) & (events | POLLERR | POLLHUP);
  }

  override read(): IoResult { return -EAGAIN; }
  override write(): IoResult { return -EINVAL; }
  override poll(): number { return 0; }
  override waitFor(): Promise<void> { return signalled.wait(); }
  /** Readiness change count (epoll EPOLLET). */
  changeSeq(): number { return signalled.seq; }

  stat(): StatInfo {
    const now = BigInt(Date.now()) * 1000000n;
    return { dev: 14, ino: 3, mode: 0o600, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: now, mtimeNs: now, ctimeNs: now };
  }
}
