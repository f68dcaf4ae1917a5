//! The review settings an admin saved, or the users' defaults until one does.

use lotline_domain::review::{KpiTargets, ScorecardSettings};
use sqlx::SqliteConnection;

use crate::StoreError;

fn parse<T: serde::de::DeserializeOwned>(text: Option<String>, what: &str) -> Result<Option<T>, StoreError> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| StoreError::BadEvent { id: what.to_owned(), reason: e.to_string() })
    })
    .transpose()
}

pub async fn kpi_targets(conn: &mut SqliteConnection) -> Result<KpiTargets, StoreError> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT targets FROM kpi_targets WHERE id = 1").fetch_optional(&mut *conn).await?;
    Ok(parse(text, "kpi_targets")?.unwrap_or_default())
}

pub async fn scorecard_settings(conn: &mut SqliteConnection) -> Result<ScorecardSettings, StoreError> {
    let text: Option<String> =
        sqlx::query_scalar("SELECT settings FROM scorecard_settings WHERE id = 1").fetch_optional(&mut *conn).await?;
    Ok(parse(text, "scorecard_settings")?.unwrap_or_default())
}
