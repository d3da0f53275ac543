import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { execFileSync } from 'node:child_process';

// Journeys through the example app with its sample data, as the people the
// suite serves take them. They run in order: the developer answers the
// survey prompt before a platform engineer opens a new campaign.
test.describe.configure({ mode: 'serial' });

const BACKEND = 'http://localhost:7007';

/** The signed-in guest's Backstage token, as a script would use it. */
async function guestToken(page: Page): Promise<string> {
  const response = await page.request.get(`${BACKEND}/api/auth/guest/refresh`);
  return (await response.json()).backstageIdentity.token;
}

/** What a user types in a shell: curl with the token. */
function curl(token: string, method: string, path: string, body?: unknown) {
  return JSON.parse(
    execFileSync(
      'curl',
      [
        '-sS',
        '--fail-with-body',
        '-X',
        method,
        '-H',
        `Authorization: Bearer ${token}`,
        '-H',
        'Content-Type: application/json',
        ...(body ? ['-d', JSON.stringify(body)] : []),
        `${BACKEND}${path}`,
      ],
      { encoding: 'utf8' },
    ),
  );
}

const quarter = (at: Date) =>
  `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;

test.beforeEach(async ({ page }) => signInAsGuest(page));

test('a platform engineer opens the dashboard and sees the platform against its targets', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Golden Path' }).first().click();
  await expect(page).toHaveURL(/\/golden-path\/dashboard/);
  // The example data goes in through the API once the backend is up: wait
  // until its tickets are counted.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('definition').filter({ hasText: /\d+ tickets opened/ }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  // Each metric is a term (its name) and a definition (value, target, status).
  const tile = (name: string) =>
    page.getByRole('term').filter({ hasText: name }).first();
  for (const title of [
    'Golden-path adoption',
    'Developer NPS',
    'Support ticket volume',
    'Deployment frequency',
    'Lead time for changes',
    'Self-service rate',
  ]) {
    await expect(tile(title)).toBeVisible();
  }
  await expect(
    page.getByRole('definition').filter({ hasText: 'target > +40' }),
  ).toContainText(/[+-]?\d+\s*(Met|Missed|At risk)/);
  // No template has run in the sample data: onboarding time has no data,
  // which must not read as zero.
  await expect(
    page.getByRole('definition').filter({ hasText: 'target < 30 min' }),
  ).toContainText('No data');
  // Request tickets and no template runs: the gatekeeper anti-pattern.
  const antiPatterns = page.getByRole('list', { name: 'Anti-patterns' });
  await expect(
    antiPatterns.getByRole('heading', { name: 'Platform team as gatekeeper' }),
  ).toBeVisible();
  await expect(
    page.getByText('Template funnel', { exact: true }),
  ).toBeVisible();
  // The filters live in the URL: a team chosen there narrows the page.
  await page.goto('/golden-path/dashboard?team=group:default/payments');
  await expect(page.getByRole('textbox', { name: 'Team' })).toHaveValue(
    /payments/i,
  );
});

test('a developer answers the survey prompt, and the NPS moves', async ({
  page,
}) => {
  const title = `${quarter(new Date())} developer survey`;
  await page.goto('/golden-path/surveys');
  await page.getByRole('link', { name: title }).click();
  const responses = page.getByText(/^\d+ responses?$/).first();
  await expect(responses).toBeVisible();
  const count = async (term: string) =>
    Number(
      (await page
        .getByRole('term')
        .filter({ hasText: term })
        .locator('xpath=../following-sibling::dd[1]')
        .textContent())!.split(' ')[0],
    );
  const before = Number((await responses.textContent())!.split(' ')[0]);
  const promotersBefore = await count('Promoters');

  const prompt = page.getByRole('region', { name: title });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: '10', exact: true }).click();
  await prompt.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('region', { name: 'Thank you!' })).toBeVisible();

  await page.reload();
  await expect(page.getByText(`${before + 1} responses`)).toBeVisible();
  expect(await count('Promoters')).toBe(promotersBefore + 1);
  // The score shown is the one the counts make: % promoters − % detractors.
  const detractors = await count('Detractors');
  const score = Math.round(
    ((promotersBefore + 1 - detractors) / (before + 1)) * 100,
  );
  await expect(page.getByLabel('NPS', { exact: true })).toHaveText(
    score > 0 ? `+${score}` : String(score),
  );
  // Answered: the prompt does not ask again, on this or another page.
  await page.goto('/catalog');
  await expect(page.getByRole('region', { name: title })).toHaveCount(0);
});

test('a platform engineer creates a survey campaign', async ({ page }) => {
  await page.goto('/golden-path/surveys');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('Platform pulse (e2e)');
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await expect(dialog).toHaveCount(0);
  // The new campaign's page: open, and waiting for answers.
  await expect(
    page.getByRole('heading', { name: 'Platform pulse (e2e)' }),
  ).toBeVisible();
  await expect(page.getByText('No responses yet')).toBeVisible();
  await page.getByRole('link', { name: 'All campaigns' }).click();
  await expect(
    page.getByRole('link', { name: 'Platform pulse (e2e)' }),
  ).toBeVisible();
});

test('a ticket posted with curl shows up in the support figures', async ({
  page,
}) => {
  const token = await guestToken(page);
  const at = new Date(Date.now() - 60 * 60_000).toISOString();
  const stored = curl(token, 'POST', '/api/golden-path/tickets', {
    source: 'e2e',
    tickets: [
      {
        id: 'E2E-1',
        title: 'Cannot reach the artifact registry',
        type: 'incident',
        category: 'Artifact registry (e2e)',
        status: 'open',
        requester: 'grace@example.com',
        createdAt: at,
        updatedAt: at,
      },
    ],
  });
  expect(stored).toMatchObject({ inserted: 1 });
  await page.goto('/golden-path/tickets');
  await expect(page.getByText('Artifact registry (e2e)')).toBeVisible();
});

test("a template's run shows on the template's Runs tab", async ({ page }) => {
  const token = await guestToken(page);
  const task = curl(token, 'POST', '/api/scaffolder/v2/tasks', {
    templateRef: 'template:default/node-service',
    values: {
      name: 'e2e-service',
      description: 'Made by the end-to-end test',
      owner: 'group:default/payments',
      system: 'system:default/payments',
    },
  });
  await expect(async () => {
    await page.goto('/catalog/default/template/node-service/runs');
    // Each run's start time links to the scaffolder's page for its task.
    await expect(
      page.locator(`a[href="/create/tasks/${task.id}"]`),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000, intervals: [5_000] });
});
