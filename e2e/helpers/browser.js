'use strict';
// Launches the system Chromium through playwright-core (no browser download).

const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** A fresh browser context (one "person") whose relative URLs resolve against the app. */
async function newPerson(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

module.exports = { launchBrowser, newPerson, DESKTOP, PHONE };
