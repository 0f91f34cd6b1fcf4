// Fills a language's template: `{{name}}` takes a value, `{{#name}}…{{/name}}` is kept once when
// `name` is true, once per item when it is a list (the item's values first), and dropped when it is
// false or empty; `{{^name}}…{{/name}}` is kept only then. A section tag alone on its line takes its
// line with it, and a value of several lines placed after nothing but indentation is indented as its
// first line is, so one template per language can hold every kind of operation and stay readable.

/** A value a template can use. */
export type TemplateValue = string | boolean | readonly TemplateContext[];

/** The values a template (or one item of a section) is filled with. */
export type TemplateContext = Readonly<Record<string, TemplateValue>>;

/** A section tag alone on its line (with its indentation and line break), or any tag. */
const STANDALONE = /^[ \t]*(\{\{[#^/]\s*[A-Za-z]+\s*\}\})[ \t]*\r?\n/gm;
const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z]+)\s*\}\}/g;

/** Where the section opened at `from` (the end of its opening tag) closes: the start and end of its closing tag. */
function closing(text: string, name: string, from: number, template: string): { start: number; end: number } {
  let depth = 1;
  const tags = new RegExp(TAG.source, 'g');
  tags.lastIndex = from;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (match[2] !== name || match[1] === '') continue;
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  throw new Error(`${template}: the section {{#${name}}} is never closed with {{/${name}}}`);
}

/** `value` with every line after the first indented as the text before it on its line is, when that is only white space. */
function indented(value: string, text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  return /^[ \t]*$/.test(before) ? value.replace(/\n(?=.)/g, `\n${before}`) : value;
}

/** Fills `text` with `stack` (innermost values first); throws naming the template and what it cannot fill. */
function fill(text: string, stack: readonly TemplateContext[], template: string): string {
  const lookUp = (name: string): TemplateValue => {
    for (const context of stack) if (Object.hasOwn(context, name)) return context[name]!;
    const known = [...new Set(stack.flatMap((context) => Object.keys(context)))];
    throw new Error(`${template}: unknown placeholder {{${name}}}; expected one of ${known.map((key) => `{{${key}}}`).join(', ')}`);
  };
  let result = '';
  let at = 0;
  const tags = new RegExp(TAG.source, 'g');
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    const [whole, kind, name] = match as unknown as [string, string, string];
    result += text.slice(at, match.index);
    if (kind === '') {
      const value = lookUp(name);
      if (typeof value !== 'string') throw new Error(`${template}: {{${name}}} is a section; open it with {{#${name}}}`);
      result += indented(value, result, result.length);
      at = match.index + whole.length;
      continue;
    }
    if (kind === '/') throw new Error(`${template}: {{/${name}}} closes no open section`);
    const end = closing(text, name, match.index + whole.length, template);
    const inner = text.slice(match.index + whole.length, end.start);
    const value = lookUp(name);
    const items: readonly TemplateContext[] = Array.isArray(value) ? value : value ? [{}] : [];
    if (kind === '^') result += items.length === 0 ? fill(inner, stack, template) : '';
    else for (const item of items) result += fill(inner, [item, ...stack], template);
    at = end.end;
    tags.lastIndex = end.end;
  }
  return result + text.slice(at);
}

/** Fills every placeholder and section of `text` with `values`; throws naming the template and what it cannot fill. */
export function renderTemplate(text: string, values: TemplateContext, template: string): string {
  return fill(text.replace(STANDALONE, '$1'), [values], template);
}
