// Opcode-table rows of the extension groups (Intel SDM Vol. 2D Appendix A.3 opcode maps, operand
// notation §A.2): MMX (non-66 0F 60-7F, C4-C5, D1-FF; Vol. 1 ch. 9) with the SSE/SSE2/SSSE3
// forms on MMX registers, AES-NI and PCLMULQDQ (66 0F 38 DB-DF, 66 0F 3A 44/DF; legacy and
// VEX.128: SDM Vol. 2 §2.3 — these VEX rows live here, not in table_avx), ADX (0F 38 F6)
// and RDRAND/RDSEED (0F C7 /6 /7). SSE4.2's CRC32, PCMPxSTRx and PCMPGTQ rows live in table_sse.
import type { Pfx, Row } from './row.js';
import type { Handler } from './insn.js';
import * as X from '../ops/mmx.js';
import * as AES from '../ops/aes.js';
import { opPclmulqdqVdqWdqIb, opVpclmulqdqVdqHdqWdqIb } from '../ops/clmul.js';
import { opAdcxGyEy, opAdoxGyEy } from '../ops/adx.js';
import { opRdrandRv, opRdseedRv } from '../ops/rand.js';

const rows: Row[] = [];

/** Adds one row; `x` adds the ModRM-form and group fields. */
function r(map: number, code: number, pfx: Pfx, name: string, ops: string, fn: Handler, feature: string,
  x?: { ext?: number; mod?: 'reg' | 'mem' }): void {
  const row: Row = { map, code, pfx, name, ops, fn, feature };
  if (x?.ext !== undefined) row.ext = x.ext;
  if (x?.mod !== undefined) row.mod = x.mod;
  rows.push(row);
}

/** An MMX 'Pq,Qq' row of the 0F map (no mandatory prefix: 66 selects the XMM form in table_sse). */
function mm(code: number, name: string, fn: Handler, feature = 'mmx'): void {
  r(1, code, 'none', name, 'Pq,Qq', fn, feature);
}

const REG = { mod: 'reg' as const };
const MEM = { mod: 'mem' as const };

// ---- 0F 2A-2D: conversions between MMX and XMM registers ---------------------------------------
r(1, 0x2a, 'none', 'cvtpi2ps', 'Vps,Qpi', X.opCvtpi2psVpsQpi, 'sse');
r(1, 0x2a, '66', 'cvtpi2pd', 'Vpd,Qpi', X.opCvtpi2pdVpdQpi, 'sse2');
r(1, 0x2c, 'none', 'cvttps2pi', 'Ppi,Wps', X.opCvttps2piPpiWps, 'sse');
r(1, 0x2c, '66', 'cvttpd2pi', 'Ppi,Wpd', X.opCvttpd2piPpiWpd, 'sse2');
r(1, 0x2d, 'none', 'cvtps2pi', 'Ppi,Wps', X.opCvtps2piPpiWps, 'sse');
r(1, 0x2d, '66', 'cvtpd2pi', 'Ppi,Wpd', X.opCvtpd2piPpiWpd, 'sse2');

// ---- 0F 60-7F ----------------------------------------------------------------------------------
r(1, 0x60, 'none', 'punpcklbw', 'Pq,Qd', X.opPunpcklbwPqQd, 'mmx');
r(1, 0x61, 'none', 'punpcklwd', 'Pq,Qd', X.opPunpcklwdPqQd, 'mmx');
r(1, 0x62, 'none', 'punpckldq', 'Pq,Qd', X.opPunpckldqPqQd, 'mmx');
mm(0x63, 'packsswb', X.opPacksswbPqQq);
mm(0x64, 'pcmpgtb', X.opPcmpgtbPqQq);
mm(0x65, 'pcmpgtw', X.opPcmpgtwPqQq);
mm(0x66, 'pcmpgtd', X.opPcmpgtdPqQq);
mm(0x67, 'packuswb', X.opPackuswbPqQq);
mm(0x68, 'punpckhbw', X.opPunpckhbwPqQq);
mm(0x69, 'punpckhwd', X.opPunpckhwdPqQq);
mm(0x6a, 'punpckhdq', X.opPunpckhdqPqQq);
mm(0x6b, 'packssdw', X.opPackssdwPqQq);
r(1, 0x6e, 'none', 'movd', 'Pq,Ey', X.opMovdPqEy, 'mmx'); // REX.W: MOVQ mm, r/m64
mm(0x6f, 'movq', X.opMovqPqQq);
r(1, 0x70, 'none', 'pshufw', 'Pq,Qq,Ib', X.opPshufwPqQqIb, 'sse');
r(1, 0x71, 'none', 'psrlw', 'Nq,Ib', X.opPsrlwNqIb, 'mmx', { ext: 2, mod: 'reg' });
r(1, 0x71, 'none', 'psraw', 'Nq,Ib', X.opPsrawNqIb, 'mmx', { ext: 4, mod: 'reg' });
r(1, 0x71, 'none', 'psllw', 'Nq,Ib', X.opPsllwNqIb, 'mmx', { ext: 6, mod: 'reg' });
r(1, 0x72, 'none', 'psrld', 'Nq,Ib', X.opPsrldNqIb, 'mmx', { ext: 2, mod: 'reg' });
r(1, 0x72, 'none', 'psrad', 'Nq,Ib', X.opPsradNqIb, 'mmx', { ext: 4, mod: 'reg' });
r(1, 0x72, 'none', 'pslld', 'Nq,Ib', X.opPslldNqIb, 'mmx', { ext: 6, mod: 'reg' });
r(1, 0x73, 'none', 'psrlq', 'Nq,Ib', X.opPsrlqNqIb, 'mmx', { ext: 2, mod: 'reg' });
r(1, 0x73, 'none', 'psllq', 'Nq,Ib', X.opPsllqNqIb, 'mmx', { ext: 6, mod: 'reg' });
mm(0x74, 'pcmpeqb', X.opPcmpeqbPqQq);
mm(0x75, 'pcmpeqw', X.opPcmpeqwPqQq);
mm(0x76, 'pcmpeqd', X.opPcmpeqdPqQq);
r(1, 0x77, 'none', 'emms', '', X.opEmms, 'mmx');
r(1, 0x7e, 'none', 'movd', 'Ey,Pq', X.opMovdEyPq, 'mmx'); // REX.W: MOVQ r/m64, mm
r(1, 0x7f, 'none', 'movq', 'Qq,Pq', X.opMovqQqPq, 'mmx');

// ---- 0F C4-C5, D1-FF -----------------------------------------------------------------------------
r(1, 0xc4, 'none', 'pinsrw', 'Pq,Ry/Mw,Ib', X.opPinsrwPqEwIb, 'sse');
r(1, 0xc5, 'none', 'pextrw', 'Gd,Nq,Ib', X.opPextrwGdNqIb, 'sse', REG);
mm(0xd1, 'psrlw', X.opPsrlwPqQq);
mm(0xd2, 'psrld', X.opPsrldPqQq);
mm(0xd3, 'psrlq', X.opPsrlqPqQq);
mm(0xd4, 'paddq', X.opPaddqPqQq, 'sse2');
mm(0xd5, 'pmullw', X.opPmullwPqQq);
r(1, 0xd6, 'f3', 'movq2dq', 'Vdq,Nq', X.opMovq2dqVdqNq, 'sse2', REG);
r(1, 0xd6, 'f2', 'movdq2q', 'Pq,Uq', X.opMovdq2qPqUq, 'sse2', REG);
r(1, 0xd7, 'none', 'pmovmskb', 'Gd,Nq', X.opPmovmskbGdNq, 'sse', REG);
mm(0xd8, 'psubusb', X.opPsubusbPqQq);
mm(0xd9, 'psubusw', X.opPsubuswPqQq);
mm(0xda, 'pminub', X.opPminubPqQq, 'sse');
mm(0xdb, 'pand', X.opPandPqQq);
mm(0xdc, 'paddusb', X.opPaddusbPqQq);
mm(0xdd, 'paddusw', X.opPadduswPqQq);
mm(0xde, 'pmaxub', X.opPmaxubPqQq, 'sse');
mm(0xdf, 'pandn', X.opPandnPqQq);
mm(0xe0, 'pavgb', X.opPavgbPqQq, 'sse');
mm(0xe1, 'psraw', X.opPsrawPqQq);
mm(0xe2, 'psrad', X.opPsradPqQq);
mm(0xe3, 'pavgw', X.opPavgwPqQq, 'sse');
mm(0xe4, 'pmulhuw', X.opPmulhuwPqQq, 'sse');
mm(0xe5, 'pmulhw', X.opPmulhwPqQq);
r(1, 0xe7, 'none', 'movntq', 'Mq,Pq', X.opMovntqMqPq, 'sse', MEM);
mm(0xe8, 'psubsb', X.opPsubsbPqQq);
mm(0xe9, 'psubsw', X.opPsubswPqQq);
mm(0xea, 'pminsw', X.opPminswPqQq, 'sse');
mm(0xeb, 'por', X.opPorPqQq);
mm(0xec, 'paddsb', X.opPaddsbPqQq);
mm(0xed, 'paddsw', X.opPaddswPqQq);
mm(0xee, 'pmaxsw', X.opPmaxswPqQq, 'sse');
mm(0xef, 'pxor', X.opPxorPqQq);
mm(0xf1, 'psllw', X.opPsllwPqQq);
mm(0xf2, 'pslld', X.opPslldPqQq);
mm(0xf3, 'psllq', X.opPsllqPqQq);
mm(0xf4, 'pmuludq', X.opPmuludqPqQq, 'sse2');
mm(0xf5, 'pmaddwd', X.opPmaddwdPqQq);
mm(0xf6, 'psadbw', X.opPsadbwPqQq, 'sse');
r(1, 0xf7, 'none', 'maskmovq', 'Pq,Nq', X.opMaskmovqPqNq, 'sse', REG);
mm(0xf8, 'psubb', X.opPsubbPqQq);
mm(0xf9, 'psubw', X.opPsubwPqQq);
mm(0xfa, 'psubd', X.opPsubdPqQq);
mm(0xfb, 'psubq', X.opPsubqPqQq, 'sse2');
mm(0xfc, 'paddb', X.opPaddbPqQq);
mm(0xfd, 'paddw', X.opPaddwPqQq);
mm(0xfe, 'paddd', X.opPadddPqQq);

// ---- 0F 38 / 0F 3A: SSSE3 on MMX registers -------------------------------------------------------

/** An SSSE3 'Pq,Qq' row of the 0F 38 map. */
function ssse3(code: number, name: string, fn: Handler): void {
  r(2, code, 'none', name, 'Pq,Qq', fn, 'ssse3');
}
ssse3(0x00, 'pshufb', X.opPshufbPqQq);
ssse3(0x01, 'phaddw', X.opPhaddwPqQq);
ssse3(0x02, 'phaddd', X.opPhadddPqQq);
ssse3(0x03, 'phaddsw', X.opPhaddswPqQq);
ssse3(0x04, 'pmaddubsw', X.opPmaddubswPqQq);
ssse3(0x05, 'phsubw', X.opPhsubwPqQq);
ssse3(0x06, 'phsubd', X.opPhsubdPqQq);
ssse3(0x07, 'phsubsw', X.opPhsubswPqQq);
ssse3(0x08, 'psignb', X.opPsignbPqQq);
ssse3(0x09, 'psignw', X.opPsignwPqQq);
ssse3(0x0a, 'psignd', X.opPsigndPqQq);
ssse3(0x0b, 'pmulhrsw', X.opPmulhrswPqQq);
ssse3(0x1c, 'pabsb', X.opPabsbPqQq);
ssse3(0x1d, 'pabsw', X.opPabswPqQq);
ssse3(0x1e, 'pabsd', X.opPabsdPqQq);
r(3, 0x0f, 'none', 'palignr', 'Pq,Qq,Ib', X.opPalignrPqQqIb, 'ssse3');

// ---- AES-NI, PCLMULQDQ -------------------------------------------------------------------------
r(2, 0xdb, '66', 'aesimc', 'Vdq,Wdq', AES.opAesimcVdqWdq, 'aes');
r(2, 0xdc, '66', 'aesenc', 'Vdq,Wdq', AES.opAesencVdqWdq, 'aes');
r(2, 0xdd, '66', 'aesenclast', 'Vdq,Wdq', AES.opAesenclastVdqWdq, 'aes');
r(2, 0xde, '66', 'aesdec', 'Vdq,Wdq', AES.opAesdecVdqWdq, 'aes');
r(2, 0xdf, '66', 'aesdeclast', 'Vdq,Wdq', AES.opAesdeclastVdqWdq, 'aes');
r(3, 0xdf, '66', 'aeskeygenassist', 'Vdq,Wdq,Ib', AES.opAeskeygenassistVdqWdqIb, 'aes');
r(3, 0x44, '66', 'pclmulqdq', 'Vdq,Wdq,Ib', opPclmulqdqVdqWdqIb, 'pclmulqdq');

/** A VEX.128 row (VEX.L = 1 is VAES/VPCLMULQDQ's 256-bit form, not implemented: #UD). */
function v128(map: number, code: number, name: string, ops: string, fn: Handler, feature: string): void {
  rows.push({ map, code, pfx: '66', name, ops, fn, feature, vex: true, vexL: 0 });
}
v128(2, 0xdb, 'aesimc', 'Vdq,Wdq', AES.opVaesimcVdqWdq, 'aes+avx');
v128(2, 0xdc, 'aesenc', 'Vdq,Hdq,Wdq', AES.opVaesencVdqHdqWdq, 'aes+avx');
v128(2, 0xdd, 'aesenclast', 'Vdq,Hdq,Wdq', AES.opVaesenclastVdqHdqWdq, 'aes+avx');
v128(2, 0xde, 'aesdec', 'Vdq,Hdq,Wdq', AES.opVaesdecVdqHdqWdq, 'aes+avx');
v128(2, 0xdf, 'aesdeclast', 'Vdq,Hdq,Wdq', AES.opVaesdeclastVdqHdqWdq, 'aes+avx');
v128(3, 0xdf, 'aeskeygenassist', 'Vdq,Wdq,Ib', AES.opVaeskeygenassistVdqWdqIb, 'aes+avx');
v128(3, 0x44, 'pclmulqdq', 'Vdq,Hdq,Wdq,Ib', opVpclmulqdqVdqHdqWdqIb, 'pclmulqdq+avx');

// ---- ADX (operand size from REX.W only: a 66 next to F3 does not make ADOX 16-bit) ---------------
r(2, 0xf6, '66', 'adcx', 'Gy,Ey', opAdcxGyEy, 'adx');
r(2, 0xf6, 'f3', 'adox', 'Gy,Ey', opAdoxGyEy, 'adx');

/** Extension rows (legacy encodings), in opcode order per group. */
export const EXT_ROWS: Row[] = [
  ...rows,
  // RDRAND/RDSEED r16/r32/r64: 66 is the operand-size prefix here, so no mandatory prefix
  // (F3/F2 forms are RDPID/SENDUIPI or undefined: the handlers raise #UD for them).
  { map: 1, code: 0xc7, ext: 6, mod: 'reg', name: 'rdrand', ops: 'Rv', fn: opRdrandRv, feature: 'rdrand' },
  { map: 1, code: 0xc7, ext: 7, mod: 'reg', name: 'rdseed', ops: 'Rv', fn: opRdseedRv, feature: 'rdseed' },
];
