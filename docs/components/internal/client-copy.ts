// Copy buttons in the browser: each copies its code block's exact text (rebuilt from the shown
// lines, or kept in a <template>) and says so to screen readers.
import { copiedText } from './code-block.ts';

// The live region that tells screen readers what a copy did (made at load: a region added later may not be heard).
const live = document.createElement('div');
live.className = 'sr-only';
live.setAttribute('aria-live', 'polite');
document.body.append(live);
let timer = 0;

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLElement>('[data-copy]');
  const block = button?.closest<HTMLElement>('.code-block');
  if (!button || !block) return;
  const raw = block.querySelector<HTMLTemplateElement>('template[data-raw]');
  const text = raw
    ? (raw.content.textContent ?? '')
    : copiedText(block.querySelector('pre')?.textContent ?? '', {
        eol: block.dataset.eol === 'crlf' ? '\r\n' : '\n',
        finalNewline: 'finalNewline' in block.dataset,
      });
  let copied = true;
  try {
    await navigator.clipboard.writeText(text);
    button.setAttribute('data-copied', '');
  } catch {
    copied = false;
  }
  button.querySelector('.copy-text')!.textContent = copied ? 'Copied' : 'Copy failed';
  live.textContent = copied ? 'Copied' : 'Copy failed: select the code and copy it yourself';
  clearTimeout(timer);
  timer = window.setTimeout(() => {
    for (const copied of document.querySelectorAll('[data-copied]')) copied.removeAttribute('data-copied');
    for (const text of document.querySelectorAll('.copy-text')) text.textContent = 'Copy';
    live.textContent = '';
  }, 2000);
});
