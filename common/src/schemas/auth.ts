import Type, { type Static } from 'typebox';
import { PERMISSIONS } from '../roles.ts';
import { PasswordField, RoleSchema } from './org.ts';

/** a 6-digit authenticator code, or a recovery code (xxxx-xxxx-xxxx) */
export const SecondFactorCode = Type.String({ minLength: 6, maxLength: 20 });

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: PasswordField,
    code: Type.Optional(SecondFactorCode),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  username: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  roles: Type.Array(RoleSchema),
  permissions: Type.Array(Type.Enum(PERMISSIONS)),
  mustChangePassword: Type.Boolean(),
  /** 'unit' — sees only the own unit's records; 'bureau' — the whole bureau's tree */
  scope: Type.Union([Type.Literal('unit'), Type.Literal('bureau')]),
  sessionExpiresAt: Type.String(),
  /** a second factor (TOTP) is set up for this account */
  totpEnabled: Type.Boolean(),
  /** the account must set one up before anything else (REQUIRE_TOTP_FOR_ADMINS) */
  totpRequired: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: PasswordField, newPassword: PasswordField },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const DemoAccount = Type.Object({
  username: Type.String(),
  password: Type.String(),
  role: RoleSchema,
  name: Type.String(),
  unitName: Type.String(),
});
export const LoginInfo = Type.Object({
  demo: Type.Boolean(),
  demoAccounts: Type.Array(DemoAccount),
});

export const TotpStatus = Type.Object({
  enabled: Type.Boolean(),
  enabledAt: Type.Union([Type.String(), Type.Null()]),
  /** an enrolment was started and awaits its first code */
  pending: Type.Boolean(),
  recoveryCodesLeft: Type.Integer(),
  required: Type.Boolean(),
});
export type TotpStatus = Static<typeof TotpStatus>;

/** Re-authentication: changing or removing the second factor needs the password. */
export const TotpPasswordBody = Type.Object({ password: PasswordField }, { additionalProperties: false });

export const TotpEnrolment = Type.Object({
  /** base32, for typing into an app by hand */
  secret: Type.String(),
  /** otpauth://totp/… — the console draws it as a QR code */
  otpauthUri: Type.String(),
});
export type TotpEnrolment = Static<typeof TotpEnrolment>;

export const TotpConfirmBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const RecoveryCodes = Type.Object({
  /** shown once; each signs in once in place of an authenticator code */
  recoveryCodes: Type.Array(Type.String()),
});
export type RecoveryCodes = Static<typeof RecoveryCodes>;
