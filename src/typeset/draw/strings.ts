// PDF strings: literal ASCII strings (escaped), text strings in UTF-16, URIs in 7-bit ASCII.
import { PDFHexString, PDFString } from 'pdf-lib';

export function asciiString(text: string): PDFString {
  return PDFString.of(text.replace(/[\\()]/g, '\\$&'));
}

/** A text string (document information, outline titles): UTF-16BE with byte order mark. */
export function textString(text: string): PDFHexString {
  return PDFHexString.fromText(text);
}

/** URIs are 7-bit ASCII in PDF: other characters are percent-encoded as UTF-8. */
export function uriString(uri: string): PDFString {
  let ascii = '';
  for (const char of uri) {
    const code = char.codePointAt(0)!;
    if (code > 0x20 && code < 0x7f) ascii += char;
    else for (const byte of new TextEncoder().encode(char)) ascii += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return asciiString(ascii);
}
