// Fuzz cases: an operation's valid seed request with one hostile change,
// chosen from the operation's parameters and body schema in the OpenAPI
// document and from the hand-written hostile values. Case `index` of an
// operation is generated from its own seed, so it is the same on every run
// and can be generated again (to re-send it) without keeping it.
import { Caller, Seed } from './fuzzSeeds';
import {
  BAD_DATES,
  BAD_NUMBERS,
  BAD_REFS,
  badAuthorization,
  deepJson,
  hostileString,
  hugeArray,
  hugeString,
  INJECTIONS,
  invalidJson,
  POLLUTING_KEYS,
  WRONG_CONTENT_TYPES,
} from './hostile';
import { Operation, Parameter, Schema, typeOf } from './openapi';
import { hash, int, pick, Random, seeded, weighted } from './random';

export type Kind =
  | 'path-param'
  | 'query-value'
  | 'query-shape'
  | 'header'
  | 'request-line'
  | 'credentials'
  | 'content-type'
  | 'body-value'
  | 'body-remove'
  | 'body-unknown'
  | 'body-raw'
  | 'body-deep'
  | 'body-huge-array'
  | 'oversized'
  | 'valid-hostile';

/**
 * Kinds the API can only reject (no or bad credentials, a body it cannot
 * parse or must refuse, a query it does not declare): sent in windows of
 * their own, so that the few accepted requests of the other kinds leave
 * most windows clean for the no-write comparison.
 */
export const SURELY_REJECTED: ReadonlySet<Kind> = new Set<Kind>([
  'credentials',
  'content-type',
  'body-raw',
  'oversized',
  'query-shape',
]);

export interface Tokens {
  user: string;
  service: string;
}

export interface FuzzCase {
  op: string;
  index: number;
  kind: Kind | 'seed';
  method: string;
  /** Path and query string, encoded as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A request being built: the seed's parts, before encoding. */
interface Draft {
  method: string;
  path?: string;
  params: Record<string, string>;
  /** Path parameters already encoded (or deliberately not). */
  raw: Set<string>;
  query: Array<[string, string]>;
  rawQuery: string;
  headers: Record<string, string>;
  body?: unknown;
  /** The exact body text, when it is not `body` serialized. */
  text?: string;
  contentType?: string;
}

type Pointer = Array<string | number>;

interface Location {
  at: Pointer;
  schema: Schema;
  required: boolean;
  name: string;
  value: unknown;
}

const REMOVE = Symbol('remove');
const PLACEHOLDER = '\u0001deep\u0001';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const clone = <T>(value: T): T =>
  value === undefined ? value : JSON.parse(JSON.stringify(value));

/** Percent-encodes anything, lone surrogates included. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')]
      .map(b => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  }
}

/** What Node's HTTP client lets into a header value (the rest becomes ?). */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e]/g, '?');

const refLike = (name: string) =>
  /ref$|^group|^user$|^team$|^entity/i.test(name);

/** Every place in a body: the schema's properties (present or not), the
 * first item of arrays, and the keys of free-form objects. */
function locations(
  schema: Schema,
  value: unknown,
  at: Pointer = [],
  required = true,
  name = 'body',
): Location[] {
  const here: Location[] = [{ at, schema, required, name, value }];
  const type = typeOf(schema);
  if (type === 'object' || (!type && isObject(value))) {
    const properties: Record<string, Schema> = schema.properties ?? {};
    for (const [key, sub] of Object.entries(properties)) {
      here.push(
        ...locations(
          sub,
          isObject(value) ? value[key] : undefined,
          [...at, key],
          (schema.required ?? []).includes(key),
          key,
        ),
      );
    }
    if (isObject(value)) {
      const extra = isObject(schema.additionalProperties)
        ? schema.additionalProperties
        : {};
      for (const key of Object.keys(value).filter(k => !(k in properties))) {
        here.push(...locations(extra, value[key], [...at, key], false, key));
      }
    }
  } else if (type === 'array' || (!type && Array.isArray(value))) {
    here.push(
      ...locations(
        schema.items ?? {},
        Array.isArray(value) ? value[0] : undefined,
        [...at, 0],
        false,
        name,
      ),
    );
  }
  return here;
}

/** `root` with the value at `at` replaced (or removed), creating parents. */
function setAt(root: unknown, at: Pointer, value: unknown): unknown {
  if (at.length === 0) return value === REMOVE ? undefined : value;
  const [key, ...rest] = at;
  const container: any = Array.isArray(root)
    ? [...root]
    : isObject(root)
    ? { ...root }
    : typeof key === 'number'
    ? []
    : {};
  const next = setAt(container[key], rest, value);
  if (next === undefined && rest.length === 0) {
    delete container[key];
  } else {
    // defineProperty: an assignment to `__proto__` would set the prototype
    // instead of adding the key the JSON text must carry.
    Object.defineProperty(container, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return container;
}

function wrongType(random: Random, schema: Schema): unknown {
  const type = typeOf(schema);
  const candidates: Array<[string, unknown]> = [
    ['null', null],
    ['boolean', true],
    ['integer', 0],
    ['integer', -1],
    ['number', -1.5],
    ['number', 1e21],
    ['string', 'text'],
    ['string', ''],
    ['array', []],
    ['array', ['a', 1]],
    ['object', {}],
    ['object', { a: { b: 1 } }],
  ];
  const wrong = candidates.filter(
    ([t]) =>
      !type ||
      (t !== type && !(type === 'number' && t === 'integer')) ||
      schema.enum,
  );
  return pick(random, wrong.length ? wrong : candidates)[1];
}

function hostileStringFor(random: Random, schema: Schema, name: string) {
  const options: Array<() => string> = [() => hostileString(random)];
  if (schema.format) options.push(() => pick(random, BAD_DATES));
  if (refLike(name)) options.push(() => pick(random, BAD_REFS));
  if (schema.enum) {
    const value = String(pick(random, schema.enum));
    options.push(
      () => value.toUpperCase(),
      () => `${value} `,
      () => `${value}\u0000`,
      () => `${value},${value}`,
    );
  }
  if (schema.maxLength !== undefined) {
    options.push(() => 'x'.repeat(schema.maxLength + 1));
  }
  if (schema.minLength) options.push(() => '');
  return pick(random, options)();
}

/** A value that breaks `schema` (or is legal but hostile). */
function hostileFor(random: Random, location: Location): unknown {
  const { schema, name, value } = location;
  switch (typeOf(schema)) {
    case 'string':
      return hostileStringFor(random, schema, name);
    case 'integer':
    case 'number':
      return pick(random, [
        ...BAD_NUMBERS,
        (schema.minimum ?? 0) - 1,
        (schema.maximum ?? 1e9) + 1,
      ]);
    case 'boolean':
      return pick(random, ['true', 1, 0, 'yes', null]);
    case 'array': {
      const item = Array.isArray(value) && value.length ? value[0] : 'x';
      return pick(random, [
        () => [],
        () => new Array((schema.maxItems ?? 1000) + 1).fill(item),
        () => hugeArray(random, 100_000),
        () => [hostileString(random)],
        () => [[[[]]]],
        () => [null, item],
      ])();
    }
    case 'object':
      return pick(random, [
        () => ({}),
        () => JSON.parse('{"__proto__":{"polluted":true}}'),
        () => ({ constructor: { prototype: { polluted: true } } }),
        () => ({ '': hostileString(random) }),
        () => [value],
      ])();
    default:
      return random() < 0.5 ? wrongType(random, schema) : hostileString(random);
  }
}

function jsonLocations(op: Operation, draft: Draft) {
  return op.body && draft.text === undefined && draft.body !== undefined
    ? locations(op.body.schema, draft.body)
    : [];
}

// Mutations of a CSV body: the file a tracker export or a spreadsheet
// produces when it goes wrong.
function mutateCsv(random: Random, csv: string, hostile: boolean): string {
  const lines = csv.split('\n');
  const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
  if (hostile) {
    const row = lines[1].split(',');
    row[1] = cell(pick(random, INJECTIONS));
    return [lines[0], row.join(','), ...lines.slice(2)].join('\n');
  }
  return pick(random, [
    () => lines.map(l => l.replace(/,/, ',"')).join('\n'),
    () => `${lines[0]},${hostileString(random)}\n${lines.slice(1).join('\n')}`,
    () => lines[0],
    () => '',
    () => `\ufeff${csv.replace(/\n/g, '\r')}`,
    () => csv.replace(/,/g, '\u0000'),
    () => csv.replace(/resolved|open/, hostileString(random)),
    () => csv.replace(/\d{4}-\d\d-\d\dT[^,]*/, pick(random, BAD_DATES)),
    () => `${lines[0]}\n${lines[1]}`.repeat(1 + int(random, 5)),
    () =>
      [lines[0], ...new Array(100_000).fill(lines[2].replace(/^CSV-2/, ''))]
        .join('\n')
        .slice(0, 9_000_000),
    () => `${lines.join('\n')}\n${cell(hugeString(random, 1_000_000))}`,
    () => Buffer.from(hugeString(random, 5000)).toString('latin1'),
  ])();
}

const MUTATORS: Record<
  Kind,
  (random: Random, draft: Draft, op: Operation, tokens: Tokens) => void
> = {
  'path-param': (random, draft, op) => {
    const name = pick(random, paramsIn(op, 'path')).name;
    const roll = random();
    if (roll < 0.6) {
      draft.params[name] = hostileString(random).slice(0, 20_000);
    } else {
      draft.raw.add(name);
      draft.params[name] = pick(random, [
        '..',
        '.',
        '%',
        '%zz',
        '%E0%A4%A',
        '%00',
        '%2F',
        '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '..%2F..%2F..%2F',
        '',
        'a/b',
        '%C0%AE%C0%AE',
        '%uFF0E',
        `${'a'.repeat(6000)}`,
        '__proto__',
        'constructor',
        '%7B%7D',
      ]);
    }
  },
  'query-value': (random, draft, op) => {
    const param = pick(random, paramsIn(op, 'query'));
    const value = hostileFor(random, {
      at: [],
      schema: param.schema,
      required: param.required,
      name: param.name,
      value: undefined,
    });
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    draft.query = draft.query.filter(([k]) => k !== param.name);
    draft.query.push([param.name, (text ?? '').slice(0, 6000)]);
  },
  'query-shape': (random, draft, op) => {
    const query = paramsIn(op, 'query');
    const param = query.length ? pick(random, query) : undefined;
    const name = param?.name ?? 'q';
    const value =
      draft.query.find(([k]) => k === name)?.[1] ?? hostileString(random);
    const without = draft.query.filter(([k]) => k !== name);
    pick(random, [
      () => draft.query.push([name, value]),
      () => {
        draft.query = without;
        draft.rawQuery = `${encode(name)}[x]=${encode(value)}`;
      },
      () => {
        draft.query = without;
        draft.rawQuery = `${encode(name)}[]=${encode(value)}`;
      },
      () => {
        draft.rawQuery = pick(random, [
          '__proto__[polluted]=1',
          'constructor[prototype][polluted]=1',
          '__proto__.polluted=1',
          'unknown=1',
          'a=b=c',
          '%00=1',
          '&&&',
          `x${'&y=1'.repeat(1000)}`,
          'owner=group:default/payments',
        ]);
      },
      () => {
        const required = query.filter(p => p.required).map(p => p.name);
        draft.query = draft.query.filter(([k]) => !required.includes(k));
        if (!required.length) draft.rawQuery = 'limit=1&limit=2';
      },
      () => {
        draft.query = without;
        draft.rawQuery = encode(name);
      },
    ])();
  },
  header: (random, draft, op) => {
    const declared = paramsIn(op, 'header');
    if (declared.length && random() < 0.6) {
      const name = pick(random, declared).name;
      if (random() < 0.3) delete draft.headers[name];
      else draft.headers[name] = hostileString(random).slice(0, 8000);
      return;
    }
    const [name, value] = pick(random, [
      ['accept', 'text/html'],
      ['accept', '*/*;q=0.1, application/xml'],
      ['accept-encoding', 'gzip, deflate, br, zstd'],
      ['accept-language', 'xx-' + 'a'.repeat(500)],
      ['origin', 'https://evil.example'],
      ['cookie', `backstage-auth=${hostileString(random).slice(0, 2000)}`],
      ['x-forwarded-for', "127.0.0.1, ' OR 1=1 --"],
      ['x-forwarded-host', 'evil.example'],
      ['x-http-method-override', 'DELETE'],
      ['x-original-url', '/api/golden-path/exemptions'],
      ['range', 'bytes=0-1,2-3'],
      ['if-none-match', '*'],
      ['x-github-event', hostileString(random).slice(0, 200)],
      ['backstage-auth', 'x'],
      ['x-junk', 'a'.repeat(12_000)],
    ] as const);
    draft.headers[name] = value;
  },
  'request-line': (random, draft, op) => {
    const path = op.template;
    pick(random, [
      () => {
        draft.method = pick(random, ['HEAD', 'OPTIONS', 'PATCH', 'TRACE']);
      },
      () => {
        draft.method = op.method === 'GET' ? 'POST' : 'GET';
      },
      () => {
        draft.path = `${path}/`;
      },
      () => {
        draft.path = path.replace('/api/golden-path', '/api/golden-path/');
      },
      () => {
        draft.path = path.replace('/golden-path/', '/GOLDEN-PATH/');
      },
      () => {
        draft.path = `${path}%00`;
      },
      () => {
        draft.path = `${path};x=1`;
      },
      () => {
        draft.path = `${path}/..`;
      },
      () => {
        draft.path = `${path}/..;/..;/`;
      },
      () => {
        draft.path = path.replace('/api/', '/api/%2e%2e/api/');
      },
      () => {
        draft.path = `${path}/${'x'.repeat(3000)}`;
      },
    ])();
  },
  credentials: (random, draft, _op, tokens) => {
    const roll = random();
    if (roll < 0.3) {
      delete draft.headers.authorization;
    } else if (roll < 0.4) {
      delete draft.headers.authorization;
      draft.headers.cookie = `backstage-auth=${tokens.user}`;
    } else {
      draft.headers.authorization = badAuthorization(random, tokens.user);
    }
  },
  'content-type': (random, draft, op) => {
    if (!op.body) {
      draft.text = pick(random, ['{"a":1}', 'a=1', '<x/>', '\u0000']);
      draft.contentType = pick(random, WRONG_CONTENT_TYPES);
      return;
    }
    const wrong = [
      ...WRONG_CONTENT_TYPES,
      'application/json',
      'text/csv; charset=utf-16',
    ].filter(t => t !== op.body!.contentType);
    if (random() < 0.15) {
      draft.contentType = undefined;
    } else {
      draft.contentType = pick(random, wrong);
    }
  },
  'body-value': (random, draft, op) => {
    if (isText(op)) {
      draft.text = mutateCsv(random, String(draft.body), false);
      return;
    }
    const location = pick(random, jsonLocations(op, draft));
    const value =
      random() < 0.4
        ? wrongType(random, location.schema)
        : hostileFor(random, location);
    draft.body = setAt(draft.body, location.at, value);
  },
  'body-remove': (random, draft, op) => {
    const all = jsonLocations(op, draft).filter(
      l => l.at.length > 0 && l.value !== undefined,
    );
    if (!all.length) {
      draft.text = '';
      return;
    }
    const required = all.filter(l => l.required);
    const location = pick(random, required.length ? required : all);
    draft.body = setAt(draft.body, location.at, REMOVE);
  },
  'body-unknown': (random, draft, op) => {
    const objects = jsonLocations(op, draft).filter(l => isObject(l.value));
    if (!objects.length) {
      draft.text = `${draft.body ?? ''}\nunknown,column`;
      return;
    }
    const location = pick(random, objects);
    const key = pick(random, [
      ...POLLUTING_KEYS,
      hostileString(random).slice(0, 10_000),
      'x'.repeat(10_000),
      '',
      'extra',
    ]);
    const value = pick(random, [
      { polluted: true },
      { prototype: { polluted: true } },
      hostileString(random),
      1,
      null,
    ]);
    draft.body = setAt(draft.body, [...location.at, key], value);
  },
  'body-raw': (random, draft, op) => {
    const valid = isText(op)
      ? String(draft.body)
      : JSON.stringify(draft.body ?? {});
    draft.text = invalidJson(random, valid);
  },
  'body-deep': (random, draft, op) => {
    const depth = pick(random, [100, 1000, 10_000, 100_000, 300_000]);
    const all = jsonLocations(op, draft);
    const at = all.length ? pick(random, all).at : [];
    const text = JSON.stringify(setAt(draft.body, at, PLACEHOLDER) ?? null);
    draft.text = text.replace(
      JSON.stringify(PLACEHOLDER),
      deepJson(random, depth),
    );
  },
  'body-huge-array': (random, draft, op) => {
    const all = jsonLocations(op, draft);
    const arrays = all.filter(l => typeOf(l.schema) === 'array');
    const at = (arrays.length ? pick(random, arrays) : pick(random, all))?.at;
    const huge = hugeArray(random, 100_000);
    draft.body = at ? setAt(draft.body, at, huge) : huge;
    if (isText(op)) draft.text = huge.join('\n');
  },
  oversized: (random, draft, op) => {
    // Past the JSON limit (2 MB) or the CSV limit (10 MB).
    const size = (isText(op) ? 10_500_000 : 2_500_000) + int(random, 3_000_000);
    if (isText(op)) {
      draft.text = `${draft.body}\n${'a'.repeat(size)}`;
      return;
    }
    const strings = jsonLocations(op, draft).filter(
      l => typeOf(l.schema) === 'string',
    );
    const at = strings.length ? pick(random, strings).at : ['padding'];
    draft.body = setAt(draft.body ?? {}, at, 'a'.repeat(size));
    if (!op.body) draft.contentType = 'application/json';
  },
  'valid-hostile': (random, draft, op) => {
    if (isText(op)) {
      draft.text = mutateCsv(random, String(draft.body), true);
      return;
    }
    const free = jsonLocations(op, draft).filter(
      l =>
        typeOf(l.schema) === 'string' &&
        typeof l.value === 'string' &&
        !l.schema.format &&
        !l.schema.enum &&
        !l.schema.pattern &&
        !refLike(l.name),
    );
    const injections = INJECTIONS.filter(s => s.trim().length > 0);
    for (let n = 1 + int(random, 3); n > 0 && free.length; n--) {
      const location = free.splice(int(random, free.length), 1)[0];
      draft.body = setAt(draft.body, location.at, pick(random, injections));
    }
  },
};

const isText = (op: Operation) => op.body?.contentType === 'text/csv';

const paramsIn = (op: Operation, where: Parameter['in']) =>
  op.parameters.filter(p => p.in === where);

/** How often each kind is picked for an operation (0: not applicable). */
function weightsOf(op: Operation): Partial<Record<Kind, number>> {
  const body = op.body ? 1 : 0;
  const mutating = op.method !== 'GET' ? 1 : 0;
  return {
    'path-param': paramsIn(op, 'path').length ? 12 : 0,
    'query-value': paramsIn(op, 'query').length ? 10 : 0,
    'query-shape': 5,
    header: 3,
    'request-line': 3,
    credentials: 8,
    'content-type': body ? 5 : 2,
    'body-value': 30 * body,
    'body-remove': 6 * body,
    'body-unknown': 6 * body,
    'body-raw': 6 * body,
    'body-deep': 2 * body,
    'body-huge-array': 2 * body,
    oversized: 0.3,
    'valid-hostile': 6 * body * mutating,
  };
}

const randomOf = (op: Operation, index: number) =>
  seeded(hash(op.id) ^ Math.imul(index + 1, 0x9e3779b1));

/** The kind of case `index` of `op`, without building it. */
export function kindOf(op: Operation, index: number): Kind {
  return weighted(randomOf(op, index), weightsOf(op));
}

/** Case `index` of `op`: the seed with one hostile change. */
export function fuzzCase(
  op: Operation,
  seed: Seed,
  tokens: Tokens,
  index: number,
): FuzzCase {
  const random = randomOf(op, index);
  const kind = weighted(random, weightsOf(op));
  const other: Caller = seed.caller === 'user' ? 'service' : 'user';
  const caller = random() < 0.85 ? seed.caller : other;
  const draft: Draft = {
    method: op.method,
    params: { ...seed.params },
    raw: new Set(),
    query: Object.entries(seed.query ?? {}),
    rawQuery: '',
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${tokens[caller]}`,
      ...seed.headers,
    },
    body: clone(seed.body),
    contentType: op.body?.contentType,
  };
  MUTATORS[kind](random, draft, op, tokens);
  return build(op, draft, kind, index);
}

/** The seed itself, unmutated. */
export function seedCase(op: Operation, seed: Seed, tokens: Tokens): FuzzCase {
  return build(
    op,
    {
      method: op.method,
      params: { ...seed.params },
      raw: new Set(),
      query: Object.entries(seed.query ?? {}),
      rawQuery: '',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${tokens[seed.caller]}`,
        ...seed.headers,
      },
      body: clone(seed.body),
      contentType: op.body?.contentType,
    },
    'seed',
    -1,
  );
}

function build(
  op: Operation,
  draft: Draft,
  kind: Kind | 'seed',
  index: number,
): FuzzCase {
  const path = (draft.path ?? op.template).replace(/\{(\w+)\}/g, (_, name) =>
    draft.raw.has(name)
      ? draft.params[name] ?? ''
      : encode(draft.params[name] ?? ''),
  );
  const query = [
    ...draft.query.map(([k, v]) => `${encode(k)}=${encode(v)}`),
    ...(draft.rawQuery ? [draft.rawQuery] : []),
  ].join('&');
  const body =
    draft.text ??
    (draft.body === undefined
      ? undefined
      : typeof draft.body === 'string' && isText(op)
      ? draft.body
      : JSON.stringify(draft.body));
  const headers = { ...draft.headers };
  if (body !== undefined && draft.contentType !== undefined) {
    headers['content-type'] = draft.contentType;
  }
  for (const [name, value] of Object.entries(headers)) {
    headers[name] = headerSafe(value);
  }
  return {
    op: op.id,
    index,
    kind,
    method: draft.method,
    path: query ? `${path}?${query}` : path,
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}
