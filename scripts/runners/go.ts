// Go: each snippet is one main-package file using only the standard library, built once per
// content (Go version and build variables) into the cache by `go build` in its build sandbox (no
// network, no cgo, Go's build cache in the runner cache), then run as a plain binary. net/http
// reaches the proxy through HTTPS_PROXY and trusts the CA through SSL_CERT_FILE.
import { dirname, join, resolve } from 'node:path';
import { camelCase, snakeCase } from './file-names.ts';
import { defineRunner, type BuildDeclaration, type CodeRecordField, type LanguageRunner, type ScaffoldCode } from './runner-contract.ts';
import { buildOnce, hashOf } from './build-cache.ts';
import { buildVariables, memoByPath, probeVersion, readInput, runBuild, runSnippet, runToolchain, stepFailed } from './toolchain.ts';

const goVersions = new Map<string, Promise<string>>();

/** The full `go version` line (version and platform), which is part of every build's key. */
function goVersionLine(): Promise<string> {
  return memoByPath(goVersions, 'go', async () => {
    const result = await runToolchain('go', ['version']);
    if (!result.ok) throw new Error(result.output);
    return result.output.trim();
  });
}

/** A JSON value as a Go literal: `map[string]any{…}` with one entry a line, values aligned as gofmt aligns them; a field named in `ids` holds that variable. */
function goLiteral(value: unknown, indent = '', ids: Readonly<Record<string, string>> = {}): string {
  const inner = `${indent}\t`;
  if (Array.isArray(value))
    return value.length ? `[]any{\n${value.map((item) => `${inner}${goLiteral(item, inner)},`).join('\n')}\n${indent}}` : '[]any{}';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => ({
      key: `${JSON.stringify(key)}:`,
      item: Object.hasOwn(ids, key) ? ids[key]! : goLiteral(item, inner),
    }));
    const width = Math.max(0, ...entries.filter((entry) => !entry.item.includes('\n')).map((entry) => entry.key.length));
    const lines = entries.map(({ key, item }) => `${inner}${item.includes('\n') ? key : key.padEnd(width)} ${item},`);
    return entries.length ? `map[string]any{\n${lines.join('\n')}\n${indent}}` : 'map[string]any{}';
  }
  return value === null ? 'nil' : JSON.stringify(value);
}

/** Go's spelling of the initialisms of the API's field names (`ID`, `URL`), as golint and the standard library write them. */
const GO_INITIALISMS: Readonly<Record<string, string>> = { id: 'ID', url: 'URL', api: 'API' };

/** The Go type of a JSON scalar. */
const GO_TYPES = { string: 'string', integer: 'int', number: 'float64', boolean: 'bool' } as const;

/** A struct type with one field a line, its names, types and tags aligned as gofmt aligns them. */
function goStruct(name: string, fields: readonly CodeRecordField[]): string {
  const memberWidth = Math.max(0, ...fields.map((field) => field.member.length));
  const typeWidth = Math.max(0, ...fields.map((field) => GO_TYPES[field.type].length));
  const lines = fields.map(
    (field) => `\t${field.member.padEnd(memberWidth)} ${GO_TYPES[field.type].padEnd(typeWidth)} \`json:"${field.json}"\``,
  );
  return `type ${name} struct {\n${lines.join('\n')}\n}`;
}

/** How the Go template writes names (`clientID`), strings, paths (concatenations), a body (a map) and a record (a struct). */
const GO_CODE: ScaffoldCode = {
  name: (words) => camelCase(words).replace(/Id(?=$|[A-Z])/g, 'ID'),
  text: (text) => JSON.stringify(text),
  path: (parts) => parts.map((part) => (typeof part === 'string' ? JSON.stringify(part) : part.variable)).join('+'),
  body: (variable, value, ids) => `${variable} := ${goLiteral(value, '', ids)}`,
  member: (words) => words.map((word) => GO_INITIALISMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1)).join(''),
  record: goStruct,
};

/**
 * How Go builds: with the Go on PATH only (never another toolchain fetched) and no module download
 * (a snippet uses the standard library; a go.mod beside it cannot pull code in). cgo stays off, as
 * for every build (BUILD_VARIABLES).
 */
export const GO_BUILD: BuildDeclaration = Object.freeze({ variables: Object.freeze({ GOTOOLCHAIN: 'local', GOPROXY: 'off' }) });

/** `import "C"`, alone or in an import block: the file uses cgo. */
const CGO_IMPORT = /^\s*import\s*(?:\(\s*)?"C"/m;

/** What Go's message does not say when a file using cgo fails to build with cgo off ("no Go source files"). */
function cgoNote(source: Buffer, variables: Readonly<Record<string, string>>): string {
  return variables.CGO_ENABLED === '0' && CGO_IMPORT.test(source.toString('utf8'))
    ? '\nit imports "C", but cgo is off (CGO_ENABLED=0): no C compiler runs on a snippet\'s behalf'
    : '';
}

/** A Go runner whose builds run as `build` declares (GO_BUILD: the harness's). */
export function createGoRunner(build: BuildDeclaration = GO_BUILD): LanguageRunner {
  return defineRunner({
    id: 'go',
    label: 'Go',
    extensions: ['.go'],
    grammar: 'go',
    toolchainCommands: ['go'],
    scaffold: {
      file: new URL('../scaffold/templates/template.go', import.meta.url),
      fileName: (id) => `${snakeCase(id)}.go`,
      idProblem: (id) =>
        id.endsWith('-test')
          ? `"${id}" cannot be used: Go treats ${snakeCase(id)}.go as a test file and will not build it; choose an id that does not end in "-test"`
          : undefined,
      lineComment: '//',
      code: GO_CODE,
    },
    environment: {
      // Read instead of the system's file; a folder of other roots would be read too.
      caFileVariables: ['SSL_CERT_FILE'],
      removedVariables: ['SSL_CERT_DIR'],
    },
    insecureTls: [
      {
        pattern: /InsecureSkipVerify\s*[:=]\s*true/,
        what: 'InsecureSkipVerify: true accepts any certificate',
        fix: 'remove the custom tls.Config; http.Client checks certificates by default',
      },
    ],
    requestTimeoutAdvice: (seconds) => `use &http.Client{Timeout: ${seconds} * time.Second}`,
    crashMarks: [
      { pattern: /^panic: /, anchor: 'panic: ', what: 'a Go panic' },
      { pattern: /^goroutine \d+ \[/, anchor: 'goroutine ', what: 'a Go goroutine dump' },
    ],
    async detect() {
      const go = await probeVersion('go', ['version'], /go version go(\S+)/);
      return go.found ? { available: true, version: `Go ${go.version}` } : { available: false, reason: go.reason };
    },
    build,
    async prepare(file, context) {
      const path = resolve(file);
      const source = await readInput(path);
      let version: string;
      try {
        version = await goVersionLine();
      } catch (error) {
        throw stepFailed('go build', path, (error as Error).message);
      }
      const goDir = join(resolve(context.cacheDir), 'go');
      const target = join(goDir, hashOf(source, version, JSON.stringify(buildVariables(build))).slice(0, 24));
      // Go's own build cache (the standard library compiled once), shared by every snippet's build.
      const goCache = join(goDir, 'build-cache');
      await buildOnce(
        target,
        async (temp) => {
          const result = await runBuild(
            {
              command: 'go',
              args: ['build', '-o', join(temp, 'snippet'), path],
              cwd: dirname(path),
              reads: [dirname(path)],
              writes: [temp, goCache],
              env: { GOCACHE: goCache },
            },
            build,
            context,
          );
          if (!result.ok) throw stepFailed('go build', path, result.output + cgoNote(source, buildVariables(build)));
        },
        context,
      );
      return { command: join(target, 'snippet'), args: [], cwd: dirname(path) };
    },
    run: runSnippet,
  });
}

/** Builds .go snippets with `go build` into `<cacheDir>/go/<hash>/snippet` and runs the binary. */
export const goRunner = createGoRunner();
