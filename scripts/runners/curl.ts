// curl: the snippet is a bash script that calls curl; nothing to build. curl reaches the proxy
// through HTTPS_PROXY, trusts the CA through CURL_CA_BUNDLE, and reads no ~/.curlrc of the user's.
import { dirname, resolve } from 'node:path';
import { defineRunner, type ScaffoldCode } from './runner-contract.ts';
import { displayPath, findExecutable } from '../paths.ts';
import { probeVersion, readInput, runSnippet } from './toolchain.ts';

/** A single-quoted shell word. */
const shWord = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** What stands for a variable in a body's JSON text until the quoting is done: `@@target_id@@`. */
const MARKER = /@@([a-z_][a-z0-9_]*)@@/g;

/** `value` with each top-level field named in `ids` holding the marker of its variable. */
function withMarkers(value: unknown, ids: Readonly<Record<string, string>>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, Object.hasOwn(ids, key) ? `@@${ids[key]}@@` : item]));
}

/** How the curl script writes names (snake case), words, paths (double-quoted, with `${name}`) and a body (JSON text). */
const CURL_CODE: ScaffoldCode = {
  name: (words) => words.map((word) => word.toLowerCase()).join('_'),
  text: shWord,
  path: (parts) =>
    `"${parts.map((part) => (typeof part === 'string' ? part.replace(/["$`\\]/g, '\\$&') : `\${${part.variable}}`)).join('')}"`,
  body: (variable, value, ids = {}) =>
    `${variable}=${shWord(JSON.stringify(withMarkers(value, ids), null, 2)).replace(MARKER, '\'"${$1}"\'')}`,
};

/** Runs .sh snippets as `bash file.sh`; curl itself is found on the run's own PATH. */
export const curlRunner = defineRunner({
  id: 'curl',
  label: 'curl',
  extensions: ['.sh'],
  grammar: 'bash',
  toolchainCommands: ['curl', 'bash'],
  scaffold: {
    file: new URL('../scaffold/templates/template.sh', import.meta.url),
    fileName: (id) => `${id}.sh`,
    executable: true,
    lineComment: '#',
    code: CURL_CODE,
  },
  environment: {
    caFileVariables: ['CURL_CA_BUNDLE'],
    // A ~/.curlrc may say `insecure`, `proxy` or `noproxy`: curl looks for it here instead.
    homeVariables: ['CURL_HOME'],
    // A folder of other roots for OpenSSL.
    removedVariables: ['SSL_CERT_DIR'],
  },
  insecureTls: [
    {
      pattern: /(?:^|\s)(?:--insecure|--proxy-insecure|-(?!-)[A-Za-z]*k[A-Za-z]*)(?=\s|$|\\)/,
      what: 'curl -k (--insecure) accepts any certificate',
      fix: 'remove -k/--insecure; curl checks certificates by default',
    },
    {
      // A script may set them for a program it starts.
      pattern: /NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY/,
      what: 'an environment variable turns certificate checks off',
      fix: 'remove it',
    },
  ],
  requestTimeoutAdvice: (seconds) => `add --max-time ${seconds}`,
  async detect() {
    const curl = await probeVersion('curl', ['--version'], /^curl (\S+)/);
    if (!curl.found) return { available: false, reason: curl.reason };
    const bash = await probeVersion('bash', ['--version'], /version (\d+(?:\.\d+)*)/);
    if (!bash.found) return { available: false, reason: bash.reason };
    return { available: true, version: `curl ${curl.version}, bash ${bash.version}` };
  },
  async prepare(file) {
    const path = resolve(file);
    await readInput(path);
    const bash = findExecutable('bash');
    if (!bash) throw new Error(`cannot run ${displayPath(path)}: bash not found on PATH`);
    return { command: bash, args: [path], cwd: dirname(path) };
  },
  run: runSnippet,
});
