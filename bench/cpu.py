#!/usr/bin/env python3
"""One line of CPU counters, in nanoseconds, for bench/run.sh to take before and after each run:
the service's CPU time and run-queue wait (how long its runnable threads waited for a CPU), the
same for PostgreSQL (the postmaster and its children; "- -" when it is not local), the whole
machine's busy time, and a monotonic clock. CPU times from /proc/PID/stat, waits from /proc/PID/task/TID/schedstat.

    bench/cpu.py SERVICE_PID [POSTMASTER_PID]
"""
import os
import sys
import time

TICK_NS = 1e9 / os.sysconf("SC_CLK_TCK")


def stat(pid):
    # After "(comm)": state, ppid, ..., utime is the 14th field of the line, so the 12th here.
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]


def cpu(pid, reaped=False):
    """CPU time of a process (all its threads, ended ones too); with reaped, its exited children's."""
    utime, stime, cutime, cstime = stat(pid)[1]
    return (utime + stime + (cutime + cstime if reaped else 0)) * TICK_NS


def run_queue_wait(pid):
    """How long the process's current threads, when runnable, waited for a CPU."""
    wait = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            wait += int(open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[1])
        except OSError:
            continue  # the thread ended meanwhile
    return wait


def postgres(postmaster):
    # The reaped children are pgbench's and psql's backends; the pool's stay connected.
    run, wait = cpu(postmaster, reaped=True), run_queue_wait(postmaster)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if stat(entry)[0] == postmaster:
                    run += cpu(entry)
                    wait += run_queue_wait(entry)
            except OSError:
                continue  # exited meanwhile: in the postmaster's reaped time next time
    return run, wait


ticks = [int(x) for x in open("/proc/stat").readline().split()[1:]]
busy = (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]) * TICK_NS  # user nice system irq softirq
pid = int(sys.argv[1])
database = postgres(int(sys.argv[2])) if len(sys.argv) > 2 else ("-", "-")
print(f"{cpu(pid):.0f}", run_queue_wait(pid), *(f"{v:.0f}" if v != "-" else v for v in database), f"{busy:.0f}",
      time.monotonic_ns())
