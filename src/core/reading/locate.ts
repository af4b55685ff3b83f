// Findings → located diagnostics, in one step after the rules: each file named by a finding is
// composed once with yaml, and each data path becomes a line and a column there.
import type { Diagnostic, Finding, Location, Place } from '../diagnostics.js';
import { locate, parseYaml, type YamlSource } from './yaml.js';

/** `textOf` gives the text of a file named by a finding (the one that was checked). */
export function locateFindings(findings: readonly Finding[], textOf: (file: string) => string): Diagnostic[] {
  const sources = new Map<string, YamlSource>();
  const where = (place: Place): Location => {
    let source = sources.get(place.file);
    if (!source) sources.set(place.file, (source = parseYaml(place.file, textOf(place.file)).source));
    return locate(source, place.path, place.target ?? 'value');
  };
  return findings.map((finding) => {
    const location = where(finding.at);
    let message: string;
    if (finding.cites) {
      const cited = where(finding.cites);
      message = finding.message(`${cited.file}:${cited.line}:${cited.column}`);
    } else message = finding.message;
    return { severity: finding.severity, code: finding.code, message, location };
  });
}
