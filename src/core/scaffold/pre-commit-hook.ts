// The git pre-commit hook: when a commit changes gtm.yaml or anything under meetings/ (a
// deletion included), it runs `gtm validate` on the repository as the commit will hold it. The
// index is copied to a temporary folder first, so a half-staged file is judged by what the
// commit will really contain, and every file is checked, as `gtm validate` would after the commit.

/** Marks a hook as written by gtm, so that `gtm hook install` may update it but no other. */
export const HOOK_MARKER = '# gtm-pre-commit-hook';

export interface HookLocation {
  /** Absolute path of the gtm.js being run, tried first; undefined to rely on PATH only. */
  gtmScript?: string;
  /** Absolute path of the node executable running it. */
  node?: string;
  /** The minutes repository (where gtm.yaml is) relative to the git top level, '' at the top. */
  prefix: string;
}

/** POSIX sh single-quoted literal. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function preCommitHook(location: HookLocation): string {
  const prefix = location.prefix === '' ? '' : `${location.prefix.replace(/\/+$/, '')}/`;
  return `#!/bin/sh
${HOOK_MARKER}
# Contrôle des comptes-rendus avant chaque commit, installé par « gtm hook install ».
# Il lance « gtm validate » sur les réunions telles que le commit les enregistre (git add) et
# bloque le commit en cas d’erreur. Pour passer outre une fois : git commit --no-verify
set -u

GTM_SCRIPT=${shellQuote(location.gtmScript ?? '')}
GTM_NODE=${shellQuote(location.node ?? '')}
PREFIX=${shellQuote(prefix)}

# Ce que le commit change dans gtm.yaml et meetings/ : ajouts, modifications, renommages et
# suppressions, quel que soit le nom des fichiers (.yaml, .YAML, .yml…).
changed=$(git -c core.quotePath=false diff --cached --name-only -- "\${PREFIX}gtm.yaml" "\${PREFIX}meetings")
if [ -z "$changed" ]; then
  exit 0
fi

if [ -n "$GTM_SCRIPT" ] && [ -f "$GTM_SCRIPT" ] && [ -n "$GTM_NODE" ] && [ -x "$GTM_NODE" ]; then
  set -- "$GTM_NODE" "$GTM_SCRIPT"
elif [ -n "$GTM_SCRIPT" ] && [ -f "$GTM_SCRIPT" ] && command -v node >/dev/null 2>&1; then
  set -- node "$GTM_SCRIPT"
elif command -v gtm >/dev/null 2>&1; then
  set -- gtm
else
  echo "gtm : commande introuvable, les comptes-rendus n’ont pas pu être vérifiés." >&2
  echo "Installez gtm (ou relancez « gtm hook install »), ou passez outre avec : git commit --no-verify" >&2
  exit 1
fi

# Copie de ce qui sera commité (gtm.yaml et meetings/) dans un dossier temporaire.
staged=$(mktemp -d "\${TMPDIR:-/tmp}/gtm-pre-commit.XXXXXX") || exit 1
trap 'rm -rf "$staged"' EXIT
trap 'exit 1' HUP INT TERM
git ls-files -z -- "\${PREFIX}gtm.yaml" "\${PREFIX}meetings" | git checkout-index -z --stdin --prefix="$staged/" || exit 1

cd "$staged/$PREFIX" || exit 1
# Le dépôt tel qu’il sera après le commit, vérifié en entier, comme le ferait « gtm validate » :
# une réunion supprimée peut rendre invalide le suivi d’une action dans une autre.
"$@" validate
status=$?
if [ "$status" -ne 0 ]; then
  echo "" >&2
  echo "Commit bloqué : corrigez les erreurs ci-dessus (puis git add), ou passez outre avec : git commit --no-verify" >&2
fi
exit "$status"
`;
}
