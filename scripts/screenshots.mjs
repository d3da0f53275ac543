// Regenerates the README's screenshots, light and dark, from a running
// example app (`./gp start` in another terminal):
//   ./gp yarn node scripts/screenshots.mjs
import { chromium } from '@playwright/test';

const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
// Each page with the text that says its data arrived.
const shots = [
  [
    'service-card',
    '/catalog/default/component/payments-api',
    /^(Evaluated|As of) /,
  ],
  [
    'service-tab',
    '/catalog/default/component/checkout-web/golden-path',
    /^(Evaluated|As of) /,
  ],
  [
    'group-tab',
    '/catalog/default/group/payments/golden-path',
    /^(Evaluated|As of) /,
  ],
  ['dashboard', '/golden-path/dashboard', /^Template funnel$/i],
  ['surveys', '/golden-path/surveys', /^Survey campaigns$/],
  ['tickets', '/golden-path/tickets', /^Top categories$/],
];
const browser = await chromium.launch({
  executablePath: process.env.GP_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const theme of ['light', 'dark']) {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await page.goto(`${baseURL}/`);
  // Backstage's theme selector keeps the choice here.
  await page.evaluate(t => localStorage.setItem('theme', t), theme);
  await page.goto(`${baseURL}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('heading', { name: /Catalog/ }).waitFor();
  for (const [name, path, ready] of shots) {
    await page.goto(`${baseURL}${path}`);
    await page.getByText(ready).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    // The survey prompt floats over a corner of every page: shown on the
    // surveys page only, where it belongs to the story.
    if (name !== 'surveys') {
      await page.addStyleTag({
        content:
          'section[aria-labelledby="golden-path-prompt-title"] { display: none }',
      });
    }
    const file = `docs/${name}-${theme}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
