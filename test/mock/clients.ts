// The real HTTP clients the mock is tested with, each run as a child process with nothing but
// the environment it is given: how to find or build it, run it, and recognise its failures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { findExecutable } from '../../scripts/paths.ts';

const FIXTURES = path.resolve('test/fixtures/clients');
/** Safety net per child run; a client that hangs fails instead of stalling the suite. */
const RUN_TIMEOUT_MS = 30_000;

/** One real client: its name, how it is started, and what its certificate failure looks like. */
export interface RealClient {
  name: string;
  /** Why it cannot run here (for example `go not found on PATH`), or null once prepared. */
  missing: string | null;
  /** The Authorization header name exactly as this client writes it. */
  headerName: string;
  /** What its output says when it does not trust the server's certificate. */
  untrusted: RegExp;
  run: Runner;
}

/** How one run of a client ended. */
export interface ClientRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

type Runner = (url: string, token: string, env: Record<string, string>) => Promise<ClientRun>;

async function spawn(command: string, args: string[], env: Record<string, string>, input?: string): Promise<ClientRun> {
  // extendEnv: false, so the child sees exactly the environment under test.
  const options = { env, extendEnv: false, reject: false, timeout: RUN_TIMEOUT_MS, input: input ?? '' } as const;
  const { exitCode, stdout, stderr } = await execa(command, args, options);
  return { exitCode, stdout, stderr };
}

const withToken = (env: Record<string, string>, token: string) => ({ ...env, [API_FACTS.tokenEnvVar]: token });

/** Finds, checks and builds every client once; the builds go to a temp folder, outside any intercepted environment. */
export async function prepareClients(): Promise<{ clients: RealClient[]; dispose: () => Promise<void> }> {
  const buildDir = await mkdtemp(path.join(tmpdir(), 'rr-mock-clients-'));
  const prepared = await Promise.all([curl(), python(), go(buildDir), java(buildDir), nodeFetch()]);
  return { clients: prepared, dispose: () => rm(buildDir, { recursive: true, force: true }) };
}

function client(name: string, headerName: string, untrusted: RegExp, missing: string | null, run: Runner): RealClient {
  return { name, headerName, untrusted, missing, run };
}

async function curl(): Promise<RealClient> {
  const missing = findExecutable('curl') === undefined ? 'curl not found on PATH' : null;
  // The header comes from standard input (`-H @-`), so the token is never on a command line.
  return client('curl', 'Authorization', /SSL certificate problem/, missing, (url, token, env) =>
    spawn('curl', ['-sS', '-H', '@-', url], env, `Authorization: ${token}\nContent-Type: application/json\n`),
  );
}

async function python(): Promise<RealClient> {
  let missing = findExecutable('python3') === undefined ? 'python3 not found on PATH' : null;
  if (missing === null) {
    const check = await execa('python3', ['-c', 'import requests'], { reject: false });
    if (check.exitCode !== 0) missing = 'python3 has no requests module (pip install requests)';
  }
  return client('python requests', 'Authorization', /SSLError/, missing, (url, token, env) =>
    spawn('python3', [path.join(FIXTURES, 'client.py'), url], withToken(env, token)),
  );
}

async function go(buildDir: string): Promise<RealClient> {
  const binary = path.join(buildDir, 'go-client');
  const missing = findExecutable('go') === undefined ? 'go not found on PATH' : null;
  if (missing === null) {
    const env = { ...process.env, GOTOOLCHAIN: 'local', GOPROXY: 'off' };
    const build = await execa('go', ['build', '-o', binary, 'client.go'], { cwd: FIXTURES, env, reject: false });
    if (build.exitCode !== 0) throw new Error(`Expected the Go client to build, got:\n${build.stderr}`);
  }
  return client(
    'go net/http',
    'Authorization',
    /x509: certificate signed by unknown authority|failed to verify certificate/,
    missing,
    (url, token, env) => spawn(binary, [url], withToken(env, token)),
  );
}

async function java(buildDir: string): Promise<RealClient> {
  const classes = path.join(buildDir, 'java-classes');
  const absent = ['javac', 'java'].find((tool) => findExecutable(tool) === undefined);
  const missing = absent === undefined ? null : `${absent} not found on PATH`;
  if (missing === null) {
    const build = await execa('javac', ['-d', classes, path.join(FIXTURES, 'Client.java')], { reject: false });
    if (build.exitCode !== 0) throw new Error(`Expected the Java client to compile, got:\n${build.stderr}`);
  }
  return client('java.net.http', 'Authorization', /PKIX path building failed|SSLHandshakeException/, missing, (url, token, env) =>
    // Client-VM flags only shorten start-up; they change nothing about networking or TLS.
    spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', classes, 'Client', url], withToken(env, token)),
  );
}

async function nodeFetch(): Promise<RealClient> {
  return client(
    'node fetch',
    'Authorization',
    /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT/,
    null,
    (url, token, env) => spawn(process.execPath, [path.join(FIXTURES, 'client.mjs'), url], withToken(env, token)),
  );
}
