// Workspace settings (GET /api/settings), read once per page load; the currency of every amount shown.
import { optional } from './api.js';

let cached = null;

export async function settings() {
  cached = cached || optional('/api/settings').then((s) => s || { currency: 'EUR' });
  return cached;
}

export async function currency() {
  return (await settings()).currency || 'EUR';
}

/** After a change: the next read asks the server again. */
export function forgetSettings() {
  cached = null;
}
