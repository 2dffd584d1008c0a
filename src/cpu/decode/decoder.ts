// x86-64 instruction decoder (Intel SDM Vol. 2 §2.1–2.3: legacy prefixes, REX, VEX, opcode maps,
// ModRM/SIB, RIP-relative addressing, displacements and immediates). Driven entirely by the
// opcode table (table.ts); runs once per instruction address, results are cached by the caller.
import type { AddressSpace } from '../memory.js';
import { Insn, REP_F2, REP_F3, SEG_FS, SEG_GS, type Handler } from './insn.js';
import type { Row } from './row.js';
import { ALL_ROWS } from './table.js';
import { opUD } from '../ops/traps.js';
import { specialize } from '../ops/fast.js';

/** Decoding facts derived once per row from its operand string. */
interface RowInfo {
  row: Row;
  modrm: boolean;
  /** Immediate kinds in encoding order. */
  imms: string[];
  /** Which operands are byte registers subject to the AH..BH rule. */
  byteE: boolean;
  byteG: boolean;
  byteZ: boolean;
  zreg: boolean;
  pfxCode: number; // -1 any, 0 none, 1 66, 2 f3, 3 f2
}

const MODRM_OPS = /^(E|G|M|R|W|V|U|N|P|Q|S|C|D)([a-z0-9]|$)/;

function info(row: Row): RowInfo {
  const toks = row.ops === '' ? [] : row.ops.split(',');
  const imms: string[] = [];
  let modrm = row.ext !== undefined || row.mod !== undefined;
  let byteE = false, byteG = false, byteZ = false, zreg = false;
  for (const t of toks) {
    if (MODRM_OPS.test(t)) modrm = true;
    if (t === 'Eb' || t === 'Rb') byteE = true;
    if (t === 'Gb') byteG = true;
    if (t === 'Zb') { byteZ = true; zreg = true; }
    if (t === 'Zv' || t === 'Zq' || t === 'Zd') zreg = true;
    if (/^(I[bwzvd]|J[bz]|O[bv]|L)/.test(t)) imms.push(t.slice(0, 2));
  }
  const pfxCode = row.pfx === undefined ? -1 : ['none', '66', 'f3', 'f2'].indexOf(row.pfx);
  return { row, modrm, imms, byteE, byteG, byteZ, zreg, pfxCode };
}

// Lookup: maps[map][code] → candidate rows (most specific first).
const maps: RowInfo[][][] = [0, 1, 2, 3].map(() => Array.from({ length: 256 }, () => []));
for (const row of ALL_ROWS) {
  const ri = info(row);
  if (ri.zreg) {
    for (let k = 0; k < 8; k++) maps[row.map][row.code + k].push(ri);
  } else maps[row.map][row.code].push(ri);
}
for (const m of maps) for (const list of m) {
  const score = (r: RowInfo): number => (r.pfxCode >= 0 ? 4 : 0) + (r.row.ext !== undefined ? 2 : 0) + (r.row.mod ? 1 : 0) + (r.row.w !== undefined ? 1 : 0);
  list.sort((a, b) => score(b) - score(a));
}

/** Whether any row exists for the given map/opcode (used by analyze and the coverage report). */
export function hasRows(map: number, code: number): boolean {
  return maps[map][code].length > 0;
}

/** The reason decode stopped without an instruction. */
export class DecodeError {
  constructor(readonly kind: 'ud' | 'toolong', readonly bytes: number[]) {}
}

/** Byte-fetch cursor over guest memory; checks execute permission on each new page. */
class Cursor {
  pos = 0;
  start = 0;
  lastPage = -1;
  bytes: number[] = [];
  mem!: AddressSpace;

  reset(mem: AddressSpace, addr: number): void {
    this.mem = mem;
    this.pos = addr;
    this.start = addr;
    this.lastPage = -1;
    this.bytes.length = 0;
  }

  u8(): number {
    const a = this.pos;
    const page = a - (a & 4095);
    if (page !== this.lastPage) {
      this.mem.fetchCheck(a);
      this.lastPage = page;
    }
    if (a - this.start >= 15) throw new DecodeError('toolong', this.bytes.slice());
    const b = this.mem.read8(a);
    this.bytes.push(b);
    this.pos = a + 1;
    return b;
  }

  s8(): number { return (this.u8() << 24) >> 24; }
  u16(): number { return this.u8() | (this.u8() << 8); }
  s32(): number { return this.u8() | (this.u8() << 8) | (this.u8() << 16) | (this.u8() << 24); }
}

const cur = new Cursor();

function illegal(i: Insn): Insn {
  i.fn = opUD;
  i.name = '(bad)';
  return i;
}

/**
 * Decodes one instruction at addr. Guest page faults during fetch propagate as GuestFault; an
 * undefined encoding yields an Insn whose handler raises #UD (so the fault happens in order).
 */
export function decode(mem: AddressSpace, addr: number): Insn {
  const i = new Insn(opUD);
  i.addr = addr;
  cur.reset(mem, addr);
  try {
    decodeInto(i);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    illegal(i);
    i.end = true;
    i.len = Math.max(1, cur.pos - addr);
  }
  i.next = addr + i.len;
  return i;
}

/** The raw bytes of the last decode (for SIGILL messages and the disassembler). */
export function lastBytes(): number[] {
  return cur.bytes.slice();
}

function decodeInto(i: Insn): void {
  let b = cur.u8();
  let p66 = false, rep = 0, lock = false, seg = 0, asize = 8;
  let rex = 0;
  // Legacy prefixes (SDM Vol. 2 §2.1.1); the last F2/F3 wins. A REX prefix counts only when it
  // immediately precedes the opcode (§2.2.1): one followed by another prefix is ignored.
  for (;;) {
    if ((b & 0xf0) === 0x40) { rex = b; b = cur.u8(); continue; }
    let legacy = true;
    if (b === 0x66) p66 = true;
    else if (b === 0xf3) rep = REP_F3;
    else if (b === 0xf2) rep = REP_F2;
    else if (b === 0xf0) lock = true;
    else if (b === 0x64) seg = SEG_FS;
    else if (b === 0x65) seg = SEG_GS;
    else if (b === 0x2e || b === 0x36 || b === 0x3e || b === 0x26) { /* null segments in 64-bit mode */ }
    else if (b === 0x67) asize = 4;
    else legacy = false;
    if (!legacy) break;
    rex = 0;
    b = cur.u8();
  }
  let map = 0;
  let vex = false, vexL = 0, vexW = 0, vvvv = 0, vexPfx = 0;
  if (b === 0xc4 || b === 0xc5) {
    // VEX (SDM Vol. 2 §2.3): in 64-bit mode C4/C5 are always VEX prefixes.
    if (rex || p66 || rep || lock) throw new DecodeError('ud', cur.bytes.slice());
    vex = true;
    const b1 = cur.u8();
    let r = 0, x = 0, bb = 0;
    let b2: number;
    if (b === 0xc5) {
      r = (~b1 >> 7) & 1;
      map = 1;
      b2 = b1;
    } else {
      r = (~b1 >> 7) & 1;
      x = (~b1 >> 6) & 1;
      bb = (~b1 >> 5) & 1;
      map = b1 & 0x1f;
      if (map < 1 || map > 3) throw new DecodeError('ud', cur.bytes.slice());
      b2 = cur.u8();
      vexW = (b2 >> 7) & 1;
    }
    vvvv = (~b2 >> 3) & 15;
    vexL = (b2 >> 2) & 1;
    vexPfx = b2 & 3;
    rex = 0x40 | (vexW << 3) | (r << 2) | (x << 1) | bb;
    b = cur.u8();
  } else if (b === 0x0f) {
    b = cur.u8();
    map = 1;
    if (b === 0x38) { map = 2; b = cur.u8(); }
    else if (b === 0x3a) { map = 3; b = cur.u8(); }
  }
  const cands = maps[map][b];
  if (cands.length === 0) throw new DecodeError('ud', cur.bytes.slice());
  const needModrm = cands.some((c) => c.modrm);
  let modrm = -1;
  if (needModrm) modrm = cur.u8();
  const mod = modrm >> 6;
  const regf = (modrm >> 3) & 7;
  // Mandatory prefix: F2/F3 take precedence over 66 (SDM Vol. 2 §2.1.2); VEX carries its own.
  const mp = vex ? vexPfx : rep === REP_F3 ? 2 : rep === REP_F2 ? 3 : p66 ? 1 : 0;
  const rexW = (rex >> 3) & 1;
  let ri: RowInfo | undefined;
  for (const c of cands) {
    const row = c.row;
    if (c.pfxCode >= 0 && c.pfxCode !== mp) {
      // A row wanting "none" also accepts 66/F3/F2 that act as ordinary prefixes? No: SSE rows
      // are exact. Rows without pfx accept anything.
      continue;
    }
    if (!!row.vex !== vex) continue;
    if (row.vexL !== undefined && row.vexL !== vexL) continue;
    if (row.w !== undefined && row.w !== rexW) continue;
    if (row.ext !== undefined && (modrm < 0 || row.ext !== regf)) continue;
    if (row.mod === 'reg' && mod !== 3) continue;
    if (row.mod === 'mem' && mod === 3) continue;
    if (row.rmf !== undefined && (modrm & 7) !== row.rmf) continue;
    if (c.modrm !== needModrm && !c.modrm) {
      // A row without ModRM sharing an opcode with ModRM rows (rare): treat as mismatch.
      continue;
    }
    ri = c;
    break;
  }
  if (ri === undefined) throw new DecodeError('ud', cur.bytes.slice());
  const row = ri.row;
  // LOCK on a non-lockable instruction or a register destination is #UD (SDM Vol. 2 "LOCK").
  if (lock && (!row.lock || mod === 3 || modrm < 0)) throw new DecodeError('ud', cur.bytes.slice());
  i.fn = row.fn as Handler;
  i.name = row.name;
  i.end = row.end === true;
  i.map = map;
  i.opcode = b;
  i.modrm = modrm;
  i.rex = rex;
  i.p66 = p66;
  i.rep = rep;
  i.lock = lock;
  i.seg = seg;
  i.asize = asize;
  i.vvvv = vvvv;
  i.vexL = vexL;
  i.ext = row.sel ?? 0;
  // Operand size (SDM Vol. 1 §3.6.1, Table 3-4).
  const sizeRule = row.size ?? 'v';
  const sseRow = ri.pfxCode > 0; // 66 consumed as a mandatory prefix
  switch (sizeRule) {
    case 'b': i.size = 1; break;
    case 'w': i.size = 2; break;
    case 'd': i.size = 4; break;
    case 'q': case 'f64': i.size = 8; break;
    case 'd64': i.size = rexW ? 8 : p66 && !sseRow ? 2 : 8; break; // REX.W beats 66
    case 'x': i.size = 16; break;
    case 'y': i.size = vexL ? 32 : 16; break;
    default: i.size = rexW ? 8 : p66 && !(sseRow && ri.pfxCode === 1) ? 2 : 4;
  }
  if (ri.zreg) {
    const r = (b & 7) | ((rex & 1) << 3);
    i.reg = ri.byteZ && rex === 0 && r >= 4 && r < 8 ? 16 + r - 4 : r;
  }
  let ripRel = false;
  if (modrm >= 0) {
    let reg = regf | ((rex & 4) << 1);
    if (ri.byteG && rex === 0 && reg >= 4 && reg < 8) reg = 16 + reg - 4;
    if (!ri.zreg) i.reg = reg;
    const rm = modrm & 7;
    if (mod === 3) {
      let r = rm | ((rex & 1) << 3);
      if (ri.byteE && rex === 0 && r >= 4 && r < 8) r = 16 + r - 4;
      i.rm = r;
      i.isMem = false;
    } else {
      i.isMem = true;
      if (rm === 4) {
        const sib = cur.u8();
        i.scale = 1 << (sib >> 6);
        const idx = ((sib >> 3) & 7) | ((rex & 2) << 2);
        i.index = idx === 4 ? -1 : idx;
        const base = sib & 7;
        if (base === 5 && mod === 0) {
          i.base = -1;
          i.disp = cur.s32();
        } else i.base = base | ((rex & 1) << 3);
      } else if (rm === 5 && mod === 0) {
        ripRel = true;
        i.base = -1;
        i.disp = cur.s32();
      } else i.base = rm | ((rex & 1) << 3);
      if (mod === 1) i.disp = cur.s8();
      else if (mod === 2) i.disp = cur.s32();
    }
  }
  // Immediates.
  for (let n = 0; n < ri.imms.length; n++) {
    switch (ri.imms[n]) {
      case 'Ib': if (n > 0) i.imm2 = cur.u8(); else i.imm = cur.s8(); break;
      case 'Iw': i.imm = cur.u16(); break;
      case 'Iz': i.imm = i.size === 2 ? (cur.u16() << 16) >> 16 : cur.s32(); break;
      case 'Id': i.imm = cur.s32(); break;
      case 'Iv':
        if (i.size === 8) { i.imm = cur.s32(); i.immHi = cur.s32(); }
        else if (i.size === 2) i.imm = cur.u16();
        else i.imm = cur.s32();
        break;
      case 'Jb': i.target = cur.s8(); break;
      case 'Jz': i.target = cur.s32(); break;
      case 'Ob': case 'Ov': {
        const lo = cur.s32();
        const hi = asize === 8 ? cur.s32() : 0;
        i.disp = (hi >>> 0) * 4294967296 + (lo >>> 0);
        i.isMem = true;
        i.base = -1;
        break;
      }
      case 'L': i.imm = cur.u8(); break;
    }
  }
  i.len = cur.pos - cur.start;
  const next = i.addr + i.len;
  if (ripRel) i.disp += next;
  if (ri.imms[0] === 'Jb' || ri.imms[0] === 'Jz') i.target += next;
  i.fn = specialize(i);
}
