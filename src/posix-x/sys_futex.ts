// futex(2): WAIT/WAKE (with BITSET variants), REQUEUE/CMP_REQUEUE, WAKE_OP (the subset musl's
// pthread and stdio locks use). A waiter completes with 0 when woken, -ETIMEDOUT when its timeout
// passes; it parks after its syscall returns so a wake is never lost to a retry.
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import type { SyscallArgs } from './args.js';
import { parkAfterReturn, type SysResult } from './context.js';
import { futexRequeue, futexWaitPromise, futexWake } from './futex.js';
import { getS64 } from './guest_io.js';
import type { SysDef } from './sys_def.js';

const FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5;
const FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
const FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

function wait(t: Thread, a: SyscallArgs, uaddr: number, val: number, timeout: number, bitset: number, absolute: boolean, realtime: boolean): SysResult {
  const m = t.cpu.mem;
  if (uaddr % 4 !== 0) return -E.EINVAL;
  if (bitset === 0) return -E.EINVAL;
  if (m.read32(uaddr) !== val) return -E.EAGAIN;
  let ms = -1;
  if (timeout !== 0) {
    const sec = getS64(m, timeout), nsec = getS64(m, timeout + 8);
    if (sec < 0 || nsec < 0 || nsec >= 1e9) return -E.EINVAL;
    ms = (sec * 1e9 + nsec) / 1e6;
    if (absolute) ms -= realtime ? Date.now() : Number(process.hrtime.bigint()) / 1e6;
    if (ms <= 0) return -E.ETIMEDOUT;
  }
  const w = futexWaitPromise(m, uaddr, bitset);
  let ready: Promise<void> = w.promise;
  if (ms >= 0) {
    ready = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        w.cancel();
        t.cpu.r[0] = -E.ETIMEDOUT; t.cpu.r[1] = -1; // the syscall already returned 0: amend rax
        resolve();
      }, ms);
      void w.promise.then(() => { clearTimeout(timer); resolve(); });
    });
  }
  parkAfterReturn(t, ready);
  void a;
  return 0;
}

function wakeOp(t: Thread, uaddr: number, n: number, uaddr2: number, n2: number, op: number): SysResult {
  const m = t.cpu.mem;
  // FUTEX_OP encoding: op(4) cmp(4) oparg(12) cmparg(12) (futex(2)).
  const o = (op >>> 28) & 7, shift = (op >>> 28) & 8, cmp = (op >>> 24) & 15;
  let oparg = (op << 8) >> 20;
  const cmparg = (op << 20) >> 20;
  if (shift) oparg = 1 << (oparg & 31);
  const old = m.read32(uaddr2);
  let nv: number;
  switch (o) {
    case 0: nv = oparg; break;
    case 1: nv = old + oparg; break;
    case 2: nv = old | oparg; break;
    case 3: nv = old & ~oparg; break;
    case 4: nv = old ^ oparg; break;
    default: return -E.ENOSYS;
  }
  m.write32(uaddr2, nv);
  let r = futexWake(m, uaddr, n);
  let ok: boolean;
  switch (cmp) {
    case 0: ok = old === cmparg; break;
    case 1: ok = old !== cmparg; break;
    case 2: ok = old < cmparg; break;
    case 3: ok = old <= cmparg; break;
    case 4: ok = old > cmparg; break;
    case 5: ok = old >= cmparg; break;
    default: return -E.ENOSYS;
  }
  if (ok) r += futexWake(m, uaddr2, n2);
  return r;
}

/** futex(2). */
export function sysFutex(t: Thread, a: SyscallArgs): SysResult {
  const uaddr = a.ptr(0), fop = a.i32(1), val = a.i32(2), timeout = a.ptr(3), uaddr2 = a.ptr(4), val3 = a.i32(5);
  const cmd = fop & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const realtime = (fop & FUTEX_CLOCK_REALTIME) !== 0;
  const m = t.cpu.mem;
  switch (cmd) {
    case FUTEX_WAIT: return wait(t, a, uaddr, val, timeout, -1, false, false);
    case FUTEX_WAIT_BITSET: return wait(t, a, uaddr, val, timeout, val3, true, realtime);
    case FUTEX_WAKE: return futexWake(m, uaddr, val);
    case FUTEX_WAKE_BITSET: return val3 === 0 ? -E.EINVAL : futexWake(m, uaddr, val, val3);
    case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: {
      if (cmd === FUTEX_CMP_REQUEUE && m.read32(uaddr) !== val3) return -E.EAGAIN;
      const n2 = a.i32(3);
      const woken = futexWake(m, uaddr, val);
      return woken + futexRequeue(m, uaddr, uaddr2, n2);
    }
    case FUTEX_WAKE_OP: return wakeOp(t, uaddr, val, uaddr2, a.i32(3), val3);
  }
  return -E.ENOSYS;
}

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [202, sysFutex, 'legacy', 'partial', ['ptr', 'int', 'int', 'ptr', 'ptr', 'int'], 'no PI futexes'],
];
