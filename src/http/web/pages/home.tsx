// /: popular titles, the most helpful recent reviews, the newest reviews.
import type { ReviewJson, TitleJson } from '../../../services/present.js';
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { ReviewCard } from '../components/review-card.js';
import { TitleList } from '../components/title-list.js';

export function HomePage({ viewer, popular, helpful, newest }: { viewer: Viewer; popular: TitleJson[]; helpful: ReviewJson[]; newest: ReviewJson[] }) {
  return (
    <Layout viewer={viewer} meta={{ title: t.home.title, description: t.home.description, canonical: '/' }}>
      <h1 class="home-h">{t.home.heading}</h1>
      <div class="home-grid">
        <section aria-labelledby="popular-h" class="home-popular">
          <h2 id="popular-h">{t.home.popular}</h2>
          {popular.length ? <TitleList titles={popular} /> : <p class="empty">{t.home.empty}</p>}
        </section>
        <div class="home-reviews">
          <section aria-labelledby="helpful-h">
            <h2 id="helpful-h">{t.home.helpful}</h2>
            {helpful.length ? helpful.map((r) => <ReviewCard review={r} viewer={viewer} opts={{ level: 3, showTitle: true }} />) : <p class="empty">{t.home.noReviews}</p>}
          </section>
          <section aria-labelledby="newest-h">
            <h2 id="newest-h">{t.home.newest}</h2>
            {newest.length ? newest.map((r) => <ReviewCard review={r} viewer={viewer} opts={{ level: 3, showTitle: true }} />) : <p class="empty">{t.home.noReviews}</p>}
          </section>
        </div>
      </div>
    </Layout>
  );
}
