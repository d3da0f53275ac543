// Hand-written hostile inputs: what an attacker, a broken client or a
// confused integration sends. Sizes are chosen to fit under the API's
// 2 MB body limit (so that the validator and handlers see them) unless the
// point is to exceed it.
import { int, pick, Random } from './random';

export const INJECTIONS = [
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE golden_path_tickets; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10) --',
  "' UNION SELECT NULL, version(), current_user --",
  "\\'; DELETE FROM golden_path_survey_responses; --",
  "$1'); TRUNCATE golden_path_exemptions; --",
  "x' AND 1=(SELECT COUNT(*) FROM pg_tables) --",
  '%27%20OR%201%3D1',
  // script and markup
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>#{7*7}',
  '=HYPERLINK("http://evil.example","click")',
  '+cmd|/C calc!A0',
  '@SUM(1+1)*cmd|/C calc!A0',
  // path traversal
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  'file:///etc/passwd',
  // null bytes and control characters
  'name\u0000.yaml',
  '\u0000',
  'a\r\nSet-Cookie: x=1',
  '\u0007\u0008\u001b[31mred',
  // unicode
  '\u202egnp.exe',
  '\ud800',
  '\udfff\ud800',
  'Ω≈ç√∫˜µ≤≥÷',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ',
  '\u0130stanbul',
  'Z̷̢̛̯̜̤̻̝̤̍̓̈̈́a̵̢̛̲̪̝̓l̶̨̡̮̣̓g̴o',
  '\ufeffbom',
  '\u2028\u2029',
  // prototype pollution and JavaScript names
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  // format confusion
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '',
  ' ',
  '\t\n',
  // LDAP, shell, regular-expression denial of service
  '*)(uid=*))(|(uid=*',
  '$(touch /tmp/pwned)',
  '`id`',
  '(a+)+$' + 'a'.repeat(40) + '!',
  'a'.repeat(50) + '@' + 'a'.repeat(50),
] as const;

/** Prototype-pollution keys, as JSON object keys. */
export const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
] as const;

export const BAD_REFS = [
  'component:default/',
  ':/',
  'component:/name',
  'component::default/name',
  'a:b:c/d/e',
  'component:default/name/extra',
  'user:default/' + 'x'.repeat(300),
  'group:default/payments\u0000',
  'COMPONENT:DEFAULT/PAYMENTS-API',
  'component:default/payments-api ',
  'component:default/payments api',
  'kind:ns/../../etc',
  'group:default/%2e%2e',
  'component:default/<script>',
  'user:default/guest;DROP',
  'template:default/node-service\n',
] as const;

export const BAD_DATES = [
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  '2026-1-1',
  '26-01-01',
  '2026-12-01T25:61:61Z',
  '2026-12-01T00:00:00+25:00',
  '2026-12-01 00:00:00',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  'yesterday',
  '1764633600000',
  '2026-12-01T00:00:00.123456789123Z',
  '2026-W48',
  'P1D',
] as const;

export const BAD_NUMBERS = [
  -1,
  0,
  1.5,
  -0.0001,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  11,
  5.000001,
  999999999999,
] as const;

/** A string of roughly `size` characters with some hostile content. */
export function hugeString(random: Random, size: number): string {
  const unit = pick(random, [
    'a',
    '\u0000',
    'é',
    '😀',
    "'",
    '<',
    '%',
    '\\',
  ] as const);
  return unit.repeat(Math.ceil(size / unit.length));
}

/** An array of `count` small items, e.g. 100,000 empty strings. */
export function hugeArray(random: Random, count: number): unknown[] {
  const item = pick(random, ['', 0, null, {}, [], 'x', true] as const);
  return new Array(count).fill(item);
}

/**
 * JSON text nested `depth` levels deep, as objects or arrays (built as
 * text: a value this deep cannot be serialized by JSON.stringify).
 */
export function deepJson(random: Random, depth: number): string {
  return random() < 0.5
    ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    : '['.repeat(depth) + ']'.repeat(depth);
}

/** A hostile string: an injection, a huge one, or a random mix. */
export function hostileString(random: Random): string {
  const roll = random();
  if (roll < 0.7) return pick(random, INJECTIONS);
  if (roll < 0.8) return hugeString(random, 1000 + int(random, 200_000));
  if (roll < 0.9) return pick(random, BAD_REFS);
  return Array.from({ length: 1 + int(random, 40) }, () =>
    String.fromCharCode(int(random, 0x10000)),
  ).join('');
}

/** Invalid JSON texts, and valid ones of the wrong shape. */
export function invalidJson(random: Random, valid: string): string {
  return pick<() => string>(random, [
    () => valid.slice(0, Math.max(1, int(random, valid.length))),
    () => `${valid}garbage`,
    () => `${valid},${valid}`,
    () => valid.replace(/"/g, "'"),
    () => valid.replace(/:/, '::'),
    () => `\ufeff${valid}`,
    () => `/* comment */${valid}`,
    () => `{"a":NaN}`,
    () => `{"a":Infinity}`,
    () => `{"a":1e999999}`,
    () => `{"a":-}`,
    () => `{"a":"\u0000\u0001"}`,
    () => `{"a":"\\ud800"}`,
    () => `{"a":"\\u00"}`,
    () => `{"a":1,}`,
    () =>
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    () => `{"a":1,"a":2}`,
    () => 'null',
    () => '[]',
    () => '"a string"',
    () => '12345',
    () => 'true',
    () => '',
    () => ' ',
    () => '{',
    () => '}',
    () => '\u0000',
    () => 'undefined',
  ])();
}

/** Content types the API does not take for a JSON body. */
export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/csv',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=ebcdic',
  'application/vnd.api+json',
  'application/jsonx',
  'json',
  '*/*',
  '',
  'application/json\u0000',
] as const;

/** Bearer values that are not a valid token, and other schemes. */
export function badAuthorization(random: Random, userToken: string): string {
  const b64 = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return pick<() => string>(random, [
    () => 'Bearer',
    () => 'Bearer ',
    () => 'Bearer garbage',
    () => `Bearer ${'a'.repeat(8000)}`,
    () => 'Bearer a.b.c',
    () => `Bearer ${userToken.slice(0, -3)}abc`,
    () => `Bearer ${userToken}x`,
    () => `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    () => `bearer${userToken}`,
    () => `Token ${userToken}`,
    () =>
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({
        sub: 'user:default/admin',
        ent: ['user:default/admin'],
        aud: 'backstage',
        iat: now,
        exp: now + 3600,
      })}.`,
    () =>
      `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
        sub: 'plugin:catalog',
        aud: 'backstage',
        exp: now + 3600,
      })}.${b64('forged')}`,
    () => {
      const [header, , signature] = userToken.split('.');
      return `Bearer ${header}.${b64({
        sub: 'user:default/admin',
        ent: ['group:default/platform'],
        aud: 'backstage',
        exp: now + 3600,
      })}.${signature}`;
    },
    () => `Bearer ${"' OR '1'='1"}`,
    () => `Bearer ${userToken} ${userToken}`,
  ])();
}
