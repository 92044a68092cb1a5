/** Every importer collects problems, each "where: what was expected", and stops at a limit. */
export const MAX_IMPORT_PROBLEMS = 200;

export class Problems {
  readonly list: string[] = [];

  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }

  any(): boolean {
    return this.list.length > 0;
  }

  /** At most MAX_IMPORT_PROBLEMS lines, then one that counts the rest. */
  capped(): string[] {
    if (this.list.length <= MAX_IMPORT_PROBLEMS) return [...this.list];
    return [
      ...this.list.slice(0, MAX_IMPORT_PROBLEMS),
      `… and ${this.list.length - MAX_IMPORT_PROBLEMS} more problems.`,
    ];
  }
}
