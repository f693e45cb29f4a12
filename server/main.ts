// `npm start`: one server process configured from the environment (see README "Configuration").
import { startServer } from './server.js';
import { trustedProxiesFrom } from './http/address.js';
import { findDemo, hasDemo, seedDemo, demoLogins } from './demo/seed.js';
import { demoDepartments } from './demo/screening.js';
import { publicPagesChanged } from './core/page-cache.js';

const env = process.env;
const started = Date.now();

async function main() {
  const server = await startServer({
    port: env.PORT !== undefined ? Number(env.PORT) : 3000,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    redisUrl: env.REDIS_URL || undefined,
    trustedProxies: trustedProxiesFrom(env.TRUST_PROXY),
    poolSize: env.DB_POOL ? Number(env.DB_POOL) : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined,
    metricsHost: env.METRICS_HOST || undefined,
  });
  const { db } = server.ctx;
  const embedded = server.database.driver === 'pglite';
  const wantDemo = env.DEMO === '1' || (embedded && env.DEMO !== '0');
  if (wantDemo && !(await hasDemo(db))) {
    await seedDemo(server.ctx, { adminPassword: env.ADMIN_PASSWORD || undefined });
    // The server already answers while the demo is written: a public page read meanwhile is out of date.
    await publicPagesChanged(db, 'staff');
  }
  const demo = wantDemo ? await findDemo(db) : null;

  console.log(`listening on ${server.url}`);
  console.log(`民生实事票决系统 ready in ${Date.now() - started} ms (${embedded ? `embedded PGlite in ${env.DATA_DIR ?? './data'}` : 'PostgreSQL'})`);
  console.log(`  公众网站 public site:        ${server.url}/`);
  console.log(`  代表平板 member tablet:      ${server.url}/tablet`);
  console.log(`  主持人控制台 presider:       ${server.url}/console`);
  console.log(`  管理后台 admin:              ${server.url}/admin  (bodies, members and sign-in cards, projects, sessions)`);
  if (demo) {
    console.log(`  大屏幕 big screen:           ${server.url}/screen/${demo.sessionId}  (open it from the console: 打开大屏幕)`);
    console.log(`  本县民生实事 county's year:  ${server.url}/bodies/${demo.bodyId}  (2026 projects with progress, grades and residents' ratings; 2027 candidates)`);
    console.log(`  代表督办 supervise (tablet): ${server.url}/tablet/projects  (sign in with DM000001, who leads a group)`);
    console.log(`  群众找我 代表码 (tablet):    ${server.url}/tablet/inbox  (DM000001 has residents' requests to answer; the cards: the county's page, 代表亮身份)`);
    console.log(`  群众点单 suggest (phone):    ${server.url}/suggest/${demo.bodyId}  (collection for 2028 is open; follow one at ${server.url}/track/<code>)`);
    console.log('Demo sign-in / 演示账号:');
    console.log(`  主持人 presider:  ${demoLogins.presider.username} / ${demoLogins.presider.password}`);
    console.log(`  管理员 admin:     admin / ${env.ADMIN_PASSWORD || demoLogins.admin.password}`);
    console.log(`  承办单位 departments: ${demoDepartments.map((d) => `${d.username}（${d.department}）`).join('、')} / ${demoLogins.department.password}`);
    console.log(`  代表登录码 member codes: ${demo.firstCodes.join(', ')} … DM000300 (DM000001–DM000010 not yet checked in)`);
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
