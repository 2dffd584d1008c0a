// Terminals: the io_tty fixture (termios calls on non-terminals: ENOTTY) against its native run,
// and the guest terminal's line discipline driven through a fake host (raw mode only when the
// guest clears ICANON or ECHO, echo, erase/kill, EOF, INTR as SIGINT, window size and SIGWINCH,
// host mode restored at shutdown).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EAGAIN } from '../../src/musl-shim/abi/errno.js';
import { SIGINT, SIGWINCH } from '../../src/musl-shim/abi/signal.js';
import { POLLIN } from '../../src/posix-x/vfs/file.js';
import { ECHO, ICANON, setTermios, Terminal, termiosBytes, TtyFile, type TtyHost } from '../../src/posix-x/vfs/tty.js';
import { cases, FIXTURES, runFixture } from './io_fixture.js';

describe('tty fixtures match native', () => {
  it.each(cases('io_tty', 'io_ttyraw'))('%s-%s', async (name, opt) => {
    const r = await runFixture(name, opt);
    expect(r.stdout).toBe(r.expected.stdout);
    expect(r.stderr).toBe(r.expected.stderr);
    expect(r.status).toBe(r.expected.status);
  }, 60000);
});

/** A host terminal in memory: records output, raw-mode switches and resize listeners. */
class FakeHost implements TtyHost {
  out: number[] = [];
  raw: boolean[] = [];
  flowing = false;
  closed = false;
  rows = 24;
  cols = 80;
  private data: ((b: Uint8Array) => void) | null = null;
  private resize: (() => void) | null = null;
  write(b: Uint8Array): number { this.out.push(...b); return b.length; }
  resume(onData: (b: Uint8Array) => void): void { this.data = onData; this.flowing = true; }
  pause(): void { this.flowing = false; }
  setRaw(raw: boolean): void { this.raw.push(raw); }
  size(): [number, number] { return [this.rows, this.cols]; }
  onResize(cb: () => void): void { this.resize = cb; }
  stat(): number { return -9; }
  close(): void { this.closed = true; }
  /** The user types. */
  type(s: string): void { this.data?.(Buffer.from(s, 'latin1')); }
  /** The user resizes the window. */
  resized(rows: number, cols: number): void { this.rows = rows; this.cols = cols; this.resize?.(); }
}

function setup(): { host: FakeHost; term: Terminal; f: TtyFile; signals: number[] } {
  const host = new FakeHost();
  const term = new Terminal(host);
  const signals: number[] = [];
  term.onSignal = (s) => signals.push(s);
  return { host, term, f: new TtyFile(term, 2, '/dev/pts/0'), signals };
}

function readStr(f: TtyFile, n = 64): string | number {
  const b = new Uint8Array(n);
  const r = f.read(b);
  return r < 0 ? r : Buffer.from(b.subarray(0, r)).toString('latin1');
}

function withLflag(term: Terminal, clear: number): void {
  const b = termiosBytes(term);
  const dv = new DataView(b.buffer);
  dv.setUint32(12, dv.getUint32(12, true) & ~clear, true);
  setTermios(term, b);
}

describe('guest terminal', () => {
  it('starts cooked: host input passes through, nothing goes raw', () => {
    const { host, f } = setup();
    expect(readStr(f)).toBe(-EAGAIN);
    expect(host.flowing).toBe(true);
    host.type('hello\n');
    expect(host.flowing).toBe(false); // input stops until the guest asks again
    expect(readStr(f)).toBe('hello\n');
    expect(host.raw).toEqual([]);
    expect(f.isTty()).toBe(true);
  });

  it('goes raw when the guest clears ICANON and back when it sets it again', () => {
    const { host, term, f } = setup();
    withLflag(term, ICANON);
    expect(host.raw).toEqual([true]);
    readStr(f);
    host.type('ab');
    expect(readStr(f, 1)).toBe('a');
    expect(host.out).toEqual([0x61, 0x62]); // ECHO still set: this side echoes
    const b = termiosBytes(term);
    new DataView(b.buffer).setUint32(12, term.lflag | ICANON, true);
    setTermios(term, b);
    expect(host.raw).toEqual([true, false]);
  });

  it('edits lines itself when the guest keeps ICANON but clears ECHO (password prompts)', () => {
    const { host, term, f } = setup();
    withLflag(term, ECHO);
    expect(host.raw).toEqual([true]);
    readStr(f);
    host.type('sekrx\x7ft\r');
    expect(readStr(f)).toBe('sekrt\n'); // erase applied, CR mapped to NL
    expect(host.out).toEqual([]); // nothing echoed
    host.type('gone\x15kept\x04');
    expect(readStr(f)).toBe('kept'); // KILL dropped the line, EOF ended the next one
    host.type('\x04');
    expect(readStr(f)).toBe(''); // EOF on an empty line: read returns 0
  });

  it('turns INTR into SIGINT for the foreground group while raw', () => {
    const { host, term, f, signals } = setup();
    withLflag(term, ICANON | ECHO);
    readStr(f);
    host.type('x\x03');
    expect(signals).toEqual([SIGINT]);
  });

  it('reports the host window size, and SIGWINCH on resize and on TIOCSWINSZ changes', () => {
    const { host, term, signals } = setup();
    expect(term.size()).toEqual([24, 80, 0, 0]);
    host.resized(50, 132);
    expect(term.size()).toEqual([50, 132, 0, 0]);
    expect(signals).toEqual([SIGWINCH]);
    term.setSize([10, 20, 0, 0]);
    term.setSize([10, 20, 0, 0]);
    expect(signals).toEqual([SIGWINCH, SIGWINCH]);
  });

  it('wakes pollers when input arrives', async () => {
    const { host, f } = setup();
    expect(f.poll(POLLIN)).toBe(0);
    const w = f.waitFor(POLLIN);
    host.type('k\n');
    await w;
    expect(f.poll(POLLIN)).toBe(POLLIN);
  });

  it('restores the host mode and stops input at shutdown', () => {
    const { host, term, f } = setup();
    withLflag(term, ICANON);
    readStr(f);
    term.shutdown();
    expect(host.raw).toEqual([true, false]);
    expect(host.flowing).toBe(false);
    expect(host.closed).toBe(true);
  });
});

/**
 * Drives a program on a pseudo-terminal (python3's pty module): answers "line? " with a line,
 * "key? " with one key, and "resize? " by resizing the terminal (SIGWINCH). Returns the screen.
 */
const DRIVER = `
import fcntl, os, pty, select, struct, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b''
def until(s, t=20):
    global out
    end = time.time() + t
    while s not in out and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: out += os.read(fd, 4096)
            except OSError: return
until(b'line? '); os.write(fd, b'abc\\n')
until(b'key? '); time.sleep(0.2); os.write(fd, b'x')
until(b'resize? '); time.sleep(0.2); fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
until(b'winsize 30')
until(b'\\xff', 1)
_, st = os.waitpid(pid, 0)
sys.stdout.write(out.decode('latin1') + 'status %d\\n' % os.waitstatus_to_exitcode(st))
`;

describe('a guest on a real terminal', () => {
  it('sees a TTY: cooked line, raw key without echo, window size and SIGWINCH as natively', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-tty-'));
    const driver = join(dir, 'drive.py');
    writeFileSync(driver, DRIVER);
    const bin = join(FIXTURES, 'bin', 'io_ttyraw-O2');
    const exoRun = join(FIXTURES, '..', 'bin', 'exo-run.js');
    if (!existsSync(join(FIXTURES, '..', 'dist', 'cli', 'main.js'))) throw new Error('run npm run build first (npm test does)');
    const native = spawnSync('python3', [driver, bin], { encoding: 'latin1', timeout: 60000 });
    const exo = spawnSync('python3', [driver, process.execPath, exoRun, bin], { encoding: 'latin1', timeout: 60000 });
    expect(native.stdout).toContain('got line [abc]');
    expect(native.stdout).toContain('winch 1 winsize 30 100');
    expect(exo.stdout).toBe(native.stdout);
  }, 90000);
});
