#!/usr/bin/env bash
# {{sentence}}
set -euo pipefail
: "${REQUESTROCKET_USER_TOKEN:?Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token}"
{{#variables}}
{{name}}=${{{variable}}:?Set {{variable}} to the id of the {{record}}}
{{/variables}}

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
{{#readsFields}}

# json_field NAME prints the value of every "NAME" field of the JSON on its input, one a line: a
# string without its quotes, a number or a boolean as it is.
json_field() {
  { grep -oE "\"$1\": *(\"[^\"]*\"|[^,}]*)" || true; } | sed -E 's/^"[^"]*": *"?//; s/"$//'
}
{{/readsFields}}
{{#steps}}

{{#hasBody}}
{{bodyCode}}
{{/hasBody}}
{{#list}}
{{items}}=$(call {{doing}} {{method}} {{path}})
# One line per {{singular}}: its id and its name.
paste -d ' ' <(json_field {{idField}} <<<"${{{items}}}") <(json_field {{nameField}} <<<"${{{items}}}")
{{/list}}
{{#get}}
{{item}}=$(call {{doing}} {{method}} {{path}})
{{#printed}}
echo "{{field}}: $(json_field {{field}} <<<"${{{item}}}")"
{{/printed}}
{{/get}}
{{#create}}
{{item}}=$(call {{doing}} {{method}} {{path}} "${{{bodyName}}}")
{{idName}}=$(json_field {{idField}} <<<"${{{item}}}")
echo "Created {{singular}} ${{{idName}}} ($(json_field {{nameField}} <<<"${{{item}}}"))"
{{/create}}
{{#update}}
{{item}}=$(call {{doing}} {{method}} {{path}} "${{{bodyName}}}")
echo "Updated {{singular}} $(json_field {{idField}} <<<"${{{item}}}")"
{{#printed}}
echo "{{field}}: $(json_field {{field}} <<<"${{{item}}}")"
{{/printed}}
{{/update}}
{{#delete}}
call {{doing}} {{method}} {{path}} >/dev/null
echo "Deleted {{singular}} ${{{idName}}}"
{{/delete}}
{{/steps}}
