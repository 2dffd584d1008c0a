// Synthetic /proc (proc(5)): self and thread-self, per-process directories (exe, cwd, root, fd/,
// fdinfo/, maps from the AddressSpace's VMAs, status, stat, statm, cmdline, environ, comm,
// limits, mounts, mountinfo, task/), and the system files musl and common tools read (cpuinfo
// advertising only what our CPUID does, meminfo, uptime, version, loadavg, stat, sys/kernel/...).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { CPUID1_ECX, CPUID1_EDX, CPUID7_EBX, CPUIDX1_ECX, CPUIDX1_EDX } from '../../cpu/cpuid.js';
import type { PxProcess } from '../context.js';
import { CRED } from './perm.js';
import { SynthBackend, type SynthNode } from './synth.js';
import { type Caller, devMajor, devMinor, PROC_SUPER_MAGIC } from './types.js';

/** What /proc shows of the machine: its processes and its mount table. */
export interface ProcSource {
  processById(pid: number): PxProcess | undefined;
  pids(): number[];
  mounts(): { point: string; fsType: string; source: string; ro: boolean; dev: number }[];
}

const BOOT_ID = randomUUID();
const START_MS = Date.now();

function dir(names: string[] | (() => string[]), mode = 0o555): SynthNode {
  return { kind: 'dir', mode, list: typeof names === 'function' ? names : () => names };
}
function file(read: (c: Caller) => string | Uint8Array, mode = 0o444): SynthNode {
  return { kind: 'file', mode, read };
}

/** /proc/cpuinfo flag names by CPUID register and bit (arch/x86/include/asm/cpufeatures.h). */
const FLAG_NAMES: [() => number, [number, string][]][] = [
  [() => CPUID1_EDX, [[0, 'fpu'], [4, 'tsc'], [8, 'cx8'], [15, 'cmov'], [19, 'clflush'], [23, 'mmx'], [24, 'fxsr'], [25, 'sse'], [26, 'sse2']]],
  [() => CPUIDX1_EDX, [[11, 'syscall'], [20, 'nx'], [27, 'rdtscp'], [29, 'lm']]],
  [() => CPUID1_ECX, [[0, 'pni'], [1, 'pclmulqdq'], [9, 'ssse3'], [12, 'fma'], [13, 'cx16'], [19, 'sse4_1'], [20, 'sse4_2'], [22, 'movbe'],
    [23, 'popcnt'], [25, 'aes'], [26, 'xsave'], [28, 'avx'], [29, 'f16c'], [30, 'rdrand']]],
  [() => CPUIDX1_ECX, [[0, 'lahf_lm'], [5, 'abm'], [8, '3dnowprefetch']]],
  [() => CPUID7_EBX, [[0, 'fsgsbase'], [3, 'bmi1'], [5, 'avx2'], [8, 'bmi2'], [9, 'erms'], [18, 'rdseed'], [19, 'adx'], [29, 'sha_ni']]],
];

/** Names of the CPU features our CPUID reports (and only those), in /proc/cpuinfo order. */
function cpuFlags(): string {
  const f: string[] = [];
  for (const [reg, bits] of FLAG_NAMES) for (const [b, n] of bits) if (reg() & (1 << b)) f.push(n);
  return f.join(' ');
}

const SYSTEM: Record<string, SynthNode> = {
  cpuinfo: file(() => `processor\t: 0\nvendor_id\t: ExoExoExoExo\ncpu family\t: 6\nmodel\t\t: 60\n` +
    `model name\t: Exo x86-64 interpreter\nstepping\t: 3\ncpu MHz\t\t: 1000.000\ncache size\t: 0 KB\n` +
    `physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\nfpu\t\t: yes\nfpu_exception\t: yes\n` +
    `cpuid level\t: 7\nwp\t\t: yes\nflags\t\t: ${cpuFlags()}\nbogomips\t: 2000.00\nclflush size\t: 64\n` +
    `cache_alignment\t: 64\naddress sizes\t: 48 bits physical, 48 bits virtual\npower management:\n\n`),
  meminfo: file(() => {
    const kb = (n: number): string => String(Math.floor(n / 1024)).padStart(8) + ' kB';
    const total = os.totalmem(), free = os.freemem();
    return `MemTotal:       ${kb(total)}\nMemFree:        ${kb(free)}\nMemAvailable:   ${kb(free)}\n` +
      `Buffers:        ${kb(0)}\nCached:         ${kb(0)}\nSwapCached:     ${kb(0)}\nSwapTotal:      ${kb(0)}\n` +
      `SwapFree:       ${kb(0)}\nShmem:          ${kb(0)}\nCommitLimit:    ${kb(total)}\nHugePages_Total:       0\n` +
      `Hugepagesize:       2048 kB\n`;
  }),
  uptime: file(() => `${os.uptime().toFixed(2)} ${os.uptime().toFixed(2)}\n`),
  version: file(() => `Linux version ${os.release()} (exo@exo) (exo) ${os.version()}\n`),
  loadavg: file(() => `${os.loadavg().map((l) => l.toFixed(2)).join(' ')} 1/1 1\n`),
  filesystems: file(() => 'nodev\tproc\nnodev\ttmpfs\nnodev\tdevtmpfs\n\text4\n'),
  cmdline: file(() => 'exo\n'),
  mounts: { kind: 'link', target: () => 'self/mounts' },
  self: { kind: 'link', target: (c) => String(c.proc.pid) },
  'thread-self': { kind: 'link', target: (c) => `${c.proc.pid}/task/${c.tid}` },
  sys: dir(['fs', 'kernel', 'net', 'vm']),
  'sys/fs': dir(['file-max', 'nr_open', 'pipe-max-size']),
  'sys/fs/file-max': file(() => '9223372036854775807\n'),
  'sys/fs/nr_open': file(() => '1048576\n'),
  'sys/fs/pipe-max-size': file(() => '1048576\n'),
  'sys/kernel': dir(['cap_last_cap', 'domainname', 'hostname', 'ngroups_max', 'osrelease', 'ostype', 'overflowgid',
    'overflowuid', 'pid_max', 'random', 'threads-max', 'version']),
  'sys/kernel/cap_last_cap': file(() => '40\n'),
  'sys/kernel/domainname': file(() => '(none)\n'),
  'sys/kernel/hostname': file(() => os.hostname() + '\n'),
  'sys/kernel/ngroups_max': file(() => '65536\n'),
  'sys/kernel/osrelease': file(() => os.release() + '\n'),
  'sys/kernel/ostype': file(() => 'Linux\n'),
  'sys/kernel/overflowgid': file(() => '65534\n'),
  'sys/kernel/overflowuid': file(() => '65534\n'),
  'sys/kernel/pid_max': file(() => '4194304\n'),
  'sys/kernel/threads-max': file(() => '126000\n'),
  'sys/kernel/version': file(() => os.version() + '\n'),
  'sys/kernel/random': dir(['boot_id', 'entropy_avail', 'poolsize', 'uuid']),
  'sys/kernel/random/boot_id': file(() => BOOT_ID + '\n'),
  'sys/kernel/random/entropy_avail': file(() => '256\n'),
  'sys/kernel/random/poolsize': file(() => '256\n'),
  'sys/kernel/random/uuid': file(() => randomUUID() + '\n'),
  'sys/net': dir(['core']),
  'sys/net/core': dir(['somaxconn']),
  'sys/net/core/somaxconn': file(() => '4096\n'),
  'sys/vm': dir(['max_map_count', 'overcommit_memory']),
  'sys/vm/max_map_count': file(() => '65530\n'),
  'sys/vm/overcommit_memory': file(() => '0\n'),
};

const PER_PID = ['cmdline', 'comm', 'cwd', 'environ', 'exe', 'fd', 'fdinfo', 'limits', 'maps', 'mountinfo', 'mounts',
  'oom_score_adj', 'root', 'stat', 'statm', 'status', 'task'];

/** What readlink(/proc/PID/fd/N) says about a description. */
export function fdLinkText(f: { guestPath(): string | null; path: string; stat(): unknown }): string {
  const g = f.guestPath();
  if (g !== null) return g;
  if (f.path.startsWith('/')) return f.path + ' (deleted)';
  return f.path !== '' ? f.path : 'anon_inode:[unknown]';
}

/** The /proc file system. */
export class ProcBackend extends SynthBackend {
  readonly fsType = 'proc';
  readonly magicNumber = PROC_SUPER_MAGIC;

  constructor(dev: number, private readonly src: ProcSource) { super(dev); }

  protected override owner(rel: string): [number, number] {
    return rel === '' || Object.hasOwn(SYSTEM, rel) ? [0, 0] : [CRED.uid, CRED.gid];
  }

  lookup(rel: string, c: Caller): SynthNode | null {
    if (rel === '') {
      return dir(() => [...this.src.pids().map(String), ...Object.keys(SYSTEM).filter((k) => !k.includes('/'))]);
    }
    if (Object.hasOwn(SYSTEM, rel)) return SYSTEM[rel];
    const parts = rel.split('/');
    if (!/^[1-9]\d*$/.test(parts[0])) return null;
    const pid = Number(parts[0]);
    const p = this.src.processById(pid) ?? (c.proc.pid === pid ? c.proc : undefined);
    if (p === undefined || p.reaped) return null;
    if (parts[1] === 'task') {
      if (parts.length === 2) return dir(() => p.threads.map((t) => String(t.tid)));
      if (!p.threads.some((t) => String(t.tid) === parts[2])) return null;
      if (parts.length === 3) return dir(PER_PID.filter((n) => n !== 'task'));
      if (parts[3] === 'task') return null;
      return this.pidNode(p, parts.slice(3), c);
    }
    if (parts.length === 1) return dir(PER_PID);
    return this.pidNode(p, parts.slice(1), c);
  }

  private pidNode(p: PxProcess, sub: string[], c: Caller): SynthNode | null {
    const name = sub[0];
    if (name === 'fd' || name === 'fdinfo') {
      if (sub.length === 1) return dir(() => p.fds.fds().map(String), 0o500);
      if (sub.length !== 2 || !/^(0|[1-9]\d*)$/.test(sub[1])) return null;
      const e = p.fds.get(Number(sub[1]));
      if (e === undefined) return null;
      const f = e.cap.obj;
      if (name === 'fdinfo') {
        return file(() => {
          const st = f.stat();
          const ino = typeof st === 'number' ? 0 : st.ino;
          return `pos:\t${f.offset}\nflags:\t0${((f.flags | (e.cloexec ? 0o2000000 : 0)) >>> 0).toString(8)}\nmnt_id:\t0\nino:\t${ino}\n`;
        });
      }
      return { kind: 'link', target: () => fdLinkText(f), magic: () => ({ desc: f }) };
    }
    if (sub.length !== 1) return null;
    switch (name) {
      case 'exe': return { kind: 'link', target: () => p.exe };
      case 'cwd': return { kind: 'link', target: () => p.cwd, magic: () => ({ path: p.cwd }) };
      case 'root': return { kind: 'link', target: () => '/', magic: () => ({ path: '/' }) };
      case 'cmdline': return file(() => zeroJoin(p.argv));
      case 'environ': return file(() => zeroJoin(p.envp), 0o400);
      case 'comm': return { kind: 'file', mode: 0o644, read: () => p.comm + '\n', write: (_c, d) => { p.comm = Buffer.from(d).toString('latin1').replace(/\n$/, '').slice(0, 15); return d.length; } };
      case 'oom_score_adj': return { kind: 'file', mode: 0o644, read: () => '0\n', write: (_c, d) => d.length };
      case 'maps': return file(() => maps(p));
      case 'status': return file(() => status(p, c));
      case 'stat': return file(() => statLine(p));
      case 'statm': return file(() => { const v = vsize(p) / 4096; return `${v} ${v} 0 0 0 ${v} 0\n`; });
      case 'limits': return file(() => limits(p));
      case 'mounts': return file(() => this.src.mounts().map((m) => `${m.source} ${m.point} ${m.fsType} ${m.ro ? 'ro' : 'rw'} 0 0\n`).join(''));
      case 'mountinfo': return file(() => this.src.mounts().map((m, k) =>
        `${k + 20} ${k === 0 ? 1 : 20} ${devMajor(m.dev)}:${devMinor(m.dev)} / ${m.point} ${m.ro ? 'ro' : 'rw'} - ${m.fsType} ${m.source} ${m.ro ? 'ro' : 'rw'}\n`).join(''));
    }
    return null;
  }
}

function zeroJoin(list: string[]): Uint8Array {
  return Buffer.from(list.map((s) => s + '\0').join(''), 'latin1');
}

function vsize(p: PxProcess): number {
  let n = 0;
  for (const v of p.mem.vmas) n += v.end - v.start;
  return n;
}

/** /proc/PID/maps lines (proc(5)): address perms offset dev inode pathname. */
function maps(p: PxProcess): string {
  return p.mem.vmas.map((v) => {
    const perms = (v.prot & 1 ? 'r' : '-') + (v.prot & 2 ? 'w' : '-') + (v.prot & 4 ? 'x' : '-') + (v.shared ? 's' : 'p');
    const head = `${v.start.toString(16).padStart(8, '0')}-${v.end.toString(16).padStart(8, '0')} ${perms} 00000000 00:00 0`;
    return v.name === '' ? head + '\n' : head.padEnd(73) + v.name + '\n';
  }).join('');
}

function sigHex(lo: number, hi: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function status(p: PxProcess, c: Caller): string {
  const t = p.threads.find((x) => x.tid === c.tid) ?? p.threads[0];
  let ign = [0, 0], cgt = [0, 0];
  p.sigactions.forEach((a, s) => {
    if (s === 0) return;
    const w = s <= 32 ? 0 : 1, bit = 1 << ((s - 1) & 31);
    if (a.handler === 1) ign[w] |= bit; else if (a.handler > 1) cgt[w] |= bit;
  });
  const kb = Math.floor(vsize(p) / 1024);
  const ids = `${CRED.ruid}\t${CRED.uid}\t${CRED.uid}\t${CRED.uid}`;
  const gids = `${CRED.rgid}\t${CRED.gid}\t${CRED.gid}\t${CRED.gid}`;
  return `Name:\t${p.comm}\nUmask:\t${p.umask.toString(8).padStart(4, '0')}\nState:\tR (running)\nTgid:\t${p.pid}\n` +
    `Ngid:\t0\nPid:\t${p.pid}\nPPid:\t${p.ppid}\nTracerPid:\t0\nUid:\t${ids}\nGid:\t${gids}\nFDSize:\t${Math.max(64, p.fds.limit)}\n` +
    `Groups:\t${CRED.groups.join(' ')}\nVmPeak:\t${String(kb).padStart(8)} kB\nVmSize:\t${String(kb).padStart(8)} kB\n` +
    `VmRSS:\t${String(kb).padStart(8)} kB\nThreads:\t${p.threads.length}\nSigQ:\t0/126000\n` +
    `SigPnd:\t${sigHex(t?.pendingLo ?? 0, t?.pendingHi ?? 0)}\nShdPnd:\t0000000000000000\n` +
    `SigBlk:\t${sigHex(t?.sigmaskLo ?? 0, t?.sigmaskHi ?? 0)}\nSigIgn:\t${sigHex(ign[0], ign[1])}\nSigCgt:\t${sigHex(cgt[0], cgt[1])}\n` +
    `CapInh:\t0000000000000000\nCapPrm:\t${CRED.uid === 0 ? '000001ffffffffff' : '0000000000000000'}\n` +
    `CapEff:\t${CRED.uid === 0 ? '000001ffffffffff' : '0000000000000000'}\nCapBnd:\t000001ffffffffff\n` +
    `CapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\nCpus_allowed:\t1\nCpus_allowed_list:\t0\n` +
    `voluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n`;
}

/** /proc/PID/stat: the 52 fields of proc(5). */
function statLine(p: PxProcess): string {
  const ticks = Math.floor((Date.now() - START_MS) / 10);
  const f = [p.pid, `(${p.comm})`, p.exited ? 'Z' : 'R', p.ppid, p.pgid, p.sid, 0, -1, 4194560, 0, 0, 0, 0, ticks, 0, 0, 0, 20, 0,
    p.threads.length, 0, 0, vsize(p), Math.floor(vsize(p) / 4096), '18446744073709551615', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return f.join(' ') + '\n';
}

function limits(p: PxProcess): string {
  const rows: [string, string, string, string][] = [
    ['Max cpu time', 'unlimited', 'unlimited', 'seconds'], ['Max file size', 'unlimited', 'unlimited', 'bytes'],
    ['Max data size', 'unlimited', 'unlimited', 'bytes'], ['Max stack size', '8388608', 'unlimited', 'bytes'],
    ['Max core file size', '0', 'unlimited', 'bytes'], ['Max resident set', 'unlimited', 'unlimited', 'bytes'],
    ['Max processes', '4096', '4096', 'processes'], ['Max open files', String(p.fds.limit), '4096', 'files'],
  ];
  return 'Limit                     Soft Limit           Hard Limit           Units     \n' +
    rows.map(([n, s, h, u]) => `${n.padEnd(26)}${s.padEnd(21)}${h.padEnd(21)}${u.padEnd(10)}\n`).join('');
}
