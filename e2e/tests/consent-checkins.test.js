'use strict';
// Two partners: one pauses and the other's open page shows it without a reload; the pause is
// undone; "tonight" in one tap; a check-in from both sides to the reveal; the trend chart.

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
  assert.equal(violations.length, 0, formatViolations(name, violations));
  const overflow = await screenshotBothWidths(page, name);
  assert.ok(overflow <= 0, `${name} overflows sideways at phone width by ${overflow}px`);
}

test('a pause shows on the other open page at once; a check-in goes from both sides to the reveal', async () => {
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

    // Sam has the space open. Alex pauses from any space page.
    await s.goto(`/spaces/${spaceId}/members`);
    assert.equal(await s.locator('#pause-banner').isHidden(), true);
    await a.goto(`/spaces/${spaceId}/tonight`);
    await submit(a, '.pause-button');
    await a.waitForURL((u) => u.searchParams.get('n') === 'paused');
    assert.match(await a.locator('#pause-text').textContent(), /You paused this space/);
    assert.equal((await a.locator('#pause-lift').textContent()).trim(), 'Undo');
    await checkPage(a, 'pause-mine');

    // Without a reload, Sam's open page shows the pause within a few seconds.
    const navigations = [];
    s.on('framenavigated', (f) => { if (f === s.mainFrame()) navigations.push(f.url()); });
    await s.locator('#pause-banner').waitFor({ state: 'visible', timeout: 8000 });
    assert.match(await s.locator('#pause-text').textContent(), /Alex paused this space/);
    assert.equal(await s.locator('#pause-lift-form').isHidden(), true, 'Sam cannot lift Alex\'s pause');
    assert.deepEqual(navigations, [], 'the page was not reloaded');
    await checkPage(s, 'pause-theirs');

    // Alex undoes it; Sam's page follows, still without a reload.
    await submit(a, '#pause-lift');
    await a.waitForURL((u) => u.searchParams.get('n') === 'pause-undone');
    await s.locator('#pause-banner').waitFor({ state: 'hidden', timeout: 8000 });
    assert.deepEqual(navigations, []);

    // Tonight: red is one tap.
    await s.goto(`/spaces/${spaceId}/tonight`);
    await submit(s, 'button:has-text("Red — not tonight")');
    await a.goto(`/spaces/${spaceId}/tonight`);
    assert.match(await a.locator('.tonight-list').textContent(), /Sam:\s*red — not tonight/);
    await checkPage(a, 'tonight');

    // A check-in from both sides.
    await a.goto(`/spaces/${spaceId}/checkins`);
    assert.match(await a.locator('.ground-rules').textContent(), /own experience/);
    await checkPage(a, 'checkin-writing');
    await a.click('input[name=comfort][value="4"] >> xpath=..');
    await a.click('input[name=heard][value="5"] >> xpath=..');
    await a.click('input[name=fair_say][value="4"] >> xpath=..');
    await a.fill('#q-good', 'Our slow Sunday mornings.');
    await submit(a, 'button:has-text("Submit my answers")');
    await a.waitForURL((u) => u.searchParams.get('n') === 'checkin-saved');

    await s.goto(`/spaces/${spaceId}/checkins`);
    assert.match(await s.locator('.submitted-list').textContent(), /Alex: answered/);
    assert.ok(!(await s.content()).includes('Our slow Sunday mornings.'), 'sealed until both have answered');
    await s.click('input[name=comfort][value="3"] >> xpath=..');
    await s.click('input[name=heard][value="2"] >> xpath=..');
    await s.click('input[name=fair_say][value="4"] >> xpath=..');
    await s.fill('#q-raise', 'I would like more time to talk before we decide things.');
    await submit(s, 'button:has-text("Submit my answers")');
    await s.getByRole('heading', { name: 'Side by side' }).waitFor();
    assert.ok((await s.content()).includes('Our slow Sunday mornings.'));
    await checkPage(s, 'checkin-revealed');

    // The trend chart is drawn on the server; the gap on "feeling heard" gets a gentle note.
    await a.goto(`/spaces/${spaceId}/checkins/trends`);
    assert.equal(await a.locator('svg.trend-chart').count(), 4);
    assert.match(await a.locator('.gap-note').first().textContent(), /feeling heard/);
    await checkPage(a, 'trends');
  } finally {
    await alex.context.close();
    await sam.context.close();
  }
});

test('without JavaScript a plain refresh shows the pause', async () => {
  const alex = await newPerson(env.browser, env.server.url);
  const sam = await newPerson(env.browser, env.server.url, { javaScriptEnabled: false });
  try {
    const a = alex.page;
    const s = sam.page;
    await signUp(a, uniqueName('alex'), 'a long enough passphrase');
    const spaceId = await startSpace(a, 'Mornings', 'Alex');
    const invite = await makeInvite(a, spaceId);
    await signUp(s, uniqueName('sam'), 'another long passphrase');
    await s.goto('/join');
    await s.fill('input[name=code]', invite.code);
    await s.fill('input[name=display_name]', 'Sam');
    await submit(s, 'button:has-text("Join")');
    await s.goto(`/spaces/${spaceId}`);
    assert.equal(await s.locator('#pause-banner').isHidden(), true);
    await submit(a, '.pause-button');
    await s.reload();
    assert.equal(await s.locator('#pause-banner').isVisible(), true);
    assert.match(await s.locator('#pause-text').textContent(), /Alex paused this space/);
  } finally {
    await alex.context.close();
    await sam.context.close();
  }
});
