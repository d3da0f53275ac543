import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scaffolderServiceRef } from '@backstage/plugin-scaffolder-node';
import { entityRefKey } from '@golden-path/plugin-golden-path-common';
import { Knex } from 'knex';
import { goldenPathPlugin } from '../plugin';
import { FakeScaffolder } from './FakeScaffolder';
import { sampleSettings } from './settings';

/** Whether a caller holds a permission; every permission when omitted. */
export type PermissionRule = (
  permission: string,
  credentials: BackstageCredentials,
) => boolean;

/**
 * The golden-path plugin in a test backend: a catalog of the given
 * entities (users' ownership refs are their groups, as the catalog's
 * resolver gives them), the sample golden paths unless config says
 * otherwise, permissions by rule, a fake scaffolder, a scheduler whose
 * tasks the test runs, an auditor whose events the test reads, and SQLite
 * unless a database is given.
 */
export async function startGoldenPathBackend(
  options: {
    entities?: Entity[];
    config?: Record<string, unknown>;
    allow?: PermissionRule;
    scaffolder?: FakeScaffolder;
    knex?: Knex;
  } = {},
) {
  const entities = options.entities ?? [];
  const scheduler = mockServices.scheduler.mock();
  const scaffolder = options.scaffolder ?? new FakeScaffolder();
  const allow = options.allow ?? (() => true);
  const auditor = mockServices.auditor.mock();
  const audits = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(audits);
  const { server } = await startTestBackend({
    features: [
      goldenPathPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          goldenPath: { paths: sampleSettings.paths, ...options.config },
        } as any,
      }),
      mockServices.permissions.mock({
        authorize: async (requests, { credentials }) =>
          requests.map(({ permission }) => ({
            result: allow(permission.name, credentials)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          })) as any,
      }).factory,
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const userEntityRef = (credentials.principal as any)
            .userEntityRef as string;
          const userEntity = entities.find(
            e =>
              e.kind === 'User' &&
              entityRefKey(e) === userEntityRef.toLocaleLowerCase('en-US'),
          );
          const groups = ((userEntity?.spec?.memberOf as string[]) ?? []).map(
            g => entityRefKey(g, { defaultKind: 'group' }),
          );
          return {
            userEntityRef,
            ownershipEntityRefs: [userEntityRef, ...groups],
          };
        },
      }).factory,
      createServiceFactory({
        service: scaffolderServiceRef,
        deps: {},
        factory: () => scaffolder as any,
      }),
      scheduler.factory,
      auditor.factory,
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
  const runTask = async (id: string) => {
    const call = scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id);
    await call![0].fn(new AbortController().signal);
  };
  /** The ids of the audit events created, in order. */
  const auditedEvents = () =>
    auditor.createEvent.mock.calls.map(([event]) => event.eventId);
  return { server, scaffolder, runTask, auditedEvents, audits };
}

/** A User entity in groups, with the relations the catalog would add. */
export function user(name: string, groups: string[], email?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      memberOf: groups,
      ...(email ? { profile: { email } } : {}),
    },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

/** A Group entity with its parent and children as relations. */
export function group(
  name: string,
  options: { parent?: string; children?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      children: options.children ?? [],
      ...(options.parent ? { parent: options.parent } : {}),
    },
    relations: [
      ...(options.children ?? []).map(c => ({
        type: 'parentOf',
        targetRef: `group:default/${c}`,
      })),
      ...(options.parent
        ? [{ type: 'childOf', targetRef: `group:default/${options.parent}` }]
        : []),
    ],
  };
}
