// Regenerates the README's screenshots from a running example app
// (`./gp start` in another terminal): `./gp yarn node scripts/screenshots.mjs`.
import { chromium } from '@playwright/test';

const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
const browser = await chromium.launch({
  executablePath: process.env.GP_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`${baseURL}/`);
await page.getByRole('button', { name: 'Enter' }).click();
await page.getByRole('heading', { name: /Catalog/ }).waitFor();
for (const name of ['payments-api', 'legacy-billing']) {
  await page.goto(`${baseURL}/catalog/default/component/${name}`);
  await page.getByText(/^Evaluated /).waitFor({ timeout: 120_000 });
  await page.screenshot({
    path: `docs/entity-card-${name}.png`,
    fullPage: true,
  });
  console.log(`docs/entity-card-${name}.png`);
}
await browser.close();
