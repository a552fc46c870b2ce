// Shared by the API (enforcement) and the SPA (live meter): one policy, evaluated the same way.
export * from './policy-settings.js';
export * from './password-problems.js';
export * from './context-words.js';
export * from './dictionaries.js';
export * from './evaluate-password.js';
