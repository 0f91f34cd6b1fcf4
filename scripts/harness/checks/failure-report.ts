// How a program reports a failure that is not the API's answer (untrusted certificate, no answer,
// gateway error, broken network): exactly one line, saying what the scenario asks it to say.
import type { CaseObservation } from '../case/observation.ts';

/** What is wrong with the program's failure report in this scenario, or undefined when it is fine. */
export function failureReportProblem({ scenario, run, output }: CaseObservation): string | undefined {
  const wanted = scenario.oneLineFailure;
  if (!wanted || run.timedOut) return undefined; // a killed program is the time checks' business
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return `with ${scenario.summary}, the program printed nothing; print one line saying what went wrong`;
  if (lines.length > 1) {
    return (
      `with ${scenario.summary}, expected one line saying what went wrong; the program printed ${lines.length} lines, ` +
      `starting ${JSON.stringify(lines[0]?.trim().slice(0, 80))}: catch the error and print only its message (not a response body or a dump)`
    );
  }
  if (wanted.says && !wanted.says.pattern.test(output)) {
    return `with ${scenario.summary}, the output does not say ${wanted.says.what}: ${JSON.stringify(lines[0]?.trim().slice(0, 80))}`;
  }
  return undefined;
}
