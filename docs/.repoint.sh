#!/usr/bin/env bash
# Rewrites every mention of the specification's documents in the project's own
# files to their place under docs/:
#
#   api.md, contribution.md, plan.md, parameters.md   -> docs/<name>.md
#   spec/<name>.md                                     -> docs/<name>.md
#   changzhou.md … nantong.md, cities/<city>.md,
#   spec/cities/<city>.md, spec/cities/*.md            -> docs/cities/<city>.md, docs/cities/*.md
#   README-embed.md                                    -> docs/embed.md
#   corrections-2026-12-07.md, spec/README.md          -> docs/README.md
#
# Only a name standing on its own is rewritten: one preceded by a letter, digit,
# "_", ".", "/" or "-" is part of a longer path or name (docs/api.md,
# ../shared/spec/api.md, wasm-api.md) and is left alone, so a second run changes
# nothing and nothing becomes docs/docs/….
#
# Files: src/ tests/ www/ scripts/ miniprogram/ README.md DESIGN.md CHANGELOG.md
# BENCHMARKS.md (its figures name plan.md's case; scripts/bench.mjs writes it)
# (in a git checkout, the tracked and untracked files git does not ignore; docs/
# itself is never touched).
#
# Usage: docs/.repoint.sh [REPO]        (default: the current directory)
#        docs/.repoint.sh -n [REPO]     (dry run: count, change nothing)
# Prints the number of replacements per name. Then run docs/.check-links.sh.
set -euo pipefail

dry=0
if [[ "${1:-}" == "-n" ]]; then dry=1; shift; fi
cd "${1:-.}"

targets=(src tests www scripts miniprogram README.md DESIGN.md CHANGELOG.md BENCHMARKS.md)
present=()
for t in "${targets[@]}"; do [[ -e "$t" ]] && present+=("$t"); done

list_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -co --exclude-standard -- "${present[@]}"
  else
    find "${present[@]}" \( -name node_modules -o -name target -o -path miniprogram/ltci \) -prune \
      -o -type f -print0
  fi
}

# The files that mention any of the names (text files only).
mapfile -d '' files < <(list_files | xargs -0 -r grep -lIZE \
  '(api|contribution|plan|parameters|changzhou|jincheng|lianyungang|rizhao|nantong|README-embed|corrections-2026-12-07|README)\.md' -- || true)

# One perl program: the rules, in order, counting each replacement by the new
# name. $B: not part of a longer path or name before; $E: nor after.
read -r -d '' PROGRAM <<'PERL' || true
BEGIN { $B = qr{(?<![\w./-])}; $E = qr{(?![\w-])}; %n = (); }
my $cities = qr{changzhou|jincheng|lianyungang|rizhao|nantong};
my $top = qr{api|contribution|plan|parameters};
$n{"docs/cities/$1"}++ while s{${B}spec/cities/((?:$cities|\*)\.md)$E}{docs/cities/$1};
$n{"docs/$1.md"}++     while s{${B}spec/($top)\.md$E}{docs/$1.md};
$n{"docs/README.md"}++ while s{${B}spec/(?:README|corrections-2026-12-07)\.md$E}{docs/README.md};
$n{"docs/cities/$1"}++ while s{${B}cities/((?:$cities|\*)\.md)$E}{docs/cities/$1};
$n{"docs/$1.md"}++     while s{${B}($top)\.md$E}{docs/$1.md};
$n{"docs/cities/$1.md"}++ while s{${B}($cities)\.md$E}{docs/cities/$1.md};
$n{"docs/embed.md"}++  while s{${B}README-embed\.md$E}{docs/embed.md};
$n{"docs/README.md"}++ while s{${B}corrections-2026-12-07\.md$E}{docs/README.md};
END { print STDERR "$_\t$n{$_}\n" for sort keys %n; }
PERL

if ((${#files[@]} == 0)); then echo "nothing to rewrite"; exit 0; fi

counts=$(mktemp)
trap 'rm -f "$counts"' EXIT
for f in "${files[@]}"; do
  [[ -z "$f" ]] && continue
  if ((dry)); then
    perl -ne "$PROGRAM" -- "$f" 2>>"$counts" >/dev/null
  else
    perl -pi -e "$PROGRAM" -- "$f" 2>>"$counts"
  fi
done

echo "replacements per name$( ((dry)) && echo ' (dry run)'):"
awk -F'\t' '{ n[$1] += $2 } END { for (k in n) { printf "  %-28s %d\n", k, n[k]; t += n[k] } printf "  %-28s %d\n", "total", t }' "$counts" | sort
