import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { customers } from './customers';

// `collector`: a staff member in the field who records cash for the customers assigned to it (docs/collectors.md).
export const role = pgEnum('role', ['admin', 'staff', 'reseller', 'client', 'collector']);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    // scrypt with per-user salt, self-describing: "scrypt$N$r$p$salt$hash".
    passwordHash: text('password_hash').notNull(),
    role: role('role').notNull(),
    // Only staff carry an explicit set; admins hold every permission, resellers and clients
    // are limited by scope rather than by a permission list.
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // A client user signs in for exactly one customer account.
    customerId: uuid('customer_id').references((): AnyPgColumn => customers.id),
    disabled: boolean('disabled').notNull().default(false),
    // True while the password is still the demo seed's well-known one; any change clears it.
    // `npm start` and the console read it cheaply instead of running scrypt against each user.
    demoPassword: boolean('demo_password').notNull().default(false),
    // TOTP secret, encrypted with the server secret (server/auth/secret-box.ts) so a database
    // dump alone cannot mint codes. Set at enrolment; two-factor is on once `totpEnabledAt` is.
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, precision: 3 }),
    // The 30-second step of the last accepted code: a code is good once, not for its whole window.
    totpLastStep: integer('totp_last_step'),
    // Sessions signed in before this moment are over: a password change or reset ends every
    // session of the account, a stolen one included (the cookie alone cannot be revoked).
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    // Sign-in looks users up by e-mail regardless of the case it was typed in.
    uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`),
    index('users_customer_idx').on(t.customerId),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    name: text('name').notNull(),
    // The first characters of the key, shown in the console to tell keys apart.
    prefix: text('prefix').notNull(),
    // SHA-256 of the whole key: keys are long random strings, so a fast hash is enough and
    // lets every request find its key with one indexed lookup. The key itself is never stored.
    keyHash: text('key_hash').notNull(),
    role: role('role').notNull(),
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // A reseller's key only ever sees that reseller's customers.
    resellerId: uuid('reseller_id').references(() => users.id),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_uq').on(t.keyHash)],
);

/** Single-use password reset links: only a SHA-256 of the token is kept, like API keys. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_reset_tokens_hash_uq').on(t.tokenHash), index('password_reset_tokens_user_idx').on(t.userId)],
);

/** Two-factor recovery codes, hashed; each signs in once when the authenticator is lost. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_uq').on(t.userId, t.codeHash)],
);
