import Type from 'typebox';

export const ErrorResponse = Type.Object(
  {
    code: Type.String({ description: 'stable error code' }),
    message: Type.String({ description: 'Chinese message' }),
    messageEn: Type.String({ description: 'English message' }),
    requestId: Type.String(),
    fields: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String(), messageEn: Type.String() })),
    ),
  },
  { $id: 'ErrorResponse' },
);

/**
 * A reference to a stored row: PostgreSQL's integer stops at 2^31 − 1, and a larger id must be a 400,
 * not a database error (found by fuzzing: `unitId: 1e21` answered 500 on PostgreSQL).
 */
export const RowId = (opts: Type.TNumberOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: 2147483647, ...opts });

export const IdParams = Type.Object({ id: RowId() }, { additionalProperties: false });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

/** the language of an export's headers and words (the console sends its own) */
export const ExportLang = Type.Union([Type.Literal('zh'), Type.Literal('en')]);

/** the query of an export whose list has no filters */
export const ExportLangQuery = Type.Object(
  { lang: Type.Optional(ExportLang) },
  { additionalProperties: false },
);

/**
 * A list's .xlsx export takes the list's own filters — its query less paging, since the export is the
 * whole result — and the language of the headers (decision 126).
 */
export function ExportQuery<P extends Type.TProperties>(list: Type.TObject<P>) {
  const { page: _page, pageSize: _pageSize, ...filters } = list.properties as P & Record<string, unknown>;
  return Type.Object(
    { ...(filters as Omit<P, 'page' | 'pageSize'>), lang: Type.Optional(ExportLang) },
    { additionalProperties: false },
  );
}

export function Page<T extends Type.TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** A short free text: trimmed by the service, never empty, never huge. */
export const Text = (maxLength: number, opts: Type.TStringOptions = {}) =>
  // at least one visible character: services trim, and a blank must not pass as a value
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...opts });

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const IsoDateTime = Type.String({ description: 'ISO 8601 UTC timestamp' });
