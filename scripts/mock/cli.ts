// `npm run mock`: the mock API behind its interception proxy, for trying examples by hand. Prints
// the environment to paste into another shell and three throwaway tokens, then logs each request.
// Ctrl-C stops it and deletes the key material.
import { API_BASE_URL, TOKEN_ENV_VAR } from '../api/contract.ts';
import { createThrowawayCa } from './ca.ts';
import { describeEgress, describeTlsFailure, describeRequest, maskLogLine } from './describe.ts';
import { MANAGED_VARIABLES, interceptedEnvironment } from './environment.ts';
import { startInterceptor } from './interceptor.ts';
import { shellExports, shellQuote } from './shell.ts';
import { randomTokenTrio, toMockTokens } from './tokens.ts';

// Printed once everything is listening; what comes after it is the request log.
const READY_LINE = 'Requests (Ctrl-C stops the mock and deletes its keys):';

async function main(): Promise<void> {
  const ca = await createThrowawayCa();
  const tokens = randomTokenTrio();
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  // What clients send is logged with every token masked: in a path, a host name or encoded.
  const logSeen = (line: string): void => log(maskLogLine(line, Object.values(tokens)));
  const interceptor = await startInterceptor({
    ca,
    tokens: toMockTokens(tokens),
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
    log('Stopped; the throwaway CA and its keys are deleted.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const env = interceptedEnvironment(process.env, interceptor, ca);
  log(`RequestRocket mock API: ${API_BASE_URL} answered through ${interceptor.proxyUrl}`);
  log('Paste these lines into another shell (POSIX sh, bash, zsh):');
  log('');
  for (const line of shellExports(MANAGED_VARIABLES, env, process.env)) log(line);
  log(`export ${TOKEN_ENV_VAR}=${shellQuote(tokens.valid)}`);
  log('');
  log('Throwaway tokens, valid for this run only:');
  log(`  valid      ${tokens.valid}  -> 200`);
  log(`  revoked    ${tokens.revoked}  -> 401`);
  log(`  forbidden  ${tokens.forbidden}  -> 403`);
  log('');
  log(`Try: curl ${API_BASE_URL}/clients -H "Authorization: $${TOKEN_ENV_VAR}"`);
  log('');
  log(READY_LINE);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
