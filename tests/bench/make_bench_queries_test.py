#!/usr/bin/python3
"""Tests of scripts/make-bench-queries on a small corpus written to a temporary folder."""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SCRIPT = os.path.join(ROOT, "scripts", "make-bench-queries")
SENTENCES = [
    "Borgerne skal bruge NemID og senere MitID når de logger ind på borger.dk",
    "Digital Post fra offentlige afsendere kommer i e-Boks hos kommunerne",
    "Regeringen vil styrke digitalisering af den offentlige sektor med nye strategier",
    "Sundhedsvæsenet og regionerne samarbejder om fælles løsninger for patienter",
    "Folketinget behandler lovforslaget om selvbetjening og digital selvbetjening",
    "Ministeren svarer ordføreren om skatteregler beskæftigelse uddannelse klimaet",
    "Virksomhederne bruger virk.dk og NemLog-in til indberetning af moms",
    "Kommunernes Landsforening og Danske Regioner aftaler økonomien for næste år",
]


def write_corpus(path, copies=12):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        n = 0
        for k in range(copies):
            for i, s in enumerate(SENTENCES):
                body = " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(k % 4 + 2))
                f.write(json.dumps({"id": f"d{n}", "title": s.split()[0], "body": body},
                                   ensure_ascii=False) + "\n")
                n += 1


def run(corpus, *args):
    return subprocess.run([sys.executable, SCRIPT, "--corpus", corpus, *args], check=True,
                          capture_output=True, text=True).stdout.splitlines()


class MakeBenchQueriesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.corpus = os.path.join(cls.dir.name, "corpus.jsonl.gz")
        write_corpus(cls.corpus)
        cls.queries = run(cls.corpus, "--count", "60", "--seed", "3")

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_same_seed_gives_the_same_queries(self):
        self.assertEqual(run(self.corpus, "--count", "60", "--seed", "3"), self.queries)

    def test_another_seed_gives_other_queries(self):
        self.assertNotEqual(run(self.corpus, "--count", "60", "--seed", "4"), self.queries)

    def test_gives_as_many_different_queries_as_asked(self):
        self.assertEqual(len(self.queries), 60)
        self.assertEqual(len(set(self.queries)), 60)

    def test_mixes_words_pairs_phrases_and_domain_words(self):
        phrases = [q for q in self.queries if q.startswith('"') and q.endswith('"')]
        singles = [q for q in self.queries if " " not in q and '"' not in q]
        domain = [q for q in self.queries if re.search(r"NemID|MitID|borger\.dk|Digital Post|e-Boks", q)]
        self.assertGreaterEqual(len(phrases), 60 * .15 - 1, self.queries)
        self.assertGreaterEqual(len(singles), 60 * .3, self.queries)
        self.assertTrue(domain, self.queries)

    def test_every_word_is_in_the_corpus(self):
        with gzip.open(self.corpus, "rt", encoding="utf-8") as f:
            text = f.read()
        for q in self.queries:
            for word in re.findall(r"[^\W\d_]+", q):
                self.assertIn(word, text, q)

    def test_no_operator_or_stop_word_stands_unquoted(self):
        operators = {"and", "or", "not", "near", "og", "eller", "ikke", "af", "den", "de"}
        for q in self.queries:
            if not q.startswith('"'):
                for word in q.replace('"', " ").split():
                    self.assertNotIn(word.lower(), operators, q)

    def test_writes_prefixes_of_query_words(self):
        path = os.path.join(self.dir.name, "prefixes.txt")
        run(self.corpus, "--count", "60", "--seed", "3", "--out", os.devnull, "--prefixes", path)
        with open(path, encoding="utf-8") as f:
            prefixes = f.read().splitlines()
        words = {w for q in self.queries for w in re.findall(r"[^\W\d_]+", q)}
        self.assertTrue(prefixes)
        for p in prefixes:
            self.assertTrue(2 <= len(p) <= 5, p)
            self.assertTrue(any(w.startswith(p) and w != p for w in words), p)

    def test_a_corpus_too_small_is_an_error_not_a_hang(self):
        with self.assertRaises(subprocess.CalledProcessError) as e:
            run(self.corpus, "--count", "3000")
        self.assertIn("too small", e.exception.stderr)


if __name__ == "__main__":
    unittest.main()
