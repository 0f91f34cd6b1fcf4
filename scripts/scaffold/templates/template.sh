#!/usr/bin/env bash
# {{sentence}}
set -euo pipefail
: "${REQUESTROCKET_USER_TOKEN:?Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token}"

# --fail-with-body: exit non-zero on 401/403 and still print the API's error message.
curl --silent --show-error --fail-with-body --max-time 10 \
  --header "Content-Type: application/json" \
  --header "Authorization: ${REQUESTROCKET_USER_TOKEN}" \
  https://api.requestrocket.com/api/clients
