// API contract of the media work around the matrix (docs/new-media.md, "Subscriptions, commentators,
// columns"): paper subscriptions with their summary against the plan's quota, the online-commentator
// team with its posts and monthly tally, and the standing media columns.
import Type, { type Static } from 'typebox';
import { IsoDate, PageQuery, RowId, Text } from './common.ts';

const optText = (n: number) => Type.Optional(Type.Union([Text(n), Type.Null()]));
const nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const owned = {
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  version: Type.Integer(),
};
export const WorkListQuery = Type.Object(
  { ...PageQuery, unitId: Type.Optional(RowId()), year: Type.Optional(Year) },
  { additionalProperties: false },
);
export type WorkListQuery = Static<typeof WorkListQuery>;
const versioned = <T extends Type.TProperties>(props: T) =>
  Type.Object(
    { version: RowId(), ...Type.Partial(Type.Object(props)).properties },
    { additionalProperties: false },
  );

const subscriptionFields = {
  unitId: RowId(),
  year: Year,
  paper: Text(60, { description: '《中国环境报》, 《湖南日报》…' }),
  copies: Type.Integer({ minimum: 1, maximum: 100000 }),
  amountYuan: Type.Optional(nullable(Type.Number({ minimum: 0, maximum: 10_000_000, multipleOf: 0.01 }))),
  evidence: optText(200),
};
export const SubscriptionInput = Type.Object(subscriptionFields, { additionalProperties: false });
export type SubscriptionInput = Static<typeof SubscriptionInput>;
export const SubscriptionUpdate = versioned(subscriptionFields);
export const Subscription = Type.Object({
  ...owned,
  year: Type.Integer(),
  paper: Type.String(),
  copies: Type.Integer(),
  amountYuan: nullable(Type.Number()),
  evidence: nullable(Type.String()),
});
export type Subscription = Static<typeof Subscription>;
export const SubscriptionSummary = Type.Object({
  year: Type.Integer(),
  itemName: nullable(Type.String({ description: 'the plan item that scores subscriptions (C1)' })),
  papers: Type.Array(Type.String()),
  units: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitName: Type.String(),
      byPaper: Type.Record(Type.String(), Type.Integer()),
      copies: Type.Integer(),
      amountYuan: Type.Number(),
      quota: nullable(Type.Number()),
      met: nullable(Type.Boolean()),
    }),
  ),
});
export type SubscriptionSummary = Static<typeof SubscriptionSummary>;

const commentatorFields = {
  unitId: RowId(),
  name: Text(40),
  accounts: optText(200),
  active: Type.Optional(Type.Boolean()),
};
export const CommentatorInput = Type.Object(commentatorFields, { additionalProperties: false });
export type CommentatorInput = Static<typeof CommentatorInput>;
export const CommentatorUpdate = versioned(commentatorFields);
export const Commentator = Type.Object({
  ...owned,
  name: Type.String(),
  accounts: nullable(Type.String()),
  active: Type.Boolean(),
  posts: Type.Integer({ description: 'posts recorded in all' }),
  lastPostOn: nullable(Type.String()),
});
export type Commentator = Static<typeof Commentator>;
export const CommentatorPostInput = Type.Object(
  {
    postedOn: IsoDate,
    url: Text(500, { description: 'http(s) only' }),
    topic: optText(200),
    taskId: Type.Optional(nullable(RowId({ description: 'the task this post completes' }))),
  },
  { additionalProperties: false },
);
export type CommentatorPostInput = Static<typeof CommentatorPostInput>;
export const CommentatorPost = Type.Object({
  id: Type.Integer(),
  commentatorId: Type.Integer(),
  postedOn: Type.String(),
  url: Type.String(),
  topic: nullable(Type.String()),
  taskId: nullable(Type.Integer()),
});
export type CommentatorPost = Static<typeof CommentatorPost>;
export const CommentatorPosts = Type.Object({ items: Type.Array(CommentatorPost) });
export const CommentatorTally = Type.Object({
  year: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      commentatorId: Type.Integer(),
      name: Type.String(),
      unitName: Type.String(),
      months: Type.Array(Type.Integer(), { description: 'posts in January … December' }),
      total: Type.Integer(),
    }),
  ),
});
export type CommentatorTally = Static<typeof CommentatorTally>;

// a task for the team (decision 207): the unit that sets it, what to comment on, the period
const taskFields = {
  unitId: RowId({ description: 'the unit whose commentators (and those of the units below) are to do it' }),
  title: Text(200, { description: 'the article or topic to comment on' }),
  link: optText(500),
  startsOn: IsoDate,
  endsOn: IsoDate,
};
export const CommentatorTaskInput = Type.Object(taskFields, { additionalProperties: false });
export type CommentatorTaskInput = Static<typeof CommentatorTaskInput>;
export const CommentatorTaskUpdate = versioned(taskFields);
export const CommentatorTask = Type.Object({
  ...owned,
  title: Type.String(),
  link: nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  done: Type.Integer({ description: 'commentators (in the reader’s scope) with a post completing it' }),
  assigned: Type.Integer({ description: 'active commentators it applies to (in the reader’s scope)' }),
  editable: Type.Boolean({ description: 'set by a unit in the reader’s scope (not a higher one)' }),
});
export type CommentatorTask = Static<typeof CommentatorTask>;
export const CommentatorTaskCompletion = Type.Object({
  task: CommentatorTask,
  rows: Type.Array(
    Type.Object({
      commentatorId: Type.Integer(),
      name: Type.String(),
      unitName: Type.String(),
      active: Type.Boolean(),
      posts: Type.Integer(),
      firstOn: nullable(Type.String()),
    }),
  ),
});
export type CommentatorTaskCompletion = Static<typeof CommentatorTaskCompletion>;

const columnFields = {
  unitId: RowId(),
  outletId: Type.Optional(nullable(RowId())),
  outletName: Text(60),
  name: Text(60),
  startsOn: IsoDate,
  endsOn: Type.Optional(nullable(IsoDate)),
  pieces: Type.Integer({ minimum: 0, maximum: 100000 }),
  note: optText(200),
};
export const MediaColumnInput = Type.Object(columnFields, { additionalProperties: false });
export type MediaColumnInput = Static<typeof MediaColumnInput>;
export const MediaColumnUpdate = versioned(columnFields);
export const MediaColumn = Type.Object({
  ...owned,
  outletId: nullable(Type.Integer()),
  outletName: Type.String(),
  name: Type.String(),
  startsOn: Type.String(),
  endsOn: nullable(Type.String()),
  pieces: Type.Integer(),
  note: nullable(Type.String()),
  counted: Type.Integer({
    description: 'approved submissions of the unit at this outlet within the period (the submission flow)',
  }),
});
export type MediaColumn = Static<typeof MediaColumn>;
