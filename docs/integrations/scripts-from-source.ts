// The scripts the site uses run from their own files when the pages are made, not from a copy
// bundled into the server build: the build leaves every import of a module under scripts/ to Node,
// as the file's URL. Node then loads scripts/site-surface.ts and what it imports once per build, for
// the integrations (the report gate) and for every page alike: the API description is read and
// checked once, the schemas are made once, and the bundler has none of that code to transform. A
// module keeps its own `import.meta.url`, so what it names beside itself (the API description) is
// found as it is by the harness and the mock. In `astro dev` Vite runs the scripts as before, so an
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

/** The Vite plugin: in the server build, an import that resolves under scripts/ stays an import of that file's URL. */
export function scriptsFromSourcePlugin(folder: string = SCRIPTS_FOLDER) {
  return {
    name: 'requestrocket:scripts-from-source',
    enforce: 'pre' as const,
    apply: 'build' as const,
    applyToEnvironment: (environment: { config: { consumer: string } }) => environment.config.consumer === 'server',
    resolveId: {
      // Only a specifier that can lead into scripts/ (the site imports scripts/site-surface.ts by a relative path).
      filter: { id: /scripts[\\/]/ },
      async handler(
        this: { resolve: (source: string, importer?: string, options?: object) => Promise<{ id: string; external?: unknown } | null> },
        source: string,
        importer: string | undefined,
        options: object,
      ) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || resolved.external || !isUnder(folder, resolved.id)) return resolved;
        return { id: pathToFileURL(resolved.id.split('?')[0]!).href, external: true };
      },
    },
  };
}

/** An Astro integration that leaves the modules under scripts/ to Node in the server build (see above). */
export function scriptsFromSource(): AstroIntegration {
  return {
    name: 'requestrocket:scripts-from-source',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [scriptsFromSourcePlugin()] } });
      },
    },
  };
}
