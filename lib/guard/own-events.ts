/**
 * Events the guard dispatches itself (the send after a rewrite, a paste of redacted text, a re-dispatched change or
 * drop). The guard's own capture listeners let these through once instead of scanning them again.
 */
const ownEvents = new WeakSet<Event>();

export function markOwn<E extends Event>(event: E): E {
  ownEvents.add(event);
  return event;
}

export function isOwn(event: Event): boolean {
  return ownEvents.has(event);
}
