// A thread of its own for Shiki during a build: the code-highlight integration starts it as the
// build starts and gives it every block the pages will show, so Shiki highlights them while the main
// thread bundles the pages, and the pages find their blocks done. The markup is the same as the main
// thread's: the same code (docs/lib/shiki-markup.ts) makes it, in shiki-worker.ts.
import { Worker } from 'node:worker_threads';
import type { HighlightThread } from '../lib/highlight-thread.ts';

/** The worker's script, beside this module (loaded unbundled, from the configuration). */
const WORKER = new URL('./shiki-worker.ts', import.meta.url);

/**
 * Starts a thread with Shiki and `grammars`; it keeps the process alive only while a block is pending.
 * The grammars may come later (a promise): the thread loads Shiki and the themes meanwhile, so a
 * build starts it before the modules that list the grammars are loaded.
 */
export function startHighlightThread(grammars: readonly string[] | Promise<readonly string[]>): HighlightThread {
  const worker = new Worker(WORKER);
  worker.unref();
  const waiting = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  // The first failure is the one every later block is refused with (its end follows an error).
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: { id: number; html?: string; error?: string }) => {
    const entry = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if (answer.html !== undefined) entry?.resolve(answer.html);
    else entry?.reject(new Error(`highlighting thread: ${answer.error}`));
  });
  worker.on('error', (error) => failAll(new Error(`highlighting thread failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => failAll(new Error(`highlighting thread stopped (exit code ${code})`)));
  // The blocks asked for before the grammars come wait in the thread until they do.
  Promise.resolve(grammars).then(
    (list) => worker.postMessage({ grammars: [...list] }),
    (error: unknown) => {
      failAll(new Error(`highlighting thread: no grammars to load: ${error instanceof Error ? error.message : String(error)}`));
      void worker.terminate();
    },
  );
  return {
    markup(code, grammar) {
      if (failure) return Promise.reject(failure);
      const id = (next += 1);
      worker.ref();
      worker.postMessage({ id, code, grammar });
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
    async close() {
      await worker.terminate();
    },
  };
}
