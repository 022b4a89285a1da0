// The services of issue 13's second half, built once from the cases module's parts: draft
// consultations, the monthly statistics and the annual disclosure report (decisions 146–148).
import type { DB } from '../../db/database.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CmsFilesService } from '../cms/cms-files.service.ts';
import type { CmsService } from '../cms/cms.service.ts';
import type { createDisclosureCatalogueRepo } from '../cms/disclosure-catalogue.repo.ts';
import { createCaseStatsService } from './case-stats.service.ts';
import type { CasesRepo } from './cases.repo.ts';
import { createConsultationsRepo } from './consultations.repo.ts';
import { createConsultationsService } from './consultations.service.ts';
import { createDisclosureReportService } from './disclosure-report.service.ts';

export function createInteractionServices(deps: {
  db: DB;
  cases: CasesRepo;
  audit: AuditService;
  files: FileStore;
  retentionDays: number;
  cms: CmsService;
  cmsFiles: CmsFilesService;
  catalogue: ReturnType<typeof createDisclosureCatalogueRepo>;
  site: () => Promise<{ id: number } | null>;
  today?: (() => string) | undefined;
}) {
  const repo = createConsultationsRepo(deps.db);
  const today = deps.today ? { today: deps.today } : {};
  return {
    consultations: createConsultationsService({
      repo,
      cases: deps.cases,
      audit: deps.audit,
      store: deps.files,
      retentionDays: deps.retentionDays,
      site: deps.site,
      ...today,
    }),
    stats: createCaseStatsService({ repo: deps.cases, site: deps.site, ...today }),
    report: createDisclosureReportService({
      cases: deps.cases,
      repo,
      catalogue: deps.catalogue,
      audit: deps.audit,
      cms: deps.cms,
      cmsFiles: deps.cmsFiles,
      ...today,
    }),
  };
}
export type InteractionServices = ReturnType<typeof createInteractionServices>;
