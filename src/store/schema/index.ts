// The whole domain as one pg-core schema, one file per business context. Runs unchanged on PGlite
// and PostgreSQL 15. Money is integer fen; times are timestamptz; personal data (phones,
// addresses) is stored in full but only ever shown masked unless a role needs it (core/privacy).
export * from './org.js';
export * from './catalogue.js';
export * from './conversations.js';
export * from './orders.js';
export * from './cases.js';
export * from './reviews.js';
export * from './timers.js';
export * from './delivery.js';
export * from './audit.js';
export * from './corrections.js';
export * from './followups.js';
export * from './training.js';
export * from './penalties.js';
export * from './logistics.js';
export * from './revisits.js';
