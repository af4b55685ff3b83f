// Where a rule's finding lies in a meeting file. Rules name it by data path while they run;
// the locator turns the paths into lines and columns in one pass after them. So yaml's composer
// (source.ts, about 12 ms to load) loads only when some rule found something: a valid
// repository is checked without it.
import type { Location } from './diagnostics.js';
import type { DataPath } from './source.js';

/** A file a location can be read from: its path as shown in messages, and its text. */
export interface LocatableFile {
  readonly relativePath: string;
  text(): string;
}

/**
 * The location of the value (or, with target 'key', of the key) at `path` in `of`; it names
 * the file only, at 1:1, until the locator resolves it.
 */
export type Locate = (of: LocatableFile, path: DataPath, target?: 'key' | 'value') => Location;

export interface Locator {
  locate: Locate;
  /** Fills in the line and column of every location handed out, each file composed once. */
  resolve(): Promise<void>;
}

export function createLocator(): Locator {
  const pending: Array<{ location: Location; of: LocatableFile; path: DataPath; target: 'key' | 'value' }> = [];
  return {
    locate: (of, path, target = 'value') => {
      const location: Location = { file: of.relativePath, line: 1, column: 1 };
      pending.push({ location, of, path, target });
      return location;
    },
    async resolve() {
      if (pending.length === 0) return;
      const { locate, parseYaml } = await import('./source.js');
      const sources = new Map<LocatableFile, ReturnType<typeof parseYaml>['source']>();
      for (const { location, of, path, target } of pending.splice(0)) {
        let source = sources.get(of);
        if (!source) sources.set(of, (source = parseYaml(of.relativePath, of.text()).source));
        Object.assign(location, locate(source, path, target));
      }
    },
  };
}
