#!/usr/bin/env bash
# Throughput and latency of the service's hot paths, beside what PostgreSQL itself serves for the
# same statements (the ceiling). Public tools only: wrk, pgbench, psql, openssl, python3.
#
#   bench/run.sh                        # 10,000 negotiations, throwaway PostgreSQL, 15 s runs
#   BENCH_NEGOTIATIONS=1000000 bench/run.sh
#   BENCH_SCALE=1000000 BENCH_RUNS=get,list bench/run.sh   # the reads at 10,000, then grown to 1,000,000
#   DATABASE_URL=jdbc:postgresql://host:5432/db DATABASE_USER=… DATABASE_PASSWORD=… bench/run.sh
#
# Settings (environment): BENCH_NEGOTIATIONS (10000), BENCH_DURATION (15s per measured run),
# BENCH_WARMUP (60s of GET load, then 15 s of list and 15 s of replies, before the first measured run:
# bench/startup.sh shows the JIT needs about a minute of load to settle), BENCH_ROUNDS (3 interleaved rounds;
# the table shows medians), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_JAR (default: built
# with ./mvnw package), BENCH_RUNS (which runs: get,list,reply,finalize,health,pgbench; finalize runs
# for BENCH_FINALIZE_DURATION, 2s, or until each of its targets, the open negotiations of the
# token users, is confirmed once, each request confirming a different negotiation), BENCH_JAVA_OPTS
# (e.g. -XX:StartFlightRecording=filename=/tmp/kairos.jfr,settings=profile for a JFR profile),
# BENCH_SCALE (after the rounds, grow the data set to this many negotiations and run the reads
# again on the same warm service: the table adds those rows and their p50/p99 ratios), BENCH_KEEP
# (1 keeps the work directory), BENCH_SERVICE (image: the container image's command from
# target/image, bench/image-command.sh, the default; jar: `java -jar` on the JDK on PATH),
# BENCH_INSTANCE_MEMORY (image: the container memory the JVM sizes itself for, 1g),
# BENCH_JAR_B (a second jar), BENCH_IMAGE_B (B is the image command run from another build's image
# files, e.g. a copy of target/image kept from before a change) or BENCH_B_ENV (B is the image
# command made and run under these settings, e.g. BENCH_B_ENV=BENCH_NO_SPRING_AOT=1 or
# BENCH_B_ENV=DATABASE_POOL_SIZE=6): an A/B comparison in
# one run, both services up against
# the same database, each run alternating A and B, so the machine's load falls on both alike; the
# table then has an A and a B row per run.
#
# What it does: builds the jar; starts a throwaway PostgreSQL (Debian's server binaries) unless
# DATABASE_URL is set; serves its own JWKS and signs Firebase-shaped RS256 tokens with openssl, so
# the service runs with KAIROS_ENV=prod and the real verification path; seeds through SQL
# (bench/seed.sql); then, per round, runs wrk on each endpoint and pgbench on the GET's statements,
# printing the machine's load before each run and where each run's CPU went (bench/cpu.py): the
# service's and PostgreSQL's CPU per request, how long their runnable threads waited for a CPU per
# request (the machine is saturated when that grows), and how busy the machine was.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
export BENCH_DIR="$root_dir/bench"

negotiations=${BENCH_NEGOTIATIONS:-10000}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-60s}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
runs=",${BENCH_RUNS:-get,list,reply,finalize,health,pgbench},"
finalize_duration=${BENCH_FINALIZE_DURATION:-2s}
export BENCH_THREADS=${BENCH_THREADS:-2}
token_users=200
app_port=18080
pg_port=55432
jwks_port=18090

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

need() { # need COMMAND DEBIAN_PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        log "installing $2"
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
        echo "bench/run.sh needs $1: install the Debian package $2 (sudo apt-get install $2)" >&2
        exit 1
    fi
}
need wrk wrk
need psql postgresql-client
need pgbench postgresql-client
need openssl openssl
need python3 python3

work=$(mktemp -d /tmp/kairos-bench.XXXXXX)
chmod 755 "$work"
export BENCH_DATA="$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "${pg_dir:-}" ]; then $pg_as "$pg_bin/pg_ctl" -D "$pg_dir" -m immediate stop >/dev/null 2>&1 || true; fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- the service -------------------------------------------------------------------------------
jar=${BENCH_JAR:-}
if [ -z "$jar" ]; then
    log "building the jar (./mvnw package, tests skipped)"
    ./mvnw -q -B -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
    jar=target/kairos-backend.jar
fi

# --- PostgreSQL --------------------------------------------------------------------------------
if [ -z "${DATABASE_URL:-}" ]; then
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then need postgres postgresql; fi
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_dir="$work/pg"
    pg_as=""
    if [ "$(id -u)" -eq 0 ]; then
        id -u postgres >/dev/null 2>&1 || useradd --system postgres
        mkdir -p "$pg_dir" && chown postgres "$pg_dir"
        pg_as="runuser -u postgres --"
    fi
    log "starting a throwaway PostgreSQL ($pg_bin) on port $pg_port"
    $pg_as "$pg_bin/initdb" -D "$pg_dir" -U kairos --auth=trust >/dev/null
    $pg_as "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w start \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" >/dev/null
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kairos kairos
    export DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/kairos" DATABASE_USER=kairos DATABASE_PASSWORD=""
fi
# psql/pgbench take the JDBC URL's host, port and database.
pg_hostport=${DATABASE_URL#jdbc:postgresql://}
pg_db=${pg_hostport#*/}; pg_db=${pg_db%%\?*}; pg_hostport=${pg_hostport%%/*}
export PGHOST=${pg_hostport%%:*} PGPORT=${pg_hostport##*:} PGUSER=${DATABASE_USER:-} PGPASSWORD=${DATABASE_PASSWORD:-} PGDATABASE=$pg_db
[ "$PGPORT" = "$PGHOST" ] && export PGPORT=5432

# --- tokens: our own key, JWKS and RS256 signatures ----------------------------------------------
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus=$(python3 -c 'import base64, sys; print(base64.urlsafe_b64encode(bytes.fromhex(sys.argv[1])).decode().rstrip("="))' \
    "$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2)")
mkdir -p "$work/jwks"
printf '{"keys":[{"kty":"RSA","alg":"RS256","use":"sig","kid":"bench","n":"%s","e":"AQAB"}]}' "$modulus" >"$work/jwks/keys.json"
python3 -m http.server "$jwks_port" --bind 127.0.0.1 --directory "$work/jwks" >/dev/null 2>&1 &
pids+=($!)
project=kairos-bench
now=$(date +%s)
header=$(printf '{"alg":"RS256","kid":"bench","typ":"JWT"}' | b64url)
mint() { # mint UID NAME
    local payload
    payload=$(printf '{"iss":"https://securetoken.google.com/%s","aud":"%s","sub":"%s","name":"%s","iat":%d,"auth_time":%d,"exp":%d}' \
        "$project" "$project" "$1" "$2" "$now" "$now" $((now + 3600)) | b64url)
    printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)"
}

# --- start the service(s) (production mode) ------------------------------------------------------
# The command of variant A or B, run in the directory it expects.
exec_in() { # exec_in VARIANT
    local cmd
    if [ "$1" = B ] && [ -n "${BENCH_JAR_B:-}" ]; then
        exec java ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR_B"
    elif [ "${BENCH_SERVICE:-image}" = jar ]; then
        exec java ${BENCH_JAVA_OPTS:-} -jar "$root_dir/$jar"
    fi
    local image="$root_dir/target/image" settings=()
    # B's settings shape its image command and reach its service, so BENCH_B_ENV=DATABASE_POOL_SIZE=6
    # compares a setting.
    [ "$1" = B ] && read -r -a settings <<<"${BENCH_B_ENV:-}"
    mapfile -t cmd < <(env "${settings[@]}" bench/image-command.sh)
    [ "$1" = B ] && [ -n "${BENCH_IMAGE_B:-}" ] && image=$BENCH_IMAGE_B
    cd "$image" && exec env "${settings[@]}" JDK_JAVA_OPTIONS="-XX:MaxRAM=${BENCH_INSTANCE_MEMORY:-1g}" "${cmd[@]}"
}
start_service() { # start_service VARIANT PORT LABEL -> sets started_pid
    local what="${BENCH_SERVICE:-image}"
    if [ "$1" = B ]; then what=${BENCH_JAR_B:+"jar $BENCH_JAR_B"}; what=${what:-"image ${BENCH_IMAGE_B:-} with ${BENCH_B_ENV:-}"}; fi
    log "starting $3 ($what) with KAIROS_ENV=prod on port $2"
    KAIROS_ENV=prod PORT=$2 MANAGEMENT_PORT=$(($2 + 1)) FIREBASE_PROJECT_ID=$project \
        FIREBASE_JWKS_URL="http://127.0.0.1:$jwks_port/keys.json" \
        KAIROS_CURSOR_SECRET=$cursor_secret KAIROS_PUBLIC_URL="http://127.0.0.1:$2" \
        RATE_LIMIT_PER_USER_PER_MINUTE=100000000 RATE_LIMIT_GLOBAL_PER_SECOND=100000000 \
        exec_in "$1" >"$work/app-$3.log" 2>&1 &
    started_pid=$!
    pids+=($started_pid)
}
await_service() { # await_service PID PORT LABEL
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0
        kill -0 "$1" 2>/dev/null || { tail -20 "$work/app-$3.log"; exit 1; }
        sleep 0.5
    done
    curl -sf "http://127.0.0.1:$2/health" >/dev/null || { tail -20 "$work/app-$3.log"; exit 1; }
}
cursor_secret=$(openssl rand -hex 32)
variants=(A)
declare -A variant_port=([A]=$app_port) variant_pid=()
start_service A "$app_port" A
variant_pid[A]=$started_pid
app_pid=$started_pid
if [ -n "${BENCH_JAR_B:-}${BENCH_B_ENV:-}${BENCH_IMAGE_B:-}" ]; then
    # Started after A has migrated the schema, so the two never race on Flyway.
    await_service "${variant_pid[A]}" "$app_port" A
    variants=(A B)
    variant_port[B]=$((app_port + 20))
    start_service B "${variant_port[B]}" B
    variant_pid[B]=$started_pid
fi
for v in "${variants[@]}"; do await_service "${variant_pid[$v]}" "${variant_port[$v]}" "$v"; done

# --- data ----------------------------------------------------------------------------------------
log "seeding $negotiations negotiations"
psql -q -v negotiations="$negotiations" -f bench/seed.sql >/dev/null
users=$(psql -At -c "SELECT count(*) FROM app_users WHERE firebase_uid LIKE 'bench-user-%'")
log "minting $token_users tokens"
for k in $(seq 0 $((token_users - 1))); do
    printf 'bench-user-%d %s\n' "$k" "$(mint "bench-user-$k" "User $k")"
done >"$work/uid-tokens.txt"
cut -d' ' -f2 "$work/uid-tokens.txt" >"$work/tokens.txt"
# Replace each row's UID by that user's token.
with_tokens() { awk 'NR == FNR { token[$1] = $2; next } { $1 = token[$1]; print }' "$work/uid-tokens.txt" -; }
# The GET's (token, id) pairs: each token user's 25 most recent negotiations, shuffled.
write_read_pairs() {
    psql -At -F' ' -c "
        SELECT u.firebase_uid, p.negotiation_id
          FROM app_users u
          JOIN LATERAL (SELECT negotiation_id FROM negotiation_participants
                         WHERE user_id = u.id ORDER BY negotiation_updated_at DESC LIMIT 25) p ON true
         WHERE u.firebase_uid IN (SELECT 'bench-user-' || k FROM generate_series(0, $token_users - 1) k)
         ORDER BY md5(p.negotiation_id::text || u.firebase_uid)" | with_tokens >"$work/get.txt"
}
write_read_pairs
psql -At -F' ' -c "
    SELECT u.firebase_uid, p.negotiation_id,
           (SELECT id FROM proposed_slots WHERE negotiation_id = n.id AND slot_index = 0),
           (SELECT id FROM proposed_slots WHERE negotiation_id = n.id AND slot_index = 1)
      FROM negotiation_participants p
      JOIN negotiations n ON n.id = p.negotiation_id AND n.state = 'awaiting_replies' AND n.request_fingerprint = 'bench'
      JOIN app_users u ON u.id = p.user_id
     WHERE p.position = 1
       AND u.firebase_uid IN (SELECT 'bench-user-' || k FROM generate_series(0, $token_users - 1) k)
     ORDER BY md5(p.negotiation_id::text)" | with_tokens >"$work/reply.txt"
# The finalize targets: open negotiations whose organizer has a token, with their first slot and venue.
psql -At -F' ' -c "
    SELECT u.firebase_uid, n.id,
           (SELECT id FROM proposed_slots WHERE negotiation_id = n.id AND slot_index = 0),
           (SELECT id FROM proposed_venues WHERE negotiation_id = n.id AND venue_index = 0)
      FROM negotiations n
      JOIN app_users u ON u.id = n.owner_id
     WHERE n.state = 'awaiting_replies' AND n.request_fingerprint = 'bench'
       AND u.firebase_uid IN (SELECT 'bench-user-' || k FROM generate_series(0, $token_users - 1) k)
     ORDER BY md5(n.id::text)" | with_tokens >"$work/finalize.txt"
# ... and their ids, which bench/reset-finalize.sql reopens after each finalize run.
psql -q -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS bench_finalize_targets" \
    -c "CREATE TABLE bench_finalize_targets (id uuid PRIMARY KEY)" >/dev/null
cut -d' ' -f2 "$work/finalize.txt" | psql -q -c "\\copy bench_finalize_targets FROM pstdin"
log "$(wc -l <"$work/get.txt") read pairs, $(wc -l <"$work/reply.txt") reply targets," \
    "$(wc -l <"$work/finalize.txt") finalize targets, $users users"

# --- the pgbench ceiling's script: the load statement from its one home, the service's source ----
by_index="md5('n' || :i)::uuid" # the seed's id of negotiation :i
load_sql=$(bench/load-sql.sh "$by_index")
{ cat bench/pgbench/get.sql; printf '%s;\n' "$load_sql"; } >"$work/pgbench-get.sql"

# --- runs ----------------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
load() { cut -d' ' -f1 /proc/loadavg; }
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }
# Where each run's CPU went: the service's and PostgreSQL's CPU per request, how long their runnable
# threads waited for a CPU per request (service + PostgreSQL), and how busy the whole machine was.
cpu_now() { # cpu_now FILE
    bench/cpu.py snapshot "${variant_pid[$variant]}" ${pg_dir:+"$(head -1 "$pg_dir/postmaster.pid")"} >"$1"
}
run_wrk() { # run_wrk NAME SCRIPT|- PATH (against $base; A/B runs prefix the name with the variant)
    local name=$1 script=$2 path=$3 before out rps p50 p99 errors cpu_svc cpu_pg cpu_wait cpu_busy
    [ "${#variants[@]}" -gt 1 ] && name="$variant $name"
    before=$(load)
    cpu_now "$work/cpu-before.json"
    out=$(wrk -t"$BENCH_THREADS" -c"$connections" -d"$duration" --latency ${script:+-s "$script"} "$base$path")
    rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
    last_requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out" | to_ms)
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)
    errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }' <<<"$out")
    cpu_now "$work/cpu-after.json"
    read -r cpu_svc cpu_pg cpu_wait cpu_busy < <(bench/cpu.py per-request "$work/cpu-before.json" "$work/cpu-after.json" "$last_requests")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$before" \
        "$cpu_svc" "$cpu_pg" "$cpu_wait" "$cpu_busy" >>"$results"
    log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors (load before $before);" \
        "per request: service $cpu_svc µs, PostgreSQL $cpu_pg µs of CPU, $cpu_wait µs waiting for a CPU; machine $cpu_busy % busy"
    # Which errors: HTTP statuses and socket errors (a timeout is wrk's 2 s limit).
    [ "$errors" = 0 ] || grep -E 'Non-2xx|Socket errors' <<<"$out" | sed 's/^ */    /' >&2
}
run_pgbench() {
    local before out tps
    before=$(load)
    out=$(pgbench -n -M prepared -c 32 -j 2 -T "${duration%s}" -D negotiations="$negotiations" -D users="$users" \
        -f "$work/pgbench-get.sql" 2>&1)
    tps=$(awk '/^tps = / { print $3; exit }' <<<"$out")
    printf '%s\t%s\t\t\t0\t%s\n' "pgbench GET statements" "$tps" "$before" >>"$results"
    log "pgbench: $tps tps (load before $before)"
}
# Each run visits the variants in turn, starting with a different one every round.
each_variant() { # each_variant ROUND COMMAND...
    local round=$1 k n=${#variants[@]}
    shift
    for k in $(seq 0 $((n - 1))); do
        variant=${variants[$(((round + k) % n))]}
        base="http://127.0.0.1:${variant_port[$variant]}"
        "$@"
    done
}
run_reply() {
    psql -q -f bench/reset-replies.sql >/dev/null
    revisions=$(psql -At -c "SELECT sum(revision) FROM negotiations")
    run_wrk "POST /negotiate/reply" bench/wrk/reply.lua /
    writes=$(( $(psql -At -c "SELECT sum(revision) FROM negotiations") - revisions ))
    log "reply run: $last_requests requests, $writes writes (every accepted reply must be one write)"
}
run_finalize() {
    local confirmed
    psql -q -f bench/reset-finalize.sql >/dev/null
    duration=$finalize_duration run_wrk "POST /negotiate/finalize" bench/wrk/finalize.lua /
    confirmed=$(psql -At -c "SELECT count(*) FROM negotiations n JOIN bench_finalize_targets t ON t.id = n.id WHERE n.state = 'confirmed'")
    log "finalize run: $last_requests requests, $confirmed confirmed (each request confirms one; requests still in flight when the targets run out are not counted, so confirmed ≥ requests)"
    # wrk divides by the whole duration even when its threads stopped early.
    [ $((confirmed + connections)) -lt "$(wc -l <"$work/finalize.txt")" ] ||
        log "the finalize run used up all its targets before ${finalize_duration}: its req/s is a floor (shorten BENCH_FINALIZE_DURATION); its CPU per request and latencies hold"
    psql -q -f bench/reset-finalize.sql >/dev/null
}
warm_up() {
    log "warming up $variant for $warmup"
    wrk -t"$BENCH_THREADS" -c"$connections" -d"$warmup" -s bench/wrk/get.lua "$base/" >/dev/null
    wrk -t"$BENCH_THREADS" -c"$connections" -d15s -s bench/wrk/list.lua "$base/" >/dev/null
    # The reply path too, so that no measured run pays for its JIT compilation (each reply run
    # resets the targets to "invited" first).
    psql -q -f bench/reset-replies.sql >/dev/null
    wrk -t"$BENCH_THREADS" -c"$connections" -d15s -s bench/wrk/reply.lua "$base/" >/dev/null
    if [[ $runs == *,finalize,* ]]; then
        psql -q -f bench/reset-finalize.sql >/dev/null
        wrk -t"$BENCH_THREADS" -c"$connections" -d"$finalize_duration" -s bench/wrk/finalize.lua "$base/" >/dev/null
        psql -q -f bench/reset-finalize.sql >/dev/null
    fi
}

each_variant 0 warm_up
for round in $(seq 1 "$rounds"); do
    log "round $round of $rounds"
    [[ $runs == *,get,* ]] && each_variant "$round" run_wrk "GET /negotiations/{id}" bench/wrk/get.lua /
    [[ $runs == *,list,* ]] && each_variant "$round" run_wrk "GET /negotiations?limit=20" bench/wrk/list.lua /
    [[ $runs == *,reply,* ]] && each_variant "$round" run_reply
    [[ $runs == *,finalize,* ]] && each_variant "$round" run_finalize
    [[ $runs == *,health,* ]] && each_variant "$round" run_wrk "GET /health" "" /health
    [[ $runs == *,pgbench,* ]] && run_pgbench
done

# --- scale: the same reads again after the data set has grown, on the same warm service(s) --------
if [ -n "${BENCH_SCALE:-}" ]; then
    scale_label=$((BENCH_SCALE / 1000))k
    [ $((BENCH_SCALE % 1000000)) = 0 ] && scale_label=$((BENCH_SCALE / 1000000))M
    log "growing the data set to $BENCH_SCALE negotiations"
    psql -q -v negotiations="$BENCH_SCALE" -f bench/seed.sql >/dev/null
    write_read_pairs
    log "$(psql -At -c 'SELECT count(*) FROM negotiations') negotiations stored; $(wc -l <"$work/get.txt") read pairs"
    settle() { wrk -t"$BENCH_THREADS" -c"$connections" -d"$duration" -s bench/wrk/get.lua "$base/" >/dev/null; }
    each_variant 0 settle # not measured: the new rows' pages into PostgreSQL's cache
    for round in $(seq 1 "$rounds"); do
        log "round $round of $rounds at $scale_label negotiations"
        [[ $runs == *,get,* ]] && each_variant "$round" run_wrk "GET /negotiations/{id} $scale_label" bench/wrk/get.lua /
        [[ $runs == *,list,* ]] && each_variant "$round" run_wrk "GET /negotiations?limit=20 $scale_label" bench/wrk/list.lua /
    done
fi

rss=""
for v in "${variants[@]}"; do
    rss="$rss ${v}: $(($(awk '/^VmRSS/ { print $2 }' "/proc/${variant_pid[$v]}/status") / 1024)) MB"
done

# --- table (medians over rounds) -----------------------------------------------------------------
echo
echo "Kairos benchmark: $negotiations negotiations, wrk -t$BENCH_THREADS -c$connections -d$duration, $rounds round(s), $(nproc) cores, medians"
printf '| %-28s | %9s | %8s | %8s | %6s | %11s | %s | %s | %s | %s | %s |\n' run "req/s" "p50 ms" "p99 ms" errors "÷ pgbench" \
    "load before" "service CPU µs/req" "PostgreSQL CPU µs/req" "CPU wait µs/req" "machine busy %"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..30})" "-----------" "----------" "----------" "--------" \
    "-------------" "-------------" "---:" "---:" "---:" "---:"
awk -F'\t' '
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n == 0 ? "" : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
    }
    { if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 }
      rps[$1] = rps[$1] " " $2; p50[$1] = p50[$1] " " $3; p99[$1] = p99[$1] " " $4; err[$1] += $5; ld[$1] = ld[$1] " " $6
      svc[$1] = svc[$1] " " $7; pg[$1] = pg[$1] " " $8; wt[$1] = wt[$1] " " $9; busy[$1] = busy[$1] " " $10 }
    END {
        ceiling = median(rps["pgbench GET statements"])
        for (i = 1; i <= k; i++) {
            name = order[i]; r = median(rps[name])
            ratio = (name ~ /^(A |B )?GET \/negotiations\/\{id\}$/ && ceiling > 0) ? sprintf("%.2f", r / ceiling) : ""
            printf "| %-28s | %9.0f | %8s | %8s | %6d | %11s | %s | %s | %s | %s | %s |\n", name, r, median(p50[name]),
                median(p99[name]), err[name], ratio, ld[name], median(svc[name]), pg[name] ~ /-/ ? "-" : median(pg[name]),
                median(wt[name]), median(busy[name])
        }
        # Scale: each read at the grown data set against itself before (target: within 1.5x).
        for (i = 1; i <= k; i++) {
            name = order[i]
            if (scale != "" && (name " " scale) in seen) {
                big = name " " scale
                printf "scale %s: p50 %.2fx, p99 %.2fx, req/s %.2fx (%s negotiations / %s)\n", name,
                    median(p50[big]) / median(p50[name]), median(p99[big]) / median(p99[name]),
                    median(rps[big]) / median(rps[name]), scale, base_n
            }
        }
    }' scale="${scale_label:-}" base_n="$negotiations" "$results"
# A/B: each round's A and B ran back to back, so their ratio is a paired comparison; on a shared
# machine a round's rate moves by more than the difference sought, and the median of the per-round
# ratios is the figure to quote (with the ratios, so their spread shows).
if [ "${#variants[@]}" -gt 1 ]; then
    awk -F'\t' '
        function median(list,   n, a, i, j, t) {
            n = split(list, a, " ")
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
            return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
        }
        $1 ~ /^[AB] / { v = substr($1, 1, 1); name = substr($1, 3)
            if (!(name in seen)) { seen[name] = 1; order[++k] = name }
            n = ++count[v, name]; rps[v, name, n] = $2; svc[v, name, n] = $7 }
        END {
            print "A ÷ B per round (paired), then the median:"
            for (i = 1; i <= k; i++) {
                name = order[i]; rates = ""; cpus = ""
                for (n = 1; n <= count["A", name] && n <= count["B", name]; n++) {
                    rates = rates sprintf(" %.2f", rps["A", name, n] / rps["B", name, n])
                    if (svc["B", name, n] > 0) cpus = cpus sprintf(" %.2f", svc["A", name, n] / svc["B", name, n])
                }
                printf "  %s: req/s%s -> %.2f; service CPU per request%s -> %.2f\n", name, rates, median(rates), cpus, median(cpus)
            }
        }' "$results"
fi
echo "RSS of the service after the runs:$rss"
