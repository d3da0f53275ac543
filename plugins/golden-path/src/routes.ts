import { createRouteRef } from '@backstage/core-plugin-api';

/** The Golden Path page, with its tabs below it. */
export const rootRouteRef = createRouteRef({ id: 'golden-path' });
