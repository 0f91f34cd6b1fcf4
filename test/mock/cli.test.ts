// `npm run mock`: the printed exports work in a real shell, curl reaches the mock with them, each
// request is logged with the token masked, and a signal stops it and deletes the keys.
// vitest project: programs (test/support/projects.ts)
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { describe, expect, test } from 'vitest';
import {
  API_FACTS,
  API_OPERATIONS,
  SEED_CLIENT_NAMES,
  documentedError,
  documentedSuccess,
  formatBody,
} from '../../scripts/api/core-api.ts';
import { shellPath } from '../../scripts/mock/shell-node.ts';
import { PROJECT_ROOT } from '../../scripts/project.ts';
import { SNIPPET_NODE_VERSIONS, runsSnippets } from '../../scripts/runners/javascript.ts';
import { findExecutable } from '../../scripts/paths.ts';
import { scanText } from '../../scripts/secrets/stream-scan.ts';
import { requireTool, until, within } from './helpers.ts';

const CLIENTS_OK = documentedSuccess('listClients');
const CLIENT = '550e8400-e29b-41d4-a716-446655440000';
const NEW_TARGET = {
  targetName: 'OpenAI API',
  targetBaseURL: 'https://api.openai.com',
  targetTestPath: '/v1/models',
  targetRegion: 'us-east-1',
};
const FORBIDDEN = documentedError(403);
const UNAUTHORIZED = documentedError(401);

const READY = 'Requests (Ctrl-C stops the mock and deletes its keys):';

/** A `node` on this machine, outside the project, too old for the JavaScript examples (the system's, often 20). */
async function olderNode(): Promise<{ path: string; version: string } | undefined> {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!findExecutable(candidate)) continue;
    const { stdout, exitCode } = await execa(candidate, ['--version'], { reject: false });
    if (exitCode === 0 && !runsSnippets(stdout.trim())) return { path: candidate, version: stdout.trim() };
  }
  return undefined;
}

interface RunningCli {
  child: ResultPromise<{ reject: false }>;
  /** Everything printed so far. */
  output: () => string;
  /** The environment after running the printed export and unset lines in a real shell. */
  env: Record<string, string>;
  tokens: { valid: string; revoked: string; forbidden: string };
}

/** How long the mock may take to print its exports: a guard against a hang, well inside the test's own limit. */
const MOCK_START_MS = 45_000;

/** Starts the CLI (with `extraEnv` in its environment) and waits for its exports. */
async function startCli(args: readonly string[] = [], extraEnv: Record<string, string> = {}): Promise<RunningCli> {
  const child = execa(process.execPath, [path.resolve('scripts/mock/mock-cli.ts'), ...args], { reject: false, env: extraEnv });
  let printed = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (printed += chunk));
  await within(
    new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => printed.includes(READY) && resolve());
      void child.then((result) => reject(new Error(`Expected the mock to start, it exited: ${printed}${String(result.stderr)}`)));
    }),
    'the mock to print its exports',
    // Making the throwaway CA starts keytool's JVM: on a busy machine that alone takes seconds.
    MOCK_START_MS,
  );
  const lines = printed.split('\n').filter((line) => /^(export|unset) /.test(line));
  const shell = await execa('sh', ['-c', `${lines.join('\n')}\nexec env -0`], { reject: false });
  const env = Object.fromEntries(
    shell.stdout
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
  const token = (label: string) => new RegExp(`^  ${label} +(u-\\w+) `, 'm').exec(printed)?.[1] ?? '';
  return { child, output: () => printed, env, tokens: { valid: token('valid'), revoked: token('revoked'), forbidden: token('forbidden') } };
}

async function curl(env: Record<string, string>, token: string, url = API_URL): Promise<string> {
  return (await curlResult(env, token, [], url)).stdout;
}

/** curl's whole result (exit code, stderr), for the failure behaviours. */
const API_URL = 'https://api.requestrocket.com/api/clients';

/** curl's whole result (exit code, stderr), for the failure behaviours. */
function curlResult(env: Record<string, string>, token: string, extra: readonly string[] = [], url = API_URL) {
  return execa('curl', ['-sS', ...extra, '-H', '@-', url], {
    env,
    extendEnv: false,
    input: `Authorization: ${token}\n`,
    reject: false,
  });
}

describe('npm run mock', () => {
  test('runs the CLI that these tests start', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.mock).toBe('node scripts/mock/mock-cli.ts');
  });

  test('prints exports with which curl gets each answer of the contract, then stops on SIGINT and deletes the keys', async ({ skip }) => {
    requireTool({ skip }, findExecutable('curl') === undefined ? 'curl not found on PATH' : null);
    const cli = await startCli();
    try {
      expect(cli.env.HTTPS_PROXY).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.env.NO_PROXY).toBe('');
      expect(cli.env.NODE_USE_ENV_PROXY).toBe('1');
      expect(cli.env.JAVA_TOOL_OPTIONS).toMatch(/-Dhttps\.proxyHost=127\.0\.0\.1 .*-Djavax\.net\.ssl\.trustStoreType=PKCS12$/);
      expect(cli.env).not.toHaveProperty('SSL_CERT_DIR');
      expect(cli.env.REQUESTROCKET_USER_TOKEN === cli.tokens.valid).toBe(true);
      // The seeded account's ids, in the variables the examples read them from.
      expect(cli.env.REQUESTROCKET_CLIENT_ID).toBe('550e8400-e29b-41d4-a716-446655440000');
      expect(cli.env.REQUESTROCKET_TARGET_ID).toBe('tgt_789e4567');
      expect(cli.env.REQUESTROCKET_PROXY_ID).toBe('proxy_789e4567');
      for (const token of Object.values(cli.tokens)) expect(token).toMatch(/^u-[0-9A-Za-z]{32}$/);
      expect(cli.output()).toContain('Try: curl https://api.requestrocket.com/api/clients -H "Authorization: $REQUESTROCKET_USER_TOKEN"');

      expect(await curl(cli.env, cli.tokens.valid)).toBe(formatBody(CLIENTS_OK.body));
      expect(await curl(cli.env, cli.tokens.revoked)).toBe(formatBody(UNAUTHORIZED.body));
      expect(await curl(cli.env, cli.tokens.forbidden)).toBe(formatBody(FORBIDDEN.body));

      // A token in the path, as is or percent-encoded, is masked in the log too.
      const encoded = [...cli.tokens.valid].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('');
      await curl(cli.env, cli.tokens.valid, `https://api.requestrocket.com/api/clients/${cli.tokens.revoked}`);
      await curl(cli.env, cli.tokens.valid, `https://api.requestrocket.com/api/${encoded}`);
      await within(
        until(
          () =>
            cli
              .output()
              .split('\n')
              .filter((line) => line.startsWith('GET /api/')).length >= 5,
        ),
        'the two requests to be logged',
      );

      const log = cli.output().slice(cli.output().indexOf(READY));
      expect(log).toMatch(/^GET \/api\/clients 200 ok {2}Authorization: u-\w\w…\(34 chars\)$/m);
      expect(log).toMatch(/^GET \/api\/clients 401 revoked-token /m);
      expect(log).toMatch(/^GET \/api\/clients 403 forbidden-token /m);
      for (const token of Object.values(cli.tokens)) expect(log.includes(token)).toBe(false);
      expect(scanText(log, Object.values(cli.tokens))).toEqual([]);
    } finally {
      cli.child.kill('SIGINT');
    }
    const result = await within(cli.child, 'the mock to stop');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Stopped; the throwaway CA and its keys are deleted.');
    const caDir = path.dirname(cli.env.CURL_CA_BUNDLE ?? '');
    expect(caDir).toMatch(/rr-mock-ca-/);
    expect(existsSync(caDir)).toBe(false);
  });

  // curl's exit codes: 60 certificate problem, 28 timed out, 56 receive failure (a refused tunnel),
  // 35, 55 or 56 for a connection reset during or right after the handshake (whichever of connect,
  // send or receive curl was in when the reset arrived).
  test.for([
    ['untrusted', /^Behaviour: untrusted: shows a certificate from a CA your environment does not trust/m, [60], /SSL certificate problem/],
    ['hang', /^Behaviour: hang: takes each request and never answers/m, [28], /timed out/],
    ['bad-gateway', /^Behaviour: bad-gateway: answers every request with 502 Bad Gateway/m, [0], /^$/],
    ['refuse', /^Behaviour: refuse: refuses every tunnel to the API with 502/m, [56], /CONNECT tunnel failed, response 502/],
    [
      'reset',
      /^Behaviour: reset: resets every connection right after the TLS handshake/m,
      [35, 55, 56],
      /reset|SSL_ERROR_SYSCALL|Recv failure|Failed sending data|not connected/i,
    ],
  ] as const)('--behaviour %s serves that failure to a real client and logs it', async ([behaviour, says, exitCodes, error], { skip }) => {
    requireTool({ skip }, findExecutable('curl') === undefined ? 'curl not found on PATH' : null);
    const cli = await startCli(['--behaviour', behaviour]);
    try {
      expect(cli.output()).toMatch(says);
      const result = await curlResult(cli.env, cli.tokens.valid, behaviour === 'hang' ? ['--max-time', '1'] : []);
      expect(exitCodes).toContain(result.exitCode);
      expect(result.stderr).toMatch(error);
      if (behaviour === 'bad-gateway') expect(result.stdout).toContain('<title>502 Bad Gateway</title>');
      const log = cli.output().slice(cli.output().indexOf(READY));
      if (behaviour === 'bad-gateway') expect(log).toMatch(/^GET \/api\/clients 502 bad-gateway /m);
      if (behaviour === 'hang')
        await within(
          until(() => /^GET \/api\/clients 0 no-answer /m.test(cli.output())),
          'the hung request to be logged',
        );
      // The mock hears of the broken-off handshake as curl exits, not before: wait for the line.
      if (behaviour === 'untrusted')
        await within(
          until(() => /^TLS handshake failed: /m.test(cli.output())),
          'the refused handshake to be logged',
        );
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await within(cli.child, 'the mock to stop')).exitCode).toBe(0);
  });

  test('--behaviour bad-request answers a body it would accept with the documented 400, and a request without one as the API does', async ({
    skip,
  }) => {
    requireTool({ skip }, findExecutable('curl') === undefined ? 'curl not found on PATH' : null);
    const cli = await startCli(['--behaviour', 'bad-request']);
    try {
      expect(cli.output()).toMatch(/^Behaviour: bad-request: answers like the Core API, but refuses every request body it would accept/m);
      const body = JSON.stringify({ clientName: 'My Organisation' });
      const refused = await curlResult(cli.env, cli.tokens.valid, ['-X', 'POST', '-H', 'Content-Type: application/json', '--data', body]);
      expect(JSON.parse(refused.stdout)).toEqual({ error: 'Bad Request', message: 'body: must be an object', status: 400 });
      expect(await curl(cli.env, cli.tokens.valid)).toContain('Northwind Logistics');
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await within(cli.child, 'the mock to stop')).exitCode).toBe(0);
  });

  test("prints a command that runs a JavaScript example against it on the project's Node.js, whatever node the shell has", async ({
    skip,
  }) => {
    const shell = shellPath(process.env.PATH ?? '');
    requireTool({ skip }, findExecutable('npx', { env: { PATH: shell } }) === undefined ? 'npx not found on PATH' : null);
    const cli = await startCli();
    try {
      const command = /^Or: {2}(npx node \S+) {3}\(from the project's folder: npx node is the project's Node\.js\)$/m.exec(
        cli.output(),
      )?.[1];
      expect(command).toBe('npx node snippets/list-clients/list-clients.mjs');
      // In the contributor's shell: the pasted lines, and PATH without what npm and vitest put first.
      const result = await execa('sh', ['-c', command!], {
        cwd: PROJECT_ROOT,
        env: { ...cli.env, PATH: shell },
        extendEnv: false,
        reject: false,
      });
      expect(result.exitCode, result.stderr).toBe(0);
      for (const name of SEED_CLIENT_NAMES) expect(result.stdout).toContain(name);
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await within(cli.child, 'the mock to stop')).exitCode).toBe(0);
  });

  test('lists every operation with a curl line that, pasted after the exports, gets its documented success', async ({ skip }) => {
    requireTool({ skip }, findExecutable('curl') === undefined ? 'curl not found on PATH' : null);
    const cli = await startCli();
    try {
      const printed = cli.output();
      const block = printed.slice(printed.indexOf('Operations it serves'), printed.indexOf('\nTry: '));
      const listed = [...block.matchAll(/^ {2}(GET|POST|PUT|DELETE) +(\S+) +(\w+)\n {4}(curl .+)$/gm)];
      expect(listed.map((match) => `${match[1]} ${match[2]} ${match[3]}`)).toEqual(
        API_OPERATIONS.map((operation) => `${operation.method} ${operation.path} ${operation.operationId}`),
      );
      expect(printed).toContain(`Try: ${listed[0]![4]}`);
      // Deletes last, the innermost first, so that every line finds the seeded records it names.
      const order = [...listed.filter((match) => match[1] !== 'DELETE'), ...listed.filter((match) => match[1] === 'DELETE').reverse()];
      for (const [, , , operationId, line] of order) {
        const operation = API_OPERATIONS.find((each) => each.operationId === operationId)!;
        const success = operation.responses.find((response) => response.status < 300)!.status;
        const result = await execa('sh', ['-c', `${line} -sS -o /dev/null -w '%{http_code}'`], {
          env: cli.env,
          extendEnv: false,
          reject: false,
        });
        expect(`${operationId} ${result.stdout}`, result.stderr).toBe(`${operationId} ${success}`);
      }
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await within(cli.child, 'the mock to stop')).exitCode).toBe(0);
  });

  test('warns when the node on PATH is older than the JavaScript examples need, naming it and the command to use', async ({ skip }) => {
    const old = await olderNode();
    if (!old) return skip(`no Node.js older than ${SNIPPET_NODE_VERSIONS} on this machine`);
    const cli = await startCli([], { PATH: [path.dirname(old.path), shellPath(process.env.PATH ?? '')].join(path.delimiter) });
    cli.child.kill('SIGINT');
    await within(cli.child, 'the mock to stop');
    expect(cli.output()).toContain(
      `Warning: the node on your PATH (${old.path}) is ${old.version}; the JavaScript examples need Node.js ${SNIPPET_NODE_VERSIONS},\n`,
    );
    expect(cli.output()).toContain(
      "and fails with getaddrinfo ENOTFOUND. Run them with the project's Node.js instead: npx node snippets/list-clients/list-clients.mjs\n",
    );
  });

  test("gives no warning when the node on PATH can run the JavaScript examples (the project's own)", async () => {
    const cli = await startCli([], { PATH: [path.dirname(process.execPath), shellPath(process.env.PATH ?? '')].join(path.delimiter) });
    cli.child.kill('SIGINT');
    await within(cli.child, 'the mock to stop');
    expect(cli.output()).toContain('Or:  npx node snippets/list-clients/list-clients.mjs');
    expect(cli.output()).not.toContain('Warning:');
  });

  test('through its proxy, curl creates, reads, updates and deletes a target, and gets the documented errors', async ({ skip }) => {
    requireTool({ skip }, findExecutable('curl') === undefined ? 'curl not found on PATH' : null);
    const cli = await startCli();
    const targets = `${API_FACTS.baseUrl}/clients/${CLIENT}/targets`;
    const send = async (method: string, url: string, body?: unknown) => {
      const data = body === undefined ? [] : ['-H', 'Content-Type: application/json', '--data', JSON.stringify(body)];
      const result = await execa('curl', ['-sS', '-X', method, '-H', '@-', ...data, '-w', '\n%{http_code}', url], {
        env: cli.env,
        extendEnv: false,
        input: `Authorization: ${cli.tokens.valid}\n`,
      });
      const status = Number(result.stdout.slice(result.stdout.lastIndexOf('\n') + 1));
      return {
        status,
        body: JSON.parse(result.stdout.slice(0, result.stdout.lastIndexOf('\n'))) as Record<string, Record<string, string>>,
      };
    };
    try {
      const created = await send('POST', targets, NEW_TARGET);
      expect(created.status).toBe(201);
      const id = created.body.target!.sKey!;
      expect(id).toMatch(/^tgt_[0-9a-f]{8}$/);
      expect(await send('GET', `${targets}/${id}`)).toEqual({ status: 200, body: created.body });
      const updated = await send('PUT', `${targets}/${id}`, { targetName: 'OpenAI' });
      expect(updated.status).toBe(200);
      expect(updated.body.target).toMatchObject({ ...created.body.target, targetName: 'OpenAI', targetUpdatedAt: expect.any(String) });
      expect(await send('DELETE', `${targets}/${id}`)).toEqual({ status: 200, body: { message: 'Success' } });
      expect(await send('GET', `${targets}/${id}`)).toEqual({ status: 404, body: documentedError(404, 'unknownId').body });
      const { targetName: _name, ...nameless } = NEW_TARGET;
      expect(await send('POST', targets, nameless)).toEqual({
        status: 400,
        body: { error: 'Bad Request', message: 'targetName: is required', status: 400 },
      });
      expect(await send('GET', `${API_FACTS.baseUrl}/clients/00000000-0000-4000-8000-000000000000`)).toEqual({
        status: 404,
        body: documentedError(404, 'unknownId').body,
      });
      expect(await send('PATCH', targets)).toEqual({ status: 405, body: documentedError(405).body });
      await within(
        until(() => /^PATCH \S+ 405 method-not-allowed /m.test(cli.output())),
        'the last request to be logged',
      );
      expect(cli.output()).toMatch(new RegExp(`^POST /api/clients/${CLIENT}/targets 201 ok `, 'm'));
    } finally {
      cli.child.kill('SIGINT');
    }
    expect((await within(cli.child, 'the mock to stop')).exitCode).toBe(0);
  });

  test('refuses an unknown --behaviour with exit code 2, naming the ones it knows', async () => {
    const result = await execa(process.execPath, [path.resolve('scripts/mock/mock-cli.ts'), '--behaviour', 'flaky'], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'unknown --behaviour "flaky"; expected one of: api, bad-request, untrusted, hang, bad-gateway, refuse, reset',
    );
  });

  test('stops on SIGTERM and deletes the keys', async () => {
    const cli = await startCli();
    const caDir = path.dirname(cli.env.CURL_CA_BUNDLE ?? '');
    expect(existsSync(caDir)).toBe(true);
    cli.child.kill('SIGTERM');
    expect((await within(cli.child, 'the mock to stop')).exitCode).toBe(0);
    expect(existsSync(caDir)).toBe(false);
  });
});
