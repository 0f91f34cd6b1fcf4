// Create a client. Node.js 18+, no dependencies.
const token = process.env.REQUESTROCKET_USER_TOKEN;
if (!token) {
  console.error('Set REQUESTROCKET_USER_TOKEN to your RequestRocket user token.');
  process.exit(1);
}

/** Sends one request to the Core API and returns its JSON answer; throws with the status and the API's message. */
async function call(method, path, body) {
  const response = await fetch(`https://api.requestrocket.com/api${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: token, // the raw token: no "Bearer " prefix
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000), // fetch waits forever without it
  });
  const answer = await response.json().catch(() => ({})); // a gateway's error page is not JSON
  if (!response.ok) {
    throw new Error(`${response.status} ${answer.message ?? response.statusText}`);
  }
  return answer;
}

let doing; // what the program is doing, for the one line it prints if that fails
try {
  doing = 'create a client';
  const body = {
    clientName: 'Acme Robotics',
  };
  const newClient = (await call('POST', '/clients', body)).client;
  const clientId = newClient.clientId;
  console.log(`Created client ${clientId} (${newClient.clientName})`);
} catch (error) {
  // A timeout is a TimeoutError; network failures (an untrusted certificate, a refused or reset
  // connection) are "fetch failed" with the reason in `cause`.
  const reason = error.name === 'TimeoutError' ? 'the request timed out after 10 seconds' : (error.cause?.message ?? error.message);
  console.error(`Could not ${doing}: ${reason}`);
  process.exitCode = 1;
}
