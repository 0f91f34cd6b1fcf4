#!/usr/bin/env bash
# Check that your RequestRocket user token works.
set -euo pipefail
: "${REQUESTROCKET_USER_TOKEN:?Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token}"

if response=$(curl --silent --show-error --fail-with-body --max-time 10 \
  --header "Content-Type: application/json" \
  --header "Authorization: ${REQUESTROCKET_USER_TOKEN}" \
  https://api.requestrocket.com/api/clients); then
  count=$(grep -o '"clientId"' <<<"$response" | wc -l)
  echo "Token is valid: it can access $((count)) clients."
else
  echo "Token check failed: ${response}" >&2
  exit 1
fi
