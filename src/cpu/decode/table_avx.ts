import type { Row } from './row.js';
/** Rows of this group (placeholder until it lands). */
export const AVX_ROWS: Row[] = [];
