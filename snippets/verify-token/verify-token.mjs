// Check that your RequestRocket user token works (Node.js 18+).
const token = process.env.REQUESTROCKET_USER_TOKEN;
if (!token) {
  console.error('Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.');
  process.exit(1);
}

try {
  const response = await fetch('https://api.requestrocket.com/api/clients', {
    headers: { 'Content-Type': 'application/json', Authorization: token },
    signal: AbortSignal.timeout(10_000), // fetch waits forever without it
  });
  const body = await response.json().catch(() => ({})); // a gateway's error page is not JSON
  if (!response.ok) {
    throw new Error(`${response.status} ${body.message ?? response.statusText}`);
  }
  console.log(`Token is valid: it can access ${body.clients?.length ?? 0} clients.`);
} catch (error) {
  // A timeout is a TimeoutError; network failures are "fetch failed" with the reason in `cause`.
  const reason = error.name === 'TimeoutError' ? 'the request timed out after 10 seconds' : (error.cause?.message ?? error.message);
  console.error(`Token check failed: ${reason}`);
  process.exitCode = 1;
}
