// Terminals (termios(3), ioctl_tty(2), termios line discipline of drivers/tty/n_tty.c, reduced):
// when exo-run's stdin/stdout is a TTY the guest sees one. The host terminal stays in cooked mode
// (it edits and echoes lines itself) until the guest clears ICANON or ECHO; then the host goes raw
// (process.stdin.setRawMode) and this file does what the guest's termios still asks for: line
// editing (ERASE, KILL, EOF), echo, CR→NL, and INTR/QUIT/SUSP as signals. The host mode is
// restored when the run ends. Window size comes from the host; host resizes raise SIGWINCH.
import fs from 'node:fs';
import { EAGAIN, EINVAL } from '../../musl-shim/abi/errno.js';
import { SIGINT, SIGQUIT, SIGTSTP, SIGWINCH } from '../../musl-shim/abi/signal.js';
import { WaitQueue } from '../wait.js';
import { hostErrno } from './host_errno.js';
import { FileDescription, fromHostStat, POLLERR, POLLHUP, POLLIN, POLLOUT, type IoResult, type StatInfo } from './file.js';

/** termios flag bits used here (include/uapi/asm-generic/termbits.h). */
export const ICRNL = 0o400, INLCR = 0o100, IGNCR = 0o200, ISIG = 0o1, ICANON = 0o2, ECHO = 0o10, ECHOE = 0o20;
export const ECHOK = 0o40, ECHONL = 0o100, ECHOCTL = 0o1000, IEXTEN = 0o100000;
/** c_cc indices. */
export const VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSUSP = 10, VEOL = 11, VWERASE = 14, VEOL2 = 16;
/** sizeof(struct termios) as TCGETS copies it (kernel struct termios, NCCS 19). */
export const TERMIOS_SIZE = 36;

/** What the terminal needs from the host (a real TTY in exo-run; a fake in tests). */
export interface TtyHost {
  /** Writes bytes to the terminal; returns the count or throws a host error. */
  write(b: Uint8Array): number;
  /** Starts delivering input (calls onData/onEnd) until pause(). */
  resume(onData: (b: Uint8Array) => void, onEnd: () => void): void;
  pause(): void;
  /** Puts the host terminal in raw mode (true) or back in the mode it had (false). */
  setRaw(raw: boolean): void;
  /** [rows, cols]. */
  size(): [number, number];
  /** Calls cb on host resizes until close(). */
  onResize(cb: () => void): void;
  /** fstat of the terminal, for the guest's fstat. */
  stat(): StatInfo | number;
  /** Stops everything and restores the host mode. */
  close(): void;
}

/** The terminal device: termios, window size, foreground process group, input queue. */
export class Terminal {
  iflag = 0o2400; // ICRNL | IXON (IUTF8 off)
  oflag = 0o5; // OPOST | ONLCR
  cflag = 0o277; // B38400 | CS8 | CREAD
  lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | 0o4000 | IEXTEN; // ECHOKE
  line = 0;
  readonly cc = Uint8Array.from([3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0]);
  /** Window size set by TIOCSWINSZ (else the host's). */
  winsize: [number, number, number, number] | null = null;
  /** Foreground process group (TIOCSPGRP), 0 = the first process's. */
  fgPgrp = 0;
  /** Sends a signal to the foreground process group (wired by the machine). */
  onSignal: (sig: number) => void = () => {};
  /** Bytes ready for read(2): completed lines in canonical mode. */
  private input: Uint8Array[] = [];
  private inputHead = 0;
  /** The line being edited when this file does canonical processing. */
  private lineBuf: number[] = [];
  /** EOF pending (host end of input, or VEOF on an empty line). */
  private eof = 0;
  private reading = false;
  private hostRaw = false;
  readonly changed = new WaitQueue();

  constructor(readonly host: TtyHost) {
    host.onResize(() => { if (this.winsize === null) this.onSignal(SIGWINCH); });
  }

  /** Bytes readable now. */
  available(): number {
    let n = -this.inputHead;
    for (const c of this.input) n += c.length;
    return n;
  }

  /** Reads for read(2): -EAGAIN when the caller must wait. */
  read(buf: Uint8Array): IoResult {
    if (this.input.length > 0) {
      let n = 0;
      const canon = (this.lflag & ICANON) !== 0;
      while (n < buf.length && this.input.length > 0) {
        const c = this.input[0];
        const k = Math.min(buf.length - n, c.length - this.inputHead);
        buf.set(c.subarray(this.inputHead, this.inputHead + k), n);
        n += k;
        this.inputHead += k;
        if (this.inputHead === c.length) { this.input.shift(); this.inputHead = 0; if (canon) break; } // one line per read
      }
      return n;
    }
    if (this.eof > 0) { this.eof--; return 0; }
    if (!(this.lflag & ICANON) && this.cc[VMIN] === 0) return 0; // DIVERGES: VTIME is not timed
    this.startReading();
    return -EAGAIN;
  }

  /** Starts host input if it is not flowing. */
  startReading(): void {
    if (this.reading) return;
    this.reading = true;
    this.host.resume((b) => this.receive(b), () => { this.eof = Infinity; this.stopReading(); this.changed.notify(); });
  }

  private stopReading(): void {
    if (!this.reading) return;
    this.reading = false;
    this.host.pause();
  }

  /** Host input arrives. */
  receive(b: Uint8Array): void {
    if (!this.hostRaw) {
      // The host did the line discipline: its lines go straight to the queue.
      this.input.push(b.slice());
    } else {
      for (const ch of b) this.discipline(ch);
    }
    if (this.input.length > 0 || this.eof > 0) { this.stopReading(); this.changed.notify(); }
  }

  /** One input byte through the line discipline the guest's termios asks for. */
  private discipline(ch: number): void {
    const cc = this.cc, l = this.lflag;
    if (ch === 13 && (this.iflag & IGNCR)) return;
    if (ch === 13 && (this.iflag & ICRNL)) ch = 10;
    else if (ch === 10 && (this.iflag & INLCR)) ch = 13;
    if (l & ISIG) {
      const sig = ch === cc[VINTR] ? SIGINT : ch === cc[VQUIT] ? SIGQUIT : ch === cc[VSUSP] ? SIGTSTP : 0;
      if (sig !== 0 && ch !== 0) {
        if (l & ECHO) this.echoCtl(ch);
        this.lineBuf = [];
        this.onSignal(sig);
        return;
      }
    }
    if (!(l & ICANON)) {
      if (l & ECHO) this.echo([ch]);
      this.input.push(Uint8Array.of(ch));
      return;
    }
    if (ch === cc[VERASE] || ch === 8) {
      if (this.lineBuf.length > 0) { this.lineBuf.pop(); if ((l & ECHO) && (l & ECHOE)) this.echo([8, 32, 8]); }
      return;
    }
    if (ch === cc[VKILL]) {
      if ((l & ECHO) && (l & ECHOK)) this.echo(this.lineBuf.flatMap(() => [8, 32, 8]));
      this.lineBuf = [];
      return;
    }
    if (ch === cc[VEOF]) {
      if (this.lineBuf.length === 0) this.eof++;
      else { this.input.push(Uint8Array.from(this.lineBuf)); this.lineBuf = []; }
      return;
    }
    this.lineBuf.push(ch);
    if ((l & ECHO) || (ch === 10 && (l & ECHONL))) this.echo(ch === 10 ? [13, 10] : [ch]);
    if (ch === 10 || (ch !== 0 && (ch === cc[VEOL] || ch === cc[VEOL2]))) {
      this.input.push(Uint8Array.from(this.lineBuf));
      this.lineBuf = [];
    }
  }

  private echoCtl(ch: number): void {
    this.echo((this.lflag & ECHOCTL) && ch < 32 ? [94, ch + 64] : [ch]);
  }

  private echo(bytes: number[]): void {
    try { this.host.write(Uint8Array.from(bytes)); } catch { /* a closed terminal drops echo */ }
  }

  /** Drops pending input (TCSETSF, TCFLSH). */
  flushInput(): void {
    this.input = [];
    this.inputHead = 0;
    this.lineBuf = [];
  }

  /** Applies termios flags: the host goes raw exactly when the guest clears ICANON or ECHO. */
  applyMode(): void {
    const raw = (this.lflag & (ICANON | ECHO)) !== (ICANON | ECHO);
    if (raw === this.hostRaw) return;
    this.hostRaw = raw;
    this.host.setRaw(raw);
  }

  /** [rows, cols, xpixel, ypixel]. */
  size(): [number, number, number, number] {
    if (this.winsize !== null) return this.winsize;
    const [rows, cols] = this.host.size();
    return [rows, cols, 0, 0];
  }

  /** TIOCSWINSZ: a change raises SIGWINCH in the foreground group, as Linux's tty_do_resize. */
  setSize(ws: [number, number, number, number]): void {
    const old = this.size();
    this.winsize = ws;
    if (old.some((v, k) => v !== ws[k])) this.onSignal(SIGWINCH);
  }

  /** Readiness of the input side. */
  readable(): boolean {
    return this.input.length > 0 || this.eof > 0 || (!(this.lflag & ICANON) && this.cc[VMIN] === 0);
  }

  /** The run ended: host mode restored, input stopped. */
  shutdown(): void {
    this.stopReading();
    if (this.hostRaw) { this.hostRaw = false; this.host.setRaw(false); }
    this.host.close();
  }
}

/** An open description of the terminal (fds 0, 1, 2 each have one, sharing the Terminal). */
export class TtyFile extends FileDescription {
  constructor(readonly term: Terminal, flags: number, path: string) {
    super(flags, path);
  }

  override read(buf: Uint8Array): IoResult {
    return this.term.read(buf);
  }

  override write(buf: Uint8Array): IoResult {
    try {
      return this.term.host.write(buf);
    } catch (e) {
      return -hostErrno(e);
    }
  }

  override poll(events: number): number {
    let r = POLLOUT;
    if (this.term.readable()) r |= POLLIN;
    else if (events & POLLIN) this.term.startReading();
    return r & (events | POLLERR | POLLHUP);
  }

  override waitFor(events: number): Promise<void> {
    if (events & POLLIN) this.term.startReading();
    return this.term.changed.wait();
  }

  override isTty(): boolean { return true; }
  /** Readiness change count (epoll EPOLLET). */
  changeSeq(): number { return this.term.changed.seq; }

  stat(): StatInfo | number {
    return this.term.host.stat();
  }
}

/** The host side of a real terminal: process.stdin (input, raw mode) and a host fd for output. */
export class NodeTtyHost implements TtyHost {
  private dataCb: ((b: Buffer) => void) | null = null;
  private endCb: (() => void) | null = null;
  private resizeCb: (() => void) | null = null;

  constructor(private readonly outFd: number, private readonly inIsTty: boolean) {}

  write(b: Uint8Array): number {
    let done = 0;
    while (done < b.length) {
      try {
        done += fs.writeSync(this.outFd, b, done, b.length - done);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN') continue; // libuv may set O_NONBLOCK on the tty
        if (done > 0) break;
        throw e;
      }
    }
    return done;
  }

  resume(onData: (b: Uint8Array) => void, onEnd: () => void): void {
    if (!this.inIsTty) { onEnd(); return; }
    if (this.dataCb === null) {
      this.dataCb = (b: Buffer) => onData(b);
      this.endCb = onEnd;
      process.stdin.on('data', this.dataCb);
      process.stdin.on('end', this.endCb);
    }
    process.stdin.resume();
  }

  pause(): void {
    if (this.inIsTty) process.stdin.pause();
  }

  setRaw(raw: boolean): void {
    const s = process.stdin as { setRawMode?: (r: boolean) => void };
    if (this.inIsTty && s.setRawMode) s.setRawMode(raw);
  }

  size(): [number, number] {
    const o = (this.outFd === 2 ? process.stderr : process.stdout) as { rows?: number; columns?: number };
    return [o.rows ?? 24, o.columns ?? 80];
  }

  onResize(cb: () => void): void {
    this.resizeCb = cb;
    const o = this.outFd === 2 ? process.stderr : process.stdout;
    if ((o as { isTTY?: boolean }).isTTY) o.on('resize', cb);
  }

  stat(): StatInfo | number {
    try { return fromHostStat(fs.fstatSync(this.outFd, { bigint: true })); } catch (e) { return -hostErrno(e); }
  }

  close(): void {
    if (this.dataCb !== null) process.stdin.off('data', this.dataCb);
    if (this.endCb !== null) process.stdin.off('end', this.endCb);
    this.dataCb = null;
    this.endCb = null;
    if (this.inIsTty) process.stdin.pause();
    if (this.resizeCb !== null) { process.stdout.off('resize', this.resizeCb); process.stderr.off('resize', this.resizeCb); }
  }
}

/** Writes struct termios from the terminal's state. */
export function termiosBytes(term: Terminal): Uint8Array {
  const b = new Uint8Array(TERMIOS_SIZE);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, term.iflag, true); dv.setUint32(4, term.oflag, true);
  dv.setUint32(8, term.cflag, true); dv.setUint32(12, term.lflag, true);
  b[16] = term.line;
  b.set(term.cc, 17);
  return b;
}

/** Loads struct termios into the terminal (TCSETS*); the host mode follows ICANON/ECHO. */
export function setTermios(term: Terminal, b: Uint8Array): void {
  const dv = new DataView(b.buffer, b.byteOffset, TERMIOS_SIZE);
  term.iflag = dv.getUint32(0, true); term.oflag = dv.getUint32(4, true);
  term.cflag = dv.getUint32(8, true); term.lflag = dv.getUint32(12, true);
  term.line = b[16];
  term.cc.set(b.subarray(17, 17 + 19));
  term.applyMode();
}

void EINVAL;
