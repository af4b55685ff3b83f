// The files of a new minutes repository, as `gtm init` writes them: a repository that
// validates, renders and checks itself in CI from its first commit.
import { CONFIG_FILE, MEETINGS_DIR } from '../model.js';
import { jsonSchemaOf, SCHEMA_FILES } from '../schema/json-schema.js';
import { GITHUB_WORKFLOW, GITLAB_CI } from './ci-files.js';
import { STARTER_CONFIG } from './starter-config.js';

export interface ScaffoldFile {
  /** Path relative to the repository, with forward slashes. */
  path: string;
  content: string;
}

/** Where rendered documents go by default, and the tool's cache: never committed. */
export const GITIGNORE = `# Documents mis en page par gtm (PDF, Markdown) : ils se régénèrent à partir des réunions.
rendus/
# Cache de gtm.
.gtm-cache/
# Dépendances, si gtm est installé dans ce dépôt (package.json).
node_modules/
`;

export const MEETINGS_README = `# Réunions

Un fichier par réunion, nommé \`AAAA-MM-JJ-groupe.yaml\` : par exemple \`2023-06-20-national.yaml\`
pour la réunion du GTM national du 20 juin 2023 (les groupes sont déclarés dans \`gtm.yaml\`).

- \`gtm new\` crée le fichier de la prochaine réunion, prérempli (présence, ordre du jour, suivi
  des actions encore ouvertes) ; \`gtm new --groupe zinder --date 2023-07-20\` pour un autre groupe
  ou une autre date.
- \`gtm validate\` vérifie tous les fichiers et signale chaque problème avec sa ligne.
- \`gtm render 2023-06-20-national\` met en page le compte-rendu en PDF.
- \`gtm actions --open\` liste les points d’action encore ouverts.
`;

const schemaFile = (kind: 'reunion' | 'config'): string => `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;

/** Every file `gtm init` writes, in a stable order. */
export function initFiles(): ScaffoldFile[] {
  return [
    { path: CONFIG_FILE, content: STARTER_CONFIG },
    { path: `${MEETINGS_DIR}/README.md`, content: MEETINGS_README },
    { path: SCHEMA_FILES.reunion, content: schemaFile('reunion') },
    { path: SCHEMA_FILES.config, content: schemaFile('config') },
    { path: '.gitignore', content: GITIGNORE },
    { path: '.github/workflows/gtm.yml', content: GITHUB_WORKFLOW },
    { path: '.gitlab-ci.yml', content: GITLAB_CI },
  ];
}
