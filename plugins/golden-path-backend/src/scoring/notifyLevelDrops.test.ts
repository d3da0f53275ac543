import { levelDropNotifier } from './notifyLevelDrops';

describe('levelDropNotifier', () => {
  it('notifies the entity’s owners of each drop, linking its page', async () => {
    const send = jest.fn().mockResolvedValue(undefined);
    await levelDropNotifier({ send })([
      {
        entityRef: 'component:default/payments-api',
        from: 'gold',
        to: 'silver',
      },
      { entityRef: 'component:default/ledger', from: 'bronze', to: null },
    ]);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenNthCalledWith(1, {
      recipients: {
        type: 'entity',
        entityRef: 'component:default/payments-api',
      },
      payload: expect.objectContaining({
        title: 'payments-api dropped from gold to silver',
        link: '/catalog/default/component/payments-api',
        topic: 'golden-path',
        scope: 'golden-path:level:component:default/payments-api',
      }),
    });
    expect(send.mock.calls[1][0].payload.title).toBe(
      'ledger dropped from bronze to no level',
    );
  });
});
