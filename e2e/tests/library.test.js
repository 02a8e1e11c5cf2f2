'use strict';
// The learning library in a real browser: reachable signed out and signed in, every page
// passes axe with no serious or critical violations, fits a phone, and has quick exit.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson, PHONE } = require('../helpers/browser');
const { signUp, uniqueName, pathOf } = require('../helpers/flows');
const { seriousViolations, formatViolations } = require('../helpers/axe');
const { screenshotBothWidths } = require('../helpers/screenshot');

const env = withServerAndBrowser();

/** axe at desktop and phone width, screenshots at both; returns a list of problems. */
async function checkPage(page, name) {
  const problems = [];
  const desktop = await seriousViolations(page);
  if (desktop.length) problems.push(formatViolations(`${name} @1280`, desktop));
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  const phone = await seriousViolations(page);
  await page.setViewportSize(before);
  const seen = new Set(desktop.map((v) => v.id));
  const phoneOnly = phone.filter((v) => !seen.has(v.id));
  if (phoneOnly.length) problems.push(formatViolations(`${name} @390`, phoneOnly));
  const overflow = await screenshotBothWidths(page, name);
  if (overflow > 0) problems.push(`${name} sticks out ${overflow}px sideways at phone width`);
  return problems;
}

test('a visitor reads every topic: accessible, one heading, not-advice note, fits a phone', async () => {
  const { context, page } = await newPerson(env.browser, env.server.url);
  const problems = [];
  try {
    await page.goto('/learn');
    assert.equal(await page.title(), 'Notes', 'neutral tab title signed out');
    problems.push(...(await checkPage(page, 'learn-index')));

    const topics = await page.locator('ul.topic-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(topics.length, 9, `nine topics listed: ${topics.join(', ')}`);

    for (const href of topics) {
      await page.goto(href);
      const name = `learn-${href.split('/').pop()}`;
      assert.equal(await page.locator('h1').count(), 1, `${href} has one h1`);
      await page.getByText('General information, not medical or professional advice.').waitFor();
      assert.equal(await page.locator('button.quick-exit').count(), 1, `${href} has quick exit`);
      problems.push(...(await checkPage(page, name)));
    }

    // Dark mode on the longest page (contrast of the note box and links).
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/learn/first-aid');
    problems.push(...(await checkPage(page, 'dark-learn-first-aid')));
    await page.emulateMedia({ colorScheme: 'light' });

    // Quick exit works from a library page too.
    await page.goto('/learn/aftercare');
    await page.click('button.quick-exit');
    await page.waitForURL('**/away');
    assert.equal(pathOf(page), '/away');
  } finally {
    await context.close();
  }
  assert.equal(problems.length, 0, problems.join('\n'));
});

test('a signed-in member finds the library from the footer', async () => {
  const { context, page } = await newPerson(env.browser, env.server.url);
  try {
    await signUp(page, uniqueName('learn'), 'library passphrase');
    await page.goto('/');
    await page.locator('footer a[href="/learn"]').click();
    await page.waitForURL('**/learn');
    assert.equal(await page.locator('a[href="/settings"]').count() > 0, true, 'signed-in navigation');
    await page.locator('a[href="/learn/safewords"]').click();
    await page.waitForURL('**/learn/safewords');
    assert.equal(await page.locator('h1').innerText(), 'Safewords and the traffic light');
    await page.locator('.learn-back a').click();
    await page.waitForURL('**/learn');
    assert.equal(await page.locator('h1').innerText(), 'Learn');
  } finally {
    await context.close();
  }
});
