// The only way out of a build sandbox: an HTTP CONNECT proxy that opens a tunnel to the hosts a
// dependency installation may reach (a registry, on port 443) and refuses every other request,
// naming it. A build step reaches it over its sandbox's Unix socket (or, unsandboxed, on a loopback
// port of its own); a compile step gets one that allows nothing.
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** The most a request's head may take before the proxy gives up on it. */
const MAX_HEAD_BYTES = 16 * 1024;

/** A registry proxy, listening on a loopback port and taking the connections a sandbox's bridge hands it. */
export interface RegistryProxy {
  /** Its loopback port (what the build's proxy variables name). */
  port: number;
  /** Serves one connection that came through a sandbox's Unix socket. */
  accept(socket: Duplex): void;
  /** Every request it refused, as `host:port` (or the request line when it named none), in order. */
  refused: string[];
  close(): Promise<void>;
}

/** `host` in lower case, without a trailing dot or IPv6 brackets. */
function normalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');
}

/** Whether `host:port` is one of `allowed` (`pypi.org` means port 443; `127.0.0.1:8443` names its port). */
export function isAllowed(allowed: readonly string[], host: string, port: number): boolean {
  return allowed.some((entry) => {
    const match = /^(.*?)(?::(\d+))?$/.exec(entry);
    return normalHost(match?.[1] ?? '') === normalHost(host) && Number(match?.[2] ?? 443) === port;
  });
}

/** The target of `CONNECT host:port HTTP/1.x`, or null for any other request. */
export function connectTarget(requestLine: string): { host: string; port: number } | null {
  const match = /^CONNECT (\[[^\]]+\]|[^\s:]+):(\d{1,5}) HTTP\/1\.[01]$/.exec(requestLine);
  return match?.[1] && match[2] ? { host: normalHost(match[1]), port: Number(match[2]) } : null;
}

/** Opens a proxy that tunnels to `allowed` only (see isAllowed). */
export async function openRegistryProxy(allowed: readonly string[]): Promise<RegistryProxy> {
  const refused: string[] = [];
  const sockets = new Set<Duplex>();
  const serve = (client: Duplex) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_HEAD_BYTES) client.destroy();
        return;
      }
      client.off('data', onData);
      const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const rest = head.subarray(end + 4);
      const target = connectTarget(requestLine);
      if (!target || !isAllowed(allowed, target.host, target.port)) {
        refused.push(target ? `${target.host}:${target.port}` : requestLine.slice(0, 200));
        const reach = allowed.length ? `only ${allowed.join(', ')}` : 'no host';
        client.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nA build reaches ${reach}.\n`);
        return;
      }
      const upstream = net.connect(target.port, target.host);
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (rest.length) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      upstream.on('error', () => {
        if (!connected) client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
        else client.destroy();
      });
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  };
  const server = net.createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as net.AddressInfo).port,
    accept: serve,
    refused,
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return closing;
    },
  };
}
