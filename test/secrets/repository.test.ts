// The project itself holds no token-shaped string under snippets/ or docs/, and no credential-shaped
// string or hidden character anywhere but in the files its exceptions name: this is what makes
// `npm test` fail when someone is about to commit a real token, a key or a Trojan Source line.
// vitest project: unit (test/support/projects.ts)
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { SCAN_EXCEPTIONS } from '../../scripts/secrets/scan-exceptions.ts';
import { scanTree } from '../../scripts/secrets/scanned-files.ts';
import { ADVICE, HIDDEN_CHARACTER_ADVICE, formatFinding } from '../../scripts/secrets/scan.ts';

test('the repository holds no token, credential or hidden character but where its exceptions say', async () => {
  const scan = await scanTree(PROJECT_ROOT);
  expect(scan.files.length).toBeGreaterThan(0);
  expect(scan.files).toEqual(expect.arrayContaining(['snippets/list-clients/list_clients.py', 'scripts/harness/harness.ts']));
  expect(scan.findings.map(formatFinding), `${ADVICE}\n${HIDDEN_CHARACTER_ADVICE}`).toEqual([]);
});

test('every exception still lets through a finding of its kind, so none outlives its reason', async () => {
  const scan = await scanTree(PROJECT_ROOT, []);
  for (const exception of SCAN_EXCEPTIONS) {
    expect(
      scan.findings.some((finding) => finding.file === exception.file && finding.kind === exception.kind),
      `${exception.file} (${exception.kind})`,
    ).toBe(true);
  }
});
