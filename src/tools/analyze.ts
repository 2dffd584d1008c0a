// `exo-run analyze <elf>`: will this binary run under Exo, and why not? Static checks only:
// ELF validation (the loader's), a linear-sweep decode of the executable sections with Exo's own
// decoder (unknown encodings, CPU features the code uses vs what CPUID advertises), and the
// syscall numbers the code loads right before `syscall` instructions, graded against the
// syscall table's support levels. The score starts at 100 and loses points per finding.
import fs from 'node:fs';
import { AddressSpace, PhysMem, PROT_EXEC } from '../cpu/memory.js';
import { decode, lastBytes } from '../cpu/decode/decoder.js';
import { ALL_ROWS } from '../cpu/decode/table.js';
import { parseElf, type ElfImage } from '../loader/elf.js';
import { loadElf } from '../loader/load.js';
import { LoadError } from '../loader/errors.js';
import { SYSCALLS } from '../posix-x/syscall_table.js';

/** One reason the score went down (or a note that did not cost points). */
export interface Finding {
  severity: 'fatal' | 'major' | 'minor' | 'info';
  message: string;
}

/** The analysis of one binary. */
export interface Analysis {
  file: string;
  score: number;
  libc: string;
  instructions: number;
  unknown: { bytes: string; count: number; first: number }[];
  syscalls: { nr: number; name: string; support: string; note?: string }[];
  findings: Finding[];
}

let phys: PhysMem | null = null;

function libcOf(img: ElfImage): string {
  const text = Buffer.from(img.bytes).toString('latin1');
  if (img.symbols.some((s) => s.name === '__libc_start_main') && text.includes('GLIBC')) return 'glibc';
  if (text.includes('GNU C Library') || text.includes('GLIBC_')) return 'glibc';
  if (img.symbols.some((s) => s.name === '__libc_start_main' || s.name === '__init_libc')) return 'musl';
  if (text.includes('musl')) return 'musl';
  return 'unknown';
}

/** Analyses a file; never throws for bad input (a LoadError becomes a fatal finding). */
export function analyze(file: string): Analysis {
  const res: Analysis = { file, score: 100, libc: 'unknown', instructions: 0, unknown: [], syscalls: [], findings: [] };
  let img: ElfImage;
  try {
    img = parseElf(fs.readFileSync(file), file);
  } catch (e) {
    const msg = e instanceof LoadError ? e.problem : (e as Error).message;
    res.score = 0;
    res.findings.push({ severity: 'fatal', message: msg });
    return res;
  }
  res.libc = libcOf(img);
  if (res.libc === 'glibc') res.findings.push({ severity: 'info', message: 'static glibc binary (musl is the primary target; glibc static binaries usually run)' });
  for (const w of img.warnings) res.findings.push({ severity: 'info', message: w });
  phys ??= new PhysMem(256 * 1024 * 1024);
  const mem = new AddressSpace(phys);
  try {
    const loaded = loadElf(mem, img, { argv: [file], envp: [], execfn: file, random: new Uint8Array(16), uid: 0, gid: 0, euid: 0, egid: 0 });
    sweep(mem, img, loaded.base, res);
  } finally {
    mem.destroy();
  }
  grade(res);
  return res;
}

/** Linear-sweep decode of the executable sections (or segments when there are no sections). */
function sweep(mem: AddressSpace, img: ElfImage, bias: number, res: Analysis): void {
  // SHF_EXECINSTR (4) PROGBITS (1) sections, at their load address.
  let ranges: [number, number][] = img.sections
    .filter((s) => (s.flags & 4) !== 0 && s.size > 0 && s.type === 1)
    .map((s) => [s.addr + bias, s.size]);
  if (ranges.length === 0) ranges = mem.vmas.filter((v) => v.prot & PROT_EXEC).map((v) => [v.start, v.end - v.start]);
  const unknown = new Map<string, { count: number; first: number }>();
  const features = new Map<string, number>();
  const featureOf = new Map(ALL_ROWS.filter((r) => r.feature).map((r) => [r.name + ':' + r.map + ':' + r.code, r.feature!]));
  const sysnrs = new Map<number, number>();
  let lastEax = -1;
  for (const [start, size] of ranges) {
    let pc = start;
    while (pc < start + size) {
      let ins;
      try {
        ins = decode(mem, pc);
      } catch {
        break;
      }
      res.instructions++;
      if (ins.name === '(bad)') {
        const key = lastBytes().slice(0, 4).map((b) => b.toString(16).padStart(2, '0')).join(' ');
        const u = unknown.get(key);
        if (u) u.count++; else unknown.set(key, { count: 1, first: pc });
        lastEax = -1;
      } else {
        const f = featureOf.get(ins.name + ':' + ins.map + ':' + ins.opcode);
        if (f) features.set(f, (features.get(f) ?? 0) + 1);
        if (ins.name === 'mov' && !ins.isMem && (ins.opcode === 0xb8 || ins.opcode === 0xc7) && ins.reg === 0 && ins.map === 0) lastEax = ins.imm;
        else if (ins.name === 'mov' && ins.opcode === 0xc7 && !ins.isMem && ins.rm === 0) lastEax = ins.imm;
        else if (ins.name === 'syscall') {
          if (lastEax >= 0) sysnrs.set(lastEax, (sysnrs.get(lastEax) ?? 0) + 1);
          lastEax = -1;
        } else if (ins.end) lastEax = -1;
      }
      pc = ins.next;
    }
  }
  res.unknown = [...unknown.entries()].map(([bytes, v]) => ({ bytes, ...v })).sort((a, b) => b.count - a.count);
  for (const [nr] of [...sysnrs.entries()].sort((a, b) => a[0] - b[0])) {
    const row = SYSCALLS[nr];
    res.syscalls.push({ nr, name: row?.name ?? `syscall_${nr}`, support: row ? (row.fn ? row.support : 'missing') : 'unknown', note: row?.note });
  }
  if (features.size > 0) {
    res.findings.push({ severity: 'info', message: `CPU extensions used: ${[...features.entries()].map(([f, n]) => `${f} (${n})`).join(', ')}` });
  }
}

function grade(res: Analysis): void {
  const unk = res.unknown.reduce((a, u) => a + u.count, 0);
  if (unk > 0) {
    // Linear sweep also decodes data in .text, so a few "unknown" sequences are expected noise.
    const frac = unk / Math.max(1, res.instructions);
    const pen = Math.min(40, Math.round(frac * 2000) + Math.min(10, res.unknown.length));
    res.score -= pen;
    res.findings.push({
      severity: frac > 0.005 ? 'major' : 'minor',
      message: `${unk} instruction(s) Exo cannot decode (${res.unknown.length} distinct; most common: ${res.unknown.slice(0, 5).map((u) => `${u.bytes} ×${u.count} at 0x${u.first.toString(16)}`).join(', ')}) — SIGILL if executed`,
    });
  }
  for (const s of res.syscalls) {
    if (s.support === 'missing' || s.support === 'unknown') {
      res.score -= 8;
      res.findings.push({ severity: 'major', message: `uses ${s.name} (${s.nr}): not implemented, returns ENOSYS` });
    } else if (s.support === 'stub') {
      res.score -= 3;
      res.findings.push({ severity: 'minor', message: `uses ${s.name} (${s.nr}): stub${s.note ? ` (${s.note})` : ''}` });
    } else if (s.support === 'partial') {
      res.score -= 1;
      res.findings.push({ severity: 'minor', message: `uses ${s.name} (${s.nr}): partial${s.note ? ` (${s.note})` : ''}` });
    }
  }
  res.score = Math.max(0, Math.min(100, res.score));
}

/** Human-readable report. */
export function formatAnalysis(a: Analysis): string {
  const lines = [`${a.file}: compatibility ${a.score}/100`];
  if (a.instructions > 0) lines.push(`  libc: ${a.libc}; ${a.instructions} instructions decoded; ${a.syscalls.length} distinct syscalls found`);
  const order = { fatal: 0, major: 1, minor: 2, info: 3 } as const;
  for (const f of [...a.findings].sort((x, y) => order[x.severity] - order[y.severity])) lines.push(`  [${f.severity}] ${f.message}`);
  if (a.syscalls.length > 0) lines.push(`  syscalls: ${a.syscalls.map((s) => `${s.name}${s.support === 'full' ? '' : `(${s.support})`}`).join(' ')}`);
  return lines.join('\n');
}
