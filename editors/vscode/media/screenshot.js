// How media/hover-and-diagnostic.png was taken; not part of the build or the package.
//
// Microsoft's VS Code could not be installed where the extension was made, so the picture shows the
// open-source VS Code that code-server serves in a browser:
//   1. npm install code-server@4.100.3 (VS Code 1.100.3; node 20; its native modules need
//      libkrb5-dev, and ripgrep from Debian in place of its download), and puppeteer-core@22;
//      chromium from Debian.
//   2. code-server --install-extension lamina-0.1.0.vsix (the package ./build writes), user
//      settings "lamina.server.path": "<checkout>/lamina" and "editor.hover.above": false.
//   3. code-server --auth none --bind-addr 127.0.0.1:8123 <folder>, the folder holding
//      shapes.lamina: the rank_error sample's model, then input [128, 1] and
//      conv1d(32, 5, strides=2, padding="same") in a second model.
//   4. node screenshot.js [url] [output.png]: opens shapes.lamina, waits for the server's
//      diagnostic, opens the Problems panel and the outline, hovers the strided conv1d.
'use strict';

const puppeteer = require('puppeteer-core');

const url = process.argv[2] || 'http://127.0.0.1:8123/';
const output = process.argv[3] || 'hover-and-diagnostic.png';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function chord(page, keys) {
  for (const key of keys) await page.keyboard.down(key);
  for (const key of [...keys].reverse()) await page.keyboard.up(key);
}

async function until(condition, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await condition()) return true;
    await sleep(500);
  }
  return false;
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: 'new',
    args: ['--no-sandbox', '--disable-gpu'],
    defaultViewport: { width: 1280, height: 800 }
  });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle2', timeout: 120000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  await sleep(5000);
  await chord(page, ['Control', 'KeyP']);
  await sleep(1500);
  await page.keyboard.type('shapes.lamina');
  await sleep(1500);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.view-lines', { timeout: 60000 });
  if (!(await until(async () => (await page.$('.squiggly-error')) !== null, 240))) {
    throw new Error('no diagnostic arrived from the language server');
  }
  await chord(page, ['Control', 'Shift', 'KeyM']);
  await page.evaluate(() => {
    const header = [...document.querySelectorAll('.pane-header')].find((h) => h.textContent.includes('Outline'));
    if (header && header.getAttribute('aria-expanded') !== 'true') header.click();
  });
  await sleep(3000);
  const target = await page.evaluate(() => {
    for (const line of document.querySelectorAll('.view-line')) {
      if (line.textContent.replace(/\u00a0/g, ' ').includes('conv1d(32, 5, strides=2')) {
        for (const span of line.querySelectorAll('span span')) {
          if (span.textContent === 'conv1d') {
            const r = span.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
        }
      }
    }
    return null;
  });
  if (target === null) throw new Error('the strided conv1d is not on screen');
  await page.mouse.move(target.x - 40, target.y);
  await sleep(300);
  await page.mouse.move(target.x, target.y);
  const shown = await until(
    () => page.evaluate(() => {
      const hover = document.querySelector('.monaco-hover:not(.hidden)');
      return hover !== null && hover.textContent.includes('192 parameters');
    }),
    15
  );
  if (!shown) throw new Error('no hover from the language server');
  await sleep(800);
  await page.screenshot({ path: output });
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
