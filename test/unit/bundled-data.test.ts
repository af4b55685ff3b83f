// The bundled data (gtm.yaml and the three real meetings in meetings/) is the rapporteur's
// starting point and the project's reference example: it must stay valid as the schemas evolve.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { organisationOfEntry } from '../../src/core/attendance.js';
import { configSchema, type Config } from '../../src/core/schema/config.js';
import { isReservedResponsible, meetingSchema, type Meeting } from '../../src/core/schema/meeting.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const meetingsDir = join(root, 'meetings');

function readYaml(path: string): { text: string; value: unknown } {
  const text = readFileSync(path, 'utf8');
  return { text, value: parse(text) };
}

const configFile = readYaml(join(root, 'gtm.yaml'));
const config: Config = configSchema.parse(configFile.value);
const directory = new Set(Object.keys(config.organisations));

const meetingFiles = readdirSync(meetingsDir)
  .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
  .sort();

const meetings = meetingFiles.map((name) => {
  const { text, value } = readYaml(join(meetingsDir, name));
  const result = meetingSchema.safeParse(value);
  return { name, text, result };
});

function parsed(name: string): Meeting {
  const entry = meetings.find((meeting) => meeting.name === name);
  if (!entry?.result.success) throw new Error(`${name} is not a valid meeting`);
  return entry.result.data;
}

/** Every organisation a meeting names: attendance, presenters, responsibles (but « ? », « tous »). */
function acronymsOf(meeting: Meeting): string[] {
  const named = meeting.presence.map(organisationOfEntry);
  for (const item of meeting.ordre_du_jour) {
    if (item.presentateur !== undefined) named.push(item.presentateur);
    for (const action of item.actions ?? []) {
      const responsibles = action.responsables ?? [];
      named.push(...(Array.isArray(responsibles) ? responsibles : [responsibles]));
    }
  }
  return named.filter((name) => !isReservedResponsible(name));
}

describe('gtm.yaml', () => {
  it('is valid against the configuration schema', () => {
    expect(configSchema.safeParse(configFile.value).error?.issues).toBeUndefined();
  });

  it('declares its default group and the four GTM groups with distinct codes', () => {
    expect(Object.keys(config.groupes)).toEqual(expect.arrayContaining(['national', 'agadez', 'tahoua', 'zinder']));
    expect(config.groupes[config.groupe_par_defaut]).toBeDefined();
    const codes = Object.values(config.groupes).map((group) => group.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists the member organisations named in DOMAIN.md', () => {
    const members = ['OIM', 'UNHCR', 'UNICEF', 'UNFPA', 'ONU Femmes', 'BIT', 'HCDH', 'CICR', 'CRN', 'DRC/MMC', 'GIZ/APM'];
    const state = ['DUE', 'EUCAP-Sahel', 'INS', 'DGECEM-R', 'ANLTP/TIM', 'SP/CCM', 'MI/D', 'ONG Karkara'];
    for (const acronym of [...members, ...state]) expect(directory, acronym).toContain(acronym);
  });

  it('points editors at the JSON schema on its first line', () => {
    expect(configFile.text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/config.schema.json');
  });
});

describe('bundled meetings', () => {
  it('include the three real GTM meetings', () => {
    expect(meetingFiles).toEqual(
      expect.arrayContaining(['2021-01-28-national.yaml', '2021-09-21-national.yaml', '2023-06-20-national.yaml']),
    );
  });

  it.each(meetingFiles)('%s is valid against the meeting schema', (name) => {
    const entry = meetings.find((meeting) => meeting.name === name)!;
    expect(entry.result.error?.issues).toBeUndefined();
  });

  it.each(meetingFiles)('%s points editors at the JSON schema on its first line', (name) => {
    const entry = meetings.find((meeting) => meeting.name === name)!;
    expect(entry.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/reunion.schema.json');
  });

  it.each(meetingFiles)('%s is named after its date and group', (name) => {
    const meeting = parsed(name);
    const group = meeting.groupe ?? config.groupe_par_defaut;
    expect(config.groupes[group], `group ${group}`).toBeDefined();
    expect(name).toBe(`${meeting.date}-${group}.yaml`);
  });

  it.each(meetingFiles)('%s names only organisations of the directory, each present once', (name) => {
    const meeting = parsed(name);
    expect(acronymsOf(meeting).filter((acronym) => !directory.has(acronym))).toEqual([]);
    expect(new Set(meeting.presence).size).toBe(meeting.presence.length);
  });

  it.each(meetingFiles)('%s numbers nothing by hand and leaves the next-steps section to prochaine_reunion', (name) => {
    const titles = parsed(name).ordre_du_jour.map((item) => item.titre);
    for (const title of titles) expect(title).not.toMatch(/^\s*([0-9]+|[IVX]+)\s*[-.)]/);
    expect(titles.filter((title) => /prochaines? étapes/i.test(title))).toEqual([]);
  });

  it('give every action a unique id following <group code>-<AAMM>-<n>', () => {
    const seen = new Map<string, string>();
    for (const name of meetingFiles) {
      const meeting = parsed(name);
      const code = config.groupes[meeting.groupe ?? config.groupe_par_defaut]!.code;
      const period = meeting.date.slice(2, 4) + meeting.date.slice(5, 7);
      for (const action of meeting.ordre_du_jour.flatMap((item) => item.actions ?? [])) {
        expect(seen.get(action.id), `${action.id} in ${name}`).toBeUndefined();
        seen.set(action.id, name);
        expect(action.id).toMatch(new RegExp(`^${code}-${period}-[1-9][0-9]*$`));
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('follow up only actions decided in an earlier bundled meeting', () => {
    const decidedIn = new Map<string, string>();
    for (const name of meetingFiles) {
      const meeting = parsed(name);
      for (const action of meeting.ordre_du_jour.flatMap((item) => item.actions ?? [])) decidedIn.set(action.id, meeting.date);
    }
    for (const name of meetingFiles) {
      const meeting = parsed(name);
      for (const followUp of meeting.suivi_actions ?? []) {
        const decided = decidedIn.get(followUp.action);
        expect(decided, `${followUp.action} in ${name}`).toBeDefined();
        expect(decided! < meeting.date).toBe(true);
      }
    }
  });
});
