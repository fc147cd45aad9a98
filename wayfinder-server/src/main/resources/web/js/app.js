// The shell: session check, hash routes to one module per page, navigation state for assistive tech.
import { currentSession, signOut } from './api.js';
import { h, notice } from './ui.js';
import { disposeAll } from './charts.js';

const pages = {
  overview: () => import('./pages/overview.js'),
  journeys: () => import('./pages/journey.js'),
  funnels: () => import('./pages/funnels.js'),
  retention: () => import('./pages/retention.js'),
  feedback: () => import('./pages/feedback.js'),
  customers: () => import('./pages/customers.js'),
  value: () => import('./pages/value.js'),
  settings: () => import('./pages/settings.js'),
};

const main = document.getElementById('main');
let rendering = 0;

async function route() {
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'overview').split('/');
  const page = pages[name] ? name : 'overview';
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.getAttribute('href') === '#/' + page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  disposeAll();
  const mine = ++rendering;
  try {
    const mod = await pages[page]();
    await mod.render(main, rest.map(decodeURIComponent), () => mine === rendering);
  } catch (e) {
    if (e.status === 401) return;
    console.warn('page failed', e);
    main.replaceChildren(h('h1', {}, 'Something went wrong'), notice(e.message || String(e)));
  }
  document.title = (main.querySelector('h1')?.textContent || 'Wayfinder') + ' · Wayfinder';
}

async function start() {
  const s = await currentSession();
  document.getElementById('user').textContent = s.name + ' (' + s.role + ')';
  document.getElementById('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', () => { route(); main.focus({ preventScroll: true }); });
  if (!location.hash) history.replaceState(null, '', '#/overview');
  await route();
}

start().catch((e) => { if (e.status !== 401) console.warn(e); });
