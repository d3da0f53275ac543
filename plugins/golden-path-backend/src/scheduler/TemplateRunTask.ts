import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { TemplateRunIngester } from '../ingest/TemplateRunIngester';
import {
  PublishedVersion,
  TemplateVersionWatcher,
} from '../ingest/TemplateVersionWatcher';

/**
 * Reads new template runs from the scaffolder and new versions of the golden
 * paths' templates from the catalog. The two are independent: a scaffolder
 * that is down does not stop version tracking, nor the reverse.
 */
export class TemplateRunTask {
  static readonly id = 'golden-path-template-runs';

  static readonly defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
    frequency: { minutes: 5 },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 15 },
  };

  constructor(
    private readonly options: {
      ingester: TemplateRunIngester;
      versions: TemplateVersionWatcher;
      logger: LoggerService;
      /** Told, by the run that saw them, of templates that published a version. */
      onPublished?: (published: PublishedVersion[]) => Promise<void>;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<void> {
    const { ingester, versions, logger, onPublished } = this.options;
    const [runs, published] = await Promise.allSettled([
      ingester.pass(signal),
      versions.check(),
    ]);
    if (runs.status === 'fulfilled') {
      const s = runs.value;
      logger.info(
        `Template runs: listed ${s.listed} tasks, recorded ${s.inserted} new runs, ${s.updated} status changes, ${s.outcomesRead} outcomes`,
      );
    } else {
      logger.warn(
        `Could not read template runs from the scaffolder: ${runs.reason}`,
      );
    }
    if (published.status === 'rejected') {
      logger.warn(`Could not read template versions: ${published.reason}`);
    } else if (onPublished && published.value.length > 0) {
      await onPublished(published.value);
    }
  }
}
