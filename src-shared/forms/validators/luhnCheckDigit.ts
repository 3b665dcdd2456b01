/** The Luhn (mod 10) check digit to append to a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // The rightmost payload digit is doubled (it sits left of the check digit).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
