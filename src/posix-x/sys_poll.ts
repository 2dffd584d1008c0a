// poll(2), ppoll(2), select(2), pselect6(2), epoll(7): epoll_create(2), epoll_create1,
// epoll_ctl(2), epoll_wait(2), epoll_pwait, epoll_pwait2. Readiness comes from each description's
// poll(events); a call with nothing ready parks on the descriptions' waitFor() promises and a timer
// whose deadline survives the re-execution of the woken call (wait.ts).
import type { Thread } from '../kernel/thread.js';
import * as E from '../musl-shim/abi/errno.js';
import { O_CLOEXEC, O_RDWR, S_IFDIR, S_IFMT, S_IFREG } from '../musl-shim/abi/fcntl.js';
import type { SyscallArgs } from './args.js';
import type { SysDef } from './sys_def.js';
import { proc, type SysResult } from './context.js';
import { getS64, putU64 } from './guest_io.js';
import { FileDescription, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLPRI, POLLOUT, type IoResult, type StatInfo } from './vfs/file.js';
import { SignalFd } from './vfs/signalfd.js';
import { blockUntil, changeSeqOf, endWait, isResuming, nowMs, resumeOf, setTempMask } from './wait.js';

/** epoll(7) event bits and epoll_ctl(2) operations (include/uapi/linux/eventpoll.h). */
export const EPOLLIN = 0x1, EPOLLPRI = 0x2, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10, EPOLLRDNORM = 0x40;
export const EPOLLRDBAND = 0x80, EPOLLWRNORM = 0x100, EPOLLWRBAND = 0x200, EPOLLMSG = 0x400, EPOLLRDHUP = 0x2000;
export const EPOLLEXCLUSIVE = 1 << 28, EPOLLWAKEUP = 1 << 29, EPOLLONESHOT = 1 << 30, EPOLLET = 1 << 31;
export const EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3, EPOLL_CLOEXEC = O_CLOEXEC;
/** Linux's EP_MAX_EVENTS: INT_MAX / sizeof(struct epoll_event). */
const EP_MAX_EVENTS = Math.floor(0x7fffffff / 12);
const NR_POLL = 7, NR_SELECT = 23, NR_EPOLL_WAIT = 232;
const POLLIN_SET = POLLIN | 0x40 | 0x80 | POLLHUP | POLLERR;
const POLLOUT_SET = POLLOUT | 0x100 | 0x200 | POLLERR;
const POLLEX_SET = POLLPRI;

/** Readiness of f for thread t (signalfd and epoll answer per caller). */
export function pollOne(t: Thread, f: FileDescription, events: number): number {
  if (f instanceof SignalFd) return f.pollFor(t, events);
  if (f instanceof Epoll) return f.pollFor(t, events);
  return f.poll(events);
}

// ---- epoll instances -----------------------------------------------------------------------

/** One registration (epoll_ctl(2) ADD): keyed by fd number and description, as Linux does. */
interface Interest {
  fd: number;
  file: FileDescription;
  events: number;
  dataLo: number;
  dataHi: number;
  /** EPOLLONESHOT fired: silent until EPOLL_CTL_MOD. */
  disabled: boolean;
  /** EPOLLET: a readiness change happened since the last report. */
  armed: boolean;
  /** EPOLLET: the description's change count at the last report (-1: it does not count). */
  seq: number;
}

/** An epoll instance as an open file description. */
export class Epoll extends FileDescription {
  readonly interests: Interest[] = [];
  /** Where the next scan starts (round robin, so one busy fd cannot starve the others). */
  private next = 0;

  constructor(flags: number) {
    super(O_RDWR | flags, 'anon_inode:[eventpoll]');
  }

  find(fd: number, file: FileDescription): Interest | undefined {
    return this.interests.find((x) => x.fd === fd && x.file === file);
  }

  /** Ready events for t, at most max, as [events, dataLo, dataHi] triples. */
  collect(t: Thread, max: number): number[] {
    const out: number[] = [];
    const list = this.interests;
    for (let k = list.length - 1; k >= 0; k--) if (list[k].file.refs <= 0) list.splice(k, 1); // closed
    const n = list.length;
    for (let j = 0; j < n && out.length < 3 * max; j++) {
      const it = list[(this.next + j) % n];
      if (it.disabled) continue;
      const want = it.events | EPOLLERR | EPOLLHUP;
      const rev = pollOne(t, it.file, want) & want & ~(EPOLLET | EPOLLONESHOT | EPOLLEXCLUSIVE | EPOLLWAKEUP);
      if (rev === 0) continue;
      if (it.events & EPOLLET) {
        const seq = changeSeqOf(it.file);
        if (!it.armed && (seq < 0 || seq === it.seq)) continue;
        it.armed = false;
        it.seq = seq;
        // Objects that do not count changes re-arm when their wait settles.
        if (seq < 0) void it.file.waitFor(it.events).then(() => { it.armed = true; });
      }
      if (it.events & EPOLLONESHOT) it.disabled = true;
      out.push(rev, it.dataLo, it.dataHi);
    }
    if (n > 0) this.next = (this.next + 1) % n;
    return out;
  }

  /** Readable when some registration is ready (epoll fds nest in poll, select and epoll). */
  pollFor(t: Thread, events: number): number {
    for (const it of this.interests) {
      if (it.file.refs <= 0 || it.disabled) continue;
      const want = it.events | EPOLLERR | EPOLLHUP;
      if ((pollOne(t, it.file, want) & want) && (!(it.events & EPOLLET) || it.armed || changeSeqOf(it.file) !== it.seq)) return POLLIN & events;
    }
    return 0;
  }

  override waitFor(): Promise<void> {
    const live = this.interests.filter((x) => x.file.refs > 0 && !x.disabled);
    return live.length === 0 ? new Promise<void>(() => {}) : Promise.race(live.map((x) => x.file.waitFor(x.events)));
  }

  override read(): IoResult { return -E.EINVAL; }
  override write(): IoResult { return -E.EINVAL; }

  stat(): StatInfo {
    const now = BigInt(Date.now()) * 1000000n;
    return { dev: 14, ino: 4, mode: 0o600, nlink: 1, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: now, mtimeNs: now, ctimeNs: now };
  }

  protected override close(): void {
    this.interests.length = 0;
  }
}

function epollCreate(t: Thread, flags: number): SysResult {
  const ep = new Epoll(0);
  const fd = proc(t).fds.install(ep, (flags & EPOLL_CLOEXEC) !== 0);
  if (fd < 0) ep.release();
  return fd;
}

/** epoll_create(2): size is only checked to be positive. */
export function sysEpollCreate(t: Thread, a: SyscallArgs): SysResult {
  if (a.i32(0) <= 0) return -E.EINVAL;
  return epollCreate(t, 0);
}

/** epoll_create1(2). */
export function sysEpollCreate1(t: Thread, a: SyscallArgs): SysResult {
  const flags = a.i32(0);
  if (flags & ~EPOLL_CLOEXEC) return -E.EINVAL;
  return epollCreate(t, flags);
}

/** True when the description cannot be polled (epoll_ctl(2) EPERM: regular files, directories). */
function unpollable(f: FileDescription): boolean {
  const st = f.stat();
  if (typeof st === 'number') return false;
  const type = st.mode & S_IFMT;
  return type === S_IFREG || type === S_IFDIR;
}

/** Does adding `target` to `ep` create a loop (epoll_ctl(2) ELOOP)? */
function loops(ep: Epoll, target: Epoll, depth = 0): boolean {
  if (target === ep || depth > 5) return true;
  return target.interests.some((x) => x.file instanceof Epoll && loops(ep, x.file, depth + 1));
}

/** epoll_ctl(2). */
export function sysEpollCtl(t: Thread, a: SyscallArgs): SysResult {
  const epfd = a.i32(0), op = a.i32(1), fd = a.i32(2), event = a.ptr(3);
  const fds = proc(t).fds;
  const ee = fds.get(epfd), fe = fds.get(fd);
  if (ee === undefined || fe === undefined) return -E.EBADF;
  let events = 0, dataLo = 0, dataHi = 0;
  if (op !== EPOLL_CTL_DEL) {
    const m = t.cpu.mem;
    events = m.read32(event);
    dataLo = m.read32(event + 4);
    dataHi = m.read32(event + 8);
  }
  const ep = ee.cap.obj, file = fe.cap.obj;
  if (!(ep instanceof Epoll) || epfd === fd || file === ep) return -E.EINVAL;
  if (unpollable(file)) return -E.EPERM;
  if ((events & EPOLLEXCLUSIVE) && (op === EPOLL_CTL_MOD || file instanceof Epoll || (events & EPOLLONESHOT))) return -E.EINVAL;
  const cur = ep.find(fd, file);
  switch (op) {
    case EPOLL_CTL_ADD:
      if (cur !== undefined) return -E.EEXIST;
      if (file instanceof Epoll && loops(ep, file)) return -E.ELOOP;
      ep.interests.push({ fd, file, events, dataLo, dataHi, disabled: false, armed: true, seq: -1 });
      return 0;
    case EPOLL_CTL_MOD:
      if (cur === undefined) return -E.ENOENT;
      if (cur.events & EPOLLEXCLUSIVE) return -E.EINVAL;
      cur.events = events; cur.dataLo = dataLo; cur.dataHi = dataHi; cur.disabled = false; cur.armed = true;
      return 0;
    case EPOLL_CTL_DEL:
      if (cur === undefined) return -E.ENOENT;
      ep.interests.splice(ep.interests.indexOf(cur), 1);
      return 0;
  }
  return -E.EINVAL;
}

/** Reads a (sigset pointer, size) pair into a temporary mask; null = none, or -errno. */
function readMask(t: Thread, set: number, size: number): [number, number] | null | number {
  if (set === 0) return null;
  if (size !== 8) return -E.EINVAL;
  return [t.cpu.mem.read32(set), t.cpu.mem.read32(set + 4)];
}

/** The shared body of epoll_wait/epoll_pwait/epoll_pwait2: timeoutMs < 0 = forever. */
function epollWait(t: Thread, epfd: number, events: number, maxevents: number, timeoutMs: number, mask: [number, number] | null): SysResult {
  const e = proc(t).fds.get(epfd);
  if (e === undefined) return -E.EBADF;
  const ep = e.cap.obj;
  if (!(ep instanceof Epoll)) return -E.EINVAL;
  if (maxevents <= 0 || maxevents > EP_MAX_EVENTS) return -E.EINVAL;
  const m = t.cpu.mem;
  if (!m.isMapped(events, 12 * maxevents)) return -E.EFAULT;
  const resuming = isResuming(t, NR_EPOLL_WAIT);
  const ready = ep.collect(t, maxevents);
  if (ready.length > 0) {
    endWait(t);
    for (let k = 0; k < ready.length; k += 3) {
      const at = events + 4 * k; // 12 bytes per event: (k / 3) * 12
      m.write32(at, ready[k]);
      m.write32(at + 4, ready[k + 1]);
      m.write32(at + 8, ready[k + 2]);
    }
    return ready.length / 3;
  }
  const r = resumeOf(t, NR_EPOLL_WAIT, timeoutMs < 0 ? Infinity : timeoutMs);
  if (timeoutMs === 0 || (resuming && r.deadline <= nowMs())) { endWait(t); return 0; }
  if (mask !== null) setTempMask(t, r, mask[0], mask[1]);
  return blockUntil(t, r, [ep.waitFor()]);
}

/** epoll_wait(2). */
export function sysEpollWait(t: Thread, a: SyscallArgs): SysResult {
  return epollWait(t, a.i32(0), a.ptr(1), a.i32(2), a.i32(3), null);
}

/** epoll_pwait(2). */
export function sysEpollPwait(t: Thread, a: SyscallArgs): SysResult {
  const mask = readMask(t, a.ptr(4), a.size(5));
  if (typeof mask === 'number') return mask;
  return epollWait(t, a.i32(0), a.ptr(1), a.i32(2), a.i32(3), mask);
}

/** epoll_pwait2(2): the timeout is a struct timespec (NULL = forever). */
export function sysEpollPwait2(t: Thread, a: SyscallArgs): SysResult {
  const tmo = a.ptr(3);
  const mask = readMask(t, a.ptr(4), a.size(5));
  if (typeof mask === 'number') return mask;
  let ms = -1;
  if (tmo !== 0) {
    const ns = timespecNs(t, tmo);
    if (ns < 0) return -E.EINVAL;
    ms = ns / 1e6;
  }
  return epollWait(t, a.i32(0), a.ptr(1), a.i32(2), ms, mask);
}

// ---- poll and select -----------------------------------------------------------------------

function timespecNs(t: Thread, addr: number): number {
  const sec = getS64(t.cpu.mem, addr), nsec = getS64(t.cpu.mem, addr + 8);
  if (sec < 0 || nsec < 0 || nsec >= 1e9) return -1;
  return sec * 1e9 + nsec;
}

/** Writes the time left before the deadline as a timespec (ns units) or timeval (us units). */
function putLeft(t: Thread, addr: number, deadline: number, usec: boolean): void {
  const left = Math.max(0, deadline - nowMs()) * 1e6;
  const sec = Math.floor(left / 1e9);
  const frac = Math.floor(left - sec * 1e9);
  putU64(t.cpu.mem, addr, sec);
  putU64(t.cpu.mem, addr + 8, usec ? Math.floor(frac / 1000) : frac);
}

function doPoll(t: Thread, fds: number, nfds: number, timeoutMs: number, mask: [number, number] | null, tmo: number): SysResult {
  const p = proc(t);
  if (nfds < 0 || nfds > p.fds.limit) return -E.EINVAL;
  const m = t.cpu.mem;
  if (nfds > 0 && !m.isMapped(fds, 8 * nfds)) return -E.EFAULT;
  const resuming = isResuming(t, NR_POLL);
  let count = 0;
  const files: FileDescription[] = [];
  const wants: number[] = [];
  for (let k = 0; k < nfds; k++) {
    const fd = m.read32(fds + 8 * k);
    const events = m.read16(fds + 8 * k + 4);
    let rev = 0;
    if (fd >= 0) {
      const e = p.fds.get(fd);
      if (e === undefined) rev = POLLNVAL;
      else {
        const want = events | POLLERR | POLLHUP;
        rev = pollOne(t, e.cap.obj, want) & want;
        files.push(e.cap.obj);
        wants.push(events);
      }
    }
    if (rev !== 0) count++;
  }
  const r = resumeOf(t, NR_POLL, timeoutMs < 0 ? Infinity : timeoutMs);
  if (count === 0 && timeoutMs !== 0 && !(resuming && r.deadline <= nowMs())) {
    if (mask !== null) setTempMask(t, r, mask[0], mask[1]);
    if (tmo !== 0) r.onInterrupt = () => { putLeft(t, tmo, r.deadline, false); return -E.EINTR; };
    return blockUntil(t, r, files.map((f, k) => f.waitFor(wants[k])));
  }
  // Ready (or timed out): write every revents field.
  for (let k = 0; k < nfds; k++) {
    const fd = m.read32(fds + 8 * k);
    let rev = 0;
    if (fd >= 0 && count > 0) {
      const e = p.fds.get(fd);
      const events = m.read16(fds + 8 * k + 4);
      rev = e === undefined ? POLLNVAL : pollOne(t, e.cap.obj, events | POLLERR | POLLHUP) & (events | POLLERR | POLLHUP);
    }
    m.write16(fds + 8 * k + 6, rev);
  }
  if (tmo !== 0) putLeft(t, tmo, r.deadline === Infinity ? nowMs() : r.deadline, false);
  endWait(t);
  return count;
}

/** poll(2). */
export function sysPoll(t: Thread, a: SyscallArgs): SysResult {
  return doPoll(t, a.ptr(0), a.u32(1), a.i32(2), null, 0);
}

/** ppoll(2): timespec timeout (NULL = forever), temporary signal mask. */
export function sysPpoll(t: Thread, a: SyscallArgs): SysResult {
  const fds = a.ptr(0), nfds = a.u32(1), tmo = a.ptr(2);
  const mask = readMask(t, a.ptr(3), a.size(4));
  if (typeof mask === 'number') return mask;
  let ms = -1;
  if (tmo !== 0) {
    const ns = timespecNs(t, tmo);
    if (ns < 0) return -E.EINVAL;
    ms = ns / 1e6;
  }
  return doPoll(t, fds, nfds, ms, mask, tmo);
}

/** Bytes of an fd_set covering nfds descriptors (whole longs, as fs/select.c reads them). */
function setBytes(nfds: number): number {
  return Math.ceil(nfds / 64) * 8;
}

function doSelect(t: Thread, nfds: number, rp: number, wp: number, xp: number, timeoutMs: number, mask: [number, number] | null, tmo: number, usec: boolean): SysResult {
  if (nfds < 0) return -E.EINVAL;
  const p = proc(t);
  const n = Math.min(nfds, p.fds.limit);
  const bytes = setBytes(n);
  const m = t.cpu.mem;
  const sets = [rp, wp, xp].map((ptr) => (ptr === 0 || n === 0 ? null : m.readBytes(ptr, bytes)));
  const outs = sets.map((s) => (s === null ? null : new Uint8Array(s.length)));
  const resuming = isResuming(t, NR_SELECT);
  let count = 0;
  const waits: Promise<void>[] = [];
  for (let fd = 0; fd < n; fd++) {
    const bit = 1 << (fd & 7), byte = fd >> 3;
    const inR = sets[0] !== null && (sets[0][byte] & bit) !== 0;
    const inW = sets[1] !== null && (sets[1][byte] & bit) !== 0;
    const inX = sets[2] !== null && (sets[2][byte] & bit) !== 0;
    if (!inR && !inW && !inX) continue;
    const e = p.fds.get(fd);
    if (e === undefined) { endWait(t); return -E.EBADF; }
    const want = (inR ? POLLIN_SET : 0) | (inW ? POLLOUT_SET : 0) | (inX ? POLLEX_SET : 0);
    const rev = pollOne(t, e.cap.obj, want | POLLERR | POLLHUP);
    if (inR && (rev & POLLIN_SET)) { outs[0]![byte] |= bit; count++; }
    if (inW && (rev & POLLOUT_SET)) { outs[1]![byte] |= bit; count++; }
    if (inX && (rev & POLLEX_SET)) { outs[2]![byte] |= bit; count++; }
    waits.push(e.cap.obj.waitFor(want));
  }
  const r = resumeOf(t, NR_SELECT, timeoutMs < 0 ? Infinity : timeoutMs);
  if (count === 0 && timeoutMs !== 0 && !(resuming && r.deadline <= nowMs())) {
    if (mask !== null) setTempMask(t, r, mask[0], mask[1]);
    if (tmo !== 0) r.onInterrupt = () => { putLeft(t, tmo, r.deadline, usec); return -E.EINTR; };
    return blockUntil(t, r, waits);
  }
  [rp, wp, xp].forEach((ptr, k) => { if (ptr !== 0 && outs[k] !== null) m.writeBytes(ptr, outs[k]!); });
  if (tmo !== 0) putLeft(t, tmo, r.deadline === Infinity ? nowMs() : r.deadline, usec);
  endWait(t);
  return count;
}

/** select(2): struct timeval timeout, updated with the time left (Linux behaviour). */
export function sysSelect(t: Thread, a: SyscallArgs): SysResult {
  const nfds = a.i32(0), rp = a.ptr(1), wp = a.ptr(2), xp = a.ptr(3), tmo = a.ptr(4);
  let ms = -1;
  if (tmo !== 0) {
    const sec = getS64(t.cpu.mem, tmo), usec = getS64(t.cpu.mem, tmo + 8);
    if (sec < 0 || usec < 0 || usec >= 1e6) return -E.EINVAL;
    ms = sec * 1000 + usec / 1000;
  }
  return doSelect(t, nfds, rp, wp, xp, ms, null, tmo, true);
}

/** pselect6(2): timespec timeout; the 6th argument points at { const sigset_t *ss; size_t len; }. */
export function sysPselect6(t: Thread, a: SyscallArgs): SysResult {
  const nfds = a.i32(0), rp = a.ptr(1), wp = a.ptr(2), xp = a.ptr(3), tmo = a.ptr(4), sig = a.ptr(5);
  let ms = -1;
  if (tmo !== 0) {
    const ns = timespecNs(t, tmo);
    if (ns < 0) return -E.EINVAL;
    ms = ns / 1e6;
  }
  let mask: [number, number] | null = null;
  if (sig !== 0) {
    const m = t.cpu.mem;
    const lo = m.read64(sig), hi = m.hi;
    const set = (hi >>> 0) * 4294967296 + (lo >>> 0);
    const len = m.read64(sig + 8);
    const rm = readMask(t, set, m.hi === 0 ? len >>> 0 : -1);
    if (typeof rm === 'number') return rm;
    mask = rm;
  }
  return doSelect(t, nfds, rp, wp, xp, ms, mask, tmo, false);
}

void EPOLLRDNORM; void EPOLLRDBAND; void EPOLLWRNORM; void EPOLLWRBAND; void EPOLLMSG; void EPOLLRDHUP; void EPOLLIN; void EPOLLOUT; void EPOLLPRI;

/** Syscall table rows of this family (see syscall_table.ts). */
export const ROWS: SysDef[] = [
  [7, sysPoll, 'hybrid', 'full', ['ptr', 'uint', 'int']],
  [23, sysSelect, 'hybrid', 'full', ['int', 'ptr', 'ptr', 'ptr', 'ptr']],
  [213, sysEpollCreate, 'hybrid', 'full', ['int']],
  [232, sysEpollWait, 'hybrid', 'full', ['fd', 'ptr', 'int', 'int']],
  [233, sysEpollCtl, 'hybrid', 'partial', ['fd', 'int', 'fd', 'ptr'], 'EPOLLET also re-arms when data is consumed'],
  [270, sysPselect6, 'hybrid', 'full', ['int', 'ptr', 'ptr', 'ptr', 'ptr', 'ptr']],
  [271, sysPpoll, 'hybrid', 'full', ['ptr', 'uint', 'ptr', 'ptr', 'size']],
  [281, sysEpollPwait, 'hybrid', 'full', ['fd', 'ptr', 'int', 'int', 'ptr', 'size']],
  [291, sysEpollCreate1, 'hybrid', 'full', ['hex']],
  [441, sysEpollPwait2, 'hybrid', 'full', ['fd', 'ptr', 'int', 'ptr', 'ptr', 'size']],
];
