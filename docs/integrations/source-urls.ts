// The scripts the site bundles keep knowing where their source is: in the server build, a module
// under scripts/ runs from a chunk elsewhere, so its `import.meta.url` is made its source file's
// URL. What it names beside itself with `new URL('…', import.meta.url)` (the API description) is
// then found when the pages are made, as it is by the harness and the mock.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The project's scripts/ folder, found from this file's place (this module runs unbundled, from the config). */
const SCRIPTS_FOLDER = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** The Vite plugin: `import.meta.url` in server modules under scripts/ becomes their source file's URL. */
function sourceUrlsPlugin() {
  const inside = path.join(SCRIPTS_FOLDER, path.sep);
  return {
    name: 'requestrocket:source-urls',
    enforce: 'pre' as const,
    applyToEnvironment: (environment: { config: { consumer: string } }) => environment.config.consumer === 'server',
    transform(code: string, id: string) {
      const file = id.split('?')[0]!;
      if (!file.startsWith(inside) || !code.includes('import.meta.url')) return undefined;
      return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href)), map: null };
    },
  };
}

/** An Astro integration that keeps `import.meta.url` of the modules under scripts/ their source's. */
export function sourceUrls(): AstroIntegration {
  return {
    name: 'requestrocket:source-urls',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [sourceUrlsPlugin()] } });
      },
    },
  };
}
