/** Accounts, sessions, API tokens, roles on agreements and party notes. */
import { z } from 'zod';
import { AGREEMENT_ROLES, AUDIENCES } from '../core/index.ts';
import { Id, IsoDateTime, requiredText, text, Version, edited, inAgreement } from './common.ts';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('a valid e-mail address'));
export const Password = z.string().min(12, 'at least 12 characters').max(256);
export const AgreementRole = z.enum(AGREEMENT_ROLES);

export const UserView = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  admin: z.boolean(),
  disabledAt: IsoDateTime.nullable(),
  hasPassword: z.boolean().describe('False until an invited user has set a password'),
  version: z.number().int(),
  createdAt: IsoDateTime,
});
export type UserView = z.infer<typeof UserView>;

/** An account as the accounts table lists it: with each role it holds, on which agreement, for which party. */
export const AccountRowView = UserView.extend({
  roles: z.array(z.object({ agreementSlug: z.string(), agreementTitle: z.string(), role: AgreementRole, partyName: z.string().nullable() })),
});
export type AccountRowView = z.infer<typeof AccountRowView>;

export const MembershipView = z.object({
  userId: Id,
  email: z.string(),
  name: z.string(),
  agreementId: Id,
  role: AgreementRole,
  partyId: Id.nullable(),
});
export type MembershipView = z.infer<typeof MembershipView>;

export const LoginRequest = z.strictObject({ email: Email, password: z.string().min(1).max(256) });

export const MeView = z.object({
  user: UserView.nullable().describe('Null for a visitor who is not logged in'),
  memberships: z.array(z.object({ agreementId: Id, role: AgreementRole, partyId: Id.nullable() })),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every write made with the session cookie'),
  setupRequired: z.boolean().describe('True while no administrator exists (none, or all disabled): the first one must be created with the setup link'),
});
export type MeView = z.infer<typeof MeView>;

export const SetupRequest = z.strictObject({
  token: z.string().min(1).max(200).describe('The one-time setup token the server printed at start'),
  email: Email,
  name: requiredText(200),
  password: Password,
});

export const PasswordChange = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: Password });

export const UserCreate = z.strictObject({
  email: Email,
  name: requiredText(200),
  admin: z.boolean().default(false),
});
export const UserUpdate = z.strictObject({
  version: Version,
  name: requiredText(200).optional(),
  admin: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

export const InvitationView = z.object({
  userId: Id,
  token: z.string().describe('Shown once: the invitee sets a password with it'),
  path: z.string().describe('Path of the invitation page, e.g. /invite/<token>'),
  expiresAt: IsoDateTime,
});
export const InvitationAccept = z.strictObject({ token: z.string().min(1).max(200), password: Password });
export const InvitationCheck = z.strictObject({ token: z.string().min(1).max(200) });
export const InvitationStatusView = z.object({
  name: z.string().describe('The invited account\'s name'),
  email: z.string(),
  expiresAt: IsoDateTime,
});

export const TokenView = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
  lastUsedAt: IsoDateTime.nullable(),
});
export const TokenCreate = z.strictObject({
  name: requiredText(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const TokenCreated = TokenView.extend({ token: z.string().describe('Shown once: send as Authorization: Bearer') });

export const MembershipSet = z.strictObject({
  role: AgreementRole,
  partyId: Id.nullable().default(null).describe('Required for party_delegate, refused otherwise'),
});
export const MemberParams = z.object({ agreement: z.string().min(1).max(80), userId: Id });

export const NoteAudience = z.enum(AUDIENCES).describe(
  "Who reads the note: 'party' (the party's delegates and the mediators), 'mediators' (the mediators only) or 'all' (everyone who reads the agreement)",
);

export const NoteView = z.object({
  ...inAgreement,
  partyId: Id.nullable().describe("The party the note is filed for; set when the audience is that party's circle"),
  provisionId: Id.nullable(),
  title: z.string(),
  body: z.string(),
  audience: NoteAudience,
  authorId: Id.nullable(),
  authorName: z.string().nullable().describe('Who wrote the note; null for notes loaded with the demo'),
  ...edited,
});
export type NoteView = z.infer<typeof NoteView>;
const withPartyForItsCircle = (note: { audience?: string | undefined; partyId?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (note.audience === 'party' && !note.partyId) {
    ctx.addIssue({ code: 'custom', path: ['partyId'], message: "is required when the audience is a party's circle" });
  }
};
export const NoteCreate = z
  .strictObject({
    partyId: Id.nullable().default(null),
    provisionId: Id.nullable().default(null),
    title: requiredText(300),
    body: text(20_000).default(''),
    audience: NoteAudience.default('party'),
  })
  .superRefine(withPartyForItsCircle);
export const NoteUpdate = z.strictObject({
  version: Version,
  partyId: Id.nullable().optional(),
  provisionId: Id.nullable().optional(),
  title: requiredText(300).optional(),
  body: text(20_000).optional(),
  audience: NoteAudience.optional(),
});
