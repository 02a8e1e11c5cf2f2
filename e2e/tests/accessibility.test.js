'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson, PHONE } = require('../helpers/browser');
const { seriousViolations, formatViolations } = require('../helpers/axe');
const { screenshotBothWidths, screenshot } = require('../helpers/screenshot');
const { tour } = require('../helpers/tour');

const env = withServerAndBrowser();

test('no page in the core flow has serious or critical accessibility violations', async () => {
  const { context, page } = await newPerson(env.browser, env.server.url);
  const problems = [];
  const overflowing = [];
  const visited = [];
  try {
    const { spaceId } = await tour(page, async (name, p) => {
      visited.push(name);
      // axe at desktop width, then again at phone width (layouts differ).
      const desktop = await seriousViolations(p);
      if (desktop.length) problems.push(formatViolations(`${name} @1280`, desktop));
      const before = p.viewportSize();
      await p.setViewportSize(PHONE);
      const phone = await seriousViolations(p);
      await p.setViewportSize(before);
      const seen = new Set(desktop.map((v) => v.id));
      const phoneOnly = phone.filter((v) => !seen.has(v.id));
      if (phoneOnly.length) problems.push(formatViolations(`${name} @390`, phoneOnly));
      // Screenshots of every page at both widths (e2e/artifacts/).
      const overflow = await screenshotBothWidths(p, name);
      if (overflow > 0) overflowing.push(`${name} (${overflow}px)`);
    });

    // Dark mode: two pages, both widths, and axe there too (contrast differs).
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [name, url] of [
      ['dark-home-signed-in', '/'],
      ['dark-members', `/spaces/${spaceId}/members`],
    ]) {
      await page.goto(url);
      const dark = await seriousViolations(page);
      if (dark.length) problems.push(formatViolations(name, dark));
      await screenshotBothWidths(page, name);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  } finally {
    await context.close();
  }

  // Signed-out dark page in its own context with colorScheme set from the start.
  const dark = await newPerson(env.browser, env.server.url, { colorScheme: 'dark' });
  try {
    await dark.page.goto('/signup');
    const v = await seriousViolations(dark.page);
    if (v.length) problems.push(formatViolations('dark-signup', v));
    await screenshotBothWidths(dark.page, 'dark-signup');
    await screenshot(dark.page, 'dark-signup-viewport');
  } finally {
    await dark.context.close();
  }

  assert.deepEqual(visited, [
    'home-signed-out', 'signup', 'login', 'safety', 'about', 'recovery-code',
    'home-signed-in', 'settings', 'space-overview', 'members', 'invite', 'join', 'wording-helper',
  ]);
  assert.equal(problems.length, 0, `serious or critical accessibility violations:\n${problems.join('\n')}`);
  assert.equal(overflowing.length, 0, `pages wider than a 390px phone screen: ${overflowing.join(', ')}`);
});
