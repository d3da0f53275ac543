export {
  DAY_MS,
  previousPeriod,
  quarterOf,
  quarterRange,
  utcDay,
  weekStart,
} from './calendar';
