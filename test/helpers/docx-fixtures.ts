// Word compte-rendus written for the import tests with the docx package, laid out as the GTM's
// Word files are: a page header repeating the title, the header table (Présence spanning two
// rows), a numbered agenda, each section a one-column table holding its heading, « Points de
// discussion clés », the discussion (bullets, nested bullets, bold) and a nested action table
// (a responsible and a deadline merged over two actions, a « N/A » row spanning the table),
// bookmarks, the signature and an annex with a numbered list.
import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export const DOCX_TITLE = 'Compte-rendu de la réunion du Groupe Technique sur la Migration (GTM) ZINDER – Coordination et partage de l’information';

const text = (value: string, options: { bold?: boolean } = {}) => new TextRun({ text: value, ...(options.bold ? { bold: true } : {}) });
const para = (value: string, options: { bold?: boolean } = {}) => new Paragraph({ children: [text(value, options)] });
const bullet = (value: string, level = 0) => new Paragraph({ children: [text(value)], bullet: { level } });
const numbered = (value: string, reference = 'agenda') => new Paragraph({ children: [text(value)], numbering: { reference, level: 0 } });
const cell = (children: Array<Paragraph | Table>, span: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children, ...span, width: { size: 100 / 3, type: WidthType.PERCENTAGE } });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });
const layout = (...rows: Array<Array<Paragraph | Table>>) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((children) => row(cell(children))) });

const actionHeader = () => row(cell([para('Points d’action', { bold: true })]), cell([para('Personne/Agence responsable', { bold: true })]), cell([para('Date limite', { bold: true })]));

/** The compte-rendu of a (made-up) meeting of the GTM of Zinder, built like the seeds. */
export function zinderMinutes(): Document {
  const agenda = [
    'Ouverture (DRECM/R)',
    'Présentation des flux migratoires de la région (OIM)',
    'Sensibilisation des communautés (Croix Rouge Danoise)',
    'Divers',
    'Coordination prochaines étapes',
  ];
  const section1 = layout(
    [new Paragraph({ children: [new Bookmark({ id: '_Hlk1001', children: [text('I. Ouverture (DRECM/R)')] })], heading: HeadingLevel.HEADING_2 })],
    [para('Points de discussion clés', { bold: true })],
    [
      para('Le Directeur régional a ouvert la séance en souhaitant la bienvenue aux participants.'),
      para('Il a rappelé les points suivants :'),
      bullet('la tenue régulière des réunions du GTM régional ;'),
      bullet('le partage des données entre les acteurs :'),
      bullet('données de la DTM ;', 1),
      bullet('données des services de l’état civil.', 1),
    ],
    [
      new Table({
        rows: [
          actionHeader(),
          row(cell([para('N/A')], { columnSpan: 3 })),
        ],
      }),
    ],
  );
  const section2 = layout(
    [new Paragraph({ children: [text('II. Présentation des flux migratoires de la région (OIM)')], heading: HeadingLevel.HEADING_2 })],
    [para('Points de discussion clés', { bold: true })],
    [
      new Paragraph({ children: [text('Tendances', { bold: true })] }),
      para('Les flux sortants vers l’Algérie ont augmenté de 12 % au premier trimestre.'),
      new Paragraph({
        children: [text('Le rapport est disponible : '), new ExternalHyperlink({ link: 'https://dtm.iom.int/niger', children: [text('site de la DTM')] })],
      }),
    ],
    [
      new Table({
        rows: [
          actionHeader(),
          row(cell([para('1. Partager le rapport trimestriel avec les membres')]), cell([para('OIM et DRECM/R')], { rowSpan: 2 }), cell([para('31 mars 2023')], { rowSpan: 2 })),
          row(cell([para('2. Organiser une restitution à Magaria')])),
          row(cell([para('Mettre à jour la cartographie')]), cell([para('Tous les acteurs')]), cell([para('Au cours de l’atelier')])),
        ],
      }),
    ],
  );
  const section3 = layout(
    [para('III. Sensibilisation des communautés (Croix Rouge Danoise)')],
    [para('Points de discussion clés', { bold: true })],
    [para('La CRD a présenté sa campagne de sensibilisation sur les risques de la migration irrégulière.')],
    [new Table({ rows: [actionHeader(), row(cell([para('Appuyer la campagne')]), cell([para('?')]), cell([para('avril 2023')]))] })],
  );
  const section4 = layout(
    [para('IV. Divers')],
    [para('Points de discussion clés', { bold: true })],
    [para('Aucun point divers n’a été soulevé.')],
    [new Table({ rows: [actionHeader(), row(cell([para('////')]), cell([para('')]), cell([para('')]))] })],
  );
  const section5 = layout(
    [para('V. Coordination prochaines étapes')],
    [para('Points de discussion clés', { bold: true })],
    [para('La prochaine réunion se tiendra le 13 avril 2023 à 10h00, dans la salle de la DRECM/R.')],
  );
  return new Document({
    numbering: {
      config: [
        { reference: 'agenda', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] },
        { reference: 'annex', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [para(DOCX_TITLE)] }) },
        children: [
          new Paragraph({ children: [text(DOCX_TITLE, { bold: true })], heading: HeadingLevel.TITLE }),
          new Table({
            rows: [
              row(cell([para('Date', { bold: true })]), cell([para('16 Mars 2023')])),
              row(cell([para('Heure', { bold: true })]), cell([para('9H15-11H00')])),
              row(cell([para('Lieu', { bold: true })]), cell([para('Salle de réunion de la DRECM/R Zinder')])),
              row(cell([para('Présence', { bold: true })], { rowSpan: 2 }), cell([para('DRECM/R'), para('OIM'), para('Croix Rouge Danoise')])),
              row(cell([para('UNHCR ; ONG Tafiya Niger (TAFIYA)')])),
            ],
          }),
          para('Points inscrits à l’ordre du jour', { bold: true }),
          ...agenda.map((item) => numbered(item)),
          section1,
          section2,
          section3,
          section4,
          section5,
          para('LE RAPPORTEUR'),
          para('Moussa ISSAKA'),
          para('DRECM/R Zinder'),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ children: [text('Annexe : Synthèse des recommandations')], heading: HeadingLevel.HEADING_1 }),
          para('Recommandations', { bold: true }),
          numbered('Renforcer la collecte des données aux points de passage.', 'annex'),
          numbered('Associer les communes aux sensibilisations.', 'annex'),
        ],
      },
    ],
  });
}

/** A document of `pages` pages of ordinary prose. */
export function longDocument(pages: number): Document {
  const sentence = 'Les participants ont échangé sur la situation migratoire et sur les actions à mener dans la région. ';
  const children: Paragraph[] = [para(DOCX_TITLE)];
  for (let page = 0; page < pages; page++) {
    for (let paragraph = 0; paragraph < 6; paragraph++) children.push(para(sentence.repeat(5)));
    children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  return new Document({ sections: [{ children }] });
}

export const docxBytes = (document: Document): Promise<Buffer> => Packer.toBuffer(document);
