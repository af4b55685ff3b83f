import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDeadline, parseTime, type Day } from '../../src/core/calendar.js';
import {
  acronymDashName,
  acronymWithName,
  formatActionStatus,
  formatDay,
  formatDeadline,
  formatMonth,
  formatResponsibles,
  formatTime,
  formatTimeRange,
  frenchTypography,
  frenchTypographyMarkdown,
  inMonth,
  weekdayName,
} from '../../src/core/french/index.js';
import type { Config } from '../../src/core/schema/config.js';

const day = (iso: string): Day => {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
};
const visible = (text: string) => text.replace(/\u202F/g, '⍽').replace(/\u00A0/g, '°');

describe('dates', () => {
  it('writes the forms of the minutes', () => {
    expect(formatDay(day('2023-06-20'), { weekday: true })).toBe('mardi 20 juin 2023');
    expect(formatDay(day('2023-03-01'))).toBe('1er mars 2023');
    expect(formatDay(day('2023-03-01'), { weekday: true })).toBe('mercredi 1er mars 2023');
    expect(formatDay(day('2021-01-28'))).toBe('28 janvier 2021');
    expect(formatDay(day('2023-08-15'))).toBe('15 août 2023');
    expect(formatDay(day('2021-12-02'))).toBe('2 décembre 2021');
    expect(formatMonth(2021, 4)).toBe('avril 2021');
    expect(inMonth(2021, 4)).toBe('au mois d’avril 2021');
    expect(inMonth(2023, 8)).toBe('au mois d’août 2023');
    expect(inMonth(2023, 10)).toBe('au mois d’octobre 2023');
    expect(inMonth(2023, 6)).toBe('au mois de juin 2023');
  });

  it('knows the weekdays of the real meetings', () => {
    expect(weekdayName(day('2021-01-28'))).toBe('jeudi');
    expect(weekdayName(day('2021-09-21'))).toBe('mardi');
    expect(weekdayName(day('2023-07-20'))).toBe('jeudi');
    expect(weekdayName(day('2000-02-29'))).toBe('mardi');
    expect(weekdayName(day('1900-03-01'))).toBe('jeudi');
  });

  it('computes the weekday like Intl over many dates, whatever the time zone', () => {
    const reference = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }), (date) => {
        const value = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        expect(weekdayName(value)).toBe(reference.format(date));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('times', () => {
  it('uses the house style', () => {
    expect(formatTime(parseTime('9:30')!)).toBe('9h30');
    expect(formatTime(parseTime('09h00')!)).toBe('9h00');
    expect(formatTime(parseTime('14h')!)).toBe('14h00');
    expect(formatTimeRange(parseTime('9:30')!, parseTime('11:20')!)).toBe('9h30 – 11h20');
    expect(formatTimeRange(parseTime('9:30')!)).toBe('9h30');
  });
});

describe('deadlines and statuses', () => {
  it('writes every form of deadline', () => {
    const show = (written: string | number) => formatDeadline(parseDeadline(written)!);
    expect(show('2023-07-31')).toBe('31 juillet 2023');
    expect(show('2023-07-01')).toBe('1er juillet 2023');
    expect(show('2023-04')).toBe('avril 2023');
    expect(show(2023)).toBe('2023');
    expect(show('prochaine réunion')).toBe('prochaine réunion');
    expect(show('A la prochaine reunion')).toBe('prochaine réunion');
    expect(show('Au cours de l’atelier')).toBe('Au cours de l’atelier');
  });

  it('names every status in French', () => {
    expect(['ouvert', 'en_cours', 'realise', 'abandonne', 'reporte'].map((status) => formatActionStatus(status as never))).toEqual([
      'Ouvert',
      'En cours',
      'Réalisé',
      'Abandonné',
      'Reporté',
    ]);
  });
});

describe('organisations', () => {
  const config = {
    organisations: {
      OIM: { nom: 'Organisation Internationale pour les Migrations', type: 'agence_onu' },
      OXFAM: { nom: 'Oxfam', type: 'ong' },
    },
  } as unknown as Config;

  it('gives full names where they say more than the acronym', () => {
    expect(acronymWithName('OIM', config)).toBe('OIM (Organisation Internationale pour les Migrations)');
    expect(acronymDashName('OIM', config)).toBe('OIM – Organisation Internationale pour les Migrations');
    expect(acronymWithName('OXFAM', config)).toBe('OXFAM');
    expect(acronymWithName('INCONNU', config)).toBe('INCONNU');
    expect(acronymWithName('constructor', config)).toBe('constructor');
  });

  it('writes responsibles', () => {
    expect(formatResponsibles(['SP/CCM', 'DRC/MMC'])).toBe('SP/CCM, DRC/MMC');
    expect(formatResponsibles(['?'])).toBe('À désigner');
    expect(formatResponsibles([])).toBe('À désigner');
    expect(formatResponsibles(['tous'])).toBe('Tous les acteurs');
  });
});

describe('typography', () => {
  it.each([
    ['Il cible les :', 'Il cible les°:'],
    ['Date: 20 juin', 'Date°: 20 juin'],
    ['Quoi ? Bien!', 'Quoi⍽? Bien⍽!'],
    ['a ; b', 'a⍽; b'],
    ['« Making »', '«⍽Making⍽»'],
    ['«Making»', '«⍽Making⍽»'],
    ["l'OIM d'Agadez", 'l’OIM d’Agadez'],
    ['12:30 et a:b', '12:30 et a:b'],
    ['- ? et 1. ?', '- ? et 1. ?'],
  ])('%s', (input, expected) => {
    expect(visible(frenchTypography(input))).toBe(expected);
    expect(visible(frenchTypographyMarkdown(input))).toBe(expected);
  });

  it('leaves URLs alone', () => {
    const text = "voir https://x.org/a?b=1;c:d et l'adresse www.site.ne/p?q=1 : fin";
    expect(visible(frenchTypography(text))).toBe("voir https://x.org/a?b=1;c:d et l’adresse www.site.ne/p?q=1°: fin");
  });

  it('leaves code, link targets, autolinks, comments, entities and table rules alone in Markdown', () => {
    const markdown = [
      "l'OIM `l'a ? b` [lien ?](http://a.b/c?d 'e') <https://q?x> <!-- gtm:x ? -->",
      '| a | b |',
      '| :--- | ---: |',
      '&amp; \\!',
      '```',
      "code ? l'a : b",
      '```',
      'fin ?',
    ].join('\n');
    expect(visible(frenchTypographyMarkdown(markdown))).toBe(
      [
        "l’OIM `l'a ? b` [lien⍽?](http://a.b/c?d 'e') <https://q?x> <!-- gtm:x ? -->",
        '| a | b |',
        '| :--- | ---: |',
        '&amp; \\!',
        '```',
        "code ? l'a : b",
        '```',
        'fin⍽?',
      ].join('\n'),
    );
  });

  it('is idempotent', () => {
    const once = frenchTypographyMarkdown("« Quoi ? » l'OIM : **Note :** x");
    expect(frenchTypographyMarkdown(once)).toBe(once);
  });
});
