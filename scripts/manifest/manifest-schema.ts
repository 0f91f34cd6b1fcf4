// The zod schema of an example's manifest (`snippets/<id>/example.json`), shared by the harness
// and the site so that a bad manifest fails both with the same message. A manifest names the
// operation it calls by the description's operationId (or several, as `steps`); the method, the
// path and the answers come from the description (example-steps.ts).
import { z } from 'zod';
import { API_OPERATIONS } from '../api/core-api.ts';
import {
  PLACEHOLDER,
  declarationProblems,
  exampleSteps,
  missingScenarioReason,
  placeholderNames,
  type StepsDeclaration,
} from './example-steps.ts';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, plainTextProblem } from './plain-text.ts';
import { FAIL_SAFE_SCENARIOS, SCENARIO_NAMES, type ScenarioName } from './scenario-names.ts';

export { SCENARIO_NAMES, type ScenarioName } from './scenario-names.ts';

/** File name of the manifest inside each example folder. */
export const MANIFEST_FILE = 'example.json';

/** Most requests an example may make in order (`steps`). */
export const MAX_STEPS = 10;

/** What a scenario expects where it differs from the harness's defaults. */
export const ScenarioExpectationSchema = z.strictObject({
  /** Whether the program must exit 0 or non-zero. */
  exit: z.enum(['zero', 'non-zero']).optional(),
  /** How many requests the program must send. */
  requests: z.int().min(0).max(20).optional(),
  /** Text that must appear in the program's output (stdout and stderr together); `{targetId}` stands for an id of the case. */
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

/** Plain text of at most `maxLength` characters (see plain-text.ts). */
const plainText = (maxLength: number) =>
  z
    .string()
    .trim()
    .min(1)
    .check((context) => {
      const problem = plainTextProblem(context.value, maxLength);
      if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value });
    });

const OPERATION_IDS = API_OPERATIONS.map((operation) => operation.operationId) as [string, ...string[]];

/** An operationId of the API description; an unknown one is answered with the list of those there are. */
const OperationIdSchema = z.enum(OPERATION_IDS);

/** An environment variable name, as programs read ids from. */
const VariableSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'expected an environment variable name in upper snake case, like REQUESTROCKET_CLIENT_ID');

/** The fields of the manifest, before the checks across them. */
const ManifestFields = z.strictObject({
  $schema: z.string().optional(),
  /** Title shown above the example's tabs: plain text. */
  title: plainText(TITLE_MAX_LENGTH),
  /** One sentence on what the example does: plain text. */
  description: plainText(DESCRIPTION_MAX_LENGTH).optional(),
  /** The operationId of the description that the example calls. */
  operation: OperationIdSchema.optional(),
  /** Or the operationIds it calls in order; ids a step creates are the later steps' parameters. */
  steps: z
    .array(OperationIdSchema)
    .min(2, 'expected at least two operationIds (one goes in "operation")')
    .max(MAX_STEPS, `expected at most ${MAX_STEPS} steps`)
    .optional(),
  /**
   * The environment variable each path parameter is read from (`"clientId": "REQUESTROCKET_CLIENT_ID"`),
   * and each body field that holds another record's id (`"proxyTargetId": "REQUESTROCKET_TARGET_ID"`).
   */
  parameters: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected a path parameter or a body field name'), VariableSchema)
    .default({}),
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
      'not-found': ErrorExpectationSchema.optional(),
      'bad-request': ErrorExpectationSchema.optional(),
      'untrusted-cert': FailSafeExpectationSchema.optional(),
      'hung-server': FailSafeExpectationSchema.optional(),
      'bad-gateway': FailSafeExpectationSchema.optional(),
      'network-error': FailSafeExpectationSchema.optional(),
    } satisfies Record<ScenarioName, z.ZodType>)
    .default({}),
});

/** The manifest of one example: its fields, then their agreement with the description. */
export const ManifestSchema = ManifestFields.check((context) => {
  const manifest = context.value;
  const add = (path: PropertyKey[], message: string, input: unknown) => context.issues.push({ code: 'custom', path, message, input });
  const problems = declarationProblems(manifest);
  for (const problem of problems) add(problem.path, problem.message, problem.input);
  if (problems.length > 0) return;
  const steps = exampleSteps(manifest as StepsDeclaration);
  const names = placeholderNames(steps);
  for (const [scenario, expectation] of Object.entries(manifest.scenarios) as Array<[ScenarioName, { output?: string[] }]>) {
    const reason = missingScenarioReason(steps, scenario);
    if (reason)
      add(
        ['scenarios', scenario],
        `expected no ${scenario} expectations: the example has no ${scenario} scenario (${reason})`,
        expectation,
      );
    for (const [index, text] of (expectation.output ?? []).entries()) {
      const unknown = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !names.includes(name));
      if (unknown.length)
        add(
          ['scenarios', scenario, 'output', index],
          `expected placeholders of this example's ids only (${names.length ? names.map((name) => `{${name}}`).join(', ') : 'it has none'}), not ${unknown.map((name) => `{${name}}`).join(', ')}`,
          text,
        );
    }
  }
});

/** A validated manifest, defaults applied. */
export type Manifest = z.output<typeof ManifestSchema>;

/** The fields a manifest may hold at `path` (top level, `scenarios`, `scenarios.<name>`), for error messages. */
export function knownManifestFields(path: readonly PropertyKey[]): readonly string[] | undefined {
  const where = path.map(String).join('.');
  if (where === '') return Object.keys(ManifestFields.shape);
  if (where === 'scenarios') return SCENARIO_NAMES;
  if (path.length === 2 && path[0] === 'scenarios') {
    const failSafe = (FAIL_SAFE_SCENARIOS as readonly string[]).includes(String(path[1]));
    return Object.keys((failSafe ? FailSafeExpectationSchema : ScenarioExpectationSchema).shape);
  }
  return undefined;
}
