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
  note.textContent = 'This link carries no decryption key, so a private note on the plan will not be readable.';
  note.hidden = false;
}
