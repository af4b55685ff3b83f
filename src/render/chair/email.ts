// An e-mail draft (.eml, RFC 5322 with MIME), composed by nodemailer's MailComposer, never
// sent: X-Unsent: 1 makes Outlook open it as a message to send, and Thunderbird opens it too.
// Deterministic: the Message-ID and the MIME boundaries come from a hash of the content, the
// Date from the record, so the same compte-rendu gives the same bytes.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Recipient } from '../../core/chair/members.js';

export interface EmailDraft {
  from: Recipient;
  to: readonly Recipient[];
  subject: string;
  text: string;
  attachment: { filename: string; content: Uint8Array };
  /** The date the message carries (from the record, never the clock). */
  date: Date;
  /** Distinguishes messages of one circulation (one per organisation): part of the Message-ID. */
  name: string;
}

export async function emailDraft(draft: EmailDraft): Promise<Buffer> {
  const digest = createHash('sha256')
    .update(JSON.stringify([draft.from, draft.to, draft.subject, draft.text, draft.attachment.filename, draft.name]))
    .update(draft.attachment.content)
    .digest('hex');
  const domain = draft.from.contact.email.split('@').pop()!;
  const composer = new MailComposer({
    from: address(draft.from),
    to: draft.to.map(address),
    subject: draft.subject,
    text: draft.text,
    textEncoding: 'quoted-printable',
    date: draft.date,
    messageId: `<gtm.${draft.name}.${digest.slice(0, 16)}@${domain}>`,
    baseBoundary: digest.slice(16, 32),
    headers: { 'X-Unsent': '1', 'Content-Language': 'fr' },
    attachments: [{ filename: draft.attachment.filename, content: Buffer.from(draft.attachment.content), contentType: 'application/pdf' }],
  });
  return composer.compile().build();
}

const address = (recipient: Recipient) => ({ name: recipient.contact.nom, address: recipient.contact.email });
