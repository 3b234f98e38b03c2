#!/usr/bin/env python3
"""The real opslag-server's Atom feeds, read by a real feed parser (Debian's python3-feedparser):
indexes a small folder with opslag-index, starts opslag-server on a free port, and checks that
/search.atom is well-formed Atom 1.0 with the elements RFC 4287 requires, newest arrivals first;
that a repeat with its ETag or its Last-Modified is answered 304 with no body; and that a
document added and indexed later appears first in the feed, under a new ETag, although it is
dated years before the others.

Usage: atom_feed_check.py BIN_DIR"""
import os
import subprocess
import sys
import tempfile
import time

import feedparser

from live_server import LiveServer, report

failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    bin_dir = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs")
        os.mkdir(docs)
        write(docs, "nemid.txt", "NemID lanceres\n\n01-07-2010\n\nMed NemID logger borgerne på "
              "netbanken & det offentlige.\n\nKilde: IT- og Telestyrelsen\n")
        write(docs, "mitid.txt", "MitID afløser NemID\n\n12-05-2021\n\nMitID kommer i stedet "
              "for NemID <i>trinvis</i>.\f\n\nKilde: Digitaliseringsstyrelsen\n")
        db = os.path.join(tmp, "db")
        index = [os.path.join(bin_dir, "opslag-index"), "--quiet", "--db", db, docs]
        subprocess.run(index, check=True)
        with LiveServer(bin_dir, db) as server:
            path = "/search.atom?q=NemID"
            status, headers, body = server.get(path)
            expect(status == 200, f"{path}: status {status}")
            expect(headers["Content-Type"].startswith("application/atom+xml"),
                   f"{path}: Content-Type {headers['Content-Type']}")
            feed = feedparser.parse(body)
            expect(not feed.bozo, f"{path}: not well-formed: {feed.get('bozo_exception')}")
            expect(feed.version == "atom10", f"{path}: read as {feed.version!r}, not Atom 1.0")
            expect(feed.feed.get("title") == "Opslag: NemID", f"feed title {feed.feed.get('title')!r}")
            expect(feed.feed.get("id", "").startswith("http://127.0.0.1:"), f"feed id {feed.feed.get('id')!r}")
            expect(feed.feed.get("updated_parsed") is not None, "the feed has no updated")
            expect(any(l.get("rel") == "self" for l in feed.feed.get("links", [])), "no self link")
            expect(len(feed.entries) == 2, f"{len(feed.entries)} entries, not 2")
            for entry in feed.entries:
                for key in ("title", "id", "updated_parsed", "link", "summary", "author"):
                    expect(entry.get(key), f"entry {entry.get('id')!r} has no {key}")
                expect("/d/" in entry.get("link", "") and "q=NemID" in entry.get("link", ""),
                       f"entry link {entry.get('link')!r} is not the document view")
            titles = [e.title for e in feed.entries]
            expect("MitID afløser NemID" in titles, f"titles {titles}")
            mitid = next((e for e in feed.entries if e.title == "MitID afløser NemID"), {})
            expect("<b>NemID</b>" in mitid.get("summary", ""),
                   f"the snippet's marks are lost: {mitid.get('summary')!r}")
            expect(mitid.get("published", "").startswith("2021-05-12"),
                   f"published {mitid.get('published')!r}")

            # A feed reader polling again: 304, no body, by the tag and by the time.
            etag, modified = headers["ETag"], headers["Last-Modified"]
            expect(etag and modified, f"ETag {etag!r}, Last-Modified {modified!r}")
            status, _, again = server.get(path, {"If-None-Match": etag})
            expect(status == 304 and not again, f"If-None-Match: {status}, {len(again)} bytes")
            status, _, _ = server.get(path, {"If-None-Match": f'"other", W/{etag}'})
            expect(status == 304, f"If-None-Match with a list: {status}")
            status, _, _ = server.get(path, {"If-Modified-Since": modified})
            expect(status == 304, f"If-Modified-Since: {status}")
            status, _, _ = server.get(path, {"If-None-Match": '"other"'})
            expect(status == 200, f"another ETag: {status}")
            status, _, _ = server.get("/search.atom?q=MitID", {"If-None-Match": etag})
            expect(status == 200, f"another search with this search's ETag: {status}")

            # A new document, dated long before the others, indexed now: first in the feed.
            time.sleep(1.1)  # Last-Modified counts whole seconds
            write(docs, "gammel.txt", "Om NemID i 2008\n\n03-03-2008\n\nNemID var endnu en "
                  "plan.\n\nKilde: KL\n")
            subprocess.run(index, check=True)
            deadline = time.time() + 10
            while True:
                status, headers, body = server.get(path, {"If-None-Match": etag})
                if status == 200 or time.time() > deadline:
                    break
                time.sleep(0.1)
            expect(status == 200, f"after a reindex, the old ETag still gets {status}")
            expect(headers["ETag"] != etag, "the ETag did not change with the index")
            feed = feedparser.parse(body)
            expect([e.title for e in feed.entries][:1] == ["Om NemID i 2008"],
                   f"the new document is not first: {[e.title for e in feed.entries]}")
            expect(len(feed.entries) == 3, f"{len(feed.entries)} entries after the reindex")
            status, _, _ = server.get(path, {"If-Modified-Since": modified})
            expect(status == 200, f"If-Modified-Since before the reindex: {status}")

            # Bad input: a clear 400, as /search gives it.
            status, _, body = server.get("/search.atom?q=NemID&size=0")
            expect(status == 400 and b"size" in body, f"size=0: {status} {body[:80]!r}")
            status, _, body = server.get("/search.atom?q=NemID&since=ig%C3%A5r")
            expect(status == 400 and b"since" in body, f"since=igår: {status} {body[:80]!r}")
            status, _, body = server.get("/search.atom?q=NemID&size=1")
            expect(len(feedparser.parse(body).entries) == 1, "size=1 does not give one entry")
    return report(failures, f"the Atom feed parses with feedparser {feedparser.__version__}, "
                  "answers 304 to its ETag and Last-Modified, and shows a new document first "
                  "after a reindex")


if __name__ == "__main__":
    sys.exit(main())
