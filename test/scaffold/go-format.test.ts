// Go code is shown as gofmt leaves it: every Go file of snippets/, and the Go file the scaffold
// writes for every operation of the description (its struct fields, map literals and prints
// aligned by the Go runner's code, not by gofmt), so a reader who runs gofmt changes nothing.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';
import { findExecutable } from '../../scripts/paths.ts';
import { DEFAULT_SNIPPETS_ROOT } from '../../scripts/project.ts';
import { runnerById } from '../../scripts/runners/registry.ts';
import { operationModel } from '../../scripts/scaffold/operation-model.ts';
import { startingFile } from '../../scripts/scaffold/templates.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'rr-go-format-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The files of `files` that gofmt would change (`gofmt -l`). */
async function unformatted(files: readonly string[]): Promise<string[]> {
  const gofmt = findExecutable('gofmt');
  if (!gofmt) throw new Error('gofmt (with Go) is needed on PATH for this test');
  const { stdout } = await execa(gofmt, ['-l', ...files]);
  return stdout.split('\n').filter(Boolean);
}

describe('gofmt', () => {
  test('leaves every Go file of snippets/ as it is', async () => {
    const files = (await discoverExamples(DEFAULT_SNIPPETS_ROOT)).flatMap((example) =>
      example.files.filter((file) => file.language === 'go').map((file) => file.path),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(await unformatted(files)).toEqual([]);
  });

  test("leaves the scaffold's Go file of every operation as it is", async () => {
    const go = runnerById('go')!;
    const files = await Promise.all(
      API_OPERATIONS.map(async ({ operationId }) => {
        const file = await startingFile(go, 'an-example', 'An example', operationModel([operationId]));
        const written = path.join(scratch, `${operationId}.go`);
        await writeFile(written, file.content);
        return written;
      }),
    );
    expect(await unformatted(files)).toEqual([]);
  });

  test('names a file it would change', async () => {
    const misaligned = path.join(scratch, 'misaligned.go');
    await writeFile(misaligned, 'package main\n\ntype record struct {\n\tID string `json:"sKey"`\n\tName  string `json:"name"`\n}\n');
    expect(await unformatted([misaligned])).toEqual([misaligned]);
  });
});
