// /titles/{slug}/review: write one's review of a title, or edit it. Every field of the contract;
// errors beside their fields; a hints region (role=status) that the script fills live from
// POST /api/v1/reviews/check, and that the server fills when the form comes back.
import type { Warning } from '../../../domain/quality/index.js';
import type { TitleJson } from '../../../services/present.js';
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FieldErrors, type FormValues } from '../components/forms.js';

export const SCORE_FIELDS = ['story', 'acting', 'music', 'rewatch'] as const;

const RATINGS: [string, string][] = Array.from({ length: 19 }, (_, i) => {
  const v = String(10 - i / 2);
  return [v, v];
});

export interface WriteReviewProps {
  viewer: Viewer;
  title: TitleJson;
  /** The review being edited, or null for a new one. */
  editing: { id: number } | null;
  values: FormValues;
  errors: FieldErrors;
  warnings: Warning[];
  suggestedBody: string | null;
  notice?: string;
}

export function Hints({ warnings, suggestedBody }: { warnings: Warning[]; suggestedBody: string | null }) {
  return (
    <div id="hints" class={`hints${warnings.length ? ' has-warnings' : ''}`} role="status" aria-live="polite" aria-label={t.write.hints}>
      {warnings.length > 0 && (
        <ul>
          {warnings.map((w) => (
            <li>{w.message}</li>
          ))}
        </ul>
      )}
      {suggestedBody !== null && (
        <button type="submit" name="action" value="remove_repeats" formNoValidate>
          {t.write.removeRepeats}
        </button>
      )}
    </div>
  );
}

export function WriteReviewPage({ viewer, title, editing, values, errors, warnings, suggestedBody, notice }: WriteReviewProps) {
  const slug = encodeURIComponent(title.slug);
  const heading = editing ? t.write.headingEdit(title.name) : t.write.heading(title.name);
  return (
    <Layout viewer={viewer} meta={{ title: `${heading} — ${t.siteName}`, canonical: `/titles/${slug}/review`, noindex: true }}>
      <div class="write">
        <p class="kicker">
          <a href={`/titles/${slug}`}>
            {title.name}
            {title.year ? ` (${title.year})` : ''}
          </a>
        </p>
        <h1>{heading}</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <ErrorSummary message={t.write.errorSummary} errors={errors} />
        <form method="post" action={`/titles/${slug}/review`} class="form-card" data-check novalidate>
          <CsrfField token={viewer.csrf} />
          <TextField name="headline" label={t.write.headline} values={values} errors={errors} required maxLength={120} />
          <TextArea name="body" label={t.write.body} help={t.write.bodyHelp} values={values} errors={errors} rows={14} maxLength={20000}>
            <Hints warnings={warnings} suggestedBody={suggestedBody} />
          </TextArea>
          <div class="row">
            <SelectField name="rating" label={t.write.rating} help={t.write.ratingHelp} values={values} errors={errors} options={[['', t.write.choose], ...RATINGS]} required />
            <SelectField
              name="watch_status"
              label={t.write.watchStatus}
              values={values}
              errors={errors}
              options={[['', t.write.none], ...Object.entries(t.review.watch)]}
            />
            <TextField
              name="episodes_seen"
              label={t.write.episodesSeen}
              help={t.write.episodesHelp(title.episodes) || undefined}
              type="number"
              min={0}
              max={title.episodes ?? undefined}
              step={1}
              inputMode="numeric"
              values={values}
              errors={errors}
            />
          </div>
          <fieldset>
            <legend>{t.write.subScores}</legend>
            <div class="row">
              {SCORE_FIELDS.map((k) => (
                <SelectField name={k} label={t.review.score[k]!} values={values} errors={errors} options={[['', t.write.none], ...RATINGS]} />
              ))}
            </div>
          </fieldset>
          <CheckboxField name="contains_spoilers" label={t.write.spoilers} values={values} errors={errors} />
          <div class="actions">
            <button type="submit" class="primary">
              {editing ? t.write.save : t.write.publish}
            </button>
            {/* Without JavaScript: sends the form back with its hints, saving nothing. */}
            <button type="submit" name="action" value="check" formNoValidate>
              {t.write.check}
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
