// A named import: Vite bundles only the version string, not the whole package.json.
import { version } from '../../../package.json';

/** Written into backups so a problem report can say which app made the file. */
export const APP_VERSION: string = version;
