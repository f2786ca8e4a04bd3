#!/usr/bin/env bash
# Injections per second through Slurm: `mbank-ts injections` against a bank, unsharded (one process,
# --workers 2) and as a 2-shard `workflow --scheduler slurm` (a job array of 2 one-CPU shards and the
# merge job) on the private one-node cluster of test/cluster/slurm.sh (2 CPUs; apt-get installs
# slurm-wlm and munge when missing). Every mbank-ts process runs under /usr/bin/time, so the rates come
# from CPU time (user + system, over every thread; a shared machine reads as an idle one) spread over the
# 2 cores, beside the wall time from submission to the merged stat file; the merged FFs must equal the
# unsharded ones. Not run by `npm run bench` (it starts daemons):
#   bash bench/injections-slurm.sh [BANK.h5] [N]
# BANK defaults to the 1e5-template bank of bench/injections-scale.bench.ts ($MBANK_BENCH_DIR, default
# /tmp/mbank-ts-bench; `npm run bench -- injections-scale` writes it), N (injections) to 200: uniform in
# that bank's box (M 25-50, q 1-4, s1z, s2z in [-0.9, 0.9]). The work directory is removed at the end
# (kept with CLUSTER_KEEP=1).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BANK="$(realpath "${1:-${MBANK_BENCH_DIR:-/tmp/mbank-ts-bench}/uniform-1e5.h5}")"
N="${2:-200}"
[ -f "$BANK" ] || { echo "injections-slurm: $BANK missing: run npm run bench -- injections-scale first (or pass a bank)"; exit 1; }
WORK="$(mktemp -d /tmp/mbank-slurm-bench-XXXXXX)"
chmod 755 "$WORK" # munged wants its socket directory searchable by all
# shellcheck source=test/cluster/slurm.sh
source "$ROOT/test/cluster/slurm.sh"
trap 'stop_daemons; [ -z "${CLUSTER_KEEP:-}" ] && rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
TIME=(/usr/bin/time -f 'TIME %U %S %M %e')
MBANK=(node "$ROOT/bin/mbank-ts")

slurm_up || { echo "injections-slurm: cluster not up: $SLURM_ERR"; exit 1; }
cd "$WORK" || exit 1
"${MBANK[@]}" injfile --source uniform --uniform-in coordinates --variable-format Mq_s1z_s2z --mtot-range 25 50 --q-range 1 4 \
  --s1-range -0.9 0.9 --s2-range -0.9 0.9 --n-injs "$N" --seed 5 --inj-file injs.h5 > injfile.log 2>&1 || { cat injfile.log; exit 1; }
INJ=(injections --bank "$BANK" --inj-file injs.h5)

# CPU seconds, peak RSS [GiB] and wall seconds summed / maximised over the TIME lines of the given files
times() { awk '/^TIME / { cpu += $2 + $3; if ($4 > rss) rss = $4; wall += $5 } END { printf "%.1f %.2f %.1f", cpu, rss / 2^20, wall }' "$@"; }

"${TIME[@]}" "${MBANK[@]}" "${INJ[@]}" --workers 2 --out unsharded.json > unsharded.log 2>&1 || { tail -5 unsharded.log; exit 1; }
read -r cpu rss wall <<< "$(times unsharded.log)"
echo "unsharded (--workers 2): $N injections, $cpu s CPU -> $(awk -v n="$N" -v c="$cpu" 'BEGIN { printf "%.2f", n / (c / 2) }') injections/s on 2 idle cores (wall $wall s on this machine), peak RSS $rss GiB"

t0=$SECONDS
"${MBANK[@]}" workflow --scheduler slurm --n-jobs 2 --cpus-per-task 1 --workdir wf --exe "/usr/bin/time -f TIME:%U:%S:%M:%e node $ROOT/bin/mbank-ts" \
  --submit -- "${INJ[@]}" --out sharded.json > submit.json 2> submit.log || { cat submit.log; exit 1; }
JOB_TIMEOUT=3600 wait_jobs injections "$(cat submit.json)" || exit 1
wall=$((SECONDS - t0))
sed -i 's/^TIME:\([^:]*\):\([^:]*\):\([^:]*\):/TIME \1 \2 \3 /' wf/logs/*.err
read -r scpu srss _ <<< "$(times wf/logs/shard_*.err)"
read -r mcpu _ _ <<< "$(times wf/logs/merge.err)"
echo "2 Slurm shards (1 CPU each) + merge: $N injections, $scpu s CPU in the shards + $mcpu s in the merge -> $(awk -v n="$N" -v c="$scpu" -v m="$mcpu" 'BEGIN { printf "%.2f", n / ((c + m) / 2) }') injections/s on 2 idle cores (wall $wall s from submission to the merged file on this machine), peak RSS per shard $srss GiB"
"$ROOT/node_modules/.bin/tsx" "$ROOT/test/cluster/tools.ts" same-stat sharded.json unsharded.json
