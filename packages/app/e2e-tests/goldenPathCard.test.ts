import { expect, Page, test } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('heading', { name: 'Example Corp Catalog' }),
  ).toBeVisible();
}

// The catalog pass runs every minute in the example app; until it has seen an
// entity the card says so. Reload until it has.
async function openRecordedComponent(page: Page, name: string) {
  await expect(async () => {
    await page.goto(`/catalog/default/component/${name}`);
    await expect(page.getByText('Golden Path', { exact: true })).toBeVisible();
    await expect(page.getByText('Not evaluated yet')).toHaveCount(0, {
      timeout: 2_000,
    });
    await expect(page.getByText(/^Evaluated /)).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
}

test.describe('golden-path entity card', () => {
  test.beforeEach(async ({ page }) => signInAsGuest(page));

  test('shows the golden path of a component created from the template', async ({
    page,
  }) => {
    await openRecordedComponent(page, 'payments-api');

    await expect(page.getByText(/On golden path/)).toBeVisible();
    // The link shows the template's title and leads to its catalog page.
    const template = page.locator(
      'a[href="/catalog/default/template/node-service"]',
    );
    await expect(template).toHaveText(
      /Node\.js service \(golden path\)|node-service/,
    );
    await expect(page.getByText(/Template version: 1\.2\.0/)).toBeVisible();
  });

  test('says a hand-made component is not on a golden path', async ({
    page,
  }) => {
    await openRecordedComponent(page, 'legacy-billing');

    await expect(page.getByText('Not on a golden path')).toBeVisible();
    await expect(page.getByText(/On golden path/)).toHaveCount(0);
  });
});
