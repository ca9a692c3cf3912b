#!/usr/bin/env python3
"""Where a benchmark's CPU went, for bench/run.sh (a snapshot before and one after each run, then
the difference per request) and bench/startup.sh (CPU times so far).

    bench/cpu.py snapshot SERVICE_PID [POSTMASTER_PID] > FILE
    bench/cpu.py per-request BEFORE_FILE AFTER_FILE REQUESTS
        -> service CPU µs, PostgreSQL CPU µs ("-" when it is not local), CPU wait µs, machine busy %
    bench/cpu.py ms SERVICE_PID [POSTMASTER_PID]
        -> the service's CPU time so far in ms [and PostgreSQL's]

CPU times come from /proc/PID/stat (ended threads and, for PostgreSQL, reaped backends included).
The wait is how long the runnable threads of the service and of PostgreSQL waited for a CPU
(/proc/PID/task/TID/schedstat), counted per thread, so a thread that ends during the run takes only
its own share out, never more.
"""
import json
import os
import sys
import time

TICK_NS = 1e9 / os.sysconf("SC_CLK_TCK")


def stat(pid):
    # After "(comm)": state, ppid, ..., utime is the 14th field of the line, so the 12th here.
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]


def cpu(pid, reaped=False):
    utime, stime, cutime, cstime = stat(pid)[1]
    return (utime + stime + (cutime + cstime if reaped else 0)) * TICK_NS


def waits(pid, into):
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            into[tid] = int(open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[1])
        except OSError:
            continue  # the thread ended meanwhile


def postgres(postmaster, waited):
    """PostgreSQL's CPU time; its threads' waits go into waited."""
    # The reaped children are pgbench's and psql's backends; the pool's stay connected.
    total = cpu(postmaster, reaped=True)
    waits(postmaster, waited)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if stat(entry)[0] == postmaster:
                    total += cpu(entry)
                    waits(entry, waited)
            except OSError:
                continue  # exited meanwhile: in the postmaster's reaped time next time
    return total


def snapshot(service, postmaster):
    waited = {}
    waits(service, waited)
    snap = {"service": cpu(service), "postgres": postgres(postmaster, waited) if postmaster else None, "waits": waited}
    ticks = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    snap["busy"] = (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]) * TICK_NS  # user nice system irq softirq
    snap["clock"] = time.monotonic_ns()
    return snap


def per_request(before, after, requests):
    us = lambda ns: f"{ns / requests / 1000:.0f}"
    waited = sum(w - before["waits"].get(tid, 0) for tid, w in after["waits"].items())
    postgres = "-" if after["postgres"] is None else us(after["postgres"] - before["postgres"])
    busy = 100 * (after["busy"] - before["busy"]) / (after["clock"] - before["clock"]) / len(os.sched_getaffinity(0))
    return f"{us(after['service'] - before['service'])} {postgres} {us(waited)} {busy:.0f}"


if sys.argv[1] == "ms":
    print(f"{cpu(int(sys.argv[2])) / 1e6:.0f}", *([f"{postgres(int(sys.argv[3]), {}) / 1e6:.0f}"] if len(sys.argv) > 3 else []))
elif sys.argv[1] == "snapshot":
    print(json.dumps(snapshot(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)))
else:
    load = lambda path: json.load(open(path))
    print(per_request(load(sys.argv[2]), load(sys.argv[3]), int(sys.argv[4])))
