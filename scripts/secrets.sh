#!/usr/bin/env bash
# Sourced by start.sh, db-setup.sh and bench/run.sh: the secrets of this installation, made on first use.
#
# run/secrets.env (mode 600, never in git) holds random values nobody else has:
#   COMMERCE_DB_PASSWORD, SALES_DB_PASSWORD   passwords of the apps' PostgreSQL roles (db-setup.sh sets them)
#   DUALWRITE_SECRETS                         the HMAC key the two apps sign and check bridge batches with
#   COMMERCE_METRICS_TOKEN, SALES_METRICS_TOKEN  bearer tokens a metrics scraper sends to /q/metrics
# A variable already set in the environment wins over the file (e.g. a deployment's own secrets).
# Rotation: see the README's Security section (DUALWRITE_SECRETS takes several comma-separated keys).
_secrets_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_secrets_file="${SECRETS_FILE:-$_secrets_root/run/secrets.env}"
_secret() { head -c 32 /dev/urandom | base64 | tr -d '=+/\n' | head -c 40; }
if [ ! -f "$_secrets_file" ]; then
  mkdir -p "$(dirname "$_secrets_file")"
  (
    umask 077
    {
      echo "# Secrets of this installation, made by scripts/secrets.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Keep private."
      echo "COMMERCE_DB_PASSWORD=$(_secret)"
      echo "SALES_DB_PASSWORD=$(_secret)"
      echo "DUALWRITE_SECRETS=$(_secret)"
      echo "COMMERCE_METRICS_TOKEN=$(_secret)"
      echo "SALES_METRICS_TOKEN=$(_secret)"
    } > "$_secrets_file"
  )
fi
chmod 600 "$_secrets_file"
while IFS='=' read -r _key _value; do
  case "$_key" in ''|\#*) continue ;; esac
  if [ -z "${!_key:-}" ]; then export "$_key=$_value"; else export "$_key"; fi
done < "$_secrets_file"
unset _key _value _secrets_file _secrets_root
unset -f _secret
