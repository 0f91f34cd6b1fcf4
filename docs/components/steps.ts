// The logic behind <Steps>: checks that its content is one ordered list.

/** Returns the rendered content of <Steps> when it is a single ordered list; throws otherwise. */
export function stepsHtml(html: string): string {
  const trimmed = html.trim();
  if (!/^<ol[\s>]/.test(trimmed) || !trimmed.endsWith('</ol>')) {
    const received = trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed || 'nothing';
    throw new Error(`<Steps> expects a single ordered list ("1. ...") as its content; received ${JSON.stringify(received)}`);
  }
  return trimmed;
}
