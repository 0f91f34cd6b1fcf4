// Python: one virtual environment per requirements.txt (and interpreter), made on first use in the
// cache with `python3 -m venv` and `pip install -r`, then `<venv>/bin/python file.py`.
import { dirname, join, resolve } from 'node:path';
import { defineRunner } from './runner-contract.ts';
import { buildOnce, hashOf } from './build-cache.ts';
import { runProcess, runTool } from './process.ts';
import { languageFields, memoByPath, probeVersion, readInput, stepFailed } from './toolchain.ts';

/** The interpreter `python3` names on PATH: its version and real executable. */
interface Interpreter {
  version: string;
  executable: string;
}

const interpreters = new Map<string, Promise<Interpreter>>();

function findInterpreter(): Promise<Interpreter> {
  return memoByPath(interpreters, 'python3', async () => {
    const result = await runTool('python3', ['-c', 'import platform, sys; print(platform.python_version()); print(sys.executable)']);
    const [version, executable] = result.output.trim().split('\n');
    if (!result.ok || !version || !executable) throw new Error(result.output || 'python3 printed no version');
    return { version, executable };
  });
}

const runtimes = new Map<string, Promise<string>>();

/** "Python 3.11.7 with requests 2.32.5", read from the venv once per process. */
function venvRuntime(python: string, version: string): Promise<string> {
  let runtime = runtimes.get(python);
  if (!runtime) {
    runtime = runTool(python, ['-c', 'import requests; print(requests.__version__)']).then((result) =>
      result.ok ? `Python ${version} with requests ${result.output.trim()}` : `Python ${version}`,
    );
    runtimes.set(python, runtime);
  }
  return runtime;
}

/** Runs .py snippets in a cached virtual environment holding snippets/requirements.txt. */
export const pythonRunner = defineRunner({
  ...languageFields('python'),
  toolchainCommands: ['python3'],
  dependencyFiles: ['requirements.txt'],
  async detect() {
    const python = await probeVersion('python3', ['--version'], /Python (\S+)/);
    if (!python.found) return { available: false, reason: python.reason };
    const venv = await runTool('python3', ['-c', 'import venv, ensurepip']);
    if (!venv.ok) {
      const lastLine = venv.output.trim().split('\n').at(-1) ?? '';
      return {
        available: false,
        reason: `python3 ${python.version} cannot make virtual environments (the venv module is not usable: ${lastLine})`,
      };
    }
    return { available: true, version: `Python ${python.version}` };
  },
  async prepare(file, context) {
    const path = resolve(file);
    await readInput(path);
    const requirementsFile = join(resolve(context.snippetsRoot), 'requirements.txt');
    let requirements: Buffer;
    let interpreter: Interpreter;
    try {
      requirements = await readInput(requirementsFile);
      interpreter = await findInterpreter();
    } catch (error) {
      throw stepFailed('python venv', path, (error as Error).message);
    }
    const key = hashOf(requirements, interpreter.version, interpreter.executable).slice(0, 24);
    const venv = join(resolve(context.cacheDir), 'python', `venv-${key}`);
    const signal = context.signal ? { signal: context.signal } : {};
    await buildOnce(
      venv,
      async (temp) => {
        const made = await runTool(interpreter.executable, ['-m', 'venv', temp], signal);
        if (!made.ok) throw stepFailed('python3 -m venv', path, made.output);
        // Only `bin/python` is used afterwards: it finds the venv from its own location, so the
        // folder still works once renamed into place (the scripts pip writes keep the temp path).
        const installed = await runTool(
          join(temp, 'bin', 'python'),
          ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', requirementsFile],
          signal,
        );
        if (!installed.ok) throw stepFailed('pip install -r requirements.txt', path, installed.output);
      },
      context,
    );
    const python = join(venv, 'bin', 'python');
    return { command: python, args: [path], cwd: dirname(path), runtime: await venvRuntime(python, interpreter.version) };
  },
  run: runProcess,
});
