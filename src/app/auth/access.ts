// Who may do what: the scope and role checks every use case starts with (the routes call the
// same functions through server/auth.ts). A shop outside the principal's shops is NOT_FOUND, not
// FORBIDDEN, so ids of other organisations' shops do not leak.
import { DxeError } from '../../core/errors.js';
import type { Principal, Role } from './auth.js';

export type CallerRole = Role | 'integration';

/** The principal, if the shop is one of theirs; NOT_FOUND otherwise. */
export function assertShopAccess(p: Principal, shopId: string): Principal {
  if (!p.shopIds.includes(shopId)) throw new DxeError('NOT_FOUND');
  return p;
}

/** The principal, if their role is one of `roles`; FORBIDDEN otherwise. */
export function requireRoleOf(p: Principal, ...roles: readonly CallerRole[]): Principal {
  if (!roles.includes(p.role)) throw new DxeError('FORBIDDEN');
  return p;
}

/** Phones and addresses are personal data: only admins and supervisors see them unmasked. */
export function maySeePersonalData(p: Principal): boolean {
  return p.role === 'admin' || p.role === 'supervisor';
}
