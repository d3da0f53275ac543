import {
  AnalyticsApi,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { UsageEventInput } from '@golden-path/plugin-golden-path-common';

/**
 * How {@link GoldenPathAnalytics} batches and retries.
 *
 * @public
 */
export interface GoldenPathAnalyticsOptions {
  /** How long an event waits to be sent with others; default 10 s. */
  flushIntervalMs?: number;
  /**
   * Events per request, and the queue length that sends at once; default
   * 100, at most the backend's 1000.
   */
  maxBatch?: number;
  /**
   * Events kept while the backend cannot be reached, the oldest dropped
   * first; default 5000.
   */
  maxQueue?: number;
  /**
   * The app's plugin ids, sent once per session so that the backend can
   * list installed plugins nobody uses. A function when the list can only
   * be read once the app has started; while it throws, the list waits for
   * the next request.
   */
  installedPlugins?: string[] | (() => string[]);
}

/**
 * An analytics event of either frontend system: the legacy one names the
 * extension `extension`, the new one `extensionId`.
 */
interface CapturedEvent {
  action: string;
  subject: string;
  context: { [key: string]: string | boolean | number | undefined };
}

const USAGE_PATH = '/usage/events';
const MAX_BACKOFF_MS = 5 * 60_000;
const BACKEND_MAX_BATCH = 1000;
// The backend refuses a batch with a longer field; subjects it cuts to 500
// characters, so longer ones would only weigh on the request.
const MAX_LENGTH = {
  action: 100,
  subject: 500,
  pluginId: 100,
  extensionId: 200,
  routeRef: 200,
};

/** A context value as an optional field, cut to the length the backend takes. */
function field(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value.slice(0, max)
    : undefined;
}

/**
 * `crypto.randomUUID` exists in secure contexts only; a portal served over
 * plain HTTP gets a version 4 UUID from `getRandomValues`, which exists
 * everywhere.
 */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // The version (4) and variant (RFC 4122) bits.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Forwards the portal's analytics events to the golden-path backend, which
 * counts active users, active teams and feature usage from them. The user
 * and their team come from the credentials the fetch API sends.
 *
 * Events wait in a queue and go in batches: when the queue reaches
 * `maxBatch`, every `flushIntervalMs`, and when the page is hidden (in
 * `keepalive` requests, which outlive the page). A failed batch stays
 * queued and is sent again later, waiting twice as long after each failure
 * up to 5 minutes; each event keeps its id, so the backend stores a resent
 * event once. Nothing it does throws into the app.
 *
 * Legacy frontend system: install it in the app's `apis`:
 *
 * ```ts
 * createApiFactory({
 *   api: analyticsApiRef,
 *   deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
 *   factory: ({ discoveryApi, fetchApi }) =>
 *     GoldenPathAnalytics.create({ discoveryApi, fetchApi }),
 * })
 * ```
 *
 * To keep another analytics tool as well, combine both with
 * `MultipleAnalyticsApi.fromApis([...])` from `@backstage/core-app-api`.
 * The new frontend system installs it through the plugin's `/alpha` entry
 * point.
 *
 * @public
 */
export class GoldenPathAnalytics implements AnalyticsApi {
  /** A forwarder, sending from now until the page closes. */
  static create(
    deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
    options: GoldenPathAnalyticsOptions = {},
  ): GoldenPathAnalytics {
    return new GoldenPathAnalytics(deps, options);
  }

  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxQueue: number;
  private queue: UsageEventInput[] = [];
  private endpoint?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private sending = false;
  private failures = 0;
  private installedPluginsSent = false;

  private constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
    private readonly options: GoldenPathAnalyticsOptions,
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 10_000;
    this.maxBatch = Math.min(options.maxBatch ?? 100, BACKEND_MAX_BATCH);
    this.maxQueue = options.maxQueue ?? 5000;
    // Looked up now: a page being hidden leaves no time to wait for it.
    this.resolveEndpoint().catch(() => undefined);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        this.flushOnHide();
      }
    });
    window.addEventListener('pagehide', () => this.flushOnHide());
  }

  captureEvent(event: CapturedEvent): void {
    try {
      // Actions starting with an underscore are the app's own bookkeeping.
      // Events about the forwarder's own requests (from an app that tracks
      // its requests) would feed themselves forever.
      if (
        event.action === '' ||
        event.action.startsWith('_') ||
        (this.endpoint !== undefined && event.subject.startsWith(this.endpoint))
      ) {
        return;
      }
      const { context } = event;
      const pluginId = field(context.pluginId, MAX_LENGTH.pluginId);
      const extensionId = field(
        context.extensionId ?? context.extension,
        MAX_LENGTH.extensionId,
      );
      const routeRef = field(context.routeRef, MAX_LENGTH.routeRef);
      this.queue.push({
        id: uuid(),
        action: event.action.slice(0, MAX_LENGTH.action),
        subject: event.subject.slice(0, MAX_LENGTH.subject),
        at: new Date().toISOString(),
        ...(pluginId ? { pluginId } : {}),
        ...(extensionId ? { extensionId } : {}),
        ...(routeRef ? { routeRef } : {}),
      });
      if (this.queue.length > this.maxQueue) {
        this.queue.splice(0, this.queue.length - this.maxQueue);
      }
      // While the backend fails, the backoff timer sends: a full queue
      // would only hammer it.
      if (this.queue.length >= this.maxBatch && this.failures === 0) {
        void this.flush();
      } else {
        this.schedule(this.flushIntervalMs);
      }
    } catch {
      // Analytics must never break the page that reports it.
    }
  }

  /** Sends the queue a batch at a time, one request at a time. */
  private async flush(): Promise<void> {
    if (this.sending) {
      // The request under way sends the rest once it is done.
      return;
    }
    this.sending = true;
    this.cancelTimer();
    try {
      while (
        this.queue.length > 0 &&
        (await this.send(this.queue.slice(0, this.maxBatch), false))
      ) {
        // Next batch.
      }
    } finally {
      this.sending = false;
    }
  }

  /**
   * The page may be closing: every queued event goes now, in requests that
   * outlive the page, even while another request is under way (the
   * backend stores an event sent twice once).
   */
  private flushOnHide(): void {
    this.cancelTimer();
    for (let i = 0; i < this.queue.length; i += this.maxBatch) {
      void this.send(this.queue.slice(i, i + this.maxBatch), true);
    }
  }

  /** Sends one batch; on failure keeps it and retries later. */
  private async send(
    batch: UsageEventInput[],
    keepalive: boolean,
  ): Promise<boolean> {
    try {
      const installedPlugins = this.installedPluginsToSend();
      const response = await this.deps.fetchApi.fetch(
        await this.resolveEndpoint(),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            events: batch,
            ...(installedPlugins ? { installedPlugins } : {}),
          }),
          keepalive,
        },
      );
      // A batch the backend refuses as invalid would be refused forever
      // and hold back every later event: it is dropped instead.
      if (!response.ok && response.status !== 400) {
        throw new Error(`Usage events not stored: ${response.status}`);
      }
      if (installedPlugins) {
        this.installedPluginsSent = true;
      }
      const sent = new Set(batch.map(event => event.id));
      this.queue = this.queue.filter(event => !sent.has(event.id));
      this.failures = 0;
      return true;
    } catch {
      this.failures += 1;
      this.cancelTimer();
      this.schedule(
        Math.min(this.flushIntervalMs * 2 ** this.failures, MAX_BACKOFF_MS),
      );
      return false;
    }
  }

  private installedPluginsToSend(): string[] | undefined {
    const { installedPlugins } = this.options;
    if (this.installedPluginsSent || !installedPlugins) {
      return undefined;
    }
    try {
      return typeof installedPlugins === 'function'
        ? installedPlugins()
        : installedPlugins;
    } catch {
      return undefined;
    }
  }

  private async resolveEndpoint(): Promise<string> {
    if (this.endpoint === undefined) {
      const baseUrl = await this.deps.discoveryApi.getBaseUrl('golden-path');
      this.endpoint = `${baseUrl}${USAGE_PATH}`;
    }
    return this.endpoint;
  }

  /** Sends after `delay`, unless a send is already due. */
  private schedule(delay: number): void {
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, delay);
    }
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
