'use strict';
// Full-page screenshots at phone and desktop width, written to e2e/artifacts/.

const fs = require('node:fs');
const path = require('node:path');
const { DESKTOP, PHONE } = require('./browser');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

function artifactPath(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** One screenshot of the page as it is now: artifacts/<name>.png */
async function screenshot(page, name) {
  const file = artifactPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Screenshots at 390x844 and 1280x800 (artifacts/<name>-390.png, <name>-1280.png),
 * then restores the viewport. Resolves to the page's horizontal overflow at phone
 * width in CSS pixels (0 when nothing sticks out sideways).
 */
async function screenshotBothWidths(page, name) {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await screenshot(page, `${name}-${PHONE.width}`);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-${DESKTOP.width}`);
  if (before) await page.setViewportSize(before);
  return overflow;
}

module.exports = { ARTIFACTS, artifactPath, screenshot, screenshotBothWidths };
