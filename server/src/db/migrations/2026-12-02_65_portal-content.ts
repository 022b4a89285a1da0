import type { Kysely } from 'kysely';
import { withId } from './portable.ts';

// The portal's government-site content (issue 11 items 4, 8, 12):
// - each article's disclosure facts (公开目录, 成文日期, 公开方式, 有效性) for the block above its body
//   and the 信息公开 catalogue, and its document number in parts (机关代字, 年份, 序号) so search finds
//   常环发〔2018〕9号 however it is typed (decisions 110, 111);
// - service guides (办事指南) with their downloadable forms (decision 113).
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of [
    ['disclosure_category', 'text'],
    ['written_on', 'text'],
    ['disclosure_method', 'text'],
    ['validity', 'text'],
    ['doc_prefix', 'text'],
  ] as const)
    await db.schema
      .alterTable('portal_articles')
      .addColumn(name, type, (c) => c.notNull().defaultTo(''))
      .execute();
  await db.schema.alterTable('portal_articles').addColumn('doc_year', 'integer').execute();
  await db.schema.alterTable('portal_articles').addColumn('doc_serial', 'integer').execute();
  await db.schema
    .createIndex('portal_articles_doc_serial')
    .on('portal_articles')
    .columns(['doc_serial', 'doc_year'])
    .execute();
  await db.schema
    .createIndex('portal_articles_disclosure')
    .on('portal_articles')
    .columns(['owner_unit_id', 'disclosure_category', 'publish_at'])
    .execute();

  // the parts of the numbers already stored (this migration's own copy of the rule, as migrations never
  // import application code: common/src/cms/doc-number.ts)
  const rows = (await db
    .selectFrom('portal_articles')
    .select(['id', 'doc_number'])
    .where('doc_number', '!=', '')
    .execute()) as Array<{ id: number; doc_number: string }>;
  for (const r of rows) {
    const m = /^(\S{0,20}?)\s*[〔[【(（［]\s*((?:19|20)\d{2})\s*[〕\]】)）］]\s*第?\s*0*(\d{1,6})\s*号$/.exec(
      r.doc_number.normalize('NFKC').trim(),
    );
    if (m)
      await db
        .updateTable('portal_articles')
        .set({ doc_prefix: m[1], doc_year: Number(m[2]), doc_serial: Number(m[3]) })
        .where('id', '=', r.id)
        .execute();
  }

  await withId(db, db.schema.createTable('service_guides'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fees', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('process', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_limit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_guides_owner_status')
    .on('service_guides')
    .columns(['owner_unit_id', 'status', 'sort_order'])
    .execute();

  await withId(db, db.schema.createTable('service_guide_forms'))
    .addColumn('guide_id', 'integer', (c) => c.notNull().references('service_guides.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_guide_forms_guide')
    .on('service_guide_forms')
    .columns(['guide_id', 'sort_order'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_guide_forms').ifExists().execute();
  await db.schema.dropTable('service_guides').ifExists().execute();
  await db.schema.dropIndex('portal_articles_disclosure').ifExists().execute();
  await db.schema.dropIndex('portal_articles_doc_serial').ifExists().execute();
  for (const name of [
    'doc_serial',
    'doc_year',
    'doc_prefix',
    'validity',
    'disclosure_method',
    'written_on',
    'disclosure_category',
  ])
    await db.schema.alterTable('portal_articles').dropColumn(name).execute();
}
