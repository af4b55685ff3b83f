// The package around the document: content types, relationships, document properties (title,
// subject, author = the group, keywords, dates from the record), settings.
import type { DocumentMetadata } from '../../document/index.js';
import { NS, XML_DECLARATION, xmlAttribute, xmlText } from './xml.js';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const OFFICE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function contentTypesXml(): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', `${WORD}.document.main+xml`) +
    override('/word/styles.xml', `${WORD}.styles+xml`) +
    override('/word/numbering.xml', `${WORD}.numbering+xml`) +
    override('/word/settings.xml', `${WORD}.settings+xml`) +
    override('/word/header1.xml', `${WORD}.header+xml`) +
    override('/word/header2.xml', `${WORD}.header+xml`) +
    override('/word/footer1.xml', `${WORD}.footer+xml`) +
    override('/word/footer2.xml', `${WORD}.footer+xml`) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

const relationship = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${type}" Target="${xmlAttribute(target)}"${external ? ' TargetMode="External"' : ''}/>`;

export function packageRelationshipsXml(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">` +
    relationship('rId1', `${OFFICE_RELATIONSHIP}/officeDocument`, 'word/document.xml') +
    relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
    relationship('rId3', `${OFFICE_RELATIONSHIP}/extended-properties`, 'docProps/app.xml') +
    '</Relationships>'
  );
}

/** rId1-rId7 fixed; the links from rId8 on, in the order the body first uses them. */
export function documentRelationshipsXml(links: readonly string[]): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">` +
    relationship('rId1', `${OFFICE_RELATIONSHIP}/styles`, 'styles.xml') +
    relationship('rId2', `${OFFICE_RELATIONSHIP}/numbering`, 'numbering.xml') +
    relationship('rId3', `${OFFICE_RELATIONSHIP}/settings`, 'settings.xml') +
    relationship('rId4', `${OFFICE_RELATIONSHIP}/header`, 'header1.xml') +
    relationship('rId5', `${OFFICE_RELATIONSHIP}/header`, 'header2.xml') +
    relationship('rId6', `${OFFICE_RELATIONSHIP}/footer`, 'footer1.xml') +
    relationship('rId7', `${OFFICE_RELATIONSHIP}/footer`, 'footer2.xml') +
    links.map((target, i) => relationship(`rId${8 + i}`, `${OFFICE_RELATIONSHIP}/hyperlink`, target, true)).join('') +
    '</Relationships>'
  );
}

/** W3CDTF to the second, in UTC. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function coreXml(metadata: DocumentMetadata): string {
  const date = w3cdtf(metadata.creationDate);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(metadata.title)}</dc:title><dc:subject>${xmlText(metadata.subject)}</dc:subject><dc:creator>${xmlText(metadata.author)}</dc:creator>` +
    (metadata.keywords ? `<cp:keywords>${xmlText(metadata.keywords.join(', '))}</cp:keywords>` : '') +
    `<dc:language>${metadata.language}</dc:language><cp:lastModifiedBy>${xmlText(metadata.author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>gtm</Application><DocSecurity>0</DocSecurity></Properties>`;
}

export function settingsXml(): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${NS.w}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/><w:hyphenationZone w:val="425"/>` +
    '<w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="fr-FR"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}
