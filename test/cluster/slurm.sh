#!/usr/bin/env bash
# A private one-node Slurm cluster (Debian's slurm-wlm + munge, 2 CPUs), sourced by test/cluster/run.sh
# and bench/injections-slurm.sh. The caller sets WORK (a directory of its own, searchable by all: munged
# keeps its socket there). slurm_up installs the packages when missing (apt-get), starts munged,
# slurmctld and slurmd with their own config, socket, ports and state under WORK (nothing in /etc is
# changed), exports SLURM_CONF and waits (bounded) for the node to be idle; on a failure it returns 1
# with the reason in SLURM_ERR. stop_daemons stops the daemons it started, by pid; wait_jobs waits
# (bounded by JOB_TIMEOUT seconds, default 600) until the queue is empty.
STARTED=()
SLURM_ERR=""
# ports of this run's slurmctld and slurmd (a random pair, so a cluster left by a killed run does not block the next)
PORT_BASE="${CLUSTER_PORT_BASE:-$((20000 + 2 * (RANDOM % 10000)))}"
export SLURM_CONF="$WORK/slurm.conf"

stop_daemons() {
  local i pid
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    pid="${STARTED[$i]}"
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  done
  STARTED=()
}

# the pid in a pid file, once the daemon has written it (bounded wait)
started_pid() {
  for _ in $(seq 1 40); do
    if [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; then STARTED+=("$(cat "$1")"); return 0; fi
    sleep 0.5
  done
  return 1
}

# wait until the jobs of a workflow have left the queue (bounded), then print their states and times
wait_jobs() {
  local t0=$SECONDS
  while [ -n "$(timeout 10 squeue -h -o %i 2>/dev/null)" ]; do
    [ $((SECONDS - t0)) -ge "${JOB_TIMEOUT:-600}" ] && { echo "cluster: jobs still queued after ${JOB_TIMEOUT:-600} s: $(timeout 10 squeue 2>&1)"; return 1; }
    sleep 2
  done
  local id
  for id in $(echo "${2:-}" | grep -oE '"(arrayJob|mergeJob)":"[0-9]+"' | grep -oE '[0-9]+'); do
    timeout 10 scontrol -o show job "$id" 2>/dev/null | awk '{
      delete f; for (i = 1; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); f[k] = v }
      printf "  job %s%s %s %s, run time %s (start %s, end %s)\n", f["JobId"], (f["ArrayTaskId"] != "" ? " (array task " f["ArrayTaskId"] ")" : ""), f["JobName"], f["JobState"], f["RunTime"], f["StartTime"], f["EndTime"] }'
  done
  echo "cluster: $1: ${2:-} jobs done in $((SECONDS - t0)) s after submission"
}

slurm_up() {
  local up
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    echo "cluster: installing slurm-wlm and munge (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! { timeout 600 apt-get update -qq && timeout 900 apt-get install -y -qq --no-install-recommends slurm-wlm munge; } > "$WORK/apt.log" 2>&1; then
      SLURM_ERR="apt-get install slurm-wlm munge failed (see $WORK/apt.log)"
      return 1
    fi
  fi
  mkdir -p "$WORK/state" "$WORK/spool"
  timeout 30 mungekey --create --keyfile="$WORK/munge.key" > /dev/null 2>&1 || { SLURM_ERR="mungekey failed"; return 1; }
  timeout 30 munged --socket="$WORK/munge.sock" --pid-file="$WORK/munged.pid" --log-file="$WORK/munged.log" \
    --seed-file="$WORK/munged.seed" --key-file="$WORK/munge.key" && started_pid "$WORK/munged.pid" || { SLURM_ERR="munged did not start"; return 1; }
  cat > "$SLURM_CONF" <<EOF
ClusterName=mbankts
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$WORK/munge.sock
SlurmctldPort=$PORT_BASE
SlurmdPort=$((PORT_BASE + 1))
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=3600
KillWait=5
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  timeout 60 slurmctld -f "$SLURM_CONF" && started_pid "$WORK/slurmctld.pid" || { SLURM_ERR="slurmctld did not start (see $WORK/slurmctld.log)"; return 1; }
  timeout 60 slurmd -f "$SLURM_CONF" -N localhost && started_pid "$WORK/slurmd.pid" || { SLURM_ERR="slurmd did not start (see $WORK/slurmd.log)"; return 1; }
  up=0
  for _ in $(seq 1 60); do
    [ "$(timeout 10 sinfo -h -n localhost -o %T 2>/dev/null)" = "idle" ] && { up=1; break; }
    sleep 1
  done
  [ $up -eq 1 ] || { SLURM_ERR="node not idle after 60 s: $(timeout 10 sinfo 2>&1)"; return 1; }
}
