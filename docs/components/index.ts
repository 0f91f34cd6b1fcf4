// The components every page of the content collection can use, one per tag, without importing them
// (the section's route hands them to each page).

/** An example's files as tabs, one per language, each with its tested status and a copy button. */
export { default as CodeTabs } from './CodeTabs.astro';
/** One more file of an example (the raw HTTP request), highlighted, with a copy button. */
export { default as CodeFile } from './CodeFile.astro';
/** The API's exact response for 200, 401 or 403, from the API description. */
export { default as ResponseExample } from './ResponseExample.astro';
/** One operation's reference section, from the API description: heading, endpoint, parameters, body, answers. */
export { default as Operation } from './Operation.astro';
/** A resource's fields, once at the top of its page, which the operations' answers link to. */
export { default as ResourceFields } from './ResourceFields.astro';
/** An ordered list shown as numbered steps. */
export { default as Steps } from './Steps.astro';
/** One of the API's conventions as a table, from the API's facts: the success envelope, id and timestamp formats, the errors. */
export { default as ApiTable } from './ApiTable.astro';
/** A note set apart from the text: note, tip, caution or danger. */
export { default as Callout } from './Callout.astro';

/** The elements MDX guides render through components: h2 and h3 with a link to their section. */
export { default as H2 } from './H2.astro';
export { default as H3 } from './H3.astro';
