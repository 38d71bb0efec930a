// The one page layout: <head> metadata (title, description, canonical, Open Graph, JSON-LD), the
// header (site name, search box, account links), <main> and the footer. Every page renders inside it.
//
// Extension points for later features: `meta.head` takes extra <head> elements (feed <link>s);
// `AccountNav` is where role-specific links (moderation) go.
import type { ComponentChildren } from 'preact';
import { assetUrl } from './assets.js';
import { strings as t } from './strings.js';
import type { Viewer } from './view.js';
import { CsrfField } from './components/forms.js';
import { isModerator } from '../../domain/permissions.js';

export interface PageMeta {
  /** The document <title>. */
  title: string;
  description?: string;
  /** Canonical path ('/titles/x'); made absolute with the base URL. */
  canonical?: string;
  /** Open Graph type: website (default), video.tv_show, video.movie, article, profile. */
  ogType?: string;
  /** schema.org objects, each written as a JSON-LD script. */
  jsonLd?: object[];
  /** Pages that should not be indexed (forms, search results, errors). */
  noindex?: boolean;
  /** Extra <head> elements. */
  head?: ComponentChildren;
}

/** JSON for a <script> element: `<` is escaped so no text can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function Layout({ viewer, meta, children }: { viewer: Viewer; meta: PageMeta; children: ComponentChildren }) {
  const canonical = meta.canonical ? viewer.baseUrl + meta.canonical : undefined;
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* No favicon file to fetch: an empty one keeps browsers from asking for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <meta name="color-scheme" content="light dark" />
        <title>{meta.title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {canonical && <link rel="canonical" href={canonical} />}
        <meta property="og:site_name" content={t.siteName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        {canonical && <meta property="og:url" content={canonical} />}
        {meta.description && <meta property="og:description" content={meta.description} />}
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <script src={assetUrl('site.js')} defer />
        {meta.head}
        {meta.jsonLd?.map((ld) => <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(ld) }} />)}
      </head>
      <body data-strings={JSON.stringify(t.client)}>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap bar">
            <a class="brand" href="/">
              {t.siteName}
            </a>
            <form class="site-search" role="search" method="get" action="/search">
              <label for="site-q" class="vh">
                {t.nav.search}
              </label>
              <input id="site-q" type="search" name="q" value={viewer.query ?? ''} placeholder={t.nav.searchPlaceholder} maxLength={200} autocomplete="off" />
              <button type="submit">{t.nav.searchButton}</button>
            </form>
            <AccountNav viewer={viewer} />
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t.footer.about} <a href="/api/v1/openapi.json">{t.footer.api}</a> · <a href="/moderations">{t.footer.moderationLog}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function AccountNav({ viewer }: { viewer: Viewer }) {
  const u = viewer.user;
  if (!u) {
    const next = viewer.path && viewer.path !== '/' && !viewer.path.startsWith('/login') && !viewer.path.startsWith('/register') ? `?next=${encodeURIComponent(viewer.path)}` : '';
    return (
      <nav class="account" aria-label={t.nav.main}>
        <a href={`/login${next}`}>{t.nav.signIn}</a>
        <a href="/register" class="button">
          {t.nav.signUp}
        </a>
      </nav>
    );
  }
  return (
    <nav class="account" aria-label={t.nav.main}>
      <a href={`/users/${encodeURIComponent(u.handle)}`} title={t.nav.yourProfile}>
        {u.display_name}
      </a>
      {/* Role-specific links (moderation) go here. */}
      {isModerator(u) && <a href="/moderation">{t.nav.moderation}</a>}
      <a href="/settings/import">{t.nav.importExport}</a>
      <form method="post" action="/logout" class="inline">
        <CsrfField token={viewer.csrf} />
        <button type="submit" class="link">
          {t.nav.signOut}
        </button>
      </form>
    </nav>
  );
}
