#!/usr/bin/env bash
# Get a credential.
set -euo pipefail
: "${REQUESTROCKET_USER_TOKEN:?Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token}"
client_id=${REQUESTROCKET_CLIENT_ID:?Set REQUESTROCKET_CLIENT_ID to the id of the client}
credential_id=${REQUESTROCKET_CREDENTIAL_ID:?Set REQUESTROCKET_CREDENTIAL_ID to the id of the credential}

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

credential=$(call 'get a credential' GET "/clients/${client_id}/credentials/${credential_id}")
echo "sKey: $(json_field sKey <<<"${credential}")"
echo "credentialName: $(json_field credentialName <<<"${credential}")"
echo "credentialType: $(json_field credentialType <<<"${credential}")"
echo "credentialAuthType: $(json_field credentialAuthType <<<"${credential}")"
echo "credentialRegion: $(json_field credentialRegion <<<"${credential}")"
