// Exo capabilities: every file descriptor names a capability, an object reference plus the
// rights the holder has on it (read, write, seek, stat, ...). POSIX-X checks rights here before
// an operation reaches the object, so a narrowed capability cannot be widened by the guest.
/** Rights bits. */
export const RIGHT_READ = 1 << 0;
export const RIGHT_WRITE = 1 << 1;
export const RIGHT_SEEK = 1 << 2;
export const RIGHT_STAT = 1 << 3;
export const RIGHT_READDIR = 1 << 4;
export const RIGHT_MMAP = 1 << 5;
export const RIGHT_IOCTL = 1 << 6;
export const RIGHT_ALL = (1 << 7) - 1;

/** An object reference with rights. */
export class Capability<T> {
  constructor(readonly obj: T, readonly rights: number) {}

  /** True when every bit of `need` is granted. */
  has(need: number): boolean {
    return (this.rights & need) === need;
  }

  /** The same object with fewer rights (never more). */
  narrow(rights: number): Capability<T> {
    return new Capability(this.obj, this.rights & rights);
  }
}
