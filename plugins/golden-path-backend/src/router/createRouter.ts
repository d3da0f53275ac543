import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityProvenanceResponse } from '@golden-path/plugin-golden-path-common';
import express from 'express';
import Router from 'express-promise-router';
import { ProvenanceStore } from '../database/ProvenanceStore';
import { RECORDED_KINDS } from '../scheduler/RecordProvenanceTask';
import { parseEntityRouteParams } from './parseEntityRouteParams';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ProvenanceStore;
}): Promise<express.Router> {
  const { httpAuth, catalog, store } = options;
  const router = Router();
  router.use(express.json());

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ref = parseEntityRouteParams(req.params);
    const entityRef = stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    // Asking the catalog as the caller keeps the catalog's own permissions in
    // force: what a caller may not see there does not exist here either.
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    let body: EntityProvenanceResponse;
    if (!RECORDED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'))) {
      body = {
        entityRef,
        status: 'not-eligible',
        provenance: null,
        evaluatedAt: null,
      };
    } else {
      const record = await store.get(entityRef);
      body = record
        ? {
            entityRef,
            status: 'recorded',
            provenance: record.provenance,
            evaluatedAt: record.evaluatedAt.toISOString(),
          }
        : { entityRef, status: 'pending', provenance: null, evaluatedAt: null };
    }
    res.json(body);
  });

  return router;
}
