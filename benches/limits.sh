#!/usr/bin/env bash
# Resource limits: `rehash scan` on inputs that strain time and memory, with wall time, peak
# memory and the exit code of each, as a Markdown table.
#
#   bash benches/limits.sh            # builds the release binary first
#
# The cases: a 200 MB file; one 10 MB line; 100,000 tiny files; a JSON line of 100 MB; and a
# boilerplate storm, 10,000 articles all carrying the same 30-word line, beside the same
# 10,000 articles without it (calm), with the ratios of the two.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/rehash"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, os, random, sys
work = sys.argv[1]
rng = random.Random(7)
vocab = ["w%d" % i for i in range(20000)]
def sentence(n=14):
    return " ".join(rng.choice(vocab) for _ in range(n)) + "."
def paragraph(k=6):
    return " ".join(sentence() for _ in range(k))
os.makedirs(f"{work}/big", exist_ok=True)
with open(f"{work}/big/big.txt", "w") as f:
    block = "\n".join(paragraph() for _ in range(200)) + "\n"
    while f.tell() < 200_000_000:
        f.write(block)
os.makedirs(f"{work}/line", exist_ok=True)
with open(f"{work}/line/line.txt", "w") as f:
    while f.tell() < 10_000_000:
        f.write(paragraph() + " ")
os.makedirs(f"{work}/tiny", exist_ok=True)
for i in range(100_000):
    sub = f"{work}/tiny/{i // 1000:03d}"
    os.makedirs(sub, exist_ok=True)
    with open(f"{sub}/{i}.txt", "w") as f:
        f.write(f"Note {i}\n{sentence(8)}\n")
os.makedirs(f"{work}/json", exist_ok=True)
with open(f"{work}/json/huge.jsonl", "w") as f:
    text = []
    size = 0
    while size < 100_000_000:
        p = paragraph()
        text.append(p)
        size += len(p) + 1
    f.write(json.dumps({"id": "huge", "text": "\n".join(text)}) + "\n")
    f.write(json.dumps({"id": "small", "text": paragraph()}) + "\n")
storm = " ".join(rng.choice(vocab) for _ in range(30)) + "."
for case in ("storm", "calm"):
    os.makedirs(f"{work}/{case}", exist_ok=True)
for i in range(10_000):
    rng.seed(1000 + i)
    body = "\n".join(paragraph(3) for _ in range(4))
    sub = f"outlet{i % 4}"
    for case in ("storm", "calm"):
        os.makedirs(f"{work}/{case}/{sub}", exist_ok=True)
        line = storm + "\n" if case == "storm" else ""
        with open(f"{work}/{case}/{sub}/{i}.txt", "w") as f:
            f.write(f"Story {i}\n{body}\n{line}")
PY

printf '| input | size | seconds | peak MB | exit | passages |\n|---|---:|---:|---:|---:|---:|\n'
for case in big line tiny json storm calm; do
    size=$(du -sh "$work/$case" | cut -f1)
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" scan "$work/$case" \
        >"$work/out.json" 2>"$work/err" && code=0 || code=$?
    read -r seconds kb <"$work/time"
    passages=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['passages']))" \
        "$work/out.json" 2>/dev/null || echo -)
    printf '| %s | %s | %s | %d | %s | %s |\n' "$case" "$size" "$seconds" $((kb / 1024)) "$code" "$passages"
    echo "$seconds $kb" >"$work/$case.figures"
done
read -r storm_s storm_kb <"$work/storm.figures"
read -r calm_s calm_kb <"$work/calm.figures"
python3 -c "import sys; s, sk, c, ck = map(float, sys.argv[1:]); print(f'\nstorm / calm: time {s / max(c, 0.01):.2f}, peak memory {sk / max(ck, 1):.2f}')" \
    "$storm_s" "$storm_kb" "$calm_s" "$calm_kb"
