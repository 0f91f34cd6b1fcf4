// `npm run mock`: the mock API behind its interception proxy, for trying examples by hand. Prints
// the environment to paste into another shell, three throwaway tokens, every operation with a curl
// line, and a JavaScript example to run on the project's Node.js (with a warning when the shell's
// `node` is too old for the examples), then logs each request. Ctrl-C stops it and deletes the key
// material. `--behaviour` makes it fail the way a real network can (untrusted certificate, hung
// server, gateway error, refused tunnel, reset connection).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API_FACTS } from '../api/core-api.ts';
import { createThrowawayCa } from './ca.ts';
import { describeOperations, idExports, operationLines } from './curl-lines.ts';
import { describeEgress, describeTlsFailure, describeRequest, maskLogLine } from './describe.ts';
import { MANAGED_VARIABLES, interceptedEnvironment } from './intercepted-environment.ts';
import { startInterceptor } from './interceptor.ts';
import { shellExports, shellQuote } from '../shell.ts';
import { randomTokenTrio, toMockTokens } from './tokens.ts';
import { oldNodeWarning, shellNode } from './shell-node.ts';
import { SNIPPETS_FOLDER } from '../project.ts';
import { MOCK_BEHAVIOURS, type MockBehaviour, type ThrowawayCa } from './types.ts';

// Printed once everything is listening; what comes after it is the request log.
const READY_LINE = 'Requests (Ctrl-C stops the mock and deletes its keys):';

/** A JavaScript example run with the project's Node.js, the one its fetch honours the proxy in (see shell-node.ts). */
const TRY_JAVASCRIPT = `npx node ${path.posix.join(SNIPPETS_FOLDER, 'list-clients', 'list-clients.mjs')}`;

/** What each behaviour does, as the CLI says it. */
const BEHAVIOUR_TEXT: Readonly<Record<MockBehaviour, string>> = Object.freeze({
  api: 'answers like the Core API',
  'bad-request': 'answers like the Core API, but refuses every request body it would accept with its documented 400',
  untrusted: 'shows a certificate from a CA your environment does not trust (a program must refuse it)',
  hang: 'takes each request and never answers (a program must give up after its own timeout)',
  'bad-gateway': 'answers every request with 502 Bad Gateway and an HTML page, as a load balancer does',
  refuse: 'refuses every tunnel to the API with 502, as a proxy that cannot reach it does',
  reset: 'resets every connection right after the TLS handshake, as a broken network does',
});

/** Bad command-line input: printed with the usage and exit code 2. */
class UsageError extends Error {}

/** Reads `--behaviour NAME` (default `api`). */
function parseBehaviour(argv: readonly string[]): MockBehaviour {
  const { values } = parseArgs({ args: [...argv], options: { behaviour: { type: 'string', default: 'api' } }, strict: true });
  const behaviour = values.behaviour as MockBehaviour;
  if (!MOCK_BEHAVIOURS.includes(behaviour)) {
    throw new UsageError(`unknown --behaviour "${values.behaviour}"; expected one of: ${MOCK_BEHAVIOURS.join(', ')}`);
  }
  return behaviour;
}

/** Every operation the mock serves, each with a curl line (seeded ids, the description's example body), then the first to try. */
function printOperations(log: (line: string) => void): void {
  const lines = operationLines();
  log("Operations it serves (the ids are the seeded account's; paste a line once the variables above are exported):");
  for (const line of describeOperations(lines)) log(line);
  log('');
  log(`Try: ${lines[0]!.curl}`);
}

async function main(): Promise<void> {
  let behaviour: MockBehaviour;
  try {
    behaviour = parseBehaviour(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`npm run mock: ${(error as Error).message}\nUsage: npm run mock [-- --behaviour ${MOCK_BEHAVIOURS.join('|')}]\n`);
    process.exit(2);
  }
  // Which `node` the contributor's shell runs is asked meanwhile, for the advice printed below.
  const nodeOnPath = shellNode();
  const ca = await createThrowawayCa();
  // The certificate the programs must refuse: from a second CA that no exported variable names.
  let untrustedCa: ThrowawayCa | undefined;
  if (behaviour === 'untrusted') {
    try {
      untrustedCa = await createThrowawayCa({ javaTrustStore: false });
    } catch (error) {
      await ca.dispose();
      throw error;
    }
  }
  const tokens = randomTokenTrio();
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  // What clients send is logged with every token masked: in a path, a host name or encoded.
  const logSeen = (line: string): void => log(maskLogLine(line, Object.values(tokens)));
  const interceptor = await startInterceptor({
    ca,
    tokens: toMockTokens(tokens),
    behaviour,
    untrustedCa,
    onRequest: (request) => logSeen(describeRequest(request)),
    onEgress: (attempt) => logSeen(describeEgress(attempt)),
    onTlsFailure: (failure) => logSeen(describeTlsFailure(failure)),
  });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) process.exit(130); // a second Ctrl-C does not wait
    stopping = true;
    await interceptor.close();
    await ca.dispose();
    await untrustedCa?.dispose();
    log('Stopped; the throwaway CA and its keys are deleted.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const env = interceptedEnvironment(process.env, interceptor, ca);
  log(`RequestRocket mock API: ${API_FACTS.baseUrl} answered through ${interceptor.proxyUrl}`);
  log(`Behaviour: ${behaviour}: ${BEHAVIOUR_TEXT[behaviour]}`);
  log('Paste these lines into another shell (POSIX sh, bash, zsh):');
  log('');
  for (const line of shellExports(MANAGED_VARIABLES, env, process.env)) log(line);
  log(`export ${API_FACTS.tokenEnvVar}=${shellQuote(tokens.valid)}`);
  // The seeded account's ids, in the variables the examples read them from.
  for (const line of idExports()) log(line);
  log('');
  log('Throwaway tokens, valid for this run only:');
  log(`  valid      ${tokens.valid}  -> 200`);
  log(`  revoked    ${tokens.revoked}  -> 401`);
  log(`  forbidden  ${tokens.forbidden}  -> 403`);
  log('');
  printOperations(log);
  log(`Or:  ${TRY_JAVASCRIPT}   (from the project's folder: npx node is the project's Node.js)`);
  const warning = oldNodeWarning(await nodeOnPath, TRY_JAVASCRIPT);
  if (warning) log(`\n${warning}`);
  log('');
  log(READY_LINE);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
