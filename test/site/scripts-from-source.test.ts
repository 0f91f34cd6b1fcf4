// A build leaves the scripts to Node: the content configuration's module runner gets, for a module
// under scripts/, Node's module's exports (the same values, nothing of the scripts run twice), and
// the bundle an import of the file's URL; anything else resolves as Vite resolves it.
// vitest project: unit (test/support/projects.ts)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type RunnableDevEnvironment } from 'vite';
import { expect, test } from 'vitest';
import { fromNodeCode, scriptsFromSourcePlugin } from '../../docs/integrations/scripts-from-source.ts';
import * as surface from '../../scripts/site-surface.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');

test("the module runner's module for a script is Node's module: the same exports, the same values", async () => {
  const server = await createServer({
    configFile: false,
    root: PROJECT,
    logLevel: 'silent',
    plugins: [scriptsFromSourcePlugin()],
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const environment = server.environments.ssr as RunnableDevEnvironment;
    const site = await environment.runner.import<typeof import('../../docs/layouts/site.ts')>('/docs/layouts/site.ts');
    expect(site.SECTION.folder).toBe(surface.SECTION_PAGES_FOLDER);
    const fromRunner = await environment.runner.import<typeof surface>('/scripts/site-surface.ts');
    expect(Object.keys(fromRunner).sort()).toEqual(Object.keys(surface).sort());
    expect(fromRunner.formatBody).toBe(surface.formatBody);
    expect(fromRunner.API_OPERATIONS).toBe(surface.API_OPERATIONS);
    // Vite transformed the layout's module and none of the scripts.
    const transformed = [...environment.moduleGraph.idToModuleMap.keys()].filter((id) => id.startsWith(PROJECT));
    expect(transformed).toEqual([path.join(PROJECT, 'docs', 'layouts', 'site.ts')]);
  } finally {
    await server.close();
  }
});

test('the runner module of a module with a default export gives it too', () => {
  const code = fromNodeCode(pathToFileURL('/x/scripts/a.ts').href, { one: 1, two: 2, default: 3 });
  expect(code).toContain('export const { one, two } = loaded;');
  expect(code).toContain('export default loaded.default;');
});
