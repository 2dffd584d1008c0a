// Program loading for the first process and for execve(2): reading the file, "#!" interpreter
// scripts (binfmt_script: one optional argument, the script path appended), ELF validation and
// mapping into a fresh address space. Nothing of the caller changes until the new image is
// fully built, so a failed execve returns -errno to an intact process (execve(2)).
import fs from 'node:fs';
import path from 'node:path';
import { randomFillSync } from 'node:crypto';
import { AddressSpace, type PhysMem } from '../cpu/memory.js';
import { parseElf } from '../loader/elf.js';
import { loadElf, type LoadedImage } from '../loader/load.js';
import { LoadError, notFound, permissionDenied } from '../loader/errors.js';
import { SIGFRAME_MAX } from './signals.js';

/** Maximum "#!" line length Linux reads (BINPRM_BUF_SIZE). */
const BINPRM_BUF = 256;
/** Nested interpreters allowed (Linux: 4 levels of binfmt recursion). */
const MAX_INTERP_DEPTH = 4;

/** A loaded image ready to run. */
export interface Image {
  mem: AddressSpace;
  loaded: LoadedImage;
  /** Absolute path of the file finally executed (for /proc/self/exe). */
  exe: string;
  argv: string[];
}

function readExecutable(abs: string, shown: string): Uint8Array {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notFound(shown);
    if (code === 'EACCES') throw permissionDenied(shown);
    if (code === 'ELOOP') throw new LoadError(shown, 'Too many levels of symbolic links', 126, 40);
    if (code === 'ENAMETOOLONG') throw new LoadError(shown, 'File name too long', 126, 36);
    throw e;
  }
  if (st.isDirectory()) throw permissionDenied(shown, 'Is a directory');
  if (!st.isFile()) throw permissionDenied(shown);
  try {
    fs.accessSync(abs, fs.constants.X_OK);
  } catch {
    throw permissionDenied(shown);
  }
  try {
    return fs.readFileSync(abs);
  } catch {
    throw permissionDenied(shown);
  }
}

/** Parses a "#!" line: [interpreter, optional argument] or null. */
function shebang(bytes: Uint8Array): [string, string | null] | null {
  if (bytes.length < 2 || bytes[0] !== 0x23 || bytes[1] !== 0x21) return null;
  let end = bytes.indexOf(0x0a);
  if (end < 0) end = Math.min(bytes.length, BINPRM_BUF);
  const line = Buffer.from(bytes.subarray(2, Math.min(end, BINPRM_BUF))).toString('latin1').replace(/[ \t]+$/, '');
  const m = /^[ \t]*(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (m === null) return null;
  return [m[1], m[2] !== undefined && m[2] !== '' ? m[2] : null];
}

/** Reads an executable for exec: its bytes and the path it was found at, or -errno. */
export type ExecReader = (file: string) => { bytes: Uint8Array; path: string } | number;

/** Reads from the host file system (the program named on exo-run's command line). */
export function hostReader(cwd: string): ExecReader {
  return (file) => {
    const abs = path.resolve(cwd, file);
    return { bytes: readExecutable(abs, file), path: abs };
  };
}

/**
 * Builds a new image for `file` (as the guest named it) read through `reader` (the guest's VFS
 * view for execve, so a sandbox cannot be left by exec'ing a host file). Throws LoadError (with
 * errno) for anything that cannot be executed.
 */
export function buildImage(phys: PhysMem, reader: ExecReader, file: string, argv: string[], envp: string[], depth = 0): Image {
  const got = reader(file);
  if (typeof got === 'number') {
    const errno = -got;
    throw errno === 2 || errno === 20 ? notFound(file) : new LoadError(file, errno === 13 ? 'Permission denied' : `cannot execute (errno ${errno})`, 126, errno);
  }
  const bytes = got.bytes;
  const abs = got.path;
  const sb = shebang(bytes);
  if (sb !== null) {
    if (depth >= MAX_INTERP_DEPTH) throw new LoadError(file, 'Too many levels of interpreters', 126, 40);
    const [interp, arg] = sb;
    const nargv = [interp, ...(arg !== null ? [arg] : []), file, ...argv.slice(1)];
    return buildImage(phys, reader, interp, nargv, envp, depth + 1);
  }
  const img = parseElf(bytes, file);
  const mem = new AddressSpace(phys);
  const random = new Uint8Array(16);
  randomFillSync(random);
  const uid = process.getuid?.() ?? 0, gid = process.getgid?.() ?? 0;
  const loaded = loadElf(mem, img, {
    argv, envp, execfn: file, random,
    uid, gid, euid: process.geteuid?.() ?? uid, egid: process.getegid?.() ?? gid,
    minsigstksz: SIGFRAME_MAX,
  });
  return { mem, loaded, exe: abs, argv };
}
