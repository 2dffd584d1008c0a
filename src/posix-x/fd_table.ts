// The per-process FD → capability table (POSIX-X): fd numbers name capabilities over open file
// descriptions; FD_CLOEXEC is per fd. Lowest-free allocation and RLIMIT_NOFILE as open(2) says.
import { Capability, RIGHT_ALL } from '../kernel/capability.js';
import { EBADF, EMFILE } from '../musl-shim/abi/errno.js';
import type { FileDescription } from './vfs/file.js';

/** One slot of the table. */
export interface FdEntry {
  cap: Capability<FileDescription>;
  cloexec: boolean;
}

/** A process's descriptor table (shared by threads, copied on fork). */
export class FdTable {
  private slots: (FdEntry | undefined)[] = [];
  /** RLIMIT_NOFILE soft limit. */
  limit = 1024;

  /** The entry for fd, or undefined. */
  get(fd: number): FdEntry | undefined {
    return fd >= 0 ? this.slots[fd] : undefined;
  }

  /** Installs a description at the lowest free fd >= min; returns the fd or -EMFILE. */
  install(file: FileDescription, cloexec: boolean, min = 0, rights = RIGHT_ALL): number {
    for (let fd = min; fd < this.limit; fd++) {
      if (this.slots[fd] === undefined) {
        this.slots[fd] = { cap: new Capability(file, rights), cloexec };
        return fd;
      }
    }
    return -EMFILE;
  }

  /** Puts an entry at exactly fd, closing what was there (dup2). */
  installAt(fd: number, entry: FdEntry): void {
    const old = this.slots[fd];
    this.slots[fd] = entry;
    if (old) old.cap.obj.release();
  }

  /** close(2). */
  close(fd: number): number {
    const e = this.get(fd);
    if (e === undefined) return -EBADF;
    this.slots[fd] = undefined;
    e.cap.obj.release();
    return 0;
  }

  /** Every open fd, ascending. */
  fds(): number[] {
    const out: number[] = [];
    this.slots.forEach((e, fd) => { if (e) out.push(fd); });
    return out;
  }

  /** A copy for fork(2): same descriptions, one more reference each. */
  fork(): FdTable {
    const t = new FdTable();
    t.limit = this.limit;
    this.slots.forEach((e, fd) => {
      if (!e) return;
      e.cap.obj.refs++;
      t.slots[fd] = { cap: e.cap, cloexec: e.cloexec };
    });
    return t;
  }

  /** Closes every FD_CLOEXEC descriptor (execve). */
  closeOnExec(): void {
    this.slots.forEach((e, fd) => { if (e && e.cloexec) this.close(fd); });
  }

  /** Closes everything (process exit). */
  closeAll(): void {
    this.slots.forEach((_e, fd) => this.close(fd));
  }
}
