// Synthetic /dev: null, zero, full, random, urandom (mem(4), random(4)), tty (tty(4): the
// controlling terminal, here the terminal behind the process's stdio), fd/ stdin stdout stderr
// (links into /proc/self/fd, as udev makes them), and the shm/ and pts/ mount points.
// DIVERGES: a fixed synthetic directory: no other devices, and nodes cannot be added.
import * as E from '../../musl-shim/abi/errno.js';
import { S_IFCHR } from '../../musl-shim/abi/fcntl.js';
import type { FileDescription } from './file.js';
import { MemDevice, SynthBackend, type SynthNode } from './synth.js';
import { type Caller, makedev } from './types.js';

const NAMES = ['fd', 'full', 'null', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout', 'tty', 'urandom', 'zero'];

function mem(kind: 'null' | 'zero' | 'full' | 'random', minor: number, name: string): SynthNode {
  const rdev = makedev(1, minor);
  return { kind: 'dev', mode: S_IFCHR | 0o666, rdev, open: (flags) => new MemDevice(kind, rdev, flags, '/dev/' + name) };
}

/** tty(4): the terminal among the caller's stdio descriptors, or ENXIO without one. */
function openTty(_flags: number, c: Caller): FileDescription | number {
  for (let fd = 0; fd < 3; fd++) {
    const e = c.proc.fds.get(fd);
    if (e !== undefined && e.cap.obj.isTty()) {
      e.cap.obj.refs++;
      return e.cap.obj;
    }
  }
  return -E.ENXIO;
}

const NODES: Record<string, SynthNode> = {
  '': { kind: 'dir', mode: 0o755, list: () => NAMES },
  null: mem('null', 3, 'null'),
  zero: mem('zero', 5, 'zero'),
  full: mem('full', 7, 'full'),
  random: mem('random', 8, 'random'),
  urandom: mem('random', 9, 'urandom'),
  tty: { kind: 'dev', mode: S_IFCHR | 0o666, rdev: makedev(5, 0), open: openTty },
  fd: { kind: 'link', target: () => '/proc/self/fd' },
  stdin: { kind: 'link', target: () => '/proc/self/fd/0' },
  stdout: { kind: 'link', target: () => '/proc/self/fd/1' },
  stderr: { kind: 'link', target: () => '/proc/self/fd/2' },
  shm: { kind: 'dir', mode: 0o1777, list: () => [] },
  pts: { kind: 'dir', mode: 0o755, list: () => [] },
};

/** The /dev file system. */
export class DevBackend extends SynthBackend {
  readonly fsType = 'devtmpfs';
  readonly magicNumber = 0x01021994;

  lookup(rel: string): SynthNode | null {
    return Object.hasOwn(NODES, rel) ? NODES[rel] : null;
  }
}
