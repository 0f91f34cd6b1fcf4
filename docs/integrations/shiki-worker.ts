// The highlighting thread's own code (see shiki-thread.ts): it loads Shiki and the themes as it
// starts, and the grammars it is sent (they may come after the first blocks), then answers each
// request (a block's code and grammar) with the block's markup, in the order they come. It holds no
// cache: the build's main thread reads and writes the cache.
import { parentPort } from 'node:worker_threads';
import { codeMarkup, createCodeHighlighter, loadCodeThemes } from '../lib/shiki-markup.ts';

/** A block to highlight, numbered by the main thread. */
interface Request {
  id: number;
  code: string;
  grammar: string;
}

const port = parentPort;
if (!port) throw new Error('shiki-worker.ts runs as a worker thread (see shiki-thread.ts)');
/** The grammars to load, once the main thread sends them. */
let giveGrammars: (grammars: string[]) => void = () => undefined;
const grammars = new Promise<string[]>((resolve) => (giveGrammars = resolve));
const ready = loadCodeThemes().then(async (themes) => ({ themes, shiki: await createCodeHighlighter(themes, await grammars) }));

/** The answer to one request: the markup, or the error that stopped it (the thread goes on with the next). */
async function answer(request: Request): Promise<{ id: number; html: string } | { id: number; error: string }> {
  try {
    const { themes, shiki } = await ready;
    return { id: request.id, html: codeMarkup(shiki, request.code, request.grammar, themes) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (message: Request | { grammars: string[] }) => {
  if ('grammars' in message) giveGrammars(message.grammars);
  else void answer(message).then((reply) => port.postMessage(reply));
});
