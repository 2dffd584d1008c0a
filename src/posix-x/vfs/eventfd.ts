// eventfd(2): a 64-bit counter as a file. read takes the counter (or 1 with EFD_SEMAPHORE),
// write adds to it; a read of 0 or a write that would pass 0xfffffffffffffffe would block.
import { EAGAIN, EINVAL } from '../../musl-shim/abi/errno.js';
import { O_RDWR } from '../../musl-shim/abi/fcntl.js';
import { WaitQueue } from '../wait.js';
import { FileDescription, POLLERR, POLLHUP, POLLIN, POLLOUT, type IoResult, type StatInfo } from './file.js';

/** eventfd(2) flags (EFD_CLOEXEC and EFD_NONBLOCK are O_CLOEXEC and O_NONBLOCK). */
export const EFD_SEMAPHORE = 1, EFD_NONBLOCK = 0o4000, EFD_CLOEXEC = 0o2000000;
const MAX = 0xfffffffffffffffen;

/** An eventfd description (dup and fork share the counter, as they share the description). */
export class EventFd extends FileDescription {
  counter: bigint;
  private readonly changed = new WaitQueue();

  constructor(initval: number, readonly semaphore: boolean, flags: number) {
    super(O_RDWR | flags, 'anon_inode:[eventfd]');
    this.counter = BigInt(initval >>> 0);
  }

  override read(buf: Uint8Array): IoResult {
    if (buf.length < 8) return -EINVAL;
    if (this.counter === 0n) return -EAGAIN;
    const v = this.semaphore ? 1n : this.counter;
    this.counter -= v;
    new DataView(buf.buffer, buf.byteOffset, 8).setBigUint64(0, v, true);
    this.changed.notify();
    return 8;
  }

  override write(buf: Uint8Array): IoResult {
    if (buf.length < 8) return -EINVAL;
    const v = new DataView(buf.buffer, buf.byteOffset, 8).getBigUint64(0, true);
    if (v === 0xffffffffffffffffn) return -EINVAL;
    if (v > MAX - this.counter) return -EAGAIN;
    this.counter += v;
    if (v !== 0n) this.changed.notify();
    return 8;
  }

  override poll(events: number): number {
    let r = 0;
    if (this.counter > 0n) r |= POLLIN;
    if (this.counter < MAX) r |= POLLOUT;
    return r & (events | POLLERR | POLLHUP);
  }

  override waitFor(): Promise<void> { return this.changed.wait(); }
  /** Readiness change count (epoll EPOLLET). */
  changeSeq(): number { return this.changed.seq; }

  stat(): StatInfo {
    const now = BigInt(Date.now()) * 1000000n;
    return { dev: 14, ino: 1, mode: 0o600, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: now, mtimeNs: now, ctimeNs: now };
  }
}
