#!/usr/bin/env bash
# Prints the service's one-statement negotiation load (NegotiationLoadSql.LOAD, its only home) with its
# :id parameter replaced by the SQL given as $1, for pgbench (bench/run.sh) and EXPLAIN (bench/plans.sql,
# docs/query-plans.sql).
#   bench/load-sql.sh "md5('n' || :i)::uuid"
set -euo pipefail
cd "$(dirname "$0")/.."
sql=$(awk '/static final String LOAD = """/ { on = 1; next } on && /""";/ { exit } on { sub(/^\t+/, ""); print }' \
    src/main/java/com/amiqo/kairos/negotiation/sql/NegotiationLoadSql.java)
if ! grep -q ':id$' <<<"$sql"; then
    echo "bench/load-sql.sh: NegotiationLoadSql.LOAD (ending in 'WHERE n.id = :id') not found; update the extraction" >&2
    exit 1
fi
printf '%s\n' "${sql//:id/$1}"
