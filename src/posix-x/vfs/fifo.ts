// Named pipes (fifo(7)): opening a FIFO node connects to one in-memory Pipe (vfs/pipe.ts) per
// inode, shared by every guest process. Open blocks as fifo(7) says: a reader until a writer
// opens, a writer until a reader opens (O_NONBLOCK: readers succeed, writers fail with ENXIO);
// O_RDWR never blocks. A blocked opener counts as present to the other side, like Linux's
// r_counter/w_counter, so two blocked openers release each other. The data is dropped when the
// last end closes. DIVERGES: host processes outside exo do not see these pipes.
import * as E from '../../musl-shim/abi/errno.js';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY } from '../../musl-shim/abi/fcntl.js';
import { Pipe, PipeEnd } from './pipe.js';
import { FileDescription, type IoResult, onDescriptionClose, type StatInfo } from './file.js';

/** A pending blocking open: it must finish when the other side has come (and maybe gone). */
export class FifoBlock {
  constructor(readonly ready: Promise<void>) {}
}

interface FifoState {
  key: string;
  pipe: Pipe;
  /** Opens so far by readers and by writers (generation counters). */
  rgen: number;
  wgen: number;
}

const fifos = new Map<string, FifoState>();
const byPipe = new WeakMap<Pipe, FifoState>();
/** Parked openers by tid: which FIFO, which side, and the other side's generation then. */
const parked = new Map<number, { key: string; reader: boolean; gen: number }>();

function stateFor(key: string): FifoState {
  let s = fifos.get(key);
  if (s === undefined) {
    s = { key, pipe: new Pipe(), rgen: 0, wgen: 0 };
    fifos.set(key, s);
    byPipe.set(s.pipe, s);
  }
  return s;
}

function dropIfIdle(s: FifoState): void {
  if (s.pipe.readers === 0 && s.pipe.writers === 0) fifos.delete(s.key);
}

onDescriptionClose((f) => {
  const pipe = f instanceof PipeEnd ? f.pipe : f instanceof FifoRdwr ? f.pipe : null;
  const s = pipe === null ? undefined : byPipe.get(pipe);
  if (s !== undefined && fifos.get(s.key) === s) dropIfIdle(s);
});

/**
 * Opens FIFO `key` (device:inode) for thread `tid`: a description, -errno, or a FifoBlock to park
 * on (the open is then re-executed from the start).
 */
export function openFifo(key: string, flags: number, path: string, tid: number, st: StatInfo): FileDescription | FifoBlock | number {
  const s = stateFor(key);
  const p = s.pipe;
  const acc = flags & O_ACCMODE;
  const prev = parked.get(tid);
  const resumed = prev !== undefined && prev.key === key ? prev : undefined;
  // A parked opener counts as an end of its side (as pipe->readers/writers do while Linux's
  // fifo_open waits), so the other side's open and I/O see it; the real end replaces it.
  if (resumed !== undefined) {
    parked.delete(tid);
    if (resumed.reader) p.readers--; else p.writers--;
  }
  const status = flags & ~O_ACCMODE;
  if (acc === O_RDWR) {
    s.rgen++; s.wgen++;
    p.changed.notify();
    return new FifoRdwr(p, flags, path, st);
  }
  if (acc === O_RDONLY) {
    const writerCame = resumed !== undefined && resumed.gen !== s.wgen;
    if (p.writers > 0 || writerCame || (flags & O_NONBLOCK)) {
      s.rgen++;
      p.changed.notify();
      return fifoEnd(p, O_RDONLY | status, path, st);
    }
    parked.set(tid, { key, reader: true, gen: resumed?.gen ?? s.wgen });
    p.readers++;
    p.changed.notify();
    return new FifoBlock(p.changed.wait());
  }
  if (acc !== O_WRONLY) return -E.EINVAL;
  const readerCame = resumed !== undefined && resumed.gen !== s.rgen;
  if (p.readers > 0 || readerCame) {
    s.wgen++;
    p.changed.notify();
    return fifoEnd(p, O_WRONLY | status, path, st);
  }
  if (flags & O_NONBLOCK) { dropIfIdle(s); return -E.ENXIO; }
  parked.set(tid, { key, reader: false, gen: resumed?.gen ?? s.rgen });
  p.writers++;
  p.changed.notify();
  return new FifoBlock(p.changed.wait());
}

/** A FIFO end: a pipe end whose stat is the FIFO node's. */
function fifoEnd(p: Pipe, flags: number, path: string, st: StatInfo): PipeEnd {
  const e = new PipeEnd(p, flags, path);
  e.stat = (): StatInfo => ({ ...st, size: 0 });
  e.guestPath = (): string => path;
  return e;
}

/** A FIFO opened O_RDWR: both a reader and a writer (fifo(7): never blocks on open). */
export class FifoRdwr extends FileDescription {
  private readonly r: PipeEnd;
  private readonly w: PipeEnd;
  constructor(readonly pipe: Pipe, flags: number, path: string, private readonly st: StatInfo) {
    super(flags, path);
    this.r = new PipeEnd(pipe, O_RDONLY, path);
    this.w = new PipeEnd(pipe, O_WRONLY, path);
  }
  override read(buf: Uint8Array): IoResult { return this.r.read(buf); }
  override write(buf: Uint8Array): IoResult { return this.w.write(buf); }
  override poll(events: number): number { return this.r.poll(events) | this.w.poll(events); }
  override waitFor(): Promise<void> { return this.pipe.changed.wait(); }
  stat(): StatInfo { return { ...this.st, size: 0 }; }
  override guestPath(): string { return this.path; }
  protected override close(): void { this.r.release(); this.w.release(); }
}
