// Toolchain detection that stays cheap when every result is cached: a runner that names the
// programs its detect() asks (`toolchainCommands`) has its answer remembered, keyed by PATH and by
// the identity (real path, inode, size, modification time) of each of those programs. Installing,
// upgrading or removing one of them, or changing PATH, changes the key and detect() runs again.
// Only an available toolchain is remembered; a missing one is always looked for again.
import { realpathSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../write-file-atomic.ts';
import { findExecutable } from '../../paths.ts';
import { sha256 } from '../../report/fingerprint.ts';
import { ToolchainReportSchema } from '../../report/report-schema.ts';
import type { LanguageRunner, Toolchain } from '../../runners/runner-contract.ts';

/** The identity of the programs `commands` name on PATH now, or undefined when one is missing. */
export function commandsIdentity(commands: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const parts: string[] = [env.PATH ?? ''];
  for (const command of commands) {
    const found = findExecutable(command, { env });
    if (!found) return undefined;
    try {
      const real = realpathSync(found);
      const stat = statSync(real);
      parts.push(`${command}\0${found}\0${real}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}`);
    } catch {
      return undefined;
    }
  }
  return sha256(parts.join('\0\0'));
}

/** Runs `runner.detect()`, or reuses its remembered answer from `dir` while its programs are unchanged. */
export async function detectWithCache(runner: LanguageRunner, dir: string): Promise<Toolchain> {
  const commands = runner.toolchainCommands;
  const identity = commands?.length ? commandsIdentity(commands) : undefined;
  if (!identity) return runner.detect();
  const file = path.join(dir, `${runner.id}-${identity.slice(0, 32)}.json`);
  try {
    const parsed = ToolchainReportSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success && parsed.data.available) return parsed.data;
    await rm(file, { force: true });
  } catch {
    // No entry yet, or an unreadable one: detect.
  }
  const toolchain = await runner.detect();
  if (toolchain.available) {
    // Remembering is an optimisation: a folder that cannot be written only means detecting next time.
    await writeFileAtomic(file, `${JSON.stringify(toolchain)}\n`).catch(() => {});
  }
  return toolchain;
}
