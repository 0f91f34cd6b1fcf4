// The lists of scenarios, check ids and mock behaviours in README.md, CONTRIBUTING.md and
// MAINTAINERS.md are the code's: each is compared with SCENARIO_NAMES, CHECK_IDS and
// MOCK_BEHAVIOURS, and the result cache's retention with DEFAULT_RETENTION.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHECK_IDS } from '../../scripts/harness/checks/all-checks.ts';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { SCENARIO_NAMES } from '../../scripts/harness/case/scenarios.ts';
import { MOCK_BEHAVIOURS } from '../../scripts/mock/types.ts';
import { DEFAULT_RETENTION } from '../../scripts/harness/cache/result-cache.ts';

const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const contributing = await readFile(path.join(PROJECT_ROOT, 'CONTRIBUTING.md'), 'utf8');
const maintainers = await readFile(path.join(PROJECT_ROOT, 'MAINTAINERS.md'), 'utf8');

/** The text from `start` up to the next `end` (both must be there). */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from + start.length);
  if (from === -1 || to === -1) throw new Error(`Expected a passage from ${JSON.stringify(start)} to ${JSON.stringify(end)}`);
  return text.slice(from + start.length, to);
}

/** Every `code` span in `text`, in order. */
const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

/** The first column of each row of the first Markdown table in `text`, without backticks. */
function firstColumn(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1] ?? '');
}

describe('MAINTAINERS.md, "How an example is checked"', () => {
  test('names every scenario, in run order', () => {
    expect(codeSpans(between(maintainers, 'The scenarios are', '; the checks are'))).toEqual([...SCENARIO_NAMES]);
  });

  test('names every check id, in report order', () => {
    expect(codeSpans(between(maintainers, '; the checks are', '.\n'))).toEqual([...CHECK_IDS]);
  });
});

describe('README.md', () => {
  test('names every failure behaviour of npm run mock', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| `npm run mock` |')) ?? '';
    const behaviours = /--behaviour ([\w|\\-]+)`/.exec(row)?.[1]?.split(/\\?\|/) ?? [];
    expect(behaviours).toEqual(MOCK_BEHAVIOURS.filter((behaviour) => behaviour !== 'api'));
  });
});

describe('CONTRIBUTING.md', () => {
  test('gives the defaults of every scenario, in run order', () => {
    expect(firstColumn(between(contributing, '| scenario | the program gets |', '\n\n'))).toEqual([...SCENARIO_NAMES]);
  });

  test('explains every check id and how to fix it, in report order', () => {
    expect(firstColumn(between(contributing, '| id | what it guards | how to fix a failure |', '\n\n'))).toEqual([...CHECK_IDS]);
  });

  test('shows how to start the mock with every failure behaviour', () => {
    const block = between(contributing, 'To see how a program copes when things go wrong', '```\n\n');
    const shown = [...block.matchAll(/--behaviour ([\w-]+)/g)].map((match) => match[1]);
    expect(shown).toEqual(MOCK_BEHAVIOURS.filter((behaviour) => behaviour !== 'api'));
  });
});

describe('the result cache', () => {
  const days = DEFAULT_RETENTION.maxAgeMs / (24 * 60 * 60 * 1000);
  const mebibytes = DEFAULT_RETENTION.maxBytes / (1024 * 1024);

  test('MAINTAINERS.md states how long and how much it keeps, as DEFAULT_RETENTION does', () => {
    const prose = maintainers.replace(/\s+/g, ' ');
    expect(prose).toContain(`no run has used for ${days} days`);
    expect(prose).toContain(`more than ${mebibytes} MiB`);
  });
});
