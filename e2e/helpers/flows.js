'use strict';
// What a person does in Attune, step by step, through the real pages.

const assert = require('node:assert/strict');

let counter = 0;
/** A username that is unique within this run (3-40 letters, digits, dots, dashes, underscores). */
function uniqueName(prefix) {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter}`.slice(0, 40);
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

/**
 * Signs up through /signup, confirms the recovery code and lands on "/".
 * `onRecoveryPage(page, code)` runs while the recovery-code page is on screen.
 * Resolves to the recovery code.
 */
async function signUp(page, username, password, { onRecoveryPage } = {}) {
  await page.goto('/signup');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.fill('input[name=password_again]', password);
  await page.click('button:has-text("Create account")');
  const codeEl = page.locator('code.secret#recovery-code');
  await page.locator('code.secret#recovery-code, .alert').first().waitFor();
  if (!(await codeEl.count())) {
    const alert = await page.locator('.alert').first().textContent();
    throw new Error(`sign-up as ${username} failed: ${alert.trim()}`);
  }
  const code = (await codeEl.textContent()).trim();
  assert.ok(code.length >= 10, `recovery code looks too short: ${JSON.stringify(code)}`);
  if (onRecoveryPage) await onRecoveryPage(page, code);
  await page.check('input[name=saved]');
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.click('button:has-text("Continue")'),
  ]);
  await page.getByRole('heading', { name: 'Your spaces' }).waitFor();
  return code;
}

/** Logs in through /login and lands on "/". */
async function logIn(page, username, password) {
  await page.goto('/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.click('button:has-text("Log in")'),
  ]);
}

/** Starts a space from the home page; resolves to its id. */
async function startSpace(page, name, displayName) {
  await page.goto('/');
  await page.fill('input[name=name]', name);
  await page.fill('input[name=display_name]', displayName);
  await Promise.all([
    page.waitForURL((u) => /^\/spaces\/[^/]+$/.test(u.pathname) && u.searchParams.get('n') === 'created'),
    page.click('button:has-text("Start the space")'),
  ]);
  return pathOf(page).split('/')[2];
}

/** Makes an invite on /spaces/{id}/invite; resolves to { code, link } as shown. */
async function makeInvite(page, spaceId) {
  await page.goto(`/spaces/${spaceId}/invite`);
  await page.click('button:has-text("Make an invite code")');
  const codeEl = page.locator('code.secret#invite-code');
  await codeEl.waitFor();
  const code = (await codeEl.textContent()).trim();
  const link = (await page.locator('code.secret#invite-link').textContent()).trim();
  return { code, link };
}

/** The names of the spaces listed on the signed-in home page. */
async function listedSpaces(page) {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Your spaces' }).waitFor();
  return page.locator('#main a[href^="/spaces/"] strong').allTextContents();
}

module.exports = { uniqueName, pathOf, signUp, logIn, startSpace, makeInvite, listedSpaces };
