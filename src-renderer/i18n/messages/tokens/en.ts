/** UI texts of the tokens screens (English: the reference the other languages are typed against). */
export const tokensEn = {};
