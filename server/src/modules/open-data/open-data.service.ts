// Open data for people who use it (docs/requirements.md §8, decision 105): the catalogue with each data
// set's description, fields, units, frequency, licence and last update; pages for the API (Link:
// rel="next"); and the whole file streamed page after page from the database — a year of hourly air
// is ≈ 87,600 rows, never a silent first page — in the order of the table's key (station, then time),
// as CSV (BOM, Chinese headers with the English code)
// or JSON, in one time zone.
import type { DB } from '../../db/database.ts';
import { createKeptReads } from '../cms/kept-reads.ts';
import { scopeOf, type CurrentSite } from '../cms/site-directory.ts';
import { CATALOGUE, csvHeader, LICENCE, TIME_ZONE, type DatasetInfo } from './open-data.catalogue.ts';
import { csvField } from './encode.ts';
import { DATASETS, type Cell, type Cursor, type Dataset, type DatasetQuery } from './open-data.repo.ts';

/** rows read from the database per step of a whole-file download */
export const STREAM_CHUNK = 5000;

export interface CatalogueEntry {
  dataset: Dataset;
  info: DatasetInfo;
  total: number;
  lastUpdate: string | null;
}

/** A query as the API takes it: the site's scope is the service's to add (decision 197). */
export type OpenDataQuery = Omit<DatasetQuery, 'scopePath'>;

export function createOpenDataService({ db, site }: { db: DB; site: CurrentSite }) {
  const byName = new Map(DATASETS.map((d) => [d.name, d]));
  // The catalogue's counts and last updates change only when data does, but counting a year of hourly
  // air and finding its newest hour is ≈ 11 ms on SQLite — on every open-data and channel page and API
  // call. Kept per site until the change feed reports a change (app.ts calls forget, here or on another server).
  const catalogues = createKeptReads();
  const readCatalogue = (scopePath: string) =>
    Promise.all(
      DATASETS.map(async (d) => {
        const [{ total }, lastUpdate] = await Promise.all([
          d.fetch(db, { page: 1, pageSize: 1, scopePath }),
          d.lastUpdate(db, scopePath),
        ]);
        return { dataset: d, info: CATALOGUE[d.name]!, total, lastUpdate };
      }),
    );
  return {
    datasets: DATASETS,
    find: (name: string) => byName.get(name),
    licence: LICENCE,
    timeZone: TIME_ZONE,

    async catalogue(): Promise<CatalogueEntry[]> {
      const { id, path } = await scopeOf(site);
      return catalogues.get(String(id), () => readCatalogue(path));
    },

    /** drop the kept catalogues: data changed (here or, through the change feed, on another server) */
    forget() {
      catalogues.clear();
    },

    page: async (d: Dataset, q: OpenDataQuery) =>
      d.fetch(db, { ...q, scopePath: (await scopeOf(site)).path }),

    async count(d: Dataset, q: Omit<OpenDataQuery, 'page' | 'pageSize'>) {
      return (await d.fetch(db, { ...q, page: 1, pageSize: 1, scopePath: (await scopeOf(site)).path })).total;
    },

    /**
     * The whole data set (with the filters given), as the bytes of a CSV or JSON file, in steps. The
     * site is taken now, while the request's own context is current: the steps run as the stream is read.
     */
    wholeFile(d: Dataset, format: 'csv' | 'json', q: Omit<OpenDataQuery, 'page' | 'pageSize'>) {
      return fileSteps(d, format, q, scopeOf(site));
    },
  };

  async function* fileSteps(
    d: Dataset,
    format: 'csv' | 'json',
    filters: Omit<OpenDataQuery, 'page' | 'pageSize'>,
    scope: Promise<{ path: string }>,
  ): AsyncGenerator<Buffer> {
    const q = { ...filters, scopePath: (await scope).path };
    const encode = (rows: Array<Record<string, Cell>>) =>
      format === 'csv'
        ? rows.map((r) => `${d.columns.map((c) => csvField(r[c] ?? null)).join(',')}\r\n`).join('')
        : rows.map((r) => JSON.stringify(r)).join(',');
    yield Buffer.from(
      format === 'csv'
        ? // the BOM makes Excel read UTF-8; the headers name each field in Chinese with its code
          `\uFEFF${d.columns.map((c) => csvField(csvHeader(d.name, c))).join(',')}\r\n`
        : `{"dataset":${JSON.stringify(d.name)},"timeZone":${JSON.stringify(TIME_ZONE.iana)},"columns":${JSON.stringify(d.columns)},"items":[`,
    );
    // step by step along the table's key: each step an index range, whatever the file's size
    let first = true;
    let cursor: Cursor | null = null;
    for (;;) {
      const { rows, last } = await d.after(db, q, cursor, STREAM_CHUNK);
      if (rows.length) {
        yield Buffer.from(`${format === 'json' && !first ? ',' : ''}${encode(rows)}`);
        first = false;
      }
      if (rows.length < STREAM_CHUNK || last === null) break;
      cursor = last;
    }
    if (format === 'json') yield Buffer.from(']}');
  }
}
export type OpenDataService = ReturnType<typeof createOpenDataService>;
