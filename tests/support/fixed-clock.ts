import { vi } from 'vitest';

/**
 * Every integration test file runs on a fixed clock, so a suite green today is green on the 31st:
 * the process's `Date` starts at `CASHDESK_TEST_NOW` (a 31st by default; CI reruns the date
 * sensitive suites at other edge dates) and then advances with real time, so timeouts, JWT ages
 * and rate-limit windows still move forward inside one test. Only `Date` is faked: timers and
 * the database driver's I/O run as usual.
 */
export const testNow = new Date(process.env.CASHDESK_TEST_NOW ?? '2027-01-31T10:00:00Z');
if (Number.isNaN(testNow.getTime())) throw new Error(`CASHDESK_TEST_NOW is not a date: ${process.env.CASHDESK_TEST_NOW}`);

// The clock moves every millisecond (the default step is 20 ms): rows created one after another
// then carry increasing timestamps, as they do in production, and newest-first lists keep their order.
vi.useFakeTimers({ now: testNow, toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 1 });
