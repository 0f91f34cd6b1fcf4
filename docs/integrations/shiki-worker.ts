// The highlighting thread's own code (see shiki-thread.ts): it loads Shiki with the grammars it
// is given, then answers each request (a block's code and grammar) with the block's markup, in the
// order they come. It holds no cache: the build's main thread reads and writes the cache.
import { parentPort, workerData } from 'node:worker_threads';
import { codeMarkup, createCodeHighlighter, loadCodeThemes } from '../lib/shiki-markup.ts';

/** A block to highlight, numbered by the main thread. */
interface Request {
  id: number;
  code: string;
  grammar: string;
}

const port = parentPort;
if (!port) throw new Error('shiki-worker.ts runs as a worker thread (see shiki-thread.ts)');
const grammars = (workerData as { grammars: string[] }).grammars;
const ready = loadCodeThemes().then(async (themes) => ({ themes, shiki: await createCodeHighlighter(themes, grammars) }));

/** The answer to one request: the markup, or the error that stopped it (the thread goes on with the next). */
async function answer(request: Request): Promise<{ id: number; html: string } | { id: number; error: string }> {
  try {
    const { themes, shiki } = await ready;
    return { id: request.id, html: codeMarkup(shiki, request.code, request.grammar, themes) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (request: Request) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
