// O_PATH descriptions (open(2) "O_PATH"): a location in the namespace without read or write
// access. fstat, fstatfs, fchdir, use as a dirfd, /proc/self/fd reopen and linkat(AT_EMPTY_PATH)
// work; everything else fails with EBADF (the fd carries only the stat right).
import * as E from '../../musl-shim/abi/errno.js';
import { FileDescription, type IoResult, type StatInfo } from './file.js';
import type { Mount } from './namei.js';
import type { Caller, StatFsInfo } from './types.js';

/** An O_PATH file descriptor's description. */
export class PathFile extends FileDescription {
  constructor(readonly mount: Mount, readonly rel: string, flags: number, path: string, private readonly c: Caller,
    private readonly reopener: (flags: number) => FileDescription | number) {
    super(flags, path);
  }
  override read(): IoResult { return -E.EBADF; }
  override write(): IoResult { return -E.EBADF; }
  stat(): StatInfo | number { return this.mount.be.lstat(this.rel, this.c); }
  override guestPath(): string { return this.path; }
  override reopen(flags: number): FileDescription | number { return this.reopener(flags); }
  override fchmod(): number { return -E.EBADF; }
  override fchown(): number { return -E.EBADF; }
  override futimens(): number { return -E.EBADF; }
  override ftruncate(): number { return -E.EBADF; }
  override fsync(): number { return -E.EBADF; }
  override fstatfs(): StatFsInfo | number { return this.mount.be.statfs(this.rel); }
  override lseek(): number { return -E.EBADF; }
}
