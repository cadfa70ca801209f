/** The app version from package.json, for the health page and the upstream User-Agent. */
import packageJson from '../../package.json' with { type: 'json' };

export const PROXY_VERSION: string = packageJson.version;
