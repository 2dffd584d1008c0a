// Shared VFS types: the backend interface every mounted file system implements (host directory,
// memfs volume, synthetic /dev and /proc), directory entries (getdents64(2) d_type values),
// statfs(2) fields and device numbers (makedev(3), the kernel's new_encode_dev()).
import type { PxProcess } from '../context.js';
import type { FileDescription, StatInfo } from './file.js';

/** d_type values (dirent.h). */
export const DT_UNKNOWN = 0, DT_FIFO = 1, DT_CHR = 2, DT_DIR = 4, DT_BLK = 6, DT_REG = 8, DT_LNK = 10, DT_SOCK = 12;

/** A directory entry as getdents64(2) reports it. */
export interface DirEnt {
  name: string;
  ino: number;
  type: number;
}

/** struct statfs fields (statfs(2)). */
export interface StatFsInfo {
  type: number;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  namelen: number;
  frsize: number;
  flags: number;
}

/** f_flags bits (statfs(2)). */
export const ST_RDONLY = 1, ST_NOSUID = 2, ST_NODEV = 4, ST_NOEXEC = 8, ST_VALID = 0x20;
/** Magic numbers (include/uapi/linux/magic.h). */
export const TMPFS_MAGIC = 0x01021994, PROC_SUPER_MAGIC = 0x9fa0;

/** The calling process, for /proc/self and for credentials. */
export interface Caller {
  proc: PxProcess;
  tid: number;
}

/** The object a magic link (/proc/self/fd/N, /proc/self/cwd) names. */
export type MagicTarget = { path: string } | { desc: FileDescription };

/** Timestamps for utimensat(2): nanoseconds since the epoch, or one of these. */
export const TIME_NOW = -1n, TIME_OMIT = -2n;

/**
 * A mounted file system. Paths are mount-relative: '' is the root, components are joined by '/'
 * and contain no symlinks, '.' or '..' (the VFS resolved them). Names are latin1 strings (one
 * char per byte, so any Linux file name round-trips). Results are values or -errno.
 */
export interface Backend {
  /** statfs/mountinfo type name. */
  readonly fsType: string;
  /** Guest mount point (set by the mount table). */
  point: string;
  lstat(rel: string, c: Caller): StatInfo | number;
  readlink(rel: string, c: Caller): string | number;
  /** For magic links only (procfs): what the link names; null for an ordinary symlink. */
  magic(rel: string, c: Caller): MagicTarget | null;
  /** Entries without '.' and '..'. */
  readdir(rel: string, c: Caller): DirEnt[] | number;
  /** Opens an existing object (any type but symlink); `st` is its lstat. */
  open(rel: string, flags: number, st: StatInfo, c: Caller): FileDescription | number;
  /** Creates and opens a new regular file; -EEXIST if the name exists. */
  create(rel: string, flags: number, mode: number, c: Caller): FileDescription | number;
  /** O_TMPFILE: an unnamed regular file in directory `rel`. */
  tmpfile(rel: string, flags: number, mode: number, c: Caller): FileDescription | number;
  mkdir(rel: string, mode: number): number;
  /** A FIFO or regular file (mode carries the type). */
  mknod(rel: string, mode: number): number;
  symlink(target: string, rel: string): number;
  link(oldRel: string, newRel: string): number;
  unlink(rel: string): number;
  rmdir(rel: string): number;
  /** rename(2) within this mount; the VFS checked the POSIX rules already. */
  rename(oldRel: string, newRel: string): number;
  /** renameat2(RENAME_EXCHANGE). */
  exchange(aRel: string, bRel: string): number;
  chmod(rel: string, mode: number): number;
  /** uid/gid -1 = unchanged; never follows a final symlink. */
  chown(rel: string, uid: number, gid: number): number;
  /** Never follows a final symlink. */
  utimens(rel: string, atimeNs: bigint, mtimeNs: bigint): number;
  truncate(rel: string, length: number): number;
  statfs(rel: string): StatFsInfo | number;
}

/** The kernel's dev_t encoding (new_encode_dev). */
export function makedev(major: number, minor: number): number {
  return (minor & 0xff) + (major & 0xfff) * 256 + (minor - (minor & 0xff)) * 4096;
}

/** Major number of a dev_t. */
export function devMajor(dev: number): number {
  return ((dev >>> 8) & 0xfff) | (Math.floor(dev / 2 ** 32) & ~0xfff);
}

/** Minor number of a dev_t. */
export function devMinor(dev: number): number {
  return (dev & 0xff) | ((dev >>> 12) & 0xfff00);
}

/** d_type of a mode. */
export function dtype(mode: number): number {
  return (mode >>> 12) & 15;
}
