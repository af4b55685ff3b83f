// gtm diffuser as the chair uses it: e-mail drafts read back by a real mail parser
// (mailparser), the attachment compared byte for byte with what gtm render writes.
import { readdirSync, readFileSync } from 'node:fs';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepo, minimalMeeting, type FixtureRepo } from '../helpers/fixture-repo.js';
import { runBin } from '../helpers/run-cli.js';
import { configWithContacts } from '../helpers/contacts.js';
import { readPdf } from '../helpers/pdf.js';

const meeting = (statut: string) =>
  minimalMeeting({
    statut,
    date: '2023-06-20',
    presence: ['SP/CCM', 'OIM', { organisation: 'UNHCR', statut: 'excuse' }],
    ordre_du_jour: [
      { titre: 'Ouverture', presentateur: 'SP/CCM' },
      {
        titre: 'Cartographie des mobilités',
        presentateur: 'OIM',
        actions: [
          { id: 'NIA-2306-1', action: 'Partager la cartographie', responsables: 'OIM', echeance: '2023-06-10' },
          { id: 'NIA-2306-2', action: 'Réunir les données du HCR', responsables: 'UNHCR', echeance: '2023-09' },
          { id: 'NIA-2306-3', action: 'Financer l’atelier', responsables: 'tous', echeance: '2023-12' },
        ],
      },
    ],
    prochaine_reunion: { date: '2023-07-20', heure: '9:30' },
  });

let repo: FixtureRepo;
beforeAll(async () => {
  repo = await createFixtureRepo({ config: configWithContacts(), meetings: { '2023-06-20-national': meeting('valide') } });
});
afterAll(() => repo.cleanup());

const names = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value.map((entry) => `${entry.name} <${entry.address}>`));

describe('gtm diffuser', () => {
  it('writes one draft to the member contacts with the PDF of gtm render attached, headers in French', async () => {
    const result = await runBin(['diffuser'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('écrit : rendus/diffusion-2023-06-20-national.eml\n');
    expect(result.stderr).toContain('ne recevront pas le compte-rendu : MI/D, DGECEM-R, UNICEF');
    const raw = readFileSync(repo.path('rendus/diffusion-2023-06-20-national.eml'));
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Compte-rendu de la réunion du GTM du 20 juin 2023');
    expect(names(mail.from)).toEqual(['M. Moussa Ibrahim <moussa.ibrahim@spccm.ne>']);
    expect(names(mail.to)).toEqual(['Mme Awa Sow <asow@iom.int>', 'M. Jean Dupré <dupre@unhcr.org>']);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.messageId).toMatch(/^<gtm\.2023-06-20-national\.[0-9a-f]{16}@spccm\.ne>$/);
    expect(mail.date?.toISOString()).toBe('2023-06-20T12:00:00.000Z');
    // Every header and body line is ASCII within RFC 5322's 998 octets; headers are encoded words.
    for (const line of raw.toString('latin1').split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(/[^\x00-\x7f]/.test(raw.toString('latin1'))).toBe(false);
    expect(raw.toString('latin1')).toContain('Subject: =?UTF-8?');

    const text = mail.text!;
    expect(text).toContain('Veuillez trouver ci-joint le compte-rendu validé de la réunion du Groupe Technique sur la Migration (GTM) tenue le mardi 20 juin 2023');
    expect(text).toContain('Organisations présentes (2) : SP/CCM, OIM.');
    expect(text).toContain('Excusées : UNHCR.');
    expect(text).toContain('1. Ouverture (SP/CCM)\n2. Cartographie des mobilités (OIM)');
    expect(text).toContain('3 points d’action ont été décidés lors de cette réunion.');
    expect(text).toContain('La prochaine réunion est prévue le jeudi 20 juillet 2023 à 9h30.');
    expect(text).toContain('OIM :\n- NIA-2306-1 – Partager la cartographie (échéance : 10 juin 2023, en retard)\n- NIA-2306-3 – Financer l’atelier (échéance : décembre 2023 ; responsables : Tous les acteurs)');
    expect(text).toContain('UNHCR :\n- NIA-2306-2 – Réunir les données du HCR (échéance : septembre 2023)');
    expect(text).not.toContain('PROJET');

    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment!.filename).toBe('2023-06-20-national.pdf');
    expect(attachment!.contentType).toBe('application/pdf');
    expect((await runBin(['render', '2023-06-20-national', '-o', 'cr.pdf'], { cwd: repo.root })).exitCode).toBe(0);
    expect(Buffer.compare(attachment!.content, readFileSync(repo.path('cr.pdf')))).toBe(0);
  });

  it('is the same bytes from one run to the next', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => runBin(['diffuser', '-o', '-'], { cwd: repo.root })));
    expect(a!.exitCode).toBe(0);
    expect(b!.stdout).toBe(a!.stdout);
  });

  it('circulates a draft « pour commentaires », its PDF marked PROJET', async () => {
    const draft = await createFixtureRepo({ config: configWithContacts(), meetings: { '2023-06-20-national': meeting('brouillon') } });
    try {
      expect((await runBin(['diffuser', '-o', 'projet.eml'], { cwd: draft.root })).exitCode).toBe(0);
      const mail = await simpleParser(readFileSync(draft.path('projet.eml')));
      expect(mail.subject).toBe('Projet de compte-rendu de la réunion du GTM du 20 juin 2023 – pour commentaires');
      expect(mail.text).toContain('Ce projet (marqué « PROJET ») est soumis à vos commentaires');
      const pdf = await readPdf(new Uint8Array(mail.attachments[0]!.content));
      expect(pdf.pages[0]!.items.some((item) => item.rotated && item.text === 'PROJET')).toBe(true);
      expect((await runBin(['render', '-o', 'cr.pdf'], { cwd: draft.root })).exitCode).toBe(0);
      expect(Buffer.compare(mail.attachments[0]!.content, readFileSync(draft.path('cr.pdf')))).toBe(0);
    } finally {
      await draft.cleanup();
    }
  });

  it('writes one draft per member organisation with its own actions', async () => {
    const result = await runBin(['diffuser', '2023-06-20-national', '--par-organisation'], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'écrit : rendus/diffusion-2023-06-20-national/SP-CCM.eml',
      'écrit : rendus/diffusion-2023-06-20-national/OIM.eml',
      'écrit : rendus/diffusion-2023-06-20-national/UNHCR.eml',
    ]);
    expect(readdirSync(repo.path('rendus/diffusion-2023-06-20-national')).sort()).toEqual(['OIM.eml', 'SP-CCM.eml', 'UNHCR.eml']);
    const unhcr = await simpleParser(readFileSync(repo.path('rendus/diffusion-2023-06-20-national/UNHCR.eml')));
    expect(names(unhcr.to)).toEqual(['M. Jean Dupré <dupre@unhcr.org>']);
    expect(unhcr.text).toContain('Points d’action ouverts confiés à UNHCR :\n- NIA-2306-2 – Réunir les données du HCR (échéance : septembre 2023)\n- NIA-2306-3');
    expect(unhcr.text).not.toContain('NIA-2306-1');
    const oim = await simpleParser(readFileSync(repo.path('rendus/diffusion-2023-06-20-national/OIM.eml')));
    expect(oim.messageId).not.toBe(unhcr.messageId);
  });

  it('refuses without a sender or recipients, and never writes into meetings/', async () => {
    const bare = await createFixtureRepo({ meetings: { '2023-06-20-national': meeting('valide') } });
    try {
      const result = await runBin(['diffuser'], { cwd: bare.root });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('le courriel a besoin d’un expéditeur : ajoutez à SP/CCM dans gtm.yaml un contact');
    } finally {
      await bare.cleanup();
    }
    const refused = await runBin(['diffuser', '-o', 'meetings/x.eml'], { cwd: repo.root });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('refus d’écrire dans meetings/x.eml');
  });
});
