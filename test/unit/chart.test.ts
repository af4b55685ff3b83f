// The chart block: read from a gtm:graphique region of the Markdown with its data, and laid out
// by the typesetter as bars proportional to the values (fake measure: exact arithmetic).
import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../src/document/from-markdown.js';
import type { Block } from '../../src/document/blocks.js';
import { composePages } from '../../src/typeset/index.js';
import type { RectMark } from '../../src/typeset/marks.js';
import type { Measure } from '../../src/typeset/measure.js';
import { BAR_COLOR } from '../../src/typeset/chart.js';

const fakeMeasure: Measure = { width: (text, _face, size) => [...text].length * size * 0.5, ascent: () => 0.8, descent: () => 0.2 };

const markdown = `## Participation

<!-- gtm:graphique unite="%" max="100" -->

| Organisation | Participation (%) |
| --- | --- |
| OIM | 100 |
| UNHCR | 50 |
| Organisation au nom très long qui ne tient pas dans la marge | 12,5 |
| DUE | pas un nombre |

<!-- /gtm:graphique -->

| Un | tableau |
| --- | --- |
| reste | un tableau |
`;

describe('chart block', () => {
  it('carries the data of the table in its region, and leaves other tables alone', () => {
    const { blocks } = markdownToBlocks(markdown);
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'chart', 'table']);
    expect(blocks[1]).toEqual({
      kind: 'chart',
      chart: 'bars',
      labelHeader: 'Organisation',
      valueHeader: 'Participation (%)',
      bars: [
        { label: 'OIM', value: 100 },
        { label: 'UNHCR', value: 50 },
        { label: 'Organisation au nom très long qui ne tient pas dans la marge', value: 12.5 },
        { label: 'DUE', value: 0 },
      ],
      max: 100,
      unit: '%',
    });
  });

  it('is drawn as bars from one axis, proportional to the values over the maximum', () => {
    const chart: Block = { kind: 'chart', chart: 'bars', labelHeader: 'a', valueHeader: 'b', bars: [{ label: 'A', value: 40 }, { label: 'B', value: 10 }, { label: 'C', value: 0 }], max: 80 };
    const [page] = composePages({ blocks: [chart], metadata: { title: 't', author: 'a', subject: 's', language: 'fr-FR', creationDate: new Date(0) } }, fakeMeasure);
    const bars = page!.marks.filter((mark): mark is RectMark => mark.kind === 'rect' && mark.fill === BAR_COLOR);
    expect(bars).toHaveLength(2); // a zero value draws no bar, only its label and value
    expect(bars[0]!.x).toBe(bars[1]!.x);
    expect(bars[0]!.width / bars[1]!.width).toBeCloseTo(4, 6);
    const texts = page!.marks.filter((mark) => mark.kind === 'text').map((mark) => (mark as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(['A', 'B', 'C', '40', '10', '0']));
  });
});
