// A compact list of titles (home page, search results): name, year, kind, score.
import type { TitleJson } from '../../../services/present.js';
import { strings as t } from '../strings.js';
import { fmtScore } from './score.js';

export function TitleList({ titles }: { titles: TitleJson[] }) {
  return (
    <ul class="title-list">
      {titles.map((title) => (
        <li>
          <a href={`/titles/${encodeURIComponent(title.slug)}`} class="title-link">
            {title.name}
          </a>
          <span class="muted">
            {[title.year ? String(title.year) : '', t.kind[title.kind] ?? title.kind].filter(Boolean).join(' · ')}
          </span>
          <span class="title-score">
            {title.score.count > 0 ? (
              <>
                <strong>{fmtScore(title.score.mean)}</strong> <span class="muted">({t.title.ratingsCount(title.score.count)})</span>
              </>
            ) : (
              <span class="muted">{t.title.noRatings}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
