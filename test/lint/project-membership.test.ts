// Every test file under test/ names exactly one vitest project (a `// vitest project: <name>` line,
// read by test/support/projects.ts), so a new test is never silently left out of `npm test`, nor
// run twice; the unit project, the one contributors run in a loop, prepares and builds nothing
// before its tests; and the pipeline project runs last.
// vitest project: unit (test/support/projects.ts)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import config from '../../vitest.config.ts';
import { TEST_PROJECTS, projectOfFile, testFiles as findTestFiles } from '../support/projects.ts';

/** The inline projects vitest.config.ts declares. */
const projects = (config.test?.projects ?? []).filter(
  (project): project is TestProjectInlineConfiguration => typeof project === 'object' && !(project instanceof Promise),
);

/** Every test file under test/ (fixtures are programs under test, not tests), relative to the project. */
const testFiles = findTestFiles();

/** The projects whose `include` takes `file`. */
const projectsOf = (file: string) =>
  projects
    .filter((project) => (project.test?.include ?? []).some((pattern) => path.matchesGlob(file, pattern)))
    .map((project) => project.test?.name);

describe('vitest.config.ts', () => {
  test('declares the projects of test/support/projects.ts, each with exactly its files', () => {
    expect(projects.map((project) => [project.test?.name, project.test?.include])).toEqual(
      TEST_PROJECTS.map((spec) => [spec.name, [...spec.files]]),
    );
    expect(config.test?.projects).toHaveLength(TEST_PROJECTS.length);
  });

  test('finds the test files', () => {
    expect(testFiles.length).toBeGreaterThan(50);
    expect(testFiles).toContain('test/lint/project-membership.test.ts');
  });

  test('finds in every test file the name of a project that exists', () => {
    const names = TEST_PROJECTS.map((spec) => spec.name);
    const wrong = testFiles
      .map((file) => ({ file, project: projectOfFile(file) }))
      .filter((entry) => entry.project === undefined || !names.includes(entry.project))
      .map((entry) => `${entry.file}: ${entry.project === undefined ? 'names no project' : `names "${entry.project}"`}`);
    expect(wrong, `put a line "// vitest project: <${names.join('|')}>" under the file's header comment (see test/README.md)`).toEqual([]);
  });

  test('puts every test file under test/ in exactly one project', () => {
    const misplaced = testFiles
      .map((file) => ({ file, projects: projectsOf(file) }))
      .filter((entry) => entry.projects.length !== 1)
      .map((entry) => `${entry.file}: ${entry.projects.length ? `in ${entry.projects.join(' and ')}` : 'in no project'}`);
    expect(misplaced).toEqual([]);
  });

  test('names no file that does not exist', () => {
    const stale = TEST_PROJECTS.flatMap((spec) => spec.files.filter((file) => !testFiles.includes(file)));
    expect(stale).toEqual([]);
  });

  test('gives the unit project no global setup: nothing is prepared or built before it', () => {
    const unit = projects.find((project) => project.test?.name === 'unit');
    expect(unit?.test?.globalSetup ?? []).toEqual([]);
    expect(config.test?.globalSetup ?? []).toEqual([]);
  });

  test('runs each project in the group and with the workers its spec gives, the pipeline project after the programs project', () => {
    expect(projects.map((project) => [project.test?.name, project.test?.sequence?.groupOrder, project.test?.maxWorkers])).toEqual(
      TEST_PROJECTS.map((spec) => [spec.name, spec.groupOrder, spec.maxWorkers]),
    );
    // vitest refuses to start when two projects of one group run a different number of files at once.
    for (const spec of TEST_PROJECTS) {
      const sameGroup = TEST_PROJECTS.filter((other) => other.groupOrder === spec.groupOrder);
      expect(new Set(sameGroup.map((other) => other.maxWorkers)).size, `group ${spec.groupOrder}: maxWorkers`).toBe(1);
    }
    // vitest runs the files of an isolated project in group 0 after every other group when it has
    // one worker (two cores): only a project that shares its worker's modules may be in group 0.
    const inGroupZero = projects.filter((project) => (project.test?.sequence?.groupOrder ?? 0) === 0);
    expect(inGroupZero.map((project) => [project.test?.name, project.test?.isolate])).toEqual([['unit', false]]);
    const group = (name: string) => TEST_PROJECTS.find((spec) => spec.name === name)?.groupOrder ?? Number.NaN;
    // Its copies replay the results the programs project's run of every example stored.
    expect(group('pipeline')).toBeGreaterThan(group('programs'));
    expect(TEST_PROJECTS.find((spec) => spec.name === 'pipeline')?.files).toEqual(
      expect.arrayContaining(['test/setup/node-bootstrap.test.ts', 'test/site/publish.test.ts']),
    );
  });
});
