// The search page: reads the search from the address (?q=&page=&source=&type=&year=&sort=),
// asks /search, and shows the hits, the facets as filters, pages and "Mente du …?". Uses the
// pieces widget.js defines (window.Opslag), so the page and the widget show results alike.
(function () {
  'use strict';

  const { TEXT, element, formatDate, safeUrl, snippetFragment, getJson, combobox } = window.Opslag;
  const PAGE_SIZE = 10;
  // The server ranks no deeper (--max-result-depth): it says how deep on the page it serves.
  const MAX_DEPTH = Number(document.body.dataset.maxResultDepth) || Infinity;
  const FACETS = [
    { key: 'source', title: 'Kilde', multiple: true },
    { key: 'type', title: 'Type', multiple: true },
    { key: 'year', title: 'År', multiple: false },
  ];
  const EXPANSION_KINDS = {
    synonym: 'synonym', spelling: 'stavemåde', variant: 'variant', wildcard: 'begynder med',
    compound: 'sammensat ord', parts: 'ordets dele', form: 'bøjningsform',
  };

  const $ = (id) => document.getElementById(id);
  const input = $('q');
  const status = $('status');
  let controller = null;

  /** The search the address describes. */
  function readState() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get('q') || '',
      page: Math.max(1, parseInt(p.get('page'), 10) || 1),
      source: p.getAll('source'),
      type: p.getAll('type'),
      year: p.getAll('year').slice(0, 1),
      sort: ['date', '-date'].includes(p.get('sort')) ? p.get('sort') : 'relevance',
    };
  }

  function addressOf(state) {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    for (const { key } of FACETS) state[key].forEach((v) => p.append(key, v));
    if (state.sort !== 'relevance') p.set('sort', state.sort);
    if (state.page > 1) p.set('page', String(state.page));
    const query = p.toString();
    return query ? `/?${query}` : '/';
  }

  /** Shows `state` and puts it in the address (a new history entry), so Back goes back. */
  function go(state) {
    history.pushState(null, '', addressOf(state));
    run(state);
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  async function run(state) {
    input.value = state.q;
    $('sort').value = state.sort;
    if (!state.q.trim()) {
      $('layout').hidden = true;
      $('help').hidden = false;
      say('');
      return;
    }
    const params = new URLSearchParams({ q: state.q, page: String(state.page), size: String(PAGE_SIZE) });
    state.source.forEach((v) => params.append('source', v));
    state.type.forEach((v) => params.append('type', v));
    if (state.year.length) {
      params.set('from', state.year[0]);
      params.set('to', state.year[0]);
    }
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    if (controller) controller.abort();
    controller = new AbortController();
    say(TEXT.searching);
    try {
      const { status: code, body } = await getJson(`/search?${params}`, controller.signal);
      if (code === 200 && body) return show(state, body);
      $('layout').hidden = true;
      say(code === 400 ? `${TEXT.noWords}` : TEXT.down, true);
    } catch (e) {
      if (e.name === 'AbortError') return;
      $('layout').hidden = true;
      say(TEXT.down, true);
    }
  }

  function show(state, body) {
    const pages = Math.min(Math.ceil(body.total / PAGE_SIZE), MAX_DEPTH / PAGE_SIZE);
    if (state.page > pages && pages > 0) {
      // An address of a page past the last (the archive shrank, or it was typed): the last page.
      const last = { ...state, page: pages };
      history.replaceState(null, '', addressOf(last));
      run(last);
      return;
    }
    $('help').hidden = true;
    $('layout').hidden = false;
    if (!body.total) {
      say(TEXT.noHits(state.q));
    } else {
      const where = pages > 1 ? `, side ${state.page} af ${pages.toLocaleString('da-DK')}` : '';
      say(`${TEXT.hits(body.total, body.estimated)} matcher »${state.q}«${where}`);
    }
    showDidYouMean(state, body.suggestion);
    showFilters(state);
    showExpansions(body.expansions || []);
    $('hits').replaceChildren(...body.hits.map(hitItem));
    $('hits').start = (state.page - 1) * PAGE_SIZE + 1;
    showFacets(state, body.facets || {});
    showPages(state, pages);
  }

  function hitItem(hit) {
    const url = safeUrl(hit.url);
    const title = hit.title || hit.id;
    const meta = [formatDate(hit.date), hit.source, hit.type, hit.page ? `side ${hit.page}` : '']
      .filter(Boolean).join(' · ');
    return element(document, 'li', { class: 'hit' },
      element(document, 'h2', { class: 'title' },
        url ? element(document, 'a', { href: url, rel: 'noopener noreferrer' }, title) : title),
      meta ? element(document, 'p', { class: 'meta' }, meta) : null,
      element(document, 'p', { class: 'snippet' }, snippetFragment(document, hit.snippet)));
  }

  function showDidYouMean(state, suggestion) {
    const box = $('did-you-mean');
    box.hidden = !suggestion;
    if (!suggestion) return;
    const link = element(document, 'a', { href: addressOf({ ...state, q: suggestion, page: 1 }) },
      suggestion);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      go({ ...state, q: suggestion, page: 1 });
    });
    box.replaceChildren(TEXT.didYouMean, link, '?');
  }

  /** The filters in use, each a button that removes it. */
  function showFilters(state) {
    const chips = [];
    for (const facet of FACETS) {
      for (const value of state[facet.key]) {
        const chip = element(document, 'button', {
          type: 'button', class: 'chip', 'aria-label': `Fjern filteret ${facet.title}: ${value}`,
        }, `${facet.title}: ${value}`, element(document, 'span', { 'aria-hidden': 'true' }, ' ×'));
        chip.addEventListener('click', () => go(toggled(state, facet, value)));
        chips.push(chip);
      }
    }
    $('filters').replaceChildren(...chips);
    $('filters').hidden = chips.length === 0;
  }

  function showExpansions(expansions) {
    const box = $('expansions');
    const shown = expansions.slice(0, 8).map((e) => `${e.to} (${EXPANSION_KINDS[e.type] || e.type})`);
    box.hidden = shown.length === 0;
    box.textContent = shown.length ? `Søgningen omfattede også: ${shown.join(', ')}` : '';
  }

  /** `state` with `value` of `facet` added, or removed if it was there; back to page 1. */
  function toggled(state, facet, value) {
    const now = state[facet.key];
    const has = now.some((v) => v.toLowerCase() === value.toLowerCase());
    let next;
    if (has) next = now.filter((v) => v.toLowerCase() !== value.toLowerCase());
    else next = facet.multiple ? [...now, value] : [value];
    return { ...state, [facet.key]: next, page: 1 };
  }

  function showFacets(state, facets) {
    const groups = [];
    for (const facet of FACETS) {
      const counts = facets[facet.key] || [];
      if (!counts.length) continue;
      const chosen = new Set(state[facet.key].map((v) => v.toLowerCase()));
      const buttons = counts.slice(0, 12).map(({ value, count }) => {
        const pressed = chosen.has(String(value).toLowerCase());
        const button = element(document, 'button', {
          type: 'button', class: 'facet', 'aria-pressed': pressed ? 'true' : 'false',
          'data-facet': facet.key, 'data-value': value,
        }, element(document, 'span', { class: 'value' }, value),
        element(document, 'span', { class: 'count' }, count.toLocaleString('da-DK')));
        button.addEventListener('click', () => go(toggled(state, facet, String(value))));
        return element(document, 'li', {}, button);
      });
      groups.push(element(document, 'section', { class: 'facet-group' },
        element(document, 'h2', {}, facet.title),
        element(document, 'ul', {}, ...buttons)));
    }
    $('facets').replaceChildren(...groups);
  }

  function showPages(state, pages) {
    const nav = $('pages');
    nav.hidden = pages < 2;
    if (pages < 2) return;
    const link = (page, text, label) => {
      const a = element(document, 'a', {
        href: addressOf({ ...state, page }), class: 'page', 'aria-label': label,
        'aria-current': page === state.page ? 'page' : null,
      }, text);
      a.addEventListener('click', (event) => {
        event.preventDefault();
        go({ ...state, page });
        window.scrollTo(0, 0);
      });
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
    go({ ...readState(), q: input.value, page: 1 });
  });
  $('sort').addEventListener('change', () => go({ ...readState(), sort: $('sort').value, page: 1 }));
  combobox({
    input, list: $('forslag'), base: '',
    onChoose: (suggestion) => go({ ...readState(), q: suggestion.text, page: 1 }),
    onUnavailable: () => say(TEXT.down, true),
    announce: (text) => { $('announcer').textContent = text; },
  });
  window.addEventListener('popstate', () => run(readState()));
  run(readState());
})();
