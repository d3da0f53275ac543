import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { templateDrift } from '@golden-path/plugin-golden-path-common';
import { ResultsStore } from '../database/ResultsStore';
import { PublishedVersion } from './TemplateVersionWatcher';

// Entities read per published template; a template with more is rare and
// its owners still hear of the first this many.
const ENTITY_LIMIT = 10_000;

/**
 * Tells the owners of entities created from a template that it published a
 * version newer than theirs: one notification per owner and version, which
 * a repeated sighting updates rather than repeats.
 */
export function publishedVersionNotifier(deps: {
  notifications: NotificationService;
  results: ResultsStore;
}) {
  return async (published: PublishedVersion[]) => {
    for (const { templateRef, version } of published) {
      const entities = await deps.results.listByTemplate(
        templateRef,
        ENTITY_LIMIT,
      );
      const behindByOwner = new Map<string, string[]>();
      for (const entity of entities) {
        const drift = templateDrift(
          entity.provenance?.templateVersion,
          version,
        );
        if (entity.ownerRef && drift.status === 'behind') {
          behindByOwner.set(entity.ownerRef, [
            ...(behindByOwner.get(entity.ownerRef) ?? []),
            entity.entityRef,
          ]);
        }
      }
      const template = parseEntityRef(templateRef);
      for (const [ownerRef, refs] of behindByOwner) {
        const names = refs.map(ref => parseEntityRef(ref).name);
        await deps.notifications.send({
          recipients: { type: 'entity', entityRef: ownerRef },
          payload: {
            title: `${template.name} ${version} is out: ${
              refs.length
            } of your entities ${refs.length === 1 ? 'is' : 'are'} behind`,
            description: `${names.slice(0, 5).join(', ')}${
              names.length > 5 ? ` and ${names.length - 5} more` : ''
            } came from an older version of ${
              template.name
            }. Its runs page lists them and how far behind each is.`,
            link: `/catalog/${template.namespace}/template/${template.name}/runs`,
            severity: 'normal',
            topic: 'golden-path',
            scope: `golden-path:template-version:${templateRef}:${version}:${ownerRef}`,
          },
        });
      }
    }
  };
}
