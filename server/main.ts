/**
 * Starts Wattfolio (`npm start`, `npm run serve`). Node keeps the compiled code of the server's
 * 1,600 modules (and their TypeScript with types removed) in its compile cache, in the system's
 * temporary folder, so that starts after the first compile less; then the instance starts.
 */
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./instance.ts");
