// The search page: reads the search from the address (?q=&page=&source=&type=&from=&to=&sort=),
// asks /search, and shows the hits, the facets as filters, pages, how the query was read, and
// the results of the correction when a misspelled query finds nothing. Uses the pieces
// widget.js defines (window.Opslag), so the page and the widget show results alike.
(function () {
  'use strict';

  const { TEXT, element, formatDate, safeUrl, snippetFragment, getJson, combobox } = window.Opslag;
  const PAGE_SIZE = 10;
  // The server ranks no deeper (--max-result-depth): it says how deep on the page it serves.
  const MAX_DEPTH = Number(document.body.dataset.maxResultDepth) || Infinity;
  // The values of a facet shown before "Vis flere".
  const FIRST_VALUES = 5;
  // The groups of checkboxes: values of one group combine with OR, the groups (and the years)
  // with AND, as /search combines repeated parameters.
  const FACETS = [{ key: 'source', title: 'Kilde' }, { key: 'type', title: 'Type' }];
  const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';
  const EXPANSION_KINDS = {
    synonym: 'synonym', spelling: 'stavemåde', variant: 'variant', wildcard: 'begynder med',
    compound: 'sammensat ord', parts: 'ordets dele', form: 'bøjningsform',
  };
  const START_TITLE = document.title;

  const $ = (id) => document.getElementById(id);
  const input = $('q');
  const status = $('status');
  // Facet lists opened with "Vis flere", by facet key: they stay open as the search changes.
  const expanded = new Set();
  let controller = null;

  const el = (tag, attributes, ...children) => element(document, tag, attributes, ...children);
  const lower = (text) => String(text).toLowerCase();
  const count = (n) => Number(n).toLocaleString('da-DK');
  const has = (values, value) => values.some((v) => lower(v) === lower(value));
  // One of each value, whatever its case: the server compares them so.
  const dedupe = (values) => values.filter((v, i) => !has(values.slice(0, i), v));

  /** The search the address describes. `exact`: search the words as typed, never corrected. */
  function readState() {
    const p = new URLSearchParams(location.search);
    // An address from before the date range (?year=2015) still means that year.
    const year = p.get('year') || '';
    return {
      q: p.get('q') || '',
      page: Math.max(1, parseInt(p.get('page'), 10) || 1),
      source: dedupe(p.getAll('source')),
      type: dedupe(p.getAll('type')),
      from: p.get('from') || year,
      to: p.get('to') || year,
      sort: ['date', '-date', '-indexed'].includes(p.get('sort')) ? p.get('sort') : 'relevance',
      exact: p.get('eksakt') === '1',
    };
  }

  /** `p` with the filters and the order of `state` added. */
  function filterParams(state, p) {
    for (const { key } of FACETS) state[key].forEach((v) => p.append(key, v));
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (state.sort !== 'relevance') p.set('sort', state.sort);
    return p;
  }

  function addressOf(state) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    filterParams(state, p);
    if (state.page > 1) p.set('page', String(state.page));
    if (state.exact) p.set('eksakt', '1');
    const query = p.toString();
    return query ? `/?${query}` : '/';
  }

  /** The /search address of `state`, `size` hits a page. */
  function searchUrl(state, size) {
    const p = new URLSearchParams({ q: state.q, page: String(state.page), size: String(size) });
    return `/search?${filterParams(state, p)}`;
  }

  /** The Atom feed of `state`'s search and filters: its newest arrivals, whatever the order. */
  function feedUrl(state) {
    const p = filterParams({ ...state, sort: 'relevance' }, new URLSearchParams({ q: state.q }));
    return `/search.atom?${p}`;
  }

  /** Points the "Abonnér" link and the page's feed link (for feed readers) at `state`'s feed. */
  function showFeed(state) {
    const href = feedUrl(state);
    $('subscribe').href = href;
    let link = document.getElementById('feed');
    if (!link) {
      link = document.createElement('link');
      link.id = 'feed';
      link.rel = 'alternate';
      link.type = 'application/atom+xml';
      document.head.append(link);
    }
    link.title = `Opslag: ${state.q.trim()}`;
    link.href = href;
  }

  const hasFilters = (s) => Boolean(s.source.length || s.type.length || s.from || s.to);
  const withoutFilters = (state) => ({ ...state, source: [], type: [], from: '', to: '', page: 1 });

  /** Shows `state` and puts it in the address (a new history entry), so Back goes back. */
  function go(state) {
    history.pushState(null, '', addressOf(state));
    run(state);
  }

  /** A link to the page of `state`, followed without loading the page again. */
  function searchLink(state, attributes, ...children) {
    const link = el('a', { ...attributes, href: addressOf(state) }, ...children);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      go(state);
    });
    return link;
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  /** "3 resultater", "ca. 30.000 resultater", "1 resultat". */
  function results(n, estimated) {
    const noun = n === 1 && !estimated ? 'resultat' : 'resultater';
    return `${estimated ? 'ca. ' : ''}${count(n)} ${noun}`;
  }

  /**
   * The answer to `state` ({status, body}), with `facets`: the counts of each group that has a
   * filter come from the same search without that group's filter, so a second source can be
   * added to the first (the server counts the values among the filtered matches only).
   */
  async function answerOf(state, signal) {
    const cleared = { source: { source: [] }, type: { type: [] }, year: { from: '', to: '' } };
    const groups = Object.keys(cleared)
      .filter((g) => (g === 'year' ? state.from || state.to : state[g].length));
    const [main, ...others] = await Promise.all([
      getJson(searchUrl(state, PAGE_SIZE), signal),
      // Only the counts are wanted: one hit is the least the server gives.
      ...groups.map((g) => getJson(searchUrl({ ...state, ...cleared[g], page: 1 }, 1), signal)
        .catch(() => null)),
    ]);
    if (main.status !== 200 || !main.body) return main;
    const facets = { ...(main.body.facets || {}) };
    groups.forEach((g, i) => {
      const other = others[i] && others[i].status === 200 && others[i].body;
      if (other && other.facets) facets[g] = other.facets[g] || [];
    });
    return { ...main, facets };
  }

  async function run(state) {
    input.value = state.q;
    $('sort').value = state.sort;
    document.title = state.q.trim() ? `${state.q.trim()} – Opslag` : START_TITLE;
    if (controller) controller.abort();
    if (!state.q.trim()) {
      $('layout').hidden = true;
      placeHelp(true, $('main'));
      say('');
      return;
    }
    controller = new AbortController();
    const { signal } = controller;
    say(TEXT.searching);
    try {
      let answer = await answerOf(state, signal);
      if (!answer.facets) return showError(answer.body);
      let corrected = null;
      const { suggestion } = answer.body;
      if (!answer.body.total && suggestion && !state.exact) {
        // Nothing for the words as typed: show what the correction finds, as a search engine does.
        const fixed = await answerOf({ ...state, q: suggestion }, signal);
        if (fixed.facets && fixed.body.total) {
          answer = fixed;
          corrected = suggestion;
        }
      }
      let unfiltered = null;
      if (!answer.body.total && hasFilters(state)) {
        const { status: code, body } = await getJson(searchUrl(withoutFilters(state), 1), signal);
        if (code === 200 && body && body.total) unfiltered = body;
      }
      if (signal.aborted) return;
      // The field holds what was searched for; the words as typed are a link away.
      if (corrected) input.value = corrected;
      show(state, answer, corrected, unfiltered);
    } catch (e) {
      if (e.name === 'AbortError') return;
      showError(null);
    }
  }

  /** The server's own words for what went wrong (its {"error"}), or that it cannot be reached. */
  function showError(body) {
    $('layout').hidden = true;
    const message = body && typeof body.error === 'string' ? body.error : '';
    if (/^parameter q is empty/.test(message)) say(TEXT.noWords, true);
    else if (message) say(`Søgningen kunne ikke udføres: ${message}`, true);
    else say(TEXT.down, true);
    placeHelp(Boolean(message), $('main'));
  }

  /** Shows the help on the query language (or hides it), at the end of `where`. */
  function placeHelp(visible, where) {
    const help = $('help');
    help.hidden = !visible;
    if (visible && help.parentNode !== where) where.append(help);
  }

  function show(state, answer, corrected, unfiltered) {
    const { body } = answer;
    const pages = Math.min(Math.ceil(body.total / PAGE_SIZE), MAX_DEPTH / PAGE_SIZE);
    if (state.page > pages && pages > 0) {
      // An address of a page past the last (the archive shrank, or it was typed): the last page.
      const last = { ...state, page: pages };
      history.replaceState(null, '', addressOf(last));
      run(last);
      return;
    }
    $('layout').hidden = false;
    if (!body.total) {
      say(TEXT.noHits(state.q));
    } else {
      const where = pages > 1 ? `, side ${state.page} af ${count(pages)}` : '';
      say(`${TEXT.hits(body.total, body.estimated)} matcher »${corrected || state.q}«${where}`);
    }
    showNotices(body);
    showCorrection(state, body.suggestion, corrected);
    showFilters(state);
    showExpansions(body.expansions || []);
    showWithoutFilters(state, unfiltered);
    $('order').hidden = !body.total;
    showFeed(state);
    $('hits').replaceChildren(...body.hits.map(hitItem));
    $('hits').start = (state.page - 1) * PAGE_SIZE + 1;
    showFacets(state, answer.facets);
    showPages(state, pages);
    placeHelp(!body.total, $('results'));
  }

  /** `view` if it is a path on this server (the document's own page), else null. */
  function localPath(view) {
    if (typeof view !== 'string' || !view) return null;
    try {
      const parsed = new URL(view, location.origin);
      if (parsed.origin !== location.origin) return null;
      return parsed.pathname + parsed.search + parsed.hash;
    } catch (e) {
      return null;
    }
  }

  function hitItem(hit) {
    const view = localPath(hit.view);
    const url = safeUrl(hit.url);
    const title = hit.title || hit.id;
    const meta = [formatDate(hit.date), hit.source, hit.type].filter(Boolean).join(' · ');
    // A PDF hit's page opens the original file at that page.
    const file = localPath(hit.file);
    const page = hit.page
      ? (file ? el('a', { class: 'file', href: file }, `PDF, side ${hit.page}`,
        el('span', { class: 'visually-hidden' }, `: ${title}`)) : `side ${hit.page}`)
      : null;
    // With a page of its own, the title opens it and the original is a link beside it.
    const link = view && url
      ? el('a', { class: 'original', href: url, rel: 'noopener noreferrer' },
        'original', el('span', { class: 'visually-hidden' }, `: ${title}`))
      : null;
    const original = page && link ? el('span', null, page, ' · ', link) : page || link;
    const href = view || url;
    return el('li', { class: 'hit' },
      el('h2', { class: 'title' },
        href ? el('a', { href, rel: view ? null : 'noopener noreferrer' }, title) : title),
      meta || original
        ? el('p', { class: 'meta' }, meta, meta && original ? ' · ' : null, original) : null,
      el('p', { class: 'snippet' }, snippetFragment(document, hit.snippet)));
  }

  /** Says when the query was read as plain words, and which stop words were left out. */
  function showNotices(body) {
    const lines = [];
    if (body.as_plain_words) {
      lines.push('Søgningen blev læst som almindelige ord, fordi dens opbygning ikke kunne forstås '
        + '(fx OG uden et ord efter, eller en parentes, der ikke lukkes).');
    }
    const ignored = (Array.isArray(body.ignored) ? body.ignored : []).map((w) => `»${w}«`);
    if (ignored.length) {
      const words = ignored.length === 1 ? ignored[0]
        : `${ignored.slice(0, -1).join(', ')} og ${ignored[ignored.length - 1]}`;
      lines.push(`${ignored.length === 1
        ? `Ordet ${words} blev udeladt, da det er meget almindeligt.`
        : `Ordene ${words} blev udeladt, da de er meget almindelige.`} `
        + 'Sæt en frase i anførselstegn for at søge på alle dens ord.');
    }
    $('notices').replaceChildren(...lines.map((line) => el('p', {}, line)));
    $('notices').hidden = lines.length === 0;
  }

  /** "Viser resultater for X — søg i stedet efter Y" after a correction, else "Mente du X?". */
  function showCorrection(state, suggestion, corrected) {
    const box = $('did-you-mean');
    if (corrected) {
      box.replaceChildren('Viser resultater for ', correction(state, corrected),
        ' — søg i stedet efter ',
        searchLink({ ...state, page: 1, exact: true }, { class: 'as-typed' }, state.q));
    } else if (suggestion) {
      box.replaceChildren(TEXT.didYouMean, correction(state, suggestion), '?');
    }
    box.hidden = !corrected && !suggestion;
  }

  function correction(state, q) {
    return searchLink({ ...state, q, page: 1, exact: false }, { class: 'corrected' }, q);
  }

  /** The filters in use, each a button that removes it, and "Ryd alle". */
  function showFilters(state) {
    const chip = (label, without) => {
      const button = el('button', {
        type: 'button', class: 'chip', 'aria-label': `Fjern filteret ${label}`,
      }, label, el('span', { 'aria-hidden': 'true' }, ' ×'));
      button.addEventListener('click', () => {
        const now = readState();
        go({ ...now, ...without(now), page: 1 });
      });
      return button;
    };
    const chips = [];
    for (const facet of FACETS) {
      for (const value of state[facet.key]) {
        const without = (now) => ({ [facet.key]: toggled(now[facet.key], value) });
        chips.push(chip(`${facet.title}: ${value}`, without));
      }
    }
    if (state.from || state.to) {
      chips.push(chip(`År: ${rangeText(state)}`, () => ({ from: '', to: '' })));
    }
    if (chips.length) {
      const clear = el('button', { type: 'button', class: 'clear-all' }, 'Ryd alle');
      clear.addEventListener('click', () => go(withoutFilters(readState())));
      chips.push(clear);
    }
    $('filters').replaceChildren(...chips);
    $('filters').hidden = chips.length === 0;
    $('filter-toggle').textContent = chips.length ? `Filtrer (${chips.length - 1})` : 'Filtrer';
  }

  function rangeText({ from, to }) {
    if (from && to) return from === to ? from : `${from}–${to}`;
    return from ? `fra ${from}` : `til ${to}`;
  }

  /** A word searched as the archive spells it, then what the search took in besides. */
  function showExpansions(expansions) {
    const box = $('expansions');
    const lines = expansions.filter((e) => e.type === 'respelled')
      .map((e) => `Søgte efter ${e.to} i stedet for ${e.from}.`);
    const shown = expansions.filter((e) => e.type !== 'respelled').slice(0, 8)
      .map((e) => `${e.to} (${EXPANSION_KINDS[e.type] || e.type})`);
    if (shown.length) lines.push(`Søgningen omfattede også: ${shown.join(', ')}`);
    box.hidden = lines.length === 0;
    box.textContent = lines.join(' ');
  }

  /** When only the filters stand between the query and its matches: the search without them. */
  function showWithoutFilters(state, unfiltered) {
    const box = $('without-filters');
    box.hidden = !unfiltered;
    if (!unfiltered) return;
    const found = results(unfiltered.total, unfiltered.estimated);
    box.replaceChildren('Ingen resultater med de valgte filtre — ',
      searchLink(withoutFilters(state), {}, `søg uden filtre (${found})`));
  }

  /** `values` with `value` added, or taken out if it was there. */
  function toggled(values, value) {
    return has(values, value) ? values.filter((v) => lower(v) !== lower(value)) : [...values, value];
  }

  function showFacets(state, facets) {
    // The facets are drawn anew: the focus goes back to the control that had it.
    const active = document.activeElement;
    const focused = $('facets').contains(active) ? active.dataset.key : null;
    const groups = [
      ...FACETS.map((facet) => checkboxGroup(state, facet, facets[facet.key] || [])),
      yearGroup(state, facets.year || []),
    ].filter(Boolean);
    $('facets').replaceChildren(...groups);
    $('layout').classList.toggle('no-facets', groups.length === 0);
    $('refine').hidden = groups.length === 0;
    const again = [...$('facets').querySelectorAll('[data-key]')].find((e) => e.dataset.key === focused);
    if (focused && again) again.focus();
  }

  /**
   * A group of the facets: a legend, `items` (list items of which those marked `extra` hide
   * behind "Vis flere" until it is pressed) and `before` (shown first).
   */
  function facetGroup(key, title, items, before) {
    const list = el('ul', { id: `facet-${key}` }, ...items.map(({ li }) => li));
    const extras = items.filter(({ extra }) => extra);
    const more = extras.length ? el('button', {
      type: 'button', class: 'more', 'aria-controls': list.id, 'data-key': `more:${key}`,
    }) : null;
    const fold = (open) => {
      extras.forEach(({ li }) => { li.hidden = !open; });
      if (!more) return;
      more.setAttribute('aria-expanded', String(open));
      more.textContent = open ? 'Vis færre' : `Vis flere (${extras.length})`;
    };
    if (more) {
      more.addEventListener('click', () => {
        const open = !expanded.has(key);
        if (open) expanded.add(key);
        else expanded.delete(key);
        fold(open);
      });
    }
    fold(expanded.has(key));
    return el('fieldset', { class: `facet-group facet-${key}` },
      el('legend', {}, title), before || null, list, more);
  }

  /** Checkboxes for the values of `facet`; a chosen value stays, with 0 when none match. */
  function checkboxGroup(state, facet, counts) {
    const chosen = state[facet.key];
    const values = counts.map(({ value, count: n }) => ({ value: String(value), n }));
    for (const value of chosen) {
      if (!has(values.map((v) => v.value), value)) values.push({ value, n: 0 });
    }
    if (!values.length) return null;
    const items = values.map(({ value, n }, i) => {
      const checked = has(chosen, value);
      const box = el('input', {
        type: 'checkbox', 'data-key': `${facet.key}:${lower(value)}`, checked: checked ? '' : null,
      });
      box.addEventListener('change', () => {
        const now = readState();
        go({ ...now, [facet.key]: toggled(now[facet.key], value), page: 1 });
      });
      const li = el('li', {}, el('label', {
        class: 'facet', 'data-facet': facet.key, 'data-value': value,
      }, box, el('span', { class: 'value' }, value),
      el('span', { class: 'count' }, count(n))));
      return { li, extra: i >= FIRST_VALUES && !checked };
    });
    return facetGroup(facet.key, facet.title, items);
  }

  /** The years: a range to type (fra–til), and the years with matches, each choosing itself. */
  function yearGroup(state, counts) {
    if (!counts.length && !state.from && !state.to) return null;
    const field = (name, label, value) => {
      const box = el('input', {
        id: `range-${name}`, name, class: 'date', value, inputmode: 'numeric',
        pattern: DATE_PATTERN, placeholder: 'åååå', autocomplete: 'off', 'data-key': `range:${name}`,
        title: 'Et år (2015), en måned (2015-06) eller en dag (2015-06-30)',
      });
      box.addEventListener('input', () => box.setCustomValidity(''));
      return [el('label', { for: box.id }, label), box];
    };
    const [fromLabel, from] = field('from', 'Fra', state.from);
    const [toLabel, to] = field('to', 'Til', state.to);
    const form = el('form', { class: 'range' },
      fromLabel, from, toLabel, to,
      el('button', { type: 'submit', class: 'apply', 'data-key': 'range:apply' }, 'Vis'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const [a, b] = [from.value.trim(), to.value.trim()];
      if (a && b && `${a}-01-01`.slice(0, 10) > `${b}-12-31`.slice(0, 10)) {
        to.setCustomValidity('Til må ikke ligge før fra.');
        to.reportValidity();
        return;
      }
      go({ ...readState(), from: a, to: b, page: 1 });
    });
    const low = (state.from || '0000').slice(0, 4);
    const high = (state.to || '9999').slice(0, 4);
    const ranged = Boolean(state.from || state.to);
    const items = counts.map(({ value, count: n }, i) => {
      const year = String(value);
      const inRange = ranged && year >= low && year <= high;
      const button = el('button', {
        type: 'button', class: 'facet year', 'aria-pressed': String(inRange),
        'data-facet': 'year', 'data-value': year, 'data-key': `year:${year}`,
      }, el('span', { class: 'value' }, year),
      el('span', { class: 'count' }, count(n)));
      button.addEventListener('click', () => {
        // The one year chosen is chosen again: that takes the range off.
        const now = readState();
        const only = now.from === year && now.to === year;
        go({ ...now, from: only ? '' : year, to: only ? '' : year, page: 1 });
      });
      return { li: el('li', {}, button), extra: i >= FIRST_VALUES && !inRange };
    });
    return facetGroup('year', 'År', items, form);
  }

  function showPages(state, pages) {
    const nav = $('pages');
    nav.hidden = pages < 2;
    if (pages < 2) return;
    const link = (page, text, label) => {
      const a = searchLink({ ...state, page }, {
        class: 'page', 'aria-label': label, 'aria-current': page === state.page ? 'page' : null,
      }, text);
      a.addEventListener('click', () => window.scrollTo(0, 0));
      return a;
    };
    const parts = [];
    if (state.page > 1) parts.push(link(state.page - 1, '‹ Forrige', 'Forrige side'));
    const first = Math.max(1, Math.min(state.page - 2, pages - 4));
    for (let p = first; p <= Math.min(pages, first + 4); ++p) parts.push(link(p, String(p), `Side ${p}`));
    if (state.page < pages) parts.push(link(state.page + 1, 'Næste ›', 'Næste side'));
    nav.replaceChildren(...parts);
  }

  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...readState(), q: input.value, page: 1, exact: false });
    if (!input.value.trim()) say(TEXT.noWords, true);
  });
  $('sort').addEventListener('change', () => go({ ...readState(), sort: $('sort').value, page: 1 }));
  $('filter-toggle').addEventListener('click', () => {
    const open = !$('refine').classList.contains('open');
    $('refine').classList.toggle('open', open);
    $('filter-toggle').setAttribute('aria-expanded', String(open));
  });
  combobox({
    input, list: $('forslag'), base: '',
    // A document's title opens the document; a word is searched for.
    onChoose: (suggestion) => {
      const view = suggestion.kind === 'title' ? localPath(suggestion.view) : null;
      if (view) location.assign(view);
      else go({ ...readState(), q: suggestion.text, page: 1, exact: false });
    },
    onUnavailable: () => say(TEXT.down, true),
    announce: (text) => { $('announcer').textContent = text; },
  });
  window.addEventListener('popstate', () => run(readState()));
  run(readState());
})();
