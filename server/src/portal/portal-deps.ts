// What the page renderers read from: the cms module's public content and search index, and the
// slots other modules add to the home page (the environmental-quality summary, for one).
import type { PublicContent } from '../modules/cms/public-content.ts';
import type { SearchIndex } from '../modules/cms/search-index.ts';
import type { DB } from '../db/database.ts';
import type { SafeHtml } from './html.ts';
import type { PortalView } from './layout/layout.ts';

/**
 * A block another module puts on the home page, e.g. today's air quality. It answers null when it has
 * nothing to show (no data yet), and the home page then shows nothing for it: no empty boxes.
 * `tags` name the cache tags that must empty the home page when its data changes.
 */
export interface HomeSlot {
  id: string;
  render(view: PortalView): Promise<SafeHtml | null>;
}

export interface PortalDeps {
  db: DB;
  content: PublicContent;
  search: SearchIndex;
  homeSlots: HomeSlot[];
}

/** A rendered page and how it may be cached. */
export interface Rendered {
  /** the page; bytes when parts of it came from the database as bytes */
  html: string | Buffer;
  status?: number;
  /** cache tags; null = never cache this answer */
  tags: string[] | null;
  contentType?: string;
}
