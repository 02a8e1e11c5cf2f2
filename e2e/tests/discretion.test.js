'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { withServerAndBrowser } = require('../helpers/suite');
const { newPerson } = require('../helpers/browser');
const { tour } = require('../helpers/tour');

const env = withServerAndBrowser();

test('pages stay discreet and load nothing from other hosts', async () => {
  const { context, page } = await newPerson(env.browser, env.server.url);
  const requests = [];
  const titles = [];
  context.on('request', (r) => requests.push(r.url()));
  try {
    await tour(page, async (name, p) => {
      titles.push({ name, title: await p.title() });
    });
    // The away page is part of what a person can land on, too.
    await page.goto('/away');
    const awayTitle = await page.title();
    assert.doesNotMatch(awayTitle, /attune/i);
  } finally {
    await context.close();
  }

  assert.ok(requests.length > 20, `the flow made requests (${requests.length})`);
  const foreign = requests.filter((u) => {
    try {
      return new URL(u).origin !== env.server.origin;
    } catch {
      return true;
    }
  });
  assert.deepEqual(foreign, [], 'every request goes to the app itself');

  for (const { name, title } of titles) {
    assert.equal(title, 'Notes', `discreet title on ${name}`);
    assert.doesNotMatch(title, /attune/i, `the title of ${name} does not name the app`);
  }
});
