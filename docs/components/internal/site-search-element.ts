// <site-search> in the browser: opens the search dialog from its button and with the keys /,
// Ctrl-K and Cmd-K, and closes it with Escape (the native modal dialog: the rest of the page is
// inert while it is open, so focus stays inside) or its Close button. The search itself, and
// Pagefind with its index, load the first time the dialog opens, not with the page.

/** Whether a key press lands in something the reader is typing in, where `/` is a character, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The search, once started (the first time a dialog opens). */
let started: Promise<void> | undefined;

class SiteSearchElement extends HTMLElement {
  #dialog: HTMLDialogElement | undefined;

  connectedCallback(): void {
    this.#dialog = this.querySelector('dialog') ?? undefined;
    this.querySelector('.search-open')?.addEventListener('click', () => this.open());
    this.querySelector('.search-close')?.addEventListener('click', () => this.#dialog?.close());
    // A click on the backdrop (the dialog itself, outside its content) closes it.
    this.#dialog?.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.#dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
      if (shortcut || (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target))) {
        event.preventDefault();
        if (this.#dialog?.open && shortcut) this.#dialog.close();
        else this.open();
      }
    });
  }

  /** Shows the dialog with the cursor in its field, and starts the search the first time. */
  open(): void {
    const dialog = this.#dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input')?.focus();
    started ??= import('./client-search.ts').then(({ startSearch }) =>
      startSearch(dialog, { bundle: this.dataset.bundle ?? '/pagefind/', base: this.dataset.base ?? '/' }),
    );
  }
}

customElements.define('site-search', SiteSearchElement);
