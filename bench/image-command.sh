#!/usr/bin/env bash
# Prints, one argument per line, the command the container image runs (pom.xml:
# kairos.image.entrypoint, with java from kairos.image.java.home), to be run from the image's
# files (target/image). Used by bench/startup.sh and bench/run.sh so both measure what deploys.
# Environment: BENCH_NO_AOT=1 drops the JDK AOT cache, BENCH_NO_SPRING_AOT=1 Spring AOT's
# generated bean definitions; BENCH_JAVA_OPTS adds JVM options before -jar.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=$(sed -n 's:.*<kairos.image.java.home>\([^$]*\)</kairos.image.java.home>.*:\1:p' pom.xml | head -1)
IFS=, read -r -a entrypoint <<<"$(sed -n 's:.*<kairos.image.entrypoint>\([^$]*\)</kairos.image.entrypoint>.*:\1:p' pom.xml | head -1)"
entrypoint[0]="$java_home/bin/java"
for a in "${entrypoint[@]}"; do
    [[ -n "${BENCH_NO_AOT:-}" && $a == -XX:AOTCache=* ]] && continue
    [[ -n "${BENCH_NO_SPRING_AOT:-}" && $a == -Dspring.aot.enabled=* ]] && continue
    if [[ $a == -jar ]]; then for o in ${BENCH_JAVA_OPTS:-}; do printf '%s\n' "$o"; done; fi
    printf '%s\n' "$a"
done
