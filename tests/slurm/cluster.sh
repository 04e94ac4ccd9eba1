#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the end-to-end test of `huescope batch --slurm`
# (docs/corpus.md). Debian's slurmctld, slurmd and munge packages; everything but the munge key
# lives in STATE_DIR, and SLURM_CONF points the clients at it.
#   cluster.sh start STATE_DIR   starts its own munged, slurmctld and slurmd (stopping any it left
#                                running before), waits until the node is idle, prints SLURM_CONF
#   cluster.sh stop STATE_DIR    stops the daemons it started
set -euo pipefail
action=${1:?usage: cluster.sh start|stop STATE_DIR}
dir=$(realpath -m "${2:?usage: cluster.sh start|stop STATE_DIR}")
conf="$dir/slurm.conf"

stop() {
  for daemon in slurmd slurmctld munged; do
    if [[ -f "$dir/$daemon.pid" ]]; then
      pid=$(cat "$dir/$daemon.pid")
      kill "$pid" 2>/dev/null || true
      # Gone before the next cluster (another build's tests) takes the same ports.
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/$daemon.pid"
    fi
  done
}

if [[ $(id -u) != 0 ]]; then  # the daemons run as root; jobs run as the submitting user
  exec sudo bash "$0" "$@"
fi
if [[ $action == stop ]]; then
  stop
  exit 0
fi
stop  # daemons a crashed earlier run left behind
rm -rf "$dir/state" "$dir/spool"

for tool in slurmctld slurmd munged sinfo sbatch; do
  command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)

# Munge: its own key and socket in STATE_DIR, so a system munged (if any) is left alone.
key="$dir/munge/munge.key"
if [[ ! -f $key ]]; then
  dd if=/dev/urandom of="$key" bs=1024 count=1 status=none
fi
chown -R munge:munge "$dir/munge"
chmod 711 "$dir/munge"  # the socket must be reachable by every user
chmod 400 "$key"
socket="$dir/munge/munge.socket"
runuser -u munge -- munged --key-file="$key" --socket="$socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
  --seed-file="$dir/munge/munged.seed"
cp "$dir/munge/munged.pid" "$dir/munged.pid"

cat > "$conf" <<CONF
ClusterName=huescope-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=huescope Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

export SLURM_CONF="$conf"
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 1 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -qx idle; then
    echo "$conf"
    exit 0
  fi
  sleep 1
done
echo "cluster.sh: the node did not become idle; logs in $dir/log" >&2
sinfo >&2 || true
stop
exit 1
