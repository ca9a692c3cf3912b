// Slots are entered as a wall-clock time in a chosen IANA time zone and sent as UTC (docs/reference.md#conventions).

export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function knownTimeZones() {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
}

function offsetMs(epochMs, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * '2026-12-01T18:30' in 'Europe/Berlin' → '2026-12-01T17:30:00Z'. An unknown zone or an empty or
 * malformed time is passed on as is, so the server's message for the field is what the person sees.
 */
export function wallTimeToUtc(local, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local || '');
  if (!match) return local || null;
  const guess = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
  let zone = timeZone;
  try {
    offsetMs(guess, zone);
  } catch {
    zone = 'UTC';
  }
  const first = offsetMs(guess, zone);
  let utc = guess - first;
  const second = offsetMs(utc, zone);
  if (second !== first) utc = guess - second;
  return new Date(utc).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 'Tue 1 Dec, 18:30 – 19:30 (Europe/Berlin)' */
export function formatSlot(slot) {
  const zone = safeZone(slot.timezone) || 'UTC';
  const day = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const start = new Date(slot.starts_at);
  const end = new Date(slot.ends_at || start.getTime() + slot.duration_minutes * 60_000);
  return `${day.format(start)}, ${time.format(start)} – ${time.format(end)} (${zone})`;
}

/** A moment in the given zone (default: the browser's). */
export function formatInstant(iso, timeZone) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(timeZone) })
    .format(new Date(iso));
}

function safeZone(zone) {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The value of a datetime-local input some hours from now, on a whole hour. */
export function localInputValue(hoursFromNow) {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  d.setMinutes(0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
