// Sign-in: JSON only (the server refuses forms), then on to the page the user came for.
const form = document.getElementById('sign-in');
const error = document.getElementById('error');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const body = JSON.stringify({ name: form.name.value, password: form.password.value });
  const r = await fetch('/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, credentials: 'same-origin' });
  if (r.ok) {
    const next = new URLSearchParams(location.search).get('next') || '';
    location.href = 'index.html' + (next.startsWith('#/') ? next : '#/overview');
  } else {
    // 429: throttled, and the password was not checked; say how long to wait (Retry-After, seconds).
    const wait = Math.ceil(Number(r.headers.get('Retry-After')) / 60) || 15;
    error.textContent = r.status === 429 ? 'Too many failed sign-ins. Try again in ' + wait + (wait === 1 ? ' minute.' : ' minutes.')
      : r.status === 401 ? 'Unknown user or wrong password.' : 'Sign-in failed (' + r.status + ').';
    form.password.select();
  }
});
