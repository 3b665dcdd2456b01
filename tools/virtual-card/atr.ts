/**
 * A neutral ATR: direct convention, T=0 then T=1, no historical bytes; TCK 01 makes the XOR of T0..TCK zero.
 * Neutral on purpose: a vendor's ATR (a YubiKey's, say) makes OpenSC send that vendor's own commands.
 */
export const VIRTUAL_CARD_ATR = Buffer.from([0x3b, 0x80, 0x80, 0x01, 0x01]);
