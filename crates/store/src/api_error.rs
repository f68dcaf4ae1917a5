//! A store error as the person at the desk should hear it: a database another program holds
//! busy, or a write that clashes with a record already there, is a `conflict` they can act on
//! (try again, pick another number); only what nobody can act on stays `internal`.

use lotline_domain::ApiError;

use crate::StoreError;

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match &err {
            StoreError::Sql(sql) => from_sqlx(sql).unwrap_or_else(|| ApiError::internal(&err)),
            StoreError::Bulk(sqlite) => from_rusqlite(sqlite).unwrap_or_else(|| ApiError::internal(&err)),
            StoreError::NewerSchema { found, known, found_version, version, .. } => {
                ApiError::conflict("error.store.newer_schema")
                    .with("found", found)
                    .with("known", known)
                    .with("found_version", found_version)
                    .with("version", version)
            }
            StoreError::Migrate(_) | StoreError::BadEvent { .. } | StoreError::Io(_) => ApiError::internal(&err),
        }
    }
}

/// SQLite's primary result codes (the low byte of an extended code).
const BUSY: i32 = 5;
const LOCKED: i32 = 6;
const CONSTRAINT: i32 = 19;

fn from_primary_code(code: i32) -> Option<ApiError> {
    match code & 0xff {
        BUSY | LOCKED => Some(ApiError::conflict("error.store.busy")),
        CONSTRAINT => Some(ApiError::conflict("error.store.clash")),
        _ => None,
    }
}

fn from_sqlx(err: &sqlx::Error) -> Option<ApiError> {
    let database = err.as_database_error()?;
    let code = database.code()?.parse::<i32>().ok()?;
    from_primary_code(code)
}

fn from_rusqlite(err: &rusqlite::Error) -> Option<ApiError> {
    match err {
        rusqlite::Error::SqliteFailure(failure, _) => from_primary_code(failure.extended_code),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use lotline_domain::ErrorCode;

    use super::*;
    use crate::Store;

    #[tokio::test]
    async fn a_clash_is_a_conflict_a_busy_database_too_and_the_rest_internal() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        sqlx::query("CREATE TABLE probe (code TEXT PRIMARY KEY)").execute(store.pool()).await.unwrap();
        sqlx::query("INSERT INTO probe VALUES ('A')").execute(store.pool()).await.unwrap();
        let clash = sqlx::query("INSERT INTO probe VALUES ('A')").execute(store.pool()).await.unwrap_err();
        let error = ApiError::from(StoreError::Sql(clash));
        assert_eq!((error.code, error.message_key.as_str()), (ErrorCode::Conflict, "error.store.clash"));

        // A second connection that cannot wait for another's write lock.
        let path = dir.path().join("lotline.db");
        let holder = rusqlite::Connection::open(&path).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let waiter = rusqlite::Connection::open(&path).unwrap();
        waiter.busy_timeout(std::time::Duration::ZERO).unwrap();
        let busy = waiter.execute("INSERT INTO probe VALUES ('B')", []).unwrap_err();
        let error = ApiError::from(StoreError::Bulk(busy));
        assert_eq!((error.code, error.message_key.as_str()), (ErrorCode::Conflict, "error.store.busy"));
        holder.execute_batch("ROLLBACK").unwrap();

        let bad = sqlx::query("SELECT * FROM no_such_table").fetch_all(store.pool()).await.unwrap_err();
        assert_eq!(ApiError::from(StoreError::Sql(bad)).code, ErrorCode::Internal);
    }
}
