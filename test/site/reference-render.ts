// Renders the reference components in the test's own process with Astro's container API: a Vite
// server in middleware mode (no port) compiles the `.astro` files with the site's own Astro
// configuration, and the container renders them as a page at a URL of the test's choosing.
import path from 'node:path';
import { getViteConfig } from 'astro/config';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { createServer, type ViteDevServer } from 'vite';

/** Something that renders a component of docs/components/ with props (and children) as the page at `url`. */
export interface ComponentRenderer {
  render(component: string, props: Record<string, unknown>, options?: { url?: string; children?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the renderer; close it when done (it holds a Vite server, listening on no port). */
export async function startRenderer(): Promise<ComponentRenderer> {
  const config = await getViteConfig(
    { server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'silent' },
    { logLevel: 'error', devToolbar: { enabled: false } },
  )({ mode: 'production', command: 'serve' });
  const server: ViteDevServer = await createServer({ ...config, configFile: false });
  const container = await AstroContainer.create();
  return {
    async render(component, props, options = {}) {
      const module = (await server.ssrLoadModule(path.posix.join('/docs/components', component))) as {
        default: Parameters<typeof container.renderToString>[0];
      };
      const url = new URL(options.url ?? '/core-api/reference/', 'http://localhost');
      return container.renderToString(module.default, {
        props,
        request: new Request(url),
        ...(options.children !== undefined && { slots: { default: options.children } }),
      });
    },
    close: () => server.close(),
  };
}
