// A stylesheet made at build time from code, that a layout imports like a file
// (`import 'virtual:rr-….css'`), so it lands in the site's CSS bundle once instead of in every page.
import type { AstroIntegration } from 'astro';

/** The Vite plugin serving `load()`'s CSS under the module id `id`. */
function virtualStylesheetPlugin(id: string, load: () => string | Promise<string>) {
  const resolved = `/@rr/${id.replace(/^virtual:/, '')}`;
  return {
    name: `requestrocket:${id}`,
    resolveId: (requested: string) => (requested === id ? resolved : undefined),
    load: async (requested: string) => (requested === resolved ? load() : undefined),
  };
}

/** An Astro integration that adds the stylesheet module `id`, its CSS made by `load()`. */
export function virtualStylesheet(id: string, load: () => string | Promise<string>): AstroIntegration {
  return {
    name: `requestrocket:${id}`,
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [virtualStylesheetPlugin(id, load)] } });
      },
    },
  };
}
