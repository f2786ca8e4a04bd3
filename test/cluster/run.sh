#!/usr/bin/env bash
# npm run test:cluster: `mbank-ts workflow` on a real one-node Slurm cluster (Debian's slurm-wlm + munge).
# Installs them when missing, starts a private munged, slurmctld and slurmd (own config, socket, ports and
# state under a temporary directory; nothing in /etc is changed), runs a 3-shard `injections` and a 2-shard
# `dataset` workflow through sbatch, checks the merged outputs equal the unsharded runs, makes one shard
# fail and checks that the merge is not run and that `workflow --submit` again resubmits only that shard,
# and stops the daemons it started (by pid).
# Every wait is bounded. Ends with `cluster: N passed, N failed` and writes the counts to
# $CLUSTER_REPORT (default .cluster-report.json), which .ci/run adds to its own. The temporary directory
# is removed after a full pass (kept on a failure, or with CLUSTER_KEEP=1).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
REPORT="${CLUSTER_REPORT:-$ROOT/.cluster-report.json}"
TESTS=("slurm cluster up" "3-shard injections workflow == unsharded run" "2-shard dataset workflow == unsharded run" "a failed shard stops the merge; resubmission reruns only it" "nothing resubmitted when finished")
PASSED=0
WORK="$(mktemp -d /tmp/mbank-cluster-XXXXXX)"
chmod 755 "$WORK" # munged wants its socket directory searchable by all
MBANK=("$ROOT/bin/mbank-ts")
TOOLS=("$ROOT/node_modules/.bin/tsx" "$ROOT/test/cluster/tools.ts")
JOB_TIMEOUT="${CLUSTER_JOB_TIMEOUT:-600}"
# shellcheck source=test/cluster/slurm.sh
source "$ROOT/test/cluster/slurm.sh"

log() { echo "cluster: $*"; }
pass() { log "PASS $1"; PASSED=$((PASSED + 1)); }
fail() { log "FAIL $1${2:+: $2}"; }

finish() {
  stop_daemons
  local failed=$((${#TESTS[@]} - PASSED))
  printf '{"passed": %d, "failed": %d}\n' "$PASSED" "$failed" > "$REPORT"
  if [ "$failed" -eq 0 ] && [ -z "${CLUSTER_KEEP:-}" ]; then rm -rf "$WORK"; else log "work directory kept: $WORK (slurmctld.log, slurmd.log, run/wf_*/logs)"; fi
  log "$PASSED passed, $failed failed"
  [ "$failed" -eq 0 ]
}
trap 'finish; exit $?' EXIT
trap 'exit 130' INT TERM

# ---- 1. install and start a private one-node cluster
slurm_up || { fail "${TESTS[0]}" "$SLURM_ERR"; exit 1; }
pass "${TESTS[0]} (slurm $(slurmctld -V | cut -d' ' -f2), munge, 1 node, 2 CPUs)"

# ---- 2. a 3-shard injections workflow against the unsharded run
RUN="$WORK/run"; mkdir -p "$RUN"; cd "$RUN" || exit 1
timeout 300 "${TOOLS[@]}" injections injs.h5 9
cp "$ROOT/test/cluster/bank.txt" bank.txt # a copy: files the run writes next to the bank stay out of the checkout
INJ=(injections --bank bank.txt --inj-file injs.h5 --min-candidates 10)
t0=$SECONDS
timeout 600 "${MBANK[@]}" "${INJ[@]}" --workers 1 --out unsharded_stat.json > unsharded_inj.log 2>&1 || cat unsharded_inj.log
log "unsharded injections: $((SECONDS - t0)) s (9 injections, 45 templates)"
INJ+=(--out injections_stat.json)
if timeout 300 "${MBANK[@]}" workflow --scheduler slurm --n-jobs 3 --workdir wf_inj --submit -- "${INJ[@]}" > submit_inj.json 2> submit_inj.log \
  && wait_jobs injections "$(cat submit_inj.json)" && out=$(timeout 300 "${TOOLS[@]}" same-stat injections_stat.json unsharded_stat.json); then
  pass "${TESTS[1]}: $out"
else
  fail "${TESTS[1]}" "$(cat submit_inj.log wf_inj/logs/*.err 2>/dev/null | tail -5) ${out:-}"
fi

# ---- 3. a 2-shard dataset workflow against the unsharded run
DS=(dataset --variable-format Mq_nonspinning --psd aLIGOZeroDetHighPower --approximant TaylorF2 --f-min 20 --f-max 512 --df 0.5
  --mtot-range 20 40 --q-range 1 3 --n-points 10 --chunk-size 4 --seed 3)
t0=$SECONDS
timeout 600 "${MBANK[@]}" "${DS[@]}" --workers 1 --dataset unsharded_dataset.h5 > unsharded_ds.log 2>&1 || cat unsharded_ds.log
log "unsharded dataset: $((SECONDS - t0)) s (10 rows)"
DS+=(--dataset dataset.h5)
out=""
if timeout 300 "${MBANK[@]}" workflow --scheduler slurm --n-jobs 2 --workdir wf_ds --submit -- "${DS[@]}" > submit_ds.json 2> submit_ds.log \
  && wait_jobs dataset "$(cat submit_ds.json)" && out=$(timeout 300 "${TOOLS[@]}" same-dataset dataset.h5 unsharded_dataset.h5); then
  pass "${TESTS[2]}: $out"
else
  fail "${TESTS[2]}" "$(cat submit_ds.log wf_ds/logs/*.err 2>/dev/null | tail -5) ${out:-}"
fi

# ---- 4. a failing shard: its array task fails, the merge is never run (afterok), and `workflow --submit`
# again resubmits only that shard and the merge; the result equals the unsharded run
mkdir -p wf_fail/shards/stat_2.json # a directory where shard 2 writes its stat file: that job fails
out=""
state() { timeout 10 scontrol -o show job "$1" 2>/dev/null | grep -E "${2:-}" | grep -oE 'JobState=[A-Z_]+' | head -1; }
if timeout 300 "${MBANK[@]}" workflow --scheduler slurm --n-jobs 3 --workdir wf_fail --submit -- "${INJ[@]}" > fail1.json 2> fail1.log \
  && wait_jobs injections "$(cat fail1.json)" \
  && arr=$(grep -oE '"arrayJob":"[0-9]+"' fail1.json | grep -oE '[0-9]+') && mrg=$(grep -oE '"mergeJob":"[0-9]+"' fail1.json | grep -oE '[0-9]+') \
  && [ "$(state "$arr" 'ArrayTaskId=2 ')" = "JobState=FAILED" ] && [ "$(state "$mrg")" = "JobState=CANCELLED" ] \
  && log "shard 2 $(state "$arr" 'ArrayTaskId=2 '), merge $(state "$mrg") ($(tail -1 wf_fail/logs/shard_2.err))" \
  && rm -rf wf_fail/shards/stat_2.json \
  && timeout 300 "${MBANK[@]}" workflow --scheduler slurm --n-jobs 3 --workdir wf_fail --submit -- "${INJ[@]}" > resubmit.json 2> resubmit.log \
  && grep -q '"shards":\[2\]' resubmit.json && wait_jobs injections "$(cat resubmit.json)" \
  && out=$(timeout 300 "${TOOLS[@]}" same-stat injections_stat.json unsharded_stat.json); then
  pass "${TESTS[3]}: $(cat resubmit.json); $out"
else
  fail "${TESTS[3]}" "$(cat fail1.json fail1.log resubmit.json resubmit.log 2>/dev/null | tail -4) ${out:-}"
fi

# ---- 5. everything finished and merged: nothing is submitted
if timeout 300 "${MBANK[@]}" workflow --scheduler slurm --n-jobs 3 --workdir wf_fail --submit -- "${INJ[@]}" > again.json 2> again.log \
  && grep -q 'nothing to submit' again.log && [ ! -s again.json ]; then
  pass "${TESTS[4]}"
else
  fail "${TESTS[4]}" "$(cat again.json again.log | tail -3)"
fi
