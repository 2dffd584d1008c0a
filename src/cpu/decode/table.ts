// The opcode table: every row the decoder, interpreter, analyzer and disassembler know
// (STYLE.md "One table per interface"). Rows live by instruction group in table_*.ts.
import type { Row } from './row.js';
import { BASE_ROWS } from './table_base.js';
import { SSE_ROWS } from './table_sse.js';
import { X87_ROWS } from './table_x87.js';
import { AVX_ROWS } from './table_avx.js';
import { EXT_ROWS } from './table_ext.js';

/** All rows, general-purpose first. */
export const ALL_ROWS: Row[] = [...BASE_ROWS, ...SSE_ROWS, ...X87_ROWS, ...AVX_ROWS, ...EXT_ROWS];
