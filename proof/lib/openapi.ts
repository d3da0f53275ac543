// The operations of a served OpenAPI document, with $refs resolved: what
// the fuzzer generates requests from.

export type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** e.g. `POST /tickets`, relative to the plugin's base. */
  id: string;
  method: string;
  /** The full path with `{name}` placeholders, e.g. /api/golden-path/... */
  template: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema.type)
    ? schema.type.find((t: string) => t !== 'null')
    : schema.type;

/** The simplest value `schema` accepts (required properties only). */
export function exampleOf(schema: Schema): unknown {
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key: string) => [
          key,
          exampleOf(schema.properties?.[key] ?? {}),
        ]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        exampleOf(schema.items ?? {}),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date')
        return new Date().toISOString().slice(0, 10);
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return {};
  }
}

function resolve(doc: Schema, value: unknown): any {
  if (Array.isArray(value)) return value.map(v => resolve(doc, v));
  if (!value || typeof value !== 'object') return value;
  const ref = (value as Schema).$ref;
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Schema, key) => node[key], doc);
    return resolve(doc, target);
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, resolve(doc, v)]),
  );
}

/** Every path × method of the document; `base` is cut from the ids. */
export function operationsOf(doc: Schema, base: string): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = resolve(doc, [
        ...(item.parameters ?? []),
        ...(op.parameters ?? []),
      ]).map((p: Schema) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: p.schema ?? {},
      }));
      const content = resolve(doc, op.requestBody)?.content ?? {};
      const [contentType] = Object.keys(content);
      operations.push({
        id: `${method.toUpperCase()} ${path.slice(base.length)}`,
        method: method.toUpperCase(),
        template: path,
        parameters,
        ...(contentType
          ? { body: { contentType, schema: content[contentType].schema ?? {} } }
          : {}),
      });
    }
  }
  return operations;
}
