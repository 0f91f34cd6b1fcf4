// One case's sandbox, as the harness applies it around `runner.run`: its scratch space, the
// environment that points HOME (and the runners' home variables, such as CURL_HOME) and TMPDIR
// there, the wrapped command with the case's limits, and afterwards what the program tried that
// bypassed the proxy and what it used.
import { writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { DEFAULT_CACHE_DIR, PROJECT_ROOT } from '../project.ts';
import type { CaseLimits, CommandWrapper, RunResult } from '../runners/runner-contract.ts';
import { openBridge, type SandboxBridge } from './bridge.ts';
import { RESOLV_CONF, programUid, resolvConfTarget, sandboxedCommand, unsandboxedCommand } from './command.ts';
import { parseCounters } from './counters.ts';
import type { Isolation } from './isolation.ts';
import { DEFAULT_LIMITS, MIB } from './case-limits.ts';
import { parseUsage, type ResourceReport } from './resource-usage.ts';
import { createScratch, type CaseScratch } from './scratch.ts';
import { epochToPerformanceMs, parseExitEpochMs } from './exit-time.ts';
import type { SideDoorReport } from './side-doors.ts';

export { describeSideDoors, type SideDoorReport } from './side-doors.ts';
export type { ResourceReport } from './resource-usage.ts';

/** Where a sandboxed program's proxy connections go: the interception proxy, or a live run's egress proxy. */
export interface SandboxProxy {
  /** The port the program's proxy variables name (the sandbox listens on it inside its own network). */
  port: number;
  /** Serves one connection that came through the sandbox's Unix socket. */
  accept(socket: Duplex): void;
}

/** What a case's sandbox needs. */
export interface CaseSandboxOptions {
  isolation: Isolation;
  proxy: SandboxProxy;
  /** Files of a CA the program is told to trust (the certificate and the Java trust store), shown to it read-only. */
  caFiles?: readonly string[];
  /** The project's root: of it the program sees only its example's folder and the builds its command names (default: this project). */
  projectRoot?: string;
  /** The runners' cache, whose builds the program's command names (default `.cache/harness`). */
  cacheDir?: string;
  /** The case's limits (default DEFAULT_LIMITS). */
  limits?: CaseLimits;
  /** Variables naming a folder of a client's user settings (`CURL_HOME`, from the runners): pointed at the scratch home too. */
  homeVariables?: readonly string[];
}

/** A case's sandbox, open while its program runs. */
export interface CaseSandbox {
  scratch: CaseScratch;
  /** `env` with HOME, every one of `homeVariables` and TMPDIR in the scratch space. */
  environment(env: Record<string, string>): Record<string, string>;
  /** Handed to `runner.run` as `RunOptions.wrapper`. */
  wrapper: CommandWrapper;
  /** Handed to `runner.run` as `RunOptions.outputLimitBytes`. */
  outputLimitBytes: number;
  /** After the run: what bypassed the proxy, or undefined when the program ran unsandboxed. */
  sideDoors(run: RunResult): SideDoorReport | undefined;
  /** After the run: the limits that held and what the program used of them. */
  resources(): ResourceReport;
  /**
   * After the run: when the program exited, by its supervisor's clock, on `performance.now()`'s
   * scale; undefined when it ran unsandboxed or the supervisor could not say (killed with it).
   */
  exitedAtMs(): number | undefined;
  /** Stops the bridge and removes the scratch space; safe to call twice. */
  close(): Promise<void>;
}

/** Makes a case's scratch space and, when isolation is available, the bridge its sandbox uses. */
export async function openCaseSandbox(options: CaseSandboxOptions): Promise<CaseSandbox> {
  const { isolation, proxy } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const scratch = await createScratch();
  let bridge: SandboxBridge | undefined;
  try {
    if (isolation.available) {
      await writeFile(path.join(scratch.run, 'resolv.conf'), RESOLV_CONF, { mode: 0o644 });
      bridge = await openBridge(scratch.run, (socket) => proxy.accept(socket));
    }
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
  let report: string | undefined;
  const projectRoot = path.resolve(options.projectRoot ?? PROJECT_ROOT);
  const wrapper: CommandWrapper = isolation.available
    ? {
        wrap: (prepared) =>
          sandboxedCommand(prepared, {
            bwrap: isolation.bwrap,
            socat: isolation.socat,
            root: isolation.root,
            scratch,
            proxyPort: proxy.port,
            view: {
              projectRoot,
              cacheDir: path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR),
              hiddenFolders: [projectRoot, homedir(), tmpdir(), '/tmp'],
              searchPath: (process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
            },
            resolvConf: resolvConfTarget(),
            caFiles: options.caFiles ?? [],
            limits,
            support: isolation.limits,
            uid: programUid(),
          }),
        report: (text) => {
          report = text;
        },
      }
    : { wrap: (prepared) => unsandboxedCommand(prepared, scratch) };
  const support = isolation.available ? isolation.limits : undefined;
  const enforced: Partial<CaseLimits> = {
    ...(support?.prlimit ? { memoryMiB: limits.memoryMiB } : {}),
    ...(support?.processes ? { processes: limits.processes } : {}),
    ...(support?.scratch ? { scratchMiB: limits.scratchMiB } : {}),
    outputMiB: limits.outputMiB,
  };
  let closing: Promise<void> | undefined;
  return {
    scratch,
    environment: (env) => ({
      ...env,
      HOME: scratch.home,
      ...Object.fromEntries((options.homeVariables ?? []).map((name) => [name, scratch.home])),
      TMPDIR: scratch.tmp,
    }),
    wrapper,
    outputLimitBytes: limits.outputMiB * MIB,
    sideDoors(run) {
      if (!bridge) return undefined;
      const counts = report === undefined ? null : parseCounters(report);
      const killed = run.timedOut || (run.signal !== null && counts === null);
      return { counts, ...(counts ? {} : { missing: killed ? 'killed' : 'no-report' }), dnsQueries: [...bridge.dnsQueries] };
    },
    resources() {
      const usage = report === undefined ? { tasksStarted: null, scratchBytes: null } : parseUsage(report);
      return { limits: enforced, ...usage };
    },
    exitedAtMs() {
      const epochMs = report === undefined ? null : parseExitEpochMs(report);
      return epochMs === null ? undefined : epochToPerformanceMs(epochMs);
    },
    close() {
      closing ??= (async () => {
        await bridge?.close();
        await scratch.dispose();
      })();
      return closing;
    },
  };
}
