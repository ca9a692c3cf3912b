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

const VIEWER = browserTimeZone();

function fmt(zone, options) {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, ...options });
}

/** 'Tue, Dec 1' in the zone. */
function dayText(date, zone) {
  return fmt(zone, { weekday: 'short', month: 'short', day: 'numeric' }).format(date);
}

/** '6:30 PM' (no leading zero) in the zone. */
function timeText(date, zone) {
  return fmt(zone, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** The zone's short name at that moment ('CET', 'GMT+1', 'EST'). */
function zoneName(date, zone) {
  const part = fmt(zone, { timeZoneName: 'short', hour: 'numeric' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part ? part.value : zone;
}

/** The city of an IANA zone, for labels ('America/New_York' → 'New York'). */
export function zoneCity(zone) {
  return (zone || 'UTC').split('/').pop().replace(/_/g, ' ');
}

/**
 * A proposed time as the viewer reads it: in the viewer's own zone, labelled with that zone, and
 * the option's own zone beside it when it differs.
 * {main: 'Tue, Dec 1, 6:30 – 7:30 PM CET', other: '12:30 PM in New York' | null, zone}
 */
export function describeSlot(slot, viewerZone = VIEWER) {
  const zone = safeZone(viewerZone) || 'UTC';
  const start = new Date(slot.starts_at);
  const end = new Date(slot.ends_at || start.getTime() + slot.duration_minutes * 60_000);
  const main = `${dayText(start, zone)}, ${timeText(start, zone)} – ${timeText(end, zone)} ${zoneName(start, zone)}`;
  const own = safeZone(slot.timezone);
  const differs = own && own !== zone && zoneName(start, own) !== zoneName(start, zone);
  const other = differs ? `${dayText(start, own) === dayText(start, zone) ? '' : dayText(start, own) + ', '}${timeText(start, own)} in ${zoneCity(own)}` : null;
  return { main, other, day: dayText(start, zone), time: `${timeText(start, zone)} – ${timeText(end, zone)}`, zone: zoneName(start, zone) };
}

/** One line for a slot: 'Tue, Dec 1, 6:30 – 7:30 PM CET (12:30 PM in New York)'. */
export function formatSlot(slot, viewerZone = VIEWER) {
  const d = describeSlot(slot, viewerZone);
  return d.other ? `${d.main} (${d.other})` : d.main;
}

/** A moment in the viewer's zone, labelled: 'Tue, Dec 1, 6:30 PM CET'. */
export function formatInstant(iso, timeZone = VIEWER) {
  if (!iso) return '';
  const zone = safeZone(timeZone) || 'UTC';
  const date = new Date(iso);
  return `${dayText(date, zone)}, ${timeText(date, zone)} ${zoneName(date, zone)}`;
}

/** A moment in the viewer's zone with the event's own zone beside it when it differs. */
export function formatInstantWithZone(iso, ownZone, viewerZone = VIEWER) {
  const zone = safeZone(viewerZone) || 'UTC';
  const own = safeZone(ownZone);
  const date = new Date(iso);
  const main = formatInstant(iso, zone);
  if (!own || own === zone || zoneName(date, own) === zoneName(date, zone)) return main;
  return `${main} (${timeText(date, own)} in ${zoneCity(own)})`;
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
