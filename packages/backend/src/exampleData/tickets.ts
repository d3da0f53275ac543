import {
  TicketInput,
  TicketType,
} from '@golden-path/plugin-golden-path-common';
import { ExampleUser } from './org';
import { Random } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEKS = 26;

const KINDS: Array<{
  type: TicketType;
  weight: number;
  categories: string[];
  titles: string[];
}> = [
  {
    type: 'request',
    weight: 45,
    categories: ['Access', 'Databases', 'Environments'],
    titles: [
      'Need a PostgreSQL database for staging',
      'Access to production logs',
      'New namespace for a service',
      'Add me to the on-call tooling',
    ],
  },
  {
    type: 'question',
    weight: 20,
    categories: ['Docs', 'Onboarding'],
    titles: [
      'How do I add a cron job to my service?',
      'Which template for a worker without HTTP?',
      'Where are the service dashboards?',
    ],
  },
  {
    type: 'incident',
    weight: 15,
    categories: ['CI/CD', 'Deploys'],
    titles: ['Deploys stuck in pending', 'CI runners out of disk'],
  },
  {
    type: 'bug',
    weight: 15,
    categories: ['CI/CD', 'Templates'],
    titles: [
      'Node template fails lint on a fresh project',
      'Python template pins an old base image',
    ],
  },
  {
    type: 'other',
    weight: 5,
    categories: ['Other'],
    titles: ['Feedback on the developer portal'],
  },
];

const LABELS = [
  'ci',
  'onboarding',
  'permissions',
  'database',
  'docs',
  'deploys',
];
const COMPONENTS = [
  'payments-api',
  'checkout-web',
  'search-indexer',
  'ledger-batch',
  'legacy-billing',
];

function kindOf(random: Random) {
  let roll = random.next() * 100;
  for (const kind of KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return KINDS[0];
}

/**
 * Half a year of platform support tickets, fewer each week as self-service
 * grows: most resolved within hours, some reopened, the newest still open.
 */
export function exampleTickets(
  users: ExampleUser[],
  random: Random,
  now: Date,
): TicketInput[] {
  const requesters = users.filter(
    u => u.email && !u.team.endsWith('/platform'),
  );
  const tickets: TicketInput[] = [];
  for (let week = WEEKS; week >= 1; week--) {
    const count = Math.round(12 + week * 0.6 + random.next() * 6);
    for (let i = 0; i < count; i++) {
      const created = now.getTime() - week * 7 * DAY + random.next() * 7 * DAY;
      const kind = kindOf(random);
      const requester = random.pick(requesters);
      const firstResponse = created + random.logNormal(0.7 * HOUR, 1.1);
      const resolved =
        firstResponse +
        random.logNormal(kind.type === 'request' ? 6 * HOUR : 3 * HOUR, 1);
      const isResolved = resolved < now.getTime() - HOUR;
      const responded = firstResponse < now.getTime();
      const reopened = isResolved && random.chance(0.06) ? 1 : 0;
      tickets.push({
        id: `PLAT-${1000 + tickets.length}`,
        title: random.pick(kind.titles),
        type: kind.type,
        category: random.pick(kind.categories),
        labels: random.chance(0.6) ? [random.pick(LABELS)] : [],
        components: random.chance(0.4) ? [random.pick(COMPONENTS)] : [],
        status: isResolved ? 'resolved' : 'in-progress',
        requester: requester.email,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(
          isResolved
            ? resolved
            : Math.max(created, Math.min(firstResponse, now.getTime())),
        ).toISOString(),
        ...(responded
          ? { firstResponseAt: new Date(firstResponse).toISOString() }
          : {}),
        ...(isResolved ? { resolvedAt: new Date(resolved).toISOString() } : {}),
        reopenCount: reopened,
      });
    }
  }
  return tickets;
}
