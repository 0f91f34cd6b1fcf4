// Python: one virtual environment per requirements.txt (and interpreter), made on first use in the
// cache with `python3 -m venv` and `pip install -r` in build sandboxes (pip reaching PyPI alone,
// through the build proxy), then `<venv>/bin/python file.py`. requests reaches the proxy through
// HTTPS_PROXY and trusts the CA through REQUESTS_CA_BUNDLE.
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { snakeCase } from './file-names.ts';
import { defineRunner, type BuildDeclaration, type ScaffoldCode } from './runner-contract.ts';
import { buildOnce, hashOf } from './build-cache.ts';
import { memoByPath, probeVersion, readInput, runBuild, runSnippet, runToolchain, stepFailed } from './toolchain.ts';

/** The interpreter `python3` names on PATH: its version and real executable. */
interface Interpreter {
  version: string;
  executable: string;
}

const interpreters = new Map<string, Promise<Interpreter>>();

function findInterpreter(): Promise<Interpreter> {
  return memoByPath(interpreters, 'python3', async () => {
    const result = await runToolchain('python3', ['-c', 'import platform, sys; print(platform.python_version()); print(sys.executable)']);
    const [version, executable] = result.output.trim().split('\n');
    if (!result.ok || !version || !executable) throw new Error(result.output || 'python3 printed no version');
    return { version, executable };
  });
}

const runtimes = new Map<string, Promise<string>>();

/**
 * "Python 3.11.7 with requests 2.32.5", read once per process from the name of the venv's
 * `requests-<version>.dist-info` folder: nothing installed is run outside a sandbox.
 */
function venvRuntime(venv: string, version: string): Promise<string> {
  let runtime = runtimes.get(venv);
  if (!runtime) {
    runtime = (async () => {
      const lib = join(venv, 'lib');
      for (const python of await readdir(lib).catch(() => [])) {
        const found = (await readdir(join(lib, python, 'site-packages')).catch(() => [] as string[]))
          .map((name) => /^requests-(.+)\.dist-info$/.exec(name)?.[1])
          .find(Boolean);
        if (found) return `Python ${version} with requests ${found}`;
      }
      return `Python ${version}`;
    })();
    runtimes.set(venv, runtime);
  }
  return runtime;
}

/** A double-quoted Python string (JSON's escapes are Python's too). */
const pyString = (text: string) => JSON.stringify(text);

/** A JSON value as a Python literal, dictionaries over several lines; a field named in `ids` holds that variable. */
function pyLiteral(value: unknown, indent = '', ids: Readonly<Record<string, string>> = {}): string {
  const inner = `${indent}    `;
  if (Array.isArray(value))
    return value.length ? `[\n${value.map((item) => `${inner}${pyLiteral(item, inner)},`).join('\n')}\n${indent}]` : '[]';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${inner}${pyString(key)}: ${Object.hasOwn(ids, key) ? ids[key] : pyLiteral(item, inner)},`,
    );
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'string' ? pyString(value) : JSON.stringify(value);
}

/** How the Python template writes names (snake case), strings, paths (f-strings) and a body (a dict). */
const PYTHON_CODE: ScaffoldCode = {
  name: (words) => words.map((word) => word.toLowerCase()).join('_'),
  text: pyString,
  path: (parts) =>
    parts.every((part) => typeof part === 'string')
      ? pyString(parts.join(''))
      : `f"${parts.map((part) => (typeof part === 'string' ? JSON.stringify(part).slice(1, -1).replace(/[{}]/g, '$&$&') : `{${part.variable}}`)).join('')}"`,
  body: (variable, value, ids) => `${variable} = ${pyLiteral(value, '', ids)}`,
};

/** How pip installs requirements.txt: from PyPI alone, with the index, CA bundle and wheel folder this machine's pip is configured with. */
const PYTHON_BUILD: BuildDeclaration = Object.freeze({
  registryHosts: Object.freeze(['pypi.org', 'files.pythonhosted.org']),
  passThroughVariables: Object.freeze(['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_CERT', 'PIP_FIND_LINKS', 'PIP_DEFAULT_TIMEOUT']),
});

// Inside a """docstring""": a backslash or quote would end or change the string.
const docstringText = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');

/** Runs .py snippets in a cached virtual environment holding snippets/requirements.txt. */
export const pythonRunner = defineRunner({
  id: 'python',
  label: 'Python',
  extensions: ['.py'],
  grammar: 'python',
  toolchainCommands: ['python3'],
  dependencyFiles: ['requirements.txt'],
  scaffold: {
    file: new URL('../scaffold/templates/template.py', import.meta.url),
    fileName: (id) => `${snakeCase(id)}.py`,
    escape: docstringText,
    lineComment: '#',
    code: PYTHON_CODE,
  },
  environment: {
    // OpenSSL's default file (Python's ssl), and requests' own bundle (which takes precedence).
    caFileVariables: ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE'],
    // A folder of other roots for OpenSSL; `0` turns verification off in some builds; other libraries' bundles.
    removedVariables: ['SSL_CERT_DIR', 'PYTHONHTTPSVERIFY', 'PIP_CERT', 'HTTPLIB2_CA_CERTS', 'WEBSOCKET_CLIENT_CA_BUNDLE'],
  },
  insecureTls: [
    {
      pattern: /\bverify\s*=\s*(?:False|0)\b/,
      what: 'verify=False accepts any certificate',
      fix: 'remove it; requests checks certificates by default',
    },
    {
      pattern: /_create_unverified_context|\bCERT_NONE\b/,
      what: 'an unverified SSL context accepts any certificate',
      fix: 'use the default context',
    },
    { pattern: /check_hostname\s*=\s*False/, what: 'check_hostname = False accepts a certificate for any host', fix: 'remove it' },
    { pattern: /PYTHONHTTPSVERIFY/, what: 'PYTHONHTTPSVERIFY turns certificate checks off', fix: 'remove it' },
  ],
  requestTimeoutAdvice: (seconds) => `pass timeout=${seconds} to requests.get()`,
  crashMarks: [{ pattern: /Traceback \(most recent call last\)/, anchor: 'Traceback (most recent call last)', what: 'a Python traceback' }],
  build: PYTHON_BUILD,
  async detect() {
    const python = await probeVersion('python3', ['--version'], /Python (\S+)/);
    if (!python.found) return { available: false, reason: python.reason };
    const venv = await runToolchain('python3', ['-c', 'import venv, ensurepip']);
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
    await buildOnce(
      venv,
      async (temp) => {
        const made = await runBuild(
          { command: interpreter.executable, args: ['-m', 'venv', temp], cwd: temp, reads: [], writes: [temp] },
          PYTHON_BUILD,
          context,
        );
        if (!made.ok) throw stepFailed('python3 -m venv', path, made.output);
        // Only `bin/python` is used afterwards: it finds the venv from its own location, so the
        // folder still works once renamed into place (the scripts pip writes keep the temp path).
        const installed = await runBuild(
          {
            command: join(temp, 'bin', 'python'),
            args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', requirementsFile],
            cwd: temp,
            reads: [requirementsFile],
            writes: [temp],
            network: true,
          },
          PYTHON_BUILD,
          context,
        );
        if (!installed.ok) throw stepFailed('pip install -r requirements.txt', path, installed.output);
      },
      context,
    );
    const python = join(venv, 'bin', 'python');
    return { command: python, args: [path], cwd: dirname(path), runtime: await venvRuntime(venv, interpreter.version) };
  },
  run: runSnippet,
});
