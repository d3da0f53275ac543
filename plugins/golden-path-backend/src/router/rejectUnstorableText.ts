import { InputError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';

// Text PostgreSQL cannot store as sent: NUL, which it refuses (the query
// fails), and unpaired UTF-16 surrogates, which the driver replaces with
// U+FFFD, so that two different ids become one key (a duplicate-key error
// on insert) and nothing read back matches what was written.
const UNSTORABLE = /\0|\p{Cs}/u;

/**
 * Whether a parsed request part holds unstorable text in a string or a
 * key. Iterative: a JSON body may nest deeper than the call stack.
 */
export function holdsUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (UNSTORABLE.test(next)) return true;
    } else if (next && typeof next === 'object') {
      for (const [key, item] of Object.entries(next)) {
        if (UNSTORABLE.test(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * Rejects a request whose path, query or body holds text no id, name or
 * answer may hold, and PostgreSQL cannot store: it would otherwise fail
 * the query (a 500) or store something else than was sent.
 */
export function rejectUnstorableText(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  let part: string | undefined;
  if (/%00/i.test(req.path)) part = 'path';
  else if (holdsUnstorableText(req.query)) part = 'query';
  else if (holdsUnstorableText(req.body)) part = 'body';
  next(
    part
      ? new InputError(
          `Invalid request ${part}: must not contain NUL (\\u0000) or unpaired surrogates`,
        )
      : undefined,
  );
}
