import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, instantOf, offsetAt, wallTime } from './zoned-time';

describe('time zones', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    [' UTC ', 'UTC'],
    ['utc', 'UTC'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['America/New_York', 'America/New_York'],
    ['Mars/Olympus_Mons', null],
    ['+01:00', null],
    ['', null],
    ['Europe/Berlin; DROP', null],
  ])('%j is %j', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each([
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 120],
    ['America/New_York', '2026-01-15T12:00:00Z', -300],
    ['Asia/Kolkata', '2026-01-15T12:00:00Z', 330],
    ['UTC', '2026-01-15T12:00:00Z', 0],
  ])('%s is %i minutes ahead of UTC at %s', (zone, at, minutes) => {
    expect(offsetAt(zone, new Date(at))).toBe(minutes * 60_000);
  });

  it('reads the wall clock and finds the instant of a wall time back', () => {
    const wall = wallTime('America/New_York', new Date('2027-01-01T03:00:00Z'));
    expect(wall).toEqual({ year: 2026, month: 12, day: 31, hour: 22, minute: 0 });
    expect(instantOf('America/New_York', wall).toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });
});
