import { UsageEventInput } from '@golden-path/plugin-golden-path-common';
import {
  GoldenPathAnalytics,
  GoldenPathAnalyticsOptions,
} from './GoldenPathAnalytics';

const baseUrl = 'http://localhost:7007/api/golden-path';
const endpoint = `${baseUrl}/usage/events`;
const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A backend answering with the given statuses in turn, then 202. */
function fakeBackend(...statuses: Array<number | 'offline'>) {
  const fetch = jest.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) => {
      const status = statuses.shift() ?? 202;
      if (status === 'offline') {
        throw new TypeError('Failed to fetch');
      }
      return { ok: status < 300, status } as Response;
    },
  );
  /** Each request's body and whether it outlives the page. */
  const requests = () =>
    fetch.mock.calls.map(([url, init]) => ({
      url,
      keepalive: init?.keepalive,
      ...(JSON.parse(String(init?.body)) as {
        events: UsageEventInput[];
        installedPlugins?: string[];
      }),
    }));
  return { fetch, requests };
}

function forwarder(
  backend: ReturnType<typeof fakeBackend>,
  options: GoldenPathAnalyticsOptions = {},
) {
  return GoldenPathAnalytics.create(
    {
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: backend.fetch },
    },
    options,
  );
}

function capture(analytics: GoldenPathAnalytics, subject: string) {
  analytics.captureEvent({
    action: 'navigate',
    subject,
    context: {
      pluginId: 'catalog',
      extensionId: 'page:catalog',
      routeRef: 'catalog:index',
    },
  });
}

const subjects = (events: UsageEventInput[]) => events.map(e => e.subject);

function hidePage() {
  Object.defineProperty(document, 'visibilityState', {
    value: 'hidden',
    configurable: true,
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse('2026-11-30T09:00:00.000Z') });
});

afterEach(() => {
  jest.useRealTimers();
  Object.defineProperty(document, 'visibilityState', {
    value: 'visible',
    configurable: true,
  });
});

describe('GoldenPathAnalytics', () => {
  it('sends a batch once the queue reaches its size, with each event as the backend takes it', async () => {
    const backend = fakeBackend();
    const analytics = forwarder(backend, { maxBatch: 3 });
    capture(analytics, '/catalog');
    capture(analytics, '/docs');
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.fetch).not.toHaveBeenCalled();

    capture(analytics, '/create');
    await jest.advanceTimersByTimeAsync(0);
    const [request] = backend.requests();
    expect(request.url).toBe(endpoint);
    expect(request.keepalive).toBe(false);
    expect(subjects(request.events)).toEqual(['/catalog', '/docs', '/create']);
    expect(request.events[0]).toEqual({
      id: expect.stringMatching(UUID),
      action: 'navigate',
      subject: '/catalog',
      at: '2026-11-30T09:00:00.000Z',
      pluginId: 'catalog',
      extensionId: 'page:catalog',
      routeRef: 'catalog:index',
    });
    expect(new Set(request.events.map(e => e.id)).size).toBe(3);
  });

  it('sends what is queued once the interval has passed', async () => {
    const backend = fakeBackend();
    const analytics = forwarder(backend, { flushIntervalMs: 5000 });
    capture(analytics, '/catalog');
    await jest.advanceTimersByTimeAsync(4999);
    expect(backend.fetch).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(subjects(backend.requests()[0].events)).toEqual(['/catalog']);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(backend.fetch).toHaveBeenCalledTimes(1);
  });

  it('sends everything queued when the page is hidden, in requests that outlive it', async () => {
    const backend = fakeBackend();
    const analytics = forwarder(backend, { maxBatch: 2 });
    await jest.advanceTimersByTimeAsync(0);
    analytics.captureEvent({
      action: 'click',
      subject: 'Golden Path',
      // The legacy frontend system names the extension `extension`.
      context: { pluginId: 'app', extension: 'Sidebar', routeRef: 'unknown' },
    });
    hidePage();
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.requests()).toEqual([
      expect.objectContaining({
        keepalive: true,
        events: [expect.objectContaining({ extensionId: 'Sidebar' })],
      }),
    ]);

    capture(analytics, '/catalog');
    window.dispatchEvent(new Event('pagehide'));
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.requests()[1]).toMatchObject({ keepalive: true });
    expect(subjects(backend.requests()[1].events)).toEqual(['/catalog']);
    // Nothing is left to send later.
    await jest.advanceTimersByTimeAsync(60_000);
    expect(backend.fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps a failed batch and resends the same events later, waiting twice as long each time', async () => {
    const backend = fakeBackend(503, 'offline');
    const analytics = forwarder(backend, { flushIntervalMs: 1000 });
    capture(analytics, '/catalog');
    await jest.advanceTimersByTimeAsync(1000);
    expect(backend.fetch).toHaveBeenCalledTimes(1);

    // Waiting for the backoff, not the interval, and queueing meanwhile.
    capture(analytics, '/docs');
    await jest.advanceTimersByTimeAsync(1999);
    expect(backend.fetch).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.fetch).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(3999);
    expect(backend.fetch).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.fetch).toHaveBeenCalledTimes(3);

    const [first, second, third] = backend.requests();
    expect(subjects(first.events)).toEqual(['/catalog']);
    expect(subjects(third.events)).toEqual(['/catalog', '/docs']);
    expect(second.events).toEqual(third.events);
    expect(third.events[0]).toEqual(first.events[0]);

    // Stored: the backoff is over, and nothing is sent twice.
    capture(analytics, '/create');
    await jest.advanceTimersByTimeAsync(1000);
    expect(backend.fetch).toHaveBeenCalledTimes(4);
    expect(subjects(backend.requests()[3].events)).toEqual(['/create']);
  });

  it('waits at most five minutes between retries', async () => {
    const backend = fakeBackend(...new Array(12).fill(503));
    const analytics = forwarder(backend);
    capture(analytics, '/catalog');
    // At 10 s, then 20, 40, 80 and 160 s apart; then 5 min, not 320 s.
    await jest.advanceTimersByTimeAsync(310_000);
    expect(backend.fetch).toHaveBeenCalledTimes(5);
    await jest.advanceTimersByTimeAsync(299_999);
    expect(backend.fetch).toHaveBeenCalledTimes(5);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.fetch).toHaveBeenCalledTimes(6);
  });

  it('keeps the newest events when the backend is away for long', async () => {
    const backend = fakeBackend('offline');
    const analytics = forwarder(backend, { maxBatch: 10, maxQueue: 3 });
    capture(analytics, '/1');
    await jest.advanceTimersByTimeAsync(10_000);
    for (const page of ['/2', '/3', '/4', '/5']) {
      capture(analytics, page);
    }
    await jest.advanceTimersByTimeAsync(20_000);
    expect(subjects(backend.requests()[1].events)).toEqual(['/3', '/4', '/5']);
  });

  it('drops a batch the backend refuses as invalid rather than block the queue', async () => {
    const backend = fakeBackend(400);
    const analytics = forwarder(backend);
    capture(analytics, '/catalog');
    await jest.advanceTimersByTimeAsync(10_000);
    capture(analytics, '/docs');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(backend.requests().map(r => subjects(r.events))).toEqual([
      ['/catalog'],
      ['/docs'],
    ]);
  });

  it('sends the installed plugins once per session, again only if that request failed', async () => {
    const backend = fakeBackend(503);
    const analytics = forwarder(backend, {
      installedPlugins: ['catalog', 'golden-path'],
    });
    capture(analytics, '/catalog');
    await jest.advanceTimersByTimeAsync(10_000 + 20_000);
    capture(analytics, '/docs');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(backend.requests().map(r => r.installedPlugins)).toEqual([
      ['catalog', 'golden-path'],
      ['catalog', 'golden-path'],
      undefined,
    ]);
  });

  it('reads the installed plugins once the app can tell them', async () => {
    const backend = fakeBackend();
    let started = false;
    const analytics = forwarder(backend, {
      maxBatch: 1,
      installedPlugins: () => {
        if (!started) throw new Error('The app tree is not ready');
        return ['catalog'];
      },
    });
    capture(analytics, '/');
    await jest.advanceTimersByTimeAsync(0);
    started = true;
    capture(analytics, '/catalog');
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.requests().map(r => r.installedPlugins)).toEqual([
      undefined,
      ['catalog'],
    ]);
  });

  it('leaves out its own requests and the app’s internal events', async () => {
    const backend = fakeBackend();
    const analytics = forwarder(backend, { maxBatch: 1 });
    await jest.advanceTimersByTimeAsync(0);
    capture(analytics, endpoint);
    analytics.captureEvent({
      action: '_ROUTABLE-EXTENSION-RENDERED',
      subject: '',
      context: { pluginId: 'catalog', extension: 'CatalogIndexPage' },
    });
    capture(analytics, '/catalog');
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.requests().map(r => subjects(r.events))).toEqual([
      ['/catalog'],
    ]);
  });

  it('never throws into the app', async () => {
    const analytics = GoldenPathAnalytics.create({
      discoveryApi: {
        getBaseUrl: async () => {
          throw new Error('No golden-path backend');
        },
      },
      fetchApi: {
        fetch: () => {
          throw new Error('Not reached');
        },
      },
    });
    expect(() => {
      capture(analytics, '/catalog');
      analytics.captureEvent(undefined as any);
    }).not.toThrow();
    await expect(
      jest.advanceTimersByTimeAsync(10_000),
    ).resolves.toBeUndefined();
  });

  it('makes ids without randomUUID, which insecure contexts lack', async () => {
    Object.defineProperty(crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const backend = fakeBackend();
      capture(forwarder(backend, { maxBatch: 1 }), '/catalog');
      await jest.advanceTimersByTimeAsync(0);
      expect(backend.requests()[0].events[0].id).toMatch(UUID);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});
