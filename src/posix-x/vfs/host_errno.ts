// Host (node:fs) error codes → Linux errno, in one place (STYLE.md "Errors"). Node reports the
// host's errno name in err.code; the host is Linux, so the names map one to one.
import * as E from '../../musl-shim/abi/errno.js';

const BY_NAME = new Map<string, number>();
for (const [k, v] of Object.entries(E)) if (typeof v === 'number' && k.startsWith('E')) BY_NAME.set(k, v);

/** The errno for a host error; throws for anything that is not a host errno (a runtime bug). */
export function hostErrno(e: unknown): number {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    const n = BY_NAME.get(code);
    if (n !== undefined) return n;
  }
  throw e;
}
