import { mockServices } from '@backstage/backend-test-utils';
import { FactProvider } from '@golden-path/plugin-golden-path-node';
import { component } from '../__testUtils__/entities';
import { collectFacts } from './collectFacts';

const entities = [component('a'), component('b')];

describe('collectFacts', () => {
  it('merges the facts of every provider per entity', async () => {
    const github: FactProvider = {
      id: 'github',
      getFacts: async () =>
        new Map([['Component:default/a', { hasCodeowners: true }]]),
    };
    const sonar: FactProvider = {
      id: 'sonar',
      getFacts: async () =>
        new Map([
          ['component:default/a', { coverage: 80 }],
          ['component:default/b', { coverage: 12 }],
        ]),
    };
    const { facts, failed } = await collectFacts(
      [github, sonar],
      entities,
      mockServices.logger.mock(),
    );
    expect(failed).toEqual([]);
    expect(facts.get('component:default/a')).toEqual({
      github: { hasCodeowners: true },
      sonar: { coverage: 80 },
    });
    expect(facts.get('component:default/b')).toEqual({
      sonar: { coverage: 12 },
    });
  });

  it('isolates a provider that throws or times out, and aborts the one that timed out', async () => {
    let signal: AbortSignal | undefined;
    const slow: FactProvider = {
      id: 'slow',
      timeoutMs: 20,
      getFacts: (_entities, options) => {
        signal = options.signal;
        return new Promise(() => {});
      },
    };
    const broken: FactProvider = {
      id: 'broken',
      getFacts: async () => {
        throw new Error('boom');
      },
    };
    const fine: FactProvider = {
      id: 'fine',
      getFacts: async () => new Map([['component:default/a', { ok: true }]]),
    };
    const logger = mockServices.logger.mock();

    const { facts, failed } = await collectFacts(
      [slow, broken, fine],
      entities,
      logger,
    );

    expect(failed.sort()).toEqual(['broken', 'slow']);
    expect(facts.get('component:default/a')).toEqual({ fine: { ok: true } });
    expect(signal?.aborted).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'slow failed for a page of 2 entities: Error: timed out after 20 ms',
      ),
    );
  });
});
