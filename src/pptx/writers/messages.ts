/**
 * A speaker's messages: the speaker's line (with the occasion), then the points as bullets; on a slide that
 * short message groups share, each speaker's name above their points.
 */
import { TYPE } from '../look.js';
import { GAP, type Writer } from '../page.js';

export const messages: Writer<'messages'> = (slide, page) => {
  const b = slide.body;
  const size = page.body;
  if (b.speaker === null) {
    page.flow(
      page.header(),
      b.remarks.flatMap((r) => [
        page.para(
          [
            ...page.rich(r.speaker, { size, bold: true, color: page.color.navy }),
            ...(r.role ? [page.plain(GAP, { size }), ...page.rich(r.role, { size, color: page.color.muted })] : []),
          ],
          { before: 6, after: 6 },
        ),
        ...r.points.map((p) => page.bullet(p)),
      ]),
    );
    page.footer();
    return;
  }
  const speaker = page.para(
    [
      ...page.personSpans({ ...b.speaker, secondary: null }, true),
      ...(b.speaker.secondary ? [page.plain(GAP, { size }), ...page.rich(b.speaker.secondary, { size, color: page.color.muted })] : []),
      ...(b.occasion ? [page.plain(GAP, { size }), ...page.rich(b.occasion, { size: TYPE.occasion, color: page.color.accent })] : []),
    ],
    { after: 14 },
  );
  page.flow(page.header(), [speaker, ...b.points.map((p) => page.bullet(p))]);
  page.footer();
};
