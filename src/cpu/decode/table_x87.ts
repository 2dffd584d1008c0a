import type { Row } from './row.js';
/** x87 rows (placeholder until the x87 unit lands). */
export const X87_ROWS: Row[] = [];
