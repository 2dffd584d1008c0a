// The Linux x86-64 syscall table (STYLE.md "One table per interface"): per number, its name,
// handler, dispatch path, support level and argument kinds. Dispatch, `analyze` and the tracer
// read only this table. Numbers from arch/x86/entry/syscalls/syscall_64.tbl.
import type { SysHandler } from './context.js';
import { SYSCALL_NAMES } from './syscall_names.js';
import * as RW from './sys_read_write.js';
import * as F from './sys_file.js';
import * as MM from './sys_mmap.js';
import * as P from './sys_process.js';
import * as T from './sys_time.js';
import * as S from './sys_signal.js';

/** fast: no allocation, no I/O; hybrid: fd/capability I/O; legacy: process-model emulation. */
export type SysPath = 'fast' | 'hybrid' | 'legacy';
/** How completely Linux semantics are implemented. */
export type Support = 'full' | 'partial' | 'stub';
/** Argument kinds, for strace-style printing. */
export type ArgKind = 'int' | 'uint' | 'hex' | 'ptr' | 'fd' | 'str' | 'buf' | 'size' | 'off' | 'oct' | 'sig';

/** One row of the table. */
export interface SysRow {
  nr: number;
  name: string;
  fn: SysHandler | null;
  path: SysPath;
  support: Support;
  note?: string;
  args: ArgKind[];
}

type Def = [number, SysHandler, SysPath, Support, ArgKind[], string?];

const DEFS: Def[] = [
  [0, RW.sysRead, 'hybrid', 'full', ['fd', 'buf', 'size']],
  [1, RW.sysWrite, 'hybrid', 'full', ['fd', 'buf', 'size']],
  [2, F.sysOpen, 'hybrid', 'partial', ['str', 'hex', 'oct'], 'host paths; no O_TMPFILE'],
  [3, F.sysClose, 'hybrid', 'full', ['fd']],
  [4, F.sysStat, 'hybrid', 'full', ['str', 'ptr']],
  [5, F.sysFstat, 'hybrid', 'full', ['fd', 'ptr']],
  [6, F.sysLstat, 'hybrid', 'full', ['str', 'ptr']],
  [8, F.sysLseek, 'hybrid', 'full', ['fd', 'off', 'int']],
  [9, MM.sysMmap, 'hybrid', 'partial', ['ptr', 'size', 'hex', 'hex', 'fd', 'off'], 'MAP_SHARED files not written back'],
  [10, MM.sysMprotect, 'fast', 'full', ['ptr', 'size', 'hex']],
  [11, MM.sysMunmap, 'fast', 'full', ['ptr', 'size']],
  [12, MM.sysBrk, 'fast', 'full', ['ptr']],
  [13, S.sysRtSigaction, 'fast', 'full', ['sig', 'ptr', 'ptr', 'size']],
  [14, S.sysRtSigprocmask, 'fast', 'full', ['int', 'ptr', 'ptr', 'size']],
  [15, S.sysRtSigreturn, 'fast', 'full', []],
  [16, F.sysIoctl, 'hybrid', 'partial', ['fd', 'hex', 'ptr'], 'terminal requests only'],
  [17, RW.sysPread64, 'hybrid', 'full', ['fd', 'buf', 'size', 'off']],
  [18, RW.sysPwrite64, 'hybrid', 'full', ['fd', 'buf', 'size', 'off']],
  [19, RW.sysReadv, 'hybrid', 'full', ['fd', 'ptr', 'int']],
  [20, RW.sysWritev, 'hybrid', 'full', ['fd', 'ptr', 'int']],
  [21, F.sysAccess, 'hybrid', 'full', ['str', 'oct']],
  [24, P.sysSchedYield, 'fast', 'full', []],
  [25, MM.sysMremap, 'fast', 'partial', ['ptr', 'size', 'size', 'hex', 'ptr'], 'no MREMAP_FIXED'],
  [28, MM.sysMadvise, 'fast', 'partial', ['ptr', 'size', 'int'], 'DONTNEED zeroes anonymous memory; others are hints'],
  [32, F.sysDup, 'hybrid', 'full', ['fd']],
  [33, F.sysDup2, 'hybrid', 'full', ['fd', 'fd']],
  [35, T.sysNanosleep, 'fast', 'partial', ['ptr', 'ptr'], 'blocks the runtime while sleeping'],
  [39, P.sysGetpid, 'fast', 'full', []],
  [60, P.sysExit, 'legacy', 'full', ['int']],
  [62, S.sysKill, 'legacy', 'partial', ['int', 'sig'], 'process groups not modelled'],
  [63, P.sysUname, 'fast', 'full', ['ptr']],
  [72, F.sysFcntl, 'hybrid', 'partial', ['fd', 'int', 'hex'], 'no record locks yet'],
  [79, F.sysGetcwd, 'hybrid', 'full', ['ptr', 'size']],
  [80, F.sysChdir, 'hybrid', 'full', ['str']],
  [85, F.sysCreat, 'hybrid', 'full', ['str', 'oct']],
  [89, F.sysReadlink, 'hybrid', 'full', ['str', 'ptr', 'size']],
  [95, P.sysUmask, 'fast', 'full', ['oct']],
  [96, T.sysGettimeofday, 'fast', 'full', ['ptr', 'ptr']],
  [97, P.sysGetrlimit, 'fast', 'full', ['int', 'ptr']],
  [98, T.sysGetrusage, 'fast', 'partial', ['int', 'ptr'], 'runtime-wide times'],
  [99, P.sysSysinfo, 'fast', 'full', ['ptr']],
  [100, T.sysTimes, 'fast', 'full', ['ptr']],
  [102, P.sysGetuid, 'fast', 'full', []],
  [104, P.sysGetgid, 'fast', 'full', []],
  [107, P.sysGeteuid, 'fast', 'full', []],
  [108, P.sysGetegid, 'fast', 'full', []],
  [110, P.sysGetppid, 'fast', 'full', []],
  [111, P.sysGetpgid, 'fast', 'partial', [], 'one process group'],
  [115, P.sysGetgroups, 'fast', 'full', ['int', 'ptr']],
  [118, P.sysGetresuid, 'fast', 'full', ['ptr', 'ptr', 'ptr']],
  [120, P.sysGetresgid, 'fast', 'full', ['ptr', 'ptr', 'ptr']],
  [121, P.sysGetpgid, 'fast', 'partial', ['int'], 'one process group'],
  [124, P.sysGetpgid, 'fast', 'partial', ['int'], 'one session'],
  [127, S.sysRtSigpending, 'fast', 'full', ['ptr', 'size']],
  [131, S.sysSigaltstack, 'fast', 'full', ['ptr', 'ptr']],
  [158, P.sysArchPrctl, 'fast', 'full', ['hex', 'ptr']],
  [186, P.sysGettid, 'fast', 'full', []],
  [200, S.sysTkill, 'legacy', 'full', ['int', 'sig']],
  [201, T.sysTime, 'fast', 'full', ['ptr']],
  [204, P.sysSchedGetaffinity, 'fast', 'full', ['int', 'size', 'ptr']],
  [218, P.sysSetTidAddress, 'fast', 'full', ['ptr']],
  [228, T.sysClockGettime, 'fast', 'full', ['int', 'ptr']],
  [229, T.sysClockGetres, 'fast', 'full', ['int', 'ptr']],
  [230, T.sysClockNanosleep, 'fast', 'partial', ['int', 'int', 'ptr', 'ptr'], 'blocks the runtime while sleeping'],
  [231, P.sysExitGroup, 'legacy', 'full', ['int']],
  [234, S.sysTgkill, 'legacy', 'full', ['int', 'int', 'sig']],
  [257, F.sysOpenat, 'hybrid', 'partial', ['fd', 'str', 'hex', 'oct'], 'host paths; no O_TMPFILE'],
  [262, F.sysNewfstatat, 'hybrid', 'full', ['fd', 'str', 'ptr', 'hex']],
  [267, F.sysReadlinkat, 'hybrid', 'full', ['fd', 'str', 'ptr', 'size']],
  [269, F.sysFaccessat, 'hybrid', 'full', ['fd', 'str', 'oct']],
  [273, P.sysSetRobustList, 'fast', 'stub', ['ptr', 'size'], 'robust futex list not walked at exit'],
  [292, F.sysDup3, 'hybrid', 'full', ['fd', 'fd', 'hex']],
  [295, RW.sysPreadv, 'hybrid', 'full', ['fd', 'ptr', 'int', 'off']],
  [296, RW.sysPwritev, 'hybrid', 'full', ['fd', 'ptr', 'int', 'off']],
  [302, P.sysPrlimit64, 'fast', 'full', ['int', 'int', 'ptr', 'ptr']],
  [318, P.sysGetrandom, 'fast', 'full', ['buf', 'size', 'hex']],
];

/** SYSCALLS[nr]: the row for every number Linux assigns; fn = null means ENOSYS. */
export const SYSCALLS: SysRow[] = [];
SYSCALL_NAMES.forEach((name, nr) => {
  if (name !== undefined) SYSCALLS[nr] = { nr, name, fn: null, path: 'legacy', support: 'stub', note: 'not implemented: ENOSYS', args: [] };
});
for (const [nr, fn, path, support, args, note] of DEFS) {
  const name = SYSCALL_NAMES[nr] ?? `syscall_${nr}`;
  SYSCALLS[nr] = { nr, name, fn, path, support, args, note };
}

/** Dense handler array for dispatch (indexing an array beats a lookup in a sparse one). */
export const HANDLERS: (SysHandler | null)[] = Array.from({ length: 512 }, (_, nr) => SYSCALLS[nr]?.fn ?? null);
