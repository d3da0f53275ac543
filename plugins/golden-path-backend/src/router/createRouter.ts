import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { GoldenPathSettings } from '../config/readGoldenPathConfig';
import { ResultsStore } from '../database/ResultsStore';
import { EVALUATED_KINDS } from '../scheduler/ScoringTask';
import {
  emptyEntityResultsResponse,
  toEntityResultsResponse,
  toPathsResponse,
} from '../service/responses';
import { parseEntityRouteParams } from './parseEntityRouteParams';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ResultsStore;
  settings: GoldenPathSettings;
}): Promise<express.Router> {
  const { httpAuth, catalog, store, settings } = options;
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
    if (!EVALUATED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'))) {
      res.json(emptyEntityResultsResponse(entityRef, 'not-eligible'));
      return;
    }
    const record = await store.get(entityRef);
    res.json(
      record
        ? toEntityResultsResponse(record, settings)
        : emptyEntityResultsResponse(entityRef, 'pending'),
    );
  });

  router.get('/paths', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(toPathsResponse(await store.latestSnapshots(), settings));
  });

  return router;
}
