// Turns examples and the command line's filters into the list of cases to run.
import type { Example, SnippetFile } from '../../manifest/examples.ts';
import type { LanguageRunner } from '../../runners/runner-contract.ts';
import { runnerById } from '../../runners/registry.ts';
import { SCENARIO_NAMES, scenariosOf, type ScenarioName } from '../case/scenarios.ts';

/** One run of one snippet file under one scenario. */
export interface PlannedCase {
  /** `example/language/scenario`: unique and stable, used for sharding and test names. */
  key: string;
  example: Example;
  file: SnippetFile;
  runner: LanguageRunner;
  scenario: ScenarioName;
}

/** Which cases to run; an empty or missing list means all. */
export interface CaseFilter {
  examples?: readonly string[];
  languages?: readonly string[];
  scenarios?: readonly string[];
}

import { UsageError } from '../../usage.ts';

function checkKnown(kind: string, asked: readonly string[] | undefined, known: readonly string[]): void {
  const unknown = (asked ?? []).filter((value) => !known.includes(value));
  if (unknown.length) {
    throw new UsageError(`unknown ${kind} ${unknown.map((v) => `"${v}"`).join(', ')}; expected one of: ${known.join(', ')}`);
  }
}

/** Every case of the examples that passes the filter, ordered example, language, scenario; each example runs the scenarios its operations have (scenariosOf). */
export function planCases(examples: readonly Example[], runners: readonly LanguageRunner[], filter: CaseFilter = {}): PlannedCase[] {
  checkKnown(
    'example',
    filter.examples,
    examples.map((example) => example.id),
  );
  checkKnown(
    'language',
    filter.languages,
    runners.map((runner) => runner.id),
  );
  checkKnown('scenario', filter.scenarios, SCENARIO_NAMES);
  const wanted = (list: readonly string[] | undefined, value: string) => !list?.length || list.includes(value);
  const cases: PlannedCase[] = [];
  for (const example of examples) {
    if (!wanted(filter.examples, example.id)) continue;
    const scenarios = scenariosOf(example.manifest);
    for (const file of example.files) {
      const runner = runnerById(file.language, runners);
      if (!runner || !wanted(filter.languages, file.language)) continue;
      for (const scenario of scenarios) {
        if (!wanted(filter.scenarios, scenario)) continue;
        cases.push({ key: `${example.id}/${file.language}/${scenario}`, example, file, runner, scenario });
      }
    }
  }
  return cases;
}

/** One slice of a sharded run: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n); throws UsageError naming what was expected. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`expected --shard i/n with 1 <= i <= n (for example 2/4), got "${text}"`);
  }
  return { index, count };
}

/** The cases of one shard: every n-th case of the plan, so n shards together run each case exactly once. */
export function shardCases<T>(cases: readonly T[], shard: Shard): T[] {
  return cases.filter((_, position) => position % shard.count === shard.index - 1);
}
