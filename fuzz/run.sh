#!/usr/bin/env bash
# Runs every fuzz target (libFuzzer, through cargo-fuzz on the nightly toolchain) for a set
# time each, one after the other, and prints what each did. Not part of the default tests.
#
#   bash fuzz/run.sh            # 60 seconds per target
#   bash fuzz/run.sh 600 text   # ten minutes of the tokenizer target alone
#
# A crash stops its target and leaves the input under fuzz/artifacts/<target>/; turn it into a
# regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(loader text align scan config passim)
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz and a nightly toolchain are needed: cargo install cargo-fuzz" >&2
    exit 2
fi
printf '| target | seconds | runs | corpus | result |\n|---|---:|---:|---:|---|\n' > report.md
for target in "${targets[@]}"; do
    log="$(mktemp)"
    if cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=20 >"$log" 2>&1; then
        result="no crash"
    else
        result="CRASH: see fuzz/artifacts/$target/"
    fi
    runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' || true)
    if [ -z "$runs" ]; then
        runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    fi
    corpus=$( (find "corpus/$target" -type f 2>/dev/null || true) | wc -l)
    printf '| %s | %s | %s | %s | %s |\n' "$target" "$seconds" "${runs:-0}" "$corpus" "$result" \
        | tee -a report.md
    rm -f "$log"
done
echo
cat report.md
