import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { GoldenPathApi, goldenPathApiRef } from '../api';
import { groups } from './surveys';

/**
 * Renders in the test app over a fake Golden Path API, a catalog holding
 * the test groups, and the given permissions granted (none by default).
 */
export function renderWithApis(
  element: ReactElement,
  options: {
    api: Partial<GoldenPathApi>;
    allowed?: Permission[];
    routeEntries?: string[];
  },
) {
  const allowed = new Set((options.allowed ?? []).map(p => p.name));
  return renderInTestApp(
    // A fresh cache per render, so that no permission decision carries over
    // from an earlier test.
    <SWRConfig value={{ provider: () => new Map() }}>
      <TestApiProvider
        apis={[
          [goldenPathApiRef, options.api],
          [catalogApiRef, catalogApiMock({ entities: groups })],
          [
            permissionApiRef,
            mockApis.permission({
              authorize: request =>
                allowed.has(request.permission.name)
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            }),
          ],
        ]}
      >
        {element}
      </TestApiProvider>
    </SWRConfig>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
