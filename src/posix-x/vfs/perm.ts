// Discretionary access control as path_resolution(7) "Permissions" and access(2) describe:
// owner / group / other bits, and the superuser's override (read and write always; execute when
// any execute bit is set; search of directories always). The guest runs as the invoking user.
import { S_IFDIR, S_IFMT } from '../../musl-shim/abi/fcntl.js';
import type { StatInfo } from './file.js';

/** Access bits as access(2) spells them. */
export const R_OK = 4, W_OK = 2, X_OK = 1;

/** The credentials every guest process has (the host user's). */
export const CRED = {
  uid: process.geteuid?.() ?? 0,
  gid: process.getegid?.() ?? 0,
  ruid: process.getuid?.() ?? 0,
  rgid: process.getgid?.() ?? 0,
  groups: process.getgroups?.() ?? [],
};

/** True when `uid`/`gid` (effective by default) may access an object with mode/owner `st` for `want`. */
export function mayAccess(st: StatInfo, want: number, uid = CRED.uid, gid = CRED.gid): boolean {
  if (want === 0) return true;
  if (uid === 0) {
    if (!(want & X_OK)) return true;
    return (st.mode & S_IFMT) === S_IFDIR || (st.mode & 0o111) !== 0;
  }
  let bits: number;
  if (st.uid === uid) bits = (st.mode >> 6) & 7;
  else if (st.gid === gid || CRED.groups.includes(st.gid)) bits = (st.mode >> 3) & 7;
  else bits = st.mode & 7;
  return (bits & want) === want;
}

/** True when the caller owns the object or is privileged (chmod(2), utimensat(2) EPERM rules). */
export function isOwner(st: StatInfo): boolean {
  return CRED.uid === 0 || st.uid === CRED.uid;
}

/**
 * The sticky-directory rule (unlink(2), rename(2) EPERM): in a directory with S_ISVTX only the
 * owner of the entry, the owner of the directory or a privileged user may remove the entry.
 */
export function mayDeleteSticky(dir: StatInfo, victim: StatInfo): boolean {
  if (!(dir.mode & 0o1000)) return true;
  return CRED.uid === 0 || victim.uid === CRED.uid || dir.uid === CRED.uid;
}
