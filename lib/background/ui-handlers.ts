/** Popup/options ↔ background handlers. Owned by the UI work. */
export function registerUiHandlers(): void {}
