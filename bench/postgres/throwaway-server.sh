#!/usr/bin/env bash
# Sourced by the PostgreSQL benchmarks: starts a throwaway PostgreSQL 15 server from Debian's binaries in a temporary
# folder on a free loopback port (as the `postgres` user when run as root, as the tests do), and stops it on exit.
# Settings are the package defaults except: loopback only, max_connections 200 (two API nodes' pools), and
# max_wal_size 4GB so a 1M-row bulk load is not interrupted by forced checkpoints. fsync stays ON (unlike the tests):
# these are the durability settings a real install runs with.
# After sourcing: $pg_conn (an Npgsql connection string to database "leadwise") and pg_stop.

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "Installing postgresql (Debian) ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

pg_dir="$(mktemp -d /tmp/leadwise-bench-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
fi

"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$pg_dir/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=200 -c max_wal_size=4GB" start > /dev/null

pg_stop() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null 2>&1 || true
    rm -rf "$pg_dir"
}

pg_create_database() {
    "${as_pg[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE \"$1\" TEMPLATE template0" postgres
}

pg_conn_of() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1"; }
pg_version="$("$pg_bin/postgres" --version)"
