/**
 * A timestamp column as a Date: SQLite hands timestamps back as epoch
 * milliseconds or strings, PostgreSQL and MySQL as Date objects.
 */
export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
