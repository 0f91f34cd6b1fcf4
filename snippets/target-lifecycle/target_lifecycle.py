"""Create a target, read it back and delete it."""
import os
import sys

import requests

token = os.environ.get("REQUESTROCKET_USER_TOKEN")
if not token:
    sys.exit("Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.")
client_id = os.environ.get("REQUESTROCKET_CLIENT_ID")
if not client_id:
    sys.exit("Set REQUESTROCKET_CLIENT_ID to the id of the client.")


def call(doing, method, path, body=None):
    """Sends one request to the Core API and returns its JSON answer; exits with one line if it fails."""
    try:
        response = requests.request(
            method,
            f"https://api.requestrocket.com/api{path}",
            headers={
                "Content-Type": "application/json",
                "Authorization": token,  # the raw token: no "Bearer " prefix
            },
            json=body,
            timeout=10,  # seconds; requests waits forever without it
        )
    except requests.Timeout:
        sys.exit(f"Could not {doing}: the request timed out after 10 seconds")
    except requests.RequestException as error:  # an untrusted certificate, a refused or reset connection
        sys.exit(f"Could not {doing}: {error}")
    if not response.ok:
        try:
            message = response.json()["message"]
        except (ValueError, KeyError, TypeError):  # not the API's JSON: a gateway's error page
            message = response.reason
        sys.exit(f"Could not {doing}: {response.status_code} {message}")
    return response.json()


body = {
    "targetName": "OpenAI API",
    "targetBaseURL": "https://api.openai.com",
    "targetTestPath": "/v1/models",
    "targetRegion": "us-east-1",
    "targetDefaultRuleEffect": "deny",
}
new_target = call("create a target", "POST", f"/clients/{client_id}/targets", body)["target"]
target_id = new_target["sKey"]
print(f"Created target {target_id} ({new_target['targetName']})")

target = call("get a target", "GET", f"/clients/{client_id}/targets/{target_id}")["target"]
print(f"sKey: {target['sKey']}")
print(f"targetName: {target['targetName']}")
print(f"targetBaseURL: {target['targetBaseURL']}")
print(f"targetTestPath: {target['targetTestPath']}")
print(f"targetRegion: {target['targetRegion']}")
print(f"targetDefaultRuleEffect: {target['targetDefaultRuleEffect']}")

call("delete a target", "DELETE", f"/clients/{client_id}/targets/{target_id}")
print(f"Deleted target {target_id}")
