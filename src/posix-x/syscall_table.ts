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
import * as IO from './sys_ioctl.js';
import * as CL from './sys_clone.js';
import * as FX from './sys_futex.js';
import * as PI from './sys_pipe.js';
import * as PO from './sys_poll.js';
import * as EV from './sys_event.js';
import * as SP from './sys_splice.js';
import * as ST from './sys_stat.js';
import * as DR from './sys_dir.js';
import * as FO from './sys_fsops.js';
import * as AT from './sys_attr.js';

import type { ArgKind, SysDef, SysPath, Support } from './sys_def.js';
export type { ArgKind, SysPath, Support } from './sys_def.js';

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


const DEFS: SysDef[] = [...RW.ROWS, ...F.ROWS, ...MM.ROWS, ...P.ROWS, ...T.ROWS, ...S.ROWS, ...IO.ROWS, ...CL.ROWS, ...FX.ROWS,
  ...PI.ROWS, ...PO.ROWS, ...EV.ROWS, ...SP.ROWS, ...ST.ROWS, ...DR.ROWS, ...FO.ROWS, ...AT.ROWS];

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

/** Syscalls the CPU may complete in its own loop (SysPath 'fast', minus those that must reach
 *  the scheduler: signal-mask changes, sigreturn and sched_yield). */
export const IN_LOOP: (SysHandler | null)[] = HANDLERS.map((fn, nr) =>
  fn !== null && SYSCALLS[nr]?.path === 'fast' && ![13, 14, 15, 24, 127, 131].includes(nr) ? fn : null);
