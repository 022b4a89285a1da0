// Response serializers compiled once per process, on first use (decision 202). fast-json-stringify
// generates code for every route's response schema — half of an app's start-up time when it ran at start.
// The schemas are module constants, so a second app in the same process (a test worker builds hundreds,
// decision 192) reuses the function generated for the same schema object with the same shared schemas.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { onFirstUse } from './compile-on-first-use.ts';

type Factory = ReturnType<typeof SerializerSelector>;
type Serializer = (doc: unknown) => string;

const compiled = new WeakMap<object, Map<string, Serializer>>();
const select = SerializerSelector();

export const buildSerializer: Factory = (externalSchemas, options) => {
  const compile = select(externalSchemas, options);
  // the shared schemas (app.addSchema) are module constants too; a different set is a different key
  const shared = externalSchemas && typeof externalSchemas === 'object' ? Object.values(externalSchemas) : [];
  return (route) => {
    const schema = route.schema;
    if (!schema || typeof schema !== 'object') return compile(route);
    const key = `${sharedKey(shared)}|${JSON.stringify(options ?? {})}`;
    let byKey = compiled.get(schema);
    if (!byKey) compiled.set(schema, (byKey = new Map()));
    let serializer = byKey.get(key);
    if (!serializer) {
      // generated when the route first answers with this status (decision 202)
      const compiled = onFirstUse(() => compile(route));
      byKey.set(key, (serializer = (doc) => compiled()(doc)));
    }
    return serializer;
  };
};

const sharedIds = new WeakMap<object, number>();
let nextSharedId = 1;
/** An identity for the set of shared schema objects: equal only when they are the same objects. */
function sharedKey(shared: unknown[]): string {
  return shared
    .map((s) => {
      if (!s || typeof s !== 'object') return 'x';
      let id = sharedIds.get(s);
      if (id === undefined) sharedIds.set(s, (id = nextSharedId++));
      return String(id);
    })
    .join(',');
}
