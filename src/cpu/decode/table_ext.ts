import type { Row } from './row.js';
/** Rows of this group (placeholder until it lands). */
export const EXT_ROWS: Row[] = [];
