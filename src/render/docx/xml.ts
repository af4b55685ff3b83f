// Text and attribute values as XML 1.0 accepts them: markup characters escaped, and the
// characters XML cannot carry at all (C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped, so
// that hostile text in a record can never make Word refuse the file.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  relationship: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
} as const;

/** The namespaces of every WordprocessingML part gtm writes. */
export const W_NAMESPACES = `xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:v="${NS.v}" xmlns:o="${NS.o}"`;
