// exo-run: runs a static x86-64 Linux ELF under Exo (the user-facing command; commander 14).
// Exit status: the guest's, or 128+signal when a signal killed it, as a shell reports it.
import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { LoadError } from '../loader/errors.js';
import { runProgram, signalName, StrictError } from '../posix-x/machine.js';
import { Tracer } from '../posix-x/trace.js';
import { guestPoint, MountError, parseMountSpec } from '../posix-x/vfs/setup.js';
import { analyze, formatAnalysis } from '../tools/analyze.js';

const VERSION = '0.1.0';

/** --mount: validated now (commander reports a bad one), collected in order. */
function mountOpt(spec: string, prev: string[]): string[] {
  try { parseMountSpec(spec); } catch (e) { throw new InvalidArgumentError((e as Error).message); }
  return [...prev, spec];
}

/** --tmpfs: an absolute guest path, collected in order. */
function tmpfsOpt(p: string, prev: string[]): string[] {
  try { guestPoint(p); } catch (e) { throw new InvalidArgumentError((e as Error).message); }
  return [...prev, p];
}

function main(argv: string[]): void {
  const program = new Command();
  program
    .name('exo-run')
    .description('Run a static x86-64 Linux ELF binary (musl) on Node.js')
    .version(VERSION, '-V, --version')
    .usage('[options] <program> [args...]')
    .argument('<program>', 'the ELF binary to run')
    .argument('[args...]', 'arguments passed to the program')
    .option('--strict', 'stop with an error at the first unimplemented syscall')
    .option('--trace', 'print every syscall (strace style) on stderr')
    .option('--trace-file <file>', 'write the syscall trace to a file')
    .option('-c, --summary', 'print a syscall count/time summary on exit (strace -c)')
    .option('--root <dir>', 'a host directory as the guest\'s "/" (default: the host\'s "/")')
    .option('--mount <host:guest[:ro]>', 'mount a host directory (or file) at a guest path; repeatable', mountOpt, [])
    .option('--tmpfs <guest>', 'mount an empty in-memory file system at a guest path; repeatable', tmpfsOpt, [])
    .option('--sandbox', 'an in-memory "/": nothing of the host is reachable but --mount directories')
    .passThroughOptions()
    .allowExcessArguments(true)
    .action(async (prog: string, args: string[], opts: {
      strict?: boolean; trace?: boolean; traceFile?: string; summary?: boolean;
      root?: string; mount: string[]; tmpfs: string[]; sandbox?: boolean;
    }) => {
      let traceOut: ((l: string) => void) | null = null;
      if (opts.traceFile) {
        const fd = fs.openSync(opts.traceFile, 'w');
        traceOut = (l) => fs.writeSync(fd, l + '\n');
      } else if (opts.trace) traceOut = (l) => fs.writeSync(2, l + '\n');
      const tracer = traceOut || opts.summary ? new Tracer(traceOut) : undefined;
      const env = Object.entries(process.env).map(([k, v]) => `${k}=${v}`);
      try {
        const ns = { root: opts.root, mounts: opts.mount, tmpfs: opts.tmpfs, sandbox: opts.sandbox };
        const res = await runProgram(prog, { argv: [prog, ...args], env, strict: opts.strict, tracer, ...ns });
        for (const d of res.diagnostics) fs.writeSync(2, d + '\n');
        if (tracer && opts.summary) fs.writeSync(2, tracer.summary() + '\n');
        if (res.signal !== 0 && traceOut) traceOut(`+++ killed by ${signalName(res.signal)} +++`);
        else if (traceOut) traceOut(`+++ exited with ${res.status} +++`);
        process.exitCode = res.status;
      } catch (e) {
        if (e instanceof LoadError) {
          fs.writeSync(2, `exo-run: ${e.message}\n`);
          process.exitCode = e.exitCode;
        } else if (e instanceof MountError) {
          fs.writeSync(2, `exo-run: ${e.message}\n`);
          process.exitCode = 2;
        } else if (e instanceof StrictError) {
          fs.writeSync(2, e.message + '\n');
          process.exitCode = 125;
        } else {
          const err = e as Error;
          fs.writeSync(2, `exo-run: internal error: ${err.message}\n`);
          if (process.env.EXO_DEBUG) fs.writeSync(2, String(err.stack) + '\n');
          process.exitCode = 125;
        }
      }
    });
  program.parseAsync(argv).catch((e: unknown) => {
    fs.writeSync(2, `exo-run: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
}

/** `exo-run analyze [--json] <elf...>`: static compatibility report (src/tools/analyze.ts). */
function analyzeMain(argv: string[]): void {
  const cmd = new Command();
  cmd
    .name('exo-run analyze')
    .description('Static compatibility report: can Exo run this binary, and what would fail?')
    .argument('<elf...>', 'binaries to analyse')
    .option('--json', 'machine-readable output')
    .action((files: string[], opts: { json?: boolean }) => {
      let worst = 100;
      const out = files.map((f) => analyze(f));
      for (const a of out) worst = Math.min(worst, a.score);
      fs.writeSync(1, (opts.json ? JSON.stringify(out, null, 2) : out.map(formatAnalysis).join('\n')) + '\n');
      process.exitCode = worst === 0 ? 1 : 0;
    });
  cmd.parse(argv, { from: 'user' });
}

if (process.argv[2] === 'analyze') analyzeMain(process.argv.slice(3));
else main(process.argv);
