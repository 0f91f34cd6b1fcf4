// Where a proxied request wanted to go, and whether that is the one place the proxy lets through.
import type { IncomingMessage } from 'node:http';
import { API_FACTS } from '../api/core-api.ts';
import type { EgressAttempt } from './types.ts';

/** A host (lower case, IPv6 without brackets) and a port. */
export interface Target {
  host: string;
  port: number;
}

/** The port the API serves HTTPS on; the only one tunnelled to the mock. */
export const API_PORT = 443;

/** Parses a CONNECT authority like `host:443` or `[::1]:443`; null when it is not one. */
export function parseAuthority(authority: string): Target | null {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^\s:[\]/@]+)):(\d{1,5})$/i.exec(authority);
  if (!match) return null;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return null;
  return { host: (match[1] ?? match[2] ?? '').toLowerCase(), port };
}

/** Whether a CONNECT target is the API's HTTPS endpoint, the only target the proxy intercepts. */
export function isApiTarget(target: Target): boolean {
  return target.host === API_FACTS.host && target.port === API_PORT;
}

/** Why a CONNECT target other than the API's HTTPS endpoint is refused. */
export function connectRefusal(target: Target): Extract<EgressAttempt, { kind: 'connect' }>['reason'] {
  if (target.host !== API_FACTS.host) return 'other-host';
  return target.port === 80 ? 'not-https' : 'other-port';
}

/** Where a plain-HTTP request sent to the proxy was going: its absolute URL, else its Host header. */
export function plainRequestTarget(req: IncomingMessage): Target {
  const url = req.url ?? '';
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${req.headers.host ?? ''}`;
  try {
    const parsed = new URL(absolute);
    const port = parsed.port !== '' ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
    return { host: parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port };
  } catch {
    return { host: '', port: 0 };
  }
}
