//! What logging a failure looks up, kept across the rows of one CSV import: a file of thousands
//! of failures names a few hundred products and a handful of vendors, and a statement through
//! sqlx's worker per lookup per row was most of the import's time.

use std::collections::HashMap;

use lotline_domain::ApiError;
use lotline_domain::failure::FailureReaction;
use lotline_domain::settings::DefectCategory;
use lotline_store::WriteTx;
use lotline_store::queries::master::{self, ProductView};
use lotline_store::queries::people;

/// Lookups of one act or one import, all inside its transaction; the import writes nothing
/// until every row is decided, so nothing looked up here can change meanwhile.
#[derive(Default)]
pub(crate) struct Known {
    products: HashMap<String, Option<ProductView>>,
    vendors: HashMap<String, bool>,
    categories: Option<Vec<DefectCategory>>,
    reactions: HashMap<String, Option<FailureReaction>>,
    /// The number prefix (`QF-BEN`) and the count the next failure gets.
    numbers: Option<(String, i64)>,
}

impl Known {
    pub(crate) async fn product(&mut self, tx: &mut WriteTx, sku: &str) -> Result<Option<ProductView>, ApiError> {
        if let Some(found) = self.products.get(sku) {
            return Ok(found.clone());
        }
        let found = master::product(tx, sku).await?;
        self.products.insert(sku.to_owned(), found.clone());
        Ok(found)
    }

    pub(crate) async fn vendor(&mut self, tx: &mut WriteTx, code: &str) -> Result<bool, ApiError> {
        if let Some(found) = self.vendors.get(code) {
            return Ok(*found);
        }
        let found = master::vendor(tx, code).await?.is_some();
        self.vendors.insert(code.to_owned(), found);
        Ok(found)
    }

    pub(crate) async fn categories(&mut self, tx: &mut WriteTx) -> Result<&[DefectCategory], ApiError> {
        if self.categories.is_none() {
            self.categories = Some(master::defect_categories(tx).await?);
        }
        Ok(self.categories.as_deref().unwrap_or_default())
    }

    pub(crate) async fn category_reaction(
        &mut self,
        tx: &mut WriteTx,
        category: &str,
    ) -> Result<Option<FailureReaction>, ApiError> {
        if let Some(found) = self.reactions.get(category) {
            return Ok(*found);
        }
        let found = master::category_reaction(tx, category).await?;
        self.reactions.insert(category.to_owned(), found);
        Ok(found)
    }

    /// The number the failure being decided gets: issued from the store for the first, then
    /// counted on, as the store would issue them once each was written.
    pub(crate) async fn next_number(&mut self, tx: &mut WriteTx) -> Result<String, ApiError> {
        if self.numbers.is_none() {
            let settings = people::settings(tx).await?.ok_or_else(|| ApiError::conflict("error.setup.needed"))?;
            let first = super::numbers::issue(tx, "QF", &settings.site_code).await?;
            let (prefix, count) = lotline_store::split_number(&first)
                .ok_or_else(|| ApiError::internal(format!("a failure number without a count: {first}")))?;
            self.numbers = Some((prefix.to_owned(), count));
        }
        let (prefix, count) = self.numbers.as_ref().map(|(p, c)| (p.as_str(), *c)).unwrap_or_default();
        Ok(format!("{prefix}-{count:06}"))
    }

    /// The failure just decided keeps its number; the next one counts on.
    pub(crate) fn issued(&mut self) {
        if let Some((_, count)) = &mut self.numbers {
            *count += 1;
        }
    }
}
