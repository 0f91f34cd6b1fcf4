// <CodeTabs>'s logic: finding an example, ordering its tabs, and the errors an author sees.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadExample } from '../../scripts/manifest/examples.ts';
import { CodeTabsError, findExample, listExampleIds, loadTabs, planTabs, tabIds } from '../../docs/components/code-tabs.ts';

const root = path.resolve('test/fixtures/site/snippets');

describe('planTabs', () => {
  test('orders the tabs JavaScript, Python, Go, Java, curl with their labels, grammars and file names', async () => {
    const example = await loadExample(path.join(root, 'complete'));
    const tabs = planTabs({ ...example, files: [...example.files].reverse() });
    expect(tabs.map(({ language, label, grammar, fileName }) => ({ language, label, grammar, fileName }))).toEqual([
      { language: 'javascript', label: 'JavaScript', grammar: 'javascript', fileName: 'hello.mjs' },
      { language: 'python', label: 'Python', grammar: 'python', fileName: 'hello.py' },
      { language: 'go', label: 'Go', grammar: 'go', fileName: 'hello.go' },
      { language: 'java', label: 'Java', grammar: 'java', fileName: 'Hello.java' },
      { language: 'curl', label: 'curl', grammar: 'bash', fileName: 'hello.sh' },
    ]);
  });

  test('names the example, the missing language and the folder it looked in when a language has no file', async () => {
    const example = await loadExample(path.join(root, 'missing-go'));
    expect(() => planTabs(example)).toThrow(CodeTabsError);
    expect(() => planTabs(example)).toThrow(
      new RegExp(
        `<CodeTabs example="missing-go">: the example has no file for Go \\(\\.go\\)\\.\\n  Looked in ${path.join(root, 'missing-go')} and found hello\\.mjs, hello\\.py, Hello\\.java, hello\\.sh\\.`,
      ),
    );
  });

  test('lists every missing language at once', async () => {
    const example = await loadExample(path.join(root, 'missing-go'));
    expect(() => planTabs({ ...example, files: example.files.filter((file) => file.language === 'python') })).toThrow(
      'no file for JavaScript (.js or .mjs), Go (.go), Java (.java), curl (.sh)',
    );
  });
});

describe('findExample', () => {
  test('names the unknown example, the folder it looked for and the known examples', async () => {
    await expect(findExample(root, 'no-such-example')).rejects.toThrow(
      `<CodeTabs example="no-such-example">: unknown example "no-such-example": there is no folder ${path.join(root, 'no-such-example')}.\n  Known examples: complete, missing-go, odd-title.`,
    );
  });

  test('says a folder without a manifest is not an example', async () => {
    await expect(findExample(root, 'not-an-example')).rejects.toThrow(
      `the folder ${path.join(root, 'not-an-example')} has no example.json`,
    );
  });

  test('rejects an id that is not a folder name', async () => {
    await expect(findExample(root, '../complete')).rejects.toThrow('"../complete" is not an example id');
  });

  test('says no examples were found when the snippets folder is missing', async () => {
    await expect(findExample(path.join(root, 'nowhere'), 'complete')).rejects.toThrow('No examples were found there.');
  });
});

describe('listExampleIds', () => {
  test('lists folders that hold a manifest, sorted', async () => {
    expect(await listExampleIds(root)).toEqual(['complete', 'missing-go', 'odd-title']);
  });
});

describe('loadTabs', () => {
  test('reads each file byte for byte, carriage returns included', async () => {
    const { example, tabs } = await loadTabs(root, 'complete');
    expect(example.manifest.title).toBe('Say hello');
    for (const tab of tabs) expect(tab.code).toBe(await readFile(tab.path, 'utf8'));
    expect(tabs.find((tab) => tab.language === 'curl')?.code).toContain('\\\r\n');
  });
});

describe('tabIds', () => {
  test('derives the tab and panel ids from the group and the language', () => {
    expect(tabIds('example-list-clients', 'go')).toEqual({ tab: 'example-list-clients-tab-go', panel: 'example-list-clients-panel-go' });
  });
});
