// Text read from a file is held to one rule whether it was typed raw or written as a YAML
// escape (« \e », « \x1b », « \u202E »): no control character (an error: it could move a
// terminal's cursor, change its colours or its title), and a warning for a bidirectional
// control (it reorders what follows on screen and on paper). Raw controls are already refused,
// at their exact place, while decoding (user-text.ts); this walk sees what the escapes made.
import { error, warning, type DataPath, type Diagnostic } from '../diagnostics.js';
import { messages } from '../messages.js';
import { BIDI_CONTROL, CONTROL, describeCharacter } from './characters.js';
import { locate, type YamlSource } from './yaml.js';

export function textDiagnostics(value: unknown, source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (text: string, path: DataPath, target: 'key' | 'value') => {
    const control = CONTROL.exec(text);
    if (control) found.push(error('caractere-invisible', messages.escapedControlCharacter(describeCharacter(control[0])), locate(source, path, target)));
    const bidi = BIDI_CONTROL.exec(text);
    if (bidi) found.push(warning('caractere-bidi', messages.bidiControl(describeCharacter(bidi[0])), locate(source, path, target)));
  };
  const visit = (node: unknown, path: DataPath) => {
    if (typeof node === 'string') check(node, path, 'value');
    else if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index]));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        check(key, [...path, key], 'key');
        visit(item, [...path, key]);
      }
    }
  };
  visit(value, []);
  return found;
}
