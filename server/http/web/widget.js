// Opslag's search box for any page. An intranet page adds
//   <div data-opslag="http://HOST:PORT"></div>
//   <script src="http://HOST:PORT/widget.js"></script>
// and gets a search field with suggestions as you type and a results panel, in a Shadow DOM so
// that neither page's styles reach the other. It also defines window.Opslag, the pieces the
// server's own search page (app.js) shares: the combobox, safe snippets, Danish dates.
//
// Safety: text from the server only ever reaches the page as text (textContent, text nodes);
// a snippet's own <mark> elements are the one markup made from what the server sends.
(function () {
  'use strict';

  if (window.Opslag) return;  // loaded twice: the first copy already mounts every box

  const TEXT = {
    label: 'Søg i dokumenterne',
    placeholder: 'Søg, fx NemID eller Digital Post',
    button: 'Søg',
    suggestions: 'Forslag',
    document: 'dokument',
    searching: 'Søger …',
    down: 'Søgningen er ikke tilgængelig lige nu. Prøv igen om lidt.',
    noWords: 'Skriv mindst ét ord at søge efter.',
    didYouMean: 'Mente du ',
    allResults: 'Se alle resultater',
    subscribe: 'Abonnér på søgningen',
    page: 'side',
    original: 'original',
    noHits: (q) => `Ingen dokumenter matcher »${q}«.`,
    // `estimated`: the server counted only part of a broad search's matches.
    hits: (n, estimated) => (n === 1 && !estimated ? 'Ét dokument'
      : `${estimated ? 'ca. ' : ''}${n.toLocaleString('da-DK')} dokumenter`),
    suggestionCount: (n) => (n === 1 ? 'Ét forslag' : `${n} forslag`),
  };

  const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august',
    'september', 'oktober', 'november', 'december'];

  /** "2010-07-01" -> "1. juli 2010"; "2010" stays; anything else is returned as it is. */
  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return iso || '';
    return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  }

  /** `url` if it is an http(s) address (never javascript: or data:), else null. */
  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  /** HTML character references in `text` as the characters they stand for. */
  function unescapeHtml(text) {
    return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
      const code = name[1] === 'x' || name[1] === 'X'
        ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    });
  }

  /**
   * The server's snippet (escaped text with <mark>…</mark> around matches) as DOM nodes: text
   * nodes and <mark> elements only. Nothing in it is ever parsed as HTML, so a document that
   * contains <script> or <img onerror=…> shows that as text.
   */
  function snippetFragment(doc, html) {
    const fragment = doc.createDocumentFragment();
    let mark = null;
    for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') {
        mark = doc.createElement('mark');
        fragment.append(mark);
      } else if (part === '</mark>') {
        mark = null;
      } else if (part) {
        (mark || fragment).append(doc.createTextNode(unescapeHtml(part)));
      }
    }
    return fragment;
  }

  /**
   * `path` (a path the server gave, as "/d/ID?q=…") as an address on the server at `base`
   * ('' for the page's own), or null for anything that is not such a path.
   */
  function serverPath(base, path) {
    if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return null;
    return `${base}${path}`;
  }

  /** A new element: `attributes` set as attributes, `children` (strings become text). */
  function element(doc, tag, attributes, ...children) {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  /** GETs `url` as JSON: {status, body}. Throws (TypeError) when the server cannot be reached. */
  async function getJson(url, signal) {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return { status: response.status, body };
  }

  /**
   * Makes `input` an ARIA combobox whose listbox `list` shows /suggest's completions as one types
   * (arrows move, Enter chooses, Escape closes). `onChoose(suggestion)` runs when one is chosen;
   * `onUnavailable()` when the server cannot be reached; `announce(text)` tells screen readers how
   * many suggestions there are. `base` is the server's address ('' for the page's own).
   */
  function combobox({ input, list, base, onChoose, onUnavailable, announce }) {
    const doc = input.ownerDocument;
    let items = [];
    let active = -1;
    let timer = 0;
    let controller = null;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    list.setAttribute('role', 'listbox');
    list.hidden = true;

    function isOpen() {
      return !list.hidden;
    }

    /** Closes the list; suggestions asked for and not yet shown are dropped, so none opens it
     *  again over the results of a search just started. */
    function close() {
      clearTimeout(timer);
      if (controller) controller.abort();
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      active = index;
      list.querySelectorAll('[role="option"]').forEach((option, i) => {
        option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      if (index < 0) {
        input.removeAttribute('aria-activedescendant');
      } else {
        const option = list.children[index];
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    }

    /** Shows `suggestions`, the completions of `typed` (kept on the list as data-query, so a
     *  reader can tell which keystroke the list answers). */
    function show(suggestions, typed) {
      items = suggestions;
      list.dataset.query = typed;
      list.replaceChildren(...suggestions.map((s, i) => element(doc, 'li', {
        id: `${list.id}-${i}`,
        role: 'option',
        'aria-selected': 'false',
        'data-index': String(i),
        class: `option kind-${s.kind}`,
      }, s.text, s.kind === 'title' ? element(doc, 'span', { class: 'kind' }, TEXT.document) : null)));
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.hidden = suggestions.length === 0;
      input.setAttribute('aria-expanded', suggestions.length ? 'true' : 'false');
      if (announce) announce(suggestions.length ? TEXT.suggestionCount(suggestions.length) : '');
    }

    async function suggest() {
      const typed = input.value;
      if (controller) controller.abort();
      if (!typed.trim()) {
        show([], typed);
        return;
      }
      controller = new AbortController();
      try {
        const { status, body } = await getJson(
          `${base}/suggest?q=${encodeURIComponent(typed)}`, controller.signal);
        // A later keystroke has asked again: its answer is the one to show.
        if (input.value !== typed) return;
        show(status === 200 && body && Array.isArray(body.suggestions) ? body.suggestions : [], typed);
      } catch (e) {
        if (e.name === 'AbortError') return;
        show([], typed);
        if (onUnavailable) onUnavailable();
      }
    }

    function choose(index) {
      const chosen = items[index];
      close();
      input.value = chosen.text;
      onChoose(chosen);
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, 120);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!isOpen()) {
          if (items.length) {
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
          } else {
            suggest();
          }
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // From the field down to the first option, and from the last back to the field.
        highlight(((active + 1 + step + items.length + 1) % (items.length + 1)) - 1);
      } else if (event.key === 'Enter') {
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(active);
        } else {
          close();
        }
      } else if (event.key === 'Escape') {
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          items = [];
        }
      } else if (event.key === 'Tab') {
        close();
      }
    });
    input.addEventListener('blur', close);
    // A click on an option must not take the focus from the field first (blur would close).
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) choose(Number(option.getAttribute('data-index')));
    });
    return { close };
  }

  /** The box, its suggestions and its results panel inside `host`, calling the server at `base`. */
  function mount(host, base) {
    if (host.shadowRoot) return;
    const doc = host.ownerDocument;
    const root = host.attachShadow({ mode: 'open' });
    // Hit titles are headings one level below the host page's (data-heading-level, 2 by
    // default: under the page's h1), so the page's outline stays whole.
    const level = Number(host.getAttribute('data-heading-level')) || 2;
    const heading = `h${Math.min(6, Math.max(2, level))}`;
    const panel = element(doc, 'div', { class: 'opslag', hidden: '' });
    const stylesheet = element(doc, 'link', { rel: 'stylesheet', href: `${base}/static/widget.css` });
    // Shown once its styles are there (or cannot be), so it never flashes unstyled.
    const reveal = () => panel.removeAttribute('hidden');
    stylesheet.addEventListener('load', reveal);
    stylesheet.addEventListener('error', reveal);

    const input = element(doc, 'input', {
      id: 'q', type: 'search', class: 'field', placeholder: TEXT.placeholder, spellcheck: 'false',
    });
    const list = element(doc, 'ul', { id: 'forslag', class: 'suggestions', 'aria-label': TEXT.suggestions });
    const form = element(doc, 'form', { role: 'search', class: 'form' },
      element(doc, 'label', { for: 'q', class: 'visually-hidden' }, TEXT.label),
      element(doc, 'div', { class: 'box' }, input,
        element(doc, 'button', { type: 'submit', class: 'button' }, TEXT.button)),
      list);
    const status = element(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const announcer = element(doc, 'p', { class: 'visually-hidden', 'aria-live': 'polite' });
    const results = element(doc, 'div', { class: 'results', hidden: '' });
    panel.append(form, status, announcer, results);
    root.append(stylesheet, panel);

    let controller = null;

    function say(text, error = text === TEXT.down) {
      status.textContent = text;
      status.classList.toggle('error', error);
    }

    function hitItem(hit) {
      const view = serverPath(base, hit.view);
      const url = safeUrl(hit.url);
      const title = hit.title || hit.id;
      const meta = [formatDate(hit.date), hit.source, hit.type, hit.page ? `${TEXT.page} ${hit.page}` : '']
        .filter(Boolean).join(' · ');
      // The title opens the document's view on the server; the original page is linked beside.
      const href = view || url;
      const original = view && url ? element(doc, 'a', {
        class: 'original', href: url, target: '_blank', rel: 'noopener noreferrer',
      }, TEXT.original) : null;
      return element(doc, 'li', { class: 'hit' },
        element(doc, heading, { class: 'title' },
          href ? element(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer' }, title)
            : title),
        meta || original ? element(doc, 'p', { class: 'meta' }, meta,
          meta && original ? ' · ' : null, original) : null,
        element(doc, 'p', { class: 'snippet' }, snippetFragment(doc, hit.snippet)));
    }

    function showResults(query, body) {
      const parts = [];
      if (body.suggestion) {
        const again = element(doc, 'button', { type: 'button', class: 'link' }, body.suggestion);
        again.addEventListener('click', () => {
          input.value = body.suggestion;
          search(body.suggestion);
        });
        parts.push(element(doc, 'p', { class: 'did-you-mean' }, TEXT.didYouMean, again, '?'));
      }
      if (body.hits.length) {
        parts.push(element(doc, 'ol', { class: 'hits' }, ...body.hits.map(hitItem)));
        const more = element(doc, 'p', { class: 'more' });
        if (body.total > body.hits.length) {
          more.append(element(doc, 'a', {
            href: `${base}/?q=${encodeURIComponent(query)}`, target: '_blank', rel: 'noopener',
          }, `${TEXT.allResults} (${body.total.toLocaleString('da-DK')})`));
        }
        // An Atom feed of the newest documents matching the search, for a feed reader.
        more.append(element(doc, 'a', {
          class: 'subscribe', href: `${base}/search.atom?q=${encodeURIComponent(query)}`,
          type: 'application/atom+xml', target: '_blank', rel: 'noopener',
        }, TEXT.subscribe));
        parts.push(more);
      }
      results.replaceChildren(...parts);
      results.hidden = parts.length === 0;
      say(body.total ? TEXT.hits(body.total, body.estimated) : TEXT.noHits(query));
    }

    async function search(query) {
      if (!query.trim()) {
        say(TEXT.noWords, true);
        return;
      }
      if (controller) controller.abort();
      controller = new AbortController();
      say(TEXT.searching);
      try {
        const { status: code, body } = await getJson(
          `${base}/search?q=${encodeURIComponent(query)}&size=5`, controller.signal);
        if (code === 200 && body) return showResults(query, body);
        results.hidden = true;
        // A query the server refuses: its own words say what was wrong.
        say(code === 400 && body && typeof body.error === 'string' ? body.error : TEXT.down,
          true);
      } catch (e) {
        if (e.name === 'AbortError') return;
        results.hidden = true;
        say(TEXT.down);
      }
    }

    combobox({
      input, list, base,
      // A document's title opens the document; a word is searched for.
      onChoose: (suggestion) => {
        const view = suggestion.kind === 'title' ? serverPath(base, suggestion.view) : null;
        if (view) window.open(view, '_blank', 'noopener');
        else search(suggestion.text);
      },
      onUnavailable: () => say(TEXT.down),
      announce: (text) => { announcer.textContent = text; },
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      search(input.value);
    });
  }

  // The server's address: the element's data-opslag, else where this script came from.
  const scriptOrigin = document.currentScript && document.currentScript.src
    ? new URL(document.currentScript.src).origin : '';

  function mountAll() {
    document.querySelectorAll('[data-opslag]').forEach((host) => {
      const base = (host.getAttribute('data-opslag') || scriptOrigin).replace(/\/+$/, '');
      if (!safeUrl(base)) {
        console.warn('Opslag: data-opslag must be the server\'s address, as http://HOST:PORT');
        return;
      }
      mount(host, base);
    });
  }

  window.Opslag = {
    TEXT, formatDate, safeUrl, serverPath, snippetFragment, element, getJson, combobox, mount,
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
