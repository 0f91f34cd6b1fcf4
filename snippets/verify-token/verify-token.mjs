// Check that your RequestRocket user token works (Node.js 18+).
const token = process.env.REQUESTROCKET_USER_TOKEN;
if (!token) {
  console.error('Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.');
  process.exit(1);
}

try {
  const response = await fetch('https://api.requestrocket.com/api/clients', {
    headers: { 'Content-Type': 'application/json', Authorization: token },
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`${response.status} ${body.message ?? response.statusText}`);
  }
  console.log(`Token is valid: it can access ${body.clients?.length ?? 0} clients.`);
} catch (error) {
  console.error(`Token check failed: ${error.cause?.message ?? error.message}`);
  process.exitCode = 1;
}
