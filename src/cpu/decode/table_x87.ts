// Opcode-table rows of the x87 FPU (Intel SDM Vol. 2 Appendix A.5, escape opcodes D8-DF; FWAIT
// 9B; FXSAVE/FXRSTOR 0F AE /0 /1, Vol. 2 and Vol. 1 §10.5). One row per escape byte: the handler
// dispatches on the ModRM byte itself (memory forms by ModRM.reg, register forms by all 8 bits).
import type { Row } from './row.js';
import {
  opEscD8, opEscD9, opEscDA, opEscDB, opEscDC, opEscDD, opEscDE, opEscDF, opFwait, opFxrstor, opFxsave,
} from '../ops/x87.js';

/** Rows for D8-DF, 9B and 0F AE /0 /1. size 'q' keeps the 66 prefix from changing operand size. */
export const X87_ROWS: Row[] = [
  { map: 0, code: 0xd8, name: 'x87', ops: 'Ex87', fn: opEscD8, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xd9, name: 'x87', ops: 'Ex87', fn: opEscD9, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xda, name: 'x87', ops: 'Ex87', fn: opEscDA, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xdb, name: 'x87', ops: 'Ex87', fn: opEscDB, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xdc, name: 'x87', ops: 'Ex87', fn: opEscDC, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xdd, name: 'x87', ops: 'Ex87', fn: opEscDD, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xde, name: 'x87', ops: 'Ex87', fn: opEscDE, size: 'q', feature: 'fpu' },
  { map: 0, code: 0xdf, name: 'x87', ops: 'Ex87', fn: opEscDF, size: 'q', feature: 'fpu' },
  { map: 0, code: 0x9b, name: 'fwait', ops: '', fn: opFwait, feature: 'fpu' },
  { map: 1, code: 0xae, ext: 0, mod: 'mem', name: 'fxsave', ops: 'M', fn: opFxsave, feature: 'fxsr' },
  { map: 1, code: 0xae, ext: 1, mod: 'mem', name: 'fxrstor', ops: 'M', fn: opFxrstor, feature: 'fxsr' },
];
