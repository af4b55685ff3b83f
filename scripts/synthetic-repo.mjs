// A synthetic minutes repository for scale tests: N valid meetings spread over the four
// groups of the bundled gtm.yaml, about five actions each, and follow-ups of earlier actions
// (progress, completion, postponement, abandonment) — all deterministic (seeded).
//
//   node scripts/synthetic-repo.mjs DIR COUNT     writes DIR/gtm.yaml and DIR/meetings/*.yaml
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const GROUPS = [
  ['national', 'NIA'],
  ['agadez', 'AGZ'],
  ['tahoua', 'THA'],
  ['zinder', 'ZIN'],
];
const ORGANISATIONS = ['OIM', 'UNHCR', 'UNICEF', 'UNFPA', 'ONU Femmes', 'BIT', 'SP/CCM', 'DGECEM-R', 'DRC/MMC', 'GIZ/APM', 'DUE', 'CRN', 'INS', 'ANLTP/TIM'];
const VERBS = ['Partager', 'Organiser', 'Transmettre', 'Préparer', 'Finaliser', 'Diffuser', 'Consolider', 'Valider'];
const OBJECTS = [
  'la cartographie des acteurs de la migration',
  'le rapport trimestriel sur les flux migratoires',
  'la note conceptuelle de l’atelier régional',
  'les données de la DTM sur les retours de Libye',
  'le plan d’action de la stratégie de coordination',
  'la liste des points focaux « genre et migration »',
];
const WORDS = ['Au cours de l’atelier', 'Dès que possible', 'Avant la saison des pluies'];

/** mulberry32: small, seeded, good enough to vary synthetic data reproducibly. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (date) => date.toISOString().slice(0, 10);
const addDays = (date, days) => new Date(date.getTime() + days * 86_400_000);
const quote = (text) => JSON.stringify(text);

export function generateRepository(dir, count, seed = 42) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  copyFileSync(path.join(PROJECT, 'gtm.yaml'), path.join(dir, 'gtm.yaml'));

  let actions = 0;
  let followUps = 0;
  const perGroup = Math.ceil(count / GROUPS.length);
  GROUPS.forEach(([group, code], groupIndex) => {
    const open = []; // ids still open in this group, oldest first
    const counters = new Map();
    let date = new Date(Date.UTC(2019, 0, 7 + groupIndex));
    const total = Math.min(perGroup, count - groupIndex * perGroup);
    for (let index = 0; index < total; index++) {
      const next = addDays(date, 1 + Math.floor(rand() * 2));
      const day = iso(date);
      const month = `${day.slice(2, 4)}${day.slice(5, 7)}`;
      const lines = [
        `groupe: ${group}`,
        'statut: diffuse',
        `date: ${day}`,
        'heure_debut: "9:30"',
        'heure_fin: "11:20"',
        'presence:',
        ...ORGANISATIONS.filter(() => rand() < 0.6).concat('SP/CCM').filter((name, at, all) => all.indexOf(name) === at).map((name) => `  - ${name}`),
        'ordre_du_jour:',
        '  - titre: Ouverture',
        '    presentateur: SP/CCM',
      ];
      const decided = [];
      for (let item = 0; item < 2; item++) {
        lines.push(
          `  - titre: Présentation ${item + 1} de la réunion du ${day}`,
          `    presentateur: ${pick(ORGANISATIONS)}`,
          '    discussion: |',
          `      La présentation a porté sur ${pick(OBJECTS)} ; les échanges ont tourné autour de :`,
          '',
          `      - la mise à jour de ${pick(OBJECTS)} ;`,
          `      - la collecte des données et le partage de ${pick(OBJECTS)}.`,
          '    actions:',
        );
        const howMany = item === 0 ? 3 : 2;
        for (let n = 0; n < howMany; n++) {
          const number = (counters.get(month) ?? 0) + 1;
          counters.set(month, number);
          const id = `${code}-${month}-${number}`;
          const roll = rand();
          const responsible = roll < 0.1 ? '"?"' : roll < 0.15 ? 'tous' : roll < 0.4 ? `[${pick(ORGANISATIONS)}, SP/CCM]` : pick(ORGANISATIONS);
          const kind = rand();
          const deadline =
            kind < 0.4
              ? iso(addDays(date, 10 + Math.floor(rand() * 60)))
              : kind < 0.6
                ? iso(addDays(date, 31)).slice(0, 7)
                : kind < 0.7
                  ? String(date.getUTCFullYear() + 1)
                  : kind < 0.85
                    ? 'prochaine réunion'
                    : pick(WORDS);
          lines.push(
            `      - id: ${id}`,
            `        action: ${quote(`${pick(VERBS)} ${pick(OBJECTS)}`)}`,
            `        responsables: ${responsible}`,
            `        echeance: ${/^\d{4}$/.test(deadline) ? deadline : quote(deadline)}`,
          );
          decided.push(id);
          actions++;
        }
      }
      const followed = open.splice(0, Math.min(open.length, 4 + Math.floor(rand() * 2)));
      if (followed.length > 0) {
        lines.push('suivi_actions:');
        for (const id of followed) {
          const roll = rand();
          const statut = roll < 0.35 ? 'realise' : roll < 0.6 ? 'en_cours' : roll < 0.85 ? 'reporte' : 'abandonne';
          lines.push(`  - action: ${id}`, `    statut: ${statut}`, `    commentaire: ${quote(`Point fait le ${day}`)}`);
          if (statut === 'reporte') lines.push(`    nouvelle_echeance: ${quote(iso(addDays(date, 30)))}`);
          if (statut === 'en_cours' || statut === 'reporte') open.push(id);
          followUps++;
        }
      }
      open.push(...decided);
      lines.push('prochaine_reunion:', `  date: ${iso(next)}`, '  heure: "9:30"');
      writeFileSync(path.join(dir, 'meetings', `${day}-${group}.yaml`), `${lines.join('\n')}\n`);
      date = next;
    }
  });
  return { meetings: count, actions, followUps };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: node scripts/synthetic-repo.mjs DIR COUNT');
    process.exit(2);
  }
  console.log(generateRepository(path.resolve(dir), Number(count)));
}
