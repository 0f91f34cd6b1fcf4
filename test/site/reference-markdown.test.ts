// The reference sections as Markdown, for the pages' Markdown twins: GitHub-flavoured tables of
// the parameters and fields, each example as a ```json block holding the description's example,
// each assumption as a marked note, the tag's children before the answers, and the same refusals
// as the page.
// vitest project: unit (test/support/projects.ts)
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION, parseDescription } from '../../scripts/api/description.ts';
import { ReferencePropsError } from '../../docs/components/reference-props.ts';
import {
  fieldTableMarkdown,
  operationMarkdown,
  operationMarkdownParts,
  referenceMarkdown,
  resourceFieldsMarkdown,
} from '../../docs/lib/reference/reference-markdown.ts';
import { referenceSource, sourceOf } from '../../docs/lib/reference/reference-source.ts';

const source = referenceSource();
const TARGETS = { page: '/core-api/targets/', source };

/** The cells of a Markdown table line, split at pipes that are not escaped. */
const cells = (line: string) => line.slice(2, -2).split(/(?<!\\)\|/);

/** Every table of `markdown`: its lines, from the header to the last row. */
function tables(markdown: string): string[][] {
  return markdown
    .split('\n\n')
    .map((block) => block.split('\n'))
    .filter((lines) => lines[0]!.startsWith('| ') && lines[1]?.startsWith('| ---'));
}

/** The ```json blocks of `markdown`, parsed. */
const jsonBlocks = (markdown: string) =>
  [...markdown.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as unknown);

describe('operationMarkdown', () => {
  const markdown = operationMarkdown('createTarget', { ...TARGETS, inner: '**Create a target**: the tested programs' });

  test('opens with the anchored heading, the method and path, the operationId and the description', () => {
    expect(
      markdown.startsWith(
        '<a id="createTarget"></a>\n\n## Create a target\n\n`POST /api/clients/{clientId}/targets` (operationId `createTarget`)\n\n' +
          'Creates a target in a client. Its region cannot be changed afterwards.\n\n### Parameters\n\n',
      ),
    ).toBe(true);
  });

  test('writes the parameters and the body as tables, with the columns that have values', () => {
    expect(markdown).toContain(
      '| Name | In | Type | Required | Description |\n| --- | --- | --- | --- | --- |\n' +
        "| `clientId` | path | string (uuid) | yes | The client's id. **Assumed:** The proxies page shows placeholders such as user_123 and client_456 instead; the UUIDs of the other pages are taken. |",
    );
    expect(markdown).toContain('| Field | Type | Required | Default | Constraints | Description |');
    expect(markdown).toContain(
      '| `targetDefaultRuleEffect` | string | no | `allow` | one of `allow`, `deny` | What happens to a request that no rule matches. **Assumed:** Optional, with allow when left out, as in every example. |',
    );
    expect(markdown).toContain(
      '| `targetBaseURL` | string (uri) | yes |  | an https URL; pattern `^https://[^\\s/?#]+(/[^\\s]*)?$` | An https URL. |',
    );
    expect(markdown).toContain('| `target` | [Target](#schema-Target) | yes |  | A target, an upstream API that proxies forward to. |');
  });

  test('writes well-formed tables: every row has as many cells as the header', () => {
    const found = tables(markdown);
    expect(found).toHaveLength(3);
    for (const lines of found) for (const line of lines) expect(cells(line), line).toHaveLength(cells(lines[0]!).length);
  });

  test('marks every assumption of the body and the answers as a note', () => {
    expect(markdown).toContain(
      '> **Assumed:** The docs show no create body; the writable fields of the list example are taken, with name, base URL, test path and region required.',
    );
    expect(markdown).toContain(
      '#### 201 Created\n\nThe target was created.\n\n> **Assumed:** The docs show no answer to a create; 201 with the new target in a singular envelope is taken, as for every create.\n\n' +
        '> **Assumed:** The docs show only list answers; one target is taken to come under the singular name target.',
    );
  });

  test("holds every example as a ```json block equal to the description's", () => {
    const operation = source.operations.find((each) => each.operationId === 'createTarget')!;
    const examples = [
      ...Object.values(operation.requestBody!.examples),
      ...operation.responses.flatMap((response) => Object.values(response.body?.examples ?? {})),
    ];
    expect(jsonBlocks(markdown)).toEqual(examples);
    expect(markdown).toContain('Example request body, `target`: A new target\n\n```json\n{\n  "targetName": "OpenAI API",');
  });

  test("puts what the tag holds after the request and before the answers, and every answer in the description's order", () => {
    const order = [
      '### Request body',
      '**Create a target**: the tested programs',
      '### Responses',
      '#### 201 Created',
      '#### 400 Bad Request',
      '#### 401 Unauthorized',
      '#### 403 Forbidden',
      '#### 404 Not Found',
      '#### 413 Payload Too Large',
      '#### 415 Unsupported Media Type',
    ];
    const positions = order.map((text) => markdown.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("splits into the request part and the answers, for a twin that puts the tag's children between them", () => {
    const { head, answers } = operationMarkdownParts('createTarget', TARGETS);
    expect(head.startsWith('<a id="createTarget"></a>')).toBe(true);
    expect(head).toContain('### Request body');
    expect(head).not.toContain('### Responses');
    expect(answers.startsWith('### Responses\n\n#### 201 Created')).toBe(true);
    expect(operationMarkdown('createTarget', { ...TARGETS, inner: 'tabs' })).toBe(`${head}\n\ntabs\n\n${answers}\n`);
  });

  test('shows a oneOf body as one table per shape, under the value that selects it', () => {
    const credential = operationMarkdown('createCredential', { page: '/core-api/credentials/', source });
    expect(credential).toContain(
      'One of 2 shapes, told apart by `credentialType`:\n\n**When `credentialType` is `proxy`**: The body that creates a proxy credential',
    );
    expect(credential).toContain('**When `credentialType` is `target`**: The body that creates a target credential');
    expect(credential).toContain(
      '| `credentialSecret` | object of string values (write-only, secret) | yes | at least 1 field; each value: not empty |',
    );
    expect(tables(credential)).toHaveLength(4);
  });

  test('gives a GET its query parameter with its default, and a DELETE no request body', () => {
    expect(operationMarkdown('listCredentials', { page: '/core-api/credentials/', source })).toContain(
      '| `includeTemporary` | query | boolean | no | `false` | Also list temporary OAuth2 credentials that are still awaiting authorization. |',
    );
    const deleted = operationMarkdown('deleteTarget', TARGETS);
    expect(deleted).not.toContain('Request body');
    expect(deleted).toContain('`DELETE /api/clients/{clientId}/targets/{targetId}`');
  });

  test('moves every heading one level down for level 3', () => {
    const lower = operationMarkdown('deleteTarget', { ...TARGETS, level: 3 });
    expect(lower).toContain('\n### Delete a target\n');
    expect(lower).toContain('\n#### Responses\n');
    expect(lower).toContain('\n##### 200 OK\n');
  });

  test("escapes a pipe in the description's text, so the table keeps its columns", () => {
    const text = readFileSync(CORE_API_DESCRIPTION, 'utf8').replace(
      'description: What happens to a request that no rule matches.',
      'description: allow | deny, for a request that no rule matches.',
    );
    const edited = sourceOf(parseDescription(text, CORE_API_DESCRIPTION));
    const markdown = operationMarkdown('createTarget', { page: '/core-api/targets/', source: edited });
    expect(markdown).toContain('`allow` | one of `allow`, `deny` | allow \\| deny, for a request that no rule matches.');
    for (const lines of tables(markdown)) for (const line of lines) expect(cells(line)).toHaveLength(cells(lines[0]!).length);
  });
});

describe('resourceFieldsMarkdown', () => {
  test("writes a resource's anchored heading, assumption and every field, nested ones as a[].b", () => {
    const markdown = resourceFieldsMarkdown('Client', { page: '/core-api/clients/', source });
    expect(markdown).toContain('<a id="schema-Client"></a>\n\n## The Client object\n\nA client (an organisation in the dashboard).\n\n');
    expect(markdown).toContain("> **Assumed:** Every field of the docs' list example is taken as always present.");
    expect(markdown).toContain(
      "| `clientMembers[].roles` | array of string | yes | each item: not empty | The member's roles, such as owner and admin. |",
    );
  });

  test('writes a table with only the columns its rows fill', () => {
    expect(
      fieldTableMarkdown([{ name: 'a', depth: 0, type: 'string', required: false, constraints: [], flags: [], assumed: [] }], 'response'),
    ).toBe('| Field | Type | Always present | Description |\n| --- | --- | --- | --- |\n| `a` | string | no |  |');
  });
});

describe('referenceMarkdown', () => {
  test('writes a reference tag from the props the MDX gives it, as the functions above do', () => {
    expect(referenceMarkdown('Operation', { id: 'getTarget', level: 3 }, TARGETS)).toBe(
      operationMarkdown('getTarget', { ...TARGETS, level: 3 }),
    );
    expect(referenceMarkdown('ResourceFields', { schema: 'Target' }, TARGETS)).toBe(resourceFieldsMarkdown('Target', TARGETS));
    expect(referenceMarkdown('Operation', { id: 'getTarget' }, { ...TARGETS, inner: 'tabs' })).toContain('\n\ntabs\n\n### Responses');
  });

  test('leaves another tag to its caller', () => {
    expect(referenceMarkdown('CodeTabs', { example: 'list-clients' }, TARGETS)).toBeUndefined();
  });

  test('refuses what the page refuses, naming the page', () => {
    expect(() => referenceMarkdown('Operation', { id: 'deleteProxy' }, TARGETS)).toThrow(ReferencePropsError);
    expect(() => referenceMarkdown('Operation', { id: 'deleteProxy' }, TARGETS)).toThrow(
      '<Operation> on the page /core-api/targets/ has invalid props:\n  - prop "id": expected the operationId of an operation tagged Targets',
    );
    expect(() => resourceFieldsMarkdown('Proxy', TARGETS)).toThrow('found "Proxy"');
  });
});
