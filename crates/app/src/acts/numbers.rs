//! Human numbers (`QF-AMS1-000123`): readable, offline-safe, and unique per desk once it is
//! enrolled in a team, because they then carry the desk's code (`QF-AMS1A-000123`).

use lotline_domain::ApiError;
use sqlx::SqliteConnection;

/// The next number of `kind` (`QF`, `RS`, `RMA`, `RC`) this desk issues.
pub(crate) async fn issue(conn: &mut SqliteConnection, kind: &str, site_code: &str) -> Result<String, ApiError> {
    let code = lotline_store::number_code(conn, site_code).await?;
    let prefix = format!("{kind}-{code}");
    let count = lotline_store::next_number(conn, &prefix).await?;
    Ok(format!("{prefix}-{count:06}"))
}
