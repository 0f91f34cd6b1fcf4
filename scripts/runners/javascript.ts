// JavaScript: the snippet runs on the Node.js that runs the harness; nothing to build.
import { dirname, resolve } from 'node:path';
import { defineRunner, type Toolchain } from './runner-contract.ts';
import { runProcess } from './process.ts';
import { languageFields, readInput } from './toolchain.ts';

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

/** Runs .js and .mjs snippets with `process.execPath`. */
export const javascriptRunner = defineRunner({
  ...languageFields('javascript'),
  async detect() {
    return nodeToolchain(process.version);
  },
  async prepare(file) {
    const path = resolve(file);
    await readInput(path);
    return { command: process.execPath, args: [path], cwd: dirname(path) };
  },
  run: runProcess,
});
