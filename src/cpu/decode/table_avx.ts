// AVX, AVX2, FMA and F16C rows (VEX-encoded forms of the 0F, 0F38 and 0F3A maps; Intel SDM Vol. 2
// §2.3 VEX, Appendix A.3 opcode maps with the VEX columns, per-instruction pages for VEX.L/W
// constraints) and the XSAVE family (0F 01 D0 XGETBV, 0F AE /4 /5 /6, 0F C7 /4). A row without
// vexL is LIG (or valid for both lengths); vexL: 0/1 restricts it, so the other length is #UD.
// Integer forms valid at both lengths are listed twice: VEX.128 is AVX, VEX.256 is AVX2.
// Forms that ignore VEX.vvvv check in their handler that it is 1111b (#UD otherwise).
import type { Pfx, Row } from './row.js';
import type { Handler } from './insn.js';
import * as MV from '../ops/avx_mov.js';
import * as IN from '../ops/avx_int.js';
import * as SH from '../ops/avx_shuf.js';
import * as FP from '../ops/avx_fp.js';
import * as AR from '../ops/avx_arith.js';
import * as CV from '../ops/avx_cvt.js';
import * as GA from '../ops/avx_gather.js';
import * as XS from '../ops/xsave.js';
import * as FM from '../ops/avx_fma.js';

/** Row constraints beyond map/opcode/prefix. */
interface X {
  L?: 0 | 1;
  w?: 0 | 1;
  ext?: number;
  mod?: 'reg' | 'mem';
  size?: Row['size'];
}

const rows: Row[] = [];

/** Adds one VEX row. */
function v(map: number, code: number, pfx: Pfx, name: string, ops: string, fn: Handler, feature: string, x?: X): void {
  const row: Row = { map, code, pfx, name, ops, fn, feature, vex: true, size: 'y' };
  if (x !== undefined) {
    if (x.L !== undefined) row.vexL = x.L;
    if (x.w !== undefined) row.w = x.w;
    if (x.ext !== undefined) row.ext = x.ext;
    if (x.mod !== undefined) row.mod = x.mod;
    if (x.size !== undefined) row.size = x.size;
  }
  rows.push(row);
}

/** An integer form: VEX.128 (AVX) and VEX.256 (AVX2) rows with the same handler. */
function vi(map: number, code: number, pfx: Pfx, name: string, ops: string, fn: Handler, x?: X): void {
  v(map, code, pfx, name, ops, fn, 'AVX', { ...x, L: 0 });
  v(map, code, pfx, name, ops, fn, 'AVX2', { ...x, L: 1 });
}

const L0: X = { L: 0 };
const L1: X = { L: 1 };
const MEM: X = { mod: 'mem' };
const REG: X = { mod: 'reg' };
const W0: X = { w: 0 };
const SZV: X = { size: 'v' };

// ---- 0F 10-17: moves ------------------------------------------------------------------------------
v(1, 0x10, 'none', 'vmovups', 'Vx,Wx', MV.opVmovupsVxWx, 'AVX');
v(1, 0x10, '66', 'vmovupd', 'Vx,Wx', MV.opVmovupdVxWx, 'AVX');
v(1, 0x10, 'f3', 'vmovss', 'Vx,Hx,Wss', MV.opVmovssVxHxUx, 'AVX', REG);
v(1, 0x10, 'f3', 'vmovss', 'Vx,Mss', MV.opVmovssVxMd, 'AVX', MEM);
v(1, 0x10, 'f2', 'vmovsd', 'Vx,Hx,Wsd', MV.opVmovsdVxHxUx, 'AVX', REG);
v(1, 0x10, 'f2', 'vmovsd', 'Vx,Msd', MV.opVmovsdVxMq, 'AVX', MEM);
v(1, 0x11, 'none', 'vmovups', 'Wx,Vx', MV.opVmovupsWxVx, 'AVX');
v(1, 0x11, '66', 'vmovupd', 'Wx,Vx', MV.opVmovupdWxVx, 'AVX');
v(1, 0x11, 'f3', 'vmovss', 'Wss,Hx,Vss', MV.opVmovssUxHxVx, 'AVX', REG);
v(1, 0x11, 'f3', 'vmovss', 'Mss,Vss', MV.opVmovssMdVx, 'AVX', MEM);
v(1, 0x11, 'f2', 'vmovsd', 'Wsd,Hx,Vsd', MV.opVmovsdUxHxVx, 'AVX', REG);
v(1, 0x11, 'f2', 'vmovsd', 'Msd,Vsd', MV.opVmovsdMqVx, 'AVX', MEM);
v(1, 0x12, 'none', 'vmovlps', 'Vx,Hx,Mq', MV.opVmovlpsVxHxMq, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x12, 'none', 'vmovhlps', 'Vx,Hx,Ux', MV.opVmovhlpsVxHxUx, 'AVX', { L: 0, mod: 'reg' });
v(1, 0x12, '66', 'vmovlpd', 'Vx,Hx,Mq', MV.opVmovlpsVxHxMq, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x12, 'f3', 'vmovsldup', 'Vx,Wx', MV.opVmovsldupVxWx, 'AVX');
v(1, 0x12, 'f2', 'vmovddup', 'Vx,Wx', MV.opVmovddupVxWx, 'AVX');
v(1, 0x13, 'none', 'vmovlps', 'Mq,Vq', MV.opVmovlpsMqVx, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x13, '66', 'vmovlpd', 'Mq,Vq', MV.opVmovlpsMqVx, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x14, 'none', 'vunpcklps', 'Vx,Hx,Wx', SH.opVpunpckldqVxHxWx, 'AVX');
v(1, 0x14, '66', 'vunpcklpd', 'Vx,Hx,Wx', SH.opVpunpcklqdqVxHxWx, 'AVX');
v(1, 0x15, 'none', 'vunpckhps', 'Vx,Hx,Wx', SH.opVpunpckhdqVxHxWx, 'AVX');
v(1, 0x15, '66', 'vunpckhpd', 'Vx,Hx,Wx', SH.opVpunpckhqdqVxHxWx, 'AVX');
v(1, 0x16, 'none', 'vmovhps', 'Vx,Hx,Mq', MV.opVmovhpsVxHxMq, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x16, 'none', 'vmovlhps', 'Vx,Hx,Ux', MV.opVmovlhpsVxHxUx, 'AVX', { L: 0, mod: 'reg' });
v(1, 0x16, '66', 'vmovhpd', 'Vx,Hx,Mq', MV.opVmovhpsVxHxMq, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x16, 'f3', 'vmovshdup', 'Vx,Wx', MV.opVmovshdupVxWx, 'AVX');
v(1, 0x17, 'none', 'vmovhps', 'Mq,Vq', MV.opVmovhpsMqVx, 'AVX', { L: 0, mod: 'mem' });
v(1, 0x17, '66', 'vmovhpd', 'Mq,Vq', MV.opVmovhpsMqVx, 'AVX', { L: 0, mod: 'mem' });

// ---- 0F 28-2F -----------------------------------------------------------------------------------------
v(1, 0x28, 'none', 'vmovaps', 'Vx,Wx', MV.opVmovapsVxWx, 'AVX');
v(1, 0x28, '66', 'vmovapd', 'Vx,Wx', MV.opVmovapdVxWx, 'AVX');
v(1, 0x29, 'none', 'vmovaps', 'Wx,Vx', MV.opVmovapsWxVx, 'AVX');
v(1, 0x29, '66', 'vmovapd', 'Wx,Vx', MV.opVmovapdWxVx, 'AVX');
v(1, 0x2a, 'f3', 'vcvtsi2ss', 'Vx,Hx,Ey', CV.opVcvtsi2ssVxHxEy, 'AVX', SZV);
v(1, 0x2a, 'f2', 'vcvtsi2sd', 'Vx,Hx,Ey', CV.opVcvtsi2sdVxHxEy, 'AVX', SZV);
v(1, 0x2b, 'none', 'vmovntps', 'Mx,Vx', MV.opVmovntpsMxVx, 'AVX', MEM);
v(1, 0x2b, '66', 'vmovntpd', 'Mx,Vx', MV.opVmovntpdMxVx, 'AVX', MEM);
v(1, 0x2c, 'f3', 'vcvttss2si', 'Gy,Wss', CV.opVcvttss2siGyWss, 'AVX', SZV);
v(1, 0x2c, 'f2', 'vcvttsd2si', 'Gy,Wsd', CV.opVcvttsd2siGyWsd, 'AVX', SZV);
v(1, 0x2d, 'f3', 'vcvtss2si', 'Gy,Wss', CV.opVcvtss2siGyWss, 'AVX', SZV);
v(1, 0x2d, 'f2', 'vcvtsd2si', 'Gy,Wsd', CV.opVcvtsd2siGyWsd, 'AVX', SZV);
v(1, 0x2e, 'none', 'vucomiss', 'Vss,Wss', FP.opVucomissVxWss, 'AVX');
v(1, 0x2e, '66', 'vucomisd', 'Vsd,Wsd', FP.opVucomisdVxWsd, 'AVX');
v(1, 0x2f, 'none', 'vcomiss', 'Vss,Wss', FP.opVcomissVxWss, 'AVX');
v(1, 0x2f, '66', 'vcomisd', 'Vsd,Wsd', FP.opVcomisdVxWsd, 'AVX');

// ---- 0F 50-5F -----------------------------------------------------------------------------------------
v(1, 0x50, 'none', 'vmovmskps', 'Gd,Ux', MV.opVmovmskpsGdUx, 'AVX', REG);
v(1, 0x50, '66', 'vmovmskpd', 'Gd,Ux', MV.opVmovmskpdGdUx, 'AVX', REG);

/** The four arithmetic forms of one opcode: PS, PD (66), SS (F3), SD (F2). */
function arith4(code: number, base: string, ps: Handler, pd: Handler, ss: Handler, sd: Handler): void {
  v(1, code, 'none', base + 'ps', 'Vx,Hx,Wx', ps, 'AVX');
  v(1, code, '66', base + 'pd', 'Vx,Hx,Wx', pd, 'AVX');
  v(1, code, 'f3', base + 'ss', 'Vx,Hx,Wss', ss, 'AVX');
  v(1, code, 'f2', base + 'sd', 'Vx,Hx,Wsd', sd, 'AVX');
}
v(1, 0x51, 'none', 'vsqrtps', 'Vx,Wx', AR.opVsqrtpsVxWx, 'AVX');
v(1, 0x51, '66', 'vsqrtpd', 'Vx,Wx', AR.opVsqrtpdVxWx, 'AVX');
v(1, 0x51, 'f3', 'vsqrtss', 'Vx,Hx,Wss', AR.opVsqrtssVxHxWss, 'AVX');
v(1, 0x51, 'f2', 'vsqrtsd', 'Vx,Hx,Wsd', AR.opVsqrtsdVxHxWsd, 'AVX');
v(1, 0x52, 'none', 'vrsqrtps', 'Vx,Wx', FP.opVrsqrtpsVxWx, 'AVX');
v(1, 0x52, 'f3', 'vrsqrtss', 'Vx,Hx,Wss', FP.opVrsqrtssVxHxWss, 'AVX');
v(1, 0x53, 'none', 'vrcpps', 'Vx,Wx', FP.opVrcppsVxWx, 'AVX');
v(1, 0x53, 'f3', 'vrcpss', 'Vx,Hx,Wss', FP.opVrcpssVxHxWss, 'AVX');
v(1, 0x54, 'none', 'vandps', 'Vx,Hx,Wx', IN.opVpandVxHxWx, 'AVX');
v(1, 0x54, '66', 'vandpd', 'Vx,Hx,Wx', IN.opVpandVxHxWx, 'AVX');
v(1, 0x55, 'none', 'vandnps', 'Vx,Hx,Wx', IN.opVpandnVxHxWx, 'AVX');
v(1, 0x55, '66', 'vandnpd', 'Vx,Hx,Wx', IN.opVpandnVxHxWx, 'AVX');
v(1, 0x56, 'none', 'vorps', 'Vx,Hx,Wx', IN.opVporVxHxWx, 'AVX');
v(1, 0x56, '66', 'vorpd', 'Vx,Hx,Wx', IN.opVporVxHxWx, 'AVX');
v(1, 0x57, 'none', 'vxorps', 'Vx,Hx,Wx', IN.opVpxorVxHxWx, 'AVX');
v(1, 0x57, '66', 'vxorpd', 'Vx,Hx,Wx', IN.opVpxorVxHxWx, 'AVX');
arith4(0x58, 'vadd', AR.opVaddpsVxHxWx, AR.opVaddpdVxHxWx, AR.opVaddssVxHxWss, AR.opVaddsdVxHxWsd);
arith4(0x59, 'vmul', AR.opVmulpsVxHxWx, AR.opVmulpdVxHxWx, AR.opVmulssVxHxWss, AR.opVmulsdVxHxWsd);
v(1, 0x5a, 'none', 'vcvtps2pd', 'Vpd,Wps', CV.opVcvtps2pdVxWx, 'AVX');
v(1, 0x5a, '66', 'vcvtpd2ps', 'Vps,Wpd', CV.opVcvtpd2psVxWx, 'AVX');
v(1, 0x5a, 'f3', 'vcvtss2sd', 'Vx,Hx,Wss', CV.opVcvtss2sdVxHxWss, 'AVX');
v(1, 0x5a, 'f2', 'vcvtsd2ss', 'Vx,Hx,Wsd', CV.opVcvtsd2ssVxHxWsd, 'AVX');
v(1, 0x5b, 'none', 'vcvtdq2ps', 'Vps,Wdq', CV.opVcvtdq2psVxWx, 'AVX');
v(1, 0x5b, '66', 'vcvtps2dq', 'Vdq,Wps', CV.opVcvtps2dqVxWx, 'AVX');
v(1, 0x5b, 'f3', 'vcvttps2dq', 'Vdq,Wps', CV.opVcvttps2dqVxWx, 'AVX');
arith4(0x5c, 'vsub', AR.opVsubpsVxHxWx, AR.opVsubpdVxHxWx, AR.opVsubssVxHxWss, AR.opVsubsdVxHxWsd);
arith4(0x5d, 'vmin', AR.opVminpsVxHxWx, AR.opVminpdVxHxWx, AR.opVminssVxHxWss, AR.opVminsdVxHxWsd);
arith4(0x5e, 'vdiv', AR.opVdivpsVxHxWx, AR.opVdivpdVxHxWx, AR.opVdivssVxHxWss, AR.opVdivsdVxHxWsd);
arith4(0x5f, 'vmax', AR.opVmaxpsVxHxWx, AR.opVmaxpdVxHxWx, AR.opVmaxssVxHxWss, AR.opVmaxsdVxHxWsd);

// ---- 66 0F 60-7F: packed integer ------------------------------------------------------------------------

/** A 66-prefixed packed-integer form 'Vx,Hx,Wx' at both lengths. */
function pi(map: number, code: number, name: string, fn: Handler): void {
  vi(map, code, '66', name, 'Vx,Hx,Wx', fn);
}
pi(1, 0x60, 'vpunpcklbw', SH.opVpunpcklbwVxHxWx);
pi(1, 0x61, 'vpunpcklwd', SH.opVpunpcklwdVxHxWx);
pi(1, 0x62, 'vpunpckldq', SH.opVpunpckldqVxHxWx);
pi(1, 0x63, 'vpacksswb', SH.opVpacksswbVxHxWx);
pi(1, 0x64, 'vpcmpgtb', IN.opVpcmpgtbVxHxWx);
pi(1, 0x65, 'vpcmpgtw', IN.opVpcmpgtwVxHxWx);
pi(1, 0x66, 'vpcmpgtd', IN.opVpcmpgtdVxHxWx);
pi(1, 0x67, 'vpackuswb', SH.opVpackuswbVxHxWx);
pi(1, 0x68, 'vpunpckhbw', SH.opVpunpckhbwVxHxWx);
pi(1, 0x69, 'vpunpckhwd', SH.opVpunpckhwdVxHxWx);
pi(1, 0x6a, 'vpunpckhdq', SH.opVpunpckhdqVxHxWx);
pi(1, 0x6b, 'vpackssdw', SH.opVpackssdwVxHxWx);
pi(1, 0x6c, 'vpunpcklqdq', SH.opVpunpcklqdqVxHxWx);
pi(1, 0x6d, 'vpunpckhqdq', SH.opVpunpckhqdqVxHxWx);
v(1, 0x6e, '66', 'vmovd', 'Vy,Ey', MV.opVmovdVxEy, 'AVX', { L: 0, w: 0, size: 'v' });
v(1, 0x6e, '66', 'vmovq', 'Vy,Ey', MV.opVmovdVxEy, 'AVX', { L: 0, w: 1, size: 'v' });
v(1, 0x6f, '66', 'vmovdqa', 'Vx,Wx', MV.opVmovdqaVxWx, 'AVX');
v(1, 0x6f, 'f3', 'vmovdqu', 'Vx,Wx', MV.opVmovdquVxWx, 'AVX');
vi(1, 0x70, '66', 'vpshufd', 'Vx,Wx,Ib', SH.opVpshufdVxWxIb);
vi(1, 0x70, 'f3', 'vpshufhw', 'Vx,Wx,Ib', SH.opVpshufhwVxWxIb);
vi(1, 0x70, 'f2', 'vpshuflw', 'Vx,Wx,Ib', SH.opVpshuflwVxWxIb);
vi(1, 0x71, '66', 'vpsrlw', 'Hx,Ux,Ib', IN.opVpsrlwHxUxIb, { ext: 2, mod: 'reg' });
vi(1, 0x71, '66', 'vpsraw', 'Hx,Ux,Ib', IN.opVpsrawHxUxIb, { ext: 4, mod: 'reg' });
vi(1, 0x71, '66', 'vpsllw', 'Hx,Ux,Ib', IN.opVpsllwHxUxIb, { ext: 6, mod: 'reg' });
vi(1, 0x72, '66', 'vpsrld', 'Hx,Ux,Ib', IN.opVpsrldHxUxIb, { ext: 2, mod: 'reg' });
vi(1, 0x72, '66', 'vpsrad', 'Hx,Ux,Ib', IN.opVpsradHxUxIb, { ext: 4, mod: 'reg' });
vi(1, 0x72, '66', 'vpslld', 'Hx,Ux,Ib', IN.opVpslldHxUxIb, { ext: 6, mod: 'reg' });
vi(1, 0x73, '66', 'vpsrlq', 'Hx,Ux,Ib', IN.opVpsrlqHxUxIb, { ext: 2, mod: 'reg' });
vi(1, 0x73, '66', 'vpsrldq', 'Hx,Ux,Ib', IN.opVpsrldqHxUxIb, { ext: 3, mod: 'reg' });
vi(1, 0x73, '66', 'vpsllq', 'Hx,Ux,Ib', IN.opVpsllqHxUxIb, { ext: 6, mod: 'reg' });
vi(1, 0x73, '66', 'vpslldq', 'Hx,Ux,Ib', IN.opVpslldqHxUxIb, { ext: 7, mod: 'reg' });
pi(1, 0x74, 'vpcmpeqb', IN.opVpcmpeqbVxHxWx);
pi(1, 0x75, 'vpcmpeqw', IN.opVpcmpeqwVxHxWx);
pi(1, 0x76, 'vpcmpeqd', IN.opVpcmpeqdVxHxWx);
v(1, 0x77, 'none', 'vzeroupper', '', MV.opVzeroupper, 'AVX', L0);
v(1, 0x77, 'none', 'vzeroall', '', MV.opVzeroall, 'AVX', L1);
v(1, 0x7c, '66', 'vhaddpd', 'Vx,Hx,Wx', FP.opVhaddpdVxHxWx, 'AVX');
v(1, 0x7c, 'f2', 'vhaddps', 'Vx,Hx,Wx', FP.opVhaddpsVxHxWx, 'AVX');
v(1, 0x7d, '66', 'vhsubpd', 'Vx,Hx,Wx', FP.opVhsubpdVxHxWx, 'AVX');
v(1, 0x7d, 'f2', 'vhsubps', 'Vx,Hx,Wx', FP.opVhsubpsVxHxWx, 'AVX');
v(1, 0x7e, '66', 'vmovd', 'Ey,Vy', MV.opVmovdEyVx, 'AVX', { L: 0, w: 0, size: 'v' });
v(1, 0x7e, '66', 'vmovq', 'Ey,Vy', MV.opVmovdEyVx, 'AVX', { L: 0, w: 1, size: 'v' });
v(1, 0x7e, 'f3', 'vmovq', 'Vx,Wq', MV.opVmovqVxWq, 'AVX', L0);
v(1, 0x7f, '66', 'vmovdqa', 'Wx,Vx', MV.opVmovdqaWxVx, 'AVX');
v(1, 0x7f, 'f3', 'vmovdqu', 'Wx,Vx', MV.opVmovdquWxVx, 'AVX');

// ---- 0F AE, C2-C6 ----------------------------------------------------------------------------------------
v(1, 0xae, 'none', 'vldmxcsr', 'Md', MV.opVldmxcsrMd, 'AVX', { L: 0, ext: 2, mod: 'mem' });
v(1, 0xae, 'none', 'vstmxcsr', 'Md', MV.opVstmxcsrMd, 'AVX', { L: 0, ext: 3, mod: 'mem' });
v(1, 0xc2, 'none', 'vcmpps', 'Vx,Hx,Wx,Ib', FP.opVcmppsVxHxWxIb, 'AVX');
v(1, 0xc2, '66', 'vcmppd', 'Vx,Hx,Wx,Ib', FP.opVcmppdVxHxWxIb, 'AVX');
v(1, 0xc2, 'f3', 'vcmpss', 'Vx,Hx,Wss,Ib', FP.opVcmpssVxHxWssIb, 'AVX');
v(1, 0xc2, 'f2', 'vcmpsd', 'Vx,Hx,Wsd,Ib', FP.opVcmpsdVxHxWsdIb, 'AVX');
v(1, 0xc4, '66', 'vpinsrw', 'Vx,Hx,Ey,Ib', MV.opVpinsrwVxHxEwIb, 'AVX', L0);
v(1, 0xc5, '66', 'vpextrw', 'Gd,Ux,Ib', MV.opVpextrwGdUxIb, 'AVX', { L: 0, mod: 'reg' });
v(1, 0xc6, 'none', 'vshufps', 'Vx,Hx,Wx,Ib', SH.opVshufpsVxHxWxIb, 'AVX');
v(1, 0xc6, '66', 'vshufpd', 'Vx,Hx,Wx,Ib', SH.opVshufpdVxHxWxIb, 'AVX');

// ---- 0F D0-FF ----------------------------------------------------------------------------------------------
v(1, 0xd0, '66', 'vaddsubpd', 'Vx,Hx,Wx', FP.opVaddsubpdVxHxWx, 'AVX');
v(1, 0xd0, 'f2', 'vaddsubps', 'Vx,Hx,Wx', FP.opVaddsubpsVxHxWx, 'AVX');
vi(1, 0xd1, '66', 'vpsrlw', 'Vx,Hx,Wdq', IN.opVpsrlwVxHxWx);
vi(1, 0xd2, '66', 'vpsrld', 'Vx,Hx,Wdq', IN.opVpsrldVxHxWx);
vi(1, 0xd3, '66', 'vpsrlq', 'Vx,Hx,Wdq', IN.opVpsrlqVxHxWx);
pi(1, 0xd4, 'vpaddq', IN.opVpaddqVxHxWx);
pi(1, 0xd5, 'vpmullw', IN.opVpmullwVxHxWx);
v(1, 0xd6, '66', 'vmovq', 'Wq,Vq', MV.opVmovqWqVx, 'AVX', L0);
vi(1, 0xd7, '66', 'vpmovmskb', 'Gd,Ux', MV.opVpmovmskbGdUx, REG);
pi(1, 0xd8, 'vpsubusb', IN.opVpsubusbVxHxWx);
pi(1, 0xd9, 'vpsubusw', IN.opVpsubuswVxHxWx);
pi(1, 0xda, 'vpminub', IN.opVpminubVxHxWx);
pi(1, 0xdb, 'vpand', IN.opVpandVxHxWx);
pi(1, 0xdc, 'vpaddusb', IN.opVpaddusbVxHxWx);
pi(1, 0xdd, 'vpaddusw', IN.opVpadduswVxHxWx);
pi(1, 0xde, 'vpmaxub', IN.opVpmaxubVxHxWx);
pi(1, 0xdf, 'vpandn', IN.opVpandnVxHxWx);
pi(1, 0xe0, 'vpavgb', IN.opVpavgbVxHxWx);
vi(1, 0xe1, '66', 'vpsraw', 'Vx,Hx,Wdq', IN.opVpsrawVxHxWx);
vi(1, 0xe2, '66', 'vpsrad', 'Vx,Hx,Wdq', IN.opVpsradVxHxWx);
pi(1, 0xe3, 'vpavgw', IN.opVpavgwVxHxWx);
pi(1, 0xe4, 'vpmulhuw', IN.opVpmulhuwVxHxWx);
pi(1, 0xe5, 'vpmulhw', IN.opVpmulhwVxHxWx);
v(1, 0xe6, '66', 'vcvttpd2dq', 'Vdq,Wpd', CV.opVcvttpd2dqVxWx, 'AVX');
v(1, 0xe6, 'f3', 'vcvtdq2pd', 'Vpd,Wdq', CV.opVcvtdq2pdVxWx, 'AVX');
v(1, 0xe6, 'f2', 'vcvtpd2dq', 'Vdq,Wpd', CV.opVcvtpd2dqVxWx, 'AVX');
v(1, 0xe7, '66', 'vmovntdq', 'Mx,Vx', MV.opVmovntdqMxVx, 'AVX', MEM);
pi(1, 0xe8, 'vpsubsb', IN.opVpsubsbVxHxWx);
pi(1, 0xe9, 'vpsubsw', IN.opVpsubswVxHxWx);
pi(1, 0xea, 'vpminsw', IN.opVpminswVxHxWx);
pi(1, 0xeb, 'vpor', IN.opVporVxHxWx);
pi(1, 0xec, 'vpaddsb', IN.opVpaddsbVxHxWx);
pi(1, 0xed, 'vpaddsw', IN.opVpaddswVxHxWx);
pi(1, 0xee, 'vpmaxsw', IN.opVpmaxswVxHxWx);
pi(1, 0xef, 'vpxor', IN.opVpxorVxHxWx);
v(1, 0xf0, 'f2', 'vlddqu', 'Vx,Mx', MV.opVlddquVxMx, 'AVX', MEM);
vi(1, 0xf1, '66', 'vpsllw', 'Vx,Hx,Wdq', IN.opVpsllwVxHxWx);
vi(1, 0xf2, '66', 'vpslld', 'Vx,Hx,Wdq', IN.opVpslldVxHxWx);
vi(1, 0xf3, '66', 'vpsllq', 'Vx,Hx,Wdq', IN.opVpsllqVxHxWx);
pi(1, 0xf4, 'vpmuludq', IN.opVpmuludqVxHxWx);
pi(1, 0xf5, 'vpmaddwd', IN.opVpmaddwdVxHxWx);
pi(1, 0xf6, 'vpsadbw', IN.opVpsadbwVxHxWx);
v(1, 0xf7, '66', 'vmaskmovdqu', 'Vdq,Udq', MV.opVmaskmovdquVxUx, 'AVX', { L: 0, mod: 'reg' });
pi(1, 0xf8, 'vpsubb', IN.opVpsubbVxHxWx);
pi(1, 0xf9, 'vpsubw', IN.opVpsubwVxHxWx);
pi(1, 0xfa, 'vpsubd', IN.opVpsubdVxHxWx);
pi(1, 0xfb, 'vpsubq', IN.opVpsubqVxHxWx);
pi(1, 0xfc, 'vpaddb', IN.opVpaddbVxHxWx);
pi(1, 0xfd, 'vpaddw', IN.opVpaddwVxHxWx);
pi(1, 0xfe, 'vpaddd', IN.opVpadddVxHxWx);

// ---- 66 0F 38 ----------------------------------------------------------------------------------------------
pi(2, 0x00, 'vpshufb', SH.opVpshufbVxHxWx);
pi(2, 0x01, 'vphaddw', IN.opVphaddwVxHxWx);
pi(2, 0x02, 'vphaddd', IN.opVphadddVxHxWx);
pi(2, 0x03, 'vphaddsw', IN.opVphaddswVxHxWx);
pi(2, 0x04, 'vpmaddubsw', IN.opVpmaddubswVxHxWx);
pi(2, 0x05, 'vphsubw', IN.opVphsubwVxHxWx);
pi(2, 0x06, 'vphsubd', IN.opVphsubdVxHxWx);
pi(2, 0x07, 'vphsubsw', IN.opVphsubswVxHxWx);
pi(2, 0x08, 'vpsignb', IN.opVpsignbVxHxWx);
pi(2, 0x09, 'vpsignw', IN.opVpsignwVxHxWx);
pi(2, 0x0a, 'vpsignd', IN.opVpsigndVxHxWx);
pi(2, 0x0b, 'vpmulhrsw', IN.opVpmulhrswVxHxWx);
v(2, 0x0c, '66', 'vpermilps', 'Vx,Hx,Wx', SH.opVpermilpsVxHxWx, 'AVX', W0);
v(2, 0x0d, '66', 'vpermilpd', 'Vx,Hx,Wx', SH.opVpermilpdVxHxWx, 'AVX', W0);
v(2, 0x0e, '66', 'vtestps', 'Vx,Wx', FP.opVtestpsVxWx, 'AVX', W0);
v(2, 0x0f, '66', 'vtestpd', 'Vx,Wx', FP.opVtestpdVxWx, 'AVX', W0);
v(2, 0x13, '66', 'vcvtph2ps', 'Vx,Wx', CV.opVcvtph2psVxWx, 'F16C', W0);
v(2, 0x16, '66', 'vpermps', 'Vqq,Hqq,Wqq', SH.opVpermpsVqqHqqWqq, 'AVX2', { L: 1, w: 0 });
v(2, 0x17, '66', 'vptest', 'Vx,Wx', FP.opVptestVxWx, 'AVX');
v(2, 0x18, '66', 'vbroadcastss', 'Vx,Md', MV.opVbroadcastssVxWd, 'AVX', { w: 0, mod: 'mem' });
v(2, 0x18, '66', 'vbroadcastss', 'Vx,Ux', MV.opVbroadcastssVxWd, 'AVX2', { w: 0, mod: 'reg' });
v(2, 0x19, '66', 'vbroadcastsd', 'Vqq,Mq', MV.opVbroadcastsdVqqWq, 'AVX', { L: 1, w: 0, mod: 'mem' });
v(2, 0x19, '66', 'vbroadcastsd', 'Vqq,Ux', MV.opVbroadcastsdVqqWq, 'AVX2', { L: 1, w: 0, mod: 'reg' });
v(2, 0x1a, '66', 'vbroadcastf128', 'Vqq,Mdq', MV.opVbroadcastf128VqqMdq, 'AVX', { L: 1, w: 0, mod: 'mem' });
vi(2, 0x1c, '66', 'vpabsb', 'Vx,Wx', IN.opVpabsbVxWx);
vi(2, 0x1d, '66', 'vpabsw', 'Vx,Wx', IN.opVpabswVxWx);
vi(2, 0x1e, '66', 'vpabsd', 'Vx,Wx', IN.opVpabsdVxWx);
vi(2, 0x20, '66', 'vpmovsxbw', 'Vx,Wx', SH.opVpmovsxbwVxWx);
vi(2, 0x21, '66', 'vpmovsxbd', 'Vx,Wx', SH.opVpmovsxbdVxWx);
vi(2, 0x22, '66', 'vpmovsxbq', 'Vx,Wx', SH.opVpmovsxbqVxWx);
vi(2, 0x23, '66', 'vpmovsxwd', 'Vx,Wx', SH.opVpmovsxwdVxWx);
vi(2, 0x24, '66', 'vpmovsxwq', 'Vx,Wx', SH.opVpmovsxwqVxWx);
vi(2, 0x25, '66', 'vpmovsxdq', 'Vx,Wx', SH.opVpmovsxdqVxWx);
pi(2, 0x28, 'vpmuldq', IN.opVpmuldqVxHxWx);
pi(2, 0x29, 'vpcmpeqq', IN.opVpcmpeqqVxHxWx);
vi(2, 0x2a, '66', 'vmovntdqa', 'Vx,Mx', MV.opVmovntdqaVxMx, MEM);
pi(2, 0x2b, 'vpackusdw', SH.opVpackusdwVxHxWx);
v(2, 0x2c, '66', 'vmaskmovps', 'Vx,Hx,Mx', MV.opVmaskmovpsVxHxMx, 'AVX', { w: 0, mod: 'mem' });
v(2, 0x2d, '66', 'vmaskmovpd', 'Vx,Hx,Mx', MV.opVmaskmovpdVxHxMx, 'AVX', { w: 0, mod: 'mem' });
v(2, 0x2e, '66', 'vmaskmovps', 'Mx,Hx,Vx', MV.opVmaskmovpsMxHxVx, 'AVX', { w: 0, mod: 'mem' });
v(2, 0x2f, '66', 'vmaskmovpd', 'Mx,Hx,Vx', MV.opVmaskmovpdMxHxVx, 'AVX', { w: 0, mod: 'mem' });
vi(2, 0x30, '66', 'vpmovzxbw', 'Vx,Wx', SH.opVpmovzxbwVxWx);
vi(2, 0x31, '66', 'vpmovzxbd', 'Vx,Wx', SH.opVpmovzxbdVxWx);
vi(2, 0x32, '66', 'vpmovzxbq', 'Vx,Wx', SH.opVpmovzxbqVxWx);
vi(2, 0x33, '66', 'vpmovzxwd', 'Vx,Wx', SH.opVpmovzxwdVxWx);
vi(2, 0x34, '66', 'vpmovzxwq', 'Vx,Wx', SH.opVpmovzxwqVxWx);
vi(2, 0x35, '66', 'vpmovzxdq', 'Vx,Wx', SH.opVpmovzxdqVxWx);
v(2, 0x36, '66', 'vpermd', 'Vqq,Hqq,Wqq', SH.opVpermdVqqHqqWqq, 'AVX2', { L: 1, w: 0 });
pi(2, 0x37, 'vpcmpgtq', IN.opVpcmpgtqVxHxWx);
pi(2, 0x38, 'vpminsb', IN.opVpminsbVxHxWx);
pi(2, 0x39, 'vpminsd', IN.opVpminsdVxHxWx);
pi(2, 0x3a, 'vpminuw', IN.opVpminuwVxHxWx);
pi(2, 0x3b, 'vpminud', IN.opVpminudVxHxWx);
pi(2, 0x3c, 'vpmaxsb', IN.opVpmaxsbVxHxWx);
pi(2, 0x3d, 'vpmaxsd', IN.opVpmaxsdVxHxWx);
pi(2, 0x3e, 'vpmaxuw', IN.opVpmaxuwVxHxWx);
pi(2, 0x3f, 'vpmaxud', IN.opVpmaxudVxHxWx);
pi(2, 0x40, 'vpmulld', IN.opVpmulldVxHxWx);
v(2, 0x41, '66', 'vphminposuw', 'Vdq,Wdq', IN.opVphminposuwVxWx, 'AVX', L0);
v(2, 0x45, '66', 'vpsrlvd', 'Vx,Hx,Wx', IN.opVpsrlvdVxHxWx, 'AVX2', { w: 0 });
v(2, 0x45, '66', 'vpsrlvq', 'Vx,Hx,Wx', IN.opVpsrlvqVxHxWx, 'AVX2', { w: 1 });
v(2, 0x46, '66', 'vpsravd', 'Vx,Hx,Wx', IN.opVpsravdVxHxWx, 'AVX2', { w: 0 });
v(2, 0x47, '66', 'vpsllvd', 'Vx,Hx,Wx', IN.opVpsllvdVxHxWx, 'AVX2', { w: 0 });
v(2, 0x47, '66', 'vpsllvq', 'Vx,Hx,Wx', IN.opVpsllvqVxHxWx, 'AVX2', { w: 1 });
v(2, 0x58, '66', 'vpbroadcastd', 'Vx,Wx', MV.opVpbroadcastdVxWd, 'AVX2', W0);
v(2, 0x59, '66', 'vpbroadcastq', 'Vx,Wx', MV.opVpbroadcastqVxWq, 'AVX2', W0);
v(2, 0x5a, '66', 'vbroadcasti128', 'Vqq,Mdq', MV.opVbroadcasti128VqqMdq, 'AVX2', { L: 1, w: 0, mod: 'mem' });
v(2, 0x78, '66', 'vpbroadcastb', 'Vx,Wx', MV.opVpbroadcastbVxWb, 'AVX2', W0);
v(2, 0x79, '66', 'vpbroadcastw', 'Vx,Wx', MV.opVpbroadcastwVxWw, 'AVX2', W0);
v(2, 0x8c, '66', 'vpmaskmovd', 'Vx,Hx,Mx', MV.opVpmaskmovdVxHxMx, 'AVX2', { w: 0, mod: 'mem' });
v(2, 0x8c, '66', 'vpmaskmovq', 'Vx,Hx,Mx', MV.opVpmaskmovqVxHxMx, 'AVX2', { w: 1, mod: 'mem' });
v(2, 0x8e, '66', 'vpmaskmovd', 'Mx,Vx,Hx', MV.opVpmaskmovdMxHxVx, 'AVX2', { w: 0, mod: 'mem' });
v(2, 0x8e, '66', 'vpmaskmovq', 'Mx,Vx,Hx', MV.opVpmaskmovqMxHxVx, 'AVX2', { w: 1, mod: 'mem' });
v(2, 0x90, '66', 'vpgatherdd', 'Vx,Md,Hx', GA.opVpgatherddVxMdHx, 'AVX2', { w: 0, mod: 'mem' });
v(2, 0x90, '66', 'vpgatherdq', 'Vx,Mq,Hx', GA.opVpgatherdqVxMqHx, 'AVX2', { w: 1, mod: 'mem' });
v(2, 0x91, '66', 'vpgatherqd', 'Vx,Md,Hx', GA.opVpgatherqdVxMdHx, 'AVX2', { w: 0, mod: 'mem' });
v(2, 0x91, '66', 'vpgatherqq', 'Vx,Mq,Hx', GA.opVpgatherqqVxMqHx, 'AVX2', { w: 1, mod: 'mem' });
v(2, 0x92, '66', 'vgatherdps', 'Vx,Md,Hx', GA.opVpgatherddVxMdHx, 'AVX2', { w: 0, mod: 'mem' });
v(2, 0x92, '66', 'vgatherdpd', 'Vx,Mq,Hx', GA.opVpgatherdqVxMqHx, 'AVX2', { w: 1, mod: 'mem' });
v(2, 0x93, '66', 'vgatherqps', 'Vx,Md,Hx', GA.opVpgatherqdVxMdHx, 'AVX2', { w: 0, mod: 'mem' });
v(2, 0x93, '66', 'vgatherqpd', 'Vx,Mq,Hx', GA.opVpgatherqqVxMqHx, 'AVX2', { w: 1, mod: 'mem' });

// ---- FMA: 0F38 96-9F (132), A6-AF (213), B6-BF (231) -----------------------------------------------------

for (const [base, form] of [[0x90, '132'], [0xa0, '213'], [0xb0, '231']] as const) {
  const ops: [number, string][] = [[6, 'fmaddsub'], [7, 'fmsubadd'], [8, 'fmadd'], [0xa, 'fmsub'], [0xc, 'fnmadd'], [0xe, 'fnmsub']];
  for (const [lo, name] of ops) {
    const h = (suffix: string): Handler => {
      const f = FM[`opV${name}${form}${suffix}` as keyof typeof FM];
      if (typeof f !== 'function') throw new Error(`table_avx: no handler opV${name}${form}${suffix}`);
      return f as Handler;
    };
    v(2, base + lo, '66', `v${name}${form}ps`, 'Vx,Hx,Wx', h('psVxHxWx'), 'FMA', { w: 0 });
    v(2, base + lo, '66', `v${name}${form}pd`, 'Vx,Hx,Wx', h('pdVxHxWx'), 'FMA', { w: 1 });
    if (lo >= 8) {
      v(2, base + lo + 1, '66', `v${name}${form}ss`, 'Vx,Hx,Wss', h('ssVxHxWss'), 'FMA', { w: 0 });
      v(2, base + lo + 1, '66', `v${name}${form}sd`, 'Vx,Hx,Wsd', h('sdVxHxWsd'), 'FMA', { w: 1 });
    }
  }
}

// ---- 66 0F 3A ----------------------------------------------------------------------------------------------
v(3, 0x00, '66', 'vpermq', 'Vqq,Wqq,Ib', SH.opVpermqVqqWqqIb, 'AVX2', { L: 1, w: 1 });
v(3, 0x01, '66', 'vpermpd', 'Vqq,Wqq,Ib', SH.opVpermpdVqqWqqIb, 'AVX2', { L: 1, w: 1 });
v(3, 0x02, '66', 'vpblendd', 'Vx,Hx,Wx,Ib', SH.opVpblenddVxHxWxIb, 'AVX2', W0);
v(3, 0x04, '66', 'vpermilps', 'Vx,Wx,Ib', SH.opVpermilpsVxWxIb, 'AVX', W0);
v(3, 0x05, '66', 'vpermilpd', 'Vx,Wx,Ib', SH.opVpermilpdVxWxIb, 'AVX', W0);
v(3, 0x06, '66', 'vperm2f128', 'Vqq,Hqq,Wqq,Ib', SH.opVperm2f128VqqHqqWqqIb, 'AVX', { L: 1, w: 0 });
v(3, 0x08, '66', 'vroundps', 'Vx,Wx,Ib', FP.opVroundpsVxWxIb, 'AVX');
v(3, 0x09, '66', 'vroundpd', 'Vx,Wx,Ib', FP.opVroundpdVxWxIb, 'AVX');
v(3, 0x0a, '66', 'vroundss', 'Vx,Hx,Wss,Ib', FP.opVroundssVxHxWssIb, 'AVX');
v(3, 0x0b, '66', 'vroundsd', 'Vx,Hx,Wsd,Ib', FP.opVroundsdVxHxWsdIb, 'AVX');
v(3, 0x0c, '66', 'vblendps', 'Vx,Hx,Wx,Ib', SH.opVblendpsVxHxWxIb, 'AVX');
v(3, 0x0d, '66', 'vblendpd', 'Vx,Hx,Wx,Ib', SH.opVblendpdVxHxWxIb, 'AVX');
vi(3, 0x0e, '66', 'vpblendw', 'Vx,Hx,Wx,Ib', SH.opVpblendwVxHxWxIb);
vi(3, 0x0f, '66', 'vpalignr', 'Vx,Hx,Wx,Ib', SH.opVpalignrVxHxWxIb);
v(3, 0x14, '66', 'vpextrb', 'Ey,Vdq,Ib', MV.opVpextrbEbVxIb, 'AVX', L0);
v(3, 0x15, '66', 'vpextrw', 'Ey,Vdq,Ib', MV.opVpextrwEwVxIb, 'AVX', L0);
v(3, 0x16, '66', 'vpextrd', 'Ey,Vdq,Ib', MV.opVpextrdEyVxIb, 'AVX', { L: 0, w: 0, size: 'v' });
v(3, 0x16, '66', 'vpextrq', 'Ey,Vdq,Ib', MV.opVpextrdEyVxIb, 'AVX', { L: 0, w: 1, size: 'v' });
v(3, 0x17, '66', 'vextractps', 'Ed,Vdq,Ib', MV.opVextractpsEdVxIb, 'AVX', L0);
v(3, 0x18, '66', 'vinsertf128', 'Vqq,Hqq,Wdq,Ib', MV.opVinsertf128VqqHqqWdqIb, 'AVX', { L: 1, w: 0 });
v(3, 0x19, '66', 'vextractf128', 'Wdq,Vqq,Ib', MV.opVextractf128WdqVqqIb, 'AVX', { L: 1, w: 0 });
v(3, 0x1d, '66', 'vcvtps2ph', 'Wx,Vx,Ib', CV.opVcvtps2phWxVxIb, 'F16C', W0);
v(3, 0x20, '66', 'vpinsrb', 'Vdq,Hdq,Ey,Ib', MV.opVpinsrbVxHxEbIb, 'AVX', L0);
v(3, 0x21, '66', 'vinsertps', 'Vdq,Hdq,Wd,Ib', MV.opVinsertpsVxHxWdIb, 'AVX', L0);
v(3, 0x22, '66', 'vpinsrd', 'Vdq,Hdq,Ey,Ib', MV.opVpinsrdVxHxEyIb, 'AVX', { L: 0, w: 0, size: 'v' });
v(3, 0x22, '66', 'vpinsrq', 'Vdq,Hdq,Ey,Ib', MV.opVpinsrdVxHxEyIb, 'AVX', { L: 0, w: 1, size: 'v' });
v(3, 0x38, '66', 'vinserti128', 'Vqq,Hqq,Wdq,Ib', MV.opVinserti128VqqHqqWdqIb, 'AVX2', { L: 1, w: 0 });
v(3, 0x39, '66', 'vextracti128', 'Wdq,Vqq,Ib', MV.opVextracti128WdqVqqIb, 'AVX2', { L: 1, w: 0 });
v(3, 0x40, '66', 'vdpps', 'Vx,Hx,Wx,Ib', FP.opVdppsVxHxWxIb, 'AVX');
v(3, 0x41, '66', 'vdppd', 'Vdq,Hdq,Wdq,Ib', FP.opVdppdVxHxWxIb, 'AVX', L0);
vi(3, 0x42, '66', 'vmpsadbw', 'Vx,Hx,Wx,Ib', IN.opVmpsadbwVxHxWxIb);
v(3, 0x60, '66', 'vpcmpestrm', 'Vdq,Wdq,Ib', IN.opVpcmpestrmVxWxIb, 'AVX', L0);
v(3, 0x61, '66', 'vpcmpestri', 'Vdq,Wdq,Ib', IN.opVpcmpestriVxWxIb, 'AVX', L0);
v(3, 0x62, '66', 'vpcmpistrm', 'Vdq,Wdq,Ib', IN.opVpcmpistrmVxWxIb, 'AVX', L0);
v(3, 0x63, '66', 'vpcmpistri', 'Vdq,Wdq,Ib', IN.opVpcmpistriVxWxIb, 'AVX', L0);
v(3, 0x46, '66', 'vperm2i128', 'Vqq,Hqq,Wqq,Ib', SH.opVperm2i128VqqHqqWqqIb, 'AVX2', { L: 1, w: 0 });
v(3, 0x4a, '66', 'vblendvps', 'Vx,Hx,Wx,L', SH.opVblendvpsVxHxWxL, 'AVX', W0);
v(3, 0x4b, '66', 'vblendvpd', 'Vx,Hx,Wx,L', SH.opVblendvpdVxHxWxL, 'AVX', W0);
vi(3, 0x4c, '66', 'vpblendvb', 'Vx,Hx,Wx,L', SH.opVpblendvbVxHxWxL, W0);

// ---- XSAVE family (legacy encodings) -------------------------------------------------------------------
rows.push(
  { map: 1, code: 0x01, name: 'xgetbv', ops: '', fn: XS.opXgetbv, mod: 'reg', ext: 2, rmf: 0, feature: 'XSAVE' },
  { map: 1, code: 0xae, pfx: 'none', ext: 4, mod: 'mem', w: 0, name: 'xsave', ops: 'M', fn: XS.opXsaveM, feature: 'XSAVE' },
  { map: 1, code: 0xae, pfx: 'none', ext: 4, mod: 'mem', w: 1, name: 'xsave64', ops: 'M', fn: XS.opXsaveM, feature: 'XSAVE' },
  { map: 1, code: 0xae, pfx: 'none', ext: 5, mod: 'mem', w: 0, name: 'xrstor', ops: 'M', fn: XS.opXrstorM, feature: 'XSAVE' },
  { map: 1, code: 0xae, pfx: 'none', ext: 5, mod: 'mem', w: 1, name: 'xrstor64', ops: 'M', fn: XS.opXrstorM, feature: 'XSAVE' },
  { map: 1, code: 0xae, pfx: 'none', ext: 6, mod: 'mem', name: 'xsaveopt', ops: 'M', fn: XS.opXsaveoptM, feature: 'XSAVEOPT' },
  { map: 1, code: 0xc7, pfx: 'none', ext: 4, mod: 'mem', name: 'xsavec', ops: 'M', fn: XS.opXsavecM, feature: 'XSAVEC' },
);

/** AVX, AVX2, FMA, F16C and XSAVE rows. */
export const AVX_ROWS: Row[] = rows;
