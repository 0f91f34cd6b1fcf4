// The site builds into real HTML pages.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execa } from 'execa';

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'rr-docs-build-'));
  await execa('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('astro build', () => {
  test('writes the home page', async () => {
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<title>RequestRocket Core API docs</title>');
    expect(html).toMatch(/<h1[^>]*>RequestRocket Core API docs<\/h1>/);
  });
});
