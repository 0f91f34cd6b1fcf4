// Writing environment changes as POSIX shell lines a contributor can paste or eval.

/** Quotes a value for a POSIX shell: single quotes, with embedded ones spelled `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `export NAME='value'` for each variable `env` sets, `unset NAME` for each it drops from `base`. */
export function shellExports(names: readonly string[], env: Record<string, string>, base: NodeJS.ProcessEnv): string[] {
  const lines: string[] = [];
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) lines.push(`export ${name}=${shellQuote(value)}`);
    else if (base[name] !== undefined) lines.push(`unset ${name}`);
  }
  return lines;
}
