// ioctl(2): terminal requests (ioctl_tty(2)) and the generic FIOCLEX/FIONCLEX; anything else on
// a non-terminal is ENOTTY, as Linux answers.
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import { FIOCLEX, FIONCLEX, TCGETS, TIOCGPGRP, TIOCGWINSZ } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import type { HostFile } from './vfs/file.js';

/** ioctl(2): terminal requests (ioctl_tty(2)); anything on a non-terminal is ENOTTY. */
export function sysIoctl(t: Thread, a: SyscallArgs): SysResult {
  const fd = a.i32(0), req = a.u32(1), arg = a.ptr(2);
  const e = proc(t).fds.get(fd);
  if (e === undefined) return -E.EBADF;
  const f = e.cap.obj;
  switch (req) {
    case FIOCLEX: e.cloexec = true; return 0;
    case FIONCLEX: e.cloexec = false; return 0;
  }
  if (!f.isTty()) return -E.ENOTTY;
  const m = t.cpu.mem;
  switch (req) {
    case TIOCGWINSZ: {
      const hf = f as HostFile;
      let cols = 80, rows = 24;
      try {
        const ws = (process.stdout as unknown as { getWindowSize?: () => [number, number] });
        if (hf.fd === 1 && ws.getWindowSize) [cols, rows] = ws.getWindowSize();
      } catch { /* keep defaults */ }
      m.write16(arg, rows); m.write16(arg + 2, cols); m.write16(arg + 4, 0); m.write16(arg + 6, 0);
      return 0;
    }
    case TCGETS: {
      // A cooked terminal: ICRNL IXON / OPOST ONLCR / B38400 CS8 CREAD HUPCL / ISIG ICANON ECHO...
      const b = new Uint8Array(36);
      const dv = new DataView(b.buffer);
      dv.setUint32(0, 0x500, true); dv.setUint32(4, 0x5, true); dv.setUint32(8, 0xbf, true); dv.setUint32(12, 0x8a3b, true);
      const cc = [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0];
      cc.forEach((v, k) => { b[17 + k] = v; });
      m.writeBytes(arg, b);
      return 0;
    }
    case TIOCGPGRP: m.write32(arg, t.process.pid); return 0;
  }
  return -E.EINVAL;
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [16, sysIoctl, 'hybrid', 'partial', ['fd', 'hex', 'ptr'], 'terminal requests only'],
];
