// What the browser tests share: a tiny corpus indexed with opslag-index, opslag-server on a free
// port, a host page served from another origin, and Debian's headless Chromium.
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/** Where the executables of the build under test are: set by ctest (tests/CMakeLists.txt). */
const BIN_DIR = process.env.OPSLAG_BIN_DIR || path.join(__dirname, '..', '..', 'build', 'bin');
const OPSLAG_INDEX = process.env.OPSLAG_INDEX || path.join(BIN_DIR, 'opslag-index');
const OPSLAG_SERVER = process.env.OPSLAG_SERVER || path.join(BIN_DIR, 'opslag-server');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, 'artifacts');

/** The documents: one of them says <script> and <img onerror> in its title and its text. */
const CORPUS = {
  'nemid.txt': 'NemID lanceres\n\n01-07-2010 Pressemeddelelse\n\nNemID afløser den digitale '
    + 'signatur. Med NemID logger borgerne på hos netbanken og det offentlige.\n\n'
    + 'Kilde: Digitaliseringsstyrelsen\n',
  'mitid.txt': 'MitID afløser NemID\n\n18-10-2021 Nyhed\n\nMitID erstatter NemID for alle '
    + 'borgerne i løbet af 2022.\n\nKilde: Digitaliseringsstyrelsen\n',
  'digital-post.txt': 'Digital Post bliver obligatorisk\n\n01-11-2014 Nyhed\n\nFra i dag '
    + 'modtager borgerne breve fra det offentlige i Digital Post, som mange læser i e-Boks.\n\n'
    + 'Kilde: Digitaliseringsstyrelsen\n',
  'borgerservice.txt': 'Kommunerne hjælper borgerne med Digital Post\n\n12-03-2015 Nyhed\n\n'
    + 'Borgerservice hjælper de borgerne, der ikke kan bruge Digital Post og NemID.\n\nKilde: KL\n',
  'kommunal-strategi.txt': 'Kommunernes digitaliseringsstrategi\n\n05-06-2016 Strategi\n\n'
    + 'Strategien skal gøre det lettere for borgerne at bruge digitale løsninger.\n\nKilde: KL\n',
  'xss.txt': 'Sikkerhed <script>alert(1)</script> på hjemmesider\n\n02-02-2020 Notat\n\n'
    + 'En side må aldrig køre <script>alert(1)</script> eller <img src=x onerror=alert(1)> fra '
    + 'et dokument, men skal vise det som tekst til borgerne.\n\nKilde: Digitaliseringsstyrelsen\n',
};

// Twelve newsletters, so that a search has two pages of hits.
for (let i = 1; i <= 12; ++i) {
  CORPUS[`nyhedsbrev-${i}.txt`] = `Nyhedsbrev nummer ${i}\n\n${String(i).padStart(2, '0')}-01-2019 `
    + 'Nyhed\n\nNyhedsbrevet fortæller om selvbetjening på nettet.\n\nKilde: KL\n';
}

/** The literal markup the XSS document's text holds. */
const XSS_TEXT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

function requirePlaywright() {
  try {
    return require('playwright-core');
  } catch (e) {
    throw new Error('playwright-core is not installed in tests/browser: run scripts/setup-browser');
  }
}

/** A TCP port on 127.0.0.1 that was free when asked. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** GETs `url` and resolves to its status, or to 0 when nothing answers. */
function status(url) {
  return new Promise((resolve) => {
    http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', () => resolve(0));
  });
}

/**
 * Writes the corpus to a fresh temporary folder, with the files `copies` names (corpus name ->
 * file to copy), and indexes it; returns {dir, db, corpus}.
 */
function makeIndex(copies = {}) {
  for (const file of [OPSLAG_INDEX, OPSLAG_SERVER]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (OPSLAG_BIN_DIR)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opslag-browser-'));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  for (const [name, text] of Object.entries(CORPUS)) fs.writeFileSync(path.join(corpus, name), text);
  for (const [name, from] of Object.entries(copies)) fs.copyFileSync(from, path.join(corpus, name));
  const db = path.join(dir, 'db');
  execFileSync(OPSLAG_INDEX, ['--quiet', '--db', db, corpus], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, db, corpus };
}

/**
 * opslag-server on `db` and a free port, allowing `origins`, with `options` (more flags);
 * resolves once it answers.
 */
async function startServer(db, origins = [], options = []) {
  const port = await freePort();
  const args = ['--db', db, '--host', '127.0.0.1', '--port', String(port), ...options];
  for (const origin of origins) args.push('--allow-origin', origin);
  const child = spawn(OPSLAG_SERVER, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; ++i) {
    if (child.exitCode !== null) throw new Error(`opslag-server stopped: ${errors}`);
    if (await status(`${url}/health`) === 200) {
      return { url, port, stop: () => stopProcess(child) };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  stopProcess(child);
  throw new Error(`opslag-server did not answer on ${url}: ${errors}`);
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

/**
 * A plain intranet page on its own origin (another port) embedding the widget of the server
 * `serverUrlFor(path)` names for each path (404 where it names none), with styles that would
 * break the widget if they reached it, and a .status of its own the widget's styles must not
 * reach.
 */
async function startHostPage(serverUrlFor) {
  const page = (serverUrl) => `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Intranettet</title>
<style>
  body { font-family: Georgia, serif; color: rgb(128, 0, 0); letter-spacing: 3px; }
  input, button { display: none; }
  li { background: rgb(255, 255, 0); }
  mark { background: rgb(0, 0, 0); }
  .status { font-size: 30px; }
</style>
</head>
<body>
<main>
<h1>Intranettet</h1>
<p class="status">Værtssidens egen tekst</p>
<div id="opslag" data-opslag="${serverUrl}"></div>
</main>
<script src="${serverUrl}/widget.js"></script>
</body>
</html>
`;
  const server = http.createServer((req, res) => {
    const target = serverUrlFor(req.url);
    if (!target) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(target));
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Debian's Chromium, headless, kept off the (closed) network. */
async function launchBrowser() {
  const { chromium } = requirePlaywright();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-browser`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new page that records every dialog (alert) it is asked to open, every script error and
 * every Content-Security-Policy violation, in `page.problems`.
 */
async function newPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.dialogs = [];
  page.problems = [];
  page.on('dialog', (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => page.problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) page.problems.push(message.text());
  });
  return page;
}

/** Writes a screenshot of `page` (all of it, or the window only) to tests/browser/artifacts/NAME.png. */
async function screenshot(page, name, fullPage = true) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

function removeDir(dir) {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = {
  CORPUS, XSS_TEXT, makeIndex, startServer, startHostPage, launchBrowser, newPage, screenshot,
  removeDir, freePort,
};

// Four documents about base data from four publishers, three with the long names real archives
// have, one of them 41 characters without a space (issue 16: the page must wrap them rather than
// grow wider than the window).
CORPUS['grunddata.txt'] = 'Grunddataprogrammet samler data om adresser og ejendomme\n\n15-05-2012 '
  + 'Strategi\n\nGrunddata om adresser, ejendomme og virksomheder skal deles frit mellem '
  + 'myndighederne.\n\nKilde: Digitaliseringsministeriet, KL og Danske Regioner\n';
CORPUS['adresser.txt'] = 'Fælles adresser for hele landet\n\n03-09-2013 Nyhed\n\nGrunddata om '
  + 'adresser bliver gratis for virksomheder og myndigheder.\n\nKilde: Styrelsen for '
  + 'Dataforsyning og Infrastruktur under Klima-, Energi- og Forsyningsministeriet\n';
CORPUS['kommunale-data.txt'] = 'Kommunerne henter grunddata\n\n20-02-2018 Nyhed\n\nKommunerne '
  + 'henter grunddata om ejendomme fra de fælles registre.\n\nKilde: KL\n';
CORPUS['sundhedsdata.txt'] = 'Sundhedsdata og grunddata i samme løsning\n\n11-11-2019 Rapport\n\n'
  + 'Rapporten beskriver, hvordan grunddata bruges sammen med sundhedsdata.\n\n'
  + 'Kilde: Sundhedsdatastyrelsen/Sundhedsministeriet\n';

/**
 * Runs axe-core on `page` and fails, naming each violated rule and the elements (targets) that
 * break it, if it finds any. `what` says which state of the page was checked.
 */
async function expectNoAxeViolations(page, what = page.url()) {
  // Read and evaluated rather than added as a <script>: a Content-Security-Policy (the server's
  // page has one) refuses inline scripts, but not what the test itself evaluates.
  if (!await page.evaluate(() => Boolean(window.axe))) {
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const violations = await page.evaluate(async () => (await window.axe.run()).violations.map(
    (v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.nodes.map((n) => n.target.join(' '))]
      .join('\n    ')));
  if (violations.length) {
    throw new Error(`axe-core finds ${violations.length} violation(s) on ${what}:\n  `
      + violations.join('\n  '));
  }
}

module.exports.expectNoAxeViolations = expectNoAxeViolations;
