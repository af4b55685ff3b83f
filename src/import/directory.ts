// Adding organisations to gtm.yaml's directory without touching the rest of the file: the new
// entries are inserted as text after the directory's last entry, found through the yaml
// parser's node ranges, so that every comment and blank line of the rapporteur stays as it was.
import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { ProposedOrganisation } from './organisations.js';
import { commentLines, scalar } from './record-text.js';

export class DirectoryProblem extends Error {}

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

export function appendOrganisations(configText: string, entries: readonly ProposedOrganisation[], origin: string): string {
  if (entries.length === 0) return configText;
  const document = parseDocument(configText);
  const root = document.contents;
  const pair = isMap(root) ? (root.items as Pair[]).find((item) => isScalar(item.key) && item.key.value === 'organisations') : undefined;
  const directory = pair?.value;
  if (!isMap(directory) || directory.flow || directory.items.length === 0) {
    throw new DirectoryProblem('l’annuaire « organisations: » de gtm.yaml n’est pas écrit comme une liste de blocs « SIGLE: » : ajoutez les organisations à la main');
  }
  const items = (directory as YAMLMap).items as Pair[];
  const firstKey = items[0]!.key as { range?: [number, number, number] };
  const firstValue = items[0]!.value as YAMLMap | undefined;
  const keyIndent = ' '.repeat(columnOf(configText, firstKey.range![0]));
  const innerKey = isMap(firstValue) && firstValue.items[0] ? (firstValue.items[0].key as { range?: [number, number, number] }) : undefined;
  const valueIndent = innerKey?.range ? ' '.repeat(columnOf(configText, innerKey.range[0])) : `${keyIndent}  `;
  const last = items[items.length - 1]!;
  const lastNode = (last.value ?? last.key) as { range?: [number, number, number] };
  // After the last entry's last line (a node's range may run past its line end).
  let valueEnd = lastNode.range![1];
  while (valueEnd > 0 && /\s/.test(configText[valueEnd - 1]!)) valueEnd--;
  const lineEnd = configText.indexOf('\n', valueEnd);
  const at = lineEnd === -1 ? configText.length : lineEnd + 1;
  const lines = [
    '',
    ...commentLines(`Ajoutées par « gtm import » (${origin}) : vérifiez le nom complet et le type.`, keyIndent),
    ...entries.flatMap((entry) => [`${keyIndent}${scalar(entry.acronym)}:`, `${valueIndent}nom: ${scalar(entry.nom)}`, `${valueIndent}type: ${entry.type}`]),
  ];
  const prefix = lineEnd === -1 ? `${configText}\n` : configText.slice(0, at);
  const result = `${prefix}${lines.join('\n')}\n${configText.slice(at)}`;
  const check = parseDocument(result);
  const added = check.getIn(['organisations']) as YAMLMap | undefined;
  if (check.errors.length > 0 || !isMap(added) || entries.some((entry) => !added.has(entry.acronym))) {
    throw new DirectoryProblem('gtm.yaml n’a pas pu être complété sans risque : ajoutez les organisations à la main');
  }
  return result;
}
