// PDF/A-2b, checked by every means available here (veraPDF, the reference validator, is not):
// qpdf's structural check, poppler's pdfinfo and pdffonts (tagged, metadata stream, every font
// embedded), pdf.js's XMP parser (pdfaid part 2, conformance B, the same title, author, subject
// and dates as the document information), LittleCMS reading the output intent's ICC profile as
// sRGB, and the absence of what PDF/A forbids (transparency, encryption, hidden annotations).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeset } from '../../src/typeset/index.js';
import { compteRendu } from './typeset-document.fixture.js';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const work = mkdtempSync(path.join(tmpdir(), 'gtm-pdfa-'));
const file = path.join(work, 'cr.pdf');
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await typeset({ ...compteRendu(), footer: { left: 'GTM – Compte-rendu du 20 juin 2023' }, watermark: 'PROJET' });
  writeFileSync(file, bytes);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a reader that CI installs (.ci/run); skips locally when it is missing, fails on CI. */
function tool(command: string): boolean {
  if (has(command)) return true;
  if (process.env.CI) throw new Error(`${command} est requis sur la CI`);
  return false;
}

/** The objects of the file, as qpdf's JSON shows them (streams' data decoded on request). */
function qpdfObjects(): Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }> {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, never>] };
  return json.qpdf[1];
}

describe('PDF/A-2b', () => {
  it('passes qpdf’s check, with a file identifier and no encryption', () => {
    if (!tool('qpdf')) return;
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
    const trailer = execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' });
    expect(trailer).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    expect(trailer).not.toContain('/Encrypt');
    // A binary comment right after the header, as PDF/A asks.
    expect(bytes[9]).toBe(0x25);
    expect(Math.min(...bytes.slice(10, 14))).toBeGreaterThan(127);
  });

  it('declares PDF/A-2b in XMP metadata that agrees with the document information', async () => {
    const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
    const { info, metadata } = (await document.getMetadata()) as unknown as { info: Record<string, string>; metadata: { get(name: string): unknown } };
    expect(metadata.get('pdfaid:part')).toBe('2');
    expect(metadata.get('pdfaid:conformance')).toBe('B');
    expect(metadata.get('dc:title')).toBe(info.Title);
    expect(metadata.get('dc:creator')).toEqual([info.Author]);
    expect(metadata.get('dc:description')).toBe(info.Subject);
    expect(metadata.get('pdf:producer')).toBe(info.Producer);
    expect(metadata.get('xmp:creatortool')).toBe(info.Creator);
    // D:20230620120000Z and 2023-06-20T12:00:00Z are the same instant.
    const pdfDate = info.CreationDate!.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    expect(metadata.get('xmp:createdate')).toBe(pdfDate);
    expect(metadata.get('xmp:modifydate')).toBe(pdfDate);
  });

  it('is tagged, with a metadata stream and every font embedded (poppler)', () => {
    if (!tool('pdfinfo')) return;
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    expect(execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' })).toContain('<pdfaid:part>2</pdfaid:part>');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\s(CID TrueType)\s+Identity-H\s+yes\s+yes\s+yes\s/);
  });

  it('has an sRGB output intent whose ICC profile LittleCMS reads as sRGB', () => {
    if (!tool('qpdf')) return;
    const objects = qpdfObjects();
    const catalogKey = Object.keys(objects).find((key) => objects[key]!.value?.['/Type'] === '/Catalog')!;
    const intents = objects[catalogKey]!.value!['/OutputIntents'] as string[];
    expect(intents).toHaveLength(1);
    const intent = objects[`obj:${intents[0]}`]!.value!;
    expect(intent).toMatchObject({ '/Type': '/OutputIntent', '/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1' });
    const profileRef = (intent['/DestOutputProfile'] as string).replace(' R', '').replace(/ /g, ' ');
    const profile = execFileSync('qpdf', [`--show-object=${profileRef.split(' ')[0]}`, '--filtered-stream-data', file]);
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.subarray(12, 24).toString('latin1')).toBe('mntrRGB XYZ ');
    if (!tool('transicc')) return;
    const iccFile = path.join(work, 'srgb.icc');
    writeFileSync(iccFile, profile);
    // Middle grey is L* 53.6 in sRGB; white and red come back as themselves.
    const lab = execFileSync('transicc', ['-i', iccFile, '-o', '*Lab', '-n'], { input: '128 128 128\n', encoding: 'utf8' });
    const [, lightness] = /L\*=(\d+\.\d+)/.exec(lab) ?? /^([\d.]+)/m.exec(lab.trim().split('\n').pop()!) ?? [];
    expect(Number(lightness)).toBeCloseTo(53.6, 0);
    const rgb = execFileSync('transicc', ['-i', iccFile, '-o', '*sRGB'], { input: '255 0 0\n', encoding: 'utf8' });
    const [, r, g, b] = /R=([-\d.]+) G=([-\d.]+) B=([-\d.]+)/.exec(rgb)!;
    expect([Number(r), Number(g), Number(b)].map((v) => Math.round(v) + 0)).toEqual([255, 0, 0]);
  });

  it('uses no transparency and prints its link annotations', async () => {
    if (!tool('qpdf')) return;
    const uncompressed = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
    for (const forbidden of ['/SMask', '/CA ', '/ca ', '/Transparency', '/JavaScript', '/Encrypt']) expect(uncompressed).not.toContain(forbidden);
    const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
    let links = 0;
    for (let number = 1; number <= document.numPages; number++) {
      for (const annotation of (await (await document.getPage(number)).getAnnotations()) as { subtype: string; annotationFlags: number }[]) {
        links++;
        expect(annotation.subtype).toBe('Link');
        expect(annotation.annotationFlags & 4).toBe(4);
        expect(annotation.annotationFlags & 2).toBe(0);
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  it('is the same bytes every time', async () => {
    const again = await typeset({ ...compteRendu(), footer: { left: 'GTM – Compte-rendu du 20 juin 2023' }, watermark: 'PROJET' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(file).length).toBe(bytes.length);
  });
});
