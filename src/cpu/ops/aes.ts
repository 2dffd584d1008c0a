// AES-NI (Intel SDM Vol. 2A AESENC, AESENCLAST, AESDEC, AESDECLAST, AESIMC, AESKEYGENASSIST, legacy
// and VEX.128 encodings; the transformations are FIPS-197 §5.1-5.3). The XMM register holds the
// state column by column: byte 4c + r is row r of column c. S-boxes and GF(2^8) product tables
// are built once at load.
import type { Cpu } from '../state.js';
import type { Insn } from '../decode/insn.js';
import { S, SU8, T, loadW, loadWU, storeX } from './sse_operand.js';
import { opUD } from './traps.js';

/** Forward and inverse S-boxes. */
const SBOX = new Uint8Array(256);
const INV = new Uint8Array(256);
/** Products by the MixColumns / InvMixColumns coefficients. */
const M2 = new Uint8Array(256);
const M3 = new Uint8Array(256);
const M9 = new Uint8Array(256);
const M11 = new Uint8Array(256);
const M13 = new Uint8Array(256);
const M14 = new Uint8Array(256);

function gmul(a: number, b: number): number {
  let p = 0;
  for (let k = 0; k < 8; k++) {
    if (b & 1) p ^= a;
    a = (a << 1) ^ (a & 0x80 ? 0x11b : 0);
    b >>= 1;
  }
  return p & 0xff;
}

for (let x = 0; x < 256; x++) {
  // Multiplicative inverse (0 ↦ 0), then the affine map of FIPS-197 §5.1.1.
  let inv = 0;
  for (let y = 1; y < 256 && x !== 0; y++) if (gmul(x, y) === 1) { inv = y; break; }
  let s = inv;
  for (let k = 1; k < 5; k++) s ^= ((inv << k) | (inv >> (8 - k))) & 0xff;
  s ^= 0x63;
  SBOX[x] = s;
  INV[s] = x;
  M2[x] = gmul(x, 2); M3[x] = gmul(x, 3); M9[x] = gmul(x, 9);
  M11[x] = gmul(x, 11); M13[x] = gmul(x, 13); M14[x] = gmul(x, 14);
}

/**
 * Round tables (FIPS-197 §5.2.1's 32-bit implementation): TE[256 j + x] is the MixColumns column
 * contributed by S-box(x) in row j, packed little-endian (row 0 in the low byte); TD likewise for
 * InvMixColumns and the inverse S-box. One round is then 16 lookups and XORs.
 */
const TE = new Int32Array(1024);
const TD = new Int32Array(1024);
for (let x = 0; x < 256; x++) {
  const s = SBOX[x];
  const e = [M2[s], s, s, M3[s]];
  const t = INV[x];
  const d = [M14[t], M9[t], M13[t], M11[t]];
  for (let j = 0; j < 4; j++) {
    // Row j's coefficients are row 0's rotated by j: byte r of the column is e[(r - j) & 3].
    TE[256 * j + x] = e[(0 - j) & 3] | (e[(1 - j) & 3] << 8) | (e[(2 - j) & 3] << 16) | (e[(3 - j) & 3] << 24);
    TD[256 * j + x] = d[(0 - j) & 3] | (d[(1 - j) & 3] << 8) | (d[(2 - j) & 3] << 16) | (d[(3 - j) & 3] << 24);
  }
}

/**
 * Operands of the legacy (xmm1 = state and destination, 16-byte-aligned m128) and VEX.128
 * (state in VEX.vvvv, unaligned m128, destination's bits 255:128 zeroed) encodings: loads the
 * W operand into S and returns the state register.
 */
function operands(c: Cpu, i: Insn, vex: boolean): number {
  if (vex) loadWU(c, i); else loadW(c, i);
  return vex ? i.vvvv : i.reg;
}

/** Writes T to the destination (ModRM.reg); a VEX.128 form zeroes the YMM upper half. */
function store(c: Cpu, i: Insn, vex: boolean): void {
  storeX(c, i.reg, T);
  if (vex) {
    const x = c.xmm;
    const o = (i.reg << 3) + 4;
    x[o] = 0; x[o + 1] = 0; x[o + 2] = 0; x[o + 3] = 0;
  }
}

/** VAESIMC/VAESKEYGENASSIST have no VEX.vvvv operand: it must be 1111b (#UD otherwise). */
function noVvvv(c: Cpu, i: Insn): boolean {
  if (i.vvvv === 0) return true;
  opUD(c, i);
  return false;
}

/**
 * One round on the state in XMM `sn` with round key S into T: ShiftRows (InvShiftRows when `dec`)
 * and SubBytes, MixColumns (InvMixColumns) unless `last`, AddRoundKey. Row r of output column c
 * comes from input column c + r (c - r when decrypting).
 */
function roundT(c: Cpu, sn: number, dec: boolean, last: boolean): void {
  const u = c.xmmU8;
  const o = sn << 5;
  for (let col = 0; col < 4; col++) {
    const c1 = dec ? (col + 3) & 3 : (col + 1) & 3;
    const c3 = dec ? (col + 1) & 3 : (col + 3) & 3;
    const a0 = u[o + 4 * col];
    const a1 = u[o + 4 * c1 + 1];
    const a2 = u[o + 4 * ((col + 2) & 3) + 2];
    const a3 = u[o + 4 * c3 + 3];
    let w: number;
    if (last) {
      const b = dec ? INV : SBOX;
      w = b[a0] | (b[a1] << 8) | (b[a2] << 16) | (b[a3] << 24);
    } else if (dec) w = TD[a0] ^ TD[256 + a1] ^ TD[512 + a2] ^ TD[768 + a3];
    else w = TE[a0] ^ TE[256 + a1] ^ TE[512 + a2] ^ TE[768 + a3];
    T[col] = w ^ S[col];
  }
}

/** One round (see roundT) from the legacy or VEX.128 operands. */
function round(c: Cpu, i: Insn, dec: boolean, last: boolean, vex: boolean): void {
  roundT(c, operands(c, i, vex), dec, last);
  store(c, i, vex);
}

/** InvMixColumns of the W operand (a round key, for the equivalent inverse cipher). */
function imc(c: Cpu, i: Insn, vex: boolean): void {
  operands(c, i, vex);
  for (let col = 0; col < 4; col++) {
    const o = 4 * col;
    // TD holds InvMixColumns of INV[x]; feeding SBOX[x] gives that of x itself.
    T[col] = TD[SBOX[SU8[o]]] ^ TD[256 + SBOX[SU8[o + 1]]] ^ TD[512 + SBOX[SU8[o + 2]]] ^ TD[768 + SBOX[SU8[o + 3]]];
  }
  store(c, i, vex);
}

/** SubWord of dword k of S (four S-box lookups). */
function subWord(k: number): number {
  const o = 4 * k;
  return SBOX[SU8[o]] | (SBOX[SU8[o + 1]] << 8) | (SBOX[SU8[o + 2]] << 16) | (SBOX[SU8[o + 3]] << 24);
}

/** [SubWord(X1), RotWord(SubWord(X1)) ^ RCON, SubWord(X3), RotWord(SubWord(X3)) ^ RCON], RotWord = ROR 8. */
function keygen(c: Cpu, i: Insn, vex: boolean): void {
  operands(c, i, vex);
  const rcon = i.imm & 0xff;
  const x1 = subWord(1);
  const x3 = subWord(3);
  T[0] = x1;
  T[1] = ((x1 >>> 8) | (x1 << 24)) ^ rcon;
  T[2] = x3;
  T[3] = ((x3 >>> 8) | (x3 << 24)) ^ rcon;
  store(c, i, vex);
}

/** AESENC xmm1, xmm2/m128: one encryption round (ShiftRows, SubBytes, MixColumns, AddRoundKey). */
export function opAesencVdqWdq(c: Cpu, i: Insn): void { round(c, i, false, false, false); }
/** AESENCLAST xmm1, xmm2/m128: the last encryption round (no MixColumns). */
export function opAesenclastVdqWdq(c: Cpu, i: Insn): void { round(c, i, false, true, false); }
/** AESDEC xmm1, xmm2/m128: one round of the equivalent inverse cipher. */
export function opAesdecVdqWdq(c: Cpu, i: Insn): void { round(c, i, true, false, false); }
/** AESDECLAST xmm1, xmm2/m128: the last decryption round (no InvMixColumns). */
export function opAesdeclastVdqWdq(c: Cpu, i: Insn): void { round(c, i, true, true, false); }
/** AESIMC xmm1, xmm2/m128. */
export function opAesimcVdqWdq(c: Cpu, i: Insn): void { imc(c, i, false); }
/** AESKEYGENASSIST xmm1, xmm2/m128, imm8 (RCON = imm8). */
export function opAeskeygenassistVdqWdqIb(c: Cpu, i: Insn): void { keygen(c, i, false); }
/** VAESENC xmm1, xmm2, xmm3/m128 (VEX.128). */
export function opVaesencVdqHdqWdq(c: Cpu, i: Insn): void { round(c, i, false, false, true); }
/** VAESENCLAST xmm1, xmm2, xmm3/m128 (VEX.128). */
export function opVaesenclastVdqHdqWdq(c: Cpu, i: Insn): void { round(c, i, false, true, true); }
/** VAESDEC xmm1, xmm2, xmm3/m128 (VEX.128). */
export function opVaesdecVdqHdqWdq(c: Cpu, i: Insn): void { round(c, i, true, false, true); }
/** VAESDECLAST xmm1, xmm2, xmm3/m128 (VEX.128). */
export function opVaesdeclastVdqHdqWdq(c: Cpu, i: Insn): void { round(c, i, true, true, true); }
/** VAESIMC xmm1, xmm2/m128 (VEX.128). */
export function opVaesimcVdqWdq(c: Cpu, i: Insn): void { if (noVvvv(c, i)) imc(c, i, true); }
/** VAESKEYGENASSIST xmm1, xmm2/m128, imm8 (VEX.128). */
export function opVaeskeygenassistVdqWdqIb(c: Cpu, i: Insn): void { if (noVvvv(c, i)) keygen(c, i, true); }
