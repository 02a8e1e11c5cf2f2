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
 * Clicks a form's submit button and waits for the answer to the form's POST.
 * An answer of 400 or more fails at once with what the page says, rather than
 * leaving the next step to time out. Resolves to the response (often a 303).
 */
async function submit(page, buttonSelector) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        r.request().isNavigationRequest() &&
        r.frame() === page.mainFrame(),
    ),
    page.click(buttonSelector),
  ]);
  if (response.status() >= 400) {
    await page.waitForLoadState('domcontentloaded');
    const said = await page
      .locator('#main h1, #main .lede, #main .alert')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(
      `POST ${new URL(response.url()).pathname} answered ${response.status()}: ${said.join(' / ').trim()}`,
    );
  }
  return response;
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
  await submit(page, 'button:has-text("Create account")');
  const codeEl = page.locator('code.secret#recovery-code');
  await codeEl.waitFor();
  const code = (await codeEl.textContent()).trim();
  assert.ok(code.length >= 10, `recovery code looks too short: ${JSON.stringify(code)}`);
  if (onRecoveryPage) await onRecoveryPage(page, code);
  await page.check('input[name=saved]');
  await submit(page, 'button:has-text("Continue")');
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('heading', { name: 'Your spaces' }).waitFor();
  return code;
}

/** Logs in through /login and lands on "/". */
async function logIn(page, username, password) {
  await page.goto('/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await submit(page, 'button:has-text("Log in")');
  await page.waitForURL((u) => u.pathname === '/');
}

/** Starts a space from the home page; resolves to its id. */
async function startSpace(page, name, displayName) {
  await page.goto('/');
  await page.fill('input[name=name]', name);
  await page.fill('input[name=display_name]', displayName);
  await submit(page, 'button:has-text("Start the space")');
  await page.waitForURL((u) => /^\/spaces\/[^/]+$/.test(u.pathname) && u.searchParams.get('n') === 'created');
  return pathOf(page).split('/')[2];
}

/** Makes an invite on /spaces/{id}/invite; resolves to { code, link } as shown. */
async function makeInvite(page, spaceId) {
  await page.goto(`/spaces/${spaceId}/invite`);
  await submit(page, 'button:has-text("Make an invite code")');
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

module.exports = { uniqueName, pathOf, submit, signUp, logIn, startSpace, makeInvite, listedSpaces };
