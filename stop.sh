#!/usr/bin/env bash
# Stops the apps started by ./start.sh, and the demo mailbox (scripts/mailbox.sh) if it runs.
cd "$(dirname "$0")"
for name in commerce sales; do
  pidfile="run/$name.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    [ "${1:-}" = --quiet ] || echo "stopped $name"
  fi
  rm -f "$pidfile"
done
# the demo mailbox keeps its mails while start.sh restarts the apps (--quiet); ./stop.sh stops it too
if [ "${1:-}" != --quiet ] && [ -f run/mailbox.pid ]; then
  scripts/mailbox.sh stop && echo "stopped the demo mailbox"
fi
exit 0
