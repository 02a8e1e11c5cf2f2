'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { startServer } = require('../helpers/server');
const { launchBrowser, newPerson } = require('../helpers/browser');
const { signUp, startSpace, listedSpaces, uniqueName } = require('../helpers/flows');

let server;
let browser;
let attacker;
let attackerPage = '';

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Another origin on this machine (same host, other port) serving whatever
  // attackerPage holds: the cookie is same-site there, so the browser sends it.
  attacker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(attackerPage);
  });
  await new Promise((resolve) => attacker.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve()));
  await server?.stop();
});

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

test('a cross-site form post is refused', async () => {
  const { context, page } = await newPerson(browser, server.url);
  try {
    await signUp(page, uniqueName('victim'), 'victim passphrase here');
    await startSpace(page, 'Ours', 'Lee');
    assert.deepEqual(await listedSpaces(page), ['Ours']);
    const cookies = await context.cookies(server.url);
    assert.ok(cookies.length > 0, 'the victim has a session cookie');

    // Worst case: the attacker even knows the victim's form token.
    const csrf = await page.locator('form[action="/spaces"] input[name=csrf]').inputValue();
    attackerPage = `<!doctype html><html><head><title>win a prize</title></head><body>
      <form id="f" method="post" action="${server.url}/spaces">
        <input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
        <input type="hidden" name="name" value="Planted">
        <input type="hidden" name="display_name" value="Mallory">
      </form>
      <script>document.getElementById('f').submit();</script>
    </body></html>`;

    const attackerUrl = `http://127.0.0.1:${attacker.address().port}/`;
    const posted = page.waitForResponse(
      (r) => r.url() === `${server.url}/spaces` && r.request().method() === 'POST',
    );
    await page.goto(attackerUrl);
    const response = await posted;
    const sent = await response.request().allHeaders();
    assert.ok((sent.cookie || '').length > 0, 'the forged request carried the session cookie');
    assert.notEqual(sent['sec-fetch-site'], 'same-origin');
    assert.equal(response.status(), 403, 'the app refused the cross-site post');
    await page.waitForLoadState('load');

    assert.deepEqual(await listedSpaces(page), ['Ours'], 'no space was planted');
  } finally {
    await context.close();
  }
});
