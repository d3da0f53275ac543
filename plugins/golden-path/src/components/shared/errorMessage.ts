import { ResponseError } from '@backstage/errors';

/** What went wrong, in the backend's words when it gave a reason. */
export function errorMessage(error: Error): string {
  return ResponseError.is(error) ? error.cause.message : error.message;
}
