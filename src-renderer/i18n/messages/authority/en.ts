/** UI texts of the authority screens (English: the reference the other languages are typed against). */
export const authorityEn = {};
