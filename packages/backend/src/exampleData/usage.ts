import { ExampleUser } from './org';
import { Random } from './random';

const DAY = 86_400_000;
const DAYS = 35;

const PAGES: Array<{ pluginId: string; extensionId: string; subject: string }> =
  [
    { pluginId: 'catalog', extensionId: 'page:catalog', subject: '/catalog' },
    {
      pluginId: 'catalog',
      extensionId: 'page:catalog/entity',
      subject: '/catalog/default/component/payments-api',
    },
    {
      pluginId: 'scaffolder',
      extensionId: 'page:scaffolder',
      subject: '/create',
    },
    {
      pluginId: 'golden-path',
      extensionId: 'page:golden-path',
      subject: '/golden-path',
    },
    { pluginId: 'search', extensionId: 'page:search', subject: '/search' },
    {
      pluginId: 'api-docs',
      extensionId: 'page:api-docs',
      subject: '/api-docs',
    },
  ];

/**
 * Five weeks of portal use, as another analytics tool would have recorded
 * it: most people most working days; the search team stopped coming two
 * weeks ago, which the active-teams metric should notice.
 */
export function exampleUsage(users: ExampleUser[], random: Random, now: Date) {
  const events = [];
  for (const user of users.filter(u => u.name !== 'guest')) {
    for (let day = DAYS; day >= 1; day--) {
      const at = now.getTime() - day * DAY;
      const weekday = new Date(at).getUTCDay();
      const away = user.team.endsWith('/search') && day <= 14;
      if (weekday === 0 || weekday === 6 || away || !random.chance(0.6)) {
        continue;
      }
      const visits = 1 + Math.floor(random.next() * 5);
      for (let v = 0; v < visits; v++) {
        const page = random.pick(PAGES);
        events.push({
          id: `${user.name}-${day}-${v}`,
          userRef: `user:default/${user.name}`,
          action: 'navigate',
          subject: page.subject,
          at: new Date(at + v * 600_000).toISOString(),
          pluginId: page.pluginId,
          extensionId: page.extensionId,
        });
      }
    }
  }
  return events;
}
