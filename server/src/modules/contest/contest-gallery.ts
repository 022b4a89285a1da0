// The winners' gallery for the portal (docs/contest.md "Gallery"): only locked contests, only awarded
// works; students' names only where the school gave its consent; photos with a text alternative.
import { AWARD_LABELS } from '@greenvoice/common';
import type { FileStore } from '../../files/file-store.ts';
import { readAll } from '../../files/file-store.ts';
import type { ContestRepo } from './contest.repo.ts';
import { contestRules } from './contest-present.ts';
import { scopeOf, type CurrentSite } from '../cms/site-directory.ts';

/** `site`: the site of the request being served — its bureau's contests only (decision 197). */
export function createContestGallery(deps: { repo: ContestRepo; store: FileStore; site: CurrentSite }) {
  const { repo } = deps;
  return {
    async publicGallery() {
      const out = [];
      for (const c of await repo.lockedContests((await scopeOf(deps.site)).path)) {
        const rules = contestRules(c);
        const works = await repo.gallery(c.id);
        const photos = await repo.photos(works.map((w) => w.id));
        out.push({
          year: c.year,
          title: c.title,
          theme: c.theme,
          galaOn: c.gala_on,
          works: works.map((w) => {
            const category = rules.categories.find((x) => x.code === w.category)?.name ?? w.category;
            const ageGroup = rules.ageGroups.find((x) => x.code === w.age_group)?.name ?? w.age_group;
            const photo = photos.find((p) => p.owner_id === w.id);
            return {
              code: w.code,
              title: w.title,
              category,
              ageGroup,
              award: AWARD_LABELS[w.award!].zh,
              school: w.school_name,
              students: w.names_consent === 1 ? w.students : null,
              photo: photo
                ? {
                    url: `/contest/photos/${photo.id}`,
                    alt: `${category}作品《${w.title}》（${AWARD_LABELS[w.award!].zh}）`,
                  }
                : null,
            };
          }),
        });
      }
      return out;
    },
    async publicPhoto(id: number): Promise<{ bytes: Buffer; mediaType: string } | null> {
      const p = await repo.publicPhoto(id, (await scopeOf(deps.site)).path);
      const stream = p ? await deps.store.open(p.stored_name) : null;
      return p && stream ? { bytes: await readAll(stream), mediaType: p.media_type } : null;
    },
  };
}
export type ContestGallery = ReturnType<typeof createContestGallery>;
