#!/usr/bin/python3
"""Watches a server's memory until stopped (SIGTERM or SIGINT), then writes its peaks as JSON.

Usage: watch_memory.py PID OUT.json
Every 0.2 s it reads /proc for PID and all its descendants: the largest VmHWM of any one of
them (a single-process server's peak resident memory, exact), and the sum of their Pss (pages
shared between processes counted once, split between them), whose peak is kept: the figure for
a server of many processes such as PostgreSQL, whose shared buffers every backend maps.
"""
import json
import os
import signal
import sys
import time


def descendants(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def kb(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    root, out = int(sys.argv[1]), sys.argv[2]
    peak = {"vmhwm_kb": 0, "pss_sum_kb": 0, "processes": 0}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    while not stop and os.path.exists(f"/proc/{root}"):
        pids = descendants(root)
        peak["vmhwm_kb"] = max([peak["vmhwm_kb"]] + [kb(f"/proc/{p}/status", "VmHWM:") for p in pids])
        peak["pss_sum_kb"] = max(peak["pss_sum_kb"], sum(kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
        peak["processes"] = max(peak["processes"], len(pids))
        time.sleep(0.2)
    with open(out, "w") as f:
        json.dump({"peak_vmhwm_mb": peak["vmhwm_kb"] / 1024, "peak_pss_sum_mb": peak["pss_sum_kb"] / 1024,
                   "processes": peak["processes"]}, f)


if __name__ == "__main__":
    main()
