// The demo year's story (console issue item 9): plausible 2018 pieces of every unit that has an
// information officer, sent, reviewed and scored through the real services — the workflow policy, the
// facts, the stale marks and the recompute, the audit log — so that at first start the rankings, the
// trend, the score explanations, a published bulletin, one awaiting leadership and the interview list are
// there. Only on a real first start (server.ts); the test app never runs it. Every title ends in （演示）
// and every link is on example.cn: clearly demo data. Deterministic: the same year on every machine.
import type { ReviewInput, SubmissionInput } from '@greenvoice/common';
import type { DB } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { BulletinsService } from '../modules/bulletins/bulletins.service.ts';
import type { SubmissionsService } from '../modules/submissions/submissions.service.ts';
import { DEMO_BUREAU_CODE } from './changde-units.ts';
import { demoPiece, PIECES_PER_MONTH } from './demo-story-pieces.ts';

export interface DemoStoryDeps {
  db: DB;
  auth: Pick<AuthService, 'actorOfPerson'>;
  submissions: Pick<SubmissionsService, 'create' | 'review' | 'bulkApprove' | 'recordOutcome'>;
  bulletins: Pick<BulletinsService, 'create' | 'transition'>;
}

const BATCH = 100; // the bulk approval's limit

/** A demo person's request context (shared by the demo seeds that go through the services). */
export async function contextOf(
  deps: Pick<DemoStoryDeps, 'auth'>,
  personId: number,
): Promise<RequestContext> {
  return {
    actor: await deps.auth.actorOfPerson(personId, 'demo-story'),
    requestId: 'demo-story',
    clientIp: '127.0.0.1',
    userAgent: 'demo-story',
    audited: false,
  };
}

/** Demo people holding a role (optionally in one unit), with their unit's code. */
export async function personWith(db: DB, role: string, unitCode?: string) {
  let q = db
    .selectFrom('people')
    .innerJoin('person_roles', 'person_roles.person_id', 'people.id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'units.code'])
    .where('person_roles.role', '=', role as never)
    .where('people.is_demo', '=', 1)
    .orderBy('people.id');
  if (unitCode) q = q.where('units.code', '=', unitCode);
  return q.execute();
}

/** Seeds the story; answers what it made. Does nothing if the demo bureau or its plan is missing. */
export async function seedDemoStory(deps: DemoStoryDeps) {
  const { db } = deps;
  const plan = await db
    .selectFrom('assessment_plans')
    .innerJoin('units', 'units.id', 'assessment_plans.owner_unit_id')
    .select('assessment_plans.id')
    .where('units.code', '=', DEMO_BUREAU_CODE)
    .where('assessment_plans.year', '=', 2018)
    .executeTakeFirst();
  const [reviewer] = await personWith(db, 'reviewer');
  const [admin] = await personWith(db, 'admin');
  const [leader] = await personWith(db, 'leadership');
  if (!plan || !reviewer || !admin || !leader) return { submissions: 0, bulletins: 0 };
  const outlets = new Map(
    (await db.selectFrom('outlets').select(['id', 'name']).execute()).map((o) => [o.name, o.id]),
  );
  const review = await contextOf(deps, reviewer.id);

  // every unit with an officer reports; one officer per unit (the demo account's in 武陵区)
  const officers = new Map<string, number>();
  for (const o of await personWith(db, 'officer')) if (!officers.has(o.code)) officers.set(o.code, o.id);

  const toApprove: Array<{ id: number; version: number }> = [];
  const adopted: Array<{ id: number; version: number; review: ReviewInput }> = [];
  const later: Array<{ id: number; version: number }> = [];
  let made = 0;
  for (const [code, personId] of officers) {
    if (!(code in PIECES_PER_MONTH)) continue; // the information centre is not ranked (decision 131)
    const ctx = await contextOf(deps, personId);
    for (let month = 1; month <= 12; month++) {
      const count = PIECES_PER_MONTH[code]![month - 1]!;
      for (let k = 0; k < count; k++) {
        const p = demoPiece(code, month, k, outlets);
        const input: SubmissionInput = { ...p.input, submit: p.fate !== 'draft' };
        const s = (await deps.submissions.create(ctx, input)).body as { id: number; version: number };
        made++;
        if (p.fate === 'approve') toApprove.push(s);
        else if (p.fate === 'adopt') adopted.push({ ...s, review: { action: 'approve', ...p.review } });
        else if (p.fate === 'instructionLater') later.push(s);
        else if (p.fate === 'return')
          await deps.submissions.review(review, s.id, s.version, {
            action: 'return',
            reason: '请补充刊发版面截图，并核对刊发日期（演示）',
          });
        // 'queue' and 'draft' stay as they are: the reviewer's queue and the officer's drafts
      }
    }
  }
  for (let i = 0; i < toApprove.length; i += BATCH)
    await deps.submissions.bulkApprove(review, { items: toApprove.slice(i, i + BATCH) });
  for (const a of adopted) await deps.submissions.review(review, a.id, a.version, a.review);
  // a leader's instruction (批示) that arrived after the approval, recorded later (decision 121)
  for (const l of later) {
    const approved = await deps.submissions.review(review, l.id, l.version, {
      action: 'approve',
      adoptionLevel: 'municipal',
    });
    await deps.submissions.recordOutcome(review, l.id, approved.version, {
      adoptionLevel: 'provincial',
      leaderInstruction: 'municipal',
      instructionNote: '市领导批示：经验做法值得各区县借鉴（演示）',
    });
  }

  // the monthly bulletins: January to March published, April awaiting leadership's approval
  const drafter = await contextOf(deps, admin.id);
  const signer = await contextOf(deps, leader.id);
  let bulletins = 0;
  for (const month of [1, 2, 3, 4]) {
    let b = await deps.bulletins.create(drafter, { planId: plan.id, period: 'month', index: month });
    b = await deps.bulletins.transition(drafter, b.id, 'submit', { version: b.version });
    bulletins++;
    if (month === 4) break;
    b = await deps.bulletins.transition(signer, b.id, 'approve', { version: b.version });
    await deps.bulletins.transition(drafter, b.id, 'publish', { version: b.version });
  }
  return { submissions: made, bulletins };
}
