// One case's sandbox, as the harness applies it around `runner.run`: its scratch space, the
// environment that points HOME (and the runners' home variables, such as CURL_HOME) and TMPDIR
// there, the wrapped command, and afterwards what the program tried that bypassed the proxy.
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Interceptor, ThrowawayCa } from '../mock/types.ts';
import type { CommandWrapper, RunResult } from '../runners/runner-contract.ts';
import { openBridge, type SandboxBridge } from './bridge.ts';
import { RESOLV_CONF, resolvConfTarget, sandboxedCommand, unsandboxedCommand } from './command.ts';
import { parseCounters } from './counters.ts';
import type { Isolation } from './isolation.ts';
import { createScratch, type CaseScratch } from './scratch.ts';
import type { SideDoorReport } from './side-doors.ts';

export { describeSideDoors, type SideDoorReport } from './side-doors.ts';

/** What a case's sandbox needs. */
export interface CaseSandboxOptions {
  isolation: Isolation;
  ca: ThrowawayCa;
  interceptor: Interceptor;
  /** Paths the programs must see (read-only) even when they lie in the hidden temp folder: the runners' cache. */
  readablePaths?: readonly string[];
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
  /** After the run: what bypassed the proxy, or undefined when the program ran unsandboxed. */
  sideDoors(run: RunResult): SideDoorReport | undefined;
  /** Stops the bridge and removes the scratch space; safe to call twice. */
  close(): Promise<void>;
}

/** Makes a case's scratch space and, when isolation is available, the bridge its sandbox uses. */
export async function openCaseSandbox(options: CaseSandboxOptions): Promise<CaseSandbox> {
  const { isolation, ca, interceptor } = options;
  const scratch = await createScratch();
  let bridge: SandboxBridge | undefined;
  try {
    if (isolation.available) {
      await writeFile(path.join(scratch.run, 'resolv.conf'), RESOLV_CONF, { mode: 0o644 });
      bridge = await openBridge(scratch.run, (socket) => interceptor.accept(socket));
    }
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
  let report: string | undefined;
  const resolvConf = resolvConfTarget();
  const caFiles = [ca.caCertPath, ...(ca.trustStorePath ? [ca.trustStorePath] : [])];
  const wrapper: CommandWrapper = isolation.available
    ? {
        wrap: (prepared) =>
          sandboxedCommand(prepared, {
            bwrap: isolation.bwrap,
            socat: isolation.socat,
            root: isolation.root,
            scratch,
            proxyPort: interceptor.port,
            readablePaths: options.readablePaths ?? [],
            hiddenFolders: [homedir()],
            searchPath: (process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
            resolvConf,
            caDir: ca.dir,
            caFiles,
          }),
        report: (text) => {
          report = text;
        },
      }
    : { wrap: (prepared) => unsandboxedCommand(prepared, scratch) };
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
    sideDoors(run) {
      if (!bridge) return undefined;
      const counts = report === undefined ? null : parseCounters(report);
      const killed = run.timedOut || (run.signal !== null && counts === null);
      return { counts, ...(counts ? {} : { missing: killed ? 'killed' : 'no-report' }), dnsQueries: [...bridge.dnsQueries] };
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
