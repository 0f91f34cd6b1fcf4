// The sentinel's own view of the real API: one request per operation and scenario, made by the
// harness with Node, with the method, path, headers, body and token the cases' programs send (and,
// in a write run, the harness's own requests that make and delete its resources). It never retries
// and never follows a redirect (a redirect is an answer to compare, and following it could carry
// the token elsewhere).
import https from 'node:https';
import { API_FACTS } from '../api/core-api.ts';

/** User-Agent of the probe, so the API's logs (and a test's stand-in) can tell it from the programs. */
export const PROBE_USER_AGENT = 'requestrocket-docs-sentinel';

/** User-Agent of the harness's own writes in a write run (making and deleting its resources), told apart from the probes. */
export const SETUP_USER_AGENT = 'requestrocket-docs-sentinel-setup';

/** Most bytes of a body the probe keeps; the rest is dropped and the answer marked truncated. */
export const PROBE_BODY_LIMIT_BYTES = 256 * 1024;

/** The request a probe sends: the example's method, path and headers, and the case's token. */
export interface ProbeRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** Sent raw as `Authorization`; undefined sends no Authorization header. */
  token: string | undefined;
  /** The JSON body, for an operation that takes one. */
  body?: string;
  /** SETUP_USER_AGENT for the harness's own writes; default PROBE_USER_AGENT. */
  userAgent?: string;
}

/** How a probe is sent. */
export interface ProbeOptions {
  /** Time allowed for the whole exchange, connection to last byte. */
  timeoutMs: number;
  /** Where the connection goes; the default connects to the API host directly. Tests steer it through their interceptor. */
  agent?: https.Agent;
  signal?: AbortSignal;
}

/** What the real API answered, or why there was no answer. */
export type ProbeAnswer =
  | {
      kind: 'answer';
      status: number;
      /** The media type without parameters (`application/json`), or null when absent. */
      contentType: string | null;
      /** The Location header of a redirect, or null. */
      location: string | null;
      body: string;
      /** True when the body was longer than PROBE_BODY_LIMIT_BYTES. */
      truncated: boolean;
    }
  | { kind: 'error'; message: string };

/** Sends one request to https://api.requestrocket.com and reads the answer; never throws. */
export function probeApi(request: ProbeRequest, options: ProbeOptions): Promise<ProbeAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { ...request.headers, 'User-Agent': request.userAgent ?? PROBE_USER_AGENT };
  if (request.token !== undefined) headers.Authorization = request.token;
  if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: ProbeAnswer): void => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const failed = (error: Error & { code?: unknown }): void => {
      if (timeout.aborted) return settle({ kind: 'error', message: `no answer within ${options.timeoutMs} ms` });
      const code = typeof error.code === 'string' && !error.message.includes(error.code) ? `${error.code}: ` : '';
      settle({ kind: 'error', message: `${code}${error.message}` });
    };
    const req = https.request(
      {
        host: API_FACTS.host,
        port: 443,
        servername: API_FACTS.host,
        method: request.method,
        path: request.path,
        headers,
        agent: options.agent ?? new https.Agent({ keepAlive: false }),
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          const room = PROBE_BODY_LIMIT_BYTES - kept;
          if (chunk.length > room) truncated = true;
          if (room > 0) chunks.push(chunk.subarray(0, room));
          kept += Math.min(room, chunk.length);
        });
        res.on('error', failed);
        res.on('end', () => {
          const type = res.headers['content-type'];
          settle({
            kind: 'answer',
            status: res.statusCode ?? 0,
            contentType: type ? (type.split(';')[0] ?? '').trim().toLowerCase() : null,
            location: res.headers.location ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
            truncated,
          });
        });
      },
    );
    req.on('error', failed);
    req.end(request.body);
  });
}
