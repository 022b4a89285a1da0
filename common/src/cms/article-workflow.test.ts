import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../roles.ts';
import { articleTransition, availableArticleActions, type ArticleParties } from './article-workflow.ts';

const WRITER = 1;
const REVIEWER = 2;
const APPROVER = 3;
const actor = (personId: number, ...roles: Role[]) => ({ personId, permissions: permissionsOf(roles) });
const article = (over: Partial<ArticleParties> = {}): ArticleParties => ({
  status: 'draft',
  archived: false,
  createdBy: WRITER,
  submittedBy: null,
  reviewedBy: null,
  ...over,
});

describe('article workflow (three reviews, separation of duties)', () => {
  it.each([
    ['editor submits a draft', article(), 'submit', actor(WRITER, 'editor'), 'submitted'],
    [
      'reviewer reviews',
      article({ status: 'submitted', submittedBy: WRITER }),
      'review',
      actor(REVIEWER, 'reviewer'),
      'reviewed',
    ],
    [
      'leadership approves',
      article({ status: 'reviewed', submittedBy: WRITER, reviewedBy: REVIEWER }),
      'approve',
      actor(APPROVER, 'leadership'),
      'approved',
    ],
    [
      'admin approves',
      article({ status: 'reviewed', reviewedBy: REVIEWER }),
      'approve',
      actor(APPROVER, 'admin'),
      'approved',
    ],
    ['editor publishes', article({ status: 'approved' }), 'publish', actor(WRITER, 'editor'), 'published'],
    ['reviewer returns', article({ status: 'submitted' }), 'return', actor(REVIEWER, 'reviewer'), 'draft'],
    ['editor withdraws', article({ status: 'published' }), 'withdraw', actor(WRITER, 'editor'), 'withdrawn'],
    ['editor archives', article({ status: 'published' }), 'archive', actor(WRITER, 'editor'), 'published'],
    [
      'editor unarchives',
      article({ status: 'published', archived: true }),
      'unarchive',
      actor(WRITER, 'editor'),
      'published',
    ],
  ] as const)('%s', (_name, a, action, who, to) => {
    expect(articleTransition(a, action, who)).toEqual({ ok: true, to });
  });

  it.each([
    [
      'the writer cannot review their own article',
      article({ status: 'submitted', submittedBy: WRITER }),
      'review',
      actor(WRITER, 'admin'),
      'duty',
    ],
    [
      'the reviewer cannot also approve',
      article({ status: 'reviewed', reviewedBy: REVIEWER }),
      'approve',
      actor(REVIEWER, 'admin'),
      'duty',
    ],
    [
      'the writer cannot approve',
      article({ status: 'reviewed', reviewedBy: REVIEWER }),
      'approve',
      actor(WRITER, 'admin'),
      'duty',
    ],
    ['an editor cannot review', article({ status: 'submitted' }), 'review', actor(9, 'editor'), 'permission'],
    [
      'a reviewer cannot approve',
      article({ status: 'reviewed' }),
      'approve',
      actor(9, 'reviewer'),
      'permission',
    ],
    [
      'a reviewer cannot publish',
      article({ status: 'approved' }),
      'publish',
      actor(9, 'reviewer'),
      'permission',
    ],
    ['an officer has no part', article(), 'submit', actor(9, 'officer'), 'permission'],
    ['a draft cannot be published', article(), 'publish', actor(9, 'editor'), 'state'],
    ['a draft cannot be approved', article(), 'approve', actor(9, 'admin'), 'state'],
    [
      'a submitted article cannot be approved before review',
      article({ status: 'submitted' }),
      'approve',
      actor(APPROVER, 'admin'),
      'state',
    ],
    [
      'an archived article cannot be archived again',
      article({ status: 'published', archived: true }),
      'archive',
      actor(9, 'editor'),
      'state',
    ],
    [
      'only the approver returns an approved article',
      article({ status: 'approved' }),
      'return',
      actor(REVIEWER, 'reviewer'),
      'permission',
    ],
  ] as const)('%s', (_name, a, action, who, kind) => {
    const r = articleTransition(a, action, who);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe(kind);
  });

  it('offers only the actions that would succeed', () => {
    expect(availableArticleActions(article(), actor(WRITER, 'editor'))).toEqual(['submit']);
    expect(
      availableArticleActions(article({ status: 'submitted', submittedBy: WRITER }), actor(WRITER, 'admin')),
    ).toEqual([]);
    expect(availableArticleActions(article({ status: 'published' }), actor(WRITER, 'editor'))).toEqual([
      'withdraw',
      'archive',
    ]);
  });
});
