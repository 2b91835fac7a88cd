export { PseudonymVault, placeholderType, type SerializedVault, type VaultEntry } from './vault';
export { findPlaceholders, redact, restore, type PlaceholderMatch, type RedactResult, type Replacement } from './redact';
