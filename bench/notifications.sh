#!/usr/bin/env bash
# Notification benchmarks (not tests; nothing here asserts a time):
#   1. dispatcher throughput to Pushy's mock APNs server (real HTTP/2 + TLS + token auth on localhost),
#      1 and 2 dispatchers, with enqueue-to-delivered latency percentiles, and commit-to-send latency
#      with the dispatch loop woken by each commit (paced and back to back);
#   2. Web Push deliveries per second to the tests' push-service stub (real HTTPS on localhost; payload
#      encryption and VAPID included; the stub only counts), 1 dispatcher, one browser per row
#      (target: >= 500/s on the 2-core machine);
#   3. POST /negotiate/reply throughput with the outbox writing vs the same load with the outbox write
#      switched off, alternating in one JVM (4 concurrent clients, 10 invitees per negotiation, every
#      accept notifies the others).
# Each figure is printed per run after a warm-up (replies: six runs in ABBA order and their medians);
# results also land in target/bench-results.txt.
# Usage: bench/notifications.sh            (as a regular user: the embedded PostgreSQL refuses root)
#        KAIROS_BENCH_ROWS=10000 bench/notifications.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then
    echo "PostgreSQL refuses to run as root: run this as a regular user (e.g. runuser -u <user> -- bench/notifications.sh)" >&2
    exit 1
fi
run=(./mvnw)
mkdir -p target && rm -f target/bench-results.txt
"${run[@]}" -B -q -Pbench test -Dkairos.bench=true -Dkairos.bench.rows="${KAIROS_BENCH_ROWS:-5000}" \
    -Dtest='NotificationBenchmark,WebPushBenchmark,ReplyBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
    > target/bench.log 2>&1 || { tail -50 target/bench.log; exit 1; }
echo "== $(nproc) CPUs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cat target/bench-results.txt
