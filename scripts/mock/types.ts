// The shapes the mock API and the interception proxy share with the harness: what was asked of
// them, what they refused, and what they need to be started.
import type { Duplex } from 'node:stream';

/** The tokens one mock instance knows, by what it answers for each (anything else is unknown: 401). */
export interface MockTokens {
  /** Answered 200. */
  valid: ReadonlySet<string>;
  /** Answered 401, like a token that support has revoked. */
  revoked: ReadonlySet<string>;
  /** Answered 403, like a token without the permission. */
  forbidden: ReadonlySet<string>;
}

/** Why the mock answered what it answered; the status alone cannot tell a revoked token from a typo. */
export type AnswerReason =
  | 'ok'
  | 'missing-token'
  | 'malformed-token'
  | 'revoked-token'
  | 'unknown-token'
  | 'forbidden-token'
  /** No operation has this path (404). */
  | 'not-found'
  | 'method-not-allowed'
  /** No record with that id (or of the wrong shape, or under another client) (404). */
  | 'unknown-id'
  /** The request is not valid against its operation: the 400's message names each problem. */
  | 'invalid-request'
  | 'payload-too-large'
  | 'unsupported-media-type'
  /** The mock itself failed (a bug of the mock, answered 500). */
  | 'mock-error'
  | 'bad-gateway'
  | 'no-answer';

/** The operation of the description a request matched, or why none did. */
export type MatchedOperation = { operationId: string } | { unmatched: 'unknown-path' | 'method-not-allowed' };

/** A request's body as it arrived, cut at the mock's size limit. */
export interface RecordedBody {
  /** The bytes as UTF-8 text, or as base64 when they are not UTF-8 (`encoding` says which). */
  text: string;
  encoding: 'utf8' | 'base64';
  /** How many bytes of it had arrived when the mock answered. */
  bytes: number;
  /** True when `text` is not the whole body: more arrived or was declared, or it stopped short of its length. */
  truncated: boolean;
}

/**
 * How the interception proxy and the mock behave: `api` like the real API; `bad-request` like it,
 * but refusing every request body it would accept with the description's documented 400;
 * `untrusted` with a certificate from a CA the client does not trust; `hang` taking requests and
 * never answering; `bad-gateway` answering 502 with an HTML page, as a load balancer does; `refuse`
 * refusing the CONNECT tunnel; `reset` resetting the connection right after the TLS handshake.
 */
export type MockBehaviour = 'api' | 'bad-request' | 'untrusted' | 'hang' | 'bad-gateway' | 'refuse' | 'reset';

/** Every behaviour, for command-line parsing. */
export const MOCK_BEHAVIOURS: readonly MockBehaviour[] = Object.freeze([
  'api',
  'bad-request',
  'untrusted',
  'hang',
  'bad-gateway',
  'refuse',
  'reset',
]);

/** The record a create made: the path parameter that names it (`targetId`) and its new id. */
export interface CreatedRecord {
  parameter: string;
  id: string;
}

/** One request the mock answered, exactly as it arrived. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, undecoded. */
  path: string;
  /** The raw query string without the `?`; empty when there was none. */
  query: string;
  /** Every header as `[name, value]` in arrival order, names in their original casing. */
  rawHeaders: Array<[string, string]>;
  /** The raw Authorization value, or null when the header was absent. */
  authorization: string | null;
  /** `1.1` or `1.0`. */
  httpVersion: string;
  /** `TLSv1.3`, `TLSv1.2`, or null for plain HTTP. */
  tlsVersion: string | null;
  /** The SNI server name the client sent, or null. */
  servername: string | null;
  /** True when it came through a CONNECT tunnel of the interception proxy. */
  tunneled: boolean;
  /** The body, exactly as it arrived up to the mock's limit; null when the request framed none. */
  body: RecordedBody | null;
  /** The operation it matched (its operationId), or why none did. */
  operation: MatchedOperation;
  /** The record it created, when it was a create the mock carried out. */
  created?: CreatedRecord;
  /** The status code it was answered with; 0 when it was never answered (`hang`). */
  status: number;
  reason: AnswerReason;
  /** `performance.now()` in the mock's process when the request head arrived. */
  receivedAtMs: number;
}

/** A connection the interception proxy refused because it was not HTTPS to the API host. */
export type EgressAttempt =
  | {
      /** A CONNECT tunnel to anything but `api.requestrocket.com:443`. */
      kind: 'connect';
      host: string;
      port: number;
      /** `not-https`: the API host on port 80; `other-port`: the API host on another port. */
      reason: 'other-host' | 'not-https' | 'other-port';
    }
  | {
      /** A plain-HTTP request handed to the proxy (absolute URL, or sent to the proxy port directly). */
      kind: 'http';
      host: string;
      port: number;
      reason: 'other-host' | 'not-https';
    }
  | {
      /** A TLS handshake inside an API tunnel that named another server (or none) in its SNI. */
      kind: 'tls';
      /** The SNI server name, empty when the client sent none. */
      host: string;
      port: number;
      reason: 'wrong-sni' | 'no-sni';
    };

/**
 * A TLS connection inside an API tunnel that never carried a request, typically a client refusing
 * the leaf: some abort the handshake with an alert (`handshake`), others complete it and then hang
 * up (`after-handshake`, Node among them).
 */
export interface TlsFailure {
  /** During the handshake, after it with no request, or after it with bytes that are not HTTP. */
  stage: 'handshake' | 'after-handshake' | 'not-http';
  /** The SNI server name the client sent, or null. */
  servername: string | null;
  /** What happened, for example OpenSSL's `tlsv1 alert unknown ca`. */
  message: string;
  /** Node's error code, for example `ERR_SSL_TLSV1_ALERT_UNKNOWN_CA`, or null. */
  code: string | null;
}

/** How long a silent or slow client may hold a connection before it is answered or closed. */
export interface InterceptorTimeouts {
  /** Time allowed to send a complete request head (also the idle time between keep-alive requests). */
  headersMs: number;
  /** Time a connection may stay completely silent. */
  idleMs: number;
  /** Time from a request's head to the last byte of its body; a body still arriving then is answered 400. */
  bodyMs: number;
}

/** A throwaway certificate authority and the API host's leaf, living in a private temp folder. */
export interface ThrowawayCa {
  /** The folder (mode 0700) holding every file below. */
  dir: string;
  /** PEM file of the CA certificate, for the CA variables of the clients. */
  caCertPath: string;
  caCertPem: string;
  /** Leaf for `api.requestrocket.com` (SAN DNS), signed by the CA. */
  leafCertPem: string;
  leafKeyPem: string;
  /** PKCS12 trust store holding the CA as a trusted entry, for Java; null when no tool could make one. */
  trustStorePath: string | null;
  trustStorePassword: string;
  /** Removes the folder and every key in it; safe to call twice. */
  dispose(): Promise<void>;
}

/** A running interception proxy with its own tokens and its own record of what it saw. */
export interface Interceptor {
  /** `http://127.0.0.1:PORT`, for the proxy variables of a client. */
  proxyUrl: string;
  port: number;
  /** Every request the mock answered, in order. */
  requests: RecordedRequest[];
  /** Every connection refused because it was not HTTPS to the API host. */
  egress: EgressAttempt[];
  /** Every TLS connection inside an API tunnel that failed before carrying a request. */
  tlsFailures: TlsFailure[];
  /** Serves a connection that arrived another way (a sandbox's Unix socket) as if it came to the port. */
  accept(socket: Duplex): void;
  /** Stops listening and destroys every open socket; safe to call twice. */
  close(): Promise<void>;
}
