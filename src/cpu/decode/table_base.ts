// General-purpose opcode rows: the one-byte map and the integer part of the 0F, 0F38 and 0F3A
// maps (Intel SDM Vol. 2D Appendix A, opcode maps; operand notation per §A.2).
import type { Row } from './row.js';
import { opAluAccIz, opAluEvGv, opAluEvIz, opAluGvEv, opIncDecEv, opNegEv, opNotEv, opTestAccIz, opTestEvGv, opTestEvIz } from '../ops/alu.js';
import { opBsf, opBtEvGv, opBtEvIb, opPopcnt, opTzcnt, opAndn, opBls, opBextr, opBzhi, opPdep } from '../ops/bit.js';
import {
  opCallEv, opCallJz, opEnter, opFlagOp, opJccJz, opJmpEv, opJmpJz, opJrcxz, opLahf, opLeave, opLoop, opNop,
  opPopEv, opPopf, opPopZv, opPrivileged, opPushEv, opPushf, opPushIz, opPushZv, opRet, opSahf, opSyscall,
} from '../ops/control.js';
import { opCpuid, opRdtsc, opRdtscp } from '../ops/misc.js';
import {
  opBswap, opCbw, opCmovGvEv, opCmpxchg, opCmpxchg8b, opCwd, opLeaGvM, opMovbe, opMovEvGv, opMovEvIz, opMovGvEv,
  opMovMoffs, opMovsx, opMovzx, opMovZvIv, opSetccEb, opXadd, opXchgEvGv, opXchgZvAx,
} from '../ops/mov.js';
import { opDivEv, opIdivEv, opImulEv, opImulGvEv, opImulGvEvIz, opMulEv, opMulx } from '../ops/muldiv.js';
import { opShiftEv1, opShiftEvCl, opShiftEvIb, opShld, opShiftx, opRorx } from '../ops/shift.js';
import { opCmps, opLods, opMovs, opScas, opStos } from '../ops/string.js';
import { opInt3, opUD } from '../ops/traps.js';
import { opInt1, opLarLsl, opMovEvSw, opMovSwEw, opPopSeg, opPushSeg, opVerrVerw, opXlat } from '../ops/segment.js';

const ALU_NAMES = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
const CC = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];
const SHIFT_NAMES = ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'sal', 'sar'];

function aluRows(): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k < 8; k++) {
    const b = k * 8, name = ALU_NAMES[k];
    rows.push(
      { map: 0, code: b + 0, name, ops: 'Eb,Gb', size: 'b', fn: opAluEvGv, sel: k, lock: k !== 7 },
      { map: 0, code: b + 1, name, ops: 'Ev,Gv', fn: opAluEvGv, sel: k, lock: k !== 7 },
      { map: 0, code: b + 2, name, ops: 'Gb,Eb', size: 'b', fn: opAluGvEv, sel: k },
      { map: 0, code: b + 3, name, ops: 'Gv,Ev', fn: opAluGvEv, sel: k },
      { map: 0, code: b + 4, name, ops: 'AL,Ib', size: 'b', fn: opAluAccIz, sel: k },
      { map: 0, code: b + 5, name, ops: 'rAX,Iz', fn: opAluAccIz, sel: k },
      { map: 0, code: 0x80, ext: k, name, ops: 'Eb,Ib', size: 'b', fn: opAluEvIz, sel: k, lock: k !== 7 },
      { map: 0, code: 0x81, ext: k, name, ops: 'Ev,Iz', fn: opAluEvIz, sel: k, lock: k !== 7 },
      { map: 0, code: 0x83, ext: k, name, ops: 'Ev,Ib', fn: opAluEvIz, sel: k, lock: k !== 7 },
    );
  }
  return rows;
}

function ccRows(): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k < 16; k++) {
    rows.push(
      { map: 0, code: 0x70 + k, name: 'j' + CC[k], ops: 'Jb', size: 'f64', fn: opJccJz, sel: k, end: true },
      { map: 1, code: 0x80 + k, name: 'j' + CC[k], ops: 'Jz', size: 'f64', fn: opJccJz, sel: k, end: true },
      { map: 1, code: 0x40 + k, name: 'cmov' + CC[k], ops: 'Gv,Ev', fn: opCmovGvEv, sel: k },
      { map: 1, code: 0x90 + k, name: 'set' + CC[k], ops: 'Eb', size: 'b', fn: opSetccEb, sel: k },
    );
  }
  return rows;
}

function shiftRows(): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k < 8; k++) {
    const name = SHIFT_NAMES[k];
    rows.push(
      { map: 0, code: 0xc0, ext: k, name, ops: 'Eb,Ib', size: 'b', fn: opShiftEvIb, sel: k },
      { map: 0, code: 0xc1, ext: k, name, ops: 'Ev,Ib', fn: opShiftEvIb, sel: k },
      { map: 0, code: 0xd0, ext: k, name, ops: 'Eb,1', size: 'b', fn: opShiftEv1, sel: k },
      { map: 0, code: 0xd1, ext: k, name, ops: 'Ev,1', fn: opShiftEv1, sel: k },
      { map: 0, code: 0xd2, ext: k, name, ops: 'Eb,CL', size: 'b', fn: opShiftEvCl, sel: k },
      { map: 0, code: 0xd3, ext: k, name, ops: 'Ev,CL', fn: opShiftEvCl, sel: k },
    );
  }
  return rows;
}

/** Every general-purpose row. */
export const BASE_ROWS: Row[] = [
  ...aluRows(),
  ...ccRows(),
  ...shiftRows(),
  { map: 0, code: 0x50, name: 'push', ops: 'Zv', size: 'd64', fn: opPushZv },
  { map: 0, code: 0x58, name: 'pop', ops: 'Zv', size: 'd64', fn: opPopZv },
  { map: 0, code: 0x63, name: 'movsxd', ops: 'Gv,Ed', fn: opMovsx, sel: 4 },
  { map: 0, code: 0x68, name: 'push', ops: 'Iz', size: 'd64', fn: opPushIz },
  { map: 0, code: 0x69, name: 'imul', ops: 'Gv,Ev,Iz', fn: opImulGvEvIz },
  { map: 0, code: 0x6a, name: 'push', ops: 'Ib', size: 'd64', fn: opPushIz },
  { map: 0, code: 0x6b, name: 'imul', ops: 'Gv,Ev,Ib', fn: opImulGvEvIz },
  { map: 0, code: 0x84, name: 'test', ops: 'Eb,Gb', size: 'b', fn: opTestEvGv },
  { map: 0, code: 0x85, name: 'test', ops: 'Ev,Gv', fn: opTestEvGv },
  { map: 0, code: 0x86, name: 'xchg', ops: 'Eb,Gb', size: 'b', fn: opXchgEvGv, lock: true },
  { map: 0, code: 0x87, name: 'xchg', ops: 'Ev,Gv', fn: opXchgEvGv, lock: true },
  { map: 0, code: 0x88, name: 'mov', ops: 'Eb,Gb', size: 'b', fn: opMovEvGv },
  { map: 0, code: 0x89, name: 'mov', ops: 'Ev,Gv', fn: opMovEvGv },
  { map: 0, code: 0x8a, name: 'mov', ops: 'Gb,Eb', size: 'b', fn: opMovGvEv },
  { map: 0, code: 0x8b, name: 'mov', ops: 'Gv,Ev', fn: opMovGvEv },
  { map: 0, code: 0x8c, name: 'mov', ops: 'Ev,Sw', fn: opMovEvSw },
  { map: 0, code: 0x8d, name: 'lea', ops: 'Gv,M', mod: 'mem', fn: opLeaGvM },
  { map: 0, code: 0x8e, name: 'mov', ops: 'Sw,Ew', fn: opMovSwEw },
  { map: 0, code: 0xd7, name: 'xlat', ops: '', fn: opXlat },
  { map: 0, code: 0xf1, name: 'int1', ops: '', fn: opInt1, end: true },
  { map: 0, code: 0x8f, ext: 0, name: 'pop', ops: 'Ev', size: 'd64', fn: opPopEv },
  { map: 0, code: 0x90, name: 'xchg', ops: 'Zv,rAX', fn: opXchgZvAx },
  { map: 0, code: 0x98, name: 'cbw', ops: '', fn: opCbw },
  { map: 0, code: 0x99, name: 'cwd', ops: '', fn: opCwd },
  { map: 0, code: 0x9c, name: 'pushf', ops: '', size: 'd64', fn: opPushf },
  { map: 0, code: 0x9d, name: 'popf', ops: '', size: 'd64', fn: opPopf },
  { map: 0, code: 0x9e, name: 'sahf', ops: '', fn: opSahf },
  { map: 0, code: 0x9f, name: 'lahf', ops: '', fn: opLahf },
  { map: 0, code: 0xa0, name: 'mov', ops: 'AL,Ob', size: 'b', fn: opMovMoffs, sel: 0 },
  { map: 0, code: 0xa1, name: 'mov', ops: 'rAX,Ov', fn: opMovMoffs, sel: 0 },
  { map: 0, code: 0xa2, name: 'mov', ops: 'Ob,AL', size: 'b', fn: opMovMoffs, sel: 1 },
  { map: 0, code: 0xa3, name: 'mov', ops: 'Ov,rAX', fn: opMovMoffs, sel: 1 },
  { map: 0, code: 0xa4, name: 'movs', ops: 'Yb,Xb', size: 'b', fn: opMovs },
  { map: 0, code: 0xa5, name: 'movs', ops: 'Yv,Xv', fn: opMovs },
  { map: 0, code: 0xa6, name: 'cmps', ops: 'Xb,Yb', size: 'b', fn: opCmps },
  { map: 0, code: 0xa7, name: 'cmps', ops: 'Xv,Yv', fn: opCmps },
  { map: 0, code: 0xa8, name: 'test', ops: 'AL,Ib', size: 'b', fn: opTestAccIz },
  { map: 0, code: 0xa9, name: 'test', ops: 'rAX,Iz', fn: opTestAccIz },
  { map: 0, code: 0xaa, name: 'stos', ops: 'Yb,AL', size: 'b', fn: opStos },
  { map: 0, code: 0xab, name: 'stos', ops: 'Yv,rAX', fn: opStos },
  { map: 0, code: 0xac, name: 'lods', ops: 'AL,Xb', size: 'b', fn: opLods },
  { map: 0, code: 0xad, name: 'lods', ops: 'rAX,Xv', fn: opLods },
  { map: 0, code: 0xae, name: 'scas', ops: 'AL,Yb', size: 'b', fn: opScas },
  { map: 0, code: 0xaf, name: 'scas', ops: 'rAX,Yv', fn: opScas },
  { map: 0, code: 0xb0, name: 'mov', ops: 'Zb,Ib', size: 'b', fn: opMovZvIv },
  { map: 0, code: 0xb8, name: 'mov', ops: 'Zv,Iv', fn: opMovZvIv },
  { map: 0, code: 0xc2, name: 'ret', ops: 'Iw', size: 'f64', fn: opRet, end: true },
  { map: 0, code: 0xc3, name: 'ret', ops: '', size: 'f64', fn: opRet, end: true },
  { map: 0, code: 0xc6, ext: 0, name: 'mov', ops: 'Eb,Ib', size: 'b', fn: opMovEvIz },
  { map: 0, code: 0xc7, ext: 0, name: 'mov', ops: 'Ev,Iz', fn: opMovEvIz },
  { map: 0, code: 0xc8, name: 'enter', ops: 'Iw,Ib', size: 'd64', fn: opEnter },
  { map: 0, code: 0xc9, name: 'leave', ops: '', size: 'd64', fn: opLeave },
  { map: 0, code: 0xcc, name: 'int3', ops: '', fn: opInt3, end: true },
  { map: 0, code: 0xcd, name: 'int', ops: 'Ib', fn: opPrivileged, end: true },
  { map: 0, code: 0xe0, name: 'loopne', ops: 'Jb', size: 'f64', fn: opLoop, sel: 2, end: true },
  { map: 0, code: 0xe1, name: 'loope', ops: 'Jb', size: 'f64', fn: opLoop, sel: 1, end: true },
  { map: 0, code: 0xe2, name: 'loop', ops: 'Jb', size: 'f64', fn: opLoop, sel: 0, end: true },
  { map: 0, code: 0xe3, name: 'jrcxz', ops: 'Jb', size: 'f64', fn: opJrcxz, end: true },
  { map: 0, code: 0xe8, name: 'call', ops: 'Jz', size: 'f64', fn: opCallJz, end: true },
  { map: 0, code: 0xe9, name: 'jmp', ops: 'Jz', size: 'f64', fn: opJmpJz, end: true },
  { map: 0, code: 0xeb, name: 'jmp', ops: 'Jb', size: 'f64', fn: opJmpJz, end: true },
  { map: 0, code: 0xf4, name: 'hlt', ops: '', fn: opPrivileged, end: true },
  { map: 0, code: 0xf5, name: 'cmc', ops: '', fn: opFlagOp, sel: 2 },
  { map: 0, code: 0xf6, ext: 0, name: 'test', ops: 'Eb,Ib', size: 'b', fn: opTestEvIz },
  { map: 0, code: 0xf6, ext: 1, name: 'test', ops: 'Eb,Ib', size: 'b', fn: opTestEvIz },
  { map: 0, code: 0xf6, ext: 2, name: 'not', ops: 'Eb', size: 'b', fn: opNotEv, lock: true },
  { map: 0, code: 0xf6, ext: 3, name: 'neg', ops: 'Eb', size: 'b', fn: opNegEv, lock: true },
  { map: 0, code: 0xf6, ext: 4, name: 'mul', ops: 'Eb', size: 'b', fn: opMulEv },
  { map: 0, code: 0xf6, ext: 5, name: 'imul', ops: 'Eb', size: 'b', fn: opImulEv },
  { map: 0, code: 0xf6, ext: 6, name: 'div', ops: 'Eb', size: 'b', fn: opDivEv },
  { map: 0, code: 0xf6, ext: 7, name: 'idiv', ops: 'Eb', size: 'b', fn: opIdivEv },
  { map: 0, code: 0xf7, ext: 0, name: 'test', ops: 'Ev,Iz', fn: opTestEvIz },
  { map: 0, code: 0xf7, ext: 1, name: 'test', ops: 'Ev,Iz', fn: opTestEvIz },
  { map: 0, code: 0xf7, ext: 2, name: 'not', ops: 'Ev', fn: opNotEv, lock: true },
  { map: 0, code: 0xf7, ext: 3, name: 'neg', ops: 'Ev', fn: opNegEv, lock: true },
  { map: 0, code: 0xf7, ext: 4, name: 'mul', ops: 'Ev', fn: opMulEv },
  { map: 0, code: 0xf7, ext: 5, name: 'imul', ops: 'Ev', fn: opImulEv },
  { map: 0, code: 0xf7, ext: 6, name: 'div', ops: 'Ev', fn: opDivEv },
  { map: 0, code: 0xf7, ext: 7, name: 'idiv', ops: 'Ev', fn: opIdivEv },
  { map: 0, code: 0xf8, name: 'clc', ops: '', fn: opFlagOp, sel: 0 },
  { map: 0, code: 0xf9, name: 'stc', ops: '', fn: opFlagOp, sel: 1 },
  { map: 0, code: 0xfa, name: 'cli', ops: '', fn: opPrivileged, end: true },
  { map: 0, code: 0xfb, name: 'sti', ops: '', fn: opPrivileged, end: true },
  { map: 0, code: 0xfc, name: 'cld', ops: '', fn: opFlagOp, sel: 3 },
  { map: 0, code: 0xfd, name: 'std', ops: '', fn: opFlagOp, sel: 4 },
  { map: 0, code: 0xfe, ext: 0, name: 'inc', ops: 'Eb', size: 'b', fn: opIncDecEv, sel: 0, lock: true },
  { map: 0, code: 0xfe, ext: 1, name: 'dec', ops: 'Eb', size: 'b', fn: opIncDecEv, sel: 1, lock: true },
  { map: 0, code: 0xff, ext: 0, name: 'inc', ops: 'Ev', fn: opIncDecEv, sel: 0, lock: true },
  { map: 0, code: 0xff, ext: 1, name: 'dec', ops: 'Ev', fn: opIncDecEv, sel: 1, lock: true },
  { map: 0, code: 0xff, ext: 2, name: 'call', ops: 'Ev', size: 'f64', fn: opCallEv, end: true },
  { map: 0, code: 0xff, ext: 4, name: 'jmp', ops: 'Ev', size: 'f64', fn: opJmpEv, end: true },
  { map: 0, code: 0xff, ext: 6, name: 'push', ops: 'Ev', size: 'd64', fn: opPushEv },
  // 0F map
  { map: 1, code: 0x01, name: 'rdtscp', ops: '', fn: opRdtscp, mod: 'reg', ext: 7, rmf: 1 },
  { map: 1, code: 0xae, ext: 7, mod: 'mem', pfx: 'none', name: 'clflush', ops: 'Mb', fn: opNop, feature: 'CLFSH' },
  { map: 1, code: 0x00, ext: 4, name: 'verr', ops: 'Ew', fn: opVerrVerw, sel: 4 },
  { map: 1, code: 0x00, ext: 5, name: 'verw', ops: 'Ew', fn: opVerrVerw, sel: 5 },
  { map: 1, code: 0x02, name: 'lar', ops: 'Gv,Ew', fn: opLarLsl, sel: 0 },
  { map: 1, code: 0x03, name: 'lsl', ops: 'Gv,Ew', fn: opLarLsl, sel: 1 },
  { map: 1, code: 0x05, name: 'syscall', ops: '', fn: opSyscall, end: true },
  { map: 1, code: 0xa0, name: 'push', ops: 'FS', size: 'd64', fn: opPushSeg },
  { map: 1, code: 0xa1, name: 'pop', ops: 'FS', size: 'd64', fn: opPopSeg, sel: 4 },
  { map: 1, code: 0xa8, name: 'push', ops: 'GS', size: 'd64', fn: opPushSeg },
  { map: 1, code: 0xa9, name: 'pop', ops: 'GS', size: 'd64', fn: opPopSeg, sel: 5 },
  { map: 1, code: 0x0b, name: 'ud2', ops: '', fn: opUD, end: true },
  { map: 1, code: 0x0d, name: 'prefetch', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x18, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x19, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x1a, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x1b, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x1c, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x1d, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x1e, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x1f, name: 'nop', ops: 'Ev', fn: opNop },
  { map: 1, code: 0x31, name: 'rdtsc', ops: '', fn: opRdtsc },
  { map: 1, code: 0xa2, name: 'cpuid', ops: '', fn: opCpuid },
  { map: 1, code: 0xa3, name: 'bt', ops: 'Ev,Gv', fn: opBtEvGv, sel: 0 },
  { map: 1, code: 0xa4, name: 'shld', ops: 'Ev,Gv,Ib', fn: opShld, sel: 0 },
  { map: 1, code: 0xa5, name: 'shld', ops: 'Ev,Gv,CL', fn: opShld, sel: 2 },
  { map: 1, code: 0xab, name: 'bts', ops: 'Ev,Gv', fn: opBtEvGv, sel: 1, lock: true },
  { map: 1, code: 0xac, name: 'shrd', ops: 'Ev,Gv,Ib', fn: opShld, sel: 1 },
  { map: 1, code: 0xad, name: 'shrd', ops: 'Ev,Gv,CL', fn: opShld, sel: 3 },
  { map: 1, code: 0xaf, name: 'imul', ops: 'Gv,Ev', fn: opImulGvEv },
  { map: 1, code: 0xb0, name: 'cmpxchg', ops: 'Eb,Gb', size: 'b', fn: opCmpxchg, lock: true },
  { map: 1, code: 0xb1, name: 'cmpxchg', ops: 'Ev,Gv', fn: opCmpxchg, lock: true },
  { map: 1, code: 0xb3, name: 'btr', ops: 'Ev,Gv', fn: opBtEvGv, sel: 2, lock: true },
  { map: 1, code: 0xb6, name: 'movzx', ops: 'Gv,Eb', fn: opMovzx, sel: 1 },
  { map: 1, code: 0xb7, name: 'movzx', ops: 'Gv,Ew', fn: opMovzx, sel: 2 },
  { map: 1, code: 0xb8, pfx: 'f3', name: 'popcnt', ops: 'Gv,Ev', fn: opPopcnt, feature: 'POPCNT' },
  { map: 1, code: 0xba, ext: 4, name: 'bt', ops: 'Ev,Ib', fn: opBtEvIb, sel: 0 },
  { map: 1, code: 0xba, ext: 5, name: 'bts', ops: 'Ev,Ib', fn: opBtEvIb, sel: 1, lock: true },
  { map: 1, code: 0xba, ext: 6, name: 'btr', ops: 'Ev,Ib', fn: opBtEvIb, sel: 2, lock: true },
  { map: 1, code: 0xba, ext: 7, name: 'btc', ops: 'Ev,Ib', fn: opBtEvIb, sel: 3, lock: true },
  { map: 1, code: 0xbb, name: 'btc', ops: 'Ev,Gv', fn: opBtEvGv, sel: 3, lock: true },
  { map: 1, code: 0xbc, pfx: 'f3', name: 'tzcnt', ops: 'Gv,Ev', fn: opTzcnt, sel: 0, feature: 'BMI1' },
  { map: 1, code: 0xbd, pfx: 'f3', name: 'lzcnt', ops: 'Gv,Ev', fn: opTzcnt, sel: 1, feature: 'LZCNT' },
  { map: 1, code: 0xbc, name: 'bsf', ops: 'Gv,Ev', fn: opBsf, sel: 0 },
  { map: 1, code: 0xbd, name: 'bsr', ops: 'Gv,Ev', fn: opBsf, sel: 1 },
  { map: 1, code: 0xbe, name: 'movsx', ops: 'Gv,Eb', fn: opMovsx, sel: 1 },
  { map: 1, code: 0xbf, name: 'movsx', ops: 'Gv,Ew', fn: opMovsx, sel: 2 },
  { map: 1, code: 0xc0, name: 'xadd', ops: 'Eb,Gb', size: 'b', fn: opXadd, lock: true },
  { map: 1, code: 0xc1, name: 'xadd', ops: 'Ev,Gv', fn: opXadd, lock: true },
  { map: 1, code: 0xc7, ext: 1, mod: 'mem', name: 'cmpxchg8b', ops: 'Mq', fn: opCmpxchg8b, lock: true },
  { map: 1, code: 0xc8, name: 'bswap', ops: 'Zv', fn: opBswap },
  // 0F38 / 0F3A integer forms
  { map: 2, code: 0xf0, name: 'movbe', ops: 'Gv,Mv', mod: 'mem', fn: opMovbe, sel: 0, feature: 'MOVBE' },
  { map: 2, code: 0xf1, name: 'movbe', ops: 'Mv,Gv', mod: 'mem', fn: opMovbe, sel: 1, feature: 'MOVBE' },
  { map: 2, code: 0xf2, vex: true, vexL: 0, pfx: 'none', name: 'andn', ops: 'Gy,By,Ey', fn: opAndn, feature: 'BMI1' },
  { map: 2, code: 0xf3, vex: true, vexL: 0, pfx: 'none', ext: 1, name: 'blsr', ops: 'By,Ey', fn: opBls, sel: 1, feature: 'BMI1' },
  { map: 2, code: 0xf3, vex: true, vexL: 0, pfx: 'none', ext: 2, name: 'blsmsk', ops: 'By,Ey', fn: opBls, sel: 2, feature: 'BMI1' },
  { map: 2, code: 0xf3, vex: true, vexL: 0, pfx: 'none', ext: 3, name: 'blsi', ops: 'By,Ey', fn: opBls, sel: 3, feature: 'BMI1' },
  { map: 2, code: 0xf7, vex: true, vexL: 0, pfx: 'none', name: 'bextr', ops: 'Gy,Ey,By', fn: opBextr, feature: 'BMI1' },
  { map: 2, code: 0xf5, vex: true, vexL: 0, pfx: 'none', name: 'bzhi', ops: 'Gy,Ey,By', fn: opBzhi, feature: 'BMI2' },
  { map: 2, code: 0xf5, vex: true, vexL: 0, pfx: 'f2', name: 'pdep', ops: 'Gy,By,Ey', fn: opPdep, sel: 0, feature: 'BMI2' },
  { map: 2, code: 0xf5, vex: true, vexL: 0, pfx: 'f3', name: 'pext', ops: 'Gy,By,Ey', fn: opPdep, sel: 1, feature: 'BMI2' },
  { map: 2, code: 0xf6, vex: true, vexL: 0, pfx: 'f2', name: 'mulx', ops: 'Gy,By,Ey', fn: opMulx, feature: 'BMI2' },
  { map: 2, code: 0xf7, vex: true, vexL: 0, pfx: '66', name: 'shlx', ops: 'Gy,Ey,By', fn: opShiftx, sel: 0, feature: 'BMI2' },
  { map: 2, code: 0xf7, vex: true, vexL: 0, pfx: 'f3', name: 'sarx', ops: 'Gy,Ey,By', fn: opShiftx, sel: 1, feature: 'BMI2' },
  { map: 2, code: 0xf7, vex: true, vexL: 0, pfx: 'f2', name: 'shrx', ops: 'Gy,Ey,By', fn: opShiftx, sel: 2, feature: 'BMI2' },
  { map: 3, code: 0xf0, vex: true, vexL: 0, pfx: 'f2', name: 'rorx', ops: 'Gy,Ey,Ib', fn: opRorx, feature: 'BMI2' },
];
