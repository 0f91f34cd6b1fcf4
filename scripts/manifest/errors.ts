// The error of a manifest or example folder that cannot be used: names the file and each problem.
import { displayPath } from '../paths.ts';

/** A manifest or example folder that cannot be used; its message is meant for the contributor. */
export class ManifestError extends Error {
  readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super(`${displayPath(file)}: invalid example manifest\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ManifestError';
    this.file = file;
  }
}
