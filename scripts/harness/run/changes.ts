// `--changed REF`: which examples a change touches, so a pull request runs only those.
import path from 'node:path';
import { execa } from 'execa';
import type { Example } from '../../manifest/examples.ts';
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import { UsageError } from '../../usage.ts';

/** Files whose change can alter every example's result: the harness, its schema and its dependencies. */
export const SHARED_PATHS: readonly string[] = [
  'scripts/harness/',
  'scripts/runners/',
  'scripts/mock/',
  'scripts/manifest/',
  'scripts/api/',
  'scripts/languages.ts',
  // The runners' dependency files, which every example of their language installs from.
  ...DEFAULT_RUNNERS.flatMap((runner) => (runner.dependencyFiles ?? []).map((file) => `snippets/${file}`)),
  'package.json',
  'package-lock.json',
  '.node-version',
];

/** Which examples to run after a change: all, or those whose folder holds a changed file. */
export interface AffectedExamples {
  all: boolean;
  ids: string[];
  /** Why: the first shared file that changed, or the changed example files. */
  reason: string;
}

/** Decides which examples `changed` (paths relative to the project root) affects. */
export function affectedExamples(changed: readonly string[], examples: readonly Example[], projectRoot: string): AffectedExamples {
  const shared = changed.find((file) => SHARED_PATHS.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix)));
  if (shared) return { all: true, ids: examples.map((example) => example.id), reason: `${shared} changed, so every example runs` };
  const ids = examples
    .filter((example) => {
      const folder = `${path.relative(projectRoot, example.dir).split(path.sep).join('/')}/`;
      return changed.some((file) => file.startsWith(folder));
    })
    .map((example) => example.id);
  return { all: false, ids, reason: ids.length ? `changed: ${ids.join(', ')}` : 'no example changed' };
}

/** Files changed since `ref` in the working tree (committed, staged, unstaged and untracked), relative to the repository root. */
export async function changedFilesSince(ref: string, projectRoot: string): Promise<string[]> {
  const git = (args: string[]) => execa('git', args, { cwd: projectRoot, reject: false });
  const resolved = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (resolved.exitCode !== 0) {
    throw new UsageError(`--changed: "${ref}" is not a commit git knows here; fetch it first or name another (e.g. --changed HEAD~1)`);
  }
  const [diff, untracked] = await Promise.all([
    git(['diff', '--name-only', '--no-renames', ref]),
    git(['ls-files', '--others', '--exclude-standard']),
  ]);
  if (diff.exitCode !== 0) throw new UsageError(`--changed: git diff against "${ref}" failed: ${diff.stderr}`);
  return [...new Set([...diff.stdout.split('\n'), ...untracked.stdout.split('\n')].filter(Boolean))];
}
