// exo-run as a user runs it: exit statuses and one-line errors for bad input (issue: no JS
// stack traces, 126 for a file that cannot be executed, 127 for a missing one).
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/exo-run.js');
const hello = path.join(root, 'fixtures/bin/hello');
let dir = '';

function exo(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes, { mode: 0o755 }); // executable, so the loader (not EACCES) answers
  return p;
}

/** A minimal ELF64 header with fields overridden (the rest valid for x86-64 ET_EXEC). */
function elfHeader(mut: (b: Buffer) => void): Buffer {
  const b = Buffer.from(fs.readFileSync(hello));
  mut(b);
  return b;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exo-cli-'));
  if (!fs.existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (npm test does)');
});

describe('exo-run', () => {
  it('runs hello and exits 0', () => {
    const r = exo([hello]);
    expect(r.stdout).toBe('Hello, world!\n');
    expect(r.status).toBe(0);
  });

  it('prints --version and --help', () => {
    expect(exo(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(exo(['--help']).stdout).toContain('Usage: exo-run');
  });

  const cases: [string, () => string, number, RegExp][] = [
    ['missing file', () => path.join(dir, 'nope'), 127, /No such file or directory/],
    ['a directory', () => dir, 126, /directory/i],
    ['empty file', () => write('empty', ''), 126, /./],
    ['a file without execute permission', () => { const p = write('noexec', fs.readFileSync(hello)); fs.chmodSync(p, 0o644); return p; }, 126, /Permission denied/],
    ['a text file', () => write('text', 'hello world, not an ELF file at all\n'), 126, /not an ELF|exec format/i],
    ['truncated header', () => write('trunc', fs.readFileSync(hello).subarray(0, 40)), 126, /truncated|too short/i],
    ['32-bit ELF', () => write('elf32', elfHeader((b) => { b[4] = 1; })), 126, /32-bit/],
    ['big-endian ELF', () => write('be', elfHeader((b) => { b[5] = 2; })), 126, /big-endian/i],
    ['foreign machine', () => write('arm', elfHeader((b) => { b.writeUInt16LE(183, 18); })), 126, /AArch64/],
    ['program headers out of bounds', () => write('phoff', elfHeader((b) => { b.writeBigUInt64LE(0xffffffn, 32); })), 126, /program header/i],
  ];
  it.each(cases)('rejects %s with one line and the right status', (_n, make, status, msg) => {
    const r = exo([make()]);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a dynamically linked binary with 126', () => {
    const src = write('dyn.c', 'int main(void){return 0;}\n');
    const out = path.join(dir, 'dyn');
    const cc = spawnSync('gcc', ['-o', out, src]);
    expect(cc.status).toBe(0);
    const r = exo([out]);
    expect(r.status).toBe(126);
    expect(r.stderr).toMatch(/dynamically linked/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports SIGILL with address and bytes for an unknown instruction', () => {
    // A static no-libc program executing an instruction we do not implement (AAA is invalid in 64-bit).
    const src = write('ill.c', 'void _start(void){ __asm__ volatile(".byte 0x37"); for(;;); }\n');
    const out = path.join(dir, 'ill');
    expect(spawnSync('gcc', ['-static', '-nostdlib', '-o', out, src]).status).toBe(0);
    const r = exo([out]);
    expect(r.status).toBe(128 + 4);
    expect(r.stderr).toMatch(/SIGILL.*0x[0-9a-f]+: 37/);
  });

  it('turns a segfault into status 139', () => {
    const src = write('segv.c', 'void _start(void){ *(volatile int *)8 = 1; for(;;); }\n');
    const out = path.join(dir, 'segv');
    expect(spawnSync('gcc', ['-static', '-nostdlib', '-o', out, src]).status).toBe(0);
    expect(exo([out]).status).toBe(139);
  });

  it('--strict stops at an unimplemented syscall; without it the guest sees ENOSYS', () => {
    const src = write('nosys.c', `
      static long sys(long n){ long r; __asm__ volatile("syscall":"=a"(r):"a"(n):"rcx","r11","memory"); return r; }
      void _start(void){ long r = sys(334 /* rseq with bad args */ + 1000); long code = r == -38 ? 7 : 9;
        __asm__ volatile("syscall"::"a"(60),"D"(code)); for(;;); }`);
    const out = path.join(dir, 'nosys');
    expect(spawnSync('gcc', ['-static', '-nostdlib', '-O1', '-o', out, src]).status).toBe(0);
    expect(exo([out]).status).toBe(7);
    const s = exo(['--strict', out]);
    expect(s.status).not.toBe(0);
    expect(s.stderr).toMatch(/unimplemented syscall/);
  });

  it('--trace prints strace-style lines', () => {
    const r = exo(['--trace', hello]);
    expect(r.stderr).toMatch(/writev\(1, 0x[0-9a-f]+, 2\) = 14/);
    expect(r.stderr).toMatch(/exit_group\(0\) = \?/);
  });
});
