// Home: plans that wait for me first ("your turn"), then all my plans; refreshes on its own and
// when the tab regains focus.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { planRow, poll, errorBox } from './common.js';

export function renderHome(main) {
  const awaiting = h('section', { id: 'awaiting-me', 'aria-labelledby': 'awaiting-title' });
  const all = h('section', { id: 'all-plans', 'aria-labelledby': 'all-title' });
  replace(main,
    h('div', { class: 'title-row' }, h('h1', null, 'Your plans'), h('a', { class: 'button primary', href: '#/new', id: 'home-new' }, 'New plan')),
    awaiting, all);
  let last = '';
  const load = async () => {
    const [mine, open] = await Promise.all([
      get('/negotiations?limit=50'),
      get('/negotiations?awaiting_me=true&limit=50'),
    ]);
    const snapshot = JSON.stringify([mine.data, open.data]);
    if (snapshot === last) return;
    last = snapshot;
    replace(awaiting, h('h2', { id: 'awaiting-title' }, 'Your turn'),
      open.data.length ? h('ul', { class: 'plans' }, open.data.map((s) => planRow(s, { awaiting: true })))
        : h('p', { class: 'muted' }, 'Nothing needs your answer right now.'));
    const awaitingIds = new Set(open.data.map((n) => n.id));
    const rest = mine.data.filter((n) => !awaitingIds.has(n.id));
    replace(all, h('h2', { id: 'all-title' }, 'All plans'),
      rest.length ? h('ul', { class: 'plans' }, rest.map((s) => planRow(s)))
        : h('p', { class: 'muted' }, mine.data.length ? 'No other plans.' : 'No plans yet. Start one and share the link with friends.'));
  };
  load().catch((error) => replace(all, errorBox(error)));
  return poll(load, 3000);
}
