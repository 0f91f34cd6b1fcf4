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
        timeout=10,  # seconds; requests waits forever without it
    )
except requests.Timeout:
    sys.exit("Request failed: the request timed out after 10 seconds")
except requests.RequestException as error:  # an untrusted certificate, a refused or reset connection
    sys.exit(f"Request failed: {error}")

if response.status_code != 200:
    try:
        message = response.json()["message"]
    except (ValueError, KeyError, TypeError):  # not the API's JSON: a gateway's error page
        message = response.reason
    sys.exit(f"Request failed: {response.status_code} {message}")

for client in response.json()["clients"]:
    print(f"{client['clientId']}  {client['clientName']}")
