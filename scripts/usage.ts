// The error every command line raises for words it cannot use; each CLI prints it with exit code 2.

/** Bad command-line input, reported with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
