// A live run's programs in their sandbox (test/fixtures/live-hostile/), against a stand-in of the
// real API on 127.0.0.1 reached through the egress proxy: every way out but the API (another host
// through the proxy, an IP address past it, a DNS lookup) fails `egress`, is in the live report and
// makes the command exit 1; and a program that reads every process's environment finds its own
// token alone, while a process holding every token of the run (as the harness does) runs beside it.
// vitest project: programs (test/support/projects.ts)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { runLiveCommand } from '../../scripts/live/live-command.ts';
import type { LiveReport } from '../../scripts/live/live-report.ts';
import { runLive } from '../../scripts/live/live-run.ts';
import { detectIsolation } from '../../scripts/sandbox/isolation.ts';
import { standInApi, testAccountTokens } from './stand-in.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'live-hostile');
const isolation = await detectIsolation();
const requireAll = process.env.CI === 'true';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rr-live-sandbox-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Skips (or, under CI=true, fails) a test where there is no sandbox: a live run refuses to run without one. */
function needsSandbox(context: { skip(note: string): void }): void {
  if (isolation.available) return;
  if (process.env.CI === 'true') throw new Error(`no sandbox under CI=true: ${isolation.reason}`);
  context.skip(`no sandbox here: ${isolation.reason}`);
}

const failedIds = (result: CaseResult | undefined) =>
  (result?.checks ?? []).filter((check) => check.status === 'failed').map((check) => check.id);

/** The first 16 hex digits of a token's SHA-256, as the reads-environ fixture prints them. */
const fingerprint = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

describe('a live run of programs that try to get out', () => {
  test('fails egress for another host, an IP address and a DNS lookup, records every connection, and exits 1', async (context) => {
    needsSandbox(context);
    const tokens = testAccountTokens();
    const standIn = standInApi({ tokens });
    const json = path.join(dir, 'egress.json');
    const command = parseCommandLine(
      [
        '--live',
        '--root',
        ROOT,
        '--example',
        'other-host',
        '--example',
        'direct-ip',
        '--example',
        'dns-lookup',
        '--scenario',
        'ok',
        '--json',
        json,
      ],
      {},
    );
    let printed = '';
    const code = await runLiveCommand(command, {
      out: { write: (text) => void (printed += text), isTTY: false },
      env: { REQUESTROCKET_USER_TOKEN: tokens.user },
      upstream: standIn.handler,
    });
    expect(code, printed).toBe(1);
    const report = JSON.parse(await readFile(json, 'utf8')) as LiveReport;
    const says: Record<string, RegExp> = {
      'other-host/curl/ok': /the proxy refused collector\.example:443$/,
      'direct-ip/curl/ok': /its sandbox recorded \d+ packets? to an address outside the sandbox \(no route: only the proxy is reachable\)$/,
      // Named by the stub resolver where it can listen on port 53 (root); else still caught, unnamed.
      'dns-lookup/curl/ok':
        /its sandbox recorded (a DNS lookup of "u-\w\w…\(34 chars\)\.collector\.example"|\d+ UDP datagrams? to a loopback port \(DNS lookups among them)/,
    };
    for (const [key, message] of Object.entries(says)) {
      const entry = report.cases.find((candidate) => candidate.key === key);
      if (entry?.status === 'skipped' && !requireAll) continue;
      expect(
        entry?.checks.filter((check) => check.status === 'failed').map((check) => check.id),
        key,
      ).toEqual(['egress']);
      expect(entry?.checks.find((check) => check.id === 'egress')?.message).toMatch(message);
    }
    // The live report holds every connection each program made through its proxy, allowed or not.
    const spliced = /^CONNECT api\.requestrocket\.com:443: spliced to the API \(\d+ bytes sent, \d+ received\)$/;
    expect(report.live.connections['other-host/curl/ok']).toEqual([
      'refused CONNECT collector.example:443 (other-host)',
      expect.stringMatching(spliced),
    ]);
    expect(report.live.connections['direct-ip/curl/ok']).toEqual([
      expect.stringMatching(spliced),
      expect.stringMatching(/^past the proxy: \d+ packets? to an address outside the sandbox/),
    ]);
    expect(report.live.connections['dns-lookup/curl/ok']).toEqual([
      expect.stringMatching(spliced),
      expect.stringMatching(/^past the proxy: /),
    ]);
    expect(JSON.stringify(report)).not.toContain(tokens.user);
    // Whatever it tried, nothing but the program's one request reached the API.
    expect(standIn.requests.filter((request) => !request.probe)).toHaveLength(3);
  }, 300_000);
});

describe('a live run of a program that reads every environment it can see', () => {
  test('finds its own token alone, beside another case and a process holding every token of the run', async (context) => {
    needsSandbox(context);
    const tokens = testAccountTokens();
    const standIn = standInApi({ tokens });
    // Stands for the harness, whose environment holds every token of a live run.
    const holder = spawn('sleep', ['600'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        REQUESTROCKET_USER_TOKEN: tokens.user,
        REQUESTROCKET_REVOKED_TOKEN: tokens.revoked,
        REQUESTROCKET_FORBIDDEN_TOKEN: tokens.forbidden,
      },
      stdio: 'ignore',
    });
    let results: CaseResult[];
    try {
      ({ results } = await runLive({
        tokens,
        upstream: standIn.handler,
        root: ROOT,
        examples: ['reads-environ'],
        scenarios: ['ok', 'revoked'],
        concurrency: 2,
        requireAll,
      }));
    } finally {
      holder.kill('SIGKILL');
    }
    const own: Record<string, string> = { ok: tokens.user, revoked: tokens.revoked };
    for (const result of results) {
      if (result.status === 'skipped' && !requireAll) continue;
      expect(failedIds(result), formatFailure(result)).toEqual([]);
      const found = [...(result.evidence?.stdout ?? '').matchAll(/^found a token: (\w+)$/gm)].map((match) => match[1]);
      expect(found, result.key).toEqual([fingerprint(own[result.scenario]!)]);
    }
  }, 300_000);
});
