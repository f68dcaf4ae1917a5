//! Bills of materials as saved.

use lotline_domain::lots::{BomComponent, Boms};
use sqlx::SqliteConnection;

use crate::StoreError;

/// Every bill, for checking a new one against loops through the others and for exploding one.
pub async fn all(conn: &mut SqliteConnection) -> Result<Boms, StoreError> {
    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT parent_sku, component_sku, qty_per FROM boms ORDER BY parent_sku, component_sku")
            .fetch_all(&mut *conn)
            .await?;
    let mut boms = Boms::default();
    for (parent, component_sku, qty_per) in rows {
        boms.by_parent.entry(parent).or_default().push(BomComponent { component_sku, qty_per });
    }
    Ok(boms)
}

/// One product's bill (empty when it has none).
pub async fn of(conn: &mut SqliteConnection, parent_sku: &str) -> Result<Vec<BomComponent>, StoreError> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT component_sku, qty_per FROM boms WHERE parent_sku = ? ORDER BY component_sku")
            .bind(parent_sku)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|(component_sku, qty_per)| BomComponent { component_sku, qty_per }).collect())
}
