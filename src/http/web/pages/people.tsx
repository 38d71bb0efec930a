// /people/{slug} (a person's credits) and /users/{handle} (a member's reviews and helpful votes).
import type { PersonJson, ReviewJson, UserJson } from '../../../services/present.js';
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { ReviewCard } from '../components/review-card.js';
import { personLd } from '../jsonld.js';
import { FeedLinks } from '../feed-links.js';

const ROLE_ORDER = ['director', 'writer', 'cast'] as const;

export function PersonPage({ viewer, person }: { viewer: Viewer; person: PersonJson }) {
  const slug = encodeURIComponent(person.slug);
  return (
    <Layout
      viewer={viewer}
      meta={{
        title: `${person.name} — ${t.siteName}`,
        description: t.person.metaDescription(person.name, person.credits.length),
        canonical: `/people/${slug}`,
        ogType: 'profile',
        jsonLd: [personLd(person, viewer.baseUrl)],
        head: <FeedLinks baseUrl={viewer.baseUrl} path={`/people/${slug}`} name={person.name} />,
      }}
    >
      <h1>{person.name}</h1>
      {person.original_name && person.original_name !== person.name && <p class="original-name">{person.original_name}</p>}
      <section aria-labelledby="pc-h">
        <h2 id="pc-h">{t.person.credits}</h2>
        {person.credits.length === 0 && <p class="empty">{t.person.noCredits}</p>}
        {ROLE_ORDER.map((role) => {
          const cs = person.credits.filter((c) => c.role === role);
          if (!cs.length) return null;
          return (
            <>
              <h3>{t.title.role[role]}</h3>
              <ul class="credit-list">
                {cs.map((c) => (
                  <li>
                    <a href={`/titles/${encodeURIComponent(c.title.slug)}`}>{c.title.name}</a>
                    {c.title.year ? ` (${c.title.year})` : ''}
                    {c.character && <span class="character"> {t.title.asCharacter(c.character)}</span>}
                  </li>
                ))}
              </ul>
            </>
          );
        })}
      </section>
    </Layout>
  );
}

export interface ProfileProps {
  viewer: Viewer;
  user: UserJson;
  stats: { reviews: number; helpful_yes_received: number };
  reviews: ReviewJson[];
  nextCursor: string | null;
}

export function ProfilePage({ viewer, user, stats, reviews, nextCursor }: ProfileProps) {
  const handle = encodeURIComponent(user.handle);
  return (
    <Layout
      viewer={viewer}
      meta={{
        title: `${user.display_name} (@${user.handle}) — ${t.siteName}`,
        description: t.profile.metaDescription(user.display_name),
        canonical: `/users/${handle}`,
        ogType: 'profile',
        head: <FeedLinks baseUrl={viewer.baseUrl} path={`/users/${handle}`} name={user.display_name} />,
        jsonLd: [{ '@context': 'https://schema.org', '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: user.display_name, alternateName: user.handle, url: `${viewer.baseUrl}/users/${handle}` } }],
      }}
    >
      <h1>{user.display_name}</h1>
      <p class="muted">
        @{user.handle} · {t.profile.joined(t.dates.format(user.created_at))}
      </p>
      <h2 class="vh">{t.profile.stats}</h2>
      <ul class="stats">
        <li>{t.profile.reviewCount(stats.reviews)}</li>
        <li>{t.profile.helpfulReceived(stats.helpful_yes_received)}</li>
      </ul>
      <section aria-labelledby="ur-h">
        <h2 id="ur-h">{t.profile.reviews}</h2>
        {reviews.length === 0 && <p class="empty">{t.profile.noReviews}</p>}
        {reviews.map((r) => (
          <ReviewCard review={r} viewer={viewer} opts={{ level: 3, showTitle: true }} />
        ))}
        {nextCursor && (
          <nav class="pager" aria-label={t.title.pages}>
            <a href={`/users/${handle}?cursor=${encodeURIComponent(nextCursor)}`} rel="next">
              {t.profile.olderReviews}
            </a>
          </nav>
        )}
      </section>
    </Layout>
  );
}
