// The per-process FD → capability table (POSIX-X): fd numbers name capabilities over open file
// descriptions; FD_CLOEXEC is per fd. Lowest-free allocation and RLIMIT_NOFILE (EMFILE) as
// open(2) says. The table is also the owner of the process's POSIX record locks (closing any fd of
// a file drops them, fcntl(2)), and it carries the mount namespace its paths resolve in.
import {
  Capability, RIGHT_ALL, RIGHT_IOCTL, RIGHT_MMAP, RIGHT_READ, RIGHT_READDIR, RIGHT_SEEK, RIGHT_STAT, RIGHT_WRITE,
} from '../kernel/capability.js';
import { EBADF, EMFILE } from '../musl-shim/abi/errno.js';
import { O_ACCMODE, O_PATH, O_RDONLY, O_RDWR, O_WRONLY } from '../musl-shim/abi/fcntl.js';
import type { FileDescription } from './vfs/file.js';
import { releasePosix } from './vfs/locks.js';
import { buildVfs } from './vfs/setup.js';
import type { Vfs } from './vfs/vfs.js';

/** One slot of the table. */
export interface FdEntry {
  cap: Capability<FileDescription>;
  cloexec: boolean;
}

let defaultNs: Vfs | null = null;

/** The host view (for tables made without a machine's namespace). */
function hostView(): Vfs {
  if (defaultNs === null) defaultNs = buildVfs({}, () => []);
  return defaultNs;
}

/** The rights an open description's access mode grants (O_PATH: stat only). */
export function rightsFor(flags: number): number {
  if (flags & O_PATH) return RIGHT_STAT;
  const common = RIGHT_SEEK | RIGHT_STAT | RIGHT_MMAP | RIGHT_IOCTL | RIGHT_READDIR;
  switch (flags & O_ACCMODE) {
    case O_RDONLY: return common | RIGHT_READ;
    case O_WRONLY: return common | RIGHT_WRITE;
    case O_RDWR: return RIGHT_ALL;
    default: return common; // O_ACCMODE (3): permission checked for both, neither granted (open(2))
  }
}

/** A process's descriptor table (shared by threads, copied on fork). */
export class FdTable {
  private slots: (FdEntry | undefined)[] = [];
  /** RLIMIT_NOFILE soft limit. */
  limit = 1024;
  /** The mount namespace paths resolve in (inherited by fork). */
  readonly ns: Vfs;

  constructor(ns?: Vfs) {
    this.ns = ns ?? hostView();
  }

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
    if (old) this.drop(old);
  }

  private drop(e: FdEntry): void {
    releasePosix(this, e.cap.obj);
    e.cap.obj.release();
  }

  /** close(2). */
  close(fd: number): number {
    const e = this.get(fd);
    if (e === undefined) return -EBADF;
    this.slots[fd] = undefined;
    this.drop(e);
    return 0;
  }

  /** close_range(2) without flags: closes every open fd in [first, last]. */
  closeRange(first: number, last: number): void {
    const end = Math.min(last, this.slots.length - 1);
    for (let fd = first; fd <= end; fd++) if (this.slots[fd] !== undefined) this.close(fd);
  }

  /** close_range(CLOSE_RANGE_CLOEXEC): marks every open fd in [first, last] close-on-exec. */
  cloexecRange(first: number, last: number): void {
    const end = Math.min(last, this.slots.length - 1);
    for (let fd = first; fd <= end; fd++) { const e = this.slots[fd]; if (e) e.cloexec = true; }
  }

  /** Every open fd, ascending. */
  fds(): number[] {
    const out: number[] = [];
    this.slots.forEach((e, fd) => { if (e) out.push(fd); });
    return out;
  }

  /** A copy for fork(2): same descriptions, one more reference each. */
  fork(): FdTable {
    const t = new FdTable(this.ns);
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
