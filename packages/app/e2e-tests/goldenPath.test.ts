import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

// Entity page tabs are links in the content navigation.
function openTab(page: Page, title: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: title })
    .click();
}

// The scoring run repeats every minute in the example app; until it has
// seen an entity the card says so. Reload until it has.
async function openRecordedComponent(page: Page, name: string) {
  await expect(async () => {
    await page.goto(`/catalog/default/component/${name}`);
    await expect(
      page.getByRole('main').getByText('Golden Path', { exact: true }),
    ).toBeVisible();
    await expect(page.getByText('Not evaluated yet')).toHaveCount(0, {
      timeout: 2_000,
    });
    await expect(page.getByText(/^Evaluated /)).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
}

test.describe('golden-path scorecards', () => {
  test.beforeEach(async ({ page }) => signInAsGuest(page));

  test('a service page shows its score, level, path and template', async ({
    page,
  }) => {
    await openRecordedComponent(page, 'payments-api');

    await expect(page.getByLabel(/^Score \d+ out of 100$/)).toBeVisible();
    await expect(page.getByText(/^Level: /)).toBeVisible();
    // The path's title links to its docs.
    await expect(
      page.locator(
        'a[href="https://backstage.io/docs/features/software-templates/"]',
      ),
    ).toHaveText(/^Node\.js service/);
    // The template link shows its title and leads to its catalog page.
    await expect(
      page.locator('a[href="/catalog/default/template/node-service"]'),
    ).toHaveText(/Node\.js service \(golden path\)|node-service/);
    await expect(page.getByText(/v1\.2\.0 · according to/)).toBeVisible();
  });

  test('a failing check expands to its remediation, whose link leads to the fix', async ({
    page,
    context,
  }) => {
    // The docs site is outside the test machine's reach: answer for it.
    await context.route('https://backstage.io/docs/**', route =>
      route.fulfill({
        contentType: 'text/html',
        body: '<h1>Creating and publishing documentation</h1>',
      }),
    );
    await openRecordedComponent(page, 'checkout-web');

    const check = page.getByRole('button', { name: /Failing\s*Has TechDocs/ });
    await expect(check).toHaveAttribute('aria-expanded', 'false');
    await check.click();
    await expect(check).toHaveAttribute('aria-expanded', 'true');
    await expect(
      page.getByText('Add the backstage.io/techdocs-ref annotation.'),
    ).toBeVisible();
    await expect(page.getByText('facts.catalog.hasDocs')).toBeVisible();

    const link = page.getByRole('link', { name: /^How to fix “Has TechDocs”/ });
    const [docs] = await Promise.all([
      context.waitForEvent('page'),
      link.click(),
    ]);
    await expect(
      docs.getByRole('heading', {
        name: 'Creating and publishing documentation',
      }),
    ).toBeVisible();
    expect(docs.url()).toBe(
      'https://backstage.io/docs/features/techdocs/creating-and-publishing',
    );
  });

  test('the Golden Path tab groups the checks by level and shows provenance', async ({
    page,
  }) => {
    await openRecordedComponent(page, 'checkout-web');
    await openTab(page, 'Golden Path');

    await expect(
      page.getByRole('region', { name: 'bronze checks' }),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'silver checks' }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Score from \d{4}-\d\d-\d\d to / }),
    ).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Provenance sources' }),
    ).toContainText('template:default/static-site');
  });

  test('a hand-made service is pointed to the templates that would put it on a path', async ({
    page,
  }) => {
    await openRecordedComponent(page, 'legacy-billing');
    await expect(page.getByText('Not on a golden path')).toBeVisible();
  });

  test('a group page rolls its sub-groups up', async ({ page }) => {
    await expect(async () => {
      await page.goto('/catalog/default/group/payments');
      await expect(
        page.getByText(/\d+ of \d+ eligible components on a golden path/),
      ).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 150_000, intervals: [5_000] });
    await expect(page.getByText(/over \d+ groups/)).toBeVisible();

    await openTab(page, 'Golden Path');
    const table = page.getByRole('table').first();
    await expect(table).toContainText('payments-api');
    await expect(table).toContainText('checkout-web');
  });
});
