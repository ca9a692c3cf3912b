// What a person reads when something goes wrong: the product's words, never the service's
// validation text, error codes, "null" or "negotiation". Field errors name what to do.

const FIELD_WORDS = [
  [/^title$/, 'Keep the title to 120 characters or fewer.'],
  [/slots\[\d+\]\.starts_at$/, 'Pick a date and time in the future, within a year.'],
  [/slots\[\d+\]\.duration_minutes$/, 'Make it between 5 minutes and 24 hours long.'],
  [/slots\[\d+\]\.timezone$/, 'Pick a time zone from the list, like Europe/Berlin.'],
  [/slots$/, 'Add between 1 and 10 times.'],
  [/venues\[\d+\]\.name$/, 'Name the place (up to 200 characters) or remove it.'],
  [/venues\[\d+\]\.address$/, 'Keep the address to 300 characters or fewer.'],
  [/venues$/, 'Add at most 10 places.'],
  [/^participant_ids/, 'Pick friends from the list.'],
  [/^min_attendees$/, 'Pick between 2 and 50 people.'],
  [/^expires_at$/, 'Pick a closing time in the future, within 30 days.'],
  [/^max_uses$/, 'Pick how many people can use the link (1 or more), or leave it empty.'],
  [/^reason$/, 'Keep the reason to 200 characters or fewer.'],
  [/^(maybe_)?slot_ids$/, 'Say yes or if need be to at least one time, or tell them none works.'],
  [/^(maybe_)?venue_ids$/, 'Say yes or if need be to at least one place, or tell them none works.'],
  [/^(slot|venue)_id$/, 'Pick one of the options.'],
];

const CODE_WORDS = {
  NETWORK: 'The service cannot be reached. Check your connection and try again.',
  UNAUTHORIZED: 'Please sign in again.',
  NOT_FOUND: 'This plan does not exist, or it is not shared with you.',
  USER_NOT_PARTICIPANT: 'This plan is not shared with you. Ask the organizer for an invite link.',
  ORGANIZER_ONLY_ACTION: 'Only the organizer can do that.',
  INVALID_STATE_TRANSITION: 'This plan has moved on: it can no longer be changed that way.',
  NEGOTIATION_EXPIRED: 'This plan has closed: its answer deadline passed.',
  PRECONDITION_FAILED: 'Someone changed the plan while you were answering. Look at it again and answer once more.',
  UNKNOWN_OPTION: 'One of the options is no longer part of the plan. Look at it again.',
  SLOT_IN_PAST: 'That time has already started. Pick a later one.',
  MISSING_COUNTER_FIELDS: 'Add at least one new time or place to suggest.',
  COUNTER_LIMIT_EXCEEDED: 'This plan already has as many options as it can hold (20 times and 20 places).',
  INVITE_NOT_FOUND: 'This invite link does not work any more.',
  NEGOTIATION_FULL: 'This plan is full (50 people).',
  RATE_LIMITED: 'Too many tries in a short time. Wait a minute and try again.',
  CONFLICT: 'That was already sent with different details. Look at the plan again.',
  VALIDATION_ERROR: 'Some details need fixing: see the marked fields.',
};

/** A field's problem in the product's words. */
export function fieldWords(field) {
  for (const [pattern, words] of FIELD_WORDS) if (pattern.test(field || '')) return words;
  return 'Check this field.';
}

/** An error's message in the product's words (never the service's raw text). */
export function errorWords(error) {
  if (!error) return 'Something went wrong. Try again.';
  if (error.productMessage) return error.productMessage;
  return CODE_WORDS[error.code] || (error.status >= 500 ? 'Something went wrong on our side. Try again in a moment.'
    : 'That did not work. Check what you entered and try again.');
}
