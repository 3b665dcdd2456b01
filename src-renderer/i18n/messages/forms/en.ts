/** UI texts of the forms screens (English: the reference the other languages are typed against). */
export const formsEn = {};
