#!/usr/bin/env bash
# Update a target.
set -euo pipefail
: "${REQUESTROCKET_USER_TOKEN:?Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token}"
client_id=${REQUESTROCKET_CLIENT_ID:?Set REQUESTROCKET_CLIENT_ID to the id of the client}
target_id=${REQUESTROCKET_TARGET_ID:?Set REQUESTROCKET_TARGET_ID to the id of the target}

# call DOING METHOD PATH [BODY] sends one request to the Core API and prints its JSON answer. If it
# fails, it prints one line saying what could not be done and why, and exits 1.
call() {
  local doing=$1 method=$2 path=$3 body=${4-} response status message
  # --write-out adds the HTTP status as a last line. On a network error or a timeout curl exits
  # non-zero, and the first line of its message says why.
  if ! response=$(curl --silent --show-error --connect-timeout 5 --max-time 10 \
    --request "$method" \
    --write-out '\n%{http_code}' \
    --header "Content-Type: application/json" \
    --header "Authorization: ${REQUESTROCKET_USER_TOKEN}" \
    ${body:+--data "$body"} \
    "https://api.requestrocket.com/api${path}" 2>&1); then
    echo "Could not ${doing}: ${response%%$'\n'*}" >&2
    exit 1
  fi
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  if [[ $status != 2?? ]]; then
    # The API's message; a gateway's HTML error page has none.
    message=$(sed -n 's/.*"message": *"\([^"]*\)".*/\1/p' <<<"$response")
    echo "Could not ${doing}: ${status} ${message}" >&2
    exit 1
  fi
  echo "$response"
}

# json_field NAME prints the value of every "NAME" field of the JSON on its input, one a line: a
# string without its quotes, a number or a boolean as it is.
json_field() {
  { grep -oE "\"$1\": *(\"[^\"]*\"|[^,}]*)" || true; } | sed -E 's/^"[^"]*": *"?//; s/"$//'
}

body='{
  "targetTestPath": "/v1/balance"
}'
updated_target=$(call 'update a target' PUT "/clients/${client_id}/targets/${target_id}" "${body}")
echo "Updated target $(json_field sKey <<<"${updated_target}")"
echo "targetTestPath: $(json_field targetTestPath <<<"${updated_target}")"
