// gtm convocation as the chair uses it: the built bin on fixture repositories; the invitation
// read back by ical.js, the PDF by pdf.js and poppler.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, minimalMeeting, type FixtureRepo } from '../helpers/fixture-repo.js';
import { readPdf, renderPages } from '../helpers/pdf.js';
import { configWithContacts } from '../helpers/contacts.js';
import { runBin } from '../helpers/run-cli.js';

const decided = minimalMeeting({
  date: '2023-06-20',
  heure_debut: '9:30',
  heure_fin: '11:30',
  ordre_du_jour: [
    { titre: 'Ouverture', presentateur: 'SP/CCM' },
    {
      titre: 'Cartographie',
      presentateur: 'OIM',
      actions: [
        { id: 'NIA-2306-1', action: 'Partager la cartographie', responsables: 'OIM', echeance: '2023-06-30' },
        { id: 'NIA-2306-2', action: 'Préparer l’atelier', responsables: ['OIM', 'SP/CCM'], echeance: '2023-12' },
        { id: 'NIA-2306-3', action: 'Financer l’atelier', responsables: 'PTF', echeance: 'prochaine réunion' },
      ],
    },
  ],
  prochaine_reunion: { date: '2023-07-20', heure: '9:30', lieu: 'dans la salle habituelle' },
});

let repo: FixtureRepo;
beforeAll(async () => {
  repo = await createFixtureRepo({ config: configWithContacts(), meetings: { '2023-06-20-national': decided } });
});
afterAll(() => repo.cleanup());

const parseIcs = (text: string) => new ICAL.Component(ICAL.parse(text));

describe('gtm convocation, invitation (.ics)', () => {
  it('is a REQUEST in Niamey time at 9:30, organised by the chair, with one attendee per member contact', async () => {
    const result = await runBin(['convocation', '--format', 'ics'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('écrit : rendus/convocation-2023-07-20-national.ics\n');
    // Members without a contact are named, not silently skipped.
    expect(result.stderr).toContain('attention : ces membres n’ont aucun contact dans gtm.yaml et ne seront pas invités : MI/D, DGECEM-R, UNICEF');
    const text = readFileSync(repo.path('rendus/convocation-2023-07-20-national.ics'), 'utf8');
    const calendar = parseIcs(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Africa/Niamey');
    const timezone = new ICAL.Timezone(zone);
    ICAL.TimezoneService.register(timezone, 'Africa/Niamey');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Africa/Niamey');
    expect(event.startDate.zone?.tzid).toBe('Africa/Niamey');
    expect([event.startDate.year, event.startDate.month, event.startDate.day, event.startDate.hour, event.startDate.minute]).toEqual([2023, 7, 20, 9, 30]);
    // 9:30 in Niamey is 8:30 UTC; the previous meeting lasted two hours.
    expect(new Date(event.startDate.toUnixTime() * 1000).toISOString()).toBe('2023-07-20T08:30:00.000Z');
    expect(new Date(event.endDate.toUnixTime() * 1000).toISOString()).toBe('2023-07-20T10:30:00.000Z');
    const organizer = calendar.getFirstSubcomponent('vevent')!.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:moussa.ibrahim@spccm.ne');
    expect(organizer.getParameter('cn')).toBe('M. Moussa Ibrahim (SP/CCM)');
    const attendees = event.attendees.map((attendee) => [attendee.getFirstValue(), attendee.getParameter('cn'), attendee.getParameter('partstat')]);
    expect(attendees).toEqual([
      ['mailto:asow@iom.int', 'Mme Awa Sow (OIM)', 'NEEDS-ACTION'],
      ['mailto:dupre@unhcr.org', 'M. Jean Dupré (UNHCR)', 'NEEDS-ACTION'],
    ]);
    expect(event.summary).toBe('Réunion du GTM – Groupe Technique sur la Migration');
    expect(event.location).toBe('Salle de réunion de la DGECEM-R, Niamey');
    expect(event.description).toContain('3. Divers');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('keeps its UID when the date moves, so that calendars update the same event', async () => {
    const first = parseIcs((await runBin(['convocation', '--format', 'ics', '-o', '-'], { cwd: repo.root })).stdout);
    const moved = await runBin(['convocation', '--format', 'ics', '--date', '2023-07-27', '--heure', '10:00', '--revision', '1', '-o', '-'], {
      cwd: repo.root,
    });
    expect(moved.exitCode).toBe(0);
    const second = parseIcs(moved.stdout);
    const [a, b] = [first, second].map((calendar) => new ICAL.Event(calendar.getFirstSubcomponent('vevent')!));
    expect(b!.uid).toBe(a!.uid);
    expect(a!.uid).toBe('convocation-national-2023-06-20-national@gtm');
    expect(b!.sequence).toBe(1);
    expect(b!.startDate.toString()).toBe('2023-07-27T10:00:00');
    // Deterministic: the same command gives the same bytes.
    const [once, twice] = await Promise.all([1, 2].map(() => runBin(['convocation', '--format', 'ics', '-o', '-'], { cwd: repo.root })));
    expect(twice!.stdout).toBe(once!.stdout);
  });

  it('asks for an organiser when the chair has no contact', async () => {
    const bare = await createFixtureRepo({ meetings: { '2023-06-20-national': decided } });
    try {
      const result = await runBin(['convocation', '--format', 'ics'], { cwd: bare.root });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('l’invitation a besoin d’un organisateur : ajoutez à SP/CCM dans gtm.yaml un contact avec son adresse');
      expect(existsSync(bare.path('rendus'))).toBe(false);
    } finally {
      await bare.cleanup();
    }
  });
});

describe('gtm convocation, document', () => {
  it('proposes the agenda with the given points, and the open actions by responsible with what is late', async () => {
    const result = await runBin(['convocation', '--point', 'Présentation de la cartographie', '--point', 'Budget 2024', '--format', 'md', '-o', '-'], {
      cwd: repo.root,
    });
    expect(result.exitCode).toBe(0);
    const md = result.stdout;
    expect(md).toContain('# Convocation à la réunion du Groupe Technique sur la Migration (GTM)\n');
    expect(md).toContain('| Date | jeudi 20 juillet 2023 |\n| --- | --- |\n| Heure | 9h30 |\n| Lieu | Salle de réunion de la DGECEM-R, Niamey |\n');
    expect(md).toContain(
      '1. Ouverture (SP/CCM)\n2. Suivi des points d’action\n3. Présentation de la cartographie\n4. Budget 2024\n5. Divers\n6. Coordination prochaines étapes\n',
    );
    expect(md).toContain('3 points d’action restent ouverts, dont 1 en retard au jour de la réunion.');
    const sections = md.split('\n### ').slice(1).map((section) => section.split('\n')[0]);
    expect(sections).toEqual([
      'OIM – Organisation Internationale pour les Migrations',
      'Les partenaires techniques et financiers',
      'SP/CCM – Secrétariat Permanent du Cadre de Concertation sur la Migration',
    ]);
    expect(md).toContain('| **NIA-2306-1** – Partager la cartographie | 30 juin 2023 (**en retard**) | Ouvert |');
    expect(md).toContain('| **NIA-2306-2** – Préparer l’atelier | décembre 2023 | Ouvert |');
    expect(md).toContain('| **NIA-2306-3** – Financer l’atelier | prochaine réunion (20 juillet 2023) | Ouvert |');
  });

  it('is a PDF with the same words, through the same typesetter', async () => {
    const result = await runBin(['convocation', '-o', 'sortie/'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'écrit : sortie/convocation-2023-07-20-national.pdf\n' });
    const file = repo.path('sortie/convocation-2023-07-20-national.pdf');
    const pdf = await readPdf(readFileSync(file));
    const text = pdf.pages.map((page) => page.items.map((item) => item.text).join(' ')).join(' ').replace(/\s+/g, ' ');
    for (const words of ['Convocation à la réunion', 'Ordre du jour proposé', 'Suivi des points d’action', 'NIA-2306-1', 'en retard', 'SOLY AMADOU']) {
      expect(text).toContain(words);
    }
    expect(pdf.info.Title).toBe('Convocation – Groupe Technique sur la Migration – 20 juillet 2023');
    expect(renderPages(file).every((page) => page.inkFraction > 0.005)).toBe(true);
  });

  it('is a Word document too, written from the same document', async () => {
    const result = await runBin(['convocation', '--format', 'docx', '-o', 'convocation.docx'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    const text = spawnSync('pandoc', [repo.path('convocation.docx'), '-t', 'plain', '--wrap=none'], { encoding: 'utf8' }).stdout;
    for (const words of ['Convocation à la réunion', 'Ordre du jour proposé', 'Coordination prochaines étapes', 'NIA-2306-1']) expect(text).toContain(words);
  });

  it('says what to do when no next meeting was planned', async () => {
    const unplanned = await createFixtureRepo({ meetings: { '2023-06-20-national': minimalMeeting() } });
    try {
      const result = await runBin(['convocation'], { cwd: unplanned.root });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/2023-06-20-national.*--date/);
      expect(result.stderr).not.toMatch(/at |Error/);
      const given = await runBin(['convocation', '--date', '2023-07-25', '--format', 'md', '-o', '-'], { cwd: unplanned.root });
      expect(given.exitCode).toBe(0);
      expect(given.stdout).toContain('| Date | mardi 25 juillet 2023 |');
      expect(given.stdout).toContain('Aucun point d’action ne reste ouvert.');
    } finally {
      await unplanned.cleanup();
    }
  });

  it('never writes into meetings/', async () => {
    const result = await runBin(['convocation', '-o', 'meetings/'], { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('refus d’écrire dans meetings/convocation-2023-07-20-national.pdf');
  });
});
