// The server's own search page in headless Chromium: results, facets as filters (several values
// of a group, a range of years), corrections and notices about how the query was read, the
// server's own errors, a layout that fits a phone and long names, axe-core's accessibility
// rules, markup shown as text, and a strict Content-Security-Policy that nothing on it violates.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const field = (page) => page.getByRole('combobox', { name: 'Søg i dokumenterne' });

/** Waits until the status line (the count of hits, or what went wrong) matches `pattern`. */
function waitForStatus(page, pattern) {
  return page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('status').textContent), pattern.source);
}

/** The count of hits the status line says, or 0 when it says there are none. */
async function statusTotal(page) {
  const m = /^(\d+) dokumenter|^(Ét) dokument/.exec(await page.getByRole('status').textContent());
  if (!m) return 0;
  return m[2] ? 1 : Number(m[1]);
}

/** The checkbox of `value` in facet `facet`, and the count beside it. */
function facetValue(page, facet, value) {
  const label = page.locator(`.facet[data-facet="${facet}"][data-value="${value}"]`);
  return { box: label.getByRole('checkbox'), count: label.locator('.count') };
}

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
    assert.equal(await kl.getByRole('checkbox').isChecked(), true);
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

  it('says which word it searched instead of a slip, apart from what it searched besides', async () => {
    const page = await h.newPage(browser);
    // The archive's own spelling of "grunddataa" is "grunddata", one letter off.
    await page.goto(`${server.url}/?q=grunddataa`);
    await page.locator('.hit mark').first().waitFor();
    const box = page.locator('#expansions');
    assert.match(await box.textContent(), /^Søgte efter grunddata i stedet for grunddataa\./);
    assert.doesNotMatch(await box.textContent(), /omfattede også: [^.]*grunddata \(/);
    await h.screenshot(page, 'page-respelled');
    await page.close();
  });

  it('shows what the correction finds when a misspelled word finds nothing, and the word as typed on request', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=nemdi`);
    await page.locator('.hit mark').first().waitFor();
    const line = page.locator('#did-you-mean');
    assert.equal(await line.textContent(), 'Viser resultater for nemid — søg i stedet efter nemdi');
    assert.match(await page.getByRole('status').textContent(), /^3 dokumenter matcher »nemid«/);
    assert.equal(await field(page).inputValue(), 'nemid');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'nemdi');
    await h.screenshot(page, 'page-corrected');

    await line.getByRole('link', { name: 'nemdi' }).click();
    await waitForStatus(page, /^Ingen dokumenter matcher »nemdi«/);
    assert.equal(new URL(page.url()).searchParams.get('eksakt'), '1');
    assert.equal(await page.locator('.hit').count(), 0);
    assert.equal(await line.textContent(), 'Mente du nemid?');

    await line.getByRole('link', { name: 'nemid' }).click();
    await page.locator('.hit mark').first().waitFor();
    assert.equal(await field(page).inputValue(), 'nemid');
    assert.equal(new URL(page.url()).searchParams.get('eksakt'), null);
    assert.deepEqual(page.problems, []);
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
    // The list of an earlier prefix ("D") may still be open while the answer for "Digi" comes.
    await page.getByRole('option', { name: /^Digital Post/ }).first().waitFor();
    const names = await page.getByRole('option').allTextContents();
    assert.ok(names.every((n) => /digi/i.test(n)), names.join(' | '));
    await h.screenshot(page, 'page-phone-suggestions');
    await page.close();
  });

  it('combines two sources with OR, keeps both in the address, and goes back one with Back', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=grunddata`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await statusTotal(page), 4);
    const kl = facetValue(page, 'source', 'KL');
    const regions = facetValue(page, 'source', 'Digitaliseringsministeriet, KL og Danske Regioner');
    const sum = Number(await kl.count.textContent()) + Number(await regions.count.textContent());
    await kl.box.check();
    await waitForStatus(page, /^Ét dokument/);
    // The other sources are still there to add, with their counts without the source filter.
    assert.equal(await regions.count.textContent(), '1');
    await regions.box.check();
    await waitForStatus(page, /^2 dokumenter/);
    assert.equal(await statusTotal(page), sum);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('source'),
      ['KL', 'Digitaliseringsministeriet, KL og Danske Regioner']);
    assert.equal(await kl.box.isChecked(), true);
    assert.equal(await regions.box.isChecked(), true);
    assert.equal(await page.locator('.chip').count(), 2);
    await h.screenshot(page, 'page-two-sources');

    await page.goBack();
    await waitForStatus(page, /^Ét dokument/);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('source'), ['KL']);
    assert.equal(await regions.box.isChecked(), false);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('narrows to a range of years typed as fra–til, or to one year of the list', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=borgerne`);
    await waitForStatus(page, /^6 dokumenter/);
    await page.getByLabel('Fra', { exact: true }).fill('2014');
    await page.getByLabel('Til', { exact: true }).fill('2016');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await waitForStatus(page, /^3 dokumenter/);
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('from'), '2014');
    assert.equal(params.get('to'), '2016');
    for (const meta of await page.locator('.hit .meta').allTextContents()) assert.match(meta, /201[456]/);
    assert.equal(await page.locator('.chip').textContent(), 'År: 2014–2016 ×');
    assert.equal(await page.locator('.facet.year[aria-pressed="true"]').count(), 3);

    await page.locator('.facet.year[data-value="2021"]').click();
    await waitForStatus(page, /^Ét dokument/);
    assert.match(await page.locator('.hit .meta').textContent(), /2021/);
    assert.equal(new URL(page.url()).searchParams.get('from'), '2021');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('shows the server\'s own error message, such as for a query of too many words', async () => {
    const page = await h.newPage(browser);
    const words = Array.from({ length: 70 }, (_, i) => `ord${i}`).join(' ');
    await page.goto(`${server.url}/?q=${encodeURIComponent(words)}`);
    await waitForStatus(page, /parameter q has 70 words; at most 64/);
    assert.equal(await page.getByRole('status').getAttribute('class'), 'status error');
    assert.equal(await page.locator('#layout').isHidden(), true);
    await h.screenshot(page, 'page-error');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('asks for a word, in Danish, when the search is empty', async () => {
    const page = await h.newPage(browser);
    await page.goto(server.url);
    await field(page).fill('   ');
    await field(page).press('Enter');
    await waitForStatus(page, /^Skriv mindst ét ord at søge efter/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('offers the search without filters when the filters leave nothing', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=grunddata&source=KL&type=strategi`);
    const offer = page.locator('#without-filters');
    await offer.waitFor();
    assert.equal(await offer.textContent(),
      'Ingen resultater med de valgte filtre — søg uden filtre (4 resultater)');
    assert.match(await page.getByRole('status').textContent(), /^Ingen dokumenter matcher »grunddata«/);
    assert.ok(await page.getByRole('heading', { name: 'Sådan søger du' }).isVisible());
    await h.screenshot(page, 'page-filters-leave-nothing');
    await offer.getByRole('link').click();
    await waitForStatus(page, /^4 dokumenter/);
    assert.equal(new URL(page.url()).search, '?q=grunddata');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('keeps a chosen value in its facet, checked, when nothing matches it any longer', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=grunddata&source=KL&type=strategi`);
    await page.locator('#without-filters').waitFor();
    for (const [facet, value] of [['source', 'KL'], ['type', 'strategi']]) {
      const { box, count } = facetValue(page, facet, value);
      assert.equal(await box.isChecked(), true, value);
      assert.equal(await count.textContent(), '0', value);
    }
    // The other type is there to choose instead.
    assert.equal(await facetValue(page, 'type', 'nyhed').count.textContent(), '1');
    await page.close();
  });

  it('says when the query was read as plain words', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=${encodeURIComponent('NemID AND')}`);
    await page.locator('.hit').first().waitFor();
    assert.match(await page.locator('#notices').textContent(), /^Søgningen blev læst som almindelige ord/);
    await page.goto(`${server.url}/?q=NemID`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('#notices').isHidden(), true);
    await page.close();
  });

  it('says which stop words it left out', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=${encodeURIComponent('og NemID')}`);
    await page.locator('.hit').first().waitFor();
    assert.match(await page.locator('#notices').textContent(), /^Ordet »og« blev udeladt/);
    await page.close();
  });

  it('shows the first five values of a facet, and the rest on "Vis flere"', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=borgerne`);
    await waitForStatus(page, /^6 dokumenter/);
    const years = page.locator('.facet.year');
    assert.equal(await years.count(), 6);
    const visible = () => years.evaluateAll((all) => all.filter((e) => e.checkVisibility()).length);
    assert.equal(await visible(), 5);
    const more = page.getByRole('button', { name: 'Vis flere (1)' });
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    await more.click();
    assert.equal(await visible(), 6);
    const fewer = page.getByRole('button', { name: 'Vis færre' });
    assert.equal(await fewer.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('.facet.year[data-value="2010"]').isVisible());
    await page.close();
  });

  it('takes every filter off with "Ryd alle"', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=borgerne&source=KL&type=nyhed&from=2014&to=2016`);
    await waitForStatus(page, /^Ét dokument/);
    assert.equal(await page.locator('.chip').count(), 3);
    await page.getByRole('button', { name: 'Ryd alle' }).click();
    await waitForStatus(page, /^6 dokumenter/);
    assert.equal(new URL(page.url()).search, '?q=borgerne');
    assert.equal(await page.locator('.chip').count(), 0);
    assert.equal(await page.locator('.facet input:checked').count(), 0);
    await page.close();
  });

  it('wraps long source names at 1280 pixels rather than growing wider than the window', async () => {
    const page = await h.newPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    // Regression: the facets made the page wider than the window with such names (issue 16).
    const long = 'Sundhedsdatastyrelsen/Sundhedsministeriet';
    await page.goto(`${server.url}/?q=grunddata&source=${encodeURIComponent(long)}`);
    await waitForStatus(page, /^Ét dokument/);
    await page.locator('.facet[data-facet="source"]').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 1280);
    const right = await page.locator('#facets').evaluate((e) => e.getBoundingClientRect().right);
    const hits = await page.locator('#hits').evaluate((e) => e.getBoundingClientRect().left);
    assert.ok(right <= hits, `the facets (to ${right}) reach into the hits (from ${hits})`);
    await h.screenshot(page, 'page-1280-long-sources');
    await page.close();
  });

  it('puts the facets above the hits behind one "Filtrer" button on a phone', async () => {
    const page = await h.newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/?q=borgerne`);
    await waitForStatus(page, /^6 dokumenter/);
    const toggle = page.getByRole('button', { name: 'Filtrer' });
    const facets = page.locator('#facets');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await facets.isVisible(), false);
    const top = async (locator) => (await locator.boundingBox()).y;
    const firstHit = page.locator('.hit').first();
    assert.ok(await top(toggle) < await top(firstHit));
    assert.ok(await top(toggle) + 40 < 844, 'the button is on the first screen');
    await h.screenshot(page, 'page-phone-closed');

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await facets.isVisible());
    const facetsBox = await facets.boundingBox();
    assert.ok(facetsBox.y + facetsBox.height <= await top(firstHit), 'the facets are above the hits');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
    await h.screenshot(page, 'page-phone-filters');
    // Choosing a value keeps the panel open for the next one.
    await facetValue(page, 'source', 'KL').box.check();
    await waitForStatus(page, /^2 dokumenter/);
    assert.ok(await facets.isVisible());
    assert.match(await page.getByRole('button', { name: /^Filtrer/ }).textContent(), /^Filtrer \(1\)$/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('has one h1, and the query in the tab\'s title', async () => {
    const page = await h.newPage(browser);
    await page.goto(server.url);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Opslag');
    const start = await page.title();
    await field(page).fill('NemID');
    await field(page).press('Enter');
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.title(), 'NemID – Opslag');
    await page.goBack();
    await page.waitForFunction((t) => document.title === t, start);
    await page.close();
  });

  it('links a hit\'s title to its page on the server when the answer names one, the original beside it', async () => {
    const page = await h.newPage(browser);
    // The answer as it is when a hit has a page of its own (view) and an address elsewhere (url).
    await page.route(/\/search\?/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.hits.forEach((hit, i) => {
        hit.view = `/d/${encodeURIComponent(hit.id)}?q=NemID`;
        hit.url = i === 0 ? 'https://example.org/nemid' : '';
      });
      body.hits[1].view = 'https://elsewhere.example/d/1';
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${server.url}/?q=NemID`);
    const first = page.locator('.hit').first();
    await first.waitFor();
    assert.match(await first.locator('.title a').getAttribute('href'), /^\/d\/[^/]+\?q=NemID$/);
    const original = first.locator('a.original');
    assert.equal(await original.getAttribute('href'), 'https://example.org/nemid');
    assert.match(await original.textContent(), /^original/);
    // A page elsewhere is not taken for the server's own.
    const second = page.locator('.hit').nth(1);
    assert.equal(await second.locator('.title a').count(), 0);
    await page.close();
  });

  it('offers the search as a feed, named in the page\'s head, in step with the filters', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=borgerne&source=KL&sort=-date`);
    // The server writes the feed into the page of a search address, for a feed reader.
    const served = await page.evaluate(() => {
      const link = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
      return link && link.getAttribute('href');
    });
    assert.equal(served, '/search.atom?q=borgerne&source=KL');
    const subscribe = page.getByRole('link', { name: 'Abonnér på søgningen' });
    await page.locator('.hit').first().waitFor();
    assert.equal(await subscribe.getAttribute('href'), '/search.atom?q=borgerne&source=KL');
    await page.locator('.chip').click();
    await page.waitForFunction(() => !/source=/.test(document.getElementById('subscribe').href));
    assert.equal(await subscribe.getAttribute('href'), '/search.atom?q=borgerne');
    assert.equal(await page.evaluate(() => document.querySelectorAll('link#feed').length), 1);
    assert.equal(await page.evaluate(() => document.getElementById('feed').getAttribute('href')),
      '/search.atom?q=borgerne');
    // The link is the feed: Atom, the newest arrivals first.
    const answer = await page.request.get(`${server.url}/search.atom?q=borgerne`);
    assert.equal(answer.status(), 200);
    assert.match(answer.headers()['content-type'], /^application\/atom\+xml/);
    assert.match(await answer.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    await h.screenshot(page, 'page-subscribe');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('sorts by the newest arrivals on "senest tilføjet"', async () => {
    const page = await h.newPage(browser);
    await page.goto(`${server.url}/?q=borgerne`);
    await page.locator('.hit').first().waitFor();
    await page.getByLabel('Sortér').selectOption('-indexed');
    await page.waitForURL(/sort=-indexed/);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.getByLabel('Sortér').inputValue(), '-indexed');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('has nothing axe-core finds wrong, on a wide screen', async () => {
    const page = await h.newPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url);
    await h.expectNoAxeViolations(page, 'the start page');
    await page.goto(`${server.url}/?q=borgerne&source=KL&source=Digitaliseringsstyrelsen`);
    await waitForStatus(page, /^6 dokumenter/);
    await page.getByRole('button', { name: /^Vis flere/ }).click();
    await h.expectNoAxeViolations(page, 'a page of results, its facets open');
    await page.goto(`${server.url}/?q=nyhedsbrev&page=2`);
    await waitForStatus(page, /side 2 af 2/);
    await h.expectNoAxeViolations(page, 'the second page');
    await page.goto(`${server.url}/?q=xyzzyqq`);
    await waitForStatus(page, /^Ingen dokumenter/);
    await h.expectNoAxeViolations(page, 'no results');
    await page.goto(`${server.url}/?q=grunddata&source=KL&type=strategi`);
    await page.locator('#without-filters').waitFor();
    await h.expectNoAxeViolations(page, 'no results with filters');
    await page.goto(`${server.url}/?q=nemdi`);
    await page.locator('.hit').first().waitFor();
    await h.expectNoAxeViolations(page, 'the results of a correction');
    await page.goto(`${server.url}/?q=${encodeURIComponent('og NemID AND')}`);
    await page.locator('#notices').waitFor();
    await h.expectNoAxeViolations(page, 'notices about the query');
    await page.goto(`${server.url}/?q=NemID&from=nu`);
    await waitForStatus(page, /parameter from/);
    await h.expectNoAxeViolations(page, 'an error');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('has nothing axe-core finds wrong, on a phone with the filters open', async () => {
    const page = await h.newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/?q=borgerne&type=nyhed`);
    await waitForStatus(page, /^3 dokumenter/);
    await h.expectNoAxeViolations(page, 'a phone, the filters closed');
    await page.getByRole('button', { name: /^Filtrer/ }).click();
    await page.locator('#facets').waitFor();
    await h.expectNoAxeViolations(page, 'a phone, the filters open');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
