// Go: each snippet is one main-package file using only the standard library, built once per
// content (and Go version) into the cache, then run as a plain binary.
import { dirname, join, resolve } from 'node:path';
import { defineRunner } from './runner-contract.ts';
import { buildOnce, hashOf } from './build-cache.ts';
import { runProcess, runTool } from './process.ts';
import { languageFields, memoByPath, probeVersion, readInput, stepFailed } from './toolchain.ts';

const goVersions = new Map<string, Promise<string>>();

/** The full `go version` line (version and platform), which is part of every build's key. */
function goVersionLine(): Promise<string> {
  return memoByPath(goVersions, 'go', async () => {
    const result = await runTool('go', ['version']);
    if (!result.ok) throw new Error(result.output);
    return result.output.trim();
  });
}

/** Builds .go snippets with `go build` into `<cacheDir>/go/<hash>/snippet` and runs the binary. */
export const goRunner = defineRunner({
  ...languageFields('go'),
  toolchainCommands: ['go'],
  async detect() {
    const go = await probeVersion('go', ['version'], /go version go(\S+)/);
    return go.found ? { available: true, version: `Go ${go.version}` } : { available: false, reason: go.reason };
  },
  async prepare(file, context) {
    const path = resolve(file);
    const source = await readInput(path);
    let version: string;
    try {
      version = await goVersionLine();
    } catch (error) {
      throw stepFailed('go build', path, (error as Error).message);
    }
    const target = join(resolve(context.cacheDir), 'go', hashOf(source, version).slice(0, 24));
    await buildOnce(
      target,
      async (temp) => {
        const result = await runTool('go', ['build', '-o', join(temp, 'snippet'), path], {
          cwd: dirname(path),
          // Never fetch another Go toolchain in the middle of a build.
          env: { ...process.env, GOTOOLCHAIN: 'local' },
          ...(context.signal ? { signal: context.signal } : {}),
        });
        if (!result.ok) throw stepFailed('go build', path, result.output);
      },
      context,
    );
    return { command: join(target, 'snippet'), args: [], cwd: dirname(path) };
  },
  run: runProcess,
});
