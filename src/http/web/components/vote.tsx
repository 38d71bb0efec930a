// "Was this review helpful to you?" — Yes / No as a plain form post (works without JavaScript);
// the script sends the same choice to the JSON API and updates the buttons and the count in place.
// The pressed button carries aria-pressed="true"; pressing it again withdraws the vote.
import type { ReviewJson } from '../../../services/present.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { CsrfField } from './forms.js';

export function HelpfulCount({ review }: { review: Pick<ReviewJson, 'id' | 'helpful'> }) {
  const { yes, no } = review.helpful;
  return (
    <p class="helpful-count" id={`hc-${review.id}`} aria-live="polite">
      {t.review.helpfulCount(yes, yes + no)}
    </p>
  );
}

export function VoteForm({ review, viewer }: { review: ReviewJson; viewer: Viewer }) {
  const own = viewer.user !== null && viewer.user.handle === review.author.handle;
  if (own) {
    return (
      <div class="vote">
        <p class="muted">{t.review.ownReview}</p>
        <HelpfulCount review={review} />
      </div>
    );
  }
  const mine = review.my_vote ?? null;
  const qid = `vq-${review.id}`;
  return (
    <form method="post" action={`/reviews/${review.id}/vote`} class="vote" data-vote={review.id}>
      <CsrfField token={viewer.csrf} />
      <div role="group" aria-labelledby={qid} class="vote-group">
        <span id={qid} class="vote-q">
          {t.review.helpfulQuestion}
        </span>
        <button type="submit" name="helpful" value={mine === true ? 'clear' : 'yes'} data-helpful="yes" aria-pressed={mine === true ? 'true' : 'false'}>
          {t.review.yes}
        </button>
        <button type="submit" name="helpful" value={mine === false ? 'clear' : 'no'} data-helpful="no" aria-pressed={mine === false ? 'true' : 'false'}>
          {t.review.no}
        </button>
      </div>
      <HelpfulCount review={review} />
    </form>
  );
}
