// What a new example prints, read from the description: a get's key fields (never a secret, an
// owner's id or a time stamp), an update's id and the fields its body set, a list's and a create's
// id and name, nothing of a deleted record.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { resourceActions } from '../../scripts/mock/resource-model.ts';
import { keyFields, operationModel } from '../../scripts/scaffold/operation-model.ts';

const kinds = [...new Map([...resourceActions(API_OPERATIONS).values()].map((action) => [action.kind.collection, action.kind])).values()];
const fieldsOf = (operationId: string) => operationModel([operationId]).steps[0]!.fields.map((field) => field.name);

describe('keyFields', () => {
  test.for(kinds.map((kind) => [kind.collection, kind] as const))(
    'of %s: the id, the name, then plain fields the API always returns',
    ([, kind]) => {
      const fields = keyFields(kind);
      const properties = kind.recordSchema.properties as Record<string, Record<string, unknown> | false>;
      expect(fields[0]).toMatchObject({ name: kind.idField, role: 'id' });
      expect(fields[1]).toMatchObject({ role: 'name' });
      for (const field of fields) {
        const schema = properties[field.name];
        expect(schema, field.name).not.toBe(false);
        expect((kind.recordSchema.required as string[]).includes(field.name), field.name).toBe(true);
        expect(schema && schema.format, field.name).not.toBe('date-time');
        expect(schema && (schema.writeOnly || schema['x-secret']), field.name).toBeFalsy();
      }
    },
  );

  test("of a credential: never its secret, its owners' ids or its time stamps", () => {
    expect(fieldsOf('getCredential')).toEqual(['sKey', 'credentialName', 'credentialType', 'credentialAuthType', 'credentialRegion']);
  });

  test('of a client: its id and name (its members are a list, not a plain value)', () => {
    expect(fieldsOf('getClient')).toEqual(['clientId', 'clientName']);
  });
});

describe("a step's printed fields", () => {
  test('a list and a create print the id and the name', () => {
    expect(fieldsOf('listProxies')).toEqual(['sKey', 'proxyName']);
    expect(fieldsOf('createCredential')).toEqual(['sKey', 'credentialName']);
  });

  test("an update prints the id and the fields of the description's example body", () => {
    expect(fieldsOf('updateTarget')).toEqual(['sKey', 'targetTestPath']);
    expect(fieldsOf('updateProxy')).toEqual(['sKey', 'proxyMaxRequestsPerMinute', 'proxyMaxRequestsPerDay']);
  });

  test('a delete prints no field of the record', () => {
    expect(fieldsOf('deleteTarget')).toEqual([]);
  });
});
