import type { LocalizedText } from './localized';

/** A demo person: RNPP-like civil data. SSN = the 20-digit subject serial number of their certificates. */
export interface DemoPerson {
  id: string;
  ssn: string;
  matricule: string;
  givenName: string;
  surname: string;
  birthDate: string;
  birthPlace: string;
  sex: 'F' | 'M';
  nationality: LocalizedText;
  email: string;
  phone: string;
  address: { street: string; number: string; postalCode: string; locality: string; country: 'LU' };
  vehicles: { plate: string; make: string; model: string; firstRegistration: string; fuel: LocalizedText }[];
  privateSpaceId: string;
}

const luxembourgish: LocalizedText = { de: 'Luxemburgisch', fr: 'luxembourgeoise', en: 'Luxembourgish' };
const portuguese: LocalizedText = { de: 'Portugiesisch', fr: 'portugaise', en: 'Portuguese' };
const french: LocalizedText = { de: 'Französisch', fr: 'française', en: 'French' };
const petrol: LocalizedText = { de: 'Benzin', fr: 'essence', en: 'petrol' };
const electric: LocalizedText = { de: 'Elektrisch', fr: 'électrique', en: 'electric' };

/** The demo persons. The first is the main private person; all of them work for the demo company. */
export const demoPersons: DemoPerson[] = [
  {
    id: 'anne-schmit',
    ssn: '10000000000000000001',
    matricule: '1984031512389',
    givenName: 'Anne',
    surname: 'Schmit',
    birthDate: '1984-03-15',
    birthPlace: 'Luxembourg',
    sex: 'F',
    nationality: luxembourgish,
    email: 'anne.schmit@example.lu',
    phone: '+352621123456',
    address: { street: 'Rue de la Gare', number: '12', postalCode: 'L-1611', locality: 'Luxembourg', country: 'LU' },
    vehicles: [
      { plate: 'AB 1234', make: 'Volkswagen', model: 'Golf', firstRegistration: '2019-06-03', fuel: petrol },
      { plate: 'EV 4821', make: 'Renault', model: 'Zoe', firstRegistration: '2022-02-17', fuel: electric },
    ],
    privateSpaceId: 'PP-A7K3QZ',
  },
  {
    id: 'luc-hoffmann',
    ssn: '10000000000000000002',
    matricule: '1979112223417',
    givenName: 'Luc',
    surname: 'Hoffmann',
    birthDate: '1979-11-22',
    birthPlace: 'Esch-sur-Alzette',
    sex: 'M',
    nationality: luxembourgish,
    email: 'luc.hoffmann@example.lu',
    phone: '+352691234567',
    address: { street: 'Grand-Rue', number: '45', postalCode: 'L-4132', locality: 'Esch-sur-Alzette', country: 'LU' },
    vehicles: [],
    privateSpaceId: 'PP-B2M8XR',
  },
  {
    id: 'sofia-ferreira',
    ssn: '10000000000000000003',
    matricule: '1990070534575',
    givenName: 'Sofia',
    surname: 'Ferreira',
    birthDate: '1990-07-05',
    birthPlace: 'Porto',
    sex: 'F',
    nationality: portuguese,
    email: 'sofia.ferreira@example.lu',
    phone: '+352661345678',
    address: { street: 'Avenue de la Liberté', number: '8', postalCode: 'L-9010', locality: 'Ettelbruck', country: 'LU' },
    vehicles: [{ plate: 'SF 7781', make: 'Peugeot', model: '208', firstRegistration: '2020-09-14', fuel: petrol }],
    privateSpaceId: 'PP-C9T4WN',
  },
  {
    id: 'marc-kremer',
    ssn: '10000000000000000004',
    matricule: '1987021845678',
    givenName: 'Marc',
    surname: 'Kremer',
    birthDate: '1987-02-18',
    birthPlace: 'Diekirch',
    sex: 'M',
    nationality: luxembourgish,
    email: 'marc.kremer@example.lu',
    phone: '+352621456789',
    address: { street: 'Rue Principale', number: '3', postalCode: 'L-9201', locality: 'Diekirch', country: 'LU' },
    vehicles: [],
    privateSpaceId: 'PP-D5H6JS',
  },
  {
    id: 'julie-martin',
    ssn: '10000000000000000005',
    matricule: '1995120956701',
    givenName: 'Julie',
    surname: 'Martin',
    birthDate: '1995-12-09',
    birthPlace: 'Metz',
    sex: 'F',
    nationality: french,
    email: 'julie.martin@example.lu',
    phone: '+352691567890',
    address: { street: 'Route d’Arlon', number: '110', postalCode: 'L-8008', locality: 'Strassen', country: 'LU' },
    vehicles: [],
    privateSpaceId: 'PP-E3L7VU',
  },
];

/** A person with a valid sandbox certificate who is not registered with the authority (for "unknown" tests). */
export const unregisteredPerson = { id: 'unregistered', ssn: '19999999999999999999', givenName: 'Nora', surname: 'Unbekannt' };

export const demoCompany = {
  spaceId: 'PM-K4R7T2',
  name: 'Moselle Digital S.à r.l.',
  legalForm: { de: 'Gesellschaft mit beschränkter Haftung', fr: 'société à responsabilité limitée', en: 'private limited company' },
  rcsNumber: 'B123456',
  vatNumber: 'LU12345678',
  matricule: '20151234567',
  address: { street: 'Boulevard Royal', number: '26', postalCode: 'L-2449', locality: 'Luxembourg', country: 'LU' as const },
  /** How the administration reaches the company (its "my data"; the VAT registration prefills its e-mail). */
  contact: { email: 'contact@moselle-digital.example.lu' },
  certified: true,
};

export const roles = ['administrator', 'manager', 'signer', 'drafter', 'reader'] as const;
export type Role = (typeof roles)[number];

/** Company members at start: every role used once. */
export const demoMembers: { personId: string; role: Role }[] = [
  { personId: 'anne-schmit', role: 'administrator' },
  { personId: 'luc-hoffmann', role: 'manager' },
  { personId: 'sofia-ferreira', role: 'signer' },
  { personId: 'marc-kremer', role: 'drafter' },
  { personId: 'julie-martin', role: 'reader' },
];
