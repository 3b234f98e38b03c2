#!/usr/bin/python3
"""Gathers what scripts/bench measured into one JSON document, writes it, and prints the tables,
the scaling and the ratios, then the JSON.

Usage: report.py RESULTS_DIR OUT.json
RESULTS_DIR holds meta.json and one folder per corpus size (named by its document count) with
corpus.json, index-*.json and a folder round-K for each round of querying, with memory-*.json,
query-*.json (the clients' output, Lucene's among them), took-opslag.json, wrk-opslag-c*.json,
suggest-opslag.json, wrk-suggest-c1.json. Each figure of querying is the median of the rounds.
"""
import glob
import json
import os
import statistics
import sys

INDEXERS = [("opslag-index", "opslag"), ("opslag-index-threads", "opslag-threads"),
            ("scriptindex", "scriptindex"),
            ("sphinx-indexer", "sphinx"), ("postgresql", "postgresql"), ("lucene", "lucene")]
INDEX_LABELS = {"opslag-index": "opslag-index, 1 thread", "opslag-index-threads": "opslag-index --rebuild",
                "scriptindex": "Xapian scriptindex",
                "sphinx-indexer": "Sphinx indexer", "postgresql": "PostgreSQL COPY + GIN",
                "lucene": "Lucene IndexWriter, danish"}
ENGINES = ["xapian-reference", "xapian-reference-no-snippets", "opslag-server", "sphinx",
           "postgresql", "lucene", "lucene-no-snippets"]
ENGINE_LABELS = {"xapian-reference": "bare Xapian, in-process",
                 "xapian-reference-no-snippets": "  the same without snippets",
                 "opslag-server": "opslag-server, HTTP (wrk)",
                 "sphinx": "Sphinx searchd, SphinxQL",
                 "postgresql": "PostgreSQL 15 FTS",
                 "lucene": "Lucene 8 danish, in-process",
                 "lucene-no-snippets": "  the same without snippets"}


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def indexing(d, n, mb):
    out = {}
    for name, file in INDEXERS:
        r = load(f"{d}/index-{file}.json")
        if not r:
            continue
        s = r["seconds"]
        out[name] = {"seconds": s, "docs_per_s": n / s if s else None, "mb_per_s": mb / s if s else None,
                     "peak_mb": r["peak_mb"], "size_mb": r["size_mb"]}
        for k in ("compact_mb", "gin_mb", "segments", "threads"):
            if k in r:
                out[name][k] = r[k]
    return out


def client_engine(r, memory, memory_key):
    if not r:
        return None
    lat = r["latency"]
    out = {"median_ms": lat["median_ms"], "p95_ms": lat["p95_ms"], "p99_ms": lat["p99_ms"],
           "mean_ms": lat["mean_ms"], "samples": lat["samples"], "qps": r["best_qps"],
           "qps_clients": r["best_threads"],
           "throughput": [{"clients": t["threads"], "qps": t["qps"]} for t in r["throughput"]],
           "hits_per_query": lat["hits_per_query"], "queries_without_hits": lat["queries_without_hits"],
           "failures": r["failures"]}
    if memory:
        out["server_peak_mb"] = memory[memory_key]
    elif "client_peak_rss_mb" in r:
        out["server_peak_mb"] = r["client_peak_rss_mb"]  # in-process: the program is the server
    return out


def opslag_engine(d):
    one = load(f"{d}/wrk-opslag-c1.json")
    if not one:
        return None
    runs = []
    for path in glob.glob(f"{d}/wrk-opslag-c*.json"):
        r = load(path)
        if r and r["connections"] > 1:
            runs.append({"clients": r["connections"], "wrk_threads": r["threads"],
                         "qps": r["requests"] / (r["duration_us"] / 1e6),
                         "p50_ms": r["p50_us"] / 1e3, "p99_ms": r["p99_us"] / 1e3,
                         "failures": r["failures"] + r["non_2xx"]})
    runs.sort(key=lambda r: r["clients"])
    best = max(runs, key=lambda r: r["qps"]) if runs else {"qps": None, "clients": None}
    took = load(f"{d}/took-opslag.json") or {}
    memory = load(f"{d}/memory-opslag.json")
    return {"median_ms": one["p50_us"] / 1e3, "p95_ms": one["p95_us"] / 1e3,
            "p99_ms": one["p99_us"] / 1e3, "mean_ms": one["mean_us"] / 1e3,
            "samples": one["requests"], "qps": best["qps"], "qps_clients": best["clients"],
            "throughput": runs, "failures": one["failures"] + one["non_2xx"] + sum(r["failures"] for r in runs),
            "hits_per_query": took.get("hits_per_query"),
            "queries_without_hits": took.get("queries_without_hits"),
            "took_ms_median": took.get("took_ms_median"), "took_ms_p95": took.get("took_ms_p95"),
            "took_ms_p99": took.get("took_ms_p99"),
            "server_peak_mb": memory["peak_vmhwm_mb"] if memory else None}


def suggest(d):
    s = load(f"{d}/suggest-opslag.json")
    if not s or not s.get("available"):
        return None
    out = {k: s.get(k) for k in ("took_ms_median", "took_ms_p95", "took_ms_p99", "non_200")}
    w = load(f"{d}/wrk-suggest-c1.json")
    if w:
        out.update({"http_median_ms": w["p50_us"] / 1e3, "http_p99_ms": w["p99_us"] / 1e3})
    return out


def querying(r):
    """One round's figures per engine, with the load average after its turn."""
    out = {"xapian-reference": client_engine(load(f"{r}/query-xapian-reference.json"), None, None),
            "xapian-reference-no-snippets":
                client_engine(load(f"{r}/query-xapian-reference-no-snippets.json"), None, None),
            "opslag-server": opslag_engine(r),
            "sphinx": client_engine(load(f"{r}/query-sphinx.json"), load(f"{r}/memory-sphinx.json"),
                                    "peak_vmhwm_mb"),
            "postgresql": client_engine(load(f"{r}/query-postgresql.json"),
                                        load(f"{r}/memory-postgresql.json"), "peak_pss_sum_mb"),
            "lucene": client_engine(load(f"{r}/query-lucene.json"), None, None),
            "lucene-no-snippets": client_engine(load(f"{r}/query-lucene-no-snippets.json"), None, None)}
    for e, x in out.items():
        if x:
            try:
                with open(f"{r}/load-{e}.txt") as f:
                    x["load_1min"] = float(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    return out


def merge(values):
    """The rounds as one: each number the median of the rounds (whole numbers the lower median),
    dictionaries and lists merged member by member."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    first = values[0]
    if isinstance(first, bool) or not isinstance(first, (int, float, dict, list)):
        return first
    if isinstance(first, dict):
        return {k: merge([v.get(k) for v in values if isinstance(v, dict)]) for k in first}
    if isinstance(first, list):
        return [merge([v[i] for v in values if i < len(v)]) for i in range(len(first))]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if all(isinstance(v, int) for v in numbers):
        return statistics.median_low(numbers)
    return statistics.median(numbers)


def gather(results):
    meta = load(f"{results}/meta.json") or {}
    scales = []
    for d in sorted((p for p in glob.glob(f"{results}/*") if os.path.isdir(p)),
                    key=lambda p: int(os.path.basename(p))):
        c = load(f"{d}/corpus.json")
        n, mb = c["documents"], c["text_bytes"] / 1e6
        rounds = sorted(glob.glob(f"{d}/round-*")) or [d]
        q = {e: merge([querying(r)[e] for r in rounds]) for e in ENGINES}
        scales.append({"documents": n, "scale": c["scale"], "text_mb": round(mb, 1),
                       "rounds": len(rounds),
                       "indexing": indexing(d, n, mb),
                       "querying": {k: v for k, v in q.items() if v},
                       "suggest": merge([suggest(r) for r in rounds])})
    meta["results"] = scales
    meta["ratios"] = ratios(scales)
    meta["scaling"] = scaling(scales)
    return meta


def div(a, b):
    return a / b if a is not None and b else None


def ratios(scales):
    """At each size: opslag ÷ each other engine, and the figures issue 19's targets are about."""
    return [ratios_at(s) for s in scales]


def ratios_at(s):
    q, i = s["querying"], s["indexing"]
    o = q.get("opslag-server", {})
    out = {"documents": s["documents"], "query": {}, "index": {}}
    for other in ("xapian-reference", "sphinx", "postgresql", "lucene"):
        if other in q and o:
            out["query"][other] = {"median_latency": div(o.get("median_ms"), q[other]["median_ms"]),
                                   "p99_latency": div(o.get("p99_ms"), q[other]["p99_ms"]),
                                   "throughput": div(o.get("qps"), q[other]["qps"])}
    if o:
        out["query"]["p99_over_p50"] = div(o.get("p99_ms"), o.get("median_ms"))
    op = i.get("opslag-index", {})
    for other in ("scriptindex", "sphinx-indexer", "postgresql", "lucene"):
        if other in i and op:
            out["index"][other] = {"docs_per_s": div(op["docs_per_s"], i[other]["docs_per_s"])}
    threads = i.get("opslag-index-threads")
    if threads and "scriptindex" in i:
        out["index"]["threads_vs_scriptindex"] = {
            "threads": threads.get("threads"),
            "docs_per_s": div(threads["docs_per_s"], i["scriptindex"]["docs_per_s"])}
    if op and "scriptindex" in i:
        out["index"]["size_compact_vs_scriptindex_compact"] = div(op.get("compact_mb"),
                                                                  i["scriptindex"].get("compact_mb"))
        out["index"]["size_vs_scriptindex"] = div(op["size_mb"], i["scriptindex"]["size_mb"])
    return out


def scaling(scales):
    """How per-query cost grows from the base size to the largest (median ms, 1 client)."""
    base = next((s for s in scales if s["scale"] == 1), None)
    top = max(scales, key=lambda s: s["documents"]) if scales else None
    if not base or top is base:
        return {}
    out = {"from_documents": base["documents"], "to_documents": top["documents"], "median_growth": {}}
    for e in ENGINES:
        a, b = base["querying"].get(e), top["querying"].get(e)
        if a and b:
            out["median_growth"][e] = div(b["median_ms"], a["median_ms"])
    a, b = base.get("suggest"), top.get("suggest")
    if a and b:
        out["median_growth"]["opslag-suggest"] = div(b.get("took_ms_median"), a.get("took_ms_median"))
    return out


def f(v, fmt):
    return "n/a" if v is None else format(v, fmt)


def print_tables(r):
    m = r.get("machine", {})
    if r.get("partial"):
        print(f"\nPARTIAL RESULTS: the run stopped early ({r['partial']}); what was measured before:")
    print(f"\nOpslag benchmark, {r.get('date', '?')}: {m.get('cores')} cores ({m.get('cpu')}), "
          f"{m.get('memory_gb')} GB; load average at the end {' '.join(m.get('load_average_at_end', []))}; "
          f"run took {r.get('run_seconds', 0) / 60:.1f} min")
    v = r.get("versions", {})
    print(f"opslag {v.get('opslag')}, Xapian {v.get('xapian')}, Sphinx {v.get('sphinx')}, "
          f"PostgreSQL {v.get('postgresql')}, Lucene {v.get('lucene')} (Java {v.get('java')}), "
          f"wrk {v.get('wrk')}")
    for s in r["results"]:
        print(f"\n== {s['documents']} documents, {s['text_mb']} MB of JSON lines; querying: "
              f"median of {s['rounds']} round{'s' if s['rounds'] > 1 else ''} ==")
        print(f"{'indexing':28}{'seconds':>9}{'docs/s':>9}{'MB/s':>7}{'peak MB':>9}{'index MB':>10}{'compact MB':>12}")
        for name, x in s["indexing"].items():
            extra = f"  (GIN {x['gin_mb']} MB)" if "gin_mb" in x else ""
            if "segments" in x:
                extra = f"  ({x['segments']} segment{'s' if x['segments'] != 1 else ''})"
            print(f"{INDEX_LABELS[name]:28}{x['seconds']:9.2f}{f(x['docs_per_s'], '.0f'):>9}"
                  f"{f(x['mb_per_s'], '.2f'):>7}{x['peak_mb']:9.0f}{x['size_mb']:10.0f}"
                  f"{f(x.get('compact_mb'), '.0f'):>12}{extra}")
        print(f"{'querying (top 10 + snippets)':28}{'median':>8}{'p95':>8}{'p99 ms':>8}"
              f"{'q/s':>8}{'clients':>8}{'peak MB':>9}{'hits/q':>8}{'load':>6}")
        for e in ENGINES:
            x = s["querying"].get(e)
            if not x:
                continue
            print(f"{ENGINE_LABELS[e]:28}{x['median_ms']:8.2f}{x['p95_ms']:8.2f}{x['p99_ms']:8.2f}"
                  f"{f(x['qps'], '.0f'):>8}{f(x['qps_clients'], 'd'):>8}"
                  f"{f(x.get('server_peak_mb'), '.0f'):>9}{f(x.get('hits_per_query'), '.1f'):>8}"
                  f"{f(x.get('load_1min'), '.1f'):>6}"
                  + ("" if not x.get("failures") else f"  {x['failures']} FAILED"))
        print("  (peak MB: the server's resident high-water mark, VmHWM; PostgreSQL: the peak of the "
              "summed Pss of all its processes; bare Xapian and Lucene: the benchmark process itself,\n"
              "   for Lucene mostly the JVM's fixed 1 GB heap and the index files it maps.\n"
              "   load: the machine's 1-minute load average after the engine's turn; 2 or more on 2 "
              "cores means others competed for the CPU)")
        o = s["querying"].get("opslag-server")
        if o:
            print(f"opslag took_ms (inside the server, one pass): median {f(o['took_ms_median'], '.2f')}, "
                  f"p95 {f(o['took_ms_p95'], '.2f')}, p99 {f(o['took_ms_p99'], '.2f')}")
            print("opslag q/s by connections: " +
                  ", ".join(f"{t['clients']}: {t['qps']:.0f}" for t in o["throughput"]))
        for e in ("xapian-reference", "sphinx", "postgresql", "lucene"):
            x = s["querying"].get(e)
            if x:
                print(f"{e} q/s by clients: " + ", ".join(f"{t['clients']}: {t['qps']:.0f}" for t in x["throughput"]))
        g = s.get("suggest")
        if g:
            print(f"GET /suggest (took_ms): median {f(g.get('took_ms_median'), '.2f')}, "
                  f"p99 {f(g.get('took_ms_p99'), '.2f')}; HTTP median {f(g.get('http_median_ms'), '.2f')}, "
                  f"p99 {f(g.get('http_p99_ms'), '.2f')}")
        else:
            print("GET /suggest: n/a (the server has no such route)")
    sc = r.get("scaling")
    if sc:
        print(f"\nper-query cost from {sc['from_documents']} to {sc['to_documents']} documents (median ×): " +
              ", ".join(f"{k} {f(v, '.2f')}" for k, v in sc["median_growth"].items()))
    for ra in r.get("ratios") or []:
        print(f"\nratios at {ra['documents']} documents (latency: below 1 = opslag faster; "
              f"throughput, docs/s: above 1 = opslag faster):")
        for other, x in ra["query"].items():
            if isinstance(x, dict):
                print(f"  opslag-server ÷ {other:18} median latency {f(x['median_latency'], '.2f')}, "
                      f"p99 {f(x['p99_latency'], '.2f')}, throughput {f(x['throughput'], '.2f')}")
        if "p99_over_p50" in ra["query"]:
            print(f"  opslag-server p99 ÷ its median: {f(ra['query']['p99_over_p50'], '.2f')}")
        for other, x in ra["index"].items():
            if isinstance(x, dict) and other != "threads_vs_scriptindex":
                print(f"  opslag-index  ÷ {other:18} docs/s {f(x['docs_per_s'], '.2f')}")
        t = ra["index"].get("threads_vs_scriptindex")
        if t:
            print(f"  opslag-index --rebuild on {t['threads']} threads ÷ scriptindex: docs/s "
                  f"{f(t['docs_per_s'], '.2f')}")
        if "size_compact_vs_scriptindex_compact" in ra["index"]:
            print(f"  opslag index size ÷ scriptindex: compacted {f(ra['index']['size_compact_vs_scriptindex_compact'], '.2f')}, "
                  f"as built {f(ra['index']['size_vs_scriptindex'], '.2f')}")


def print_targets(r):
    """Issue 19's targets at every size, as one Markdown table."""
    rows = r.get("ratios") or []
    if not rows:
        return
    print("\ntargets at every size (Markdown; throughput and docs/s above 1 = opslag faster):\n")
    print("| documents | q/s ÷ bare Xapian (≥ 2) | q/s ÷ Lucene (≥ 1.5) | median ÷ bare Xapian (≤ 1) "
          "| p99 ÷ p50 (≤ 3) | docs/s ÷ scriptindex, 1 thread / all (≥ 2) "
          "| compacted size ÷ scriptindex's (≤ 1.1) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for ra in rows:
        q, i = ra["query"], ra["index"]
        x, lu = q.get("xapian-reference") or {}, q.get("lucene") or {}
        t = i.get("threads_vs_scriptindex") or {}
        print(f"| {ra['documents']:,} | {f(x.get('throughput'), '.2f')} | {f(lu.get('throughput'), '.2f')} "
              f"| {f(x.get('median_latency'), '.2f')} | {f(q.get('p99_over_p50'), '.1f')} "
              f"| {f((i.get('scriptindex') or {}).get('docs_per_s'), '.2f')} / {f(t.get('docs_per_s'), '.2f')} "
              f"| {f(i.get('size_compact_vs_scriptindex_compact'), '.2f')} |")


def print_summary(r):
    """The headline at N and the growth with N, as Markdown tables (for the README)."""
    scales = r["results"]
    base = next((s for s in scales if s["scale"] == 1), scales[-1] if scales else None)
    if not base:
        return
    q, i = base["querying"], base["indexing"]
    rows = [("bare Xapian in-process (QueryParser, Enquire, MSet::snippet)", "xapian-reference", "scriptindex"),
            ("opslag-server over HTTP (wrk)", "opslag-server", "opslag-index"),
            ("Sphinx 2.2 (SphinxQL + CALL SNIPPETS)", "sphinx", "sphinx-indexer"),
            ("PostgreSQL 15 'danish' (ts_rank_cd + ts_headline)", "postgresql", "postgresql"),
            ("Lucene 8 DanishAnalyzer in-process (BM25 + UnifiedHighlighter)", "lucene", "lucene")]
    print(f"\nsummary at {base['documents']} documents (top 10 + snippets; Markdown):\n")
    print("| engine | median ms, 1 client | p99 ms | q/s at saturation (clients) | server peak MB "
          "| index docs/s | index MB (compacted) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, e, ix in rows:
        x, y = q.get(e), i.get(ix)
        if not x or not y:
            continue
        compact = f" ({y['compact_mb']:.0f})" if y.get("compact_mb") is not None else ""
        print(f"| {label} | {x['median_ms']:.2f} | {x['p99_ms']:.2f} | {f(x['qps'], ',.0f')} "
              f"({x['qps_clients']}) | {f(x.get('server_peak_mb'), '.0f')} | {f(y['docs_per_s'], ',.0f')} "
              f"| {y['size_mb']:.0f}{compact} |")
    for label, e in (("bare Xapian without snippets", "xapian-reference-no-snippets"),
                     ("Lucene without snippets", "lucene-no-snippets")):
        x = q.get(e)
        if x:
            print(f"| {label} | {x['median_ms']:.2f} | {x['p99_ms']:.2f} | "
                  f"{f(x['qps'], ',.0f')} ({x['qps_clients']}) | | | |")
    if len(scales) < 2:
        return
    print("\nscaling (Markdown):\n")
    print("| documents | opslag median ms | p99 ms | q/s | server MB | /suggest p99 ms "
          "| opslag-index docs/s | peak MB | bare Xapian median | Sphinx median | PostgreSQL median "
          "| Lucene median |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scales:
        o = s["querying"].get("opslag-server") or {}
        ix = s["indexing"].get("opslag-index") or {}
        g = s.get("suggest") or {}
        med = {e: (s["querying"].get(e) or {}).get("median_ms")
               for e in ("xapian-reference", "sphinx", "postgresql", "lucene")}
        print(f"| {s['documents']:,} | {f(o.get('median_ms'), '.2f')} | {f(o.get('p99_ms'), '.2f')} "
              f"| {f(o.get('qps'), ',.0f')} | {f(o.get('server_peak_mb'), '.0f')} | {f(g.get('took_ms_p99'), '.2f')} "
              f"| {f(ix.get('docs_per_s'), ',.0f')} | {f(ix.get('peak_mb'), '.0f')} "
              f"| {f(med['xapian-reference'], '.2f')} | {f(med['sphinx'], '.2f')} | {f(med['postgresql'], '.2f')} "
              f"| {f(med['lucene'], '.2f')} |")


def rounded(x):
    if isinstance(x, float):
        return round(x, 3)
    if isinstance(x, dict):
        return {k: rounded(v) for k, v in x.items()}
    if isinstance(x, list):
        return [rounded(v) for v in x]
    return x


def main():
    r = rounded(gather(sys.argv[1]))
    with open(sys.argv[2], "w") as out:
        json.dump(r, out, indent=1, ensure_ascii=False)
        out.write("\n")
    print_tables(r)
    print_summary(r)
    print_targets(r)
    print(f"\nJSON (also in {sys.argv[2]}):")
    print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
