// {{sentence}} Node.js 18+, no dependencies.
const token = process.env.REQUESTROCKET_USER_TOKEN;
if (!token) {
  console.error('Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.');
  process.exit(1);
}

try {
  const response = await fetch('https://api.requestrocket.com/api/clients', {
    headers: {
      'Content-Type': 'application/json',
      Authorization: token, // the raw token: no "Bearer " prefix
    },
    signal: AbortSignal.timeout(10_000), // fetch waits forever without it
  });
  const body = await response.json().catch(() => ({})); // a gateway's error page is not JSON
  if (!response.ok) {
    throw new Error(`${response.status} ${body.message ?? response.statusText}`);
  }
  if (!Array.isArray(body.clients)) throw new Error('unexpected response from the API');
  for (const { clientId, clientName } of body.clients) {
    console.log(`${clientId}  ${clientName}`);
  }
} catch (error) {
  // A timeout is a TimeoutError; network failures (an untrusted certificate, a refused or reset
  // connection) are "fetch failed" with the reason in `cause`.
  const reason = error.name === 'TimeoutError' ? 'the request timed out after 10 seconds' : (error.cause?.message ?? error.message);
  console.error(`Request failed: ${reason}`);
  process.exitCode = 1;
}
