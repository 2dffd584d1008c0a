// SSE/SSE2/SSE3/SSSE3/SSE4.1/SSE4.2 against vectors recorded on the host CPU (tools/gen/
// sse_vectors.c; Intel SDM Vol. 1 ch. 10-12, Vol. 2): each vector replays one instruction through
// our handler with a hand-filled Insn, and again through the decoder from the recorded bytes
// (specialised handlers included), comparing the destination, GPRs, memory operand, MXCSR
// (exception flags included) and RFLAGS bit for bit. Also: alignment faults, page-crossing stores,
// aliasing of source and destination. Regenerate: gcc -O1 -mno-red-zone -o /tmp/ssev
// tools/gen/sse_vectors.c && /tmp/ssev > test/vectors/sse.json.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Cpu, STOP_FAULT } from '../../src/cpu/state.js';
import { AddressSpace, PhysMem, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/cpu/memory.js';
import { Insn, type Handler } from '../../src/cpu/decode/insn.js';
import { getFlags, setFlags } from '../../src/cpu/flags.js';
import { SSE_ROWS } from '../../src/cpu/decode/table_sse.js';
import { decode } from '../../src/cpu/decode/decoder.js';
import { CPU_TRAP } from '../../src/cpu/ops/traps.js';
import * as M from '../../src/cpu/ops/sse_mov.js';
import * as I from '../../src/cpu/ops/sse_int.js';
import * as I4 from '../../src/cpu/ops/sse_int4.js';
import * as X from '../../src/cpu/ops/sse_shuf.js';
import * as A from '../../src/cpu/ops/sse_arith.js';
import * as F from '../../src/cpu/ops/sse_fp.js';
import * as C from '../../src/cpu/ops/sse_cvt.js';
import * as STR from '../../src/cpu/ops/sse_str.js';

interface Entry {
  id: string;
  n: string;
  w: number;
  imm: number;
  mem: number;
  in: string;
  out: string;
  v: string[];
  bytes: string;
}

/** SSE_VECTORS=/path/to/stress.json replays another recorded set (tools/gen/sse_vectors.c seed rounds). */
const VEC_PATH = process.env.SSE_VECTORS ?? fileURLToPath(new URL('../vectors/sse.json', import.meta.url));
const VEC = JSON.parse(readFileSync(VEC_PATH, 'utf8')) as { entries: Entry[]; total: number };

/** Handler for each recorded key (the C generator's second column). */
const HANDLERS: Record<string, Handler> = {
  addps: A.opAddpsVpsWps, subps: A.opSubpsVpsWps, mulps: A.opMulpsVpsWps, divps: A.opDivpsVpsWps,
  minps: F.opMinpsVpsWps, maxps: F.opMaxpsVpsWps, addpd: A.opAddpdVpdWpd, subpd: A.opSubpdVpdWpd,
  mulpd: A.opMulpdVpdWpd, divpd: A.opDivpdVpdWpd, minpd: F.opMinpdVpdWpd, maxpd: F.opMaxpdVpdWpd,
  addss: A.opAddssVssWss, subss: A.opSubssVssWss, mulss: A.opMulssVssWss, divss: A.opDivssVssWss,
  minss: F.opMinssVssWss, maxss: F.opMaxssVssWss, addsd: A.opAddsdVsdWsd, subsd: A.opSubsdVsdWsd,
  mulsd: A.opMulsdVsdWsd, divsd: A.opDivsdVsdWsd, minsd: F.opMinsdVsdWsd, maxsd: F.opMaxsdVsdWsd,
  sqrtps: A.opSqrtpsVpsWps, sqrtss: A.opSqrtssVssWss, sqrtpd: A.opSqrtpdVpdWpd, sqrtsd: A.opSqrtsdVsdWsd,
  rcpps: F.opRcppsVpsWps, rcpss: F.opRcpssVssWss, rsqrtps: F.opRsqrtpsVpsWps, rsqrtss: F.opRsqrtssVssWss,
  addsubps: F.opAddsubpsVpsWps, addsubpd: F.opAddsubpdVpdWpd, haddps: F.opHaddpsVpsWps,
  hsubps: F.opHsubpsVpsWps, haddpd: F.opHaddpdVpdWpd, hsubpd: F.opHsubpdVpdWpd, dpps: F.opDppsVpsWpsIb,
  dppd: F.opDppdVpdWpdIb, cmpps: F.opCmppsVpsWpsIb, cmpss: F.opCmpssVssWssIb, cmppd: F.opCmppdVpdWpdIb,
  cmpsd: F.opCmpsdVsdWsdIb, comiss: F.opComissVssWss, ucomiss: F.opUcomissVssWss,
  comisd: F.opComisdVsdWsd, ucomisd: F.opUcomisdVsdWsd, roundps: F.opRoundpsVpsWpsIb,
  roundss: F.opRoundssVssWssIb, roundpd: F.opRoundpdVpdWpdIb, roundsd: F.opRoundsdVsdWsdIb,
  cvtsi2ss: C.opCvtsi2ssVssEy, cvtsi2sd: C.opCvtsi2sdVsdEy, cvtss2si: C.opCvtss2siGyWss,
  cvttss2si: C.opCvttss2siGyWss, cvtsd2si: C.opCvtsd2siGyWsd, cvttsd2si: C.opCvttsd2siGyWsd,
  cvtss2sd: C.opCvtss2sdVsdWss, cvtsd2ss: C.opCvtsd2ssVssWsd, cvtps2pd: C.opCvtps2pdVpdWq,
  cvtpd2ps: C.opCvtpd2psVpsWpd, cvtdq2ps: C.opCvtdq2psVpsWdq, cvtps2dq: C.opCvtps2dqVdqWps,
  cvttps2dq: C.opCvttps2dqVdqWps, cvtdq2pd: C.opCvtdq2pdVpdWq, cvtpd2dq: C.opCvtpd2dqVdqWpd,
  cvttpd2dq: C.opCvttpd2dqVdqWpd,
  movups: M.opMovupsVpsWps, movups_st: M.opMovupsWpsVps, movupd: M.opMovupdVpdWpd, movupd_st: M.opMovupdWpdVpd,
  movapd_st: M.opMovapdWpdVpd,
  movdqu: M.opMovdquVdqWdq, movdqu_st: M.opMovdquWdqVdq, lddqu: M.opLddquVdqMdq,
  movaps: M.opMovapsVpsWps, movaps_st: M.opMovapsWpsVps, movapd: M.opMovapdVpdWpd,
  movdqa: M.opMovdqaVdqWdq, movdqa_st: M.opMovdqaWdqVdq, movntps: M.opMovntpsMpsVps,
  movntpd: M.opMovntpdMpdVpd, movntdq: M.opMovntdqMdqVdq, movntdqa: M.opMovntdqaVdqMdq,
  movnti: M.opMovntiMyGy, movss: M.opMovssVssWss, movss_st: M.opMovssWssVss, movsd: M.opMovsdVsdWsd,
  movsd_st: M.opMovsdWsdVsd, movlps: M.opMovlpsVqMq, movlps_st: M.opMovlpsMqVq, movlpd: M.opMovlpdVqMq,
  movlpd_st: M.opMovlpdMqVq, movhps: M.opMovhpsVqMq, movhps_st: M.opMovhpsMqVq, movhpd: M.opMovhpdVqMq,
  movhpd_st: M.opMovhpdMqVq, movhlps: M.opMovhlpsVqUq, movlhps: M.opMovlhpsVqUq,
  movddup: M.opMovddupVdqWq, movsldup: M.opMovsldupVdqWdq, movshdup: M.opMovshdupVdqWdq,
  movq: M.opMovqVqWq, movq_st: M.opMovqWqVq, movd_g2x: M.opMovdVyEy, movd_x2g: M.opMovdEyVy,
  unpcklps: M.opUnpcklpsVpsWps, unpckhps: M.opUnpckhpsVpsWps, unpcklpd: M.opUnpcklpdVpdWpd,
  unpckhpd: M.opUnpckhpdVpdWpd, shufps: M.opShufpsVpsWpsIb, shufpd: M.opShufpdVpdWpdIb,
  movmskps: M.opMovmskpsGdUps, movmskpd: M.opMovmskpdGdUpd, pmovmskb: M.opPmovmskbGdUdq,
  maskmovdqu: M.opMaskmovdquVdqUdq, ldmxcsr: M.opLdmxcsrMd, stmxcsr: M.opStmxcsrMd,
  andps: I.opAndpsVpsWps, andnps: I.opAndnpsVpsWps, orps: I.opOrpsVpsWps, xorps: I.opXorpsVpsWps,
  andpd: I.opAndpdVpdWpd, andnpd: I.opAndnpdVpdWpd, orpd: I.opOrpdVpdWpd, xorpd: I.opXorpdVpdWpd,
  pand: I.opPandVdqWdq, pandn: I.opPandnVdqWdq, por: I.opPorVdqWdq, pxor: I.opPxorVdqWdq,
  paddb: I.opPaddbVdqWdq, paddw: I.opPaddwVdqWdq, paddd: I.opPadddVdqWdq, paddq: I.opPaddqVdqWdq,
  psubb: I.opPsubbVdqWdq, psubw: I.opPsubwVdqWdq, psubd: I.opPsubdVdqWdq, psubq: I.opPsubqVdqWdq,
  paddsb: I.opPaddsbVdqWdq, paddsw: I.opPaddswVdqWdq, paddusb: I.opPaddusbVdqWdq,
  paddusw: I.opPadduswVdqWdq, psubsb: I.opPsubsbVdqWdq, psubsw: I.opPsubswVdqWdq,
  psubusb: I.opPsubusbVdqWdq, psubusw: I.opPsubuswVdqWdq, pcmpeqb: I.opPcmpeqbVdqWdq,
  pcmpeqw: I.opPcmpeqwVdqWdq, pcmpeqd: I.opPcmpeqdVdqWdq, pcmpgtb: I.opPcmpgtbVdqWdq,
  pcmpgtw: I.opPcmpgtwVdqWdq, pcmpgtd: I.opPcmpgtdVdqWdq, pminub: I.opPminubVdqWdq,
  pmaxub: I.opPmaxubVdqWdq, pminsw: I.opPminswVdqWdq, pmaxsw: I.opPmaxswVdqWdq, pavgb: I.opPavgbVdqWdq,
  pavgw: I.opPavgwVdqWdq, psadbw: I.opPsadbwVdqWdq, pmullw: I.opPmullwVdqWdq, pmulhw: I.opPmulhwVdqWdq,
  pmulhuw: I.opPmulhuwVdqWdq, pmuludq: I.opPmuludqVdqWdq, pmaddwd: I.opPmaddwdVdqWdq,
  psllw: I.opPsllwVdqWdq, pslld: I.opPslldVdqWdq, psllq: I.opPsllqVdqWdq, psrlw: I.opPsrlwVdqWdq,
  psrld: I.opPsrldVdqWdq, psrlq: I.opPsrlqVdqWdq, psraw: I.opPsrawVdqWdq, psrad: I.opPsradVdqWdq,
  psllw_i: I.opPsllwUdqIb, pslld_i: I.opPslldUdqIb, psllq_i: I.opPsllqUdqIb, psrlw_i: I.opPsrlwUdqIb,
  psrld_i: I.opPsrldUdqIb, psrlq_i: I.opPsrlqUdqIb, psraw_i: I.opPsrawUdqIb, psrad_i: I.opPsradUdqIb,
  psrldq_i: I.opPsrldqUdqIb, pslldq_i: I.opPslldqUdqIb,
  pshufd: X.opPshufdVdqWdqIb, pshuflw: X.opPshuflwVdqWdqIb, pshufhw: X.opPshufhwVdqWdqIb,
  punpcklbw: X.opPunpcklbwVdqWdq, punpcklwd: X.opPunpcklwdVdqWdq, punpckldq: X.opPunpckldqVdqWdq,
  punpcklqdq: X.opPunpcklqdqVdqWdq, punpckhbw: X.opPunpckhbwVdqWdq, punpckhwd: X.opPunpckhwdVdqWdq,
  punpckhdq: X.opPunpckhdqVdqWdq, punpckhqdq: X.opPunpckhqdqVdqWdq, packsswb: X.opPacksswbVdqWdq,
  packuswb: X.opPackuswbVdqWdq, packssdw: X.opPackssdwVdqWdq, packusdw: X.opPackusdwVdqWdq,
  pinsrw: X.opPinsrwVdqEwIb, pextrw: X.opPextrwGdUdqIb,
  pshufb: X.opPshufbVdqWdq, phaddw: I4.opPhaddwVdqWdq, phaddd: I4.opPhadddVdqWdq,
  phaddsw: I4.opPhaddswVdqWdq, phsubw: I4.opPhsubwVdqWdq, phsubd: I4.opPhsubdVdqWdq,
  phsubsw: I4.opPhsubswVdqWdq, pmaddubsw: I4.opPmaddubswVdqWdq, pmulhrsw: I4.opPmulhrswVdqWdq,
  psignb: I4.opPsignbVdqWdq, psignw: I4.opPsignwVdqWdq, psignd: I4.opPsigndVdqWdq,
  pabsb: I4.opPabsbVdqWdq, pabsw: I4.opPabswVdqWdq, pabsd: I4.opPabsdVdqWdq, palignr: X.opPalignrVdqWdqIb,
  pblendvb: X.opPblendvbVdqWdq, blendvps: X.opBlendvpsVpsWps, blendvpd: X.opBlendvpdVpdWpd,
  ptest: I4.opPtestVdqWdq, pmovsxbw: X.opPmovsxbwVdqWq, pmovsxbd: X.opPmovsxbdVdqWd,
  pmovsxbq: X.opPmovsxbqVdqWw, pmovsxwd: X.opPmovsxwdVdqWq, pmovsxwq: X.opPmovsxwqVdqWd,
  pmovsxdq: X.opPmovsxdqVdqWq, pmovzxbw: X.opPmovzxbwVdqWq, pmovzxbd: X.opPmovzxbdVdqWd,
  pmovzxbq: X.opPmovzxbqVdqWw, pmovzxwd: X.opPmovzxwdVdqWq, pmovzxwq: X.opPmovzxwqVdqWd,
  pmovzxdq: X.opPmovzxdqVdqWq, pmuldq: I4.opPmuldqVdqWdq, pmulld: I4.opPmulldVdqWdq,
  pcmpeqq: I4.opPcmpeqqVdqWdq, pcmpgtq: I4.opPcmpgtqVdqWdq, pminsb: I.opPminsbVdqWdq,
  pmaxsb: I.opPmaxsbVdqWdq, pminuw: I.opPminuwVdqWdq, pmaxuw: I.opPmaxuwVdqWdq,
  pminsd: I4.opPminsdVdqWdq, pmaxsd: I4.opPmaxsdVdqWdq, pminud: I4.opPminudVdqWdq,
  pmaxud: I4.opPmaxudVdqWdq, phminposuw: I4.opPhminposuwVdqWdq, mpsadbw: I4.opMpsadbwVdqWdqIb,
  blendps: X.opBlendpsVpsWpsIb, blendpd: X.opBlendpdVpdWpdIb, pblendw: X.opPblendwVdqWdqIb,
  pextrb: X.opPextrbEbVdqIb, pextrw41: X.opPextrwEwVdqIb, pextrd: X.opPextrdEyVdqIb,
  extractps: X.opExtractpsEdVpsIb, pinsrb: X.opPinsrbVdqEbIb, pinsrd: X.opPinsrdVdqEyIb,
  insertps: X.opInsertpsVpsWssIb,
  pcmpestri: STR.opPcmpestriVdqWdqIb, pcmpestrm: STR.opPcmpestrmVdqWdqIb, pcmpistri: STR.opPcmpistriVdqWdqIb,
  pcmpistrm: STR.opPcmpistrmVdqWdqIb, crc32b: STR.opCrc32GyEb, crc32b_ah: STR.opCrc32GyEb, crc32w: STR.opCrc32GyEv,
  crc32l: STR.opCrc32GyEv, crc32q: STR.opCrc32GyEv,
};

/** Source operand size of the CRC32 keys (the decoder derives it from 66/REX.W). */
const CRC_SIZE: Record<string, number> = { crc32b: 1, crc32b_ah: 1, crc32w: 2, crc32l: 4, crc32q: 8 };

// Operand layouts: which ModRM field holds the XMM destination/source and which the GPR.
const XD = 10; // XMM for the C side's xmm2 (the V operand, or the value stored)
const XS = 9; // XMM for the C side's xmm1 (the W/U operand)
const GR = 11; // GPR for the C side's rax
/** Keys whose GPR is ModRM.reg (G operand) with the XMM source in rm. */
const G_DEST = new Set(['cvtss2si', 'cvttss2si', 'cvtsd2si', 'cvttsd2si', 'movmskps', 'movmskpd', 'pmovmskb', 'pextrw', 'movnti']);
/** Keys whose GPR (or memory) is ModRM.rm with the XMM in reg. */
const E_GPR = new Set(['cvtsi2ss', 'cvtsi2sd', 'movd_g2x', 'movd_x2g', 'pinsrw', 'pinsrb', 'pinsrd', 'pextrb', 'pextrw41', 'pextrd', 'extractps']);

const BASE = 0x10000;
const SLOT = BASE + 0x1000; // 16-byte-aligned memory operand
const phys = new PhysMem(64 * 1024 * 1024);
const mem = new AddressSpace(phys);
mem.map(BASE, 0x10000, PROT_READ | PROT_WRITE);
const cpu = new Cpu(mem);

function bytesOf(hex: string): Uint8Array {
  const b = new Uint8Array(hex.length / 2);
  for (let k = 0; k < b.length; k++) b[k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
  return b;
}

function hexOf(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

const WIDTH: Record<string, number> = { d: 32, s: 32, z: 32, m: 32, S: 32, Z: 32, g: 16, c: 16, e: 16, x: 4, f: 4 };

/** Splits "in|out" into field maps by the entry's field letters. */
function fields(spec: string, hex: string): Map<string, string> {
  const r = new Map<string, string>();
  let o = 0;
  for (const f of spec) {
    r.set(f, hex.slice(o, o + WIDTH[f]));
    o += WIDTH[f];
  }
  return r;
}

function setXmm(n: number, hex: string): void {
  cpu.xmmU8.set(bytesOf(hex), n * 32);
}

function getXmm(n: number): string {
  return hexOf(cpu.xmmU8.subarray(n * 32, n * 32 + 16));
}

function setGpr(n: number, hex: string): void {
  cpu.r[2 * n + 1] = parseInt(hex.slice(0, 8), 16) | 0;
  cpu.r[2 * n] = parseInt(hex.slice(8), 16) | 0;
}

function getGpr(n: number): string {
  return (cpu.r[2 * n + 1] >>> 0).toString(16).padStart(8, '0') + (cpu.r[2 * n] >>> 0).toString(16).padStart(8, '0');
}

/** Builds the Insn for an entry as the decoder would (reg/rm/isMem/imm/REX.W). */
function insnFor(e: Entry): Insn {
  const key = e.n;
  const fn = HANDLERS[key];
  if (fn === undefined) throw new Error(`no handler for ${key}`);
  const i = new Insn(fn);
  i.addr = 0x400000;
  i.next = 0x400008;
  i.imm = (e.imm << 24) >> 24; // the decoder sign-extends Ib
  i.rex = e.w ? 0x48 : 0;
  i.size = e.w ? 8 : 4;
  i.reg = XD;
  i.rm = XS;
  if (G_DEST.has(key)) { i.reg = GR; i.rm = XS; }
  if (E_GPR.has(key)) { i.reg = XD; i.rm = GR; }
  if (key.endsWith('_i')) i.rm = XD;
  if (key === 'movnti') i.reg = GR;
  if (key in CRC_SIZE) {
    i.reg = 1; // RCX
    i.rm = key === 'crc32b_ah' ? 16 : GR; // 16: AH (ModRM rm 4 without REX)
    i.size = CRC_SIZE[key];
  }
  const memOut = e.out.includes('m') && key !== 'maskmovdqu';
  if (e.mem || memOut || key === 'ldmxcsr') {
    i.isMem = true;
    i.base = -1;
    i.index = -1;
    i.disp = SLOT;
  }
  if (key === 'movss_st' || key === 'movsd_st' || key === 'movq_st') {
    // the reg-reg store forms write xmm1 (our XS) from xmm2 (our XD)
    if (!i.isMem) { i.reg = XD; i.rm = XS; }
  }
  return i;
}

/** Register assignment of a replay: XMM for the C side's xmm2 and xmm1, GPR for its rax. */
interface Regs {
  xd: number;
  xs: number;
  gr: number;
  /** RDI (the C side's memory operand is at [rdi+48]); -1 for hand-built Insns that address SLOT. */
  rdi: number;
}

/** Hand-built Insns: registers spread over REX-extended numbers, memory at SLOT. */
const HAND: Regs = { xd: XD, xs: XS, gr: GR, rdi: -1 };
/** Decoded from the recorded bytes: exactly the host's registers. */
const DECODED: Regs = { xd: 2, xs: 1, gr: 0, rdi: SLOT - 48 };

/** Runs one vector; returns a mismatch description or null. */
function runVector(e: Entry, i: Insn, v: string, g: Regs = HAND): string | null {
  const [inHex, outHex] = v.split('|');
  const inp = fields(e.in, inHex);
  const exp = fields(e.out, outHex);
  cpu.xmm.fill(0);
  cpu.r.fill(0);
  cpu.mxcsr = 0x1f80;
  setFlags(cpu, 0x2);
  mem.writeBytes(SLOT, new Uint8Array(16));
  if (inp.has('d')) setXmm(g.xd, inp.get('d')!);
  if (inp.has('s')) {
    setXmm(g.xs, inp.get('s')!);
    if (e.mem) mem.writeBytes(SLOT, bytesOf(inp.get('s')!));
  }
  if (inp.has('z')) setXmm(0, inp.get('z')!);
  if (inp.has('m')) mem.writeBytes(SLOT, bytesOf(inp.get('m')!));
  if (inp.has('g')) { setGpr(g.gr, inp.get('g')!); setGpr(0, inp.get('g')!); } // also RAX (implicit uses)
  if (inp.has('c')) setGpr(1, inp.get('c')!);
  if (inp.has('e')) setGpr(2, inp.get('e')!);
  if (inp.has('x')) cpu.mxcsr = parseInt(inp.get('x')!, 16);
  if (inp.has('f')) setFlags(cpu, parseInt(inp.get('f')!, 16) | 2);
  if (g.rdi >= 0) cpu.setS64(7, g.rdi);
  else if (e.n === 'maskmovdqu') cpu.setS64(7, SLOT);
  i.fn(cpu, i);
  const got = new Map<string, string>();
  for (const f of e.out) {
    switch (f) {
      case 'd': got.set(f, getXmm(g.xd)); break;
      case 'S': got.set(f, getXmm(g.xs)); break;
      case 'Z': got.set(f, getXmm(0)); break;
      case 'c': got.set(f, getGpr(1)); break;
      case 'g': got.set(f, getGpr(g.gr)); break;
      case 'm': got.set(f, hexOf(mem.readBytes(SLOT, 16))); break;
      case 'x': got.set(f, (cpu.mxcsr & 0xffff).toString(16).padStart(4, '0')); break;
      case 'f': got.set(f, (getFlags(cpu) & 0x8d5).toString(16).padStart(4, '0')); break;
    }
  }
  for (const f of e.out) {
    if (got.get(f) !== exp.get(f)) {
      return `${e.id} in=${inHex} field ${f}: got ${got.get(f)} want ${exp.get(f)}`;
    }
  }
  return null;
}

describe('SSE vectors recorded on the host CPU', () => {
  it('has the recorded vectors', () => {
    expect(VEC.total).toBeGreaterThan(20000);
  });
  it.each(VEC.entries.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const i = insnFor(e);
    const bad: string[] = [];
    for (const v of e.v) {
      const m = runVector(e, i, v);
      if (m !== null) bad.push(m);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

/** Row names per handler (a handler may serve several rows, e.g. MOVLPS and MOVLPD). */
const byHandler = new Map<Handler, string[]>();
for (const r of SSE_ROWS) byHandler.set(r.fn, [...(byHandler.get(r.fn) ?? []), r.name]);

describe('the decoder maps each recorded encoding to the SSE row', () => {
  const CODE = 0x200000;
  const dmem = new AddressSpace(phys);
  dmem.map(CODE, 0x1000, PROT_READ | PROT_EXEC);
  it.each(VEC.entries.filter((e) => e.n !== 'maskmovdqu').map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const b = bytesOf(e.bytes);
    dmem.pokeBytes(CODE, b);
    const i = decode(dmem, CODE);
    expect(i.len).toBe(b.length);
    // The decoder may swap in a specialised handler (ops/fast.ts), so compare the row it chose.
    expect(byHandler.get(HANDLERS[e.n])).toContain(i.name);
    expect(i.imm & 0xff).toBe(e.imm & 0xff);
    expect((i.rex & 8) !== 0).toBe(e.w === 1);
  });
});

describe('the same vectors through the decoder (specialised handlers included)', () => {
  const CODE = 0x202000;
  const dmem = new AddressSpace(phys);
  dmem.map(CODE, 0x1000, PROT_READ | PROT_EXEC);
  it.each(VEC.entries.filter((e) => e.n !== 'maskmovdqu').map((e) => [e.id, e] as const))('%s', (_id, e) => {
    dmem.pokeBytes(CODE, bytesOf(e.bytes));
    const i = decode(dmem, CODE);
    const bad: string[] = [];
    for (const v of e.v) {
      const m = runVector(e, i, v, DECODED);
      if (m !== null) bad.push(m);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('encodings without recorded results', () => {
  const CODE = 0x201000;
  const dmem = new AddressSpace(phys);
  dmem.map(CODE, 0x1000, PROT_READ | PROT_EXEC);
  it.each([
    ['0faee8', M.opFence, 'lfence'],
    ['0faef0', M.opFence, 'mfence'],
    ['0faef8', M.opFence, 'sfence'],
    ['0f1800', M.opPrefetchMb, 'prefetchnta'],
    ['0f184f10', M.opPrefetchMb, 'prefetcht0'],
    ['0f1810', M.opPrefetchMb, 'prefetcht1'],
    ['0f181c24', M.opPrefetchMb, 'prefetcht2'],
    ['660ff7d1', M.opMaskmovdquVdqUdq, 'maskmovdqu'],
    ['0fae5424fc', M.opLdmxcsrMd, 'ldmxcsr'],
  ] as const)('%s decodes to %s', (hex, fn, name) => {
    const b = bytesOf(hex);
    dmem.pokeBytes(CODE, b);
    const i = decode(dmem, CODE);
    expect(byHandler.get(fn)).toContain(i.name);
    expect(i.name).toBe(name);
    expect(i.len).toBe(b.length);
  });
  it.each([['0f28c1 with 66 F3: F3 wins', 'f3660f10c1', M.opMovssVssWss], ['0fc5 memory form is #UD', '660fc50001', null]] as const)(
    '%s', (_n, hex, fn) => {
      dmem.pokeBytes(CODE, bytesOf(hex));
      const i = decode(dmem, CODE);
      if (fn === null) expect(i.name).toBe('(bad)'); else expect(byHandler.get(fn)).toContain(i.name);
    },
  );
});

describe('alignment and aliasing', () => {
  function memInsn(fn: Handler, addr: number): Insn {
    const i = new Insn(fn);
    i.isMem = true;
    i.base = -1;
    i.index = -1;
    i.disp = addr;
    i.reg = 3;
    return i;
  }

  it.each([
    ['movaps load', M.opMovapsVpsWps],
    ['movdqa store', M.opMovdqaWdqVdq],
    ['addps', A.opAddpsVpsWps],
    ['paddb', I.opPaddbVdqWdq],
    ['pshufb', X.opPshufbVdqWdq],
  ] as const)('%s with a misaligned m128 raises #GP (SIGSEGV)', (_n, fn) => {
    cpu.stop = 0;
    let thrown: unknown = null;
    try {
      fn(cpu, memInsn(fn, SLOT + 8));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBe(CPU_TRAP);
    expect(cpu.stop).toBe(STOP_FAULT);
  });

  it.each([
    ['movups', M.opMovupsVpsWps],
    ['movdqu', M.opMovdquVdqWdq],
    ['lddqu', M.opLddquVdqMdq],
    ['movsd', M.opMovsdVsdWsd],
    ['addss', A.opAddssVssWss],
    ['pmovzxbw', X.opPmovzxbwVdqWq],
  ] as const)('%s accepts a misaligned operand', (_n, fn) => {
    mem.writeBytes(SLOT + 3, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]));
    expect(() => fn(cpu, memInsn(fn, SLOT + 3))).not.toThrow();
  });

  it('a 16-byte store that crosses into an unmapped page writes nothing', () => {
    const i = memInsn(M.opMovupsWpsVps, BASE + 0x10000 - 8);
    cpu.xmm.fill(-1);
    mem.writeBytes(BASE + 0x10000 - 8, new Uint8Array(8));
    expect(() => M.opMovupsWpsVps(cpu, i)).toThrow();
    expect(Array.from(mem.readBytes(BASE + 0x10000 - 8, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('source and destination may be the same register', () => {
    const i = new Insn(A.opAddpsVpsWps);
    i.reg = 5; i.rm = 5;
    cpu.mxcsr = 0x1f80;
    cpu.xmmF32.set([1.5, -2, 3, 0.25], 40);
    A.opAddpsVpsWps(cpu, i);
    expect(Array.from(cpu.xmmF32.subarray(40, 44))).toEqual([3, -4, 6, 0.5]);
    const u = new Insn(M.opUnpcklpsVpsWps);
    u.reg = 5; u.rm = 5;
    cpu.xmm.set([1, 2, 3, 4], 40);
    M.opUnpcklpsVpsWps(cpu, u);
    expect(Array.from(cpu.xmm.subarray(40, 44))).toEqual([1, 1, 2, 2]);
  });

  it('legacy SSE leaves the YMM upper half alone', () => {
    const i = new Insn(I.opPxorVdqWdq);
    i.reg = 4; i.rm = 4;
    cpu.xmm.fill(7, 32, 40);
    I.opPxorVdqWdq(cpu, i);
    expect(Array.from(cpu.xmm.subarray(32, 40))).toEqual([0, 0, 0, 0, 7, 7, 7, 7]);
  });

  it('LDMXCSR with a reserved bit set raises #GP', () => {
    mem.write32(SLOT, 0x10000);
    const i = memInsn(M.opLdmxcsrMd, SLOT);
    expect(() => M.opLdmxcsrMd(cpu, i)).toThrow();
  });
});
