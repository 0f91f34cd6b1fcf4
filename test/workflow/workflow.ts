// Reads a workflow under .github/workflows/ for its tests: the parsed document, its jobs, the
// command lines its steps run, and the npm scripts those call.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';

/** The parts of a step these tests read. */
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

/** The parts of a job these tests read. */
export interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

/** The parts of a workflow these tests read. */
export interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: unknown };
  jobs: Record<string, Job>;
}

/** A parsed workflow file with lookups that fail with the file's name. */
export interface LoadedWorkflow {
  file: string;
  text: string;
  document: Document;
  workflow: Workflow;
  job(name: string): Job;
  /** Every command line the steps of `jobs` run, one per line of each `run:`. */
  commands(jobs?: Job[]): string[];
}

/** Reads and parses `.github/workflows/<name>`. */
export async function loadWorkflow(name: string): Promise<LoadedWorkflow> {
  const file = path.join(PROJECT_ROOT, '.github', 'workflows', name);
  const text = await readFile(file, 'utf8');
  const document = parseDocument(text);
  const workflow = document.toJS() as Workflow;
  return {
    file,
    text,
    document,
    workflow,
    job(jobName) {
      const found = workflow.jobs[jobName];
      if (!found) throw new Error(`${file}: no job "${jobName}"; found ${Object.keys(workflow.jobs).join(', ')}`);
      return found;
    },
    commands(jobs = Object.values(workflow.jobs)) {
      return jobs.flatMap((candidate) =>
        candidate.steps.flatMap((step) =>
          (step.run ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        ),
      );
    },
  };
}

/** The npm scripts a command line runs: `npm run X` and `npm test`. */
export function npmScripts(line: string): string[] {
  return [...line.matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(test|t))\b/g)].map((match) => match[1] ?? 'test');
}

/** The step of `candidate` that uses `action` (owner/name, any version). */
export function stepUsing(candidate: Job, action: string): Step | undefined {
  return candidate.steps.find((step) => step.uses?.split('@')[0] === action);
}

/** package.json's scripts. */
export async function packageScripts(): Promise<Record<string, string>> {
  return (JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
}
