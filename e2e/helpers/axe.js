'use strict';
// Runs axe-core in the page. The app's CSP (script-src 'self') blocks injected
// <script> tags, so the library's source is evaluated through the DevTools
// protocol instead, which CSP does not govern.

const fs = require('node:fs');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function ensureAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(AXE_SOURCE);
}

/** All axe violations on the page as it is now. */
async function axeViolations(page) {
  await ensureAxe(page);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

/** Only the serious and critical ones. */
async function seriousViolations(page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function formatViolations(where, violations) {
  return violations
    .map(
      (v) =>
        `[${where}] ${v.impact} ${v.id}: ${v.help}\n` +
        v.targets.map((t) => `    at ${t.target}\n      ${String(t.summary).replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

module.exports = { axeViolations, seriousViolations, formatViolations };
