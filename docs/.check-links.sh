#!/usr/bin/env bash
# Checks that every *.md name the project's files mention exists, and that the
# relative links between the files of docs/ resolve.
#
# Files read: src/ tests/ www/ scripts/ miniprogram/ README.md DESIGN.md
# CHANGELOG.md BENCHMARKS.md (in a git checkout, the tracked and untracked files
# git does not ignore), and the Markdown links of docs/**/*.md.
#
# A mentioned name counts as existing when it is
#   - a path from the repository's root (docs/api.md, docs/cities/*.md), or
#   - a path from the mentioning file's folder, or
#   - a bare name (no "/") of a file somewhere in the tree outside docs/
#     (PATCHED.md in vendor/…): the files of docs/ are always named with their
#     docs/ path, so a bare api.md is a mention left behind.
# A path that leaves the repository (../shared/…) is listed, not checked.
#
# Usage: docs/.check-links.sh [REPO]    (default: the current directory)
# Exit status 1 if any name or link does not resolve.
set -euo pipefail
cd "${1:-.}"
root=$(pwd)

targets=(src tests www scripts miniprogram README.md DESIGN.md CHANGELOG.md BENCHMARKS.md)
present=()
for t in "${targets[@]}"; do [[ -e "$t" ]] && present+=("$t"); done

list_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -co --exclude-standard -- "$@"
  else
    find "$@" \( -name node_modules -o -name target -o -path miniprogram/ltci \) -prune -o -type f -print0
  fi
}

# Bare names of the tree's own .md files outside docs/ (and outside build output).
mapfile -t bare < <(list_files . | tr '\0' '\n' | grep -E '\.md$' | grep -vE '^(\./)?docs/' | sed 's#.*/##' | sort -u)
is_bare_known() { local n=$1 b; for b in "${bare[@]}"; do [[ "$b" == "$n" ]] && return 0; done; return 1; }

# Does the path exist (a glob: does it match)?
exists() {
  local p=$1
  if [[ "$p" == *'*'* ]]; then compgen -G "$p" >/dev/null; else [[ -e "$p" ]]; fi
}

bad=0 checked=0 external=()
check_name() { # file, name
  local file=$1 name=$2 dir
  dir=$(dirname "$file")
  name=${name#./}
  checked=$((checked + 1))
  case "$name" in
    /*) return 0 ;; # the end of a URL (https://…/x.md): not a file here
  esac
  if [[ "$name" == ../* ]]; then
    local full
    full=$(realpath -m "$dir/$name")
    if [[ "$full" != "$root"/* ]]; then external+=("$file: $name"); return 0; fi
  fi
  exists "$name" && return 0
  exists "$dir/$name" && return 0
  if [[ "$name" != */* ]] && is_bare_known "$name"; then return 0; fi
  echo "missing: $file mentions $name"
  bad=1
}

# 1. Every *.md name in the project's files.
while IFS= read -r -d '' f; do
  grep -qI . "$f" 2>/dev/null || continue # text files only
  while IFS= read -r name; do
    [[ "$name" == .md ]] && continue
    check_name "$f" "$name"
  done < <(grep -oP '[A-Za-z0-9_./*-]*[A-Za-z0-9_*-]\.md(?![\w-])' "$f" | sort -u)
done < <(list_files "${present[@]}")

# 2. The relative links of docs/ (Markdown [text](target)), from each file's folder.
if [[ -d docs ]]; then
  while IFS= read -r -d '' f; do
    while IFS= read -r target; do
      target=${target%%#*}
      [[ -z "$target" || "$target" == *://* || "$target" == mailto:* ]] && continue
      checked=$((checked + 1))
      [[ -e "$(dirname "$f")/$target" ]] || { echo "broken link: $f -> $target"; bad=1; }
    done < <(grep -oP '\]\(\K[^)\s]+' "$f" | sort -u)
  done < <(find docs -name '*.md' -print0)
fi

echo "checked $checked mentions and links"
if ((${#external[@]})); then
  echo "outside the repository, not checked:"
  printf '  %s\n' "${external[@]}"
fi
((bad == 0)) && echo "all resolve" || { echo "some do not resolve"; exit 1; }
