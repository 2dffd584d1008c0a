// The row format of the syscall table (STYLE.md "One table per interface"). Each sys_<family>.ts
// exports its ROWS; syscall_table.ts joins them into the one table that dispatch reads.
import type { SysHandler } from './context.js';

/** fast: no allocation, no I/O; hybrid: fd/capability I/O; legacy: process-model emulation. */
export type SysPath = 'fast' | 'hybrid' | 'legacy';
/** How completely Linux semantics are implemented. */
export type Support = 'full' | 'partial' | 'stub';
/** Argument kinds, for strace-style printing. */
export type ArgKind = 'int' | 'uint' | 'hex' | 'ptr' | 'fd' | 'str' | 'buf' | 'size' | 'off' | 'oct' | 'sig';

/** [number, handler, path, support, argument kinds, note]. */
export type SysDef = [number, SysHandler, SysPath, Support, ArgKind[], string?];
