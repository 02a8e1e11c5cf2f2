'use strict';
// The life of one test file: a fresh server and one browser before its tests, both gone after.
// `const env = withServerAndBrowser();` then `env.server` and `env.browser` inside the tests.

const { before, after } = require('node:test');
const { startServer } = require('./server');
const { launchBrowser } = require('./browser');

function withServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

module.exports = { withServerAndBrowser };
