// The document view (/d/{id}?q=…): steps through the marked matches of the query with the
// "Forrige" / "Næste" buttons or the keys n and p, says which one is shown ("3 af 12"), and
// starts at the first (or at the one the address names, #m3).
'use strict';

(() => {
  const nav = document.querySelector('nav.fund');
  if (!nav) return;
  const marks = Array.from(document.querySelectorAll('.tekst mark[id]'));
  const counter = document.getElementById('taeller');
  if (!marks.length || !counter) return;
  let current = -1;

  /** Shows match `index` (wrapping round at both ends); scrolls to it if `scroll`. */
  function show(index, scroll) {
    if (current >= 0) marks[current].classList.remove('aktiv');
    current = (index + marks.length) % marks.length;
    const mark = marks[current];
    mark.classList.add('aktiv');
    counter.textContent = `${current + 1} af ${marks.length}`;
    if (scroll) mark.scrollIntoView({ block: 'center' });
    history.replaceState(null, '', `#${mark.id}`);
  }

  document.getElementById('naeste').addEventListener('click', () => show(current + 1, true));
  document.getElementById('forrige').addEventListener('click', () => show(current - 1, true));
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'n') show(current + 1, true);
    if (event.key === 'p' || event.key === 'N') show(current - 1, true);
  });

  /** Starts at the first match (or the one the address names), in sight once laid out. */
  function start() {
    const named = /^#m(\d+)$/.exec(location.hash);
    const first = named ? Math.min(Number(named[1]), marks.length) - 1 : 0;
    // Without scrolling past the title when the match is already on screen.
    const box = marks[first].getBoundingClientRect();
    show(first, box.bottom > window.innerHeight || box.top < 0);
  }
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();
