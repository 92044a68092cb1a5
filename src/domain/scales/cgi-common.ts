/** Shared by CGI-S and CGI-I (Guy 1976, ECDEU Assessment Manual): a US federal work. */
export const CGI_COPYRIGHT =
  'CGI: Guy W. ECDEU Assessment Manual for Psychopharmacology, 1976. US public domain.';
