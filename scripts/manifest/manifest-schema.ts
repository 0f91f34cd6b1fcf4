// The zod schema of an example's manifest (`snippets/<id>/example.json`), shared by the harness
// and the site so that a bad manifest fails both with the same message.
import { z } from 'zod';

/** File name of the manifest inside each example folder. */
export const MANIFEST_FILE = 'example.json';

/** Scenario names, in the order the harness runs and reports them. */
export const SCENARIO_NAMES = [
  'ok',
  'missing',
  'invalid',
  'revoked',
  'forbidden',
  'untrusted-cert',
  'hung-server',
  'bad-gateway',
  'network-error',
] as const;

/** One auth scenario a snippet is run under. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What a scenario expects where it differs from the harness's defaults. */
export const ScenarioExpectationSchema = z.strictObject({
  /** Whether the program must exit 0 or non-zero. */
  exit: z.enum(['zero', 'non-zero']).optional(),
  /** How many requests the program must send. */
  requests: z.int().min(0).max(20).optional(),
  /** Text that must appear in the program's output (stdout and stderr together). */
  output: z.array(z.string().min(1)).optional(),
});

/** A scenario's expectations as written in a manifest. */
export type ScenarioExpectation = z.output<typeof ScenarioExpectationSchema>;

/**
 * The `ok` scenario's expectations: it must succeed, send a request and show something, or the
 * case would pass a file that never calls the API.
 */
export const OkExpectationSchema = ScenarioExpectationSchema.extend({
  exit: z.literal('zero', 'expected "zero" (or no "exit"): with a valid token the program must succeed').optional(),
  requests: z.int().min(1, 'expected at least 1 (or no "requests"): with a valid token the program must call the API').max(20).optional(),
  output: z
    .array(z.string().min(1))
    .min(1, 'expected at least one text (or no "output"): with a valid token the program must show the result')
    .optional(),
});

/** The expectations of a scenario the API answers with an error: the error must be provoked. */
export const ErrorExpectationSchema = ScenarioExpectationSchema.extend({
  requests: z.int().min(1, 'expected at least 1 (or no "requests"): the program must send the request the API refuses').max(20).optional(),
});

/**
 * The expectations of a scenario in which the server or the network fails on purpose: the program
 * must fail (non-zero) whatever the manifest says, and sends what the mock lets it; only the text
 * it must print can be added.
 */
export const FailSafeExpectationSchema = z.strictObject({
  exit: z.literal('non-zero', 'expected "non-zero" (or no "exit"): when the server or the network fails the program must fail').optional(),
  output: z.array(z.string().min(1)).optional(),
});

/** The request every file of the example must send. */
export const ExpectedRequestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().regex(/^\/api\/[A-Za-z0-9/_-]*$/, 'expected a path under /api/, without a query string'),
  /** Headers that must be sent with exactly these values (names are case-insensitive). */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'expected a header name'), z.string()).default({}),
});

/** The request an example's files must send. */
export type ExpectedRequest = z.output<typeof ExpectedRequestSchema>;

/** The manifest of one example. */
export const ManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Title shown above the example's tabs. */
  title: z.string().trim().min(1),
  /** One sentence on what the example does. */
  description: z.string().trim().min(1).optional(),
  request: ExpectedRequestSchema,
  /** How long one run may take before it is killed with its process tree. */
  timeoutMs: z.int().min(1000).max(300_000).default(20_000),
  /** The request timeout the example's programs set: how long they wait for an answer before giving up. */
  requestTimeoutMs: z.int().min(500).max(120_000).default(10_000),
  /** Per-scenario expectations that differ from the defaults; none may make a case check nothing. */
  scenarios: z
    .strictObject({
      ok: OkExpectationSchema.optional(),
      missing: ScenarioExpectationSchema.optional(),
      invalid: ErrorExpectationSchema.optional(),
      revoked: ErrorExpectationSchema.optional(),
      forbidden: ErrorExpectationSchema.optional(),
      'untrusted-cert': FailSafeExpectationSchema.optional(),
      'hung-server': FailSafeExpectationSchema.optional(),
      'bad-gateway': FailSafeExpectationSchema.optional(),
      'network-error': FailSafeExpectationSchema.optional(),
    } satisfies Record<ScenarioName, z.ZodType>)
    .default({}),
});

/** A validated manifest, defaults applied. */
export type Manifest = z.output<typeof ManifestSchema>;

/** The fields a manifest may hold at `path` (top level, `request`, `scenarios`, `scenarios.<name>`), for error messages. */
export function knownManifestFields(path: readonly PropertyKey[]): readonly string[] | undefined {
  const where = path.map(String).join('.');
  if (where === '') return Object.keys(ManifestSchema.shape);
  if (where === 'request') return Object.keys(ExpectedRequestSchema.shape);
  if (where === 'scenarios') return SCENARIO_NAMES;
  if (path.length === 2 && path[0] === 'scenarios') {
    const failSafe = ['untrusted-cert', 'hung-server', 'bad-gateway', 'network-error'].includes(String(path[1]));
    return Object.keys((failSafe ? FailSafeExpectationSchema : ScenarioExpectationSchema).shape);
  }
  return undefined;
}
