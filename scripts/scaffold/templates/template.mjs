// {{sentence}} Node.js 18+, no dependencies.
const token = process.env.REQUESTROCKET_USER_TOKEN;
if (!token) {
  console.error('Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.');
  process.exit(1);
}

try {
  const response = await fetch('https://api.requestrocket.com/api/clients', {
    method: 'GET',
    headers: {
      'Content-Type': 'application/json',
      Authorization: token, // the raw token: no "Bearer " prefix
    },
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`${response.status} ${body.message ?? response.statusText}`);
  }
  if (!Array.isArray(body.clients)) throw new Error('unexpected response from the API');
  for (const { clientId, clientName } of body.clients) {
    console.log(`${clientId}  ${clientName}`);
  }
} catch (error) {
  // fetch reports network failures as "fetch failed" with the reason in `cause`.
  console.error(`Request failed: ${error.cause?.message ?? error.message}`);
  process.exitCode = 1;
}
