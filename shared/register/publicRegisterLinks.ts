/** The public register's addresses: the page, its exports and one entry's transparency record. */
export const PUBLIC_REGISTER_ROUTE = 'public/register';

export const publicRegisterUrl = (publicBaseUrl: string): string => `${publicBaseUrl}/api/${PUBLIC_REGISTER_ROUTE}`;

export const transparencyRecordUrl = (publicBaseUrl: string, entryId: number): string =>
  `${publicBaseUrl}/api/${PUBLIC_REGISTER_ROUTE}/${entryId}/transparency-record.json`;
