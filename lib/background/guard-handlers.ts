/** Content-script ↔ background handlers. Owned by the guard work. */
export function registerGuardHandlers(): void {}
