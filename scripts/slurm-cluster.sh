#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the Slurm executor's tests and for trying
# `report --executor slurm` without a real cluster. Needs root and Debian's slurm-wlm and munge.
#
#   scripts/slurm-cluster.sh start    start munged, slurmctld and slurmd; print the SLURM_CONF to export
#   scripts/slurm-cluster.sh stop     stop exactly the daemons this script started
#   scripts/slurm-cluster.sh status   say whether it runs; exit 0 if it does
#   scripts/slurm-cluster.sh env      print `export SLURM_CONF=...`
#
# Everything lives under $RLNOTES_SLURM_STATE (default /var/spool/rlnotes-slurm): its own
# configuration, munge key and socket, state, spool, logs and pid files. The machine's own
# /etc/slurm and /etc/munge are neither read nor changed.
set -euo pipefail
state=${RLNOTES_SLURM_STATE:-/var/spool/rlnotes-slurm}
conf="$state/slurm.conf"
host=$(hostname -s)

die() { echo "slurm-cluster: $*" >&2; exit 1; }

running() {
  local name
  for name in munged slurmctld slurmd; do
    [[ -f "$state/$name.pid" ]] && kill -0 "$(cat "$state/$name.pid")" 2>/dev/null || return 1
  done
}

write_config() {
  mkdir -p "$state/ctld" "$state/d" "$state/log" "$state/munge" "$state/munge-socket"
  chown munge:munge "$state/munge" "$state/munge-socket"
  # The key stays private; munged wants its socket's folder open to every user.
  chmod 0700 "$state/munge"
  chmod 0755 "$state" "$state/munge-socket"
  if [[ ! -f "$state/munge/munge.key" ]]; then
    dd if=/dev/urandom of="$state/munge/munge.key" bs=1 count=1024 status=none
    chown munge:munge "$state/munge/munge.key"
    chmod 0400 "$state/munge/munge.key"
  fi
  cat > "$conf" <<CONF
ClusterName=rlnotes
SlurmctldHost=$host
AuthType=auth/munge
AuthInfo=socket=$state/munge-socket/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MaxArraySize=10001
MaxJobCount=20000
MinJobAge=600
SchedulerParameters=sched_interval=2
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
  [[ $(id -u) -eq 0 ]] || die "needs root (the daemons run as root and munge)"
  command -v slurmctld >/dev/null && command -v munged >/dev/null || die "install Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)"
  if running; then echo "export SLURM_CONF=$conf"; return; fi
  stop quietly
  write_config
  # The daemons get no terminal and none of the caller's pipes: a caller reading this script's
  # output to its end must not wait for them.
  runuser -u munge -- /usr/sbin/munged --key-file="$state/munge/munge.key" --socket="$state/munge-socket/munge.socket" \
    --pid-file="$state/munge/munged.pid" --log-file="$state/munge/munged.log" --seed-file="$state/munge/munged.seed" \
    </dev/null >>"$state/log/daemons.out" 2>&1
  cp "$state/munge/munged.pid" "$state/munged.pid"
  SLURM_CONF=$conf /usr/sbin/slurmctld -f "$conf" </dev/null >>"$state/log/daemons.out" 2>&1
  SLURM_CONF=$conf /usr/sbin/slurmd -f "$conf" </dev/null >>"$state/log/daemons.out" 2>&1
  for _ in $(seq 1 60); do
    if SLURM_CONF=$conf sinfo --noheader --format=%T 2>/dev/null | grep -qx "idle"; then
      echo "export SLURM_CONF=$conf"
      return
    fi
    sleep 0.5
  done
  tail -n 20 "$state/log/slurmctld.log" "$state/log/slurmd.log" >&2 || true
  die "the node did not become idle within 30 s (logs above)"
}

stop() {
  local name pid
  for name in slurmd slurmctld munged; do
    if [[ -f "$state/$name.pid" ]]; then
      pid=$(cat "$state/$name.pid")
      # Only a process this script started: its pid file is ours and its command is the daemon.
      if kill -0 "$pid" 2>/dev/null && grep -q "$name" "/proc/$pid/comm" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        # A daemon started by a process that ignores SIGTERM inherits that: then SIGKILL.
        if kill -0 "$pid" 2>/dev/null; then
          kill -KILL "$pid"
          for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        fi
      fi
      rm -f "$state/$name.pid"
    fi
  done
  [[ ${1:-} == quietly ]] || echo "slurm-cluster: stopped"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "slurm-cluster: running (SLURM_CONF=$conf)"; else echo "slurm-cluster: not running"; exit 1; fi ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
