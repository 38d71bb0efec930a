// /reviews/{id}: one review in full, with its title; and /reviews/{id}/report, the report form.
import type { ReviewJson, TitleJson } from '../../../services/present.js';
import { REPORT_REASONS } from '../../../services/reports.service.js';
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { ReviewCard } from '../components/review-card.js';
import { CsrfField, ErrorSummary, SelectField, TextArea, type FieldErrors, type FormValues } from '../components/forms.js';
import { reviewLd } from '../jsonld.js';
import { truncate } from './title.js';

export function ReviewPage({ viewer, review, title, notice }: { viewer: Viewer; review: ReviewJson; title: TitleJson | null; notice?: string | undefined }) {
  const slug = encodeURIComponent(review.title.slug);
  const titleName = `${review.title.name}${review.title.year ? ` (${review.title.year})` : ''}`;
  const mine = viewer.user?.handle === review.author.handle;
  return (
    <Layout
      viewer={viewer}
      meta={{
        title: `${t.review.metaTitle(review.headline, titleName)} — ${t.siteName}`,
        description: truncate(`${t.review.metaDescription(review.author.display_name, review.title.name, review.rating)} ${review.body}`, 200),
        canonical: `/reviews/${review.id}`,
        ogType: 'article',
        jsonLd: [reviewLd(review, viewer.baseUrl, { withItem: { kind: title?.kind } })],
        noindex: review.status !== 'published',
      }}
    >
      <div class="review-page">
        <p class="kicker">
          <a href={`/titles/${slug}`}>{t.review.ofTitle(titleName)}</a>
        </p>
        {notice && (
          <p class="notice ok" role="status">
            {notice}
          </p>
        )}
        <ReviewCard review={review} viewer={viewer} opts={{ level: 1, full: true, titleEpisodes: title?.episodes ?? null }} />
        {mine && (
          <p>
            <a href={`/titles/${slug}/review`} class="button">
              {t.title.editYourReview}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}

export function ReportPage({ viewer, review, values, errors }: { viewer: Viewer; review: ReviewJson; values: FormValues; errors: FieldErrors }) {
  return (
    <Layout viewer={viewer} meta={{ title: `${t.review.reportHeading} — ${t.siteName}`, canonical: `/reviews/${review.id}/report`, noindex: true }}>
      <div class="narrow">
        <p class="kicker">
          <a href={`/reviews/${review.id}`}>{review.headline}</a>
        </p>
        <h1>{t.review.reportHeading}</h1>
        <ErrorSummary message={t.write.errorSummary} errors={errors} />
        <form method="post" action={`/reviews/${review.id}/report`} class="form-card">
          <CsrfField token={viewer.csrf} />
          <SelectField
            name="reason"
            label={t.review.reportReason}
            values={values}
            errors={errors}
            required
            options={[['', t.write.choose], ...REPORT_REASONS.map((r): [string, string] => [r, t.review.reportReasons[r] ?? r])]}
          />
          <TextArea name="note" label={t.review.reportNote} values={values} errors={errors} rows={4} maxLength={2000} />
          <button type="submit" class="primary">
            {t.review.reportSend}
          </button>
        </form>
      </div>
    </Layout>
  );
}
