#!/usr/bin/env bash
# The installed executables work without the source tree: `cmake --install` into a temporary
# prefix, which is then moved; its opslag-index and opslag-search, run from elsewhere, find the
# installed schema beside them, and say so clearly when it is gone.
# Usage: installed_executables_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" --strip > /dev/null
for f in bin/opslag-index bin/opslag-read bin/opslag-search bin/opslag-server \
         share/opslag/schema.json share/opslag/stopwords-da.txt share/opslag/synonyms-da.txt \
         share/opslag/stem-overrides-da.txt share/opslag/compound-parts-da.txt; do
  [ -e "$tmp/prefix/$f" ] || fail "cmake --install did not install $f"
done
if [ -d "$build/man" ]; then  # made where help2man is installed (scripts/setup installs it)
  for p in opslag-index opslag-read opslag-search opslag-server; do
    zcat "$tmp/prefix/share/man/man1/$p.1.gz" | grep -q "^$p \\\\- " ||
      fail "no readable man page share/man/man1/$p.1.gz"
  done
else
  echo "no man pages checked: this build made none (help2man was not installed)"
fi
# No path of the source tree's schema is compiled in. (Only this path: a sanitizer build keeps
# its source files' names for its reports, which is no dependence on them.)
if grep -l -F "$source/schema/schema.json" "$tmp"/prefix/bin/*; then
  fail "an installed executable holds the path $source/schema/schema.json"
fi

mv "$tmp/prefix" "$tmp/moved"  # nothing may depend on where it was installed
bin=$tmp/moved/bin
cd "$tmp"
"$bin/opslag-index" --version | grep -q '^opslag-index [0-9]' || fail "opslag-index --version"

mkdir docs
printf 'Digitale tegnebøger\n\n12-05-2026\n\nBorgerne får en digital tegnebog i MitID-appen.\n' > docs/tegnebog.txt
printf 'Affald\n\n01-02-2025\n\nData om affald fra kommunerne.\n' > docs/affald.txt
"$bin/opslag-index" --quiet --db db docs || fail "the installed opslag-index could not index"
out=$("$bin/opslag-search" --db db tegnebog) || fail "the installed opslag-search failed"
grep -q "Digitale tegnebøger" <<< "$out" || fail "searching tegnebog did not find the document: $out"
grep -q "Affald" <<< "$out" && fail "searching tegnebog found the document on waste: $out"

# With the source tree (and the build inside it) hidden, where a mount namespace can be made
# (root, outside a container that forbids it).
if unshare --mount true 2> /dev/null; then
  unshare --mount bash -c "mount -t tmpfs none '$(realpath "$build")' && mount -t tmpfs none '$source' &&
    '$bin/opslag-search' --db db tegnebog | grep -q 'Digitale tegnebøger'" ||
    fail "with the source tree hidden, the installed opslag-search did not find the document"
  echo "searched with the source tree hidden"
else
  echo "the source tree was not hidden: no mount namespace here (the path scan above stands)"
fi

rm "$tmp/moved/share/opslag/schema.json"
if err=$("$bin/opslag-search" --db db tegnebog 2>&1); then fail "searching without a schema succeeded"; fi
grep -q -F "$tmp/moved/share/opslag/schema.json" <<< "$err" ||
  fail "the error without a schema does not name the file: $err"
echo "installed executables work from a moved prefix"
