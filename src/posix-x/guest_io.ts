// Writers of ABI structs into guest memory (layouts from musl-shim/abi/structs.ts).
import type { AddressSpace } from '../cpu/memory.js';
import * as S from '../musl-shim/abi/structs.js';
import type { StatInfo } from './vfs/file.js';

/** Writes a u64 given as a double (exact below 2^53) or a signed value. */
export function putU64(m: AddressSpace, addr: number, v: number): void {
  m.write64(addr, v | 0, Math.floor(v / 4294967296) | 0);
}

/** Reads a u64 as a double. */
export function getU64(m: AddressSpace, addr: number): number {
  const lo = m.read64(addr);
  return (m.hi >>> 0) * 4294967296 + (lo >>> 0);
}

/** Reads an s64 as a double. */
export function getS64(m: AddressSpace, addr: number): number {
  const lo = m.read64(addr);
  return m.hi * 4294967296 + (lo >>> 0);
}

function putTime(m: AddressSpace, addr: number, ns: bigint): void {
  const sec = ns / 1000000000n;
  const nsec = ns - sec * 1000000000n;
  putU64(m, addr, Number(sec));
  putU64(m, addr + 8, Number(nsec));
}

/** Fills a struct stat. */
export function writeStat(m: AddressSpace, addr: number, s: StatInfo): void {
  const b = new Uint8Array(S.STAT_SIZE);
  m.writeBytes(addr, b); // fault before partially writing, and zero the padding
  putU64(m, addr + S.ST_DEV, s.dev);
  putU64(m, addr + S.ST_INO, s.ino);
  putU64(m, addr + S.ST_NLINK, s.nlink);
  m.write32(addr + S.ST_MODE, s.mode);
  m.write32(addr + S.ST_UID, s.uid);
  m.write32(addr + S.ST_GID, s.gid);
  putU64(m, addr + S.ST_RDEV, s.rdev);
  putU64(m, addr + S.ST_SIZE, s.size);
  putU64(m, addr + S.ST_BLKSIZE, s.blksize);
  putU64(m, addr + S.ST_BLOCKS, s.blocks);
  putTime(m, addr + S.ST_ATIME, s.atimeNs);
  putTime(m, addr + S.ST_MTIME, s.mtimeNs);
  putTime(m, addr + S.ST_CTIME, s.ctimeNs);
}

/** Writes a NUL-terminated string. */
export function putCString(m: AddressSpace, addr: number, s: string): void {
  const b = Buffer.from(s + '\0');
  m.writeBytes(addr, b);
}

/** Reads a path argument: the string, or -EFAULT / -ENAMETOOLONG as a number. */
export function getPath(m: AddressSpace, addr: number): string | number {
  const b = m.readCString(addr, 4096);
  if (b === null) return -36; // ENAMETOOLONG
  return Buffer.from(b).toString('latin1');
}
