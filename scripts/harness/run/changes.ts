// `--changed REF`: which examples a change touches, so a pull request runs only those.
import path from 'node:path';
import { execa } from 'execa';
import type { Example } from '../../manifest/examples.ts';
import { harnessFiles } from '../../report/harness-files.ts';
import { UsageError } from '../../usage.ts';

/** Which examples to run after a change: all, or those whose folder holds a changed file. */
export interface AffectedExamples {
  all: boolean;
  ids: string[];
  /** Why: the first harness file that changed, or the changed example files. */
  reason: string;
}

/**
 * Decides which examples `changed` (paths relative to the project root) affects: every one when a
 * file the harness is made of changed (see harnessFiles), else those whose folder holds a change.
 */
export function affectedExamples(changed: readonly string[], examples: readonly Example[], projectRoot: string): AffectedExamples {
  const harness = new Set(harnessFiles(projectRoot));
  const shared = changed.find((file) => harness.has(file));
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
