// Advisory locks: fcntl(2) record locks ("Advisory record locking": owned by the process, i.e.
// its descriptor table, and dropped when the process closes any descriptor of the file), open
// file description locks (F_OFD_*: owned by the description, dropped with its last reference)
// and flock(2) locks (per description, whole file). Files are keyed by device and inode.
// DIVERGES: the locks are seen by exo guests only, not by host processes.
import { WaitQueue } from '../wait.js';
import { type FileDescription, onDescriptionClose } from './file.js';

/** fcntl(2) lock types; flock(2) operations. */
export const F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;
export const LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;

/** One record lock: [start, end] inclusive (end = Infinity: to EOF and beyond). */
export interface RecLock {
  owner: object;
  ofd: boolean;
  pid: number;
  type: number;
  start: number;
  end: number;
}

interface FileLocks {
  rec: RecLock[];
  flocks: Map<FileDescription, number>;
  changed: WaitQueue;
}

const files = new Map<string, FileLocks>();
/** Key of every description that holds an OFD lock or a flock. */
const descKeys = new WeakMap<FileDescription, Set<string>>();
/** Record-lock count per POSIX owner (so closes of lock-free processes cost nothing). */
const ownerLocks = new WeakMap<object, number>();
/** What each blocked owner waits for (deadlock detection). */
const waiting = new Map<object, { key: string; start: number; end: number }>();

/** The lock key of a description (device:inode), or null when it has none. */
export function lockKey(f: FileDescription): string | null {
  const st = f.stat();
  return typeof st === 'number' ? null : `${st.dev}:${st.ino}`;
}

function locksOf(key: string): FileLocks {
  let l = files.get(key);
  if (l === undefined) { l = { rec: [], flocks: new Map(), changed: new WaitQueue() }; files.set(key, l); }
  return l;
}

function tidy(key: string, l: FileLocks): void {
  l.changed.notify();
  if (l.rec.length === 0 && l.flocks.size === 0) files.delete(key);
}

function conflicts(a: RecLock, owner: object, type: number, start: number, end: number): boolean {
  return a.owner !== owner && a.start <= end && start <= a.end && (type === F_WRLCK || a.type === F_WRLCK);
}

/** F_GETLK: the first lock that would block this one, or null. */
export function getLock(key: string, owner: object, type: number, start: number, end: number): RecLock | null {
  const l = files.get(key);
  if (l === undefined) return null;
  return l.rec.find((a) => conflicts(a, owner, type, start, end)) ?? null;
}

function countOwner(owner: object, delta: number): void {
  ownerLocks.set(owner, (ownerLocks.get(owner) ?? 0) + delta);
}

/**
 * F_SETLK/F_OFD_SETLK: sets, changes or removes (F_UNLCK) the owner's lock on [start, end];
 * returns the conflicting lock instead when another owner holds one.
 */
export function setLock(key: string, owner: object, ofd: boolean, pid: number, type: number, start: number, end: number,
  desc: FileDescription): RecLock | null {
  const l = locksOf(key);
  if (type !== F_UNLCK) {
    const c = l.rec.find((a) => conflicts(a, owner, type, start, end));
    if (c !== undefined) { if (l.rec.length === 0 && l.flocks.size === 0) files.delete(key); return c; }
  }
  const keep: RecLock[] = [];
  for (const a of l.rec) {
    if (a.owner !== owner || a.end < start || a.start > end) { keep.push(a); continue; }
    // Split the owner's overlapping lock around [start, end].
    if (a.start < start) keep.push({ ...a, end: start - 1 });
    if (a.end > end) keep.push({ ...a, start: end + 1 });
    if (!ofd) countOwner(owner, -1);
  }
  for (const a of keep) if (a.owner === owner && !ofd && !l.rec.includes(a)) countOwner(owner, 1);
  if (type !== F_UNLCK) {
    let lk: RecLock = { owner, ofd, pid, type, start, end };
    // Merge with adjacent or overlapping locks of the same owner and type.
    for (let k = keep.length - 1; k >= 0; k--) {
      const a = keep[k];
      if (a.owner === owner && a.type === type && a.start <= lk.end + 1 && lk.start <= a.end + 1) {
        lk = { ...lk, start: Math.min(a.start, lk.start), end: Math.max(a.end, lk.end) };
        keep.splice(k, 1);
        if (!ofd) countOwner(owner, -1);
      }
    }
    keep.push(lk);
    if (!ofd) countOwner(owner, 1);
    if (ofd) remember(desc, key);
  }
  l.rec = keep;
  tidy(key, l);
  return null;
}

function remember(desc: FileDescription, key: string): void {
  let s = descKeys.get(desc);
  if (s === undefined) { s = new Set(); descKeys.set(desc, s); }
  s.add(key);
}

/** A promise that settles when any lock of the file changes (a blocked F_SETLKW/flock retries). */
export function lockChanged(key: string): Promise<void> {
  return locksOf(key).changed.wait();
}

/** Records that owner blocks on [start, end] of key; true when that would deadlock (EDEADLK). */
export function wouldDeadlock(key: string, owner: object, blocker: RecLock, start: number, end: number): boolean {
  const w = waiting.get(blocker.owner);
  if (w !== undefined) {
    const theirs = files.get(w.key)?.rec.find((a) => a.owner === owner && a.start <= w.end && w.start <= a.end);
    if (theirs !== undefined) return true;
  }
  waiting.set(owner, { key, start, end });
  return false;
}

/** The owner's blocked request is over. */
export function stopWaiting(owner: object): void {
  waiting.delete(owner);
}

/** Drops every POSIX record lock of `owner` (a descriptor table) on the file of `f`. */
export function releasePosix(owner: object, f: FileDescription): void {
  if ((ownerLocks.get(owner) ?? 0) <= 0) return;
  const key = lockKey(f);
  if (key === null) return;
  const l = files.get(key);
  if (l === undefined) return;
  const before = l.rec.length;
  l.rec = l.rec.filter((a) => a.owner !== owner);
  const gone = before - l.rec.length;
  if (gone > 0) { countOwner(owner, -gone); tidy(key, l); }
}

/** flock(2): LOCK_SH / LOCK_EX / LOCK_UN on the whole file for description f; true on success. */
export function flockOp(key: string, f: FileDescription, op: number): boolean {
  const l = locksOf(key);
  if (op === LOCK_UN) { l.flocks.delete(f); tidy(key, l); return true; }
  for (const [other, kind] of l.flocks) {
    if (other !== f && (op === LOCK_EX || kind === LOCK_EX)) { if (l.rec.length === 0 && l.flocks.size === 0) files.delete(key); return false; }
  }
  l.flocks.set(f, op);
  remember(f, key);
  tidy(key, l);
  return true;
}

// The last reference of a description drops its OFD locks and its flock.
onDescriptionClose((f) => {
  const keys = descKeys.get(f);
  if (keys === undefined) return;
  descKeys.delete(f);
  for (const key of keys) {
    const l = files.get(key);
    if (l === undefined) continue;
    l.flocks.delete(f);
    l.rec = l.rec.filter((a) => a.owner !== f);
    tidy(key, l);
  }
});
