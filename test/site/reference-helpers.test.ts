// The small pieces behind the reference sections: a schema in words, the inline markup of their
// text, the page a tag's reference lives on, the props checked against the description and the
// page (each refusal naming the page, the prop, what it got and what it could be), and the
// description read again when its file changes.
// vitest project: unit (test/support/projects.ts)
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION } from '../../scripts/api/description.ts';
import { PropsError } from '../../docs/lib/props.ts';
import { checkedOperation, checkedResource, referenceHeading, ReferencePropsError } from '../../docs/components/reference-props.ts';
import { presenceWords, type FieldRow } from '../../docs/lib/reference/field-rows.ts';
import { escapeHtml, inlineHtml } from '../../docs/lib/reference/inline-markup.ts';
import { operationAnchor, schemaAnchor, tagOfPage } from '../../docs/lib/reference/reference-anchors.ts';
import { referenceSource } from '../../docs/lib/reference/reference-source.ts';
import { code, constraintWords, defaultWords, flagWords, typeWords } from '../../docs/lib/reference/schema-words.ts';

const source = referenceSource();
const TAGS = ['Clients', 'Targets', 'Credentials', 'Proxies'];

describe('typeWords', () => {
  test.each([
    [{ type: 'string', format: 'uuid' }, 'string (uuid)'],
    [{ type: 'string', format: 'uri' }, 'string (uri)'],
    [{ type: 'integer' }, 'integer'],
    [{ type: ['string', 'null'] }, 'string or null'],
    [{ type: 'array', items: { type: 'string' } }, 'array of string'],
    [{ type: 'array', items: { type: 'object', properties: { a: {} } } }, 'array of object'],
    [{ type: 'object', additionalProperties: { type: 'string' } }, 'object of string values'],
    [{ enum: ['a', 'b'] }, 'string'],
    [{ const: 3 }, 'number'],
    [{ oneOf: [{ type: 'string' }, { type: 'integer' }] }, 'one of string, integer'],
    [false, 'never'],
    [true, 'any'],
  ] as const)('%j is %s', (schema, words) => {
    expect(typeWords(schema as never)).toBe(words);
  });
});

describe('constraintWords', () => {
  test.each([
    [{ enum: ['allow', 'deny'] }, ['one of `allow`, `deny`']],
    [{ const: 'proxy' }, ['always `proxy`']],
    [{ pattern: '^tgt_', 'x-expected': 'a target id like tgt_1' }, ['a target id like tgt_1', 'pattern `^tgt_`']],
    [{ minLength: 1 }, ['not empty']],
    [{ minLength: 2, maxLength: 8 }, ['from 2 to 8 characters']],
    [{ maxLength: 1 }, ['at most 1 character']],
    [{ minimum: 1, maximum: 1000 }, ['from 1 to 1000']],
    [{ exclusiveMinimum: 0, exclusiveMaximum: 10 }, ['more than 0', 'less than 10']],
    [{ minItems: 1, uniqueItems: true }, ['at least 1 item', 'no item twice']],
    [{ type: 'array', items: { enum: ['owner'] } }, ['each item: one of `owner`']],
    [{ minProperties: 1, additionalProperties: { minLength: 1 } }, ['at least 1 field', 'each value: not empty']],
    [false, ['never present']],
    [{ type: 'string' }, []],
  ] as const)('%j gives %j', (schema, words) => {
    expect(constraintWords(schema as never)).toEqual(words);
  });
});

describe('flags, defaults and code', () => {
  test('names read-only, write-only and secret, in that order', () => {
    expect(flagWords({ 'x-secret': true, writeOnly: true, readOnly: true })).toEqual(['read-only', 'write-only', 'secret']);
    expect(flagWords({ type: 'string' })).toEqual([]);
  });

  test('writes a default as inline code, its JSON unless a string, even when it is false', () => {
    expect(defaultWords({ default: false })).toBe('`false`');
    expect(defaultWords({ default: 'allow' })).toBe('`allow`');
    expect(defaultWords({ default: { a: 1 } })).toBe('`{"a":1}`');
    expect(defaultWords({ type: 'string' })).toBeUndefined();
  });

  test('fences code that holds backticks with more of them', () => {
    expect(code('a`b')).toBe('`` a`b ``');
    expect(inlineHtml(code('a`b'))).toBe('<code>a`b</code>');
  });
});

describe('presenceWords', () => {
  const field = (required: boolean, type = 'string'): FieldRow => ({
    name: 'a',
    depth: 0,
    type,
    required,
    constraints: [],
    flags: [],
    assumed: [],
  });

  test('says required or optional in a request, always present or optional in what the API returns', () => {
    expect(presenceWords(field(true), 'request')).toBe('required');
    expect(presenceWords(field(true), 'parameters')).toBe('required');
    expect(presenceWords(field(false), 'request')).toBe('optional');
    expect(presenceWords(field(true), 'response')).toBe('always present');
    expect(presenceWords(field(false), 'response')).toBe('optional');
  });

  test('says nothing of a field that is never there: its constraint says so', () => {
    expect(presenceWords(field(false, 'never'), 'response')).toBeUndefined();
  });
});

describe('inlineHtml', () => {
  test('turns code spans into <code> and anchor links into <a>, escaping everything', () => {
    expect(inlineHtml('array of [Target](#schema-Target), `<tag>` & "x"')).toBe(
      'array of <a href="#schema-Target">Target</a>, <code>&lt;tag&gt;</code> &amp; &quot;x&quot;',
    );
  });

  test('leaves a link to anywhere but the page as text', () => {
    expect(inlineHtml('[x](https://example.com)')).toBe('[x](https://example.com)');
  });

  test('escapes text for HTML', () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('anchors and pages', () => {
  test('anchor an operation at its operationId and a resource at schema-<Name>', () => {
    expect(operationAnchor('createTarget')).toBe('createTarget');
    expect(schemaAnchor('Target')).toBe('schema-Target');
  });

  test.each([
    ['/core-api/targets/', 'Targets'],
    ['/core-api/targets', 'Targets'],
    ['/docs/core-api/Proxies/index.html', 'Proxies'],
    ['/core-api/credentials.md', 'Credentials'],
    ['/core-api/authentication/', undefined],
    ['/', undefined],
  ])('%s is the page of %s', (page, tag) => {
    expect(tagOfPage(page, TAGS)).toBe(tag);
  });
});

describe('checked props', () => {
  const problem = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ReferencePropsError);
      expect(error).toBeInstanceOf(PropsError);
      return (error as Error).message;
    }
    throw new Error('expected a ReferencePropsError');
  };

  test("refuse an operation of another tag than the page's, naming the page, the prop, what it got and the tag's ids", () => {
    expect(problem(() => checkedOperation(source, { id: 'createClient' }, '/core-api/targets/'))).toBe(
      '<Operation> on the page /core-api/targets/ has invalid props:\n' +
        '  - prop "id": expected the operationId of an operation tagged Targets in api/core-api.openapi.yaml ' +
        '(listTargets, createTarget, getTarget, updateTarget, deleteTarget), found "createClient", an operation tagged Clients',
    );
  });

  test('refuse an unknown operationId; on a page of no tag, listing every id', () => {
    const message = problem(() => checkedOperation(source, { id: 'creatTarget' }, '/core-api/authentication/'));
    expect(message).toContain('<Operation> on the page /core-api/authentication/ has invalid props:');
    expect(message).toContain(
      `expected the operationId of an operation in api/core-api.openapi.yaml (${source.operations.map((each) => each.operationId).join(', ')}), found "creatTarget"`,
    );
  });

  test('refuse props of the wrong shape or unknown ones, naming the page', () => {
    expect(problem(() => checkedOperation(source, { id: 'createTarget', level: 4 }, '/core-api/targets/'))).toBe(
      '<Operation> on the page /core-api/targets/ has invalid props:\n  - prop "level": expected 2 or 3 as a number (level={3}), found 4 (number)',
    );
    expect(problem(() => checkedOperation(source, { operation: 'createTarget' }, '/core-api/targets/'))).toContain(
      'unknown prop(s) "operation"',
    );
    expect(problem(() => checkedOperation(source, {}, '/core-api/targets/'))).toContain(
      'prop "id": expected the operationId of an operation in the API description (a string), found nothing',
    );
  });

  test("accept an operation of the page's tag, or any on a page of no tag, ignoring the attributes Astro adds", () => {
    expect(checkedOperation(source, { id: 'createTarget', 'data-astro-cid-x': '' }, '/core-api/targets/')).toMatchObject({
      level: 2,
      view: { operationId: 'createTarget' },
    });
    expect(checkedOperation(source, { id: 'createClient', level: 3 }, '/core-api/overview/').level).toBe(3);
  });

  test("refuse a resource the page's operations do not return, naming the one they do", () => {
    expect(problem(() => checkedResource(source, { schema: 'Proxy' }, '/core-api/targets/'))).toBe(
      '<ResourceFields> on the page /core-api/targets/ has invalid props:\n' +
        '  - prop "schema": expected the name of a resource the Targets operations return in api/core-api.openapi.yaml (Target), found "Proxy"',
    );
    expect(problem(() => checkedResource(source, { schema: 'Uuid' }, '/core-api/overview/'))).toContain('found "Uuid"');
    expect(checkedResource(source, { schema: 'ClientMember' }, '/core-api/overview/').view.anchor).toBe('schema-ClientMember');
  });

  test('give the heading each tag renders, for a table of contents', () => {
    expect(referenceHeading(source, 'Operation', { id: 'deleteProxy', level: 3 }, '/core-api/proxies/')).toEqual({
      depth: 3,
      slug: 'deleteProxy',
      text: 'Delete a proxy',
    });
    expect(referenceHeading(source, 'ResourceFields', { schema: 'Proxy' }, '/core-api/proxies/')).toEqual({
      depth: 2,
      slug: 'schema-Proxy',
      text: 'The Proxy object',
    });
    expect(referenceHeading(source, 'CodeTabs', { example: 'x' }, '/core-api/proxies/')).toBeUndefined();
  });
});

describe('referenceSource', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rr-reference-source-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads the file once while it is unchanged, and again once it changed', () => {
    const file = path.join(dir, 'copy.yaml');
    const text = readFileSync(CORE_API_DESCRIPTION, 'utf8');
    writeFileSync(file, text);
    const first = referenceSource(file);
    expect(referenceSource(file)).toBe(first);
    writeFileSync(file, text.replace('summary: Create a target', 'summary: Add a target'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const second = referenceSource(file);
    expect(second).not.toBe(first);
    expect(second.operations.find((each) => each.operationId === 'createTarget')!.summary).toBe('Add a target');
  });

  test('names a description that is not there', () => {
    const missing = path.join(dir, 'missing.yaml');
    expect(() => referenceSource(missing)).toThrow(`${missing}: cannot read the API description (file not found)`);
  });
});
