// The scripts the site uses run from their own files when the pages are made, not from a copy
// bundled into the server build: the build leaves every import of a module under scripts/ to Node,
// as the file's URL. Node then loads scripts/site-surface.ts and what it imports once per build, for
// the integrations (the report gate) and for every page alike: the API description is read and
// checked once, the schemas are made once, and the bundler has none of that code to transform. A
// module keeps its own `import.meta.url`, so what it names beside itself (the API description) is
// found as it is by the harness and the mock. The same holds for the content collection's
// configuration, which a build loads through a Vite server of its own before bundling (it reaches
// the scripts through the layout's section): Vite's module runner cannot hand a file to Node, so
// the module it runs for a script is one line giving Node's module's exports, not a second copy of
// the scripts transformed and run by Vite. In `astro dev` Vite runs the scripts as before, so an
// edit to one reloads it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The project's scripts/ folder, found from this file's place (this module runs unbundled, from the config). */
const SCRIPTS_FOLDER = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** Whether `file` (an absolute path, maybe with a query) is a module under `folder`. */
export function isUnder(folder: string, file: string): boolean {
  return file.split('?')[0]!.startsWith(path.join(folder, path.sep));
}

/** The id prefix of a script's module as Vite's module runner sees it: Node's module, by file URL. */
const FROM_NODE = '\0requestrocket-from-node:';

/** Where the runner's modules find Node's, by file URL (the runner runs in this process). */
const NODE_MODULES_KEY = Symbol.for('requestrocket.docs.scripts-from-node');

/** Node's module at `url`, loaded, kept where the runner's module for it finds it. */
async function nodeModule(url: string): Promise<Record<string, unknown>> {
  const store = globalThis as typeof globalThis & { [NODE_MODULES_KEY]?: Map<string, Record<string, unknown>> };
  const loaded = (await import(url)) as Record<string, unknown>;
  (store[NODE_MODULES_KEY] ??= new Map()).set(url, loaded);
  return loaded;
}

/** The runner's module for Node's module at `url` with the exports `loaded`: the same values, none run again. */
export function fromNodeCode(url: string, loaded: Record<string, unknown>): string {
  const names = Object.keys(loaded).filter((name) => name !== 'default');
  const lines = [`const loaded = globalThis[Symbol.for(${JSON.stringify(NODE_MODULES_KEY.description)})].get(${JSON.stringify(url)});`];
  if (names.length) lines.push(`export const { ${names.join(', ')} } = loaded;`);
  if ('default' in loaded) lines.push('export default loaded.default;');
  return `${lines.join('\n')}\n`;
}

/**
 * The Vite plugin for an `astro build` (its bundling and the server that loads the content
 * configuration before it): on the server side, an import that resolves under scripts/ is Node's
 * module: in the bundle an import of that file's URL, in the module runner its exports (see above).
 */
export function scriptsFromSourcePlugin(folder: string = SCRIPTS_FOLDER) {
  return {
    name: 'requestrocket:scripts-from-source',
    enforce: 'pre' as const,
    applyToEnvironment: (environment: { config: { consumer: string } }) => environment.config.consumer === 'server',
    resolveId: {
      // Only a specifier that can lead into scripts/ (the site imports scripts/site-surface.ts by a relative path).
      filter: { id: /scripts[\\/]/ },
      async handler(
        this: {
          resolve: (source: string, importer?: string, options?: object) => Promise<{ id: string; external?: unknown } | null>;
          environment: { mode: string };
        },
        source: string,
        importer: string | undefined,
        options: object,
      ) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || resolved.external || !isUnder(folder, resolved.id)) return resolved;
        const url = pathToFileURL(resolved.id.split('?')[0]!).href;
        return this.environment.mode === 'dev' ? { id: `${FROM_NODE}${url}` } : { id: url, external: true };
      },
    },
    load: {
      filter: { id: /^\0requestrocket-from-node:/ },
      async handler(id: string) {
        const url = id.slice(FROM_NODE.length);
        return fromNodeCode(url, await nodeModule(url));
      },
    },
  };
}

/** An Astro integration that leaves the modules under scripts/ to Node in a build (see above); `astro dev` keeps Vite's. */
export function scriptsFromSource(): AstroIntegration {
  return {
    name: 'requestrocket:scripts-from-source',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [scriptsFromSourcePlugin()] } });
      },
    },
  };
}
