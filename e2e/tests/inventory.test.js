'use strict';
// The desire inventory in a real browser: answering saves as you go, a limit is only declared
// by pressing Save, and the reveal shows only what both said yes or maybe to.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson } = require('../helpers/browser');
const { signUp, startSpace, makeInvite, uniqueName, submit } = require('../helpers/flows');
const { seriousViolations, formatViolations } = require('../helpers/axe');
const { screenshotBothWidths } = require('../helpers/screenshot');

const env = withServerAndBrowser();

async function checkPage(page, name) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], formatViolations(name, violations));
  const overflow = await screenshotBothWidths(page, name);
  assert.equal(overflow, 0, `${name} sticks out ${overflow}px sideways at phone width`);
}

/** Clicks one answer and waits for the background save to say so. */
async function answer(page, name, value) {
  await page.click(`label:has(input[name="${name}"][value="${value}"])`);
  await page.locator('[data-autosave-status]', { hasText: /^Saved\.$/ }).waitFor();
}

test('two partners answer, reveal, and see only what they share', async () => {
  const alex = await newPerson(env.browser, env.server.url);
  const sam = await newPerson(env.browser, env.server.url);
  try {
    const a = alex.page;
    await signUp(a, uniqueName('alex'), 'a long enough passphrase');
    const spaceId = await startSpace(a, 'Evenings', 'Alex');
    const invite = await makeInvite(a, spaceId);
    const s = sam.page;
    await signUp(s, uniqueName('sam'), 'another long passphrase');
    await s.goto(invite.link);
    await s.waitForFunction(() => !window.location.hash);
    await s.fill('input[name=display_name]', 'Sam');
    await submit(s, 'button:has-text("Join")');

    await a.goto(`/spaces/${spaceId}/inventory`);
    await checkPage(a, 'inventory-overview');
    await a.click('a:has-text("Kissing")');
    const doing = await a.locator('input[type=radio][value=yes][name$=".doing"]').first().getAttribute('name');
    const item = doing.slice(2, -'.doing'.length);
    const second = await a.locator('input[type=radio][value=yes][name$=".doing"]').nth(1).getAttribute('name');
    const title = (await a.locator('fieldset.inventory-item', { has: a.locator(`input[name="${doing}"]`) }).locator('legend.item-title').textContent()).trim();

    // Saved as you go: a reload shows the answer.
    await answer(a, doing, 'yes');
    await a.reload();
    assert.ok(await a.isChecked(`input[name="${doing}"][value=yes]`), 'the yes was saved without pressing Save');

    // A limit is explained before saving and is never saved in the background.
    await a.click(`label:has(input[name="${second}"][value="limit"])`);
    const note = a.locator('fieldset.role-answer', { has: a.locator(`input[name="${second}"]`) }).locator('.limit-note');
    assert.ok(await note.isVisible(), 'choosing limit shows what it means');
    await a.locator('[data-autosave-status]', { hasText: /declare your limit/ }).waitFor();
    await checkPage(a, 'inventory-topic');
    await a.reload();
    assert.ok(!(await a.isChecked(`input[name="${second}"][value=limit]`)), 'the limit was not saved without pressing Save');

    await s.goto(`/spaces/${spaceId}/inventory/c/kissing`);
    await answer(s, `r.${item}.receiving`, 'yes');

    // Nothing shows until both have pressed reveal.
    await a.goto(`/spaces/${spaceId}/inventory/reveal`);
    await submit(a, 'button:has-text("ready to reveal")');
    assert.ok(!(await a.content()).includes(title), 'nothing is shown before everyone is ready');
    await checkPage(a, 'inventory-reveal-waiting');
    await s.goto(`/spaces/${spaceId}/inventory/reveal`);
    await submit(s, 'button:has-text("ready to reveal")');
    const shared = await s.locator('.shared-list li').allTextContents();
    assert.equal(shared.length, 1, `one shared item: ${JSON.stringify(shared)}`);
    assert.ok(shared[0].includes(title) && shared[0].includes('You receive, Alex gives'), shared[0]);
    await checkPage(s, 'inventory-reveal-open');
  } finally {
    await alex.context.close();
    await sam.context.close();
  }
});
