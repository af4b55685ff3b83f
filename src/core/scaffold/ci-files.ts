// Continuous integration that `gtm init` writes: every push is validated, and the PDFs are
// rendered and kept as artifacts. gtm is not on the npm registry, so the CI installs it either
// from the repository's own package.json (a devDependency on gtm) or from the GTM_PACKAGE
// variable, any npm install spec (git URL, tarball URL).

/** The install step, shared by both CI systems (POSIX sh), indented for a YAML block scalar. */
const installScript = (indent: string): string =>
  [
    'if [ -f package.json ]; then',
    '  npm install --no-audit --no-fund',
    'elif [ -n "${GTM_PACKAGE:-}" ]; then',
    '  npm install --no-save --no-audit --no-fund "$GTM_PACKAGE"',
    'else',
    '  echo "gtm introuvable : ajoutez gtm aux devDependencies de package.json ou définissez la variable GTM_PACKAGE" >&2',
    '  exit 1',
    'fi',
  ]
    .map((line) => `${indent}${line}`)
    .join('\n');

export const GITHUB_WORKFLOW = `# Vérification des comptes-rendus à chaque push, et mise en page des PDF (créé par « gtm init »).
#
# gtm n’est pas publié sur le registre npm : ce flux l’installe
#   - depuis le package.json du dépôt, s’il y en a un qui déclare gtm (devDependencies) ;
#   - sinon depuis la variable GTM_PACKAGE (Settings > Secrets and variables > Actions >
#     Variables), une adresse que npm sait installer, par exemple
#     git+https://example.org/sp-ccm/gtm.git ou https://example.org/gtm-0.1.0.tgz.
#
# Les PDF mis en page sont joints à chaque exécution (onglet Actions, « Artifacts »).
name: gtm

on:
  push:
  pull_request:

jobs:
  comptes-rendus:
    runs-on: ubuntu-latest
    env:
      GTM_PACKAGE: \${{ vars.GTM_PACKAGE }}
    steps:
      - uses: actions/checkout@v4
        with:
          # L’historique complet : le pied de page des PDF indique la version (commit) de chaque réunion.
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Installer gtm
        run: |
${installScript('          ')}
      - name: Vérifier les comptes-rendus
        run: node_modules/.bin/gtm validate
      - name: Mettre en page les PDF
        run: node_modules/.bin/gtm render --all --format pdf -o rendus
      - name: Publier les PDF
        uses: actions/upload-artifact@v4
        with:
          name: comptes-rendus
          path: rendus/
`;

export const GITLAB_CI = `# Vérification des comptes-rendus à chaque push, et mise en page des PDF (créé par « gtm init »).
#
# gtm n’est pas publié sur le registre npm : ce pipeline l’installe
#   - depuis le package.json du dépôt, s’il y en a un qui déclare gtm (devDependencies) ;
#   - sinon depuis la variable GTM_PACKAGE (Settings > CI/CD > Variables), une adresse que npm
#     sait installer, par exemple git+https://example.org/sp-ccm/gtm.git ou
#     https://example.org/gtm-0.1.0.tgz.
#
# Les PDF mis en page sont joints à chaque pipeline (« Job artifacts »).
comptes-rendus:
  image: node:20
  variables:
    # L’historique complet : le pied de page des PDF indique la version (commit) de chaque réunion.
    GIT_DEPTH: "0"
  script:
    - |
${installScript('      ')}
    - node_modules/.bin/gtm validate
    - node_modules/.bin/gtm render --all --format pdf -o rendus
  artifacts:
    name: comptes-rendus
    paths:
      - rendus/
`;
