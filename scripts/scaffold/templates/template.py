"""{{sentence}}"""
import os
import sys

import requests

token = os.environ.get("REQUESTROCKET_USER_TOKEN")
if not token:
    sys.exit("Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.")

try:
    response = requests.get(
        "https://api.requestrocket.com/api/clients",
        headers={
            "Content-Type": "application/json",
            "Authorization": token,  # the raw token: no "Bearer " prefix
        },
        timeout=10,
    )
    body = response.json()
except requests.RequestException as error:  # also raised for a body that is not JSON
    sys.exit(f"Request failed: {error}")

if response.status_code != 200:
    message = body.get("message", response.reason)
    sys.exit(f"Request failed: {response.status_code} {message}")

for client in body["clients"]:
    print(f"{client['clientId']}  {client['clientName']}")
