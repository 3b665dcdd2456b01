/**
 * The kinds of attachment the app can check by their content (main looks at the bytes, not the name): the media
 * types a form's `accept` may list ('image/*' stands for the images among them).
 */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const SYNONYMS: Readonly<Record<string, AttachmentMediaType>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

/** A media type as systems name it ('image/jpg', 'IMAGE/PNG') in its usual name; other types lower-cased as they are. */
export function normalizeMediaType(mediaType: string): string {
  const lower = mediaType.trim().toLowerCase();
  return SYNONYMS[lower] ?? lower;
}

export function isAttachmentMediaType(mediaType: string): mediaType is AttachmentMediaType {
  return (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mediaType);
}

/** Whether a field's `accept` ('application/pdf', 'image/*') takes a media type. */
export function acceptsMediaType(accept: readonly string[], mediaType: string): boolean {
  const type = normalizeMediaType(mediaType);
  return accept.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : normalizeMediaType(a) === type));
}
