// Vitest settings: generous timeouts (tests spawn Node processes and run guest programs; CI has
// 2 cores), and files run in parallel workers.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
  },
});
