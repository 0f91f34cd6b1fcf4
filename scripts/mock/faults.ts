// The mock's failure modes that are not the API's own answers: a load balancer's HTML error page,
// a proxy that refuses the tunnel, and a connection reset under the client.
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** The 502 page a load balancer sends when the API behind it is down: HTML, not the API's JSON. */
export const BAD_GATEWAY_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/** Answers 502 Bad Gateway with the load balancer's HTML page. */
export function sendBadGateway(res: ServerResponse): void {
  res.writeHead(502, 'Bad Gateway', {
    'Content-Type': 'text/html',
    'Content-Length': Buffer.byteLength(BAD_GATEWAY_HTML),
    Connection: 'close',
  });
  res.end(BAD_GATEWAY_HTML);
}

/** Refuses a CONNECT tunnel as a proxy that cannot reach the API does (502), then closes the socket. */
export function refuseTunnel(socket: Socket): void {
  const body = 'Could not connect to the upstream server\n';
  socket.end(
    'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.once('finish', () => socket.destroy());
}

/**
 * Resets a connection (TCP RST), as a network that drops it does. A connection that reached the
 * proxy over a Unix socket (a sandboxed program's, through its forwarder) has no RST to send: it is
 * cut off at once instead, which its forwarder passes on as the connection dropping.
 */
export function resetConnection(socket: Socket): void {
  if (socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_INVALID_HANDLE_TYPE') throw error;
    socket.destroy();
  }
}
