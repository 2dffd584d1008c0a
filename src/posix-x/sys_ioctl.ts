// ioctl(2): terminal requests (ioctl_tty(2): TCGETS, TCSETS*, TIOCGWINSZ, TIOCSWINSZ, TIOCGPGRP,
// TIOCSPGRP, TCFLSH) on the guest terminal (vfs/tty.ts), and the generic FIONREAD, FIONBIO,
// FIOCLEX, FIONCLEX. Terminal requests on anything else are ENOTTY, as Linux answers.
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import {
  FIOCLEX, FIONBIO, FIONCLEX, FIONREAD, O_NONBLOCK, S_IFMT, S_IFREG, TCGETS, TCSETS, TCSETSF, TCSETSW,
  TIOCGPGRP, TIOCGWINSZ, TIOCSPGRP, TIOCSWINSZ,
} from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { PipeEnd } from './vfs/pipe.js';
import { setTermios, termiosBytes, TERMIOS_SIZE, TtyFile } from './vfs/tty.js';

/** More terminal requests (include/uapi/asm-generic/ioctls.h). */
export const TCFLSH = 0x540b, TIOCGSID = 0x5429, TIOCSCTTY = 0x540e, TIOCNOTTY = 0x5422, FIOASYNC = 0x5452;
const TCIFLUSH = 0, TCOFLUSH = 1, TCIOFLUSH = 2;

/** ioctl(2). */
export function sysIoctl(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), req = a.u32(1), arg = a.ptr(2);
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  const f = e.cap.obj;
  const m = t.cpu.mem;
  switch (req) {
    case FIOCLEX: e.cloexec = true; return 0;
    case FIONCLEX: e.cloexec = false; return 0;
    case FIONBIO: {
      const on = m.read32(arg) !== 0;
      f.flags = on ? f.flags | O_NONBLOCK : f.flags & ~O_NONBLOCK;
      return 0;
    }
    case FIOASYNC: m.read32(arg); return 0; // DIVERGES: O_ASYNC (SIGIO) is never raised
    case FIONREAD: {
      let n: number;
      if (f instanceof PipeEnd) n = f.readable();
      else if (f instanceof TtyFile) n = f.term.available();
      else {
        const st = f.stat();
        if (typeof st === 'number' || (st.mode & S_IFMT) !== S_IFREG) return -E.ENOTTY;
        n = Math.max(0, Math.min(0x7fffffff, st.size - f.offset));
      }
      m.write32(arg, n);
      return 0;
    }
  }
  if (!(f instanceof TtyFile)) return -E.ENOTTY;
  const term = f.term;
  switch (req) {
    case TCGETS: m.writeBytes(arg, termiosBytes(term)); return 0;
    case TCSETS: case TCSETSW: case TCSETSF: {
      const b = m.readBytes(arg, TERMIOS_SIZE);
      // TCSETSW would drain output first: our writes are synchronous, so it already is.
      if (req === TCSETSF) term.flushInput();
      setTermios(term, b);
      return 0;
    }
    case TCFLSH: {
      const q = Number(arg);
      if (q !== TCIFLUSH && q !== TCOFLUSH && q !== TCIOFLUSH) return -E.EINVAL;
      if (q !== TCOFLUSH) term.flushInput();
      return 0;
    }
    case TIOCGWINSZ: {
      const [rows, cols, xp, yp] = term.size();
      m.writeBytes(arg, new Uint8Array(8)); // fault before a partial write
      m.write16(arg, rows); m.write16(arg + 2, cols); m.write16(arg + 4, xp); m.write16(arg + 6, yp);
      return 0;
    }
    case TIOCSWINSZ: {
      const b = m.readBytes(arg, 8);
      const dv = new DataView(b.buffer);
      term.setSize([dv.getUint16(0, true), dv.getUint16(2, true), dv.getUint16(4, true), dv.getUint16(6, true)]);
      return 0;
    }
    case TIOCGPGRP: m.write32(arg, term.fgPgrp || proc(t).pgid); return 0;
    case TIOCSPGRP: {
      const pgrp = m.read32(arg);
      if (pgrp < 0) return -E.EINVAL;
      // The group must exist (ioctl_tty(2)); its leader's pid is the group id.
      if (proc(t).pgid !== pgrp && a.m.processById(pgrp)?.pgid !== pgrp) return -E.EPERM;
      term.fgPgrp = pgrp;
      return 0;
    }
    case TIOCGSID: m.write32(arg, proc(t).sid); return 0;
    case TIOCSCTTY: case TIOCNOTTY: return 0;
  }
  return -E.ENOTTY;
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [16, sysIoctl, 'hybrid', 'partial', ['fd', 'hex', 'ptr'], 'terminal requests, FIONREAD/FIONBIO/FIOCLEX/FIONCLEX'],
];
