import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/test-utils';
import plugin, {
  goldenPathEntityCard,
  goldenPathEntityContent,
  goldenPathGroupCard,
  goldenPathGroupContent,
  goldenPathPage,
  goldenPathSurveyPrompt,
  goldenPathTemplateCard,
  goldenPathTemplateContent,
} from './alpha';
import { goldenPathApiRef } from './api';
import { rootRouteRef } from './routes';
import { trend } from './__testUtils__/surveys';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'search-indexer', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/search',
    lifecycle: 'production',
  },
};

describe('golden-path new frontend system plugin', () => {
  it('is the golden-path plugin', () => {
    expect(plugin.id).toBe('golden-path');
  });

  it('adds a Golden Path tab to components and groups only', () => {
    const group = { ...entity, kind: 'Group' };
    const component = createExtensionTester(goldenPathEntityContent);
    expect(component.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Golden Path',
    );
    const componentFilter = component.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(componentFilter?.(entity)).toBe(true);
    expect(componentFilter?.(group)).toBe(false);
    const groupFilter = createExtensionTester(goldenPathGroupContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(groupFilter?.(group)).toBe(true);
    expect(groupFilter?.(entity)).toBe(false);
    const groupCardFilter = createExtensionTester(goldenPathGroupCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(groupCardFilter?.(group)).toBe(true);
    expect(groupCardFilter?.(entity)).toBe(false);
  });

  it('places the card on components only', () => {
    const tester = createExtensionTester(goldenPathEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(entity)).toBe(true);
    expect(filter?.({ ...entity, kind: 'System' })).toBe(false);
  });

  it('adds the Runs tab and card to templates only', () => {
    const template = { ...entity, kind: 'Template' };
    const tab = createExtensionTester(goldenPathTemplateContent);
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('Runs');
    expect(tab.get(coreExtensionData.routePath)).toBe('/runs');
    const tabFilter = tab.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tabFilter?.(template)).toBe(true);
    expect(tabFilter?.(entity)).toBe(false);
    const cardFilter = createExtensionTester(goldenPathTemplateCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(cardFilter?.(template)).toBe(true);
    expect(cardFilter?.(entity)).toBe(false);
  });

  it('renders the card from the extension', async () => {
    const tester = createExtensionTester(goldenPathEntityCard);
    await renderInTestApp(
      <EntityProvider entity={entity}>{tester.reactElement()}</EntityProvider>,
      {
        apis: [
          [
            goldenPathApiRef,
            {
              getEntityResults: async () => ({
                entityRef: 'component:default/search-indexer',
                status: 'recorded' as const,
                eligible: true,
                path: null,
                suggestedPaths: [],
                provenance: null,
                drift: null,
                score: null,
                coverage: null,
                level: null,
                levels: ['bronze', 'silver', 'gold'],
                checks: [],
                unavailableSources: [],
                evaluatedAt: '2026-11-24T08:00:00.000Z',
              }),
            },
          ],
        ],
      },
    );
    expect(
      await screen.findByText('No golden path applies'),
    ).toBeInTheDocument();
  });

  it('adds the Golden Path page with a Surveys and a Support tickets tab', () => {
    const page = createExtensionTester(goldenPathPage);
    expect(page.get(coreExtensionData.routePath)).toBe('/golden-path');
    expect(page.get(coreExtensionData.title)).toBe('Golden Path');
    expect(page.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
    expect(page.get(coreExtensionData.icon)).toBeDefined();
    // Sub-pages attach to the page of their plugin, so read them from it.
    const surveys = createExtensionTester(
      plugin.getExtension('sub-page:golden-path/surveys'),
    );
    const tickets = createExtensionTester(
      plugin.getExtension('sub-page:golden-path/tickets'),
    );
    const tabs = [surveys, tickets].map(tab => [
      tab.get(coreExtensionData.routePath),
      tab.get(coreExtensionData.title),
    ]);
    expect(tabs).toEqual([
      ['surveys', 'Surveys'],
      ['tickets', 'Support tickets'],
    ]);
  });

  it('opens the page on its first tab', async () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:golden-path'),
    )
      .add(plugin.getExtension('sub-page:golden-path/surveys'))
      .add(plugin.getExtension('sub-page:golden-path/tickets'));
    await renderInTestApp(tester.reactElement(), {
      apis: [
        [
          goldenPathApiRef,
          {
            getSurveyCampaigns: async () => ({ items: [] }),
            getSurveyTrend: async () => trend,
          },
        ],
        [permissionApiRef, mockApis.permission()],
      ],
    });
    expect(
      await screen.findByRole('table', { name: 'NPS by quarter' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Support tickets')).toBeInTheDocument();
  });

  it('puts the survey prompt at the root of the app', async () => {
    const tester = createExtensionTester(goldenPathSurveyPrompt);
    await renderInTestApp(tester.reactElement(), {
      apis: [
        [
          goldenPathApiRef,
          {
            getSurveyPrompt: async () => ({
              prompt: {
                kind: 'template-rating' as const,
                run: {
                  taskId: 'task-1',
                  templateRef: 'template:default/node-service',
                  pathId: 'node-service',
                  pathTitle: 'Node.js service',
                },
              },
            }),
          },
        ],
      ],
    });
    expect(
      await screen.findByRole('region', {
        name: 'How was the Node.js service golden path?',
      }),
    ).toBeInTheDocument();
  });
});
