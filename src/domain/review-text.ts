// How long a review's texts may be: one rule for the API schema, the web form, imports and seeds.
// Lengths count characters (code points), as JSON Schema's maxLength does, so an emoji counts once.

export const HEADLINE_MAX = 120;
export const BODY_MAX = 20_000;
