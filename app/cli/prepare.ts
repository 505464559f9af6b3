// Runs after `npm install`: build the app and create the embedded demo database, the two slow
// first-time steps, so that `npm start` serves within seconds.
import { openDatabase } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { buildIfStale } from "./build.mjs";

buildIfStale();
if (!process.env.DATABASE_URL) {
  const handle = await openDatabase({ dataDir: process.env.PGLITE_DATA_DIR });
  await seedDatabase(handle.db, { demo: true });
  await handle.close();
  console.log("Nonpaper: embedded database ready (.data/dev)");
}
