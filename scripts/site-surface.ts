// What the site may use of the scripts, and nothing else: the API's facts, the language list, the
// example manifests and their files, the harness's report with the freshness of its results, and a
// few shared helpers. The docs import only this module (a lint rule holds them to it), so the
// harness's engine can be rearranged without touching the site.

// The API's facts, operations and documented answers, read from its description.
export {
  API_ERRORS,
  API_FACTS,
  API_OPERATIONS,
  documentedError,
  documentedSuccess,
  formatBody,
  type DocumentedAnswer,
} from './api/core-api.ts';
export type { ApiFacts } from './api/api-facts.ts';
export type { ErrorAnswer, ErrorBody } from './api/error-bodies.ts';
export type { ApiOperation, ApiResponse } from './api/operations.ts';

// The API description itself, for the reference sections generated from it: its parser (the site
// reads the file from its own root), its operations (`$ref`s resolved) and the resolver, for a
// schema or an example's summary.
export { parseDescription, type ApiDescription } from './api/description.ts';
export { listOperations, type JsonSchema } from './api/operations.ts';
export { dereference } from './api/local-refs.ts';

// The languages, in tab order, as their runners declare them (label, extensions, grammar, dependency files).
export { LANGUAGES, LANGUAGE_IDS, dependencyFilesOf, languageById, languageOfFile, type Language, type LanguageId } from './languages.ts';

// The examples: manifests, their files, and the errors that name what is wrong.
export { EXAMPLE_ID_PATTERN, discoverExamples, loadExample, type Example, type SnippetFile } from './manifest/examples.ts';
export { assertNoSymlinks, readExampleFile } from './manifest/example-files.ts';
export { ManifestError } from './manifest/errors.ts';
export { MANIFEST_FILE } from './manifest/manifest-schema.ts';

// The scenarios every example runs under, with their labels.
export { SCENARIOS, type ScenarioName } from './harness/case/scenarios.ts';

// The harness's report: its schema, its reader, and whether each result is about the files as they are.
export { DEFAULT_REPORT_PATH, type CaseReport, type HarnessReport, type RunInfo, type Status } from './report/report-schema.ts';
export { readReport, readTrustedReport } from './report/report-io.ts';
export { fileFreshness, staleFiles, type FileFreshness, type StaleFile } from './report/freshness.ts';
export { dependencyRoot } from './report/case-inputs.ts';
export { withoutHarnessNoise } from './harness/case/observation.ts';

// Keeping tokens and credentials out of what the site publishes.
export { maskCredentials, maskToken } from './secrets/mask.ts';
export { TOKEN_SHAPE } from './secrets/scan.ts';

// The operations whose reference a page of the section shows (its `<Operation id>` tags), as the scaffold reads them.
export { operationsOfPage } from './scaffold/operation-page.ts';
export { mdxTags, walkMdx, type MdxNode } from './mdx-tags.ts';

// Project folders and shared helpers.
export { SECTION_PAGES_FOLDER, SNIPPETS_FOLDER, reportPathFrom, snippetsRootFrom } from './project.ts';
export { displayPath } from './paths.ts';
export { describeIssues } from './zod-issues.ts';
export { writeFileAtomic } from './write-file-atomic.ts';
