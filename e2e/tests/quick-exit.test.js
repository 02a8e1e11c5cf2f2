'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson } = require('../helpers/browser');
const { signUp, startSpace, uniqueName, pathOf, submit } = require('../helpers/flows');
const { screenshotBothWidths } = require('../helpers/screenshot');

const env = withServerAndBrowser();

/** The neutral page: nothing on it or in its title names the app or its subject. */
async function assertNeutralAwayPage(page) {
  assert.equal(pathOf(page), '/away');
  const title = await page.title();
  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const word of [/attune/i, /intima/i, /partner/i, /space/i, /quick exit/i]) {
    assert.doesNotMatch(title, word, `the away page's title mentions ${word}: ${title}`);
    assert.doesNotMatch(text, word, `the away page's text mentions ${word}`);
  }
  assert.doesNotMatch(html, /attune/i, 'the away page source does not name the app');
}

/** After a quick exit the browser holds no session: home is signed out, settings asks to log in. */
async function assertSignedOut(page) {
  await page.goto('/');
  assert.equal(await page.getByRole('heading', { name: 'Your spaces' }).count(), 0, 'home is signed out');
  assert.equal(await page.locator('a[href="/settings"]').count(), 0, 'no settings link when signed out');
  await page.goto('/settings');
  assert.equal(pathOf(page), '/login', '/settings redirects to the login page');
}

async function signedInPerson() {
  const person = await newPerson(env.browser, env.server.url);
  await signUp(person.page, uniqueName('qe'), 'quick exit passphrase');
  const spaceId = await startSpace(person.page, 'Private list', 'Kai');
  return { ...person, spaceId };
}

test('quick exit by button ends the session and shows a neutral page', async () => {
  const { context, page, spaceId } = await signedInPerson();
  try {
    await page.goto(`/spaces/${spaceId}/members`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/away'),
      page.click('form#quick-exit-form button.quick-exit'),
    ]);
    await assertNeutralAwayPage(page);
    await screenshotBothWidths(page, 'away');
    assert.equal(await page.evaluate(() => window.localStorage.length + window.sessionStorage.length), 0);
    await assertSignedOut(page);
    await page.goto(`/spaces/${spaceId}`);
    assert.equal(pathOf(page), '/login', 'the space asks for a login after a quick exit');
    assert.doesNotMatch(await page.content(), /Private list/, 'the space name is not shown');
  } finally {
    await context.close();
  }
});

test('quick exit by pressing Shift three times ends the session', async () => {
  const { context, page } = await signedInPerson();
  try {
    await page.goto('/settings');
    await page.waitForLoadState('load');
    const away = page.waitForURL((u) => u.pathname === '/away');
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Shift');
      await page.waitForTimeout(120);
    }
    await away;
    await assertNeutralAwayPage(page);
    await assertSignedOut(page);
  } finally {
    await context.close();
  }
});

test('quick exit works without JavaScript too', async () => {
  const person = await newPerson(env.browser, env.server.url, { javaScriptEnabled: false });
  try {
    const { page } = person;
    await signUp(page, uniqueName('nojs'), 'no script passphrase');
    await submit(page, 'form#quick-exit-form button.quick-exit');
    await page.waitForURL((u) => u.pathname === '/away');
    await assertNeutralAwayPage(page);
    await assertSignedOut(page);
  } finally {
    await person.context.close();
  }
});

test('two presses of Shift, or Shift with other keys between, do not leave', async () => {
  const { context, page } = await signedInPerson();
  try {
    await page.goto('/');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1500); // past the 1.2 s window
    await page.keyboard.press('Shift');
    await page.focus('input[name=name]');
    await page.keyboard.press('Shift');
    await page.keyboard.type('Ab');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(500);
    assert.equal(pathOf(page), '/', 'still on the home page');
    assert.equal(await page.inputValue('input[name=name]'), 'Ab', 'typing a capital letter is not a quick exit');
  } finally {
    await context.close();
  }
});
