// The few HTML forms found in compte-rendus: mammoth's output for .docx, and the fragments
// (<ul>, <li>, <p>, <b>, <sup>) that text extracted from Word keeps. Read by a small tokenizer:
// both are flat, machine-written markup, not arbitrary web pages.

export type HtmlToken =
  | { type: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    if (match.index > last) tokens.push({ type: 'text', text: decodeEntities(html.slice(last, match.index)) });
    last = match.index + match[0].length;
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      tokens.push({ type: 'close', name });
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (match[3] ?? '').matchAll(ATTRIBUTE)) {
      attributes[attribute[1]!.toLowerCase()] = decodeEntities((attribute[2] ?? '').replace(/^["']|["']$/g, ''));
    }
    tokens.push({ type: 'open', name, attributes, selfClosing: match[4] === '/' || name === 'br' || name === 'img' });
  }
  if (last < html.length) tokens.push({ type: 'text', text: decodeEntities(html.slice(last)) });
  return tokens;
}

/** True when the text holds one of the tags compte-rendus carry. */
export function hasHtml(text: string): boolean {
  return /<\/?(?:p|ul|ol|li|b|strong|i|em|u|sup|sub|br|span|a|div|table|tr|td|th)\b[^>]*>/i.test(text);
}

/** Inline markup as Markdown: bold, italics, links; superscripts and other tags as their text. */
export function inlineMarkdown(tokens: readonly HtmlToken[]): string {
  let out = '';
  let link: { href: string; start: number } | undefined;
  for (const token of tokens) {
    if (token.type === 'text') out += token.text;
    else if (token.type === 'open') {
      if (token.name === 'strong' || token.name === 'b') out += '**';
      else if (token.name === 'em' || token.name === 'i') out += '*';
      else if (token.name === 'br') out += '\n';
      else if (token.name === 'a' && token.attributes.href) link = { href: token.attributes.href, start: out.length };
    } else {
      if (token.name === 'strong' || token.name === 'b') out += '**';
      else if (token.name === 'em' || token.name === 'i') out += '*';
      else if (token.name === 'a' && link) {
        const label = out.slice(link.start);
        out = out.slice(0, link.start) + (label.trim() === link.href || label.trim() === '' ? `<${link.href}>` : `[${label}](${link.href})`);
        link = undefined;
      }
    }
  }
  // Emphasis marks around nothing, or around spaces only, are Word's leftovers.
  return out.replace(/\*\*(\s*)\*\*/g, '$1').replace(/(?<!\*)\*(\s*)\*(?!\*)/g, '$1');
}

/** Text without any tag. */
export function stripTags(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, ' ')).replace(/[ \t]+/g, ' ').trim();
}
