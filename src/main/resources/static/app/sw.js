// The web client's service worker: shows Web Push notifications and opens the plan they are about.
// A push carries only the kind, the plan's id and state, a title and the plain one-line preview
// ("Ben accepted"); nothing else is ever shown, and never a private note (the server never has it).
const PLAN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function planUrl(id) {
  return new URL(id ? `/app/#/plan/${id}` : '/app/', self.location.origin).href;
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const id = typeof data.negotiation_id === 'string' && PLAN_ID.test(data.negotiation_id) ? data.negotiation_id : null;
  const kind = typeof data.kind === 'string' ? data.kind : 'update';
  const title = typeof data.title === 'string' && data.title ? data.title : 'Kairos Amiqo';
  const body = typeof data.body === 'string' ? data.body : '';
  event.waitUntil(Promise.all([
    // One notification per plan and kind: a newer one replaces the older.
    self.registration.showNotification(title, { body, tag: id ? `${id}:${kind}` : kind, data: { negotiationId: id } }),
    // Open pages refresh at once instead of waiting for their next poll.
    self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      .then((windows) => windows.forEach((w) => w.postMessage({ type: 'kairos-push', negotiationId: id, kind }))),
  ]));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const id = event.notification.data && event.notification.data.negotiationId;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).pathname.startsWith('/app/'));
    if (open) {
      open.postMessage({ type: 'kairos-open', hash: id ? `#/plan/${id}` : '#/' });
      return open.focus();
    }
    return self.clients.openWindow(planUrl(id));
  }));
});
