// The build cache: content-hash keys, and folders built once that appear whole.
// vitest project: unit (test/support/projects.ts)
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildOnce, exists, hashOf, hashRecordOf, treeHash } from '../../scripts/runners/build-cache.ts';
import { removeThrowaways, scratchDir } from './helpers.ts';

afterAll(removeThrowaways);

describe('hashOf', () => {
  test('gives the same hex SHA-256 for the same parts', () => {
    expect(hashOf('a', Buffer.from('b'))).toBe(hashOf('a', 'b'));
    expect(hashOf('a', 'b')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('tells apart parts split at different places', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
  });
});

describe('buildOnce', () => {
  test('builds into a temporary folder and renames it into place', async () => {
    const target = join(await scratchDir(), 'built');
    let builtIn = '';
    const result = await buildOnce(target, async (temp) => {
      builtIn = temp;
      expect(await exists(target)).toBe(false);
      await writeFile(join(temp, 'out.txt'), 'done');
    });
    expect(result).toBe(target);
    expect(builtIn).not.toBe(target);
    expect(dirname(builtIn)).toBe(dirname(target));
    expect(await readFile(join(target, 'out.txt'), 'utf8')).toBe('done');
    expect(await readdir(dirname(target))).toEqual(['.built.sha256', 'built']);
  });

  test('reuses a folder that already exists without building', async () => {
    const target = join(await scratchDir(), 'built');
    await mkdir(target);
    let builds = 0;
    await buildOnce(target, async () => {
      builds += 1;
    });
    expect(builds).toBe(0);
  });

  test('builds once for concurrent callers', async () => {
    const target = join(await scratchDir(), 'built');
    let builds = 0;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        buildOnce(target, async (temp) => {
          builds += 1;
          await writeFile(join(temp, 'out.txt'), 'done');
        }),
      ),
    );
    expect(builds).toBe(1);
    expect(new Set(results)).toEqual(new Set([target]));
  });

  test('removes the temporary folder of a failed build and builds again on the next call', async () => {
    const parent = await scratchDir();
    const target = join(parent, 'built');
    await expect(
      buildOnce(target, async (temp) => {
        await writeFile(join(temp, 'half.txt'), 'half');
        throw new Error('compiler said no');
      }),
    ).rejects.toThrow('compiler said no');
    expect(await readdir(parent)).toEqual([]);
    await buildOnce(target, async (temp) => writeFile(join(temp, 'out.txt'), 'done'));
    expect(await readFile(join(target, 'out.txt'), 'utf8')).toBe('done');
  });

  test('keeps the folder another process renamed into place first', async () => {
    const parent = await scratchDir();
    const target = join(parent, 'built');
    await buildOnce(target, async (temp) => {
      await writeFile(join(temp, 'out.txt'), 'ours');
      // Another process finishes the same build while this one is still at it.
      await mkdir(target);
      await writeFile(join(target, 'out.txt'), 'theirs');
    });
    expect(await readFile(join(target, 'out.txt'), 'utf8')).toBe('theirs');
    expect(await readdir(parent)).toEqual([basename(target)]);
  });

  test('records the built content hash beside the folder', async () => {
    const target = join(await scratchDir(), 'built');
    await buildOnce(target, async (temp) => writeFile(join(temp, 'out.txt'), 'done'));
    expect((await readFile(hashRecordOf(target), 'utf8')).trim()).toBe(await treeHash(target));
  });

  test('builds again a folder whose content no longer matches its record (a program changed it)', async () => {
    const target = join(await scratchDir(), 'built');
    let builds = 0;
    const build = async (temp: string) => {
      builds += 1;
      await writeFile(join(temp, 'out.txt'), 'done');
    };
    await buildOnce(target, build);
    await writeFile(join(target, 'sitecustomize.py'), 'raise SystemExit("planted")\n');
    // Checked already by this process: only a recheck (programs run unsandboxed) looks again.
    await buildOnce(target, build);
    expect(builds).toBe(1);
    await buildOnce(target, build, { recheck: true });
    expect(builds).toBe(2);
    expect(await readdir(target)).toEqual(['out.txt']);
  });

  test('builds again a folder changed since another process recorded it', async () => {
    const target = join(await scratchDir(), 'built');
    await mkdir(target);
    await writeFile(join(target, 'out.txt'), 'changed');
    await writeFile(hashRecordOf(target), `${hashOf('what was built')}\n`);
    let builds = 0;
    await buildOnce(target, async (temp) => {
      builds += 1;
      await writeFile(join(temp, 'out.txt'), 'rebuilt');
    });
    expect(builds).toBe(1);
    expect(await readFile(join(target, 'out.txt'), 'utf8')).toBe('rebuilt');
  });

  test('tells apart contents, names, modes and links in the tree hash', async () => {
    const dir = await scratchDir();
    await writeFile(join(dir, 'a'), 'x');
    const first = await treeHash(dir);
    await writeFile(join(dir, 'a'), 'y');
    const changed = await treeHash(dir);
    await writeFile(join(dir, 'a'), 'x');
    expect(await treeHash(dir)).toBe(first);
    expect(changed).not.toBe(first);
    await chmod(join(dir, 'a'), 0o755);
    expect(await treeHash(dir)).not.toBe(first);
  });
});
