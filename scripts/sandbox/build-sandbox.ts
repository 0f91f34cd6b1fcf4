// Where a build step runs (a compiler on a snippet, a dependency installation from the project's
// pinned files): in a sandbox like a program's, with a scratch HOME and TMPDIR, a small environment
// (never the harness's secrets), the system's folders, its toolchain and what it reads read-only,
// its output and caches writable, and no network but, for a dependency installation, the registry
// proxy to its runner's hosts. Without bwrap the step still gets the scratch HOME, the environment
// and the proxy variables, but this machine's files and network.
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { findExecutable } from '../paths.ts';
import { DEFAULT_CACHE_DIR, PROJECT_ROOT } from '../project.ts';
import { runProcess, type ToolResult } from '../runners/process.ts';
import type { BuildStep, CaseLimits, CommandWrapper, RunResult } from '../runners/runner-contract.ts';
import { openBridge, type SandboxBridge } from './bridge.ts';
import { sandboxedBuildCommand } from './build-command.ts';
import { MIB, describeLimits } from './case-limits.ts';
import { RESOLV_CONF, resolvConfTarget } from './command.ts';
import { parseCounters } from './counters.ts';
import { detectIsolation, type Isolation } from './isolation.ts';
import { openRegistryProxy, type RegistryProxy } from './registry-proxy.ts';
import { createScratch } from './scratch.ts';
import { describeSideDoors } from './side-doors.ts';

/** What a build step may use: a compiler's memory and threads, a dependency installer's downloads in its scratch space. */
export const BUILD_LIMITS: Readonly<CaseLimits> = Object.freeze({ memoryMiB: 4096, processes: 1024, scratchMiB: 1024, outputMiB: 16 });

/** How long one build step may take: a first `pip install` or Maven resolution over a slow network, a Go standard library built cold. */
export const BUILD_TIME_LIMIT_MS = 20 * 60_000;

/** Variables of the harness's environment every build step gets: what a toolchain needs to start (HOME and TMPDIR are its scratch space's). */
export const BUILD_PASS_THROUGH: readonly string[] = Object.freeze(['PATH', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ']);

/** How one build step runs, from its runner's build declaration and the run. */
export interface BuildStepOptions {
  /** Variables it runs with (BUILD_VARIABLES and its runner's own). */
  variables: Readonly<Record<string, string>>;
  /** Names of further variables taken from the harness's environment (a value that is an absolute path is shown read-only). */
  passThrough: readonly string[];
  /** The hosts a step with `network` reaches through the registry proxy. */
  registryHosts: readonly string[];
  /** How it is sandboxed (default: detected on this machine). */
  isolation?: Isolation;
  signal?: AbortSignal;
  /** The project: hidden but for what the step reads and writes (default: this project). */
  projectRoot?: string;
  /** The harness's environment (default: this process's). */
  source?: NodeJS.ProcessEnv;
}

/** The proxy variables of a step with network: both spellings of HTTPS_PROXY and HTTP_PROXY. */
export function proxyVariables(port: number): Record<string, string> {
  const url = `http://127.0.0.1:${port}`;
  return { HTTPS_PROXY: url, https_proxy: url, HTTP_PROXY: url, http_proxy: url };
}

/** The environment of a build step: the pass-through variables, its variables, its own, then its scratch HOME and TMPDIR. */
export function buildEnvironment(step: BuildStep, options: BuildStepOptions, home: string, tmp: string): Record<string, string> {
  const source = options.source ?? process.env;
  const env: Record<string, string> = {};
  for (const name of [...BUILD_PASS_THROUGH, ...options.passThrough]) {
    const value = source[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...options.variables, ...step.env, HOME: home, TMPDIR: tmp };
}

/** What the build's sandbox and proxy saw it try, as lines for a failed step's message. */
function attempts(
  run: RunResult,
  report: string | undefined,
  bridge: SandboxBridge | undefined,
  proxy: RegistryProxy,
  hosts: readonly string[],
): string[] {
  const counts = report === undefined ? null : parseCounters(report);
  const lines = bridge
    ? describeSideDoors({ counts, dnsQueries: [...bridge.dnsQueries], ...(counts ? {} : { missing: 'no-report' }) })
    : [];
  if (proxy.refused.length) {
    const reach = hosts.length ? `only ${hosts.join(', ')}` : 'no host: it is not a dependency installation';
    lines.push(`a request for ${proxy.refused.join(', ')} through the build proxy (refused: this step reaches ${reach})`);
  }
  if (run.timedOut) lines.push(`it ran past the build's time limit (${BUILD_TIME_LIMIT_MS / 60_000} minutes) and was stopped`);
  if (run.outputLimitExceeded) lines.push(`it printed more than ${describeLimits({ outputMiB: BUILD_LIMITS.outputMiB })} and was stopped`);
  return lines.length ? [`the build's sandbox recorded: ${lines.join('; ')}`] : [];
}

/** Runs `step` in its build sandbox (or, without bwrap, with its scratch HOME and environment only); never throws for a failure of the step. */
export async function runBuildStep(step: BuildStep, options: BuildStepOptions): Promise<ToolResult> {
  const source = options.source ?? process.env;
  const command = findExecutable(step.command, { env: { PATH: source.PATH ?? '' } });
  if (!command) {
    return {
      ok: false,
      notFound: true,
      exitCode: null,
      output: `${step.command} not found${path.isAbsolute(step.command) ? '' : ' on PATH'}`,
    };
  }
  const isolation = options.isolation ?? (await detectIsolation());
  const hosts = step.network ? options.registryHosts : [];
  const scratch = await createScratch();
  let proxy: RegistryProxy | undefined;
  let bridge: SandboxBridge | undefined;
  try {
    proxy = await openRegistryProxy(hosts);
    await Promise.all(step.writes.map((dir) => mkdir(dir, { recursive: true })));
    const env = { ...buildEnvironment(step, options, scratch.home, scratch.tmp), ...(step.network ? proxyVariables(proxy.port) : {}) };
    const passedPaths = options.passThrough.map((name) => source[name] ?? '').filter((value) => path.isAbsolute(value));
    let report: string | undefined;
    let wrapper: CommandWrapper | undefined;
    if (isolation.available) {
      await writeFile(path.join(scratch.run, 'resolv.conf'), RESOLV_CONF, { mode: 0o644 });
      const served = proxy;
      bridge = await openBridge(scratch.run, (socket) => served.accept(socket));
      const projectRoot = path.resolve(options.projectRoot ?? PROJECT_ROOT);
      const launch = sandboxedBuildCommand(
        { command, args: step.args, cwd: step.cwd },
        {
          bwrap: isolation.bwrap,
          socat: isolation.socat,
          root: isolation.root,
          scratch,
          proxyPort: proxy.port,
          view: {
            projectRoot,
            cacheDir: DEFAULT_CACHE_DIR,
            hiddenFolders: [projectRoot, homedir(), tmpdir(), '/tmp'],
            searchPath: (env.PATH ?? '').split(path.delimiter).filter(Boolean),
          },
          resolvConf: resolvConfTarget(),
          caFiles: [],
          limits: BUILD_LIMITS,
          support: isolation.limits,
          uid: 0,
        },
        { reads: [...step.reads, ...passedPaths], writes: step.writes },
      );
      wrapper = { wrap: () => launch, report: (text) => (report = text) };
    }
    const run = await runProcess(
      { command, args: [...step.args], cwd: step.cwd },
      {
        env,
        timeoutMs: BUILD_TIME_LIMIT_MS,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(wrapper ? { wrapper } : {}),
        outputLimitBytes: BUILD_LIMITS.outputMiB * MIB,
      },
    );
    const ok = run.exitCode === 0 && !run.timedOut && !run.outputLimitExceeded;
    const printed = [run.stdout.trimEnd(), run.stderr.trimEnd()].filter(Boolean);
    return {
      ok,
      notFound: false,
      exitCode: run.exitCode,
      output: [...printed, ...(ok ? [] : attempts(run, report, bridge, proxy, hosts))].join('\n'),
    };
  } finally {
    await bridge?.close();
    await proxy?.close();
    await scratch.dispose();
  }
}
