#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on 127.0.0.1 for the cluster tests, from an empty directory.
#
#   galera.sh start DIR          pick free ports, write a my.cnf per node, bootstrap n1, join n2 and n3
#   galera.sh kill DIR N         kill -9 node N (a crash)
#   galera.sh stop DIR [N]       SIGTERM node N (or every node) and wait for it to exit
#   galera.sh restart DIR N      start node N again; it rejoins the others (IST, or SST when needed)
#   galera.sh bootstrap DIR N    after a lost quorum: make node N the primary component again (the
#                                operator's recovery: pc.bootstrap on a running node, else --wsrep-new-cluster)
#   galera.sh status DIR         one line per node: port, pid, wsrep state, cluster size
#   galera.sh wipe DIR           stop every node and delete DIR
#
# DIR/cluster.env holds the ports (SQL_PORTS="p1 p2 p3"). Only the processes whose pid files lie in DIR,
# and whose command line names DIR, are ever signalled. The nodes run as user mysql when this script runs
# as root: the rsync state transfer (SST) refuses to run as root.
set -euo pipefail

GALERA_PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
# Failure detection: the defaults (suspect 5 s, inactive 15 s) pause every commit of the cluster for about
# 6 s when a node dies; these keep the pause near 3 s without evicting nodes of a busy machine.
EVS="evs.keepalive_period=PT0.5S;evs.inactive_check_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.install_timeout=PT4S"

usage() { sed -n '2,14p' "$0" >&2; exit 2; }
die() { echo "galera.sh: $*" >&2; exit 1; }

[ $# -ge 2 ] || usage
CMD=$1
DIR=$(mkdir -p "$2" && cd "$2" && pwd)
NODE=${3:-}
# The nodes' sockets lie in a short folder of their own, named after DIR: a Unix socket path may not be longer
# than 107 bytes, and DIR may be as deep as the clone.
SOCKDIR=${TMPDIR:-/tmp}/dceff-galera-$(printf '%s' "$DIR" | md5sum | cut -c1-12)

as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u mysql -- "$@"; else "$@"; fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && ! grep -qi ":$(printf '%04X' "$1") " /proc/net/tcp 2>/dev/null
}

pick_ports() {
  # below the ephemeral range, so that no outgoing connection takes a port between the pick and the bind
  local picked=() p low
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 12000 ] || low=32768
  while [ ${#picked[@]} -lt 12 ]; do
    p=$(( 10000 + RANDOM % (low - 10000) ))
    [[ " ${picked[*]} " == *" $p "* ]] && continue
    port_free "$p" && picked+=("$p")
  done
  {
    echo "SQL_PORTS=\"${picked[0]} ${picked[1]} ${picked[2]}\""
    echo "GCOMM_PORTS=\"${picked[3]} ${picked[4]} ${picked[5]}\""
    echo "IST_PORTS=\"${picked[6]} ${picked[7]} ${picked[8]}\""
    echo "SST_PORTS=\"${picked[9]} ${picked[10]} ${picked[11]}\""
  } >"$DIR/cluster.env"
}

load_ports() {
  [ -f "$DIR/cluster.env" ] || die "no cluster in $DIR (run start first)"
  # shellcheck disable=SC1091
  . "$DIR/cluster.env"
  read -r -a SQL <<<"$SQL_PORTS"; read -r -a GCOMM <<<"$GCOMM_PORTS"
  read -r -a IST <<<"$IST_PORTS"; read -r -a SST <<<"$SST_PORTS"
}

write_config() {
  local n=$1 i=$(( $1 - 1 )) d="$DIR/n$1"
  mkdir -p "$d/data"
  cat >"$d/my.cnf" <<EOF
[mariadbd]
datadir=$d/data
socket=$SOCKDIR/n$n.sock
pid-file=$d/mariadbd.pid
log-error=$d/error.log
port=${SQL[$i]}
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
innodb_buffer_pool_size=64M
innodb_log_file_size=64M
innodb_flush_log_at_trx_commit=2
default_storage_engine=InnoDB
binlog_format=ROW
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$GALERA_PROVIDER
wsrep_cluster_name=dceff-test
wsrep_cluster_address=gcomm://127.0.0.1:${GCOMM[0]},127.0.0.1:${GCOMM[1]},127.0.0.1:${GCOMM[2]}
wsrep_node_name=n$n
wsrep_node_address=127.0.0.1:${GCOMM[$i]}
wsrep_node_incoming_address=127.0.0.1:${SQL[$i]}
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${SST[$i]}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${GCOMM[$i]};ist.recv_addr=127.0.0.1:${IST[$i]};gcache.size=128M;$EVS"
wsrep_mode=REQUIRED_PRIMARY_KEY
wsrep_slave_threads=2

[client]
socket=$SOCKDIR/n$n.sock
user=root
EOF
}

sql() { # sql N STATEMENT: as root over the node's socket
  mariadb --defaults-file="$DIR/n$1/my.cnf" -N -B -e "$2"
}

pid_of() { # the pid of node N when it is running and is ours, else nothing
  local f="$DIR/n$1/mariadbd.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f" 2>/dev/null || true)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$DIR/n$1/my.cnf" \
    && echo "$pid"
  return 0
}

launch() { # launch N [--wsrep-new-cluster]
  local n=$1; shift
  [ -z "$(pid_of "$n")" ] || die "node $n is already running"
  rm -f "$DIR/n$n/mariadbd.pid"
  { wc -l <"$DIR/n$n/error.log" >"$DIR/n$n/log-start"; } 2>/dev/null || echo 0 >"$DIR/n$n/log-start"
  as_db_user nohup mariadbd --defaults-file="$DIR/n$n/my.cnf" "$@" >>"$DIR/n$n/stdout.log" 2>&1 </dev/null &
  # mariadbd writes its pid file itself once it has started
}

await_synced() { # await_synced N SECONDS
  local n=$1 deadline=$(( SECONDS + $2 )) state
  while [ $SECONDS -lt $deadline ]; do
    state=$(sql "$n" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT'" 2>/dev/null || true)
    [ "$state" = "Synced" ] && return 0
    # a node that could not start (a port taken, say) has said so in its log since this launch
    tail -n +"$(( $(cat "$DIR/n$n/log-start" 2>/dev/null || echo 0) + 1 ))" "$DIR/n$n/error.log" 2>/dev/null \
      | grep -q "\[ERROR\] Aborting" && { tail -n 20 "$DIR/n$n/error.log" >&2; die "node $n aborted"; }
    sleep 0.3
  done
  tail -n 40 "$DIR/n$n/error.log" >&2 || true
  die "node $n not synced within $2 s (see $DIR/n$n/error.log)"
}

await_exit() { # await_exit PID SECONDS: true when it exited
  local deadline=$(( SECONDS + $2 ))
  while [ -d "/proc/$1" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  [ ! -d "/proc/$1" ]
}

start() {
  [ ! -f "$DIR/cluster.env" ] || die "$DIR already holds a cluster"
  command -v mariadbd >/dev/null && [ -f "$GALERA_PROVIDER" ] || die "mariadb-server and galera-4 are not installed"
  pick_ports
  load_ports
  for n in 1 2 3; do write_config "$n"; done
  mkdir -p "$SOCKDIR"
  [ "$(id -u)" -ne 0 ] || chown -R mysql:mysql "$DIR" "$SOCKDIR"
  as_db_user mariadb-install-db --no-defaults --datadir="$DIR/n1/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/n1/install.log" 2>&1 || { cat "$DIR/n1/install.log" >&2; die "install-db failed"; }
  launch 1 --wsrep-new-cluster
  await_synced 1 120
  sql 1 "CREATE DATABASE dceff CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
         CREATE USER dceff@'127.0.0.1' IDENTIFIED BY 'dceff';
         GRANT ALL ON dceff.* TO dceff@'127.0.0.1';"
  # Seed n2 and n3 with n1's stopped data directory (same cluster state, so they join without a state
  # transfer: an rsync SST of each takes 20-40 s on a busy machine), then start n1 again as the first node.
  signal_node 1 TERM >/dev/null
  for n in 2 3; do
    rm -rf "$DIR/n$n/data"
    cp -a "$DIR/n1/data" "$DIR/n$n/data"
    rm -f "$DIR/n$n/data/gvwstate.dat"
  done
  launch 1 --wsrep-new-cluster
  await_synced 1 120
  launch 2; launch 3
  await_synced 2 180; await_synced 3 180
  echo "galera: 3 nodes synced on SQL ports $SQL_PORTS ($DIR)"
}

signal_node() { # signal_node N SIGNAL
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] || { echo "galera: node $1 is not running"; return 0; }
  kill "-$2" "$pid"
  if [ "$2" = KILL ]; then await_exit "$pid" 10 || die "node $1 survived kill -9"; fi
  if [ "$2" = TERM ] && ! await_exit "$pid" 60; then
    kill -KILL "$pid"; await_exit "$pid" 10 || true
  fi
  echo "galera: node $1 ($pid) got SIG$2"
}

bootstrap() {
  local n=$1
  if [ -n "$(pid_of "$n")" ]; then
    sql "$n" "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"
  else
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$DIR/n$n/data/grastate.dat"
    launch "$n" --wsrep-new-cluster
  fi
  await_synced "$n" 120
  echo "galera: node $n is the primary component again"
}

status() {
  for n in 1 2 3; do
    local pid state size
    pid=$(pid_of "$n")
    state=$( [ -n "$pid" ] && sql "$n" "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME SEPARATOR ' ') FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('WSREP_CLUSTER_STATUS','WSREP_CLUSTER_SIZE','WSREP_LOCAL_STATE_COMMENT')" 2>/dev/null || echo down)
    echo "n$n port=${SQL[$((n-1))]} pid=${pid:--} $state"
  done
}

node_arg() { [[ "$NODE" =~ ^[123]$ ]] || die "name a node: 1, 2 or 3"; }

case "$CMD" in
  start)
    # another process may take a picked port before the node binds it: then start again on new ports
    if ! (start); then
      echo "galera: start failed; once more on other ports" >&2
      for n in 1 2 3; do pid=$(pid_of "$n"); [ -z "$pid" ] || { kill -KILL "$pid"; await_exit "$pid" 10 || true; }; done
      find "$DIR" -mindepth 1 -delete
      start
    fi ;;
  kill) load_ports; node_arg; signal_node "$NODE" KILL ;;
  stop)
    load_ports
    if [ -n "$NODE" ]; then node_arg; signal_node "$NODE" TERM; else for n in 3 2 1; do signal_node "$n" TERM; done; fi ;;
  restart) load_ports; node_arg; launch "$NODE"; await_synced "$NODE" 180; echo "galera: node $NODE rejoined" ;;
  bootstrap) load_ports; node_arg; bootstrap "$NODE" ;;
  status) load_ports; status ;;
  wipe)
    if [ -f "$DIR/cluster.env" ]; then
      for n in 1 2 3; do pid=$(pid_of "$n"); [ -z "$pid" ] || { kill -KILL "$pid"; await_exit "$pid" 10 || true; }; done
    fi
    rm -rf "$DIR" "$SOCKDIR"; echo "galera: wiped $DIR" ;;
  *) usage ;;
esac
