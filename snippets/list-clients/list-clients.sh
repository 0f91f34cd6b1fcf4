#!/usr/bin/env bash
# List the RequestRocket clients your user token can access.
set -euo pipefail
: "${REQUESTROCKET_USER_TOKEN:?Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token}"

# --write-out adds the HTTP status as a last line. On a network error or a timeout curl exits
# non-zero, and the first line of its message says why.
if ! response=$(curl --silent --show-error --connect-timeout 5 --max-time 10 \
  --write-out '\n%{http_code}' \
  --header "Content-Type: application/json" \
  --header "Authorization: ${REQUESTROCKET_USER_TOKEN}" \
  https://api.requestrocket.com/api/clients 2>&1); then
  echo "Could not list clients: ${response%%$'\n'*}" >&2
  exit 1
fi
status=${response##*$'\n'}
body=${response%$'\n'*}

if [[ $status != 200 ]]; then
  # The API's message; a gateway's HTML error page has none.
  message=$(sed -n 's/.*"message": *"\([^"]*\)".*/\1/p' <<<"$body")
  echo "Could not list clients: ${status} ${message}" >&2
  exit 1
fi
echo "$body"
