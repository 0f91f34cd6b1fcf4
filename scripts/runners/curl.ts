// curl: the snippet is a bash script that calls curl; nothing to build.
import { dirname, resolve } from 'node:path';
import { defineRunner } from './runner-contract.ts';
import { displayPath, findExecutable } from '../paths.ts';
import { runProcess } from './process.ts';
import { languageFields, probeVersion, readInput } from './toolchain.ts';

/** Runs .sh snippets as `bash file.sh`; curl itself is found on the run's own PATH. */
export const curlRunner = defineRunner({
  ...languageFields('curl'),
  toolchainCommands: ['curl', 'bash'],
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
  run: runProcess,
});
