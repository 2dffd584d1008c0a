// pipe(2), pipe2(2): a new pipe's two ends installed as the two lowest free descriptors.
import type { Thread } from '../kernel/thread.js';
import { RIGHT_ALL } from '../kernel/capability.js';
import * as E from '../musl-shim/abi/errno.js';
import { O_CLOEXEC, O_DIRECT, O_NONBLOCK } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { makePipe } from './vfs/pipe.js';

/** Installs both ends and writes int fds[2]; nothing is left behind on failure. */
function pipeFds(t: Thread, fds: number, flags: number): SysResult {
  if (flags & ~(O_NONBLOCK | O_CLOEXEC | O_DIRECT)) return -E.EINVAL;
  const m = t.cpu.mem;
  if (!m.isMapped(fds, 8) || !(m.protAt(fds) & 2) || !(m.protAt(fds + 7) & 2)) return -E.EFAULT;
  const table = proc(t).fds;
  // DIVERGES: O_DIRECT (packet mode) is accepted and ignored: the pipe stays a byte stream.
  const [r, w] = makePipe(flags & O_NONBLOCK);
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const rfd = table.install(r, cloexec, 0, RIGHT_ALL);
  if (rfd < 0) { r.release(); w.release(); return rfd; }
  const wfd = table.install(w, cloexec, 0, RIGHT_ALL);
  if (wfd < 0) { table.close(rfd); w.release(); return wfd; }
  m.write32(fds, rfd);
  m.write32(fds + 4, wfd);
  return 0;
}

/** pipe(2). */
export function sysPipe(t: Thread, a: SyscallArgs): SysResult {
  return pipeFds(t, a.ptr(0), 0);
}

/** pipe2(2). */
export function sysPipe2(t: Thread, a: SyscallArgs): SysResult {
  return pipeFds(t, a.ptr(0), a.i32(1));
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [22, sysPipe, 'hybrid', 'full', ['ptr']],
  [293, sysPipe2, 'hybrid', 'partial', ['ptr', 'hex'], 'O_DIRECT packet mode ignored'],
];
