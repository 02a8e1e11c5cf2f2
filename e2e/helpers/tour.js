'use strict';
// The core flow, page by page: signed out (home, signup, login, safety, about),
// signing up (recovery code), then signed in (home, settings, space overview,
// members, invite with a code shown, join, the wording helper with a result). `visit(name, page)` runs on each
// page once it has loaded, so tests can check, measure or photograph it.

const { signUp, startSpace, makeInvite, uniqueName } = require('./flows');

const PASSWORD = 'correct horse battery staple';

async function tour(page, visit) {
  for (const [name, url] of [
    ['home-signed-out', '/'],
    ['signup', '/signup'],
    ['login', '/login'],
    ['safety', '/safety'],
    ['about', '/about'],
  ]) {
    await page.goto(url);
    await visit(name, page);
  }

  const username = uniqueName('tour');
  await signUp(page, username, PASSWORD, {
    onRecoveryPage: (p) => visit('recovery-code', p),
  });
  await visit('home-signed-in', page);

  await page.goto('/settings');
  await visit('settings', page);

  const spaceId = await startSpace(page, 'Our evenings', 'Robin');
  await visit('space-overview', page);

  await page.goto(`/spaces/${spaceId}/members`);
  await visit('members', page);

  await makeInvite(page, spaceId);
  await visit('invite', page);

  await page.goto('/join');
  await visit('join', page);

  await page.goto('/coach');
  await page.fill('#coach-text', 'You never listen to me.');
  await page.click('form[action="/coach"] button');
  await page.waitForLoadState();
  await visit('wording-helper', page);

  return { username, password: PASSWORD, spaceId };
}

module.exports = { tour, PASSWORD };
