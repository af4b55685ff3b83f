// Contacts in gtm.yaml for the chair's commands: three members with an address, the others none.
import { BUNDLED_CONFIG } from './fixture-repo.js';

/** The bundled gtm.yaml with contacts for three members; UNICEF and the others have none. */
export function configWithContacts(text = BUNDLED_CONFIG): string {
  const contacts: Record<string, string[]> = {
    'SP/CCM': ['M. Moussa Ibrahim', 'moussa.ibrahim@spccm.ne'],
    OIM: ['Mme Awa Sow', 'asow@iom.int'],
    UNHCR: ['M. Jean Dupré', 'dupre@unhcr.org'],
  };
  let result = text;
  for (const [acronym, [name, email]] of Object.entries(contacts)) {
    const entry = new RegExp(`(\\n  ${acronym.replace('/', '\\/')}:\\n    nom: [^\\n]+\\n    type: [a-z_]+\\n)`);
    if (!entry.test(result)) throw new Error(`no entry for ${acronym}`);
    result = result.replace(entry, `$1    contacts:\n      - nom: ${name}\n        fonction: Point focal\n        email: ${email}\n`);
  }
  return result;
}
