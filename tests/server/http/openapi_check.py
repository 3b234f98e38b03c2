#!/usr/bin/env python3
"""The answers of the real opslag-server against its /openapi.json, checked by the jsonschema
package (Debian's python3-jsonschema, JSON Schema 2020-12 as OpenAPI 3.1 uses it): indexes a
small folder with opslag-index, starts opslag-server on a free port, asks every route, and fails
on an answer or example that the description does not allow.

Usage: openapi_check.py BIN_DIR"""
import json
import os
import subprocess
import sys
import tempfile
import warnings

import jsonschema

from live_server import LiveServer, report

warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver: newer versions deprecate it

CALLS = [  # (path, with the admin token)
    ("/search?q=NemID", False),
    ("/search?q=digital%20post&source=KL&sort=-date&size=2", False),
    ("/search?q=nemi", False),
    ("/search?q=NemID%20AND", False),
    ("/search", False),
    ("/search?q=NemID&size=1000", False),
    ("/search.csv", False),
    ("/search.jsonl?q=NemID&from=20x", False),
    ("/documents/nemid.txt", False),
    ("/documents/nemid.txt", True),
    ("/documents/findes-ikke.txt", False),
    ("/documents/nemid.txt/similar", False),
    ("/documents/nemid.txt/similar?size=0", False),
    ("/documents/findes-ikke.txt/similar", False),
    ("/documents/findes-ikke.txt/file", False),
    ("/d/nemid.txt?q=%FF", False),
    ("/suggest?q=nem", False),
    ("/suggest?q=NemID%20lan", False),
    ("/suggest", False),
    ("/health", False),
    ("/admin/stats", False),
    ("/admin/stats", True),
    ("/openapi.json", False),
]
TOKEN = "s3cret-token"


def fetch(server, path, admin):
    status, headers, body = server.get(path, {"Authorization": "Bearer " + TOKEN} if admin else {})
    return status, headers["Content-Type"], body


def route_of(spec, path):
    """The description's path template that `path` (without its query) fills."""
    parts = path.split("?")[0].strip("/").split("/")
    for template in spec["paths"]:
        t = template.strip("/").split("/")
        if len(t) == len(parts) and all(a == b or a.startswith("{") for a, b in zip(t, parts)):
            return template
    return None


def main():
    bin_dir = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs")
        os.mkdir(docs)
        with open(os.path.join(docs, "nemid.txt"), "w", encoding="utf-8") as f:
            f.write("NemID lanceres\n\n01-07-2010\n\nMed NemID logger borgerne på.\n\nKilde: KL\n")
        with open(os.path.join(docs, "post.txt"), "w", encoding="utf-8") as f:
            f.write("Digital Post\n\n01-11-2014\n\nBreve i Digital Post.\n\nKilde: KL\n")
        db = os.path.join(tmp, "db")
        subprocess.run([os.path.join(bin_dir, "opslag-index"), "--quiet", "--db", db, docs], check=True)
        token_file = os.path.join(tmp, "token")
        with open(token_file, "w") as f:
            f.write(TOKEN)
        with LiveServer(bin_dir, db, "--admin-token-file", token_file) as server:
            status, _, body = fetch(server, "/openapi.json", False)
            spec = json.loads(body)
            resolver = jsonschema.RefResolver("", spec)
            jsonschema.Draft202012Validator.check_schema({"$defs": spec["components"]["schemas"]})

            def check(value, schema, where):
                validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
                for error in validator.iter_errors(value):
                    failures.append(f"{where}: {error.message} at {list(error.absolute_path)}")

            examples = 0
            for template, item in spec["paths"].items():
                for code, response in item["get"]["responses"].items():
                    media = response.get("content", {}).get("application/json", {})
                    if "example" in media:
                        examples += 1
                        check(media["example"], media["schema"], f"example of {template} {code}")
            if examples < 15:
                failures.append(f"only {examples} examples in the description")
            for path, admin in CALLS:
                status, content_type, body = fetch(server, path, admin)
                template = route_of(spec, path)
                response = spec["paths"].get(template, {}).get("get", {}).get("responses", {}).get(str(status))
                if response is None:
                    failures.append(f"{path}: {status} is not described for {template}")
                    continue
                if not content_type.startswith("application/json"):
                    failures.append(f"{path}: answered {content_type}, not JSON")
                    continue
                check(json.loads(body), response["content"]["application/json"]["schema"], f"{path} {status}")
    return report(failures, f"{len(CALLS)} answers and every example fit /openapi.json "
                  f"(jsonschema {jsonschema.Draft202012Validator.__name__})")


if __name__ == "__main__":
    sys.exit(main())
