// The section's pages as the build knows them: the content collection, put in sidebar order (see
// page-order.ts), with each page's collection entry for rendering it and for its Markdown twin.
import { getCollection, type CollectionEntry } from 'astro:content';
import { SECTION } from '../layouts/site.ts';
import { orderPages, type SectionPage } from './page-order.ts';

/** Every page of the Core API section, in sidebar order. */
export async function sectionPages(): Promise<SectionPage[]> {
  return orderPages(await getCollection('coreApi'), SECTION);
}

/** Every page of the section in sidebar order, each with its entry (its MDX text is `entry.body`). */
export async function sectionEntries(): Promise<{ page: SectionPage; entry: CollectionEntry<'coreApi'> }[]> {
  const entries = await getCollection('coreApi');
  return orderPages(entries, SECTION).map((page) => ({ page, entry: entries.find((entry) => entry.id === page.id)! }));
}
