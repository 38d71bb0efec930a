// A review's text as paragraphs (the non-blank lines of the body, as the contract counts them).
// User text goes in as text nodes only: Preact escapes it; nothing here is raw HTML.
// Mention links (issue 6): with `body` and `mentions` (the Review object's), names in a paragraph are
// links to /titles/{slug} and /people/{slug}, split from the text by paragraphsWithMentions
// (src/domain/mentions.ts) — still text nodes, never raw HTML.
import type { MentionJson } from '../../../services/mentions.service.js';
import { paragraphsWithMentions, splitMentions, type Paragraph, type Segment } from '../../../domain/mentions.js';

/** Bodies longer than this are cut on cards, with "Read more". */
export const EXCERPT_CHARS = 700;

export const paragraphsOf = (body: string): string[] => body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

/** The paragraphs to show on a card, and whether anything was left out. */
export function excerpt(paragraphs: string[], limit = EXCERPT_CHARS): { shown: string[]; cut: boolean } {
  const shown: string[] = [];
  let used = 0;
  for (const p of paragraphs) {
    if (used + p.length <= limit) {
      shown.push(p);
      used += p.length;
      continue;
    }
    const room = limit - used;
    if (room > 120 || shown.length === 0) {
      const at = p.lastIndexOf(' ', Math.max(room, 60));
      shown.push(`${p.slice(0, at > 40 ? at : Math.max(room, 60)).trimEnd()}…`);
    }
    return { shown, cut: true };
  }
  return { shown, cut: false };
}

export function ReviewBody({ paragraphs, id, body, mentions }: { paragraphs: string[]; id?: string; body?: string; mentions?: readonly MentionJson[] }) {
  const linked = body !== undefined && mentions?.length ? paragraphsWithMentions(body, mentions) : null;
  return (
    <div class="review-body" id={id}>
      {paragraphs.map((p, i) => (
        <p>{linked ? <MentionText text={p} paragraph={linked[i]} mentions={mentions!} /> : p}</p>
      ))}
    </div>
  );
}

export const mentionHref = (m: MentionJson): string => `/${m.type === 'title' ? 'titles' : 'people'}/${encodeURIComponent(m.slug)}`;

/** One paragraph with its mention links; a paragraph cut by excerpt() keeps the links that fit. */
function MentionText({ text, paragraph, mentions }: { text: string; paragraph: Paragraph<MentionJson> | undefined; mentions: readonly MentionJson[] }) {
  let segments: Segment<MentionJson>[] | null = null;
  let tail = '';
  if (paragraph && text === paragraph.text) segments = paragraph.segments;
  else if (paragraph && text.endsWith('…') && paragraph.text.startsWith(text.slice(0, -1))) {
    segments = splitMentions(text.slice(0, -1), mentions, paragraph.start);
    tail = '…';
  }
  if (!segments) return <>{text}</>;
  return (
    <>
      {segments.map((s) =>
        s.mention ? (
          <a class="mention" href={mentionHref(s.mention)} title={s.mention.name !== s.text ? s.mention.name : undefined}>
            {s.text}
          </a>
        ) : (
          s.text
        ),
      )}
      {tail}
    </>
  );
}
