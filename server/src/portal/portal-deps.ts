// What the page renderers read from: the cms module's public content and search index, and the
// slots other modules add to the home page (the environmental-quality summary, for one).
import type { PublicContent } from '../modules/cms/public-content.repo.ts';
import type { SearchIndex } from '../modules/cms/search-index.repo.ts';
import type { MediaBoardService } from '../modules/media/media-board.service.ts';
import type { MonitoringBulletins } from '../modules/inspection/monitoring-bulletins.service.ts';
import type { SignupsService } from '../modules/activities/signups.service.ts';
import type { ContestGallery } from '../modules/contest/contest-gallery.ts';
import type { DisclosureCatalogueRepo } from '../modules/cms/disclosure-catalogue.repo.ts';
import type { ServiceGuidesService } from '../modules/service-guides/service-guides.service.ts';
import type { DB } from '../db/database.ts';
import type { SiteDirectory } from '../modules/cms/site-directory.ts';
import type { DischargersService } from '../modules/dischargers/dischargers.service.ts';
import type { IncidentsService } from '../modules/incidents/incidents.service.ts';
import type { QualityService } from '../modules/monitoring/quality.service.ts';
import type { OpenDataService } from '../modules/open-data/open-data.service.ts';
import type { CasesService } from '../modules/cases/cases.service.ts';
import type { InteractionServices } from '../modules/cases/interaction-services.ts';
import type { SafeHtml } from './html.ts';
import type { PortalView } from './layout/layout.ts';

/** What the sign-up pages read (portal/activities/signup-pages.ts). */
export type PortalSignups = Pick<SignupsService, 'openEvents' | 'publicEvent' | 'publicBases'>;

/**
 * A block another module puts on the home page, e.g. today's air quality. It answers null when it has
 * nothing to show (no data yet), and the home page then shows nothing for it: no empty boxes.
 * `tags` name the cache tags that must empty the home page when its data changes.
 */
export interface HomeSlot {
  id: string;
  /** the cache tags whose changes must empty the home page (e.g. `t:air`) */
  tags: string[];
  render(view: PortalView, now: string): Promise<{ html: SafeHtml; expiresAt?: number } | null>;
}

/** What the portal's search finds besides pages: enterprises, stations and sections (decision 110). */
export interface PublicFinder {
  enterprises(
    words: string[],
    limit: number,
  ): Promise<{
    total: number;
    items: Array<{
      id: number;
      name: string;
      credit_code: string;
      county: string;
      industry: string;
      permit_number: string | null;
    }>;
  }>;
  places(
    words: string[],
    limit: number,
  ): Promise<{
    stations: Array<{ id: number; name: string; county: string }>;
    sections: Array<{ id: number; name: string; county: string; river: string }>;
  }>;
}

export interface PortalDeps {
  db: DB;
  /** which bureau's website a request is for (decision 175) */
  sites: SiteDirectory;
  content: PublicContent;
  search: SearchIndex;
  finder: PublicFinder;
  /** the 政府信息公开目录 (decision 111) */
  catalogue: DisclosureCatalogueRepo;
  /** published service guides (decision 113) */
  guides: Pick<ServiceGuidesService, 'publishedGuides' | 'publishedGuide' | 'openForm'>;
  homeSlots: HomeSlot[];
  /** 公众参与: the public case forms and published replies (portal/cases) */
  cases?: CasesService;
  /** 意见征集 and the monthly statistics (portal/cases/consultation-pages.ts) */
  interaction?: Pick<InteractionServices, 'consultations' | 'stats'>;
  /** 新媒体矩阵: the public account matrix and QR codes (portal/media) */
  media?: Pick<MediaBoardService, 'publicMatrix' | 'publicQr'>;
  /** 创意大赛获奖作品: the winners' gallery and its photos (portal/contest) */
  contest?: Pick<ContestGallery, 'publicGallery' | 'publicPhoto'>;
  /** 活动报名: the site's events open for sign-up (portal/activities) */
  signups?: PortalSignups;
  /** 监测通报: the public summaries of the published monthly monitoring bulletins (portal/inspection) */
  monitoring?: Pick<MonitoringBulletins, 'publicSummaries'>;
  /** the public reads behind the environment pages */
  environment: EnvironmentDeps;
}

export interface EnvironmentDeps {
  quality: QualityService;
  dischargers: DischargersService;
  incidents: IncidentsService;
  openData: OpenDataService;
  /** how old the newest reading may be before a page says the data is late (config) */
  freshness: { airHours: number; waterDays: number };
}

/** A rendered page and how it may be cached. */
export interface Rendered {
  /** the page; bytes when parts of it came from the database as bytes */
  html: string | Buffer;
  status?: number;
  /** cache tags; null = never cache this answer */
  tags: string[] | null;
  contentType?: string;
  /**
   * when a cached copy stops being true even though nothing changed (epoch ms): "the data is late"
   * once the newest reading passes its expected age, "today" at midnight. Unset: until a change.
   */
  expiresAt?: number;
}
