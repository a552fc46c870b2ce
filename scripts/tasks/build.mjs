// npm run build: the API (with packages) and the SPA, ready for `npm start`.
import { buildApi, buildWeb } from '../lib/build.mjs';

await buildApi();
await buildWeb({ force: true });
