'use strict';
// Plans in a real browser, the whole loop: a match → a plan → both confirm → (a day later)
// debriefs sealed, then side by side → a debrief line in the desire log with its author's yes.
// The server restarts on the same data with its clock a day ahead (test profile only).

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../helpers/server');
const { launchBrowser, newPerson } = require('../helpers/browser');
const { signUp, logIn, startSpace, makeInvite, uniqueName, submit } = require('../helpers/flows');
const { seriousViolations, formatViolations } = require('../helpers/axe');
const { screenshotBothWidths } = require('../helpers/screenshot');

let server;
let browser;
const people = [];

after(async () => {
  for (const p of people) await p.context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function checkPage(page, name) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], formatViolations(name, violations));
  const overflow = await screenshotBothWidths(page, name);
  assert.equal(overflow, 0, `${name} sticks out ${overflow}px sideways at phone width`);
}

async function answer(page, name, value) {
  await page.click(`label:has(input[name="${name}"][value="${value}"])`);
  await page.locator('[data-autosave-status]', { hasText: /^Saved\.$/ }).waitFor();
}

async function person() {
  const p = await newPerson(browser, server.url);
  people.push(p);
  return p.page;
}

test('match, plan, both confirm, debriefs, and a log line with its author\'s yes', async () => {
  server = await startServer();
  browser = await launchBrowser();
  const alexName = uniqueName('alex');
  const samName = uniqueName('sam');
  const pass = 'a long enough passphrase';

  let a = await person();
  await signUp(a, alexName, pass);
  const spaceId = await startSpace(a, 'Evenings', 'Alex');
  const invite = await makeInvite(a, spaceId);
  let s = await person();
  await signUp(s, samName, pass);
  await s.goto(invite.link);
  await s.waitForFunction(() => !window.location.hash);
  await s.fill('input[name=display_name]', 'Sam');
  await submit(s, 'button:has-text("Join")');

  // A match: Alex gives, Sam receives, both yes; both reveal.
  await a.goto(`/spaces/${spaceId}/inventory/c/kissing`);
  const doing = await a.locator('input[type=radio][value=yes][name$=".doing"]').first().getAttribute('name');
  const item = doing.slice(2, -'.doing'.length);
  await answer(a, doing, 'yes');
  await s.goto(`/spaces/${spaceId}/inventory/c/kissing`);
  await answer(s, `r.${item}.receiving`, 'yes');
  for (const p of [a, s]) {
    await p.goto(`/spaces/${spaceId}/inventory/reveal`);
    await submit(p, 'button:has-text("ready to reveal")');
  }

  // The plan, from the navigation.
  await a.goto(`/spaces/${spaceId}`);
  await a.click('nav.space-nav a:has-text("Plans")');
  await a.waitForURL((u) => u.pathname === `/spaces/${spaceId}/plans`);
  await checkPage(a, 'plans-empty');
  await a.click('a:has-text("Make a plan")');
  await a.locator(`input[name=item][value="${item}"]`).waitFor();
  await checkPage(a, 'plan-new');
  await a.fill('input[name=title]', 'Sunday evening');
  await a.check(`input[name=item][value="${item}"]`);
  await a.selectOption('select[name=hours]', '25');
  await a.fill('input[name=when]', 'Sunday, after dinner');
  await a.fill('textarea[name=exit_strategy]', 'Either of us says red, and we stop and sit together.');
  await a.fill('textarea[name^=aftercare_] >> nth=0', 'A warm drink and quiet');
  await a.check('input[name=done_environment]');
  await a.fill('textarea[name=note_environment]', 'Bedroom, door locked, phones away');
  await a.check('input[name=done_first_aid]');
  await submit(a, 'button:has-text("Propose this plan")');
  await a.waitForURL((u) => /\/plans\/[^/]+$/.test(u.pathname));
  const planPath = new URL(a.url()).pathname;
  assert.ok((await a.textContent('#main')).includes('Waiting for everyone to confirm'));
  await checkPage(a, 'plan-proposed');

  // Confirm and Withdraw are equally easy to reach.
  const confirmBox = await a.locator('button:has-text("Confirm")').boundingBox();
  const withdrawBox = await a.locator('button:has-text("Withdraw")').boundingBox();
  assert.ok(Math.abs(confirmBox.height - withdrawBox.height) < 2, 'same height');
  await submit(a, 'button:has-text("Confirm")');
  await s.goto(planPath);
  await submit(s, 'button:has-text("Confirm")');
  assert.ok((await s.textContent('#main')).includes('Everyone confirmed'));
  await checkPage(s, 'plan-confirmed');

  // A day later (the server restarts with its clock moved on; sessions have idled out).
  await server.stop({ keepData: true });
  server = await startServer({ ATTUNE_TEST_CLOCK_OFFSET_SECS: String(26 * 3600) }, { reuseDataDir: server.dataDir });
  a = await person();
  s = await person();
  await logIn(a, alexName, pass);
  await logIn(s, samName, pass);

  await a.goto(planPath);
  await a.click('a:has-text("Write your debrief")');
  await a.fill('textarea[name=exciting]', 'How unhurried it felt');
  await a.fill('textarea[name=doubt]', 'Whether I was going too fast at first');
  await a.click('label:has(input[name=aftercare][value="5"])');
  await submit(a, 'button:has-text("Save my debrief")');
  const sealed = await a.textContent('#main');
  assert.ok(sealed.includes('Saved. You can change it'), sealed);
  await checkPage(a, 'debrief-sealed');
  await s.goto(`${planPath}/debrief`);
  assert.ok(!(await s.textContent('#main')).includes('How unhurried it felt'), "Alex's words stay sealed");
  await s.fill('textarea[name=exciting]', 'Feeling listened to the whole time');
  await s.fill('textarea[name=feel_now]', 'Calm and close');
  await s.click('label:has(input[name=aftercare][value="4"])');
  await submit(s, 'button:has-text("Save my debrief")');
  const side = await s.textContent('#main');
  assert.ok(side.includes('Side by side') && side.includes('How unhurried it felt'), side);
  await checkPage(s, 'debrief-side-by-side');

  // Alex suggests Sam's line for the log; it waits for Sam's yes.
  await a.goto(`${planPath}/debrief`);
  await submit(a, 'button:has-text("Suggest for the log (Sam decides)") >> nth=0');
  assert.ok((await a.textContent('#main')).includes('Waiting for Sam'));
  await s.goto(`/spaces/${spaceId}`);
  await s.click('nav.space-nav a:has-text("Log")');
  await s.waitForURL((u) => u.pathname === `/spaces/${spaceId}/log`);
  await checkPage(s, 'log-asking');
  await submit(s, 'button:text-is("Add")');
  const log = await s.textContent('#main');
  assert.ok(log.includes('Feeling listened to the whole time') && log.includes('Added to the log, with your yes'), log);
  await checkPage(s, 'log');
  await a.goto(`/spaces/${spaceId}/plans`);
  assert.ok((await a.textContent('#main')).includes('Debriefed'));
  await checkPage(a, 'plans');
});
