import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { LevelDrop } from './levelDrops';

/**
 * Tells an entity's owners (Backstage notifications resolve a component's
 * owners) that it dropped a level. The scope makes a repeated drop of the
 * same entity update one notification rather than pile up.
 */
export function levelDropNotifier(notifications: NotificationService) {
  return async (drops: LevelDrop[]) => {
    for (const drop of drops) {
      const { kind, namespace, name } = parseEntityRef(drop.entityRef);
      await notifications.send({
        recipients: { type: 'entity', entityRef: drop.entityRef },
        payload: {
          title: `${name} dropped from ${drop.from} to ${
            drop.to ?? 'no level'
          }`,
          description: `A golden-path check that ${name} used to pass now fails or cannot be evaluated. The Golden Path card lists the failing checks and how to fix each.`,
          link: `/catalog/${namespace}/${kind}/${name}`,
          severity: 'normal',
          topic: 'golden-path',
          scope: `golden-path:level:${drop.entityRef}`,
        },
      });
    }
  };
}
