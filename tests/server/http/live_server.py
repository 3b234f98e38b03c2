"""The real opslag-server for the Python checks beside this file: started on a free loopback
port over a database, asked by GET, stopped at the end of a `with`."""
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """opslag-server from `bin_dir` over `db`, with `options` besides --db and --port."""

    def __init__(self, bin_dir, db, *options):
        self.port = free_port()
        self.process = subprocess.Popen(
            [os.path.join(bin_dir, "opslag-server"), "--db", db, "--port", str(self.port), *options],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        for _ in range(100):
            try:
                self.get("/health")
                break
            except OSError:
                time.sleep(0.05)
        return self

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait(timeout=10)

    def get(self, path, headers=None):
        """(status, headers, body) of GET `path`, errors included."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}",
                                         headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


def report(failures, success):
    """Prints each failure, or `success` when there is none; the exit status."""
    for failure in failures:
        print("FAILED:", failure)
    if failures:
        return 1
    print(success)
    return 0
