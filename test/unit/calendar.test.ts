// The calendar arithmetic every date of every meeting goes through.
import { describe, expect, it } from 'vitest';
import { daysInMonth, parseIsoDate } from '../../src/core/calendar.js';

describe('daysInMonth', () => {
  it('agrees with the Gregorian calendar of Date for every month of 1900–2400', () => {
    for (let year = 1900; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(daysInMonth(year, month), `${year}-${month}`).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
  });
});

describe('parseIsoDate', () => {
  it('accepts 29 February in leap years only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
  });

  it('rejects days and months out of range', () => {
    for (const value of ['2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-01']) expect(parseIsoDate(value), value).toBeUndefined();
  });
});
