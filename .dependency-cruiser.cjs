/**
 * The borders between rooms, checked by `npm run check`. Imports run one way: routes → use cases →
 * the pure domain (shared/) and the database; no two folders import each other; a client feature
 * uses another only through its public index.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment:
        "Two folders that import each other are one room, or something lives in the wrong one.",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-circular",
      comment: "Modules that import each other cannot be read, tested or moved alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment:
        "shared/ is plain TypeScript without I/O, imported by the server and the client alike.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(server|client)/|^node_modules/(?!zod/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "domain-without-node",
      comment: "The domain runs in the browser too.",
      severity: "error",
      from: { path: "^shared/", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "server-and-client-apart",
      comment: "They share only shared/.",
      severity: "error",
      from: { path: "^(server|client)/" },
      to: { path: "^(server|client)/", pathNot: "^$1/" },
    },
    {
      name: "routes-only-from-the-app",
      comment: "A capability's routes are its own; only the app registers them.",
      severity: "error",
      from: { path: "^server/", pathNot: "^server/app\\.ts$|\\.test\\.ts$" },
      to: { path: "^server/[^/]+/routes\\.ts$" },
    },
    {
      name: "http-only-from-the-app",
      comment:
        "http/ turns errors into problem+json for the app; use cases throw server/errors.ts.",
      severity: "error",
      from: { path: "^server/", pathNot: "^server/(app\\.ts|http/)|\\.test\\.ts$" },
      to: { path: "^server/http/" },
    },
    {
      name: "errors-belong-to-no-layer",
      comment: "Problems are thrown by use cases that know nothing of HTTP.",
      severity: "error",
      from: { path: "^server/errors\\.ts$" },
      to: { path: "^server/|fastify" },
    },
    {
      name: "db-is-the-floor",
      comment: "The database layer serves every capability and imports none.",
      severity: "error",
      from: { path: "^server/db/", pathNot: "\\.test\\.ts$" },
      to: { path: "^server/", pathNot: "^server/(db/|config\\.ts$)" },
    },
    {
      name: "test-support-only-in-tests",
      severity: "error",
      from: { path: "^(server|client)/", pathNot: "\\.test\\.ts$|^server/test/" },
      to: { path: "^server/test/" },
    },
    {
      name: "features-through-their-index",
      comment:
        "A client feature reaches another only through that feature's index.ts (its public API).",
      severity: "error",
      from: { path: "^client/src/features/([^/]+)/" },
      to: {
        path: "^client/src/features/([^/]+)/",
        pathNot: ["^client/src/features/$1/", "^client/src/features/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "building-blocks-below-features",
      comment: "components/, hooks/ and lib/ are used by features and pages, never the reverse.",
      severity: "error",
      from: { path: "^client/src/(components|hooks|lib)/" },
      to: { path: "^client/src/(features|app)/" },
    },
    {
      name: "features-below-pages",
      severity: "error",
      from: { path: "^client/src/features/" },
      to: { path: "^client/src/app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests reach across rooms on purpose (a journey through several capabilities).
    exclude: { path: "^node_modules|^dist|\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
