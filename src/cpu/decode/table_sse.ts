// SSE, SSE2, SSE3, SSSE3, SSE4.1 and SSE4.2 rows of the 0F, 0F38 and 0F3A maps,
// legacy (non-VEX) XMM encodings only (Intel SDM Vol. 2D Appendix A.3, opcode maps, operand
// notation per §A.2; mandatory prefixes per Vol. 2 §2.1.2). MMX (non-66 0F 6x–Fx) forms are absent.
import type { Pfx, Row } from './row.js';
import type { Handler } from './insn.js';
import * as M from '../ops/sse_mov.js';
import * as I from '../ops/sse_int.js';
import * as I4 from '../ops/sse_int4.js';
import * as X from '../ops/sse_shuf.js';
import * as A from '../ops/sse_arith.js';
import * as F from '../ops/sse_fp.js';
import * as C from '../ops/sse_cvt.js';
import * as STR from '../ops/sse_str.js';

/** Extra row fields (group extension, ModRM form, operand-size rule). */
interface Extra {
  ext?: number;
  mod?: 'reg' | 'mem';
  size?: Row['size'];
}

const rows: Row[] = [];

/** Adds one row. */
function r(map: number, code: number, pfx: Pfx, name: string, ops: string, fn: Handler, feature: string, x?: Extra): void {
  const row: Row = { map, code, pfx, name, ops, fn, feature };
  if (x !== undefined) {
    if (x.ext !== undefined) row.ext = x.ext;
    if (x.mod !== undefined) row.mod = x.mod;
    if (x.size !== undefined) row.size = x.size;
  }
  rows.push(row);
}

const MEM: Extra = { mod: 'mem' };
const REG: Extra = { mod: 'reg' };
const SZV: Extra = { size: 'v' };

// ---- 0F 10-17: moves -----------------------------------------------------------------------
r(1, 0x10, 'none', 'movups', 'Vps,Wps', M.opMovupsVpsWps, 'sse');
r(1, 0x10, '66', 'movupd', 'Vpd,Wpd', M.opMovupdVpdWpd, 'sse2');
r(1, 0x10, 'f3', 'movss', 'Vss,Wss', M.opMovssVssWss, 'sse');
r(1, 0x10, 'f2', 'movsd', 'Vsd,Wsd', M.opMovsdVsdWsd, 'sse2');
r(1, 0x11, 'none', 'movups', 'Wps,Vps', M.opMovupsWpsVps, 'sse');
r(1, 0x11, '66', 'movupd', 'Wpd,Vpd', M.opMovupdWpdVpd, 'sse2');
r(1, 0x11, 'f3', 'movss', 'Wss,Vss', M.opMovssWssVss, 'sse');
r(1, 0x11, 'f2', 'movsd', 'Wsd,Vsd', M.opMovsdWsdVsd, 'sse2');
r(1, 0x12, 'none', 'movlps', 'Vq,Mq', M.opMovlpsVqMq, 'sse', MEM);
r(1, 0x12, 'none', 'movhlps', 'Vq,Uq', M.opMovhlpsVqUq, 'sse', REG);
r(1, 0x12, '66', 'movlpd', 'Vq,Mq', M.opMovlpdVqMq, 'sse2', MEM);
r(1, 0x12, 'f3', 'movsldup', 'Vdq,Wdq', M.opMovsldupVdqWdq, 'sse3');
r(1, 0x12, 'f2', 'movddup', 'Vdq,Wq', M.opMovddupVdqWq, 'sse3');
r(1, 0x13, 'none', 'movlps', 'Mq,Vq', M.opMovlpsMqVq, 'sse', MEM);
r(1, 0x13, '66', 'movlpd', 'Mq,Vq', M.opMovlpdMqVq, 'sse2', MEM);
r(1, 0x14, 'none', 'unpcklps', 'Vps,Wps', M.opUnpcklpsVpsWps, 'sse');
r(1, 0x14, '66', 'unpcklpd', 'Vpd,Wpd', M.opUnpcklpdVpdWpd, 'sse2');
r(1, 0x15, 'none', 'unpckhps', 'Vps,Wps', M.opUnpckhpsVpsWps, 'sse');
r(1, 0x15, '66', 'unpckhpd', 'Vpd,Wpd', M.opUnpckhpdVpdWpd, 'sse2');
r(1, 0x16, 'none', 'movhps', 'Vq,Mq', M.opMovhpsVqMq, 'sse', MEM);
r(1, 0x16, 'none', 'movlhps', 'Vq,Uq', M.opMovlhpsVqUq, 'sse', REG);
r(1, 0x16, '66', 'movhpd', 'Vq,Mq', M.opMovhpdVqMq, 'sse2', MEM);
r(1, 0x16, 'f3', 'movshdup', 'Vdq,Wdq', M.opMovshdupVdqWdq, 'sse3');
r(1, 0x17, 'none', 'movhps', 'Mq,Vq', M.opMovhpsMqVq, 'sse', MEM);
r(1, 0x17, '66', 'movhpd', 'Mq,Vq', M.opMovhpdMqVq, 'sse2', MEM);

// ---- 0F 18: PREFETCHh (memory forms; the rest of 0F 18-1F are hint NOPs in the base table) --
r(1, 0x18, 'none', 'prefetchnta', 'Mb', M.opPrefetchMb, 'sse', { ext: 0, mod: 'mem' });
r(1, 0x18, 'none', 'prefetcht0', 'Mb', M.opPrefetchMb, 'sse', { ext: 1, mod: 'mem' });
r(1, 0x18, 'none', 'prefetcht1', 'Mb', M.opPrefetchMb, 'sse', { ext: 2, mod: 'mem' });
r(1, 0x18, 'none', 'prefetcht2', 'Mb', M.opPrefetchMb, 'sse', { ext: 3, mod: 'mem' });

// ---- 0F 28-2F: aligned moves, conversions, compares ----------------------------------------
r(1, 0x28, 'none', 'movaps', 'Vps,Wps', M.opMovapsVpsWps, 'sse');
r(1, 0x28, '66', 'movapd', 'Vpd,Wpd', M.opMovapdVpdWpd, 'sse2');
r(1, 0x29, 'none', 'movaps', 'Wps,Vps', M.opMovapsWpsVps, 'sse');
r(1, 0x29, '66', 'movapd', 'Wpd,Vpd', M.opMovapdWpdVpd, 'sse2');
r(1, 0x2a, 'f3', 'cvtsi2ss', 'Vss,Ey', C.opCvtsi2ssVssEy, 'sse', SZV);
r(1, 0x2a, 'f2', 'cvtsi2sd', 'Vsd,Ey', C.opCvtsi2sdVsdEy, 'sse2', SZV);
r(1, 0x2b, 'none', 'movntps', 'Mps,Vps', M.opMovntpsMpsVps, 'sse', MEM);
r(1, 0x2b, '66', 'movntpd', 'Mpd,Vpd', M.opMovntpdMpdVpd, 'sse2', MEM);
r(1, 0x2c, 'f3', 'cvttss2si', 'Gy,Wss', C.opCvttss2siGyWss, 'sse', SZV);
r(1, 0x2c, 'f2', 'cvttsd2si', 'Gy,Wsd', C.opCvttsd2siGyWsd, 'sse2', SZV);
r(1, 0x2d, 'f3', 'cvtss2si', 'Gy,Wss', C.opCvtss2siGyWss, 'sse', SZV);
r(1, 0x2d, 'f2', 'cvtsd2si', 'Gy,Wsd', C.opCvtsd2siGyWsd, 'sse2', SZV);
r(1, 0x2e, 'none', 'ucomiss', 'Vss,Wss', F.opUcomissVssWss, 'sse');
r(1, 0x2e, '66', 'ucomisd', 'Vsd,Wsd', F.opUcomisdVsdWsd, 'sse2');
r(1, 0x2f, 'none', 'comiss', 'Vss,Wss', F.opComissVssWss, 'sse');
r(1, 0x2f, '66', 'comisd', 'Vsd,Wsd', F.opComisdVsdWsd, 'sse2');

// ---- 0F 50-5F: float arithmetic and logic --------------------------------------------------
r(1, 0x50, 'none', 'movmskps', 'Gd,Ups', M.opMovmskpsGdUps, 'sse', REG);
r(1, 0x50, '66', 'movmskpd', 'Gd,Upd', M.opMovmskpdGdUpd, 'sse2', REG);

/** The four prefix forms of an arithmetic opcode: PS, PD (66), SS (F3), SD (F2). */
function arith4(code: number, base: string, ps: Handler, pd: Handler, ss: Handler, sd: Handler): void {
  r(1, code, 'none', base + 'ps', 'Vps,Wps', ps, 'sse');
  r(1, code, '66', base + 'pd', 'Vpd,Wpd', pd, 'sse2');
  r(1, code, 'f3', base + 'ss', 'Vss,Wss', ss, 'sse');
  r(1, code, 'f2', base + 'sd', 'Vsd,Wsd', sd, 'sse2');
}
arith4(0x51, 'sqrt', A.opSqrtpsVpsWps, A.opSqrtpdVpdWpd, A.opSqrtssVssWss, A.opSqrtsdVsdWsd);
r(1, 0x52, 'none', 'rsqrtps', 'Vps,Wps', F.opRsqrtpsVpsWps, 'sse');
r(1, 0x52, 'f3', 'rsqrtss', 'Vss,Wss', F.opRsqrtssVssWss, 'sse');
r(1, 0x53, 'none', 'rcpps', 'Vps,Wps', F.opRcppsVpsWps, 'sse');
r(1, 0x53, 'f3', 'rcpss', 'Vss,Wss', F.opRcpssVssWss, 'sse');
r(1, 0x54, 'none', 'andps', 'Vps,Wps', I.opAndpsVpsWps, 'sse');
r(1, 0x54, '66', 'andpd', 'Vpd,Wpd', I.opAndpdVpdWpd, 'sse2');
r(1, 0x55, 'none', 'andnps', 'Vps,Wps', I.opAndnpsVpsWps, 'sse');
r(1, 0x55, '66', 'andnpd', 'Vpd,Wpd', I.opAndnpdVpdWpd, 'sse2');
r(1, 0x56, 'none', 'orps', 'Vps,Wps', I.opOrpsVpsWps, 'sse');
r(1, 0x56, '66', 'orpd', 'Vpd,Wpd', I.opOrpdVpdWpd, 'sse2');
r(1, 0x57, 'none', 'xorps', 'Vps,Wps', I.opXorpsVpsWps, 'sse');
r(1, 0x57, '66', 'xorpd', 'Vpd,Wpd', I.opXorpdVpdWpd, 'sse2');
arith4(0x58, 'add', A.opAddpsVpsWps, A.opAddpdVpdWpd, A.opAddssVssWss, A.opAddsdVsdWsd);
arith4(0x59, 'mul', A.opMulpsVpsWps, A.opMulpdVpdWpd, A.opMulssVssWss, A.opMulsdVsdWsd);
r(1, 0x5a, 'none', 'cvtps2pd', 'Vpd,Wq', C.opCvtps2pdVpdWq, 'sse2');
r(1, 0x5a, '66', 'cvtpd2ps', 'Vps,Wpd', C.opCvtpd2psVpsWpd, 'sse2');
r(1, 0x5a, 'f3', 'cvtss2sd', 'Vsd,Wss', C.opCvtss2sdVsdWss, 'sse2');
r(1, 0x5a, 'f2', 'cvtsd2ss', 'Vss,Wsd', C.opCvtsd2ssVssWsd, 'sse2');
r(1, 0x5b, 'none', 'cvtdq2ps', 'Vps,Wdq', C.opCvtdq2psVpsWdq, 'sse2');
r(1, 0x5b, '66', 'cvtps2dq', 'Vdq,Wps', C.opCvtps2dqVdqWps, 'sse2');
r(1, 0x5b, 'f3', 'cvttps2dq', 'Vdq,Wps', C.opCvttps2dqVdqWps, 'sse2');
arith4(0x5c, 'sub', A.opSubpsVpsWps, A.opSubpdVpdWpd, A.opSubssVssWss, A.opSubsdVsdWsd);
arith4(0x5d, 'min', F.opMinpsVpsWps, F.opMinpdVpdWpd, F.opMinssVssWss, F.opMinsdVsdWsd);
arith4(0x5e, 'div', A.opDivpsVpsWps, A.opDivpdVpdWpd, A.opDivssVssWss, A.opDivsdVsdWsd);
arith4(0x5f, 'max', F.opMaxpsVpsWps, F.opMaxpdVpdWpd, F.opMaxssVssWss, F.opMaxsdVsdWsd);

// ---- 66 0F 60-7F: packed integer, MOVD/MOVQ, MOVDQA/MOVDQU ---------------------------------

/** A 66-prefixed packed-integer row 'Vdq,Wdq'. */
function p66(map: number, code: number, name: string, fn: Handler, feature = 'sse2'): void {
  r(map, code, '66', name, 'Vdq,Wdq', fn, feature);
}
p66(1, 0x60, 'punpcklbw', X.opPunpcklbwVdqWdq);
p66(1, 0x61, 'punpcklwd', X.opPunpcklwdVdqWdq);
p66(1, 0x62, 'punpckldq', X.opPunpckldqVdqWdq);
p66(1, 0x63, 'packsswb', X.opPacksswbVdqWdq);
p66(1, 0x64, 'pcmpgtb', I.opPcmpgtbVdqWdq);
p66(1, 0x65, 'pcmpgtw', I.opPcmpgtwVdqWdq);
p66(1, 0x66, 'pcmpgtd', I.opPcmpgtdVdqWdq);
p66(1, 0x67, 'packuswb', X.opPackuswbVdqWdq);
p66(1, 0x68, 'punpckhbw', X.opPunpckhbwVdqWdq);
p66(1, 0x69, 'punpckhwd', X.opPunpckhwdVdqWdq);
p66(1, 0x6a, 'punpckhdq', X.opPunpckhdqVdqWdq);
p66(1, 0x6b, 'packssdw', X.opPackssdwVdqWdq);
p66(1, 0x6c, 'punpcklqdq', X.opPunpcklqdqVdqWdq);
p66(1, 0x6d, 'punpckhqdq', X.opPunpckhqdqVdqWdq);
r(1, 0x6e, '66', 'movd', 'Vy,Ey', M.opMovdVyEy, 'sse2', SZV);
r(1, 0x6f, '66', 'movdqa', 'Vdq,Wdq', M.opMovdqaVdqWdq, 'sse2');
r(1, 0x6f, 'f3', 'movdqu', 'Vdq,Wdq', M.opMovdquVdqWdq, 'sse2');
r(1, 0x70, '66', 'pshufd', 'Vdq,Wdq,Ib', X.opPshufdVdqWdqIb, 'sse2');
r(1, 0x70, 'f3', 'pshufhw', 'Vdq,Wdq,Ib', X.opPshufhwVdqWdqIb, 'sse2');
r(1, 0x70, 'f2', 'pshuflw', 'Vdq,Wdq,Ib', X.opPshuflwVdqWdqIb, 'sse2');
r(1, 0x71, '66', 'psrlw', 'Udq,Ib', I.opPsrlwUdqIb, 'sse2', { ext: 2, mod: 'reg' });
r(1, 0x71, '66', 'psraw', 'Udq,Ib', I.opPsrawUdqIb, 'sse2', { ext: 4, mod: 'reg' });
r(1, 0x71, '66', 'psllw', 'Udq,Ib', I.opPsllwUdqIb, 'sse2', { ext: 6, mod: 'reg' });
r(1, 0x72, '66', 'psrld', 'Udq,Ib', I.opPsrldUdqIb, 'sse2', { ext: 2, mod: 'reg' });
r(1, 0x72, '66', 'psrad', 'Udq,Ib', I.opPsradUdqIb, 'sse2', { ext: 4, mod: 'reg' });
r(1, 0x72, '66', 'pslld', 'Udq,Ib', I.opPslldUdqIb, 'sse2', { ext: 6, mod: 'reg' });
r(1, 0x73, '66', 'psrlq', 'Udq,Ib', I.opPsrlqUdqIb, 'sse2', { ext: 2, mod: 'reg' });
r(1, 0x73, '66', 'psrldq', 'Udq,Ib', I.opPsrldqUdqIb, 'sse2', { ext: 3, mod: 'reg' });
r(1, 0x73, '66', 'psllq', 'Udq,Ib', I.opPsllqUdqIb, 'sse2', { ext: 6, mod: 'reg' });
r(1, 0x73, '66', 'pslldq', 'Udq,Ib', I.opPslldqUdqIb, 'sse2', { ext: 7, mod: 'reg' });
p66(1, 0x74, 'pcmpeqb', I.opPcmpeqbVdqWdq);
p66(1, 0x75, 'pcmpeqw', I.opPcmpeqwVdqWdq);
p66(1, 0x76, 'pcmpeqd', I.opPcmpeqdVdqWdq);
r(1, 0x7c, '66', 'haddpd', 'Vpd,Wpd', F.opHaddpdVpdWpd, 'sse3');
r(1, 0x7c, 'f2', 'haddps', 'Vps,Wps', F.opHaddpsVpsWps, 'sse3');
r(1, 0x7d, '66', 'hsubpd', 'Vpd,Wpd', F.opHsubpdVpdWpd, 'sse3');
r(1, 0x7d, 'f2', 'hsubps', 'Vps,Wps', F.opHsubpsVpsWps, 'sse3');
r(1, 0x7e, '66', 'movd', 'Ey,Vy', M.opMovdEyVy, 'sse2', SZV);
r(1, 0x7e, 'f3', 'movq', 'Vq,Wq', M.opMovqVqWq, 'sse2');
r(1, 0x7f, '66', 'movdqa', 'Wdq,Vdq', M.opMovdqaWdqVdq, 'sse2');
r(1, 0x7f, 'f3', 'movdqu', 'Wdq,Vdq', M.opMovdquWdqVdq, 'sse2');

// ---- 0F AE: MXCSR and fences (the other 0F AE forms belong to other units) -----------------
r(1, 0xae, 'none', 'ldmxcsr', 'Md', M.opLdmxcsrMd, 'sse', { ext: 2, mod: 'mem' });
r(1, 0xae, 'none', 'stmxcsr', 'Md', M.opStmxcsrMd, 'sse', { ext: 3, mod: 'mem' });
r(1, 0xae, 'none', 'lfence', '', M.opFence, 'sse2', { ext: 5, mod: 'reg' });
r(1, 0xae, 'none', 'mfence', '', M.opFence, 'sse2', { ext: 6, mod: 'reg' });
r(1, 0xae, 'none', 'sfence', '', M.opFence, 'sse', { ext: 7, mod: 'reg' });

// ---- 0F C2-C6 ------------------------------------------------------------------------------
r(1, 0xc2, 'none', 'cmpps', 'Vps,Wps,Ib', F.opCmppsVpsWpsIb, 'sse');
r(1, 0xc2, '66', 'cmppd', 'Vpd,Wpd,Ib', F.opCmppdVpdWpdIb, 'sse2');
r(1, 0xc2, 'f3', 'cmpss', 'Vss,Wss,Ib', F.opCmpssVssWssIb, 'sse');
r(1, 0xc2, 'f2', 'cmpsd', 'Vsd,Wsd,Ib', F.opCmpsdVsdWsdIb, 'sse2');
r(1, 0xc3, 'none', 'movnti', 'My,Gy', M.opMovntiMyGy, 'sse2', { mod: 'mem', size: 'v' });
r(1, 0xc4, '66', 'pinsrw', 'Vdq,Ry/Mw,Ib', X.opPinsrwVdqEwIb, 'sse');
r(1, 0xc5, '66', 'pextrw', 'Gd,Udq,Ib', X.opPextrwGdUdqIb, 'sse', REG);
r(1, 0xc6, 'none', 'shufps', 'Vps,Wps,Ib', M.opShufpsVpsWpsIb, 'sse');
r(1, 0xc6, '66', 'shufpd', 'Vpd,Wpd,Ib', M.opShufpdVpdWpdIb, 'sse2');

// ---- 0F D0-FF ------------------------------------------------------------------------------
r(1, 0xd0, '66', 'addsubpd', 'Vpd,Wpd', F.opAddsubpdVpdWpd, 'sse3');
r(1, 0xd0, 'f2', 'addsubps', 'Vps,Wps', F.opAddsubpsVpsWps, 'sse3');
p66(1, 0xd1, 'psrlw', I.opPsrlwVdqWdq);
p66(1, 0xd2, 'psrld', I.opPsrldVdqWdq);
p66(1, 0xd3, 'psrlq', I.opPsrlqVdqWdq);
p66(1, 0xd4, 'paddq', I.opPaddqVdqWdq);
p66(1, 0xd5, 'pmullw', I.opPmullwVdqWdq);
r(1, 0xd6, '66', 'movq', 'Wq,Vq', M.opMovqWqVq, 'sse2');
r(1, 0xd7, '66', 'pmovmskb', 'Gd,Udq', M.opPmovmskbGdUdq, 'sse2', REG);
p66(1, 0xd8, 'psubusb', I.opPsubusbVdqWdq);
p66(1, 0xd9, 'psubusw', I.opPsubuswVdqWdq);
p66(1, 0xda, 'pminub', I.opPminubVdqWdq);
p66(1, 0xdb, 'pand', I.opPandVdqWdq);
p66(1, 0xdc, 'paddusb', I.opPaddusbVdqWdq);
p66(1, 0xdd, 'paddusw', I.opPadduswVdqWdq);
p66(1, 0xde, 'pmaxub', I.opPmaxubVdqWdq);
p66(1, 0xdf, 'pandn', I.opPandnVdqWdq);
p66(1, 0xe0, 'pavgb', I.opPavgbVdqWdq);
p66(1, 0xe1, 'psraw', I.opPsrawVdqWdq);
p66(1, 0xe2, 'psrad', I.opPsradVdqWdq);
p66(1, 0xe3, 'pavgw', I.opPavgwVdqWdq);
p66(1, 0xe4, 'pmulhuw', I.opPmulhuwVdqWdq);
p66(1, 0xe5, 'pmulhw', I.opPmulhwVdqWdq);
r(1, 0xe6, '66', 'cvttpd2dq', 'Vdq,Wpd', C.opCvttpd2dqVdqWpd, 'sse2');
r(1, 0xe6, 'f3', 'cvtdq2pd', 'Vpd,Wq', C.opCvtdq2pdVpdWq, 'sse2');
r(1, 0xe6, 'f2', 'cvtpd2dq', 'Vdq,Wpd', C.opCvtpd2dqVdqWpd, 'sse2');
r(1, 0xe7, '66', 'movntdq', 'Mdq,Vdq', M.opMovntdqMdqVdq, 'sse2', MEM);
p66(1, 0xe8, 'psubsb', I.opPsubsbVdqWdq);
p66(1, 0xe9, 'psubsw', I.opPsubswVdqWdq);
p66(1, 0xea, 'pminsw', I.opPminswVdqWdq);
p66(1, 0xeb, 'por', I.opPorVdqWdq);
p66(1, 0xec, 'paddsb', I.opPaddsbVdqWdq);
p66(1, 0xed, 'paddsw', I.opPaddswVdqWdq);
p66(1, 0xee, 'pmaxsw', I.opPmaxswVdqWdq);
p66(1, 0xef, 'pxor', I.opPxorVdqWdq);
r(1, 0xf0, 'f2', 'lddqu', 'Vdq,Mdq', M.opLddquVdqMdq, 'sse3', MEM);
p66(1, 0xf1, 'psllw', I.opPsllwVdqWdq);
p66(1, 0xf2, 'pslld', I.opPslldVdqWdq);
p66(1, 0xf3, 'psllq', I.opPsllqVdqWdq);
p66(1, 0xf4, 'pmuludq', I.opPmuludqVdqWdq);
p66(1, 0xf5, 'pmaddwd', I.opPmaddwdVdqWdq);
p66(1, 0xf6, 'psadbw', I.opPsadbwVdqWdq);
r(1, 0xf7, '66', 'maskmovdqu', 'Vdq,Udq', M.opMaskmovdquVdqUdq, 'sse2', REG);
p66(1, 0xf8, 'psubb', I.opPsubbVdqWdq);
p66(1, 0xf9, 'psubw', I.opPsubwVdqWdq);
p66(1, 0xfa, 'psubd', I.opPsubdVdqWdq);
p66(1, 0xfb, 'psubq', I.opPsubqVdqWdq);
p66(1, 0xfc, 'paddb', I.opPaddbVdqWdq);
p66(1, 0xfd, 'paddw', I.opPaddwVdqWdq);
p66(1, 0xfe, 'paddd', I.opPadddVdqWdq);

// ---- 0F 38: SSSE3, SSE4.1, SSE4.2 (PCMPGTQ, CRC32) -----------------------------------------
p66(2, 0x00, 'pshufb', X.opPshufbVdqWdq, 'ssse3');
p66(2, 0x01, 'phaddw', I4.opPhaddwVdqWdq, 'ssse3');
p66(2, 0x02, 'phaddd', I4.opPhadddVdqWdq, 'ssse3');
p66(2, 0x03, 'phaddsw', I4.opPhaddswVdqWdq, 'ssse3');
p66(2, 0x04, 'pmaddubsw', I4.opPmaddubswVdqWdq, 'ssse3');
p66(2, 0x05, 'phsubw', I4.opPhsubwVdqWdq, 'ssse3');
p66(2, 0x06, 'phsubd', I4.opPhsubdVdqWdq, 'ssse3');
p66(2, 0x07, 'phsubsw', I4.opPhsubswVdqWdq, 'ssse3');
p66(2, 0x08, 'psignb', I4.opPsignbVdqWdq, 'ssse3');
p66(2, 0x09, 'psignw', I4.opPsignwVdqWdq, 'ssse3');
p66(2, 0x0a, 'psignd', I4.opPsigndVdqWdq, 'ssse3');
p66(2, 0x0b, 'pmulhrsw', I4.opPmulhrswVdqWdq, 'ssse3');
p66(2, 0x10, 'pblendvb', X.opPblendvbVdqWdq, 'sse4.1');
r(2, 0x14, '66', 'blendvps', 'Vps,Wps', X.opBlendvpsVpsWps, 'sse4.1');
r(2, 0x15, '66', 'blendvpd', 'Vpd,Wpd', X.opBlendvpdVpdWpd, 'sse4.1');
p66(2, 0x17, 'ptest', I4.opPtestVdqWdq, 'sse4.1');
p66(2, 0x1c, 'pabsb', I4.opPabsbVdqWdq, 'ssse3');
p66(2, 0x1d, 'pabsw', I4.opPabswVdqWdq, 'ssse3');
p66(2, 0x1e, 'pabsd', I4.opPabsdVdqWdq, 'ssse3');
r(2, 0x20, '66', 'pmovsxbw', 'Vdq,Wq', X.opPmovsxbwVdqWq, 'sse4.1');
r(2, 0x21, '66', 'pmovsxbd', 'Vdq,Wd', X.opPmovsxbdVdqWd, 'sse4.1');
r(2, 0x22, '66', 'pmovsxbq', 'Vdq,Ww', X.opPmovsxbqVdqWw, 'sse4.1');
r(2, 0x23, '66', 'pmovsxwd', 'Vdq,Wq', X.opPmovsxwdVdqWq, 'sse4.1');
r(2, 0x24, '66', 'pmovsxwq', 'Vdq,Wd', X.opPmovsxwqVdqWd, 'sse4.1');
r(2, 0x25, '66', 'pmovsxdq', 'Vdq,Wq', X.opPmovsxdqVdqWq, 'sse4.1');
p66(2, 0x28, 'pmuldq', I4.opPmuldqVdqWdq, 'sse4.1');
p66(2, 0x29, 'pcmpeqq', I4.opPcmpeqqVdqWdq, 'sse4.1');
r(2, 0x2a, '66', 'movntdqa', 'Vdq,Mdq', M.opMovntdqaVdqMdq, 'sse4.1', MEM);
p66(2, 0x2b, 'packusdw', X.opPackusdwVdqWdq, 'sse4.1');
r(2, 0x30, '66', 'pmovzxbw', 'Vdq,Wq', X.opPmovzxbwVdqWq, 'sse4.1');
r(2, 0x31, '66', 'pmovzxbd', 'Vdq,Wd', X.opPmovzxbdVdqWd, 'sse4.1');
r(2, 0x32, '66', 'pmovzxbq', 'Vdq,Ww', X.opPmovzxbqVdqWw, 'sse4.1');
r(2, 0x33, '66', 'pmovzxwd', 'Vdq,Wq', X.opPmovzxwdVdqWq, 'sse4.1');
r(2, 0x34, '66', 'pmovzxwq', 'Vdq,Wd', X.opPmovzxwqVdqWd, 'sse4.1');
r(2, 0x35, '66', 'pmovzxdq', 'Vdq,Wq', X.opPmovzxdqVdqWq, 'sse4.1');
p66(2, 0x37, 'pcmpgtq', I4.opPcmpgtqVdqWdq, 'sse4.2');
p66(2, 0x38, 'pminsb', I.opPminsbVdqWdq, 'sse4.1');
p66(2, 0x39, 'pminsd', I4.opPminsdVdqWdq, 'sse4.1');
p66(2, 0x3a, 'pminuw', I.opPminuwVdqWdq, 'sse4.1');
p66(2, 0x3b, 'pminud', I4.opPminudVdqWdq, 'sse4.1');
p66(2, 0x3c, 'pmaxsb', I.opPmaxsbVdqWdq, 'sse4.1');
p66(2, 0x3d, 'pmaxsd', I4.opPmaxsdVdqWdq, 'sse4.1');
p66(2, 0x3e, 'pmaxuw', I.opPmaxuwVdqWdq, 'sse4.1');
p66(2, 0x3f, 'pmaxud', I4.opPmaxudVdqWdq, 'sse4.1');
p66(2, 0x40, 'pmulld', I4.opPmulldVdqWdq, 'sse4.1');
p66(2, 0x41, 'phminposuw', I4.opPhminposuwVdqWdq, 'sse4.1');
r(2, 0xf0, 'f2', 'crc32', 'Gy,Eb', STR.opCrc32GyEb, 'sse4.2', { size: 'b' });
r(2, 0xf1, 'f2', 'crc32', 'Gy,Ev', STR.opCrc32GyEv, 'sse4.2', SZV);

// ---- 66 0F 3A: SSSE3 PALIGNR, SSE4.1, SSE4.2 string compares --------------------------------
r(3, 0x08, '66', 'roundps', 'Vps,Wps,Ib', F.opRoundpsVpsWpsIb, 'sse4.1');
r(3, 0x09, '66', 'roundpd', 'Vpd,Wpd,Ib', F.opRoundpdVpdWpdIb, 'sse4.1');
r(3, 0x0a, '66', 'roundss', 'Vss,Wss,Ib', F.opRoundssVssWssIb, 'sse4.1');
r(3, 0x0b, '66', 'roundsd', 'Vsd,Wsd,Ib', F.opRoundsdVsdWsdIb, 'sse4.1');
r(3, 0x0c, '66', 'blendps', 'Vps,Wps,Ib', X.opBlendpsVpsWpsIb, 'sse4.1');
r(3, 0x0d, '66', 'blendpd', 'Vpd,Wpd,Ib', X.opBlendpdVpdWpdIb, 'sse4.1');
r(3, 0x0e, '66', 'pblendw', 'Vdq,Wdq,Ib', X.opPblendwVdqWdqIb, 'sse4.1');
r(3, 0x0f, '66', 'palignr', 'Vdq,Wdq,Ib', X.opPalignrVdqWdqIb, 'ssse3');
r(3, 0x14, '66', 'pextrb', 'Rd/Mb,Vdq,Ib', X.opPextrbEbVdqIb, 'sse4.1');
r(3, 0x15, '66', 'pextrw', 'Rd/Mw,Vdq,Ib', X.opPextrwEwVdqIb, 'sse4.1');
r(3, 0x16, '66', 'pextrd', 'Ey,Vdq,Ib', X.opPextrdEyVdqIb, 'sse4.1', SZV);
r(3, 0x17, '66', 'extractps', 'Ed,Vps,Ib', X.opExtractpsEdVpsIb, 'sse4.1');
r(3, 0x20, '66', 'pinsrb', 'Vdq,Rd/Mb,Ib', X.opPinsrbVdqEbIb, 'sse4.1');
r(3, 0x21, '66', 'insertps', 'Vps,Wss,Ib', X.opInsertpsVpsWssIb, 'sse4.1');
r(3, 0x22, '66', 'pinsrd', 'Vdq,Ey,Ib', X.opPinsrdVdqEyIb, 'sse4.1', SZV);
r(3, 0x40, '66', 'dpps', 'Vps,Wps,Ib', F.opDppsVpsWpsIb, 'sse4.1');
r(3, 0x41, '66', 'dppd', 'Vpd,Wpd,Ib', F.opDppdVpdWpdIb, 'sse4.1');
r(3, 0x42, '66', 'mpsadbw', 'Vdq,Wdq,Ib', I4.opMpsadbwVdqWdqIb, 'sse4.1');
r(3, 0x60, '66', 'pcmpestrm', 'Vdq,Wdq,Ib', STR.opPcmpestrmVdqWdqIb, 'sse4.2');
r(3, 0x61, '66', 'pcmpestri', 'Vdq,Wdq,Ib', STR.opPcmpestriVdqWdqIb, 'sse4.2');
r(3, 0x62, '66', 'pcmpistrm', 'Vdq,Wdq,Ib', STR.opPcmpistrmVdqWdqIb, 'sse4.2');
r(3, 0x63, '66', 'pcmpistri', 'Vdq,Wdq,Ib', STR.opPcmpistriVdqWdqIb, 'sse4.2');

/** SSE rows (legacy encodings), in opcode order per map. */
export const SSE_ROWS: Row[] = rows;
