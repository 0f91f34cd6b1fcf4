// The error of a manifest or example folder that cannot be used: names the file and each problem.
import { displayPath } from '../paths.ts';

/** A manifest or example folder that cannot be used; its message is meant for the contributor. */
export class ManifestError extends Error {
  readonly file: string;
  /** `headline` says what is wrong with `file` as a whole, before the list of problems. */
  constructor(file: string, problems: readonly string[], headline = 'invalid example manifest') {
    super(`${displayPath(file)}: ${headline}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ManifestError';
    this.file = file;
  }
}
