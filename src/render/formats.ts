// The formats of gtm render, one entry each: the command line derives the choices of --format,
// their type and the help from this list, and the command each file's extension and renderer.
// A renderer is imported only when its format is asked for (the PDF stack is a chunk of its
// own). Adding a format is one entry here, beside its module.
import type { LoadedMeeting, Repository, SourceState } from '../core/model.js';

export interface RenderOptions {
  /** Marks the document as a draft (« PROJET ») whatever its status: formats with pages only. */
  draft?: boolean;
  /** The state in git of each meeting file, by path relative to the root. */
  sources: ReadonlyMap<string, SourceState>;
}

/** A format turns the chosen meetings into their files' contents. */
export type Renderer = (
  meetings: readonly LoadedMeeting[],
  repository: Repository,
  options: RenderOptions,
) => Promise<Map<LoadedMeeting, string | Uint8Array>>;

export interface RenderFormat {
  extension: string;
  /** Laid out on pages, which can carry the « PROJET » watermark (--projet). */
  pages: boolean;
  load(): Promise<Renderer>;
}

export const RENDER_FORMATS = {
  pdf: { extension: '.pdf', pages: true, load: async () => (await import('./pdf/files.js')).renderPdfFiles },
  md: { extension: '.md', pages: false, load: async () => (await import('./markdown/files.js')).renderMarkdownFiles },
  docx: { extension: '.docx', pages: true, load: async () => (await import('./docx/files.js')).renderDocxFiles },
  html: { extension: '.html', pages: true, load: async () => (await import('./html/files.js')).renderHtmlFiles },
} as const satisfies Record<string, RenderFormat>;

export type RenderFormatName = keyof typeof RENDER_FORMATS;
export const DEFAULT_RENDER_FORMAT: RenderFormatName = 'pdf';
