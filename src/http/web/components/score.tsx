// A title's score: the plain mean and the weighted (Bayesian) score with the number of ratings, and
// the histogram drawn as bars (each bar's numbers are in its text, for screen readers too).
import type { TitleJson } from '../../../services/present.js';
import { strings as t } from '../strings.js';

export const fmtScore = (n: number | null) => (n === null ? '–' : n.toFixed(1));

export function ScoreSummary({ score }: { score: TitleJson['score'] }) {
  if (score.count === 0) return <p class="score-none">{t.title.noRatings}</p>;
  return (
    <div class="score">
      <p class="score-main">
        <span class="score-value">{fmtScore(score.mean)}</span>
        <span class="score-scale"> / 10</span>
        <span class="vh"> {t.title.mean}</span>
      </p>
      <dl class="score-facts">
        <div>
          <dt>{t.title.mean}</dt>
          <dd>{fmtScore(score.mean)}</dd>
        </div>
        <div>
          <dt>{t.title.weighted}</dt>
          <dd title={t.title.weightedHelp}>{score.weighted === null ? '–' : score.weighted.toFixed(2)}</dd>
        </div>
        <div>
          <dt>{t.title.ratings}</dt>
          <dd>{score.count.toLocaleString('en')}</dd>
        </div>
      </dl>
    </div>
  );
}

export function Histogram({ score, headingId }: { score: TitleJson['score']; headingId: string }) {
  const counts = Array.from({ length: 10 }, (_, i) => Number((score.histogram as Record<string, number>)[String(10 - i)] ?? 0));
  const max = Math.max(1, ...counts);
  const total = Math.max(1, score.count);
  return (
    <ol class="histogram" aria-labelledby={headingId}>
      {counts.map((n, i) => {
        const bucket = 10 - i;
        const percent = Math.round((n / total) * 100);
        return (
          <li>
            <span class="hist-label" aria-hidden="true">
              {bucket}
            </span>
            <span class="hist-bar" aria-hidden="true">
              <span style={`width:${((n / max) * 100).toFixed(1)}%`} />
            </span>
            <span class="hist-count" aria-hidden="true">
              {n.toLocaleString('en')}
            </span>
            <span class="vh">{t.title.histogramBar(bucket, n, percent)}</span>
          </li>
        );
      })}
    </ol>
  );
}
