// Renders each HTML report in headless Chromium (Debian's, via playwright-core),
// takes a full-page screenshot beside it, fails on any network request or script
// error, and runs axe-core for WCAG 2.2 AA: serious or critical violations fail.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
  let passed = 0;
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push('script error: ' + e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push('network request: ' + r.url());
    });
    await page.goto('file://' + path.resolve(file));
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    );
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad) problems.push(`axe ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length} elements, e.g. ${v.nodes[0].target.join(' ')})`);
    const minor = result.violations.length - bad.length;
    if (problems.length) {
      failed += 1;
      console.log(`FAIL ${path.basename(file)}`);
      for (const p of problems) console.log('  ' + p);
    } else {
      passed += 1;
      console.log(`ok   ${path.basename(file)}: rendered, no network, axe: 0 serious or critical (${minor} minor), ${result.passes.length} rules passed`);
    }
    await page.close();
  }
  await browser.close();
  console.log(`html: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
