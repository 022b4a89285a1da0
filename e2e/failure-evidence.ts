// When a browser test fails, each open page leaves a full-page screenshot and the messages it shows
// (toasts, notifications, field errors) in the log: a timeout alone says what was not seen, not what was.
import path from 'node:path';
import { afterEach } from 'vitest';
import { openBrowsers, SCREENSHOTS } from './harness.ts';

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  let n = 0;
  for (const browser of openBrowsers)
    for (const context of browser.contexts())
      for (const page of context.pages()) {
        n += 1;
        const file = path.join(SCREENSHOTS, `FAILED-${process.env.TEST_DB ?? 'sqlite'}-${name}-${n}.png`);
        const shown = await page
          .locator('.ant-message-notice, .ant-notification-notice, .ant-form-item-explain-error, .ant-alert')
          .allTextContents()
          .catch(() => []);
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.error(
          `failed test's page ${n}: ${page.url()}\n  shows: ${JSON.stringify(shown)}\n  picture: ${file}`,
        );
      }
});
