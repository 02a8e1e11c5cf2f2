'use strict';
// "Check my wording" with JavaScript switched off: the log form goes to the review page, which
// shows the hint under the words; "Add to the log" there saves it. With JavaScript on, the same
// review page gets live hints as the words change.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson } = require('../helpers/browser');
const { signUp, startSpace, uniqueName, submit } = require('../helpers/flows');
const { seriousViolations, formatViolations } = require('../helpers/axe');
const { screenshotBothWidths } = require('../helpers/screenshot');

const env = withServerAndBrowser();

async function checkPage(page, name) {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, formatViolations(name, violations));
  const overflow = await screenshotBothWidths(page, name);
  assert.ok(overflow <= 0, `${name} overflows sideways at phone width by ${overflow}px`);
}

test('without JavaScript, "Check my wording" shows the hints and Save still saves', async () => {
  const alex = await newPerson(env.browser, env.server.url, { javaScriptEnabled: false });
  try {
    const a = alex.page;
    await signUp(a, uniqueName('alex'), 'a long enough passphrase');
    const spaceId = await startSpace(a, 'Evenings', 'Alex');
    await a.goto(`/spaces/${spaceId}/log`);
    await a.click('label:has-text("Didn\'t work")');
    await a.fill('#log-text', 'You never listen to me when I am tired.');

    await submit(a, 'button:has-text("Check my wording")');
    assert.equal(new URL(a.url()).pathname, '/coach/review');
    await a.getByRole('heading', { name: 'Check your wording' }).waitFor();
    assert.match(await a.locator('.coach-hints').first().textContent(), /Always \/ never/);
    assert.equal(await a.locator('textarea[name=text]').inputValue(), 'You never listen to me when I am tired.');
    assert.equal(await a.locator('#pause-form').count(), 1, 'the pause control is on the page');

    // Nothing was saved by checking (looked at in another tab, so this one keeps its words).
    const other = await alex.context.newPage();
    await other.goto(`/spaces/${spaceId}/log`);
    assert.match(await other.locator('#main').textContent(), /Nothing logged yet/);
    await other.close();

    await a.fill('textarea[name=text]', 'I felt unheard when I was tired.');
    await submit(a, 'button:has-text("Check again")');
    await a.locator('.success', { hasText: 'Nothing stood out' }).waitFor();
    await submit(a, 'button:has-text("Add to the log")');
    await a.waitForURL((u) => u.pathname === `/spaces/${spaceId}/log` && u.searchParams.get('n') === 'log-added');
    const entry = a.locator('#main li.card', { hasText: 'I felt unheard when I was tired.' });
    assert.match(await entry.textContent(), /Didn't work/);
  } finally {
    await alex.context.close();
  }
});

test('with JavaScript, the same pages pass axe, and the review page gets live hints', async () => {
  // axe and the screenshots' overflow check run scripts in the page, so they need JavaScript.
  const alex = await newPerson(env.browser, env.server.url);
  try {
    const a = alex.page;
    await signUp(a, uniqueName('alex'), 'a long enough passphrase');
    const spaceId = await startSpace(a, 'Evenings', 'Alex');
    await a.goto(`/spaces/${spaceId}/log`);
    await a.fill('#log-text', 'You never listen to me when I am tired.');
    await checkPage(a, 'log-check-wording');
    await submit(a, 'button:has-text("Check my wording")');
    await a.getByRole('heading', { name: 'Check your wording' }).waitFor();
    await checkPage(a, 'coach-review');

    await a.goto(`/spaces/${spaceId}/tonight`);
    await a.fill('#good', 'Slow and close.');
    await submit(a, 'button:has-text("Check my wording")');
    assert.equal(await a.locator('.coach-hints .success').count(), 1, 'only the written text is called clear');
    await checkPage(a, 'coach-review-tonight');
    await a.fill('textarea[name=good]', 'You always rush me.');
    await a.locator('.coach-hints li.hint', { hasText: 'Always / never' }).waitFor();
  } finally {
    await alex.context.close();
  }
});
