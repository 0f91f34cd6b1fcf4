// Snippets written by a hostile stranger (test/fixtures/hostile/): each tries one way past the
// harness, and each way must be closed. In a sandbox the side doors (a direct loopback connection,
// a UDP datagram, a DNS query carrying the token) fail `egress` and say what was tried, and the
// project's files around a snippet (.git/config, package.json, another example, ~/.npmrc) cannot be
// read, from a compiled program or an interpreted one; with or without a sandbox, files planted for
// later cases (`.curlrc`, `sitecustomize.py`) change nothing, the CA's private keys cannot be read,
// signalling the parent does not reach the harness, and a Go file cannot have its build copy a file
// from outside its folder into the binary (cgo) or download code (a go.mod beside it). Even with
// cgo and downloads declared on, its build sandbox shows it neither the file nor the network. The
// honest `unaffected` example runs last and must pass.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ReportCheckId } from '../../scripts/harness/checks/check-ids.ts';
import { PROJECT_ROOT, planHarness, runHarness } from '../../scripts/harness/harness.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { detectIsolation, type Isolation } from '../../scripts/sandbox/isolation.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import type { LanguageRunner } from '../../scripts/runners/runner-contract.ts';
import { createGoRunner } from '../../scripts/runners/go.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'hostile');

/** Each fixture's case key, the checks it must fail in a sandbox, and what the egress message must say. */
// Those that name a variable the harness sets (CURL_HOME, CURL_CA_BUNDLE) or a loopback address
// in their source also fail harness-detection, whatever happens when they run.
const SANDBOXED: Record<string, { fails: ReportCheckId[]; says?: RegExp }> = {
  'writes-curlrc/curl/ok': { fails: ['harness-detection'] },
  'plants-sitecustomize/python/ok': { fails: [] },
  'reads-ca-key/curl/ok': { fails: ['harness-detection'] },
  'signals-parent/curl/ok': { fails: [] },
  'direct-loopback/curl/ok': {
    fails: ['egress', 'harness-detection'],
    says: /its sandbox recorded 1 direct TCP connection to a loopback port, bypassing the proxy$/,
  },
  'udp-datagram/curl/ok': { fails: ['egress', 'harness-detection'], says: /its sandbox recorded 1 UDP datagram to a loopback port$/ },
  // Named by the stub resolver; where it cannot listen on port 53 (not root), still caught, unnamed.
  'dns-lookup/curl/ok': {
    fails: ['egress'],
    says: /its sandbox recorded (a DNS lookup of "u-\w\w…\(34 chars\)\.leak\.example"|\d+ UDP datagrams? to a loopback port \(DNS lookups among them)/,
  },
  'reads-project-files/go/ok': { fails: [] },
  'reads-project-files/curl/ok': { fails: [] },
  // Neither builds: cgo is off and Go downloads no module; the prepare check says why.
  'includes-at-build/go/ok': { fails: ['prepare'] },
  'fetches-at-build/go/ok': { fails: ['prepare'] },
  'unaffected/curl/ok': { fails: [] },
  'unaffected/python/ok': { fails: [] },
};

/** What the prepare check of a Go file that reaches out while it is built says, with the harness's Go runner. */
const BUILD_REFUSED: Record<string, RegExp> = {
  'includes-at-build/go/ok': /^go build failed for .*includes_at_build\.go:\n[^]*it imports "C", but cgo is off \(CGO_ENABLED=0\)/,
  'fetches-at-build/go/ok': /^go build failed for .*fetches_at_build\.go:\n[^]*module lookup disabled by GOPROXY=off/,
};

/** What the project-reading fixtures try to read, each of which a sandboxed program must fail to. */
const PROJECT_FILES = ['.git/config', 'package.json', 'another example', '~/.npmrc'];

/** An npm token in an `.npmrc` above the fixtures, where a CI checkout inside the harness user's home has `~/.npmrc`. */
const PLANTED_NPMRC = path.join(ROOT, '.npmrc');
const NPM_TOKEN = `//registry.npmjs.org/:_authToken=npm_${'x'.repeat(36)}`;

/** Without a sandbox the side doors cannot be seen; everything else must hold all the same. */
const UNSANDBOXED = [
  'writes-curlrc/curl/ok',
  'plants-sitecustomize/python/ok',
  'reads-ca-key/curl/ok',
  'signals-parent/curl/ok',
  'includes-at-build/go/ok',
  'fetches-at-build/go/ok',
  'unaffected/curl/ok',
  'unaffected/python/ok',
];

/** Runs the hostile cases one at a time, `unaffected` last, and returns their results by key. */
async function runHostile(
  keys: readonly string[],
  options: { isolation: Isolation; cacheDir?: string; runners?: readonly LanguageRunner[] },
): Promise<Map<string, CaseResult>> {
  const { cases } = await planHarness({ root: ROOT, scenarios: ['ok'], runners: options.runners });
  const chosen = keys.map((key) => {
    const planned = cases.find((candidate) => candidate.key === key);
    if (!planned) throw new Error(`no case ${key} under ${ROOT}`);
    return planned;
  });
  const run = await runHarness({ cases: chosen, root: ROOT, ...options, concurrency: 1, requireAll: process.env.CI === 'true' });
  return new Map(run.results.map((result) => [result.key, result]));
}

function failedChecks(result: CaseResult | undefined): ReportCheckId[] {
  return (result?.checks ?? []).filter((check) => check.status === 'failed').map((check) => check.id as ReportCheckId);
}

const isolation = await detectIsolation();
const throwaways: string[] = [];
afterAll(() => Promise.all(throwaways.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('in a sandbox', () => {
  test('every hostile snippet fails exactly the expected checks, and the honest one after them passes', async (context) => {
    if (!isolation.available) {
      // CI installs bubblewrap and socat: a missing sandbox there is a failure, not a skip.
      if (process.env.CI === 'true') throw new Error(`no sandbox under CI=true: ${isolation.reason}`);
      context.skip(`no sandbox here: ${isolation.reason}`);
    }
    await writeFile(PLANTED_NPMRC, `${NPM_TOKEN}\n`);
    let results: Map<string, CaseResult>;
    try {
      results = await runHostile(Object.keys(SANDBOXED), { isolation });
    } finally {
      await rm(PLANTED_NPMRC, { force: true });
    }
    for (const [key, expected] of Object.entries(SANDBOXED)) {
      const result = results.get(key);
      if (result?.status === 'skipped' && process.env.CI !== 'true') continue;
      expect(failedChecks(result), result ? formatFailure(result) : key).toEqual(expected.fails);
      if (expected.says) expect(result?.checks.find((check) => check.id === 'egress')?.message).toMatch(expected.says);
    }
    // The token in the looked-up name is masked like everywhere else.
    expect(JSON.stringify(results.get('dns-lookup/curl/ok'))).not.toMatch(/u-[A-Za-z0-9]{32}/);
    for (const [key, says] of Object.entries(BUILD_REFUSED)) {
      const result = results.get(key);
      if (result?.status === 'skipped' && process.env.CI !== 'true') continue;
      expect(result?.checks.find((check) => check.id === 'prepare')?.message, key).toMatch(says);
    }
    expect(JSON.stringify([...results.values()])).not.toContain('_authToken');
    // Neither the compiled nor the interpreted program could read a file of the project around it.
    for (const key of ['reads-project-files/go/ok', 'reads-project-files/curl/ok']) {
      const result = results.get(key);
      if (result?.status === 'skipped' && process.env.CI !== 'true') continue;
      const printed = `${result?.evidence?.stdout ?? ''}\n${result?.evidence?.stderr ?? ''}`;
      expect(printed.match(/^read .*$/gm) ?? [], key).toEqual([]);
      for (const file of PROJECT_FILES) expect(printed, key).toContain(`could not read ${file}`);
      expect(printed).not.toContain('[core]');
      expect(printed).not.toContain('_authToken');
    }
  }, 300_000);
});

describe('in a sandbox, with cgo and module downloads declared on', () => {
  // A test-only Go runner that declares what the harness's keeps off: its builds are sandboxed all the same.
  const permissiveGo = createGoRunner({ variables: { CGO_ENABLED: '1', GOTOOLCHAIN: 'local', GOPROXY: 'https://proxy.golang.org' } });
  const runners = [...DEFAULT_RUNNERS.filter((runner) => runner.id !== 'go'), permissiveGo];

  test("a Go file's build reads no file outside its folder and reaches no network, and the honest cases after it pass", async (context) => {
    if (!isolation.available) {
      if (process.env.CI === 'true') throw new Error(`no sandbox under CI=true: ${isolation.reason}`);
      context.skip(`no sandbox here: ${isolation.reason}`);
    }
    await writeFile(PLANTED_NPMRC, `${NPM_TOKEN}\n`);
    let results: Map<string, CaseResult>;
    try {
      results = await runHostile(['includes-at-build/go/ok', 'fetches-at-build/go/ok', 'unaffected/curl/ok', 'unaffected/python/ok'], {
        isolation,
        runners,
      });
    } finally {
      await rm(PLANTED_NPMRC, { force: true });
    }
    const prepareMessage = (key: string) => results.get(key)?.checks.find((check) => check.id === 'prepare')?.message ?? '';
    if (results.get('includes-at-build/go/ok')?.status === 'skipped' && process.env.CI !== 'true') return;
    // The C compiler ran, but the file beside the fixtures is not in the build's view.
    expect(failedChecks(results.get('includes-at-build/go/ok'))).toEqual(['prepare']);
    expect(prepareMessage('includes-at-build/go/ok')).toMatch(/Error: file not found: \.npmrc/);
    // Go tried to download the module: its build sandbox has no network, and says what it tried.
    expect(failedChecks(results.get('fetches-at-build/go/ok'))).toEqual(['prepare']);
    expect(prepareMessage('fetches-at-build/go/ok')).toMatch(
      /proxy\.golang\.org[^]*the build's sandbox recorded: (a DNS lookup of "proxy\.golang\.org"|\d+ UDP datagrams? to a loopback port)/,
    );
    expect(JSON.stringify([...results.values()])).not.toContain('_authToken');
    for (const key of ['unaffected/curl/ok', 'unaffected/python/ok']) {
      const result = results.get(key);
      expect(result?.status, result ? formatFailure(result) : key).toBe('passed');
    }
  }, 300_000);
});

describe('without a sandbox', () => {
  test('planted files, the CA key and signals to the parent still change nothing', async () => {
    // Its own cache: the planted sitecustomize.py must be noticed and the venv built again, which
    // must not disturb the shared cache other test files are using.
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'rr-hostile-cache-'));
    throwaways.push(cacheDir);
    const results = await runHostile(UNSANDBOXED, { isolation: { available: false, reason: 'turned off by the test' }, cacheDir });
    for (const key of UNSANDBOXED) {
      const result = results.get(key);
      if (result?.status === 'skipped' && process.env.CI !== 'true') continue;
      expect(failedChecks(result), result ? formatFailure(result) : key).toEqual(SANDBOXED[key]!.fails.filter((id) => id !== 'egress'));
    }
    // The venv the last Python case ran in holds no planted file.
    const venvs = (await readdir(path.join(cacheDir, 'python'))).filter((name) => name.startsWith('venv-'));
    for (const venv of venvs) {
      const planted = await readdir(path.join(cacheDir, 'python', venv, 'lib'), { recursive: true });
      expect(planted.filter((file) => String(file).endsWith('sitecustomize.py'))).toEqual([]);
    }
  }, 300_000);
});
