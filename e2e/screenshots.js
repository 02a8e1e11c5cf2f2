'use strict';
// Screenshots of every page of the core flow at 390x844 and 1280x800, plus two
// pages in dark mode, into e2e/artifacts/. The test suite makes the same ones
// (tests/accessibility.test.js); this is for taking them without running tests.
//   node screenshots.js

const { startServer } = require('./helpers/server');
const { launchBrowser, newPerson } = require('./helpers/browser');
const { screenshotBothWidths, ARTIFACTS } = require('./helpers/screenshot');
const { tour } = require('./helpers/tour');

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page } = await newPerson(browser, server.url);
    const { spaceId } = await tour(page, async (name, p) => {
      const overflow = await screenshotBothWidths(p, name);
      console.log(`${name}${overflow > 0 ? `  (sticks out ${overflow}px sideways at 390px)` : ''}`);
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [name, url] of [
      ['dark-home-signed-in', '/'],
      ['dark-members', `/spaces/${spaceId}/members`],
    ]) {
      await page.goto(url);
      await screenshotBothWidths(page, name);
      console.log(name);
    }
    console.log(`screenshots in ${ARTIFACTS}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
