import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';

/** The router validated against the API's OpenAPI document. */
export type ApiRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;
