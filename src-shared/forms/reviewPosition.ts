/** A draft's position when the person left it on the review of every answer (step ids start with a letter). */
export const REVIEW_POSITION = '@review';
