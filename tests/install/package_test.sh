#!/usr/bin/env bash
# The Debian package as an administrator uses it, on this machine (as root): lintian finds no
# error in it, apt installs it, systemd accepts its units, the installed opslag-index and
# opslag-server (from /usr/bin, as the user opslag) index a folder and answer a search, and
# dpkg -r / -P take it away again, leaving the database it made.
# Usage: package_test.sh PATH/opslag_VERSION_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
fail() { echo "FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "installing a package needs root"
if dpkg-query -W -f='${Status}' opslag 2> /dev/null | grep -q installed; then
  fail "opslag is installed on this machine already: the test would replace it"
fi

lintian --fail-on error "$deb" 2>&1 | grep -v "root privileges" || true
lintian --fail-on error "$deb" > /dev/null 2>&1 || fail "lintian finds errors in $deb"

tmp=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null || true
  dpkg -P opslag > /dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" > "$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get could not install $deb"; }
for f in /usr/bin/opslag-index /usr/bin/opslag-read /usr/bin/opslag-search /usr/bin/opslag-server \
         /usr/share/opslag/schema.json /usr/share/man/man1/opslag-server.1.gz \
         /etc/opslag/opslag.conf /etc/opslag/index.conf /usr/share/doc/opslag/copyright; do
  [ -e "$f" ] || fail "the package did not install $f"
done
getent passwd opslag > /dev/null || fail "installing made no user opslag"
systemd-analyze verify /lib/systemd/system/opslag-server.service \
  /lib/systemd/system/opslag-index.service /lib/systemd/system/opslag-index.timer ||
  fail "systemd-analyze does not accept the units"

chmod 755 "$tmp"
mkdir "$tmp/docs" "$tmp/state"
printf 'Digitale tegnebøger\n\n12-05-2026\n\nBorgerne får en digital tegnebog i MitID-appen.\n' > "$tmp/docs/tegnebog.txt"
chown opslag:opslag "$tmp/state"
runuser -u opslag -- /usr/bin/opslag-index --quiet --db "$tmp/state/db" "$tmp/docs" ||
  fail "the installed opslag-index could not index as the user opslag"
port=$((20000 + RANDOM % 20000))
runuser -u opslag -- /usr/bin/opslag-server --db "$tmp/state/db" --port "$port" > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > "$tmp/health" && break; sleep 0.1; done
grep -q '"version":"[0-9]' "$tmp/health" || { cat "$tmp/server.log"; fail "no /health with a version"; }
curl -sf "http://127.0.0.1:$port/search?q=tegnebog" | grep -q "Digitale tegnebøger" ||
  fail "the installed server did not find the document"
kill "$server"
wait "$server" 2> /dev/null || true
server=""

dpkg -r opslag > /dev/null
[ ! -e /usr/bin/opslag-server ] || fail "dpkg -r left /usr/bin/opslag-server"
[ -e /etc/opslag/opslag.conf ] || fail "dpkg -r took the configuration, which only purge takes"
dpkg -P opslag > /dev/null
for f in /etc/opslag /lib/systemd/system/opslag-server.service /usr/share/opslag; do
  [ ! -e "$f" ] || fail "dpkg -P left $f"
done
[ -d "$tmp/state/db" ] || fail "removing the package took the database it made"
echo "the package installs, serves and goes again, keeping the database"
