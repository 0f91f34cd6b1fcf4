// The JavaScript runner: the harness's own Node.js, nothing to build.
// vitest project: programs (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { javascriptRunner, nodeToolchain } from '../../scripts/runners/javascript.ts';
import { fixture, prepareAndRun } from './helpers.ts';

describe('javascriptRunner', () => {
  test('detects the Node.js that runs the harness', async () => {
    expect(await javascriptRunner.detect()).toEqual({ available: true, version: `Node.js ${process.versions.node}` });
  });

  test('accepts Node.js 22.21+ and 24+, whose fetch honours NODE_USE_ENV_PROXY', () => {
    expect(nodeToolchain('v22.21.0')).toEqual({ available: true, version: 'Node.js 22.21.0' });
    expect(nodeToolchain('v24.0.0')).toEqual({ available: true, version: 'Node.js 24.0.0' });
    expect(nodeToolchain('v26.1.0')).toEqual({ available: true, version: 'Node.js 26.1.0' });
  });

  test('refuses older Node.js with the reason', () => {
    expect(nodeToolchain('v22.20.0')).toEqual({
      available: false,
      reason: 'Node.js 22.21+ is needed for NODE_USE_ENV_PROXY (found v22.20.0)',
    });
    expect(nodeToolchain('v20.19.5')).toEqual({
      available: false,
      reason: 'Node.js 22.21+ is needed for NODE_USE_ENV_PROXY (found v20.19.5)',
    });
    expect(nodeToolchain('v23.11.0')).toEqual({
      available: false,
      reason: 'Node.js 22.21+ or 24+ is needed for NODE_USE_ENV_PROXY; 23 lacks it (found v23.11.0)',
    });
  });

  test('runs the file with process.execPath and exactly the given environment', async () => {
    const prepared = await javascriptRunner.prepare(fixture('javascript', 'hello.mjs'), {
      cacheDir: '/nonexistent',
      snippetsRoot: '/nonexistent',
    });
    expect(prepared.command).toBe(process.execPath);
    const result = await prepareAndRun(javascriptRunner, fixture('javascript', 'hello.mjs'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stderr: '' });
    expect(result.stdout).toBe('hello from javascript\ngreeting=hi\nleak=(unset)\n');
  });

  test('reports exit code 3', async () => {
    const result = await prepareAndRun(javascriptRunner, fixture('javascript', 'exit3.js'));
    expect(result).toMatchObject({ exitCode: 3, signal: null, stdout: '', stderr: 'failing on purpose\n' });
  });

  test('fails to prepare a file that does not exist, naming it', async () => {
    await expect(javascriptRunner.prepare(fixture('javascript', 'missing.mjs'), { cacheDir: '/x', snippetsRoot: '/x' })).rejects.toThrow(
      'cannot read test/fixtures/runners/javascript/missing.mjs: file not found',
    );
  });
});
