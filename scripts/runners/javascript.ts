// JavaScript: the snippet runs on the Node.js that runs the harness; nothing to build.
import { dirname, resolve } from 'node:path';
import { defineRunner, type Toolchain } from './runner-contract.ts';
import { runProcess } from './process.ts';
import { languageFields, readInput } from './toolchain.ts';

/** Whether a Node.js version can run the snippets: fetch honours NODE_USE_ENV_PROXY from 22.21 and 24. */
export function nodeToolchain(version: string): Toolchain {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if ((major === 22 && minor >= 21) || major >= 24) return { available: true, version: `Node.js ${version.replace(/^v/, '')}` };
  const found = version.startsWith('v') ? version : `v${version}`;
  if (major === 23)
    return { available: false, reason: `Node.js 22.21+ or 24+ is needed for NODE_USE_ENV_PROXY; 23 lacks it (found ${found})` };
  return { available: false, reason: `Node.js 22.21+ is needed for NODE_USE_ENV_PROXY (found ${found})` };
}

/** Runs .js and .mjs snippets with `process.execPath`. */
export const javascriptRunner = defineRunner({
  ...languageFields('javascript'),
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
  run: runProcess,
});
