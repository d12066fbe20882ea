#!/usr/bin/env bash
# Scan benchmark: time and peak memory of `rehash scan` on generated corpora of 1,000 and
# 10,000 articles (about 800 words each, a third recycling paragraphs with edits), beside
# Dick Grune's sim_text on the same files. Prints a Markdown table.
#   bash benches/scan.sh            # 1,000 and 10,000 articles, best of 5 runs
#   bash benches/scan.sh 500 2000   # other sizes
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$1" >/dev/null; }
  else
    echo "benches/scan.sh: please install the Debian package $1" >&2
    exit 1
  fi
}
command -v sim_text >/dev/null 2>&1 || install similarity-tester
[ -x /usr/bin/time ] || install time

cargo build --release --quiet
rehash=target/release/rehash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# best_of N CMD...: prints "seconds peak_kB" of the fastest of N runs (wall time to the
# millisecond; /usr/bin/time, which gives the peak memory, rounds it to 10 ms).
best_of() {
  local runs=$1 best="" line start end
  shift
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time" "$@" >"$work/out" 2>/dev/null
    end=$(date +%s%N)
    line="$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }') $(tail -1 "$work/time")"
    if [ -z "$best" ] || awk -v a="${line% *}" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then
      best=$line
    fi
  done
  echo "$best"
}

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
echo "| articles | corpus MiB | rehash s | rehash peak MiB | peak / corpus | passages found | sim_text s | sim_text peak MiB | rehash / sim_text time |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  "$rehash" generate "$corpus" --articles "$n" >/dev/null
  # The corpus is the bytes of its articles (not their size on disk, which rounds each file up
  # to a block).
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  read -r rs rk < <(best_of 5 "$rehash" scan "$corpus")
  passages=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["passages"]))' "$work/out")
  read -r ss sk < <(best_of 5 sim_text -n -s -R -T -r 10 "$corpus")
  ratio=$(awk -v a="$rs" -v b="$ss" 'BEGIN { printf "%.2f", a / b }')
  times=$(awk -v k="$rk" -v b="$bytes" 'BEGIN { printf "%.1f", k * 1024 / b }')
  echo "| $n | $mb | $rs | $((rk / 1024)) | $times | $passages | $ss | $((sk / 1024)) | $ratio |"
done
