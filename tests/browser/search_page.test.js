// The server's own search page in headless Chromium: results, facets as filters, "Mente du",
// markup shown as text, and a strict Content-Security-Policy that nothing on it violates.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

describe('the search page', () => {
  let index, server, browser;

  before(async () => {
    index = h.makeIndex();
    server = await h.startServer(index.db);
    browser = await h.launchBrowser();
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
    h.removeDir(index && index.dir);
  });

  it('is sent with a strict Content-Security-Policy that nothing on it breaks', async () => {
    const page = await h.newPage(browser);
    const response = await page.goto(`${server.url}/?q=NemID`);
    const headers = response.headers();
    assert.match(headers['content-security-policy'], /^default-src 'self'/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    await page.locator('.hit mark').first().waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('filters by a facet, and the filter can be taken off again', async () => {
    const page = await h.newPage(browser);
    await page.goto(server.url);
    const field = page.getByRole('combobox', { name: 'Søg i dokumenterne' });
    await field.fill('borgerne');
    await field.press('Enter');
    await page.locator('.hit').first().waitFor();
    const all = await page.locator('.hit').count();
    assert.equal(all, 6);
    const kl = page.locator('.facet[data-facet="source"][data-value="KL"]');
    assert.equal(await kl.locator('.count').textContent(), '2');
    await kl.click();
    await page.waitForFunction(() => document.querySelectorAll('.hit').length === 2);
    for (const meta of await page.locator('.hit .meta').allTextContents()) assert.match(meta, /KL/);
    assert.equal(await kl.getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /[?&]source=KL(&|$)/);
    assert.match(await page.getByRole('status').textContent(), /^2 dokumenter matcher »borgerne«/);
    await h.screenshot(page, 'page-facet');

    await page.locator('.chip').click();
    await page.waitForFunction((n) => document.querySelectorAll('.hit').length === n, all);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.hit').length === 2);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('pages through the hits', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=nyhedsbrev`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('.hit').count(), 10);
    assert.match(await page.getByRole('status').textContent(), /^12 dokumenter .*, side 1 af 2$/);
    await page.getByRole('link', { name: 'Næste side' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.hit').length === 2);
    assert.match(page.url(), /[?&]page=2(&|$)/);
    assert.equal(await page.locator('.page[aria-current="page"]').textContent(), '2');
    assert.equal(await page.locator('#hits').getAttribute('start'), '11');
    await h.screenshot(page, 'page-2');
    // A page past the last shows the last.
    await page.goto(`${server.url}/?q=nyhedsbrev&page=9`);
    await page.waitForFunction(() => /side 2 af 2/.test(document.getElementById('status').textContent));
    assert.match(page.url(), /[?&]page=2(&|$)/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('links to no page deeper than the server ranks', async () => {
    const shallow = await h.startServer(index.db, [], ['--max-result-depth', '10']);
    try {
      const page = await h.newPage(browser);
      await page.goto(`${shallow.url}/?q=nyhedsbrev`);
      await page.locator('.hit').first().waitFor();
      assert.match(await page.getByRole('status').textContent(), /^12 dokumenter/);
      assert.equal(await page.getByRole('link', { name: 'Næste side' }).count(), 0);
      assert.equal(await page.locator('#pages').isHidden(), true);
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      await shallow.stop();
    }
  });

  it('says "ca." before a total the server only estimated', async () => {
    const page = await h.newPage(browser);
    // A broad search on a large archive: the server counts part of the matches and says so.
    await page.route(/\/search\?/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.total = 30000;
      body.estimated = true;
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${server.url}/?q=NemID`);
    await page.waitForFunction(
      () => /ca\. 30\.000 dokumenter/.test(document.getElementById('status').textContent));
    await page.close();
  });

  it('offers "Mente du …?" for a misspelled word', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=nemdi`);
    const fix = page.locator('#did-you-mean a');
    await fix.waitFor();
    assert.equal(await fix.textContent(), 'nemid');
    await fix.click();
    await page.locator('.hit mark').first().waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Søg i dokumenterne' }).inputValue(), 'nemid');
    await page.close();
  });

  it('shows a document\'s <script> and <img onerror> as text, running neither', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=alert`);
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    const title = await hit.locator('.title').textContent();
    assert.ok(title.includes('<script>alert(1)</script>'), title);
    const snippet = await hit.locator('.snippet').textContent();
    for (const markup of h.XSS_TEXT) assert.ok(snippet.includes(markup), snippet);
    assert.ok(await hit.locator('.snippet mark').count() >= 1);
    assert.equal(await page.locator('.hits script, .hits img').count(), 0);
    assert.ok(await page.getByText('<img src=x onerror=alert(1)>', { exact: false }).isVisible());
    assert.deepEqual(page.dialogs, []);
    await h.screenshot(page, 'page-xss');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('suggests as one types on the page too', async () => {
    const page = await h.newPage(browser);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(server.url);
    const field = page.getByRole('combobox', { name: 'Søg i dokumenterne' });
    await field.pressSequentially('Digi', { delay: 30 });
    await page.getByRole('option').first().waitFor();
    const names = await page.getByRole('option').allTextContents();
    assert.ok(names.some((n) => n.startsWith('Digital Post')), names.join(' | '));
    await h.screenshot(page, 'page-phone-suggestions');
    await page.close();
  });
});
