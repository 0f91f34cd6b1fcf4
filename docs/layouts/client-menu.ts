// The phone menu in the browser: the header's menu button shows and hides the sidebar over the
// page, moves focus into it (to the current page's link), and Escape, a second press or a link
// closes it, focus going back to the button. Without JavaScript the button is not shown and the
// sidebar stays in the page's flow.
const button = document.querySelector<HTMLButtonElement>('.menu-toggle');
const nav = document.getElementById('site-nav');

/** Opens or closes the menu; on closing by key, focus goes back to the button. */
function setOpen(open: boolean, refocus = false): void {
  if (!button || !nav) return;
  button.setAttribute('aria-expanded', String(open));
  nav.toggleAttribute('data-open', open);
  if (open) (nav.querySelector<HTMLElement>('a[aria-current="page"]') ?? nav.querySelector<HTMLElement>('a'))?.focus();
  else if (refocus) button.focus();
}

if (button && nav) {
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) setOpen(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.hasAttribute('data-open')) setOpen(false, true);
  });
  // Leaving the menu with Tab closes it; so does a screen that grows to show the sidebar.
  nav.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !nav.contains(next) && next !== button) setOpen(false);
  });
  matchMedia('(min-width: 56rem)').addEventListener('change', (query) => {
    if (query.matches) setOpen(false);
  });
}
