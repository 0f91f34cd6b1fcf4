// The build's highlighting thread, as the pages see it: during a build Shiki runs in a thread of its
// own (started by the code-highlight integration, see docs/integrations/shiki-thread.ts), kept on
// globalThis because Astro bundles the pages' copy of highlight.ts apart from the integration's.

/** The highlighting thread: markup for a block, and its end. */
export interface HighlightThread {
  /** The markup of `code` (already without its final newline) in `grammar`. */
  markup(code: string, grammar: string): Promise<string>;
  /** Stops the thread; a block still asked for is refused. */
  close(): Promise<void>;
}

/** The key the build's thread is kept under on globalThis. */
const THREAD_KEY = Symbol.for('requestrocket.docs.highlight-thread');
type ThreadStore = typeof globalThis & { [THREAD_KEY]?: HighlightThread };

/** The build's highlighting thread, when one is running (a build); undefined elsewhere (dev, tests). */
export function highlightThread(): HighlightThread | undefined {
  return (globalThis as ThreadStore)[THREAD_KEY];
}

/** Makes `thread` the one `highlightThread()` gives (undefined: none). */
export function setHighlightThread(thread: HighlightThread | undefined): void {
  (globalThis as ThreadStore)[THREAD_KEY] = thread;
}
