// The site tests' harness report: the statuses of test/fixtures/site/report.json, stamped with the
// current hashes of the files they are about, so the build shows them as results for these bytes.
import path from 'node:path';
import { dependencyRoot, fileInputs } from '../../scripts/report/case-inputs.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';
import { harnessFingerprint } from '../../scripts/report/harness-files.ts';
import { readReport, writeReport } from '../../scripts/report/report-io.ts';
import { runnerById } from '../../scripts/runners/registry.ts';

/** The harness report fixture: statuses made up for the build test, inputs made up too until stamped. */
export const FIXTURE_REPORT = path.resolve('test/fixtures/site/report.json');

/** Writes `source` to `target` with every case's inputs (and the run's harness) set to the files under `snippets` as they are now. */
export async function writeFreshReport(target: string, options: { source?: string; snippets?: string } = {}): Promise<string> {
  const projectRoot = path.resolve('.');
  const snippets = path.resolve(options.snippets ?? 'snippets');
  const report = await readReport(options.source ?? FIXTURE_REPORT);
  if (!report) throw new Error(`no report at ${options.source ?? FIXTURE_REPORT}`);
  const examples = await discoverExamples(snippets);
  const harness = harnessFingerprint(projectRoot);
  const context = { harness, dependencyRoot: dependencyRoot(snippets, path.join(projectRoot, 'snippets')) };
  report.run.harness = harness;
  for (const entry of report.cases) {
    const example = examples.find((candidate) => candidate.id === entry.example);
    const file = example?.files.find((candidate) => candidate.language === entry.language);
    if (!example || !file) throw new Error(`${FIXTURE_REPORT}: no file for ${entry.key} under ${snippets}`);
    entry.inputs = {
      ...fileInputs({ example, file, runner: runnerById(file.language) ?? {} }, context),
      toolchain: entry.inputs.toolchain,
    };
  }
  await writeReport(target, report);
  return target;
}
