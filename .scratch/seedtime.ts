import { startTestServer } from '../tests/helpers/server.js';
import { seedDemo } from '../server/demo/seed.js';
const s = await startTestServer();
const t0 = performance.now();
await seedDemo(s.ctx);
console.log('seedDemo ms', Math.round(performance.now() - t0));
await s.close();
