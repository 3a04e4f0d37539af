// Shows every filter's count in Tasklist's sidebar, not only the open one's (Camunda 7.24 counts the
// open filter only). The counts are the engine's (GET filter?itemCount=true, as the logged-in
// person), so a filter never counts a task its person may not see. They are fetched again when the
// task list changes (a task completed, claimed or a filter opened) and every 30 seconds.
const api = `${window.location.pathname.split('/app/')[0]}/api/engine/engine/default`;
let counts = {};
let pending = null;
let last = 0;

async function fetchCounts() {
  // Only once someone is logged in: the sidebar is drawn then, and the login page asks nothing.
  if (!document.querySelector('.task-filters .task-filter')) return;
  const response = await fetch(`${api}/filter?resourceType=Task&itemCount=true`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) return;
  counts = Object.fromEntries((await response.json()).map((filter) => [filter.name, filter.itemCount]));
  last = Date.now();
  render();
}

function refreshSoon() {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    fetchCounts().catch(() => {});
  }, Math.max(300, 2000 - (Date.now() - last)));
}

function render() {
  document.querySelectorAll('.task-filters .task-filter h4.name a').forEach((link) => {
    const name = [...link.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    if (!(name in counts)) return;
    let badge = link.querySelector('.cl-filter-count');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'cl-filter-count';
      link.appendChild(badge);
    }
    const text = `(${counts[name]})`;
    if (badge.textContent !== text) badge.textContent = text;
    badge.setAttribute('aria-label', `${counts[name]} tasks`);
  });
}

new MutationObserver((changes) => {
  if (changes.some((change) => change.target.closest && change.target.closest('.cl-filter-count'))) return;
  render();
  if (changes.some((change) => change.target.closest && change.target.closest('.tasks-list, .task-filters'))) refreshSoon();
}).observe(document.body, { childList: true, subtree: true });
window.addEventListener('hashchange', refreshSoon);
setInterval(() => fetchCounts().catch(() => {}), 30_000);
refreshSoon();
