// The `node` a contributor's own shell runs, for `npm run mock`'s advice. A Node.js older than the
// JavaScript examples need ignores the proxy variables the mock prints (its fetch honours them
// only through NODE_USE_ENV_PROXY), so an example run with it looks up the real host and fails
// with `getaddrinfo ENOTFOUND`; `npx node`, from the project's folder, runs the project's own.
import path from 'node:path';
import { execa } from 'execa';
import { findExecutable } from '../paths.ts';
import { SNIPPET_NODE_VERSIONS, runsSnippets } from '../runners/javascript.ts';

/** A `node` program and the version it reports (`v20.20.2`). */
export interface ShellNode {
  path: string;
  version: string;
}

/** PATH as the contributor's shell has it: without the folders `npm run` and `npx` put first (`node_modules/.bin`, npm's `node-gyp-bin`). */
export function shellPath(value: string): string {
  const added = /[\\/](?:node_modules[\\/]\.bin|node-gyp-bin)[\\/]?$/;
  return value
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !added.test(dir))
    .join(path.delimiter);
}

/** The `node` on the shell's PATH and its version, or undefined when there is none or it gives no version. */
export async function shellNode(env: NodeJS.ProcessEnv = process.env): Promise<ShellNode | undefined> {
  const node = findExecutable('node', { env: { PATH: shellPath(env.PATH ?? '') } });
  if (!node) return undefined;
  const result = await execa(node, ['--version'], { reject: false, timeout: 10_000 });
  const version = typeof result.stdout === 'string' ? result.stdout.trim() : '';
  return result.exitCode === 0 && /^v\d+\.\d+/.test(version) ? { path: node, version } : undefined;
}

/** The warning to print when `node` cannot run the JavaScript examples against the mock (`tryCommand` runs one with the project's Node.js), else undefined. */
export function oldNodeWarning(node: ShellNode | undefined, tryCommand: string): string | undefined {
  if (!node || runsSnippets(node.version)) return undefined;
  return [
    `Warning: the node on your PATH (${node.path}) is ${node.version}; the JavaScript examples need Node.js ${SNIPPET_NODE_VERSIONS},`,
    `whose fetch honours the proxy variables above (NODE_USE_ENV_PROXY). With ${node.version}, \`node <example>.mjs\` skips the mock`,
    `and fails with getaddrinfo ENOTFOUND. Run them with the project's Node.js instead: ${tryCommand}`,
  ].join('\n');
}
