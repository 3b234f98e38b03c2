// The document view in headless Chromium: a hit opens it from the search page and from the
// widget, its matches are stepped through, a PDF hit's page opens the original file, a document
// suggestion opens the document, and axe-core finds nothing to fault.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const PDF = path.join(__dirname, '..', 'testdata', 'nemid-rapport.pdf');

describe('the document view', () => {
  let index, server, host, browser;

  before(async () => {
    index = h.makeIndex({ 'rapport.pdf': PDF });
    let serverUrl = '';
    host = await h.startHostPage(() => serverUrl);
    server = await h.startServer(index.db, [host.url]);
    serverUrl = server.url;
    browser = await h.launchBrowser();
  });

  after(async () => {
    if (browser) await browser.close();
    for (const s of [server, host]) if (s) await s.stop();
    h.removeDir(index && index.dir);
  });

  it('opens from a hit on the search page, the matches marked and stepped through', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=borgerne`);
    await page.locator('.hit a[href^="/d/kommunal-strategi.txt"]').click();
    await page.waitForURL(/\/d\/kommunal-strategi\.txt\?q=borgerne/);
    assert.equal(await page.locator('h1').textContent(), 'Kommunernes digitaliseringsstrategi');
    assert.equal(await page.title(), 'Kommunernes digitaliseringsstrategi – Opslag');
    const marks = page.locator('.tekst mark[id]');
    assert.equal(await marks.count(), 1);
    assert.equal(await marks.first().textContent(), 'borgerne');
    assert.equal(await page.locator('#taeller').textContent(), '1 af 1');
    assert.equal(await page.locator('.meta').first().textContent(),
      '5. juni 2016 · KL · strategi');
    // Back to the search it came from.
    assert.equal(await page.locator('a.back').getAttribute('href'), '/?q=borgerne');
    await h.expectNoAxeViolations(page, 'the document view');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('steps forward and back through every match, round at both ends, n and p too', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/d/rapport.pdf?q=NemID`);
    const count = Number(await page.locator('nav.fund').getAttribute('data-count'));
    assert.ok(count >= 3, `${count} matches`);
    const counter = page.locator('#taeller');
    const active = () => page.locator('mark.aktiv').getAttribute('id');
    assert.equal(await counter.textContent(), `1 af ${count}`);
    assert.equal(await active(), 'm1');
    await page.getByRole('button', { name: 'Næste fundsted' }).click();
    assert.equal(await counter.textContent(), `2 af ${count}`);
    assert.equal(await active(), 'm2');
    assert.match(page.url(), /#m2$/);
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    assert.equal(await counter.textContent(), `${count} af ${count}`);
    assert.equal(await active(), `m${count}`);
    await page.keyboard.press('n');
    assert.equal(await active(), 'm1');
    // The one stepped to is in sight.
    await page.getByRole('button', { name: 'Næste fundsted' }).click();
    assert.ok(await page.locator('mark.aktiv').isVisible());
    const box = await page.locator('mark.aktiv').boundingBox();
    assert.ok(box.y > 0 && box.y < 800, `the match is at y ${box.y}`);
    await h.screenshot(page, 'document-view', false);
    await h.expectNoAxeViolations(page, 'a PDF\'s document view');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('shows a PDF\'s pages and links to the original file, which is the indexed PDF', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/d/rapport.pdf?q=login`);
    assert.equal(await page.locator('.side').first().textContent(), 'Side 1');
    const link = page.getByRole('link', { name: 'Hent den oprindelige PDF' });
    const response = await page.request.get(new URL(await link.getAttribute('href'), server.url).href);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.ok((await response.body()).equals(fs.readFileSync(PDF)));
    await page.close();
  });

  it('is reached from a PDF hit\'s page, which opens the original file at that page', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=login`);
    const file = page.locator('.hit a.file');
    assert.equal(await file.textContent(), 'PDF, side 3: NemID i kommunerne');
    assert.equal(await file.getAttribute('href'), '/documents/rapport.pdf/file#page=3');
    const response = await page.request.get(`${server.url}/documents/rapport.pdf/file`);
    assert.ok((await response.body()).equals(fs.readFileSync(PDF)));
    await page.close();
  });

  it('opens when a document\'s title is chosen among the suggestions', async () => {
    const page = await h.newPage(browser);
    await page.goto(server.url);
    const field = page.getByRole('combobox', { name: 'Søg i dokumenterne' });
    await field.pressSequentially('MitID afl', { delay: 30 });
    const option = page.getByRole('option', { name: /MitID afløser NemID/ });
    await option.click();
    await page.waitForURL(/\/d\/mitid\.txt$/);
    assert.equal(await page.locator('h1').textContent(), 'MitID afløser NemID');
    await page.close();
  });

  it('opens from a hit in the widget on another origin, in a new tab', async () => {
    const page = await h.newPage(browser);
    await page.goto(host.url);
    const widget = page.locator('#opslag');
    const field = widget.getByRole('combobox');
    await field.fill('Digital Post');
    await field.press('Enter');
    const title = widget.locator('.hits a[href*="/d/digital-post.txt"]');
    await title.waitFor();
    assert.equal(await title.getAttribute('href'),
      `${server.url}/d/digital-post.txt?q=Digital%20Post`);
    const [view] = await Promise.all([page.context().waitForEvent('page'), title.click()]);
    await view.waitForLoadState();
    assert.equal(await view.locator('h1 mark').first().textContent(), 'Digital Post');
    await view.close();
    await page.close();
  });

  it('opens from the widget when a document\'s title is chosen among its suggestions',
    async () => {
      const page = await h.newPage(browser);
      await page.goto(host.url);
      const field = page.locator('#opslag').getByRole('combobox');
      await field.pressSequentially('MitID afl', { delay: 30 });
      const option = page.locator('#opslag').getByRole('option', { name: /MitID afløser NemID/ });
      const [view] = await Promise.all([page.context().waitForEvent('page'), option.click()]);
      await view.waitForLoadState();
      assert.equal(view.url(), `${server.url}/d/mitid.txt`);
      await view.close();
      await page.close();
    });

  it('says so, in a page of its own, for a document that is not there', async () => {
    const page = await h.newPage(browser);
    const response = await page.goto(`${server.url}/d/findes-ikke.txt`);
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Dokumentet findes ikke');
    await h.expectNoAxeViolations(page, 'the missing document page');
    await page.close();
  });
});
