// The top-level shape of the API description that the code relies on, as zod schemas. Redocly's
// lint checks the OpenAPI structure in depth; this checks what scripts/api/ reads, so a broken
// file stops with the field and what was expected instead of an undefined deep inside the mock.
import { z } from 'zod';

/** One sentence giving a reason: a capital first, a full stop last, and no second sentence. */
export const ReasonSchema = z
  .string()
  .regex(/^[A-Z][^\n]*\.$/, 'expected a sentence starting with a capital letter and ending with a full stop')
  .refine((text) => !/\. [A-Z]/.test(text), 'expected one sentence, not several');

/** The HTTP methods an operation or a gap may have, as the gaps list writes them. */
export const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `x-known-gaps[]`: an endpoint the public docs list that the description leaves out, and why. */
export const KnownGapSchema = z.strictObject({
  path: z.string().regex(/^\/api\//, 'expected a path starting with /api/'),
  method: HttpMethodSchema,
  reason: ReasonSchema,
});

/** `x-docs-contradictions[]`: where the public docs disagree with themselves, and the side taken. */
export const DocsContradictionSchema = z.strictObject({
  topic: z.string().min(1),
  docs: z.string().min(1),
  resolution: z.string().min(1),
  sources: z.array(z.url({ protocol: /^https$/ })).min(1),
});

/** `x-seed`: the account the mock serves; each record's full shape is its schema's (see seed-account.ts). */
export const SeedSchema = z.strictObject({
  clients: z.array(z.looseObject({ clientId: z.string(), clientName: z.string() })).min(1),
  targets: z.array(z.looseObject({ sKey: z.string(), clientId: z.string() })),
  credentials: z.array(z.looseObject({ sKey: z.string(), clientId: z.string() })),
  proxies: z.array(z.looseObject({ sKey: z.string(), clientId: z.string() })),
});

const Named = z.record(z.string(), z.unknown());

/** The description's top level: OpenAPI 3.1 with the extensions this project defines, and nothing else. */
export const DescriptionSchema = z.strictObject({
  openapi: z.string().regex(/^3\.1\.\d+$/, 'expected OpenAPI 3.1.x'),
  info: z.looseObject({ title: z.string().min(1), version: z.string().min(1), description: z.string().min(1) }),
  servers: z
    .array(z.looseObject({ url: z.url({ protocol: /^https$/ }).regex(/^https:\/\/[^/]+$/, 'expected an https origin with no path') }))
    .length(1, 'expected exactly one server'),
  security: z.array(z.record(z.string(), z.array(z.string()))).min(1),
  tags: z.array(z.looseObject({ name: z.string().min(1), description: z.string().min(1) })).min(1),
  paths: z.record(z.string().regex(/^\//, 'expected a path starting with /'), z.looseObject({})),
  components: z.looseObject({
    securitySchemes: Named,
    schemas: Named,
    parameters: Named,
    responses: Named,
    examples: Named,
  }),
  'x-known-gaps': z.array(KnownGapSchema),
  'x-docs-contradictions': z.array(DocsContradictionSchema),
  'x-unrouted-responses': z.record(z.string().regex(/^[45]\d\d$/, 'expected an HTTP error status such as 405'), z.looseObject({})),
  'x-seed': SeedSchema,
});

/** The description as parsed, past the top-level check. */
export type DescriptionDocument = z.output<typeof DescriptionSchema>;

/** A known gap, as the description lists it. */
export type KnownGap = z.output<typeof KnownGapSchema>;

/** A contradiction of the public docs, as the description lists it. */
export type DocsContradiction = z.output<typeof DocsContradictionSchema>;

/** The fields allowed at a place of the top level, for "unknown field" messages. */
export function knownDescriptionFields(path: readonly PropertyKey[]): readonly string[] | undefined {
  if (path.length === 0) return Object.keys(DescriptionSchema.shape);
  if (path.length === 1 && path[0] === 'x-seed') return Object.keys(SeedSchema.shape);
  if (path.length === 2 && path[0] === 'x-known-gaps') return Object.keys(KnownGapSchema.shape);
  if (path.length === 2 && path[0] === 'x-docs-contradictions') return Object.keys(DocsContradictionSchema.shape);
  return undefined;
}
