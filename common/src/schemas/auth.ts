import Type, { type Static } from 'typebox';
import { PERMISSIONS } from '../roles.ts';
import { PasswordField, RoleSchema } from './org.ts';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: PasswordField },
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
