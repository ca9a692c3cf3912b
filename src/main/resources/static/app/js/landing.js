// The landing page of /i/<token>: hands the token and the fragment's key to the web client.
// The key (#k=…) never reaches the server: browsers do not send fragments.
const token = decodeURIComponent(location.pathname.replace(/^\/i\//, ''));
const key = new URLSearchParams(location.hash.slice(1)).get('k');
const open = document.getElementById('open-web');
if (/^[A-Za-z0-9_-]{1,200}$/.test(token)) {
  open.href = '/app/#/join/' + encodeURIComponent(token) + (key ? '?k=' + encodeURIComponent(key) : '');
}
if (!key) {
  const note = document.getElementById('key-note');
  note.textContent = 'This link has no key for the plan\'s private note: if there is one, you can read it once someone who has the key opens the plan.';
  note.hidden = false;
}
