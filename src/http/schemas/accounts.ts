import { Type } from '@sinclair/typebox';
import { HANDLE_PATTERN, PASSWORD_MIN } from '../../services/accounts.service.js';

export const User = Type.Object(
  {
    id: Type.Integer(),
    handle: Type.String(),
    display_name: Type.String(),
    role: Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]),
    created_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);

export const UserEnvelope = Type.Object({ user: Type.Ref('User') });

export const RegisterBody = Type.Object(
  {
    handle: Type.String({ pattern: HANDLE_PATTERN, description: '3–30 of A–Z, a–z, 0–9, _; unique ignoring case' }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: PASSWORD_MIN, maxLength: 1000 }),
    display_name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { login: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const TokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const TokenCreated = Type.Object({ id: Type.Integer(), name: Type.String(), token: Type.String() });

export const Profile = Type.Object({
  user: Type.Ref('User'),
  stats: Type.Object({ reviews: Type.Integer(), helpful_yes_received: Type.Integer() }),
});
export const HandleParam = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 60 }) });
