export {
  freshPostgresDatabase,
  onPostgres,
  testDatabase,
  testPostgresUrl,
  withAdminClient,
  type TestDatabase,
} from "./test-database";
