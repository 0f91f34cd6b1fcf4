// The logic behind <Steps>: its content, parsed into an HTML syntax tree, must be one ordered list
// and nothing else (as Starlight's <Steps> checks it); anything else stops the build saying what
// was found.
import type { ElementContent, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';

/** Whether `node` is content a reader would see (not white space between tags, not a comment). */
function isContent(node: RootContent | ElementContent): boolean {
  if (node.type === 'comment' || node.type === 'doctype') return false;
  return node.type !== 'text' || node.value.trim() !== '';
}

/** How a stray node is named in the error: `<p>`, or its text. */
function describeNode(node: RootContent): string {
  if (node.type === 'element') return `<${node.tagName}>`;
  const text = 'value' in node ? node.value.trim() : node.type;
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** Returns the rendered content of <Steps> when it is a single ordered list; throws naming what it found otherwise. */
export function stepsHtml(html: string): string {
  const found = (htmlToHast(html, { fragment: true }) as Root).children.filter(isContent);
  const [only] = found;
  if (found.length === 1 && only?.type === 'element' && only.tagName === 'ol') return html.trim();
  const received = found.length === 0 ? 'nothing' : found.map(describeNode).join(', ');
  throw new Error(`<Steps> expects a single ordered list ("1. ...") as its content; found ${received}`);
}
