// The templates: one per registered runner, named so the harness and the site recognise each
// generated file, with only known placeholders, and titles made safe inside each language's comment.
// vitest project: unit (test/support/projects.ts)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { LANGUAGES, languageOfFile } from '../../scripts/languages.ts';
import { DEFAULT_RUNNERS, runnerById } from '../../scripts/runners/registry.ts';
import { operationModel } from '../../scripts/scaffold/operation-model.ts';
import { renderTemplate, sentenceOf, startingFile, templatePath, templateValues } from '../../scripts/scaffold/templates.ts';

/** One example of each kind of step, and one of several steps. */
const KINDS: ReadonlyArray<readonly string[]> = [
  ['listClients'],
  ['listCredentials'],
  ['getProxy'],
  ['createCredential'],
  ['updateProxy'],
  ['deleteTarget'],
  ['createTarget', 'getTarget', 'deleteTarget'],
];

const VALUES = { sentence: 'List widgets.', className: 'ListWidgets' };
const scaffoldOf = (language: string) => {
  const found = runnerById(language);
  if (!found) throw new Error(`no runner for ${language}`);
  return found.scaffold;
};

describe("the built-in runners' templates", () => {
  test('are one for every language, in tab order', () => {
    expect(DEFAULT_RUNNERS.map((runner) => runner.id)).toEqual(LANGUAGES.map((language) => language.id));
    expect(DEFAULT_RUNNERS.map((runner) => path.relative('scripts/scaffold/templates', templatePath(runner)))).toEqual([
      'template.mjs',
      'template.py',
      'template.go',
      'Template.java',
      'template.sh',
    ]);
  });

  test('name the files the way the repo does', () => {
    expect(DEFAULT_RUNNERS.map((runner) => runner.scaffold.fileName('list-clients'))).toEqual([
      'list-clients.mjs',
      'list_clients.py',
      'list_clients.go',
      'ListClients.java',
      'list-clients.sh',
    ]);
  });

  test.for(DEFAULT_RUNNERS.map((runner) => [runner.id, runner] as const))(
    'give the %s file a name its language recognises',
    ([language, runner]) => {
      expect(languageOfFile(runner.scaffold.fileName('list-widgets'))?.id).toBe(language);
    },
  );

  test.for(DEFAULT_RUNNERS.flatMap((runner) => KINDS.map((operations) => [runner.id, operations.join(', '), runner, operations] as const)))(
    '%s: fills every placeholder for %s and reads the token and the ids from the environment',
    async ([, , runner, operations]) => {
      const model = operationModel(operations);
      const file = await startingFile(runner, 'list-widgets', 'List widgets', model);
      expect(file.content).not.toMatch(/\{\{|\}\}(?!\})/);
      expect(file.content).toContain('List widgets.');
      expect(file.content).toContain(API_FACTS.tokenEnvVar);
      expect(file.content).toContain(API_FACTS.baseUrl);
      for (const variable of model.variables) expect(file.content).toContain(variable.variable);
      // Each step's method, as a string or as Go's http.Method constant.
      for (const step of model.steps)
        expect(file.content).toMatch(new RegExp(`${step.method}|Method${step.method.charAt(0)}${step.method.slice(1).toLowerCase()}`));
    },
  );

  test('name the Java class after the file', async () => {
    const file = await startingFile(runnerById('java')!, 'list-widgets', 'List widgets', operationModel(['listClients']));
    expect(file.name).toBe('ListWidgets.java');
    expect(file.content).toContain('public class ListWidgets {');
  });

  test('make only the curl script executable', () => {
    expect(DEFAULT_RUNNERS.filter((runner) => runner.scaffold.executable).map((runner) => runner.id)).toEqual(['curl']);
  });
});

describe('startingFile', () => {
  test("says which runner's template cannot be read", async () => {
    const lost = { id: 'rocket', scaffold: { ...scaffoldOf('go'), file: new URL('file:///nonexistent/template.rr') } };
    await expect(startingFile(lost, 'list-widgets', 'List widgets')).rejects.toThrow(
      /^the rocket runner's template \/nonexistent\/template\.rr cannot be read: ENOENT/,
    );
  });
});

describe('renderTemplate', () => {
  test('throws naming the template and an unknown placeholder', () => {
    expect(() => renderTemplate('// {{titel}}', VALUES, 'template.go')).toThrow(
      'template.go: unknown placeholder {{titel}}; expected one of {{sentence}}, {{className}}',
    );
  });

  test('keeps a section once when true, never when false, and the inverted one the other way', () => {
    const text = 'a{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!{{/no}}b';
    expect(renderTemplate(text, { yes: true, no: false }, 't')).toBe('aY!b');
  });

  test('repeats a section for each item of a list, its values first, then the outer ones', () => {
    const text = '{{#steps}}[{{name}} in {{sentence}}]{{/steps}}';
    expect(renderTemplate(text, { sentence: 'S', steps: [{ name: 'one' }, { name: 'two' }] }, 't')).toBe('[one in S][two in S]');
  });

  test('takes a section tag alone on its line with its line, and indents a value of several lines as its first', () => {
    const text = 'begin\n  {{#steps}}\n  {{code}}\n  {{/steps}}\nend\n';
    expect(renderTemplate(text, { steps: [{ code: 'a = 1\nb = 2' }] }, 't')).toBe('begin\n  a = 1\n  b = 2\nend\n');
  });

  test('says which section is never closed, and that a section is not a value', () => {
    expect(() => renderTemplate('{{#steps}}x', { steps: [] }, 't.go')).toThrow(
      't.go: the section {{#steps}} is never closed with {{/steps}}',
    );
    expect(() => renderTemplate('{{steps}}', { steps: [] }, 't.go')).toThrow('t.go: {{steps}} is a section; open it with {{#steps}}');
  });
});

describe("each language's code for what varies with the operation", () => {
  const code = (language: string) => runnerById(language)!.scaffold.code!;
  const body = { name: "O'Reilly", limit: 60, active: true, secret: { key: 'k' } };

  test.for([
    ['javascript', "const body = {\n  name: 'O\\'Reilly',\n  limit: 60,\n  active: true,\n  secret: {\n    key: 'k',\n  },\n};"],
    [
      'python',
      'body = {\n    "name": "O\'Reilly",\n    "limit": 60,\n    "active": True,\n    "secret": {\n        "key": "k",\n    },\n}',
    ],
    [
      'go',
      'body := map[string]any{\n\t"name":   "O\'Reilly",\n\t"limit":  60,\n\t"active": true,\n\t"secret": map[string]any{\n\t\t"key": "k",\n\t},\n}',
    ],
    [
      'java',
      'JsonObject body = new JsonObject();\nbody.addProperty("name", "O\'Reilly");\nbody.addProperty("limit", 60);\nbody.addProperty("active", true);\n' +
        'JsonObject secret = new JsonObject();\nsecret.addProperty("key", "k");\nbody.add("secret", secret);',
    ],
    ['curl', `body='{\n  "name": "O'\\''Reilly",\n  "limit": 60,\n  "active": true,\n  "secret": {\n    "key": "k"\n  }\n}'`],
  ])('%s writes a JSON body with its numbers, booleans and nested objects as they are', ([language, expected]) => {
    expect(code(language!).body('body', body)).toBe(expected);
  });

  test.for([
    ['javascript', "const body = {\n  proxyName: 'p',\n  proxyTargetId: targetId,\n};"],
    ['python', 'body = {\n    "proxyName": "p",\n    "proxyTargetId": target_id,\n}'],
    ['go', 'body := map[string]any{\n\t"proxyName":     "p",\n\t"proxyTargetId": targetID,\n}'],
    ['java', 'JsonObject body = new JsonObject();\nbody.addProperty("proxyName", "p");\nbody.addProperty("proxyTargetId", targetId);'],
    ['curl', `body='{\n  "proxyName": "p",\n  "proxyTargetId": "'"\${target_id}"'"\n}'`],
  ])('%s writes a body field holding an id as the variable it was read into', ([language, expected]) => {
    const { name, body: bodyOf } = code(language!);
    expect(bodyOf('body', { proxyName: 'p', proxyTargetId: 'tgt_789e4567' }, { proxyTargetId: name(['target', 'id']) })).toBe(expected);
  });

  test.for([
    ['javascript', '`/clients/${clientId}/targets`', "'/clients'"],
    ['python', 'f"/clients/{client_id}/targets"', '"/clients"'],
    ['go', '"/clients/"+clientID+"/targets"', '"/clients"'],
    ['java', '"/clients/" + clientId + "/targets"', '"/clients"'],
    ['curl', '"/clients/${client_id}/targets"', '"/clients"'],
  ])('%s writes a path with the ids in its variables', ([language, withId, without]) => {
    const { name, path: pathOf } = code(language!);
    expect(pathOf(['/clients/', { variable: name(['client', 'id']) }, '/targets'])).toBe(withId);
    expect(pathOf(['/clients'])).toBe(without);
  });
});

/** A new example's file in `language` for `operations`. */
const scaffolded = async (language: string, operations: readonly string[]) =>
  (await startingFile(runnerById(language)!, 'an-example', 'An example', operationModel(operations))).content;

describe("the scaffold's files for several kinds of operation", () => {
  test("a create sends the body of the description's example and prints the new id (Python)", async () => {
    const file = await scaffolded('python', ['createTarget']);
    expect(file).toContain('client_id = os.environ.get("REQUESTROCKET_CLIENT_ID")');
    expect(file).toContain('body = {\n    "targetName": "OpenAI API",');
    expect(file).toContain('new_target = call("create a target", "POST", f"/clients/{client_id}/targets", body)["target"]');
    expect(file).toContain('print(f"Created target {target_id} ({new_target[\'targetName\']})")');
  });

  test('an update sends numbers as numbers, with two ids from the environment (Go)', async () => {
    const file = await scaffolded('go', ['updateProxy']);
    expect(file).toContain('proxyID := os.Getenv("REQUESTROCKET_PROXY_ID")');
    expect(file).toContain('"proxyMaxRequestsPerMinute": 60,');
    expect(file).toContain('call(http.MethodPut, "/clients/"+clientID+"/proxies/"+proxyID, body, &updatedProxy)');
    expect(file).toContain('var httpClient = &http.Client{Timeout: 10 * time.Second}');
    expect(file).toContain('resp, err := httpClient.Do(req)');
    expect(file).not.toContain('http.DefaultClient.Do');
  });

  test('an update prints the fields its body set, as the API answered them (Go, typed, gofmt-aligned)', async () => {
    const file = await scaffolded('go', ['updateProxy']);
    expect(file).toContain(
      'type proxyRecord struct {\n\tID                        string `json:"sKey"`\n' +
        '\tProxyMaxRequestsPerMinute int    `json:"proxyMaxRequestsPerMinute"`\n' +
        '\tProxyMaxRequestsPerDay    int    `json:"proxyMaxRequestsPerDay"`\n}',
    );
    expect(file).toContain('fmt.Printf("Updated proxy %s\\n", updatedProxy.Proxy.ID)');
    expect(file).toContain('fmt.Printf("proxyMaxRequestsPerMinute: %d\\n", updatedProxy.Proxy.ProxyMaxRequestsPerMinute)');
  });

  test("a get prints the record's key fields one a line, never its owners' ids or time stamps (Python)", async () => {
    const file = await scaffolded('python', ['getTarget']);
    const printed = [...file.matchAll(/^print\(f"(\w+): /gm)].map((match) => match[1]);
    expect(printed).toEqual(['sKey', 'targetName', 'targetBaseURL', 'targetTestPath', 'targetRegion', 'targetDefaultRuleEffect']);
  });

  test('a list prints one line per record in every language, curl included', async () => {
    const file = await scaffolded('curl', ['listTargets']);
    expect(file).toContain("targets=$(call 'list a client'\\''s targets' GET \"/clients/${client_id}/targets\")");
    expect(file).toContain('paste -d \' \' <(json_field sKey <<<"${targets}") <(json_field targetName <<<"${targets}")');
  });

  test('Java imports JsonArray only where a list needs it', async () => {
    expect(await scaffolded('java', ['listTargets'])).toContain('import com.google.gson.JsonArray;');
    expect(await scaffolded('java', ['getTarget'])).not.toContain('JsonArray');
  });

  test("a list sends the query of the description's example (curl)", async () => {
    const file = await scaffolded('curl', ['listCredentials']);
    expect(file).toContain('client_id=${REQUESTROCKET_CLIENT_ID:?Set REQUESTROCKET_CLIENT_ID to the id of the client}');
    expect(file).toContain("call 'list a client'\\''s credentials' GET \"/clients/${client_id}/credentials?includeTemporary=true\"");
  });

  test('a secret in a body is built with Gson, like the rest of it (Java)', async () => {
    const file = await scaffolded('java', ['createCredential']);
    expect(file).toContain('JsonObject credentialSecret = new JsonObject();');
    expect(file).toContain('body.add("credentialSecret", credentialSecret);');
    expect(file).toContain('.getAsJsonObject("credential");');
  });

  test.for(['javascript', 'python', 'go', 'java', 'curl'])(
    "a create whose body names other records reads each id from the environment and writes none of the description's (%s)",
    async (language) => {
      const file = await scaffolded(language, ['createProxy']);
      for (const variable of ['REQUESTROCKET_PROXY_CREDENTIAL_ID', 'REQUESTROCKET_TARGET_ID', 'REQUESTROCKET_TARGET_CREDENTIAL_ID'])
        expect(file).toMatch(new RegExp(`[Ss]et ${variable} to the id of the (proxy credential|target|target credential)`));
      expect(file).not.toMatch(/tgt_789e4567|cred_4f1a2b3c|cred_9d8e7f6a/);
    },
  );

  test('a body id is read once, as a path id is, and sent in its field (Python)', async () => {
    const file = await scaffolded('python', ['createProxy']);
    expect(file).toContain(
      'target_id = os.environ.get("REQUESTROCKET_TARGET_ID")\nif not target_id:\n    sys.exit("Set REQUESTROCKET_TARGET_ID to the id of the target.")',
    );
    expect(file).toContain('    "proxyProxyCredentialId": proxy_credential_id,\n    "proxyTargetId": target_id,\n');
    expect(operationModel(['createProxy']).parameters).toEqual({
      clientId: 'REQUESTROCKET_CLIENT_ID',
      proxyProxyCredentialId: 'REQUESTROCKET_PROXY_CREDENTIAL_ID',
      proxyTargetId: 'REQUESTROCKET_TARGET_ID',
      proxyTargetCredentialId: 'REQUESTROCKET_TARGET_CREDENTIAL_ID',
    });
  });

  test('later steps take the id an earlier one created, and a delete prints it (JavaScript)', async () => {
    const file = await scaffolded('javascript', ['createTarget', 'getTarget', 'deleteTarget']);
    expect(file).toContain('const targetId = newTarget.sKey;');
    expect(file).toContain("(await call('GET', `/clients/${clientId}/targets/${targetId}`)).target;");
    expect(file).toContain("await call('DELETE', `/clients/${clientId}/targets/${targetId}`);");
    expect(file).toContain('console.log(`Deleted target ${targetId}`);');
    expect(file).toContain('AbortSignal.timeout(10_000)');
  });
});

describe('comment escaping', () => {
  test('keeps a Python docstring closed whatever the title holds', () => {
    expect(scaffoldOf('python').escape?.('Say "hi" \\ """')).toBe('Say \\"hi\\" \\\\ \\"\\"\\"');
  });

  test('keeps a Java comment closed and its backslashes from starting a \\u escape', () => {
    expect(scaffoldOf('java').escape?.('a */ b \\u000a')).toBe('a *&#47; b \\\\u000a');
  });
});

describe('templateValues', () => {
  test("fills {{sentence}} with the escaped title, and the runner's own placeholders", () => {
    expect(templateValues(runnerById('java')!, 'list-widgets', 'a */ b')).toEqual({ sentence: 'a *&#47; b.', className: 'ListWidgets' });
    expect(templateValues(runnerById('go')!, 'list-widgets', 'List widgets')).toEqual({ sentence: 'List widgets.' });
  });

  test("adds the model's steps, variables and records, named in the runner's language", () => {
    const values = templateValues(runnerById('python')!, 'x', 'X', operationModel(['updateProxy']));
    expect(values.variables).toEqual([
      { name: 'client_id', variable: 'REQUESTROCKET_CLIENT_ID', record: 'client' },
      { name: 'proxy_id', variable: 'REQUESTROCKET_PROXY_ID', record: 'proxy' },
    ]);
    expect(values.steps).toMatchObject([{ update: true, method: 'PUT', item: 'updated_proxy', bodyName: 'body', idName: 'proxy_id' }]);
    expect(values.records).toEqual([{ singular: 'proxy', idField: 'sKey', nameField: 'proxyName', recordCode: '' }]);
    expect(values.steps).toMatchObject([{ printed: [{ field: 'proxyMaxRequestsPerMinute' }, { field: 'proxyMaxRequestsPerDay' }] }]);
  });
});

describe('sentenceOf', () => {
  test('adds a full stop to a title, unless it already ends a sentence', () => {
    expect(sentenceOf('List clients')).toBe('List clients.');
    expect(sentenceOf('Is my token valid?')).toBe('Is my token valid?');
  });
});
