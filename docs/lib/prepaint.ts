// The inline <head> script and CSS that show the reader's language before the first paint, so the
// wrong tab never flashes while the page's module scripts load.
import { JS_ATTRIBUTE, LANG_ATTRIBUTE, LANG_PARAM, LANG_STORAGE_KEY } from './lang-preference.ts';

/**
 * Source of the inline script: marks <html> as scripted and sets its language from `?lang=`, else
 * from localStorage, else the first language. A `?lang=` choice is remembered like a click.
 */
export function prepaintScript(languages: readonly string[]): string {
  const lang = LANG_ATTRIBUTE.replace(/^data-/, '');
  return `(()=>{const d=document.documentElement,k=${JSON.stringify(LANG_STORAGE_KEY)},l=${JSON.stringify(languages)};d.setAttribute(${JSON.stringify(JS_ATTRIBUTE)},"");let s,p=new URLSearchParams(location.search).get(${JSON.stringify(LANG_PARAM)});try{s=localStorage.getItem(k);if(l.includes(p))localStorage.setItem(k,p)}catch{}d.dataset.${lang}=l.includes(p)?p:l.includes(s)?s:l[0]})()`;
}

/**
 * CSS showing, in every tab group, only the panel of <html>'s language, and marking its tab as
 * chosen through custom properties that <CodeTabs> styles with (so no tab flashes either).
 */
export function languageCss(languages: readonly string[]): string {
  const panels = languages.map((id) => `:root[${LANG_ATTRIBUTE}="${id}"] code-tabs [role="tabpanel"][data-lang="${id}"]`).join(',\n');
  const tabs = languages.map((id) => `:root[${LANG_ATTRIBUTE}="${id}"] code-tabs [role="tab"][data-lang="${id}"]`).join(',\n');
  return (
    `:root[${JS_ATTRIBUTE}] code-tabs [role="tabpanel"] { display: none; }\n` +
    `${panels} { display: block; }\n` +
    `${tabs} { --tab-fg: var(--tab-fg-selected); --tab-bar: var(--tab-bar-selected); }\n`
  );
}
