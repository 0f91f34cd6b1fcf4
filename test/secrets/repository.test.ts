// The project itself holds no token-shaped string under snippets/ or docs/: this is what makes
// `npm test` fail when someone is about to commit a real token.
// vitest project: unit (test/support/projects.ts)
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { scanTree } from '../../scripts/secrets/scanned-files.ts';
import { ADVICE, formatFinding } from '../../scripts/secrets/scan.ts';

test('snippets/ and docs/ hold no token-shaped string but the placeholder', async () => {
  const scan = await scanTree(PROJECT_ROOT);
  expect(scan.files.length).toBeGreaterThan(0);
  expect(scan.findings.map(formatFinding), ADVICE).toEqual([]);
});
