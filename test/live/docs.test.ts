// MAINTAINERS.md's live section and README's command table say what the code does: the live
// checks, the checks left to the mock, the token variables and scenarios, and the run's limits;
// the section the live issue and `--help` point to exists.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHECK_IDS } from '../../scripts/harness/checks/all-checks.ts';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { LIVE_REQUEST_CEILING } from '../../scripts/live/budget.ts';
import { LIVE_CLIENT_VARIABLE, LIVE_WRITES_FLAG } from '../../scripts/live/live-plan.ts';
import { LIVE_CHECK_IDS } from '../../scripts/live/live-checks.ts';
import { USAGE } from '../../scripts/harness/cli/command-line.ts';
import { LIVE_DOCS } from '../../scripts/live/issue.ts';
import { DEFAULT_LIVE_REPORT_PATH } from '../../scripts/live/live-report.ts';
import { LIVE_CONCURRENCY, PROBE_TIMEOUT_MS } from '../../scripts/live/live-run.ts';
import { LIVE_SCENARIOS } from '../../scripts/live/live-scenarios.ts';
import { LIVE_TOKEN_VARIABLES } from '../../scripts/live/live-tokens.ts';

const maintainers = await readFile(path.join(PROJECT_ROOT, 'MAINTAINERS.md'), 'utf8');
const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The text of a `## heading` section, up to the next `## `. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`MAINTAINERS.md: no section "## ${heading}"`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The first cell of each body row of the first Markdown table under `### heading`, as written. */
function firstColumn(text: string, heading: string): string[] {
  const lines = text.slice(text.indexOf(`### ${heading}`)).split('\n');
  const start = lines.findIndex((line) => line.startsWith('| '));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start + 2, end).map((line) => line.split('|')[1]!.trim());
}

const live = section(maintainers, 'Run the examples against the real API: `--live`');

describe('MAINTAINERS.md, "Run the examples against the real API"', () => {
  test('lists every live check, in report order', () => {
    const ids = firstColumn(live, 'What each result means')
      .filter((cell) => /^`[\w-]+`$/.test(cell))
      .map((cell) => cell.slice(1, -1));
    expect(ids).toEqual(LIVE_CHECK_IDS);
  });

  test('names every check left to the mock', () => {
    const leftToMock = CHECK_IDS.filter((id) => !LIVE_CHECK_IDS.includes(id));
    const sentence = /The other checks\s+\(([^)]*)\)/.exec(live)?.[1] ?? '';
    expect([...sentence.matchAll(/`([\w-]+)`/g)].map((match) => match[1])).toEqual(leftToMock);
  });

  test('names each token variable and the scenario it enables', () => {
    for (const [scenario, source] of Object.entries(LIVE_SCENARIOS)) {
      const row = live.split('\n').find((line) => line.includes(`| \`${scenario}\` |`));
      expect(row, scenario).toBeDefined();
      if (source === 'user' || source === 'revoked' || source === 'forbidden') expect(row).toContain(`\`${LIVE_TOKEN_VARIABLES[source]}\``);
    }
  });

  test("states the run's limits and where it writes", () => {
    expect(live).toMatch(new RegExp(`at most ${LIVE_REQUEST_CEILING} requests in a\\s+run`));
    expect(live).toContain(`gives up after ${PROBE_TIMEOUT_MS / 1000} seconds`);
    expect(LIVE_CONCURRENCY).toBe(2);
    expect(live).toContain('Two cases at once');
    expect(live).toContain(`\`${DEFAULT_LIVE_REPORT_PATH}\``);
  });

  test('says how to let a run write, and what it needs', () => {
    expect(live).toContain(`\`${LIVE_WRITES_FLAG}\``);
    expect(live).toContain(`\`${LIVE_CLIENT_VARIABLE}\``);
  });
});

describe('what points to the live section', () => {
  test('the live issue names a file and a heading that exist', async () => {
    const text = await readFile(path.join(PROJECT_ROOT, LIVE_DOCS.file), 'utf8');
    expect(text.split('\n')).toContain(`## ${LIVE_DOCS.heading}`);
  });

  test('`npm run snippets -- --help` points --live to that file', () => {
    const live = USAGE.slice(USAGE.indexOf('--live'), USAGE.indexOf('--no-cache'));
    expect(live).toContain(`(see ${LIVE_DOCS.file})`);
  });
});

describe('README.md', () => {
  test('lists the live command among the commands', () => {
    expect(readme).toMatch(/^\| `npm run snippets -- --live` \| .*contract-drift.* \|$/m);
  });
});
