// <code-tabs> in the browser: the WAI-ARIA tabs pattern over the markup <CodeTabs> renders. The
// chosen language lives on <html> (CSS shows the matching panel of every group), in localStorage
// and in the URL.
import { LANG_ATTRIBUTE, LANG_PARAM, LANG_STORAGE_KEY } from '../../lib/lang-preference.ts';

const root = document.documentElement;

/** Shows `lang` in every group, remembers it, and keeps `anchor` still on screen while groups resize. */
function choose(lang: string, anchor: Element): void {
  const before = anchor.getBoundingClientRect().top;
  root.setAttribute(LANG_ATTRIBUTE, lang);
  for (const group of document.querySelectorAll<CodeTabsElement>('code-tabs')) group.sync();
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled; the choice then lasts for this page only.
  }
  const url = new URL(location.href);
  url.searchParams.set(LANG_PARAM, lang);
  history.replaceState(history.state, '', url);
  const shift = anchor.getBoundingClientRect().top - before;
  if (shift) scrollBy(0, shift);
}

class CodeTabsElement extends HTMLElement {
  #tabs: HTMLElement[] = [];

  connectedCallback(): void {
    this.#tabs = [...this.querySelectorAll<HTMLElement>('[role="tab"]')];
    this.addEventListener('click', this.#onClick);
    this.addEventListener('keydown', this.#onKeydown);
    this.sync();
  }

  /** Marks the tab of the page's language as selected and makes it the one tab in the tab order. */
  sync(): void {
    const lang = root.getAttribute(LANG_ATTRIBUTE);
    for (const tab of this.#tabs) {
      const selected = tab.dataset.lang === lang;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
  }

  #onClick = (event: Event): void => {
    const tab = (event.target as Element).closest<HTMLElement>('[role="tab"]');
    if (tab && this.#tabs.includes(tab)) choose(tab.dataset.lang!, tab);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const index = this.#tabs.indexOf(event.target as HTMLElement);
    const count = this.#tabs.length;
    const next = { ArrowLeft: index - 1 + count, ArrowRight: index + 1, Home: 0, End: count - 1 }[event.key];
    if (index < 0 || next === undefined) return;
    event.preventDefault();
    const tab = this.#tabs[next % count]!;
    tab.focus();
    choose(tab.dataset.lang!, tab);
  };
}

customElements.define('code-tabs', CodeTabsElement);

// A choice made in another window of the site applies here too.
addEventListener('storage', (event) => {
  const tabs = [...document.querySelectorAll<HTMLElement>('code-tabs [role="tab"]')];
  if (event.key !== LANG_STORAGE_KEY || !tabs.some((tab) => tab.dataset.lang === event.newValue)) return;
  root.setAttribute(LANG_ATTRIBUTE, event.newValue!);
  for (const group of document.querySelectorAll<CodeTabsElement>('code-tabs')) group.sync();
});
