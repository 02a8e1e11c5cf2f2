'use strict';
// Boundaries and the space agreement in the browser (C1–C5): two partners negotiate an
// agreement change end to end, a decline leaves everything as it was, and every page says that
// agreements are current intentions, never consent.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson } = require('../helpers/browser');
const { signUp, startSpace, makeInvite, uniqueName, submit } = require('../helpers/flows');
const { seriousViolations, formatViolations } = require('../helpers/axe');
const { screenshotBothWidths } = require('../helpers/screenshot');

const env = withServerAndBrowser();

/** Checks a page says agreements are current intentions, uses no signature language, is
 *  accessible, and fits a phone; then photographs it at both widths. */
async function lookAt(page, name) {
  const text = await page.locator('#main').innerText();
  assert.match(text, /(change (it|their mind)|anyone can)/i, `${name}: says things can change at any time`);
  assert.match(text, /consent/i, `${name}: says it is not consent`);
  assert.doesNotMatch(text, /signature|signed by|sign here|\bsign(ed)? (it|this|the agreement)/i, `${name}: no signature language`);
  const serious = await seriousViolations(page);
  assert.equal(serious.length, 0, formatViolations(name, serious));
  const overflow = await screenshotBothWidths(page, name);
  assert.equal(overflow, 0, `${name}: nothing sticks out sideways at 390 px`);
}

async function safewordShown(page) {
  const cards = page.locator('#main .card', { has: page.getByRole('heading', { name: 'Our safeword' }) });
  return (await cards.count()) ? (await cards.first().innerText()).replace('Our safeword', '').trim() : '';
}

test('two partners negotiate an agreement change end to end', async () => {
  const alex = await newPerson(env.browser, env.server.url);
  const sam = await newPerson(env.browser, env.server.url);
  try {
    const a = alex.page;
    const s = sam.page;
    await signUp(a, uniqueName('alex'), 'a long enough passphrase');
    const spaceId = await startSpace(a, 'Evenings', 'Alex');
    const invite = await makeInvite(a, spaceId);
    await signUp(s, uniqueName('sam'), 'another long passphrase');
    await s.goto(invite.link);
    await s.waitForFunction(() => !window.location.hash);
    await s.fill('input[name=display_name]', 'Sam');
    await submit(s, 'button:has-text("Join")');

    // Alex starts writing the agreement: every section has a starting prompt.
    await a.goto(`/spaces/${spaceId}/agreement`);
    await a.getByRole('link', { name: 'Start writing it' }).click();
    await a.waitForURL((u) => u.pathname.endsWith('/agreement/edit'));
    const prompts = await a.locator('form .hint').allInnerTexts();
    assert.ok(prompts.length >= 8 && prompts.every((p) => p.length > 40), 'each section has a prompt');
    await lookAt(a, 'agreement-edit');
    await a.fill('input[name=safeword]', 'Pineapple');
    await a.fill('textarea[name=code_of_conduct]', 'We listen all the way before answering.\nWe take turns.');
    await a.fill('textarea[name=pause_signal]', 'Three taps on the shoulder.');
    await a.fill('textarea[name=aftercare]', 'Tea, a blanket and quiet.');
    await a.fill('input[name=reason]', 'A first draft');
    await submit(a, 'button:has-text("Ask everyone to confirm")');
    await a.waitForURL((u) => u.pathname.endsWith('/agreement') && u.searchParams.get('n') === 'pending');
    assert.match(await a.locator('.change-card').innerText(), /Still to decide: Sam/);
    assert.equal(await safewordShown(a), '', 'nothing applies before everyone confirms');

    // Sam sees the waiting change with its differences, and confirms it.
    await s.goto(`/spaces/${spaceId}/agreement`);
    const card = s.locator('.change-card');
    assert.match(await card.innerText(), /Alex asked for this change/);
    assert.match(await card.innerText(), /Pineapple/);
    await lookAt(s, 'agreement-pending');
    await submit(s, '.change-card button:has-text("Confirm this change")');
    await s.waitForURL((u) => u.searchParams.get('n') === 'applied');
    assert.equal(await safewordShown(s), 'Pineapple');
    await lookAt(s, 'agreement');

    // Both screens show the same fingerprint.
    await a.goto(`/spaces/${spaceId}/agreement`);
    const fpA = (await a.locator('code.fingerprint').innerText()).trim();
    const fpS = (await s.locator('code.fingerprint').innerText()).trim();
    assert.match(fpA, /^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    assert.equal(fpA, fpS, 'compare this with your partner\'s screen');

    // Sam suggests a different safeword; Alex declines, and nothing changes.
    await s.getByRole('link', { name: 'Suggest a change' }).click();
    assert.equal(await s.inputValue('input[name=safeword]'), 'Pineapple', 'the form starts from what is in force');
    await s.fill('input[name=safeword]', 'Mango');
    await submit(s, 'button:has-text("Ask everyone to confirm")');
    await s.waitForURL((u) => u.searchParams.get('n') === 'pending');
    await a.goto(`/spaces/${spaceId}/agreement`);
    assert.match(await a.locator('.change-card').innerText(), /Sam asked for this change/);
    await submit(a, '.change-card button:has-text("Decline")');
    await a.waitForURL((u) => u.searchParams.get('n') === 'declined');
    assert.equal(await a.locator('.change-card').count(), 0);
    assert.equal(await safewordShown(a), 'Pineapple');

    // The history keeps every version with who and when, and shows the differences.
    await a.getByRole('link', { name: 'History and differences' }).click();
    await a.waitForURL((u) => u.pathname.endsWith('/agreement/history'));
    assert.match(await a.locator('.versions').innerText(), /Version 1 · .* · Alex \(confirmed by (Alex, Sam|Sam, Alex)\)/);
    await lookAt(a, 'agreement-history');

    // Boundaries: Alex adds a hard limit; Sam sees it at once.
    await a.goto(`/spaces/${spaceId}/boundaries`);
    await a.check('input[name=firmness][value=hard]');
    await a.fill('input[name=about]', 'Being photographed');
    await submit(a, 'button:has-text("Add this boundary")');
    await a.waitForURL((u) => u.searchParams.get('n') === 'boundary-added');
    await s.goto(`/spaces/${spaceId}/boundaries`);
    assert.match(await s.locator('#main').innerText(), /Alex's boundaries[\s\S]*Hard limit Being photographed/);
    await lookAt(s, 'boundaries');
    await s.getByRole('link', { name: 'Being photographed' }).click();
    assert.match(await s.locator('#main').innerText(), /Only Alex can change this boundary/);
    await a.goto(await s.url());
    await lookAt(a, 'boundary');

    // Something changed in our life: the space home shows what to look at again.
    await s.goto(`/spaces/${spaceId}`);
    await s.locator('summary:has-text("Something changed in our life")').click();
    await s.check('input[name=kind][value=stress]');
    await submit(s, 'button:has-text("Mark everything to look at again")');
    await s.waitForURL((u) => u.searchParams.get('n') === 'life-change');
    const home = await s.locator('.review-home').innerText();
    assert.match(home, /A stressful time/);
    assert.match(home, /The space agreement/);
    assert.match(home, /Alex's boundary: Being photographed/);
    await lookAt(s, 'space-review');
  } finally {
    await alex.context.close();
    await sam.context.close();
  }
});
