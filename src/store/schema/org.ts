// Organisations, their shops (P3), agents and their shop links, sessions and API tokens.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ts, createdAt } from './columns.js';

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  /** C17: minutes without activity before an online agent shows as away; null = project default. */
  autoAwayMinutes: integer('auto_away_minutes'),
  /** C17: minutes a login may stay without activity before supervisors are alerted; null = project default. */
  idleAlertMinutes: integer('idle_alert_minutes'),
  createdAt: createdAt(),
});

/** P3: a shop belongs to one platform; an organisation may run many shops on many platforms. */
export const shops = pgTable('shops', {
  id: id(),
  orgId: text('org_id')
    .notNull()
    .references(() => organisations.id),
  platform: text('platform').notNull(),
  name: text('name').notNull(),
  /** Shop settings the bot and screens read (ship cut-off, couriers, free shipping, offers…). */
  settings: jsonb('settings').notNull().default({}),
  /** P1: per-shop overrides merged over the platform profile. */
  ruleOverrides: jsonb('rule_overrides').notNull().default({}),
  createdAt: createdAt(),
});

export const agents = pgTable(
  'agents',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    /** Agent number shown to buyers in the welcome (C3). */
    agentNo: text('agent_no'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'supervisor', 'agent'] }).notNull(),
    presence: text('presence', { enum: ['online', 'away', 'offline'] })
      .notNull()
      .default('offline'),
    /** Any sign of the agent's screen (a request, a socket heartbeat). */
    lastSeenAt: ts('last_seen_at'),
    /** C17: the status the agent chose (null: none, online after login). */
    presenceChoice: text('presence_choice', { enum: ['online', 'away', 'offline'] }),
    /** C17: the last time a person acted (a write, a status change, input reported by the workbench). */
    lastActiveAt: ts('last_active_at'),
    /** C17: when supervisors were alerted about this login staying without activity. */
    idleAlertedAt: ts('idle_alerted_at'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agents_login_uq').on(t.login)],
);

export const agentShops = pgTable(
  'agent_shops',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.shopId] })],
);

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  agentId: text('agent_id')
    .notNull()
    .references(() => agents.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
});

/** Tokens for integrations (marketplace bridges); scoped to one shop or the whole organisation. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    shopId: text('shop_id').references(() => shops.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** bridge | read | admin (app/auth/auth.ts TOKEN_SCOPES); tokens older than scopes are bridge tokens. */
    scopes: text('scopes').array().notNull().default(['bridge']),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash)],
);

/**
 * One-time tickets for the agents' WebSocket (GET /api/v1/ws?ticket=…): made with a bearer token,
 * good for one connection within a few seconds; only hashes are kept, of the ticket and of the
 * token it stands for.
 */
export const wsTickets = pgTable(
  'ws_tickets',
  {
    ticketHash: text('ticket_hash').primaryKey(),
    tokenKind: text('token_kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('ws_tickets_expires_idx').on(t.expiresAt)],
);
