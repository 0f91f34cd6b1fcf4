// How a reader's language choice is kept: shared by the inline script that restores it before the
// first paint and by the <code-tabs> element that changes it. Nothing here may import Node modules.

/** localStorage key of the chosen language id. */
export const LANG_STORAGE_KEY = 'rr-docs:lang';

/** Query parameter that opens a page in a language (`?lang=python`) and follows the reader's choice. */
export const LANG_PARAM = 'lang';

/** Attribute on <html> naming the shown language; CSS shows the matching panel of every group. */
export const LANG_ATTRIBUTE = 'data-lang';

/** Attribute on <html> set when scripts run; without it every panel shows, labelled with its language. */
export const JS_ATTRIBUTE = 'data-js';
