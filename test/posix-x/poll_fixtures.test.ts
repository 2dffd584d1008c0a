// poll/select/epoll (io_poll) and sleeping and signal interruption (io_sleep: EINTR, SA_RESTART,
// ppoll's temporary mask) against their native runs.
import { describe, expect, it } from 'vitest';
import { cases, runFixture } from './io_fixture.js';

describe('poll fixtures match native', () => {
  it.each(cases('io_poll', 'io_sleep'))('%s-%s', async (name, opt) => {
    const r = await runFixture(name, opt);
    expect(r.stdout).toBe(r.expected.stdout);
    expect(r.stderr).toBe(r.expected.stderr);
    expect(r.status).toBe(r.expected.status);
  }, 60000);
});
