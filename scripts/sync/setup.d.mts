export const DESIGN_DOC_ID: string;
export function setupClinic(options: {
  url: string;
  db: string;
  admin: string;
  memberRole: string;
  adminRole?: string;
  users?: readonly { name: string; password: string; roles?: readonly string[] }[];
}): Promise<string[]>;
