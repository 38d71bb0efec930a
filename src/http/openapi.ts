// The OpenAPI document's head; the paths come from the route schemas themselves.
export function openApiInfo(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marquee API',
      version: '1.0.0',
      description:
        'Community reviews of films and series. Errors are {"error": {"code", "message", "field"?}}; lists are {"items", "next_cursor"}. ' +
        'Authenticate with the session cookie from /auth/register or /auth/login, or `Authorization: Bearer <token>` (POST /tokens).',
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey' as const, in: 'cookie' as const, name: 'marquee_session' },
        token: { type: 'http' as const, scheme: 'bearer' },
      },
    },
    security: [{ session: [] as string[] }, { token: [] as string[] }, {}] as Record<string, string[]>[],
    tags: [
      { name: 'accounts' },
      { name: 'catalog' },
      { name: 'reviews' },
      { name: 'votes' },
      { name: 'ratings' },
      { name: 'reports' },
    ],
  };
}
