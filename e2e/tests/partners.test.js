'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson } = require('../helpers/browser');
const { signUp, startSpace, makeInvite, listedSpaces, uniqueName, submit } = require('../helpers/flows');

const env = withServerAndBrowser();

test('two partners sign up, share a space, and one leaves alone', async () => {
  const alex = await newPerson(env.browser, env.server.url);
  const sam = await newPerson(env.browser, env.server.url);
  try {
    // Alex signs up, confirms the recovery code, starts a space and makes an invite.
    const a = alex.page;
    await signUp(a, uniqueName('alex'), 'a long enough passphrase');
    const notice = await a.locator('.notice').textContent().catch(() => '');
    assert.ok(notice.trim().length > 0, 'a notice is shown after confirming the recovery code');

    const spaceId = await startSpace(a, 'Sunday mornings', 'Alex');
    assert.match(await a.locator('.notice').textContent(), /Your space is ready/);

    const invite = await makeInvite(a, spaceId);
    assert.match(invite.code, /^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/, `invite code format: ${invite.code}`);
    const link = new URL(invite.link);
    assert.equal(link.origin, env.server.origin, 'the invite link points at this server');
    assert.equal(link.pathname, '/join');
    assert.equal(link.search, '', 'the code is not in the query string');
    assert.equal(link.hash, `#code=${invite.code}`);

    // Sam signs up in another browser and opens the invite link.
    const s = sam.page;
    await signUp(s, uniqueName('sam'), 'another long passphrase');
    await s.goto(invite.link);
    await s.waitForFunction(() => !window.location.hash);
    assert.equal(await s.inputValue('input[name=code]'), invite.code, 'the code field was filled from the link');
    assert.ok(!s.url().includes('#'), `the fragment is gone from the address bar: ${s.url()}`);
    assert.ok(!s.url().includes(invite.code), 'the code is not left in the address bar');

    await s.fill('input[name=display_name]', 'Sam');
    await submit(s, 'button:has-text("Join")');
    await s.waitForURL((u) => u.pathname === `/spaces/${spaceId}` && u.searchParams.get('n') === 'joined');

    await s.goto(`/spaces/${spaceId}/members`);
    const members = (await s.locator('.member-list li').allTextContents()).map((t) => t.trim());
    assert.equal(members.length, 2, `two members: ${JSON.stringify(members)}`);
    assert.ok(members.some((m) => m.startsWith('Alex')), 'Alex is listed');
    assert.ok(members.some((m) => m.startsWith('Sam') && m.includes('you')), 'Sam is listed as "you"');

    // Sam leaves, alone: one confirmation in the browser, nobody else asked.
    const dialogs = [];
    s.on('dialog', (d) => {
      dialogs.push(d.message());
      d.accept();
    });
    await submit(s, 'button:has-text("Leave this space")');
    await s.waitForURL((u) => u.pathname === '/' && u.searchParams.get('n') === 'left');
    assert.equal(dialogs.length, 1, 'one confirmation dialog');
    assert.match(await s.locator('.notice').textContent(), /You have left the space/);
    assert.deepEqual(await listedSpaces(s), [], 'the space no longer appears for Sam');
    const gone = await s.goto(`/spaces/${spaceId}`);
    assert.equal(gone.status(), 404, 'the space answers 404 for someone who left');
    assert.ok(!(await s.content()).includes('Sunday mornings'), 'the 404 page does not reveal the space name');

    // Alex sees only themself.
    await a.goto(`/spaces/${spaceId}/members`);
    const left = (await a.locator('.member-list li').allTextContents()).map((t) => t.trim());
    assert.equal(left.length, 1, `one member left: ${JSON.stringify(left)}`);
    assert.ok(left[0].startsWith('Alex'));
    assert.deepEqual(await listedSpaces(a), ['Sunday mornings'], 'the space stays with Alex');
  } finally {
    await alex.context.close();
    await sam.context.close();
  }
});
