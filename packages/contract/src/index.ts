// The public contract: every schema the API accepts or returns, in one place.
export * from './failures.js';
export * from './documents.js';
export * from './errors.js';
export * from './auth.js';
export * from './profile.js';
export * from './review.js';
