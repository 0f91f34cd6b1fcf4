// Finds, in a snippet's source, the ways of switching certificate checks off that its language's
// runner declares, so that the `tls-verify` check can name the line to remove.
import type { InsecureTlsSpelling, LanguageRunner } from '../../runners/runner-contract.ts';

/** A line of the source that turns certificate checks off. */
export interface InsecureTlsFinding {
  /** 1-based line number. */
  line: number;
  /** The line, trimmed and shortened. */
  text: string;
  what: string;
  fix: string;
}

/** The spellings to look for in a runner's files: its own, or, when it declares none, every registered runner's. */
export function insecureTlsSpellings(
  runner: Pick<LanguageRunner, 'insecureTls'>,
  registered: readonly Pick<LanguageRunner, 'insecureTls'>[],
): readonly InsecureTlsSpelling[] {
  return runner.insecureTls ?? registered.flatMap((candidate) => candidate.insecureTls ?? []);
}

/** True for a line that only comments or imports (`#`, `//`, `/*`, `*`, a docstring, `import`): the use is elsewhere. */
function isCommentOrImport(line: string): boolean {
  return /^(?:#|\/\/|\/\*|\*|"""|'''|import\s)/.test(line.trim());
}

/** Every line of `source` that one of `spellings` says turns certificate checks off, in order. */
export function findInsecureTls(source: string, spellings: readonly InsecureTlsSpelling[]): InsecureTlsFinding[] {
  const findings: InsecureTlsFinding[] = [];
  source.split('\n').forEach((raw, index) => {
    if (isCommentOrImport(raw)) return;
    const spelling = spellings.find((candidate) => candidate.pattern.test(raw));
    if (!spelling) return;
    const text = raw.trim();
    findings.push({ line: index + 1, text: text.length > 80 ? `${text.slice(0, 77)}...` : text, what: spelling.what, fix: spelling.fix });
  });
  return findings;
}
