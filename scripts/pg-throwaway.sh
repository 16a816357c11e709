#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the hub's tests and benches.
#   scripts/pg-throwaway.sh start DIR [PORT]   initdb + start; prints the DATABASE_URL on stdout
#   scripts/pg-throwaway.sh stop DIR           stop and delete the cluster
# Uses Debian's binaries (/usr/lib/postgresql/<version>/bin, the `postgresql` package).
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
# Trust authentication is safe only because it listens on loopback and lives for one run.
set -euo pipefail
action="${1:?start|stop}"
dir="${2:?cluster directory}"
port="${3:-54329}"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_wal_size=2GB" start >&2 \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
