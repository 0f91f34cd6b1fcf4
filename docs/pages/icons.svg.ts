// /icons.svg: every icon of the site, once, as symbols that <Icon> draws with `<use>`; a file the
// browser caches instead of the same paths in every page.
import type { APIRoute } from 'astro';
import { iconSprite } from '../components/internal/icons.ts';

/** The sprite. */
export const GET: APIRoute = () => new Response(iconSprite(), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
