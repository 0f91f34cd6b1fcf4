// Reads a request's body with a size cap and a deadline, so that no client can make the mock hold
// much memory or wait long: a body over the cap is answered at once (the rest is drained, up to a
// bound, so the connection stays usable), and one that stops short of its length is given up on.
import type { IncomingMessage } from 'node:http';

/** How much of a body the mock takes, and how long it waits for it. */
export interface BodyLimits {
  /** Largest body read (and recorded); a larger one is answered 413. */
  maxBytes: number;
  /** After a body over `maxBytes`, how many more bytes are drained before the connection is closed instead. */
  drainBytes: number;
  /** Time from the request head to the body's last byte; a body still arriving then is answered 400 and the connection closed. */
  timeoutMs: number;
}

/** The mock's limits: 64 KiB bodies (the API's largest is well under 1 KiB), 16 MiB drained, 5 s to arrive. */
export const DEFAULT_BODY_LIMITS: Readonly<BodyLimits> = Object.freeze({
  maxBytes: 64 * 1024,
  drainBytes: 16 * 1024 * 1024,
  timeoutMs: 5_000,
});

/** What arrived of a body. */
export type BodyRead =
  /** The request framed no body (no Content-Length, no Transfer-Encoding). */
  | { kind: 'none' }
  /** The whole body. */
  | { kind: 'complete'; bytes: Buffer; received: number }
  /** More than `maxBytes`, declared or sent: `bytes` is what came before the answer, at most `maxBytes`. */
  | { kind: 'too-large'; bytes: Buffer; received: number; declared: number | undefined }
  /** The body stopped short: the client hung up, or the deadline passed. */
  | { kind: 'incomplete'; bytes: Buffer; received: number; why: 'deadline' | 'hung-up' };

/** Whether the request head announces a body. */
export function hasBodyFraming(req: IncomingMessage): boolean {
  return req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads `req`'s body within `limits`. Resolves as soon as the outcome is known; a body over the cap
 * goes on being drained (and the socket destroyed past `drainBytes` or the deadline), and a body cut
 * off by the deadline leaves the socket for the caller to close after answering.
 */
export function readRequestBody(req: IncomingMessage, limits: BodyLimits = DEFAULT_BODY_LIMITS): Promise<BodyRead> {
  if (!hasBodyFraming(req)) {
    req.resume(); // a body without framing cannot exist; let Node finish the message
    return Promise.resolve({ kind: 'none' });
  }
  const declared = declaredLength(req);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let received = 0;
    let settled = false;
    const settle = (read: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(read);
    };
    const keptBytes = (): Buffer => Buffer.concat(chunks, kept);
    const timer = setTimeout(() => {
      if (!settled) settle({ kind: 'incomplete', bytes: keptBytes(), received, why: 'deadline' });
      // A client still sending (or silent) past the deadline is cut off once its answer is out.
      else if (!req.complete) req.socket.destroy();
    }, limits.timeoutMs);
    timer.unref();
    const done = (): void => clearTimeout(timer);
    if (declared !== undefined && declared > limits.maxBytes) settle({ kind: 'too-large', bytes: Buffer.alloc(0), received, declared });
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (kept < limits.maxBytes) {
        const part = chunk.subarray(0, limits.maxBytes - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (received > limits.maxBytes) settle({ kind: 'too-large', bytes: keptBytes(), received, declared });
      if (received > limits.maxBytes + limits.drainBytes) {
        done();
        req.socket.destroy();
      }
    });
    req.once('end', () => {
      done();
      settle({ kind: 'complete', bytes: keptBytes(), received });
    });
    req.once('close', () => {
      done();
      if (!req.complete) settle({ kind: 'incomplete', bytes: keptBytes(), received, why: 'hung-up' });
    });
    req.once('error', () => undefined); // 'aborted' ends in 'close'
  });
}

/** The Content-Length as a number, or undefined when absent or not one decimal number (Node refuses those itself). */
function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
