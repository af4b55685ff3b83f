// The git pre-commit hook that runs `gtm validate` on the meeting files about to be committed.
// It checks what is staged, not the working tree: the index is copied to a temporary folder
// first, so a half-staged file is judged by what the commit will really contain.

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
# Il lance « gtm validate » sur les fichiers de réunion ajoutés au commit (git add) et bloque le
# commit s’ils contiennent une erreur. Pour passer outre une fois : git commit --no-verify
set -u

GTM_SCRIPT=${shellQuote(location.gtmScript ?? '')}
GTM_NODE=${shellQuote(location.node ?? '')}
PREFIX=${shellQuote(prefix)}

# Fichiers de réunion ajoutés ou modifiés dans ce commit (les suppressions ne sont pas vérifiées).
meetings=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR -- "\${PREFIX}meetings/*.yaml" "\${PREFIX}meetings/*.yml")
config=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR -- "\${PREFIX}gtm.yaml")
if [ -z "$meetings" ] && [ -z "$config" ]; then
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
if [ -n "$config" ]; then
  # gtm.yaml change : toutes les réunions en dépendent.
  "$@" validate
else
  # Chemins relatifs au dossier de gtm.yaml, un par ligne.
  set -- "$@" validate
  old_ifs=$IFS
  IFS='
'
  set -f
  for file in $meetings; do
    set -- "$@" "\${file#"$PREFIX"}"
  done
  set +f
  IFS=$old_ifs
  "$@"
fi
status=$?
if [ "$status" -ne 0 ]; then
  echo "" >&2
  echo "Commit bloqué : corrigez les erreurs ci-dessus (puis git add), ou passez outre avec : git commit --no-verify" >&2
fi
exit "$status"
`;
}
