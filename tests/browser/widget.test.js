// The widget on an intranet page of another origin, in headless Chromium: suggestions, keyboard,
// results, styles kept apart, markup shown as text, CORS, and the server going away.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

describe('the widget on a page of another origin', () => {
  let index, server, spare, host, stranger, browser;

  before(async () => {
    index = h.makeIndex();
    // The host page's origin is known before the server starts: it is the one allowed.
    let serverUrl = '';
    let spareUrl = '';
    host = await h.startHostPage((url) => ({ '/': serverUrl, '/down.html': spareUrl }[url]));
    server = await h.startServer(index.db, [host.url]);
    spare = await h.startServer(index.db, [host.url]);
    serverUrl = server.url;
    spareUrl = spare.url;
    // A page on an origin the server does not allow.
    stranger = await h.startHostPage(() => serverUrl);
    browser = await h.launchBrowser();
  });

  after(async () => {
    if (browser) await browser.close();
    for (const s of [server, spare, host, stranger]) if (s) await s.stop();
    h.removeDir(index && index.dir);
  });

  it('suggests NemID for NemI, and Enter on it shows highlighted results', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.pressSequentially('NemI', { delay: 30 });
    const option = widget.getByRole('option', { name: 'NemID', exact: true });
    await option.waitFor();
    assert.equal(await field.getAttribute('aria-expanded'), 'true');
    const listId = await field.getAttribute('aria-controls');
    assert.equal(await widget.locator(`#${listId}`).getAttribute('role'), 'listbox');
    await h.screenshot(page, 'widget-suggestions');

    await field.press('ArrowDown');
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await field.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    await field.press('Enter');
    assert.equal(await field.inputValue(), 'NemID');
    assert.equal(await field.getAttribute('aria-expanded'), 'false');
    const marks = widget.locator('.hits mark');
    await marks.first().waitFor();
    assert.match(await marks.first().textContent(), /^NemID$/i);
    assert.match(await widget.locator('.status').textContent(), /dokument/);
    // The search as a feed on the server, for a feed reader.
    const feed = widget.getByRole('link', { name: 'Abonnér på søgningen' });
    assert.equal(await feed.getAttribute('href'), `${server.url}/search.atom?q=NemID`);
    await h.screenshot(page, 'widget-results');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('completes e-b to e-Boks as it is written, and searches it when chosen', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.pressSequentially('e-b', { delay: 30 });
    const option = widget.getByRole('option', { name: 'e-Boks', exact: true });
    await option.waitFor();
    // The last part completed alone made words nobody writes ("e-borgere", "e-bedre").
    const names = await widget.getByRole('option').allTextContents();
    assert.ok(names.every((n) => !/^e-b(orger|edre|ruge)/.test(n)), names.join(' | '));
    await h.screenshot(page, 'widget-hyphenated-suggestion');
    await option.click();
    assert.equal(await field.inputValue(), 'e-Boks');
    const marks = widget.locator('.hits mark');
    await marks.first().waitFor();
    assert.match(await marks.first().textContent(), /^e-Boks$/i);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('finds no accessibility violations with axe-core, suggestions open and results shown',
    async () => {
      const page = await h.newPage(browser);
      await page.goto(host.url);
      const widget = page.locator('#opslag');
      const field = widget.getByRole('combobox');
      await field.pressSequentially('NemI', { delay: 30 });
      await widget.getByRole('option', { name: 'NemID', exact: true }).waitFor();
      await h.expectNoAxeViolations(page, 'the widget with its suggestions open');
      await field.press('ArrowDown');
      await field.press('Enter');
      await widget.locator('.hits mark').first().waitFor();
      await h.expectNoAxeViolations(page, 'the widget with results');
      await field.fill(Array.from({ length: 70 }, (_, i) => `ord${i}`).join(' '));
      await field.press('Enter');
      await widget.locator('.status.error').waitFor();
      await h.expectNoAxeViolations(page, 'the widget saying what was wrong');
      await page.close();
    });

  it('shows the server\'s own words for a query it refuses', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const field = page.locator('#opslag').getByRole('combobox');
    await field.fill(Array.from({ length: 70 }, (_, i) => `ord${i}`).join(' '));
    await field.press('Enter');
    const status = page.locator('#opslag .status.error');
    await status.waitFor();
    assert.match(await status.textContent(), /^parameter q has 70 words; at most 64/);
    await page.close();
  });

  it('moves with the arrows, closes on Escape and searches what was typed on Enter', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.pressSequentially('digital', { delay: 20 });
    // On a busy machine the keys may come slower than the pause before asking, so the list may
    // first answer a part of the word: move only once it answers all of it.
    const listId = await field.getAttribute('aria-controls');
    const options = widget.locator(`#${listId}[data-query="digital"] [role="option"]`);
    await options.first().waitFor();
    assert.ok(await options.count() >= 2);
    await field.press('ArrowDown');
    await field.press('ArrowDown');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
    await field.press('ArrowUp');
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
    await field.press('Escape');
    assert.equal(await field.getAttribute('aria-expanded'), 'false');
    assert.equal(await field.getAttribute('aria-activedescendant'), null);
    assert.equal(await field.inputValue(), 'digital');
    await field.press('Enter');
    await widget.locator('.hits mark').first().waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('keeps its styles and the host page\'s apart', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    // The host hides every input and button and sets fonts and colours; none of it gets in.
    await field.waitFor({ state: 'visible' });
    assert.ok(await widget.getByRole('button', { name: 'Søg' }).isVisible());
    const inside = await field.evaluate((e) => getComputedStyle(e).letterSpacing);
    assert.equal(inside, 'normal');
    // The widget's own .status styles do not reach the host's .status.
    const hostStatus = await page.locator('main > p.status').evaluate((e) => getComputedStyle(e).fontSize);
    assert.equal(hostStatus, '30px');
    await page.close();
  });

  it('shows a document\'s <script> and <img onerror> as text', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.fill('alert');
    await field.press('Enter');
    const hit = widget.locator('.hit').first();
    await hit.waitFor();
    const text = await hit.textContent();
    assert.ok(text.includes('<script>alert(1)</script>'), text);
    assert.equal(await widget.locator('.hits script, .hits img').count(), 0);
    assert.deepEqual(page.dialogs, []);
    await h.screenshot(page, 'widget-xss');
    await page.close();
  });

  it('says politely that search is unavailable when the server is down', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${host.url}/down.html`);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.waitFor({ state: 'visible' });
    await spare.stop();
    await field.fill('NemID');
    await field.press('Enter');
    const status = widget.getByRole('status');
    await page.waitForFunction(
      (el) => /ikke tilgængelig/.test(el.textContent), await status.elementHandle());
    assert.equal(await status.textContent(), 'Søgningen er ikke tilgængelig lige nu. Prøv igen om lidt.');
    await h.screenshot(page, 'widget-server-down');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('cannot read answers on a page of an origin the server does not allow', async () => {
    const page = await h.newPage(browser);
    await page.goto(stranger.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.fill('NemID');
    await field.press('Enter');
    const status = widget.getByRole('status');
    await page.waitForFunction(
      (el) => /ikke tilgængelig/.test(el.textContent), await status.elementHandle());
    assert.equal(await widget.locator('.hit').count(), 0);
    await page.close();
  });
});
