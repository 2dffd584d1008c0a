// Specialised forms of the hottest general-purpose handlers. The opcode table names the generic
// handler of each row; after decoding, `specialize` may swap in a variant fixed to one operand
// width, addressing form and ALU kind, so the hot path has no width/kind switches (DESIGN.md:
// dispatch cost dominates the interpreter). Each variant is generated once from a template with
// `new Function` and shared by every instruction of that shape: one monomorphic function per
// shape, no closures (closures over per-instruction helpers measured 1.5x slower).
// Semantics are identical to the generic handlers; the vector tests run through these variants.
import type { Cpu } from '../state.js';
import type { Handler, Insn } from '../decode/insn.js';
import { cond, F_ADD, F_DEC, F_IMUL64, F_INC, F_LOGIC, F_SAR, F_SHL, F_SHR, F_SUB, getCF } from '../flags.js';
import { mulHiU32 } from './mul128.js';
import { opShiftEvIb } from './shift.js';
import { opImulGvEv } from './muldiv.js';
import { opAluAccIz, opAluEvGv, opAluEvIz, opAluGvEv, opTestEvGv, ALU_ADD, ALU_AND, ALU_CMP, ALU_OR, ALU_SUB, ALU_XOR } from './alu.js';
import { opLeaGvM, opMovEvGv, opMovEvIz, opMovGvEv, opMovsx, opMovzx, opMovZvIv } from './mov.js';
import { opCallEv, opCallJz, opJccJz, opJmpEv, opJmpJz, opPopZv, opPushZv, opRet } from './control.js';
import { opCmovGvEv, opSetccEb } from './mov.js';
import { opIncDecEv, opTestAccIz, opTestEvIz } from './alu.js';
import * as SM from './sse_mov.js';
import * as SI from './sse_int.js';

const cache = new Map<string, Handler>();
const bodies = new Map<Handler, string>();

/** The template body of a generated handler (for the block compiler to inline), if any. */
export function templateOf(h: Handler): string | undefined {
  return bodies.get(h);
}

/** Compiles (once) a handler body; `r` is c.r, `m` is c.mem, `cond` the generic evaluator. */
function gen(key: string, body: string): Handler {
  let f = cache.get(key);
  if (f === undefined) {
    const make = new Function('cond', 'mulHiU32', 'getCF', `return function fast_${key.replace(/\W/g, '_')}(c, i) {\n const r = c.r;\n${body}\n};`) as (
      cnd: typeof cond, mh: typeof mulHiU32, gcf: typeof getCF,
    ) => Handler;
    f = make(cond, mulHiU32, getCF);
    cache.set(key, f);
    bodies.set(f, body);
  }
  return f;
}

/** Expression for the effective address of i, or null when the generic path is needed. */
function eaExpr(i: Insn): string | null {
  if (i.seg !== 0 || i.asize !== 8) return null;
  const base = 'i.disp + r[2 * i.base + 1] * 4294967296 + (r[2 * i.base] >>> 0)';
  if (i.base >= 0 && i.index < 0) return base;
  if (i.base >= 0 && i.index >= 0) return `${base} + (r[2 * i.index + 1] * 4294967296 + (r[2 * i.index] >>> 0)) * i.scale`;
  if (i.base < 0 && i.index < 0) return 'i.disp';
  return null;
}

function eaKey(i: Insn): string {
  return i.base >= 0 ? (i.index >= 0 ? 'bi' : 'b') : 'd';
}

const KIND = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];

/** 32-bit ALU body: a (dest value expr), b (source expr), store (statement with `v`). */
function alu32Body(kind: number, a: string, b: string, store: (v: string) => string): string | null {
  switch (kind) {
    case ALU_ADD: return ` const x = ${a}, y = ${b}, v = (x + y) | 0;\n c.fOp = ${F_ADD}; c.fSize = 4; c.fA = x; c.fB = y; c.fRes = v;\n ${store('v')}`;
    case ALU_SUB: return ` const x = ${a}, y = ${b}, v = (x - y) | 0;\n c.fOp = ${F_SUB}; c.fSize = 4; c.fA = x; c.fB = y; c.fRes = v;\n ${store('v')}`;
    case ALU_CMP: return ` const x = ${a}, y = ${b};\n c.fOp = ${F_SUB}; c.fSize = 4; c.fA = x; c.fB = y; c.fRes = (x - y) | 0;`;
    case ALU_AND: return ` const v = ${a} & ${b};\n c.fOp = ${F_LOGIC}; c.fSize = 4; c.fRes = v;\n ${store('v')}`;
    case ALU_OR: return ` const v = ${a} | ${b};\n c.fOp = ${F_LOGIC}; c.fSize = 4; c.fRes = v;\n ${store('v')}`;
    case ALU_XOR: return ` const v = ${a} ^ ${b};\n c.fOp = ${F_LOGIC}; c.fSize = 4; c.fRes = v;\n ${store('v')}`;
  }
  return null;
}

/** 64-bit ALU body over register pair index d (dest) and source lo/hi expressions. */
function alu64Body(kind: number, d: string, bLo: string, bHi: string): string | null {
  const load = ` const n = ${d}; const x = r[n], xh = r[n + 1], y = ${bLo}, yh = ${bHi};`;
  switch (kind) {
    case ALU_ADD: return `${load}\n const l = (x >>> 0) + (y >>> 0), v = l | 0, vh = (xh + yh + (l > 4294967295 ? 1 : 0)) | 0;
 c.fOp = ${F_ADD}; c.fSize = 8; c.fA = x; c.fAHi = xh; c.fB = y; c.fBHi = yh; c.fRes = v; c.fResHi = vh; r[n] = v; r[n + 1] = vh;`;
    case ALU_SUB: case ALU_CMP: return `${load}\n const l = (x >>> 0) - (y >>> 0), v = l | 0, vh = (xh - yh - (l < 0 ? 1 : 0)) | 0;
 c.fOp = ${F_SUB}; c.fSize = 8; c.fA = x; c.fAHi = xh; c.fB = y; c.fBHi = yh; c.fRes = v; c.fResHi = vh;${kind === ALU_SUB ? ' r[n] = v; r[n + 1] = vh;' : ''}`;
    case ALU_AND: case ALU_OR: case ALU_XOR: {
      const op = kind === ALU_AND ? '&' : kind === ALU_OR ? '|' : '^';
      return `${load}\n const v = x ${op} y, vh = xh ${op} yh;\n c.fOp = ${F_LOGIC}; c.fSize = 8; c.fRes = v; c.fResHi = vh; r[n] = v; r[n + 1] = vh;`;
    }
  }
  return null;
}

function aluReg(i: Insn, rmDst: boolean): Handler | null {
  const s = i.size, k = i.ext;
  const dst = rmDst ? 'i.rm' : 'i.reg', src = rmDst ? 'i.reg' : 'i.rm';
  if (s === 4) {
    const body = alu32Body(k, `r[2 * ${dst}]`, `r[2 * ${src}]`, (v) => `r[2 * ${dst}] = ${v}; r[2 * ${dst} + 1] = 0;`);
    return body === null ? null : gen(`alu32rr_${KIND[k]}_${rmDst}`, body);
  }
  if (s === 8) {
    const body = alu64Body(k, `2 * ${dst}`, `r[2 * ${src}]`, `r[2 * ${src} + 1]`);
    return body === null ? null : gen(`alu64rr_${KIND[k]}_${rmDst}`, body);
  }
  return null;
}

function aluImm(i: Insn, acc: boolean): Handler | null {
  const s = i.size, k = i.ext;
  const dst = acc ? '0' : 'i.rm';
  if (s === 4) {
    const body = alu32Body(k, `r[2 * ${dst}]`, 'i.imm', (v) => `r[2 * ${dst}] = ${v}; r[2 * ${dst} + 1] = 0;`);
    return body === null ? null : gen(`alu32ri_${KIND[k]}_${acc}`, body);
  }
  if (s === 8) {
    const body = alu64Body(k, `2 * ${dst}`, 'i.imm', '(i.imm >> 31)');
    return body === null ? null : gen(`alu64ri_${KIND[k]}_${acc}`, body);
  }
  return null;
}

function aluMem(i: Insn, fn: Handler): Handler | null {
  const e = eaExpr(i);
  if (e === null) return null;
  const s = i.size, k = i.ext, key = eaKey(i);
  // Loads into a register (G = G op [m]) and compares against memory.
  if (fn === opAluGvEv && s === 4) {
    const body = alu32Body(k, 'r[2 * i.reg]', `c.mem.read32(${e})`, (v) => `r[2 * i.reg] = ${v}; r[2 * i.reg + 1] = 0;`);
    return body === null ? null : gen(`alu32rm_${KIND[k]}_${key}`, body);
  }
  if (fn === opAluGvEv && s === 8) {
    const body = alu64Body(k, '2 * i.reg', `c.mem.read64(${e})`, 'c.mem.hi');
    return body === null ? null : gen(`alu64rm_${KIND[k]}_${key}`, body);
  }
  if (fn === opAluEvIz && k === ALU_CMP) {
    if (s === 4) return gen(`cmp32mi_${key}`, alu32Body(k, `c.mem.read32(${e})`, 'i.imm', () => '')!);
    if (s === 8) return gen(`cmp64mi_${key}`, ` const x = c.mem.read64(${e}), xh = c.mem.hi, y = i.imm, yh = i.imm >> 31;
 const l = (x >>> 0) - (y >>> 0);
 c.fOp = ${F_SUB}; c.fSize = 8; c.fA = x; c.fAHi = xh; c.fB = y; c.fBHi = yh; c.fRes = l | 0; c.fResHi = (xh - yh - (l < 0 ? 1 : 0)) | 0;`);
    if (s === 1) return gen(`cmp8mi_${key}`, ` const x = c.mem.read8(${e}), y = i.imm & 255;
 c.fOp = ${F_SUB}; c.fSize = 1; c.fA = x; c.fB = y; c.fRes = (x - y) & 255;`);
  }
  if (fn === opAluEvGv && k === ALU_CMP && s === 4) {
    return gen(`cmp32mr_${key}`, alu32Body(k, `c.mem.read32(${e})`, 'r[2 * i.reg]', () => '')!);
  }
  if (fn === opAluEvGv && k === ALU_CMP && s === 8) {
    return gen(`cmp64mr_${key}`, ` const x = c.mem.read64(${e}), xh = c.mem.hi, y = r[2 * i.reg], yh = r[2 * i.reg + 1];
 const l = (x >>> 0) - (y >>> 0);
 c.fOp = ${F_SUB}; c.fSize = 8; c.fA = x; c.fAHi = xh; c.fB = y; c.fBHi = yh; c.fRes = l | 0; c.fResHi = (xh - yh - (l < 0 ? 1 : 0)) | 0;`);
  }
  return null;
}

function mov(i: Insn, load: boolean): Handler | null {
  const s = i.size;
  if (!i.isMem) {
    const d = load ? 'i.reg' : 'i.rm', m = load ? 'i.rm' : 'i.reg';
    if (s === 8) return gen(`mov64rr_${load}`, ` const d = 2 * ${d}, m = 2 * ${m}; r[d] = r[m]; r[d + 1] = r[m + 1];`);
    if (s === 4) return gen(`mov32rr_${load}`, ` r[2 * ${d}] = r[2 * ${m}]; r[2 * ${d} + 1] = 0;`);
    return null;
  }
  const e = eaExpr(i);
  if (e === null) return null;
  const key = eaKey(i);
  if (s === 8) return load
    ? gen(`mov64rm_${key}`, ` const v = c.mem.read64(${e}); r[2 * i.reg] = v; r[2 * i.reg + 1] = c.mem.hi;`)
    : gen(`mov64mr_${key}`, ` c.mem.write64(${e}, r[2 * i.reg], r[2 * i.reg + 1]);`);
  if (s === 4) return load
    ? gen(`mov32rm_${key}`, ` r[2 * i.reg] = c.mem.read32(${e}); r[2 * i.reg + 1] = 0;`)
    : gen(`mov32mr_${key}`, ` c.mem.write32(${e}, r[2 * i.reg]);`);
  if (s === 1 && !load && i.reg < 16) return gen(`mov8mr_${key}`, ` c.mem.write8(${e}, r[2 * i.reg]);`);
  return null;
}

function movImm(i: Insn): Handler | null {
  const e = eaExpr(i);
  if (e === null) return null;
  const key = eaKey(i);
  switch (i.size) {
    case 8: return gen(`mov64mi_${key}`, ` c.mem.write64(${e}, i.imm, i.imm >> 31);`);
    case 4: return gen(`mov32mi_${key}`, ` c.mem.write32(${e}, i.imm);`);
    case 1: return gen(`mov8mi_${key}`, ` c.mem.write8(${e}, i.imm);`);
  }
  return null;
}

/** Jcc conditions for a 64-bit CMP result (lo/hi pairs). */
const CMP64: (string | null)[] = [
  null, null, 'LTU', '!LTU', 'EQ', '!EQ', '(LTU || EQ)', '!(LTU || EQ)', null, null, null, null,
  'LTS', '!LTS', '(LTS || EQ)', '!(LTS || EQ)',
];
const LTU64 = '(c.fAHi !== c.fBHi ? (c.fAHi >>> 0) < (c.fBHi >>> 0) : (c.fA >>> 0) < (c.fB >>> 0))';
const LTS64 = '(c.fAHi !== c.fBHi ? c.fAHi < c.fBHi : (c.fA >>> 0) < (c.fB >>> 0))';
const EQ64 = '(c.fA === c.fB && c.fAHi === c.fBHi)';

/** Jcc conditions for a 32-bit CMP result (fA, fB are int32). */
const CMP32: (string | null)[] = [
  null, null, '(c.fA >>> 0) < (c.fB >>> 0)', '(c.fA >>> 0) >= (c.fB >>> 0)', 'c.fA === c.fB', 'c.fA !== c.fB',
  '(c.fA >>> 0) <= (c.fB >>> 0)', '(c.fA >>> 0) > (c.fB >>> 0)', null, null, null, null,
  'c.fA < c.fB', 'c.fA >= c.fB', 'c.fA <= c.fB', 'c.fA > c.fB',
];

/** Shift by immediate (SHL/SHR/SAR) on a 32- or 64-bit register; count already known > 0. */
function shiftImm(i: Insn): Handler | null {
  if (i.isMem || (i.size !== 4 && i.size !== 8)) return null;
  const kind = i.ext, n = i.imm & (i.size === 8 ? 63 : 31);
  if (n === 0 || (kind !== 4 && kind !== 5 && kind !== 7 && kind !== 6)) return null;
  const op = kind === 5 ? 'shr' : kind === 7 ? 'sar' : 'shl';
  const flags = (res: string, resHi: string, a: string, aHi: string, cf: string, F: number, sz: number): string =>
    ` c.fOp = ${F}; c.fSize = ${sz}; c.fA = ${a}; c.fAHi = ${aHi}; c.fB = ${n}; c.fBHi = 0; c.fRes = ${res}; c.fResHi = ${resHi}; c.fAux = ${cf};`;
  const F = kind === 5 ? F_SHR : kind === 7 ? F_SAR : F_SHL;
  if (i.size === 4) {
    const expr = op === 'shl' ? `a << ${n}` : op === 'shr' ? `a >>> ${n}` : `a >> ${n}`;
    const cf = op === 'shl' ? `(a >>> ${32 - n}) & 1` : `(a >>> ${n - 1}) & 1`;
    return gen(`shift32_${op}_${n}`, ` const d = 2 * i.rm, a = r[d], v = (${expr}) | 0;
 r[d] = v; r[d + 1] = 0;
${flags('v', '0', 'a', '0', cf, F, 4)}`);
  }
  let lo: string, hi: string, cf: string;
  if (op === 'shl') {
    if (n < 32) { lo = `a << ${n}`; hi = `(ah << ${n}) | (a >>> ${32 - n})`; }
    else { lo = '0'; hi = `a << ${n - 32}`; }
    cf = 64 - n < 32 ? `(a >>> ${64 - n}) & 1` : `(ah >>> ${32 - n}) & 1`;
  } else {
    const sh = op === 'shr' ? '>>>' : '>>';
    if (n < 32) { lo = `(a >>> ${n}) | (ah << ${32 - n})`; hi = `ah ${sh} ${n}`; }
    else { lo = `ah ${sh} ${n - 32}`; hi = op === 'shr' ? '0' : 'ah >> 31'; }
    cf = n - 1 < 32 ? `(a >>> ${n - 1}) & 1` : `(ah >>> ${n - 33}) & 1`;
  }
  return gen(`shift64_${op}_${n}`, ` const d = 2 * i.rm, a = r[d], ah = r[d + 1], v = (${lo}) | 0, vh = (${hi}) | 0;
 r[d] = v; r[d + 1] = vh;
${flags('v', 'vh', 'a', 'ah', cf, F, 8)}`);
}

const PUSH = (lo: string, hi: string): string =>
  ` const sp = r[9] * 4294967296 + (r[8] >>> 0) - 8;\n c.mem.write64(sp, ${lo}, ${hi});\n r[8] = sp | 0; r[9] = (sp / 4294967296) | 0;`;

/** A condition-code expression for the common lazy-flag states, falling back to cond(). */
function condExpr(cc: number): string {
  const fast = CMP32[cc];
  const logic = cc === 4 ? 'c.fRes === 0' : cc === 5 ? 'c.fRes !== 0' : cc === 8 ? 'c.fRes < 0' : cc === 9 ? 'c.fRes >= 0'
    : cc === 14 ? 'c.fRes <= 0' : cc === 15 ? 'c.fRes > 0' : cc === 12 ? 'c.fRes < 0' : cc === 13 ? 'c.fRes >= 0' : null;
  let e = `cond(c, ${cc})`;
  if (fast !== null) {
    const f64 = CMP64[cc]!.replace('LTU', LTU64).replace('LTS', LTS64).replace(/EQ/g, EQ64);
    e = `(c.fOp === ${F_SUB} ? (c.fSize === 4 ? ${fast} : c.fSize === 8 ? ${f64} : ${e}) : ${e})`;
  }
  if (logic !== null) e = `(c.fOp === ${F_LOGIC} && c.fSize === 4 ? ${logic} : ${e})`;
  return e;
}

/** Control transfers, stack and small ALU forms (templates for the block compiler too). */
function misc(i: Insn, fn: Handler): Handler | null {
  if (fn === opPushZv && i.size === 8) return gen('push64r', PUSH('r[2 * i.reg]', 'r[2 * i.reg + 1]'));
  if (fn === opPopZv && i.size === 8) {
    return gen('pop64r', ` const sp = r[9] * 4294967296 + (r[8] >>> 0);
 const v = c.mem.read64(sp), vh = c.mem.hi, ns = sp + 8;
 r[8] = ns | 0; r[9] = (ns / 4294967296) | 0;
 r[2 * i.reg] = v; r[2 * i.reg + 1] = vh;`);
  }
  if (fn === opCallJz) return gen('callrel', `${PUSH('i.next | 0', '(i.next / 4294967296) | 0')}
 c.rip = i.target;`);
  if (fn === opJmpJz) return gen('jmprel', ' c.rip = i.target;');
  if (fn === opRet) {
    return gen('ret', ` const sp = r[9] * 4294967296 + (r[8] >>> 0);
 const lo = c.mem.read64(sp);
 c.rip = c.mem.hi * 4294967296 + (lo >>> 0);
 const ns = sp + 8 + (i.imm & 65535);
 r[8] = ns | 0; r[9] = (ns / 4294967296) | 0;`);
  }
  if ((fn === opJmpEv || fn === opCallEv) && i.size === 8) {
    const push = fn === opCallEv ? `${PUSH('i.next | 0', '(i.next / 4294967296) | 0')}
` : '';
    if (!i.isMem) return gen(`${fn === opCallEv ? 'call' : 'jmp'}r`, ` const t = r[2 * i.rm + 1] * 4294967296 + (r[2 * i.rm] >>> 0);
${push} c.rip = t;`);
    const e = eaExpr(i);
    if (e === null) return null;
    return gen(`${fn === opCallEv ? 'call' : 'jmp'}m_${eaKey(i)}`, ` const lo = c.mem.read64(${e}), t = c.mem.hi * 4294967296 + (lo >>> 0);
${push} c.rip = t;`);
  }
  if (fn === opIncDecEv && !i.isMem && (i.size === 4 || i.size === 8)) {
    const dec = i.ext === 1;
    const F = dec ? F_DEC : F_INC;
    // INC/DEC keep CF: fetch it from the current lazy state first.
    if (i.size === 4) {
      return gen(`${dec ? 'dec' : 'inc'}32r`, ` const d = 2 * i.rm, a = r[d], v = (a ${dec ? '-' : '+'} 1) | 0, cf = getCF(c);
 r[d] = v; r[d + 1] = 0;
 c.fOp = ${F}; c.fSize = 4; c.fA = a; c.fB = 1; c.fBHi = 0; c.fRes = v; c.fAux = cf;`);
    }
    return gen(`${dec ? 'dec' : 'inc'}64r`, ` const d = 2 * i.rm, a = r[d], ah = r[d + 1], cf = getCF(c);
 const v = (a ${dec ? '-' : '+'} 1) | 0, vh = ${dec ? '(a === 0 ? (ah - 1) | 0 : ah)' : '(v === 0 ? (ah + 1) | 0 : ah)'};
 r[d] = v; r[d + 1] = vh;
 c.fOp = ${F}; c.fSize = 8; c.fA = a; c.fAHi = ah; c.fB = 1; c.fBHi = 0; c.fRes = v; c.fResHi = vh; c.fAux = cf;`);
  }
  if ((fn === opTestEvIz && !i.isMem) || fn === opTestAccIz) {
    const rm = fn === opTestAccIz ? '0' : 'i.rm';
    if (i.size === 4) return gen(`test32ri_${rm}`, ` c.fOp = ${F_LOGIC}; c.fSize = 4; c.fRes = r[2 * ${rm}] & i.imm;`);
    if (i.size === 8) return gen(`test64ri_${rm}`, ` c.fOp = ${F_LOGIC}; c.fSize = 8; c.fRes = r[2 * ${rm}] & i.imm; c.fResHi = r[2 * ${rm} + 1] & (i.imm >> 31);`);
    if (i.size === 1 && (fn === opTestAccIz || i.rm < 16)) return gen(`test8ri_${rm}`, ` c.fOp = ${F_LOGIC}; c.fSize = 1; c.fRes = r[2 * ${rm}] & i.imm & 255;`);
    return null;
  }
  if (fn === opTestEvIz && i.isMem && i.size === 1) {
    const e = eaExpr(i);
    if (e === null) return null;
    return gen(`test8mi_${eaKey(i)}`, ` c.fOp = ${F_LOGIC}; c.fSize = 1; c.fRes = c.mem.read8(${e}) & i.imm & 255;`);
  }
  if (fn === opSetccEb && !i.isMem && i.rm < 16) {
    return gen(`setcc${i.ext}r`, ` const d = 2 * i.rm; r[d] = (r[d] & ~255) | (${condExpr(i.ext)} ? 1 : 0);`);
  }
  if (fn === opCmovGvEv && !i.isMem && (i.size === 4 || i.size === 8)) {
    if (i.size === 8) return gen(`cmov${i.ext}_64rr`, ` if (${condExpr(i.ext)}) { const d = 2 * i.reg, m = 2 * i.rm; r[d] = r[m]; r[d + 1] = r[m + 1]; }`);
    return gen(`cmov${i.ext}_32rr`, ` const d = 2 * i.reg; if (${condExpr(i.ext)}) r[d] = r[2 * i.rm]; r[d + 1] = 0;`);
  }
  if (fn === opMovsx && i.isMem && i.ext === 4 && i.size === 8) {
    const e = eaExpr(i);
    if (e === null) return null;
    return gen(`movsxd_rm_${eaKey(i)}`, ` const v = c.mem.read32(${e}); r[2 * i.reg] = v; r[2 * i.reg + 1] = v >> 31;`);
  }
  if (fn === opMovsx && !i.isMem && i.ext === 1 && (i.size === 4 || i.size === 8) && i.rm < 16) {
    return gen(`movsx8_${i.size}rr`, ` const v = (r[2 * i.rm] << 24) >> 24; r[2 * i.reg] = v; r[2 * i.reg + 1] = ${i.size === 8 ? 'v >> 31' : '0'};`);
  }
  if (fn === opMovzx && i.isMem && i.size === 8) {
    const e = eaExpr(i);
    if (e === null) return null;
    return gen(`movzx${i.ext * 8}_64_${eaKey(i)}`, ` r[2 * i.reg] = c.mem.read${i.ext === 1 ? 8 : 16}(${e}); r[2 * i.reg + 1] = 0;`);
  }
  if (fn === opLeaGvM && i.size === 4 && i.seg === 0 && i.asize === 8 && i.base >= 0) {
    return gen(`lea32_${i.index >= 0 ? 'bi' : 'b'}`, ` r[2 * i.reg] = (r[2 * i.base] + i.disp${i.index >= 0 ? ' + Math.imul(r[2 * i.index], i.scale)' : ''}) | 0; r[2 * i.reg + 1] = 0;`);
  }
  return null;
}

/**
 * SSE data movement and bitwise forms (exact bit copies: no NaN or MXCSR semantics involved).
 * Legacy-SSE writes leave the YMM upper half (x[8n+4..]) alone (SDM Vol. 1 §14.1.2).
 */
function sse(i: Insn, fn: Handler): Handler | null {
  const e = i.isMem ? eaExpr(i) : null;
  if (i.isMem && e === null) return null;
  const key = i.isMem ? eaKey(i) : 'r';
  if (fn === SM.opMovsdVsdWsd) {
    return i.isMem
      ? gen(`movsd_load_${key}`, ` const x = c.xmm, d = i.reg << 3; x[d] = c.mem.read64(${e}); x[d + 1] = c.mem.hi; x[d + 2] = 0; x[d + 3] = 0;`)
      : gen('movsd_rr', ' const x = c.xmm, d = i.reg << 3, m = i.rm << 3; x[d] = x[m]; x[d + 1] = x[m + 1];');
  }
  if (fn === SM.opMovsdWsdVsd && i.isMem) {
    return gen(`movsd_store_${key}`, ` const x = c.xmm, m = i.reg << 3; c.mem.write64(${e}, x[m], x[m + 1]);`);
  }
  const full = ' x[d] = x[m]; x[d + 1] = x[m + 1]; x[d + 2] = x[m + 2]; x[d + 3] = x[m + 3];';
  if ((fn === SM.opMovapsVpsWps || fn === SM.opMovapdVpdWpd || fn === SM.opMovdqaVdqWdq || fn === SM.opMovupsVpsWps || fn === SM.opMovdquVdqWdq) && !i.isMem) {
    return gen('movx_rr', ` const x = c.xmm, d = i.reg << 3, m = i.rm << 3;${full}`);
  }
  if ((fn === SM.opMovupsVpsWps || fn === SM.opMovdquVdqWdq) && i.isMem) {
    return gen(`movu_load_${key}`, ` const x = c.xmm, d = i.reg << 3, a = ${e};
 x[d] = c.mem.read64(a); x[d + 1] = c.mem.hi; x[d + 2] = c.mem.read64(a + 8); x[d + 3] = c.mem.hi;`);
  }
  if ((fn === SM.opMovupsWpsVps || fn === SM.opMovdquWdqVdq) && i.isMem) {
    return gen(`movu_store_${key}`, ` const x = c.xmm, m = i.reg << 3, a = ${e};
 if ((a & 4095) > 4080) c.mem.translateWrite(a + 15); // fault before writing any byte
 c.mem.write64(a, x[m], x[m + 1]); c.mem.write64(a + 8, x[m + 2], x[m + 3]);`);
  }
  if ((fn === SI.opPxorVdqWdq || fn === SI.opXorpsVpsWps || fn === SI.opXorpdVpdWpd) && !i.isMem) {
    return gen('pxor_rr', ' const x = c.xmm, d = i.reg << 3, m = i.rm << 3; x[d] ^= x[m]; x[d + 1] ^= x[m + 1]; x[d + 2] ^= x[m + 2]; x[d + 3] ^= x[m + 3];');
  }
  if (fn === SM.opMovdVyEy && !i.isMem) {
    return (i.rex & 8)
      ? gen('movq_xr', ' const x = c.xmm, d = i.reg << 3; x[d] = r[2 * i.rm]; x[d + 1] = r[2 * i.rm + 1]; x[d + 2] = 0; x[d + 3] = 0;')
      : gen('movd_xr', ' const x = c.xmm, d = i.reg << 3; x[d] = r[2 * i.rm]; x[d + 1] = 0; x[d + 2] = 0; x[d + 3] = 0;');
  }
  if (fn === SM.opMovdEyVy && !i.isMem) {
    return (i.rex & 8)
      ? gen('movq_rx', ' const x = c.xmm, m = i.reg << 3; r[2 * i.rm] = x[m]; r[2 * i.rm + 1] = x[m + 1];')
      : gen('movd_rx', ' const x = c.xmm, m = i.reg << 3; r[2 * i.rm] = x[m]; r[2 * i.rm + 1] = 0;');
  }
  return null;
}

/** Picks a specialised handler for a decoded instruction, or returns its generic one. */
export function specialize(i: Insn): Handler {
  const fn = i.fn;
  if (i.lock) return fn;
  let h: Handler | null = null;
  if (fn === opAluEvGv || fn === opAluGvEv) h = i.isMem ? aluMem(i, fn) : aluReg(i, fn === opAluEvGv);
  else if (fn === opAluEvIz) h = i.isMem ? aluMem(i, fn) : aluImm(i, false);
  else if (fn === opAluAccIz) h = aluImm(i, true);
  else if (fn === opTestEvGv && !i.isMem) {
    if (i.size === 4) h = gen('test32rr', ` c.fOp = ${F_LOGIC}; c.fSize = 4; c.fRes = r[2 * i.rm] & r[2 * i.reg];`);
    else if (i.size === 8) h = gen('test64rr', ` c.fOp = ${F_LOGIC}; c.fSize = 8; c.fRes = r[2 * i.rm] & r[2 * i.reg]; c.fResHi = r[2 * i.rm + 1] & r[2 * i.reg + 1];`);
    else if (i.size === 1 && i.reg < 16 && i.rm < 16) h = gen('test8rr', ` c.fOp = ${F_LOGIC}; c.fSize = 1; c.fRes = r[2 * i.rm] & r[2 * i.reg] & 255;`);
  } else if (fn === opMovEvGv || fn === opMovGvEv) h = mov(i, fn === opMovGvEv);
  else if (fn === opMovEvIz && i.isMem) h = movImm(i);
  else if (fn === opMovzx && i.isMem && i.size === 4) {
    const e = eaExpr(i);
    if (e !== null && i.ext === 1) h = gen(`movzx8_${eaKey(i)}`, ` r[2 * i.reg] = c.mem.read8(${e}); r[2 * i.reg + 1] = 0;`);
    if (e !== null && i.ext === 2) h = gen(`movzx16_${eaKey(i)}`, ` r[2 * i.reg] = c.mem.read16(${e}); r[2 * i.reg + 1] = 0;`);
  } else if (fn === opMovsx && i.ext === 4 && i.size === 8 && !i.isMem) {
    h = gen('movsxd_rr', ' const v = r[2 * i.rm]; r[2 * i.reg] = v; r[2 * i.reg + 1] = v >> 31;');
  } else if (fn === opLeaGvM && i.size === 8 && i.seg === 0 && i.asize === 8 && i.base >= 0) {
    h = i.index < 0
      ? gen('lea64_b', ` const b = 2 * i.base, l = (r[b] >>> 0) + (i.disp >>> 0);
 r[2 * i.reg + 1] = (r[b + 1] + (i.disp >> 31) + (l > 4294967295 ? 1 : 0)) | 0; r[2 * i.reg] = l | 0;`)
      : gen('lea64_bi', ` const b = 2 * i.base, x = 2 * i.index, sc = i.scale;
 const l = (r[b] >>> 0) + (i.disp >>> 0) + (r[x] >>> 0) * sc;
 r[2 * i.reg + 1] = (r[b + 1] + (i.disp >> 31) + Math.imul(r[x + 1], sc) + Math.floor(l / 4294967296)) | 0; r[2 * i.reg] = l | 0;`);
  } else if (fn === opJccJz) h = gen(`jcc${i.ext}x`, ` if (${condExpr(i.ext)}) c.rip = i.target;`);
  else if (fn === opShiftEvIb) h = shiftImm(i);
  else if (fn === opImulGvEv && !i.isMem && i.size === 8) {
    h = gen('imul64rr', ` const d = 2 * i.reg, m = 2 * i.rm, a = r[d], ah = r[d + 1], b = r[m], bh = r[m + 1];
 const lo = Math.imul(a, b), hi = (mulHiU32(a >>> 0, b >>> 0) + Math.imul(a, bh) + Math.imul(ah, b)) | 0;
 r[d] = lo; r[d + 1] = hi;
 c.fOp = ${F_IMUL64}; c.fSize = 8; c.fRes = lo; c.fResHi = hi; c.fA = a; c.fAHi = ah; c.fB = b; c.fBHi = bh;`);
  } else if (fn === opMovZvIv && i.size === 8) h = gen('mov64ri', ' r[2 * i.reg] = i.imm; r[2 * i.reg + 1] = i.immHi;');
  else if (fn === opMovZvIv && i.size === 4) h = gen('mov32ri', ' r[2 * i.reg] = i.imm; r[2 * i.reg + 1] = 0;');
  else if (fn === opMovzx && !i.isMem && i.size === 4 && i.ext === 1 && i.rm < 16) h = gen('movzx8rr', ' r[2 * i.reg] = r[2 * i.rm] & 255; r[2 * i.reg + 1] = 0;');
  else if (fn === opMovzx && !i.isMem && i.size === 4 && i.ext === 2) h = gen('movzx16rr', ' r[2 * i.reg] = r[2 * i.rm] & 65535; r[2 * i.reg + 1] = 0;');
  if (h === null) h = misc(i, fn);
  if (h === null && i.map === 1 && !i.lock) h = sse(i, fn);
  return h ?? fn;
}

void ({} as Cpu);
