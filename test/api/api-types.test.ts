// scripts/api/core-api-types.ts is what `npm run generate:api-types` makes of the description
// today: regenerated in memory and compared byte for byte, so the types cannot fall out of step.
// vitest project: unit (test/support/projects.ts)
import { readFileSync } from 'node:fs';
import { expect, expectTypeOf, test } from 'vitest';
import { API_TYPES_FILE, API_TYPES_HEADER, renderApiTypes } from '../../scripts/api/api-types-generator.ts';
import type { components, operations } from '../../scripts/api/core-api-types.ts';

test('the committed types are those the description generates (run npm run generate:api-types)', async () => {
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  expect(committed.startsWith(API_TYPES_HEADER)).toBe(true);
  expect(committed === (await renderApiTypes()), 'scripts/api/core-api-types.ts is out of step: run npm run generate:api-types').toBe(true);
});

test('the types follow the description: a credential type narrows its auth types, a secret is never returned', () => {
  type Schemas = components['schemas'];
  expectTypeOf<Schemas['ProxyCredentialCreate']['credentialAuthType']>().toEqualTypeOf<
    'apiKey' | 'bearer' | 'jwt' | 'basicAuth' | 'jwtVerify'
  >();
  expectTypeOf<Schemas['Credential']['credentialSecret']>().toEqualTypeOf<undefined>();
  expectTypeOf<operations['createTarget']['responses'][201]['content']['application/json']>().toEqualTypeOf<Schemas['TargetEnvelope']>();
  expectTypeOf<Schemas['ProxyCreate']['proxyActive']>().toEqualTypeOf<boolean | undefined>();
});
