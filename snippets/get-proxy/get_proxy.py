"""Get a proxy."""
import os
import sys

import requests

token = os.environ.get("REQUESTROCKET_USER_TOKEN")
if not token:
    sys.exit("Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.")
client_id = os.environ.get("REQUESTROCKET_CLIENT_ID")
if not client_id:
    sys.exit("Set REQUESTROCKET_CLIENT_ID to the id of the client.")
proxy_id = os.environ.get("REQUESTROCKET_PROXY_ID")
if not proxy_id:
    sys.exit("Set REQUESTROCKET_PROXY_ID to the id of the proxy.")


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


proxy = call("get a proxy", "GET", f"/clients/{client_id}/proxies/{proxy_id}")["proxy"]
print(f"sKey: {proxy['sKey']}")
print(f"proxyName: {proxy['proxyName']}")
print(f"proxyRegion: {proxy['proxyRegion']}")
print(f"proxyProxyCredentialId: {proxy['proxyProxyCredentialId']}")
print(f"proxyTargetId: {proxy['proxyTargetId']}")
print(f"proxyTargetCredentialId: {proxy['proxyTargetCredentialId']}")
print(f"proxyActive: {proxy['proxyActive']}")
print(f"proxyDefaultRuleEffect: {proxy['proxyDefaultRuleEffect']}")
print(f"proxyAlias: {proxy['proxyAlias']}")
