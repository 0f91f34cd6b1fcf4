// Under GitHub Actions the runner reads every line a step prints for workflow commands: `::name
// args::data` at the start of a line (after white space), the legacy `##[name args]data` anywhere in
// a line (found with IndexOf), and Azure Pipelines' `##vso[…]`, which runners derived from Azure's
// agent also honour; the log viewer also draws `##[group]`, `##[error]` and the like. A snippet's
// output, a file name or a manifest's text could forge annotations, hide lines in groups or stop
// command processing. So everything the harness prints there goes through `defuseWorkflowCommands`,
// and only the harness's own annotations are written as they are.
import type { TerminalOutput } from './terminal.ts';

// The runner compares with the current culture, which ignores characters such as the soft hyphen
// and the zero-width space: `:\u00ad:error::` is `::error::` to it. They are shown as escapes first.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * `text` with every workflow command made inert, wherever it is in a line: default-ignorable
 * characters shown as `<U+200B>`, and a space put inside every `::` and `##` (`: :error: :`,
 * `# #[warning]`, `# #vso[…]`), which no runner reads as a command and a reader still can.
 */
export function defuseWorkflowCommands(text: string): string {
  return text
    .replace(IGNORABLE, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(/:(?=:)/g, ': ')
    .replace(/#(?=#)/g, '# ');
}

/** Where the CLIs print: a terminal output, and the channel for the harness's own workflow commands. */
export interface ActionsOutput {
  out: TerminalOutput;
  /** Writes the harness's own workflow command lines (annotations) as they are. */
  command(line: string): void;
}

/**
 * The output the CLIs print through: under GitHub Actions (`GITHUB_ACTIONS=true`) everything
 * written is defused, and only `command` writes a workflow command; elsewhere both write as they are.
 */
export function actionsOutput(write: (text: string) => void, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): ActionsOutput {
  const underActions = env.GITHUB_ACTIONS === 'true';
  return {
    out: { write: (text) => write(underActions ? defuseWorkflowCommands(text) : text), isTTY },
    command: (line) => write(`${line}\n`),
  };
}
