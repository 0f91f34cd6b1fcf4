// A snippet must behave the same under test as on a reader's machine, so it must not look at how it
// is run: the variables the harness sets to steer it to the mock (the proxy, the CA bundle, Java's
// options), or the loopback address the proxy listens on. A program that used the API only when
// HTTPS_PROXY points at 127.0.0.1, and otherwise sent its token elsewhere, would pass every
// scenario. The source is searched by name, in any language; a variable read by a computed name
// (assembled from pieces, or found by walking the whole environment) is out of this check's reach.
import { API_FACTS } from '../../api/core-api.ts';
import { variablesSet } from '../../mock/intercepted-environment.ts';
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import type { LanguageRunner } from '../../runners/runner-contract.ts';
import { PASS_THROUGH } from '../case/base-environment.ts';
import { defineCheck, fail, pass } from './check.ts';

/**
 * The variables the harness sets for every program, which a reader's run does not have: what the
 * interception sets for `runners` (intercepted-environment.ts: the proxy, the CA bundle, Java's
 * options), without what the base environment passes through unchanged (base-environment.ts, and
 * each runner's `passThroughVariables`) or the token variable. Variables the harness only removes
 * (those that switch certificate checks off, say) tell nothing about the run: `tls-verify` judges
 * those. The one place this list is made.
 */
export function harnessVariableNames(runners: readonly Pick<LanguageRunner, 'environment'>[] = DEFAULT_RUNNERS): string[] {
  const passed = runners.flatMap((runner) => runner.environment?.passThroughVariables ?? []);
  const ordinary = new Set<string>([...PASS_THROUGH, ...passed, API_FACTS.tokenEnvVar]);
  return variablesSet(runners).filter((name) => !ordinary.has(name));
}

/** Loopback addresses as a program would write them, each with how a message names it. */
const LOOPBACK: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /(?<![\w.])127(?:\.\d{1,3}){2,3}(?![\w.])/, what: 'the loopback address' },
  { pattern: /\blocalhost\b/i, what: 'the loopback host' },
  { pattern: /(?<![\w:])::1(?![\w:.])|(?<![\w:])0:0:0:0:0:0:0:1(?![\w:])/, what: 'the IPv6 loopback address' },
  { pattern: /(?<![\w.])0\.0\.0\.0(?![\w.])/, what: 'the any-address' },
  { pattern: /\b0x7f[0-9a-f]{6}\b|\b2130706433\b/i, what: 'the loopback address, as a number' },
];

/** Most findings a message lists; the rest are counted. */
const LISTED = 5;

/** One place in the source that looks at how the program is run. */
export interface DetectionFinding {
  /** 1-based line number. */
  line: number;
  /** `the variable HTTPS_PROXY`, `the loopback address 127.0.0.1`. */
  what: string;
}

/** Every line of `source` that names a harness variable or a loopback address, in order. */
export function findHarnessDetection(source: string, variables: readonly string[] = harnessVariableNames()): DetectionFinding[] {
  const named = new RegExp(
    `(?<![A-Za-z0-9_])(?:${variables.map((name) => name.replace(/[^\w]/g, '\\$&')).join('|')})(?![A-Za-z0-9_])`,
    'g',
  );
  const findings: DetectionFinding[] = [];
  source.split('\n').forEach((text, index) => {
    for (const match of new Set([...text.matchAll(named)].map((found) => found[0])))
      findings.push({ line: index + 1, what: `the variable ${match}` });
    for (const { pattern, what } of LOOPBACK) {
      const found = pattern.exec(text);
      if (found) findings.push({ line: index + 1, what: `${what} ${found[0]}` });
    }
  });
  return findings;
}

/** The source does not look at the harness's variables or name a loopback address. */
export const harnessDetectionCheck = defineCheck({
  id: 'harness-detection',
  describe:
    'the source names none of the variables the harness sets (proxy, CA bundle, Java options) and no loopback address, so it cannot tell a test from a real run (a name computed at run time is out of reach)',
  evaluate({ snippet, runners }) {
    const findings = findHarnessDetection(snippet.source, harnessVariableNames(runners));
    if (findings.length === 0) return pass('the source names no harness variable and no loopback address');
    const listed = findings.slice(0, LISTED).map((finding) => `line ${finding.line} names ${finding.what}`);
    if (findings.length > LISTED) listed.push(`${findings.length - LISTED} more`);
    return fail(
      `${listed.join('; ')}: a program that looks at how it is run can behave one way under test and another for a reader. ` +
        `Read only ${API_FACTS.tokenEnvVar}, call ${API_FACTS.baseUrl}/... by name, and let the client pick up the proxy and CA settings itself`,
    );
  },
});
