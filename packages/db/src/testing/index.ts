export {
  freshPostgresDatabase,
  onPostgres,
  testDatabase,
  testPostgresUrl,
  withAdminClient,
  type TestDatabase,
} from "./test-database";
export { rawQuery } from "./raw-query";
