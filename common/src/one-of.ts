// The one way to narrow a string to a union given as a list (`UNIT_KINDS`, `ROLES`…): a type guard, so
// a caller checks a value and gets its type in one step instead of `includes` plus an `as` cast.

export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return value !== null && value !== undefined && (list as readonly string[]).includes(value);
}
