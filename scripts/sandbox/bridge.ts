// The sandbox's only ways out, as Unix sockets in the case's scratch space: one hands connections
// to the interception proxy, the other is a stub resolver that records each DNS query and refuses it.
import net from 'node:net';
import path from 'node:path';
import { queryName, refusal } from './dns.ts';

/** Listening sockets for one case, and what came through the DNS one. */
export interface SandboxBridge {
  proxySocket: string;
  dnsSocket: string;
  /** Every name looked up, in order (`(not a DNS query)` for a datagram that was not one). */
  dnsQueries: string[];
  close(): Promise<void>;
}

/** Listens in `runDir`; each proxy connection is handed to `accept`. */
export async function openBridge(runDir: string, accept: (socket: net.Socket) => void): Promise<SandboxBridge> {
  const dnsQueries: string[] = [];
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const proxy = net.createServer((socket) => {
    track(socket);
    accept(socket);
  });
  // socat relays one datagram per connection and sends back whatever is written before the end.
  const dns = net.createServer((socket) => {
    track(socket);
    socket.once('data', (packet: Buffer) => {
      dnsQueries.push(queryName(packet) ?? '(not a DNS query)');
      const answer = refusal(packet);
      if (answer) socket.end(answer);
      else socket.end();
    });
  });
  const proxySocket = path.join(runDir, 'proxy.sock');
  const dnsSocket = path.join(runDir, 'dns.sock');
  await Promise.all([listen(proxy, proxySocket), listen(dns, dnsSocket)]);
  let closing: Promise<void> | undefined;
  return {
    proxySocket,
    dnsSocket,
    dnsQueries,
    close() {
      closing ??= Promise.all([proxy, dns].map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => {});
      for (const socket of sockets) socket.destroy();
      return closing;
    },
  };
}

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
