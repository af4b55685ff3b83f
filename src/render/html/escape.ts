// Text and attribute values made safe to place in HTML.
const TEXT: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE: Readonly<Record<string, string>> = { ...TEXT, '"': '&quot;' };

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => TEXT[character]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ATTRIBUTE[character]!);
}
