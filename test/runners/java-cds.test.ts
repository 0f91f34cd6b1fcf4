// The Java runner's class-data-sharing archive: when it cannot be made, snippets run without it,
// and the reason is said once.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { classDataArchive } from '../../scripts/runners/java-cds.ts';

const scratch = await mkdtemp(join(tmpdir(), 'rr-cds-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('classDataArchive', () => {
  test('gives no archive, and says why once, when the JDK has no jar tool beside javac', async () => {
    const javac = join(scratch, 'javac');
    await writeFile(javac, '#!/bin/sh\nexit 0\n');
    await chmod(javac, 0o755);
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const request = { java: javac, javac, versionLine: 'javac 0-fake', jars: [], jvmFlags: [], cacheDir: scratch };
      expect(await classDataArchive(request)).toBeUndefined();
      expect(await classDataArchive(request)).toBeUndefined();
      const lines = said.mock.calls.map(([text]) => String(text)).filter((text) => text.startsWith('java: no class-data-sharing archive'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`jar not found beside ${javac}`);
    } finally {
      said.mockRestore();
    }
  });
});
