// Tokenizing a line of code depends only on its text and on the grammar's state where it starts:
// the rule editors rely on to tokenize again only the lines that changed. The site's examples
// repeat most of their lines (about one in five is unique across the five languages' files), so
// each grammar of a highlighter remembers the lines it has tokenized, by text and starting state
// (TextMate's StateStack.equals), and tokenizing a repeated line costs a lookup. Shiki reads the
// result as it would read the grammar's own: the markup is the same, byte for byte.
import type { Grammar, Highlighter } from 'shiki';

type TokenizeLine = Grammar['tokenizeLine2'];
type StartState = Parameters<TokenizeLine>[1];
type LineResult = ReturnType<TokenizeLine>;

/** Lines a grammar has tokenized, by text: each starting state seen with it and the result. */
type LineMemory = Map<string, { state: StartState; result: LineResult }[]>;

/** Whether two starting states are the same for the grammar (the first line's state only equals itself). */
function sameState(a: StartState, b: StartState): boolean {
  return a === b || (a !== null && b !== null && a.equals(b));
}

/** Makes `grammar.tokenizeLine2` remember each line it tokenizes without a time limit; returns what it remembers. */
export function rememberLines(grammar: Grammar): LineMemory {
  const memory: LineMemory = new Map();
  const tokenizeLine: TokenizeLine = grammar.tokenizeLine2.bind(grammar);
  grammar.tokenizeLine2 = (line, state, timeLimit) => {
    // A line cut short by a time limit is not the line's tokens: only unlimited runs are remembered.
    if (timeLimit) return tokenizeLine(line, state, timeLimit);
    const seen = memory.get(line);
    const known = seen?.find((entry) => sameState(entry.state, state));
    if (known) return known.result;
    const result = tokenizeLine(line, state, timeLimit);
    if (seen) seen.push({ state, result });
    else memory.set(line, [{ state, result }]);
    return result;
  };
  return memory;
}

/** Makes every grammar in `grammars` of `shiki` remember the lines it tokenizes (see rememberLines). */
export function rememberHighlighterLines(shiki: Highlighter, grammars: readonly string[]): void {
  const wrapped = new Set<Grammar>();
  for (const name of grammars) {
    const grammar = shiki.getLanguage(name);
    if (wrapped.has(grammar)) continue;
    wrapped.add(grammar);
    rememberLines(grammar);
  }
}
