import { expect, Page } from '@playwright/test';

/** Signs in with the example app's guest provider and waits for the catalog. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('heading', { name: 'Example Corp Catalog' }),
  ).toBeVisible();
}
