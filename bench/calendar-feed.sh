#!/usr/bin/env bash
# Benchmark: the calendar subscription feed with 500 events (target: under 50 ms).
# Starts the service on a random port with a throwaway embedded PostgreSQL, seeds 500 events,
# and prints latency percentiles and throughput of (a) GET /calendar/<secret>.ics over real HTTP,
# (b) the same with a matching If-None-Match (304), (c) rendering alone.
# Not part of ./mvnw verify. Needs a non-root user (PostgreSQL refuses root; see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=CalendarFeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep -E '^(===|GET|render|   throughput)' || { echo "benchmark failed; rerun without the filter" >&2; exit 1; }
