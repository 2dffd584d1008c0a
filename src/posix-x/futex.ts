// Futex wait queues (futex(2)): keyed by address space and guest address, since private futexes
// of one process share an AddressSpace. Waiters park on a promise that FUTEX_WAKE resolves.
import type { AddressSpace } from '../cpu/memory.js';

interface Waiter {
  bitset: number;
  wake: () => void;
}

const queues = new WeakMap<AddressSpace, Map<number, Waiter[]>>();

function queue(mem: AddressSpace, addr: number): Waiter[] {
  let m = queues.get(mem);
  if (m === undefined) queues.set(mem, (m = new Map()));
  let q = m.get(addr);
  if (q === undefined) m.set(addr, (q = []));
  return q;
}

/** Registers a waiter; the promise settles when woken. */
export function futexWaitPromise(mem: AddressSpace, addr: number, bitset: number): { promise: Promise<void>; cancel: () => void } {
  const q = queue(mem, addr);
  let w!: Waiter;
  const promise = new Promise<void>((resolve) => {
    w = { bitset, wake: resolve };
  });
  q.push(w);
  return {
    promise,
    cancel: () => {
      const k = q.indexOf(w);
      if (k >= 0) q.splice(k, 1);
    },
  };
}

/** Wakes up to n waiters whose bitset intersects `bitset`; returns how many. */
export function futexWake(mem: AddressSpace, addr: number, n: number, bitset = -1): number {
  const m = queues.get(mem);
  const q = m?.get(addr);
  if (q === undefined) return 0;
  let woken = 0;
  for (let k = 0; k < q.length && woken < n; ) {
    if (q[k].bitset & bitset) {
      q[k].wake();
      q.splice(k, 1);
      woken++;
    } else k++;
  }
  if (q.length === 0) m!.delete(addr);
  return woken;
}

/** Moves up to n waiters from one address to another (FUTEX_REQUEUE); returns how many. */
export function futexRequeue(mem: AddressSpace, from: number, to: number, n: number): number {
  const m = queues.get(mem);
  const q = m?.get(from);
  if (q === undefined || n <= 0) return 0;
  const moved = q.splice(0, n);
  if (q.length === 0) m!.delete(from);
  queue(mem, to).push(...moved);
  return moved.length;
}
