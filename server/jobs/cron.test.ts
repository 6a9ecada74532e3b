import { describe, expect, it } from 'vitest';
import { lastFiring, nextFiring } from './cron';
import { zonedDate } from './zoned-time';

describe('lastFiring', () => {
  it.each([
    ['5 0 * * *', '2026-11-30T00:05:00.000Z', '2026-11-30T00:05:00.000Z'],
    ['5 0 * * *', '2026-11-30T00:04:59.999Z', '2026-11-29T00:05:00.000Z'],
    ['5 0 * * *', '2026-11-30T23:59:00.000Z', '2026-11-30T00:05:00.000Z'],
    ['5 0 * * *', '2026-03-01T00:00:00.000Z', '2026-02-28T00:05:00.000Z'],
    ['0 * * * *', '2026-11-30T10:59:59.000Z', '2026-11-30T10:00:00.000Z'],
    ['30 * * * *', '2026-11-30T00:10:00.000Z', '2026-11-29T23:30:00.000Z'],
  ])('%s at %s → %s', (cron, now, expected) => {
    expect(lastFiring(cron, new Date(now)).toISOString()).toBe(expected);
  });

  it.each([
    ['5 0 * * *', '2026-11-30T00:04:00.000Z', '2026-11-30T00:05:00.000Z'],
    ['5 0 * * *', '2026-11-30T00:05:00.000Z', '2026-12-01T00:05:00.000Z'],
    ['0 * * * *', '2026-11-30T10:30:00.000Z', '2026-11-30T11:00:00.000Z'],
  ])('%s next after %s → %s', (cron, now, expected) => {
    expect(nextFiring(cron, new Date(now)).toISOString()).toBe(expected);
  });

  it.each(['*/5 * * * 1', '60 0 * * *', '5 24 * * *', 'TZ=Europe/Berlin 5 0 * * *'])('refuses what it cannot schedule: %s', (cron) => {
    expect(() => lastFiring(cron, new Date('2027-01-31T10:00:00Z'))).toThrow('unsupported cron');
  });
});

// [zone, cron, now, last firing at or before now, next firing after now]
const zoned: Array<[string, string, string, string, string]> = [
  // Europe/Berlin: 00:05 is 23:05 UTC the day before in winter (CET), 22:05 in summer (CEST).
  ['Europe/Berlin', '5 0 * * *', '2026-11-30T23:10:00Z', '2026-11-30T23:05:00.000Z', '2026-12-01T23:05:00.000Z'],
  ['Europe/Berlin', '5 0 * * *', '2026-11-30T23:04:59Z', '2026-11-29T23:05:00.000Z', '2026-11-30T23:05:00.000Z'],
  ['Europe/Berlin', '5 0 * * *', '2026-07-01T12:00:00Z', '2026-06-30T22:05:00.000Z', '2026-07-01T22:05:00.000Z'],
  // Clocks go forward on 29 March (02:00 CET → 03:00 CEST): that day is 23 hours long.
  ['Europe/Berlin', '5 0 * * *', '2026-03-29T12:00:00Z', '2026-03-28T23:05:00.000Z', '2026-03-29T22:05:00.000Z'],
  // … and back on 25 October (03:00 CEST → 02:00 CET): 25 hours.
  ['Europe/Berlin', '5 0 * * *', '2026-10-25T12:00:00Z', '2026-10-24T22:05:00.000Z', '2026-10-25T23:05:00.000Z'],
  // 02:30 does not exist on 29 March: it fires when the clocks jump (03:00 CEST, 01:00 UTC).
  ['Europe/Berlin', '30 2 * * *', '2026-03-28T12:00:00Z', '2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z'],
  ['Europe/Berlin', '30 2 * * *', '2026-03-29T01:00:00Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z'],
  // 02:30 happens twice on 25 October: the first one fires, the repeat does not.
  ['Europe/Berlin', '30 2 * * *', '2026-10-25T01:45:00Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
  // Year end: the firing of 1 January is on 31 December in UTC.
  ['Europe/Berlin', '5 0 * * *', '2026-12-31T23:30:00Z', '2026-12-31T23:05:00.000Z', '2027-01-01T23:05:00.000Z'],
  // America/New_York: 05:05 UTC in winter (EST), 04:05 in summer (EDT).
  ['America/New_York', '5 0 * * *', '2026-01-15T12:00:00Z', '2026-01-15T05:05:00.000Z', '2026-01-16T05:05:00.000Z'],
  ['America/New_York', '5 0 * * *', '2026-07-15T04:00:00Z', '2026-07-14T04:05:00.000Z', '2026-07-15T04:05:00.000Z'],
  ['America/New_York', '5 0 * * *', '2026-03-08T12:00:00Z', '2026-03-08T05:05:00.000Z', '2026-03-09T04:05:00.000Z'],
  ['America/New_York', '5 0 * * *', '2026-11-01T12:00:00Z', '2026-11-01T04:05:00.000Z', '2026-11-02T05:05:00.000Z'],
  ['America/New_York', '30 2 * * *', '2026-03-08T06:00:00Z', '2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z'],
  ['America/New_York', '30 1 * * *', '2026-11-01T06:45:00Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
  // Still 31 December in New York at 03:00 UTC on 1 January.
  ['America/New_York', '5 0 * * *', '2027-01-01T03:00:00Z', '2026-12-31T05:05:00.000Z', '2027-01-01T05:05:00.000Z'],
  // Asia/Kolkata (+05:30, no DST): 00:05 is 18:35 UTC the day before.
  ['Asia/Kolkata', '5 0 * * *', '2026-12-31T18:40:00Z', '2026-12-31T18:35:00.000Z', '2027-01-01T18:35:00.000Z'],
  ['Asia/Kolkata', '5 0 * * *', '2026-02-28T18:30:00Z', '2026-02-27T18:35:00.000Z', '2026-02-28T18:35:00.000Z'],
  ['Asia/Kolkata', '5 0 * * *', '2028-02-28T18:40:00Z', '2028-02-28T18:35:00.000Z', '2028-02-29T18:35:00.000Z'],
  ['UTC', '5 0 * * *', '2026-12-31T23:59:00Z', '2026-12-31T00:05:00.000Z', '2027-01-01T00:05:00.000Z'],
  ['UTC', '15 0 * * *', '2028-02-29T00:15:00Z', '2028-02-29T00:15:00.000Z', '2028-03-01T00:15:00.000Z'],
  // Hourly crons read the minute on the zone's clock and stay 60 minutes apart through DST.
  ['Asia/Kolkata', '25 * * * *', '2026-11-30T10:00:00Z', '2026-11-30T09:55:00.000Z', '2026-11-30T10:55:00.000Z'],
  ['Europe/Berlin', '25 * * * *', '2026-03-29T01:10:00Z', '2026-03-29T00:25:00.000Z', '2026-03-29T01:25:00.000Z'],
  ['Europe/Berlin', '25 * * * *', '2026-10-25T01:10:00Z', '2026-10-25T00:25:00.000Z', '2026-10-25T01:25:00.000Z'],
  ['America/New_York', '25 * * * *', '2026-11-01T06:00:00Z', '2026-11-01T05:25:00.000Z', '2026-11-01T06:25:00.000Z'],
  ['UTC', '25 * * * *', '2026-12-31T23:30:00Z', '2026-12-31T23:25:00.000Z', '2027-01-01T00:25:00.000Z'],
  // Lord Howe goes back 30 minutes: the clock shows :00 again only 90 minutes later.
  ['Australia/Lord_Howe', '0 * * * *', '2026-04-04T15:10:00Z', '2026-04-04T14:00:00.000Z', '2026-04-04T15:30:00.000Z'],
];

describe('cron firings in a time zone', () => {
  it.each(zoned)('%s "%s" at %s: last %s, next %s', (zone, cron, now, last, next) => {
    expect(lastFiring(cron, new Date(now), zone).toISOString()).toBe(last);
    expect(nextFiring(cron, new Date(now), zone).toISOString()).toBe(next);
  });

  it.each([
    ['Europe/Berlin', '2026-11-30T23:05:00Z', '2026-12-01'],
    ['Europe/Berlin', '2026-06-30T22:05:00Z', '2026-07-01'],
    ['America/New_York', '2027-01-01T03:00:00Z', '2026-12-31'],
    ['Asia/Kolkata', '2026-12-31T18:35:00Z', '2027-01-01'],
    ['UTC', '2026-12-31T23:59:59Z', '2026-12-31'],
  ])('a firing in %s at %s bills for %s', (zone, at, date) => {
    expect(zonedDate(zone, new Date(at))).toBe(date);
  });

  it('walks a year of daily firings in each zone: one per calendar day, each at 00:05 on its clock', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      let at = lastFiring('5 0 * * *', new Date('2026-01-01T12:00:00Z'), zone);
      const days = new Set<string>();
      for (let i = 0; i < 366; i++) {
        days.add(zonedDate(zone, at));
        expect(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(at)).toBe('00:05');
        at = nextFiring('5 0 * * *', at, zone);
      }
      expect(days.size).toBe(366);
    }
  });
});
