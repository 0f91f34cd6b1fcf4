// A report's list of what the mock recorded stays short however many requests a program sent.

/** Most lines a report lists of one kind (requests, refused connections). */
export const MAX_DETAIL_LINES = 20;

/** The first MAX_DETAIL_LINES items described, then one line saying how many more there were. */
export function firstLines<T>(items: readonly T[], describe: (item: T) => string, max = MAX_DETAIL_LINES): string[] {
  const shown = items.slice(0, max).map(describe);
  return items.length > max ? [...shown, `… and ${items.length - max} more`] : shown;
}
