// Shared by the API (enforcement) and the SPA (live meter): one policy, evaluated the same way.
export * from './policy-settings.js';
