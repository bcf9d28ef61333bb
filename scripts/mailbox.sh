#!/usr/bin/env bash
# The demo mailbox: a local SMTP server that keeps every mail the apps send (GreenMail standalone, from Maven
# Central), so that a demo on a machine without a mail server still delivers the approval, invitation and password
# reset mails with their one-time links (the apps never log them).
#
#   scripts/mailbox.sh start          SMTP on 127.0.0.1:${MAILBOX_SMTP_PORT:-3025}, API on 127.0.0.1:${MAILBOX_API_PORT:-8025}
#   scripts/mailbox.sh stop
#   scripts/mailbox.sh show ADDRESS   the mails ADDRESS received, newest last: subject and text
set -euo pipefail
cd "$(dirname "$0")/.."
RUN="$PWD/run"
JAR="$RUN/lib/greenmail-standalone.jar"
VERSION=2.1.8
SMTP_PORT="${MAILBOX_SMTP_PORT:-3025}"
API_PORT="${MAILBOX_API_PORT:-8025}"
mkdir -p "$RUN/lib"

case "${1:-}" in
  start)
    if [ -f "$RUN/mailbox.pid" ] && kill -0 "$(cat "$RUN/mailbox.pid")" 2>/dev/null; then exit 0; fi
    if [ ! -f "$JAR" ]; then
      ./mvnw -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$VERSION" \
        -DoutputDirectory="$RUN/lib" -Dmdep.stripVersion=true
    fi
    nohup java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dgreenmail.smtp.hostname=127.0.0.1 \
      -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$API_PORT" -jar "$JAR" > "$RUN/mailbox.log" 2>&1 &
    echo $! > "$RUN/mailbox.pid"
    for _ in $(seq 1 60); do
      if curl -fs "http://127.0.0.1:$API_PORT/api/service/readiness" >/dev/null 2>&1; then exit 0; fi
      sleep 0.5
    done
    echo "the demo mailbox did not start, see run/mailbox.log" >&2; exit 1
    ;;
  stop)
    if [ -f "$RUN/mailbox.pid" ]; then kill "$(cat "$RUN/mailbox.pid")" 2>/dev/null || true; rm -f "$RUN/mailbox.pid"; fi
    ;;
  show)
    address="${2:?usage: scripts/mailbox.sh show ADDRESS}"
    curl -fs "http://127.0.0.1:$API_PORT/api/user/$(printf %s "$address" | sed 's/@/%40/')/messages/INBOX" | python3 -c '
import email, json, sys
from email import policy
for item in json.load(sys.stdin):
    message = email.message_from_string(item["mimeMessage"], policy=policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    print("=" * 72)
    print("Subject:", message["subject"])
    print(body.get_content() if body else "")'
    ;;
  *) echo "usage: scripts/mailbox.sh start|stop|show ADDRESS" >&2; exit 2 ;;
esac
