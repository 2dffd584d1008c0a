import type { Row } from './row.js';
/** SSE rows (placeholder until the SSE unit lands). */
export const SSE_ROWS: Row[] = [];
