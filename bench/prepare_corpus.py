#!/usr/bin/python3
"""Writes the same documents in each engine's input format; nothing here is timed.

Usage: prepare_corpus.py CORPUS BASE FACTOR OUTDIR
Writes round(BASE × FACTOR) documents: the first BASE documents of CORPUS (JSON lines, gzip or
not; all of them if it has fewer) in order, over again as often as needed, each repetition k > 0
under new ids "<id>~k" with the text unchanged. So FACTOR 0.1 gives the first tenth, 4 gives the
same BASE documents four times. Into OUTDIR:
  docs.jsonl  for opslag-index --jsonl
  docs.si     for scriptindex: field=value records, continuation lines "=...", blank line between
  sphinx.tsv  for Sphinx's tsvpipe: numeric id, title, body; tabs and line breaks as spaces,
              since tsvpipe has no escapes (so Sphinx's snippets see one-line bodies)
  pg.copy     for PostgreSQL's COPY (text format): id, title, body, escaped as COPY wants
and prints {"documents": N, "text_bytes": bytes of docs.jsonl}.
"""
import gzip
import json
import os
import sys

SCRIPTINDEX_FIELDS = ("id", "title", "date", "source", "url", "body")


def base_documents(path, base):
    opener = gzip.open if path.endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(out) >= base:
                break
            if line.strip():
                out.append(json.loads(line))
    return out


def copy_escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def one_line(text):
    return " ".join(text.replace("\t", " ").replace("\r", " ").split("\n"))


def main():
    corpus, base, factor, outdir = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    docs = base_documents(corpus, base)
    if not docs:
        sys.exit(f"prepare_corpus: {corpus} holds no documents")
    target = max(1, round(base * factor))
    os.makedirs(outdir, exist_ok=True)
    n = 0
    with open(f"{outdir}/docs.jsonl", "w", encoding="utf-8") as jl, \
            open(f"{outdir}/docs.si", "w", encoding="utf-8") as si, \
            open(f"{outdir}/sphinx.tsv", "w", encoding="utf-8") as tsv, \
            open(f"{outdir}/pg.copy", "w", encoding="utf-8") as pg:
        while n < target:
            k, i = divmod(n, len(docs))
            d = dict(docs[i])
            d["id"] = str(d["id"]) if k == 0 else f"{d['id']}~{k}"
            n += 1
            jl.write(json.dumps(d, ensure_ascii=False) + "\n")
            for key in SCRIPTINDEX_FIELDS:
                value = d.get(key)
                if value is None:
                    continue
                lines = str(value).replace("\r", "").split("\n")
                si.write(f"{key}={lines[0]}\n" + "".join(f"={l}\n" for l in lines[1:]))
            si.write("\n")
            title, body = d.get("title") or "", d.get("body") or ""
            tsv.write(f"{n}\t{one_line(title)}\t{one_line(body)}\n")
            pg.write(f"{copy_escape(d['id'])}\t{copy_escape(title)}\t{copy_escape(body)}\n")
    print(json.dumps({"documents": n, "text_bytes": os.path.getsize(f"{outdir}/docs.jsonl")}))


if __name__ == "__main__":
    main()
