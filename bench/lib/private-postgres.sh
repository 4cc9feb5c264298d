# Sourced by the bench scripts: start_private_postgres NAME starts a throwaway PostgreSQL from the newest installed
# binaries (/usr/lib/postgresql/<version>/bin; Debian: apt-get install -y postgresql) as user postgres, in a new
# /tmp/storywire-NAME-pg-* directory on a free loopback port, with PostgreSQL's default settings (fsync and
# synchronous_commit on: a committed row is a durable row). It sets pg_port, and stops the server and removes the
# directory when the calling script exits.
start_private_postgres() {
  local pgbin pgdir
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  pgdir="$(mktemp -d "/tmp/storywire-$1-pg-XXXXXX")"
  chown postgres "$pgdir"
  pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  su postgres -c "'$pgbin/initdb' -D '$pgdir/data' -A trust -U postgres" >/dev/null
  su postgres -c "'$pgbin/pg_ctl' -D '$pgdir/data' -o '-p $pg_port -k $pgdir' -l '$pgdir/log' -w start" >/dev/null
  trap "su postgres -c \"'$pgbin/pg_ctl' -D '$pgdir/data' -m fast -w stop\" >/dev/null; rm -rf '$pgdir'" EXIT
}
