// JavaScript: the snippet runs on the Node.js that runs the harness; nothing to build. Node's fetch
// reaches the proxy through NODE_USE_ENV_PROXY and trusts the CA through NODE_EXTRA_CA_CERTS.
import { dirname, resolve } from 'node:path';
import { camelCase } from './file-names.ts';
import { defineRunner, type ScaffoldCode, type Toolchain } from './runner-contract.ts';
import { isStackFrameLine, readInput, runSnippet } from './toolchain.ts';

/**
 * The Node.js the JavaScript snippets need: its fetch honours NODE_USE_ENV_PROXY (the proxy that
 * leads to the mock) from 22.21 on the 22 line, and in every release from 24 on; 23 lacks it.
 * README.md states it (a test compares), and `npm run mock` warns when the `node` on PATH is older.
 */
export const SNIPPET_NODE = Object.freeze({ line: 22, lineMinor: 21, from: 24 });

/** That Node.js in words, as README.md and the messages say it: "22.21+ or 24". */
export const SNIPPET_NODE_VERSIONS = `${SNIPPET_NODE.line}.${SNIPPET_NODE.lineMinor}+ or ${SNIPPET_NODE.from}`;

/** Major and minor of a version such as `v22.21.0` or `24.1.0`. */
function majorMinor(version: string): [number, number] {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor];
}

/** Whether Node.js `version` can run the snippets (see SNIPPET_NODE). */
export function runsSnippets(version: string): boolean {
  const [major, minor] = majorMinor(version);
  return (major === SNIPPET_NODE.line && minor >= SNIPPET_NODE.lineMinor) || major >= SNIPPET_NODE.from;
}

/** Whether a Node.js version can run the snippets, as a toolchain: its version, or why not. */
export function nodeToolchain(version: string): Toolchain {
  if (runsSnippets(version)) return { available: true, version: `Node.js ${version.replace(/^v/, '')}` };
  const [major] = majorMinor(version);
  const found = version.startsWith('v') ? version : `v${version}`;
  const onLine = `${SNIPPET_NODE.line}.${SNIPPET_NODE.lineMinor}+`;
  if (major > SNIPPET_NODE.line)
    return {
      available: false,
      reason: `Node.js ${onLine} or ${SNIPPET_NODE.from}+ is needed for NODE_USE_ENV_PROXY; ${major} lacks it (found ${found})`,
    };
  return { available: false, reason: `Node.js ${onLine} is needed for NODE_USE_ENV_PROXY (found ${found})` };
}

/** `    at fn (file:///x.mjs:3:9)`, `    at node:internal/x:1:2`, `    at /abs/x.js:3:9`. */
function isJavaScriptFrame(line: string): boolean {
  if (!isStackFrameLine(line)) return false;
  const rest = line.trimStart().slice('at '.length);
  const location = rest.endsWith(')') && rest.includes(' (') ? rest.slice(rest.lastIndexOf(' (') + 2, -1) : rest;
  return /^(?:file:\/\/|node:|\/)/.test(location) && !/\s/.test(location) && /:\d+:\d+$/.test(location);
}

/** A single-quoted JavaScript string. */
const jsString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;

/** A JSON value as a JavaScript literal, objects over several lines with trailing commas; a field named in `ids` holds that variable. */
function jsLiteral(value: unknown, indent = '', ids: Readonly<Record<string, string>> = {}): string {
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return value.length ? `[\n${value.map((item) => `${inner}${jsLiteral(item, inner)},`).join('\n')}\n${indent}]` : '[]';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${inner}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key)}: ${Object.hasOwn(ids, key) ? ids[key] : jsLiteral(item, inner)},`,
    );
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  return typeof value === 'string' ? jsString(value) : JSON.stringify(value);
}

/** How the JavaScript template writes names, strings, paths (template literals) and a body (an object literal). */
const JAVASCRIPT_CODE: ScaffoldCode = {
  name: camelCase,
  text: jsString,
  path: (parts) =>
    parts.every((part) => typeof part === 'string')
      ? jsString(parts.join(''))
      : `\`${parts.map((part) => (typeof part === 'string' ? part.replace(/[`$\\]/g, '\\$&') : `\${${part.variable}}`)).join('')}\``,
  body: (variable, value, ids) => `const ${variable} = ${jsLiteral(value, '', ids)};`,
};

/** Runs .js and .mjs snippets with `process.execPath`. */
export const javascriptRunner = defineRunner({
  id: 'javascript',
  label: 'JavaScript',
  extensions: ['.js', '.mjs'],
  grammar: 'javascript',
  scaffold: {
    file: new URL('../scaffold/templates/template.mjs', import.meta.url),
    fileName: (id) => `${id}.mjs`,
    lineComment: '//',
    code: JAVASCRIPT_CODE,
  },
  environment: {
    // Added to Node's bundled roots when the process starts.
    caFileVariables: ['NODE_EXTRA_CA_CERTS'],
    // Node's fetch and http(s) ignore the proxy variables unless asked to honour them.
    setVariables: { NODE_USE_ENV_PROXY: () => '1' },
    // The system store would add other roots; `0` turns verification off.
    removedVariables: ['NODE_USE_SYSTEM_CA', 'NODE_TLS_REJECT_UNAUTHORIZED'],
  },
  insecureTls: [
    {
      pattern: /NODE_TLS_REJECT_UNAUTHORIZED/,
      what: 'NODE_TLS_REJECT_UNAUTHORIZED turns certificate checks off for the whole process',
      fix: 'remove it; fetch checks certificates by default',
    },
    {
      pattern: /rejectUnauthorized\s*:\s*(?:false|0)\b/,
      what: 'rejectUnauthorized: false accepts any certificate',
      fix: 'remove the option',
    },
  ],
  requestTimeoutAdvice: (seconds) => `pass signal: AbortSignal.timeout(${seconds}_000) to fetch`,
  crashMarks: [
    { pattern: isJavaScriptFrame, anchor: 'at ', what: 'a JavaScript stack trace' },
    { pattern: /\bUncaught\b/, anchor: 'Uncaught', what: 'an uncaught JavaScript error' },
    { pattern: /\[UnhandledPromiseRejection/, anchor: '[UnhandledPromiseRejection', what: 'an uncaught JavaScript error' },
  ],
  // V8 maps a 512 MiB code range of private memory when it starts.
  limits: { memoryMiB: 1024 },
  async detect() {
    return nodeToolchain(process.version);
  },
  async prepare(file) {
    const path = resolve(file);
    await readInput(path);
    return { command: process.execPath, args: [path], cwd: dirname(path) };
  },
  run: runSnippet,
});
