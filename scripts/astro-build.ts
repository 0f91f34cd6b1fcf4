// The `astro build` step of `npm run build`. A bad example manifest that Astro's build meets (the
// report gate or a page's <CodeTabs> loading it, say after an edit during the harness's run) ends
// the build as the harness does: the manifest's message, exit code 2, and none of Astro's stack
// trace. Astro prints an error on stderr only (its progress and warnings go to stdout), so stderr is
// held back until the build ends and shown unless a manifest problem replaces it.
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { discoverExamples } from './manifest/examples.ts';
import { ManifestError } from './manifest/errors.ts';
import { PROJECT_ROOT, REPORT_VARIABLE, snippetsRootFrom } from './project.ts';

/** What the Astro step builds and where it writes. */
export interface AstroBuildOptions {
  /** Arguments passed on to `astro build` (`--outDir DIR`). */
  astroArgs: readonly string[];
  /** The harness report the site shows. */
  reportPath: string;
  /** The environment of the build (RR_DOCS_SNIPPETS names the examples' folder). */
  env?: NodeJS.ProcessEnv;
  /** Where Astro's progress goes (default: this process's stdout). */
  stdout?: 'inherit' | 'ignore';
  /** Where this step's own messages and Astro's errors go. */
  writeError?: (text: string) => void;
}

/** The manifest problem under `root` that Astro's error output names, if that is why the build failed. */
async function manifestFailure(root: string, astroErrors: string): Promise<ManifestError | undefined> {
  const problem = await discoverExamples(root).then(
    () => undefined,
    (error: unknown) => (error instanceof ManifestError ? error : undefined),
  );
  if (!problem) return undefined;
  // The lines after the first name the problems; the first names the file as Astro's working folder shows it.
  const problems = problem.message.split('\n').slice(1);
  const printed = stripVTControlCharacters(astroErrors);
  return problems.every((line) => printed.includes(line)) ? problem : undefined;
}

/** Runs `astro build` and returns its exit code, or 2 (with the manifest's message alone) when an example's manifest stopped it. */
export async function astroBuild(options: AstroBuildOptions): Promise<number> {
  const env = options.env ?? process.env;
  const writeError = options.writeError ?? ((text: string) => void process.stderr.write(text));
  const astro = await execa('astro', ['build', ...options.astroArgs], {
    cwd: PROJECT_ROOT,
    preferLocal: true,
    stdin: 'inherit',
    stdout: options.stdout ?? 'inherit',
    stderr: 'pipe',
    stripFinalNewline: false,
    reject: false,
    extendEnv: false,
    env: { ...env, [REPORT_VARIABLE]: options.reportPath, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (astro.exitCode !== 0) {
    const problem = await manifestFailure(snippetsRootFrom(env), astro.stderr);
    if (problem) {
      writeError(`build: ${problem.message}\n`);
      return 2;
    }
  }
  writeError(astro.stderr);
  return astro.exitCode ?? 1;
}
