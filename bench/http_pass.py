#!/usr/bin/python3
"""Sends each query once to an Opslag route over one keep-alive connection and prints JSON: the
route's own took_ms (median, p95, p99) when its answers carry it, the HTTP round trip, how many
answers were not 200, and hits per query. A route that answers 404 to the first query is
reported as {"available": false} (for /suggest, which may not exist yet).

Usage: http_pass.py PORT PATH QUERIES   e.g. http_pass.py 8080 '/search?size=10&q=' q.txt
"""
import http.client
import json
import math
import statistics
import sys
import time
import urllib.parse


def percentile(values, p):
    """Nearest rank."""
    s = sorted(values)
    return s[max(1, math.ceil(p * len(s))) - 1] if s else None


def main():
    port, path, queries_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    queries = [l.rstrip("\n") for l in open(queries_file, encoding="utf-8") if l.strip()]
    conn = http.client.HTTPConnection("127.0.0.1", port)
    took, trip, hits, failed, empty = [], [], 0, 0, 0
    for i, q in enumerate(queries):
        start = time.perf_counter()
        conn.request("GET", path + urllib.parse.quote(q))
        response = conn.getresponse()
        body = response.read()
        trip.append((time.perf_counter() - start) * 1000)
        if response.status == 404 and i == 0:
            print(json.dumps({"available": False}))
            return
        if response.status != 200:
            failed += 1
            continue
        answer = json.loads(body)
        if isinstance(answer, dict) and "took_ms" in answer:
            took.append(float(answer["took_ms"]))
        found = answer.get("hits", answer.get("suggestions")) if isinstance(answer, dict) else answer
        n = len(found) if isinstance(found, list) else 0
        hits += n
        empty += n == 0
    out = {"available": True, "requests": len(queries), "non_200": failed,
           "http_median_ms": statistics.median(trip), "http_p99_ms": percentile(trip, .99),
           "hits_per_query": hits / len(queries), "queries_without_hits": empty}
    if took:
        out.update({"took_ms_median": statistics.median(took), "took_ms_p95": percentile(took, .95),
                    "took_ms_p99": percentile(took, .99)})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
