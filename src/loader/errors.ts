// Why a program cannot be started: the errno execve(2) would return and the exit status a shell
// reports for it (bash(1) "EXIT STATUS": 127 when the command is not found, 126 when it is found
// but cannot be executed). Messages are one line: "<file>: <problem>".

// errno values (asm-generic/errno-base.h); kept private so this module stays a leaf.
const ENOENT = 2;
const E2BIG = 7;
const ENOEXEC = 8;
const ENOMEM = 12;
const EACCES = 13;

/** Exit status for a file that exists but cannot be executed. */
export const EXIT_CANNOT_EXECUTE = 126;
/** Exit status for a file that does not exist. */
export const EXIT_NOT_FOUND = 127;

/** A program that cannot be loaded: one-line message, shell exit status, execve errno. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  /** Exit status a shell reports (126 or 127). */
  readonly exitCode: number;
  /** errno an execve(2) of this file returns (ENOEXEC, ENOENT, EACCES, E2BIG). */
  readonly errno: number;
  /** The file, as named by the caller. */
  readonly file: string;
  /** The problem, without the file name. */
  readonly problem: string;

  constructor(file: string, problem: string, exitCode = EXIT_CANNOT_EXECUTE, errno = ENOEXEC) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
    this.exitCode = exitCode;
    this.errno = errno;
  }
}

/** The file is not a valid executable (ENOEXEC, exit status 126). */
export function notExecutable(file: string, problem: string): LoadError {
  return new LoadError(file, problem, EXIT_CANNOT_EXECUTE, ENOEXEC);
}

/** The file does not exist (ENOENT, exit status 127). */
export function notFound(file: string): LoadError {
  return new LoadError(file, 'No such file or directory', EXIT_NOT_FOUND, ENOENT);
}

/** The file may not be executed: no execute permission, or a directory (EACCES, exit status 126). */
export function permissionDenied(file: string, why = 'Permission denied'): LoadError {
  return new LoadError(file, why, EXIT_CANNOT_EXECUTE, EACCES);
}

/**
 * A dynamically linked binary. execve(2) on Linux fails with ENOENT when the interpreter is
 * missing; that errno also keeps shells from retrying the file as a script (they do on ENOEXEC).
 */
export function needsInterpreter(file: string, interp: string): LoadError {
  return new LoadError(file, `dynamically linked binaries are not supported (interpreter ${interp})`,
    EXIT_CANNOT_EXECUTE, ENOENT);
}

/** Arguments and environment do not fit (E2BIG, exit status 126 as bash reports it). */
export function argListTooLong(file: string, detail: string): LoadError {
  return new LoadError(file, `Argument list too long (${detail})`, EXIT_CANNOT_EXECUTE, E2BIG);
}

/** The image does not fit in guest memory (ENOMEM, exit status 126). */
export function outOfMemory(file: string, detail: string): LoadError {
  return new LoadError(file, `Cannot allocate memory (${detail})`, EXIT_CANNOT_EXECUTE, ENOMEM);
}
