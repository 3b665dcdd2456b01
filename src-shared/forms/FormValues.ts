/**
 * The values of a form: field id → value. Per type: text/textarea/email/phone/iban/matricule/select/radio/date →
 * string (date 'yyyy-mm-dd'); number → number; money → integer cents; checkbox → boolean (single) or string[]
 * (with options); address → AddressValue; file → FileRef[]; group → rows (objects of child id → value).
 */
export type FormValues = Record<string, unknown>;

export interface LuxembourgAddress {
  country: 'LU';
  street: string;
  number: string;
  /** 'L-1234' or '1234'. */
  postalCode: string;
  locality: string;
}

export interface ForeignAddress {
  /** ISO 3166-1 alpha-2, never 'LU'. */
  country: string;
  /** The address as written in the country, one line each (1 to 5). */
  lines: string[];
}

export type AddressValue = LuxembourgAddress | ForeignAddress;

/** An attachment as a form value: the bytes live elsewhere (vault), referenced by `ref`. */
export interface FileRef {
  name: string;
  mediaType: string;
  size: number;
  ref?: string;
}

/** Field keys readable in expressions on an address: `home.postalCode`. */
export const ADDRESS_KEYS: ReadonlySet<string> = new Set(['country', 'street', 'number', 'postalCode', 'locality', 'lines']);
