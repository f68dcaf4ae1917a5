//! Bills of materials for kits and assemblies: what one unit of a product is made of, level by
//! level (a component may be an assembly with its own bill). A kit lot is assembled from
//! component lots in exactly the quantities its bill names, and no bill may contain itself.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, FieldError, Violations};

/// One component of a product, per unit of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BomComponent {
    pub component_sku: String,
    pub qty_per: i64,
}

/// Every product's bill, by parent SKU.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boms {
    pub by_parent: HashMap<String, Vec<BomComponent>>,
}

/// Why a bill cannot be exploded into parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExplodeError {
    /// The quantity of `sku` needed does not fit in an i64: saturating would print a wrong count.
    Overflow { sku: String },
    /// Bills that contain themselves: refused on save, yet two desks may each save half of a loop.
    Cycle { sku: String },
    /// Deeper than any real bill, and deep enough to exhaust the stack the walk runs on.
    TooDeep { sku: String },
}

/// Levels of assemblies within assemblies; real bills have a handful.
const MAX_LEVELS: usize = 256;

impl ExplodeError {
    pub fn into_field(self, field: &str) -> FieldError {
        match self {
            Self::Overflow { sku } => FieldError::new(field, "error.bom.qty_overflow").with("sku", sku),
            Self::Cycle { sku } => FieldError::new(field, "error.bom.cycle").with("skus", sku),
            Self::TooDeep { sku } => {
                FieldError::new(field, "error.bom.too_deep").with("sku", sku).with("max", MAX_LEVELS)
            }
        }
    }
}

impl Boms {
    /// The SKUs from `parent` down to a component that is `parent` again, if setting `components`
    /// as its bill would close such a loop.
    pub fn cycle_if_set(&self, parent: &str, components: &[BomComponent]) -> Option<Vec<String>> {
        // Depth first from each new component, looking for the parent.
        let mut stack: Vec<(String, Vec<String>)> =
            components.iter().map(|c| (c.component_sku.clone(), vec![parent.to_owned()])).collect();
        let mut seen = HashSet::new();
        while let Some((sku, mut path)) = stack.pop() {
            path.push(sku.clone());
            if sku == parent {
                return Some(path);
            }
            if !seen.insert(sku.clone()) {
                continue;
            }
            for c in self.by_parent.get(&sku).into_iter().flatten() {
                stack.push((c.component_sku.clone(), path.clone()));
            }
        }
        None
    }

    /// What `qty` units of `sku` take of each bought-in part, all levels down (a component
    /// without a bill of its own is a part).
    pub fn explode(&self, sku: &str, qty: i64) -> Result<BTreeMap<String, i64>, ExplodeError> {
        let mut memo = HashMap::new();
        let per_unit = self.parts_per_unit(sku, &mut memo, &mut HashSet::new())?;
        per_unit
            .iter()
            .map(|(part, n)| {
                n.checked_mul(qty)
                    .map(|n| (part.clone(), n))
                    .ok_or_else(|| ExplodeError::Overflow { sku: part.clone() })
            })
            .collect()
    }

    /// Each distinct SKU is exploded once and remembered: walking every path instead doubles the
    /// work per level of a bill whose assemblies share a sub-assembly (2^32 walks at 32 levels).
    fn parts_per_unit<'a>(
        &'a self,
        sku: &'a str,
        memo: &mut HashMap<&'a str, Rc<BTreeMap<String, i64>>>,
        walking: &mut HashSet<&'a str>,
    ) -> Result<Rc<BTreeMap<String, i64>>, ExplodeError> {
        if let Some(known) = memo.get(sku) {
            return Ok(Rc::clone(known));
        }
        let components = self.by_parent.get(sku).filter(|c| !c.is_empty());
        let Some(components) = components else {
            return Ok(Rc::new(BTreeMap::from([(sku.to_owned(), 1)])));
        };
        if !walking.insert(sku) {
            return Err(ExplodeError::Cycle { sku: sku.to_owned() });
        }
        if walking.len() > MAX_LEVELS {
            return Err(ExplodeError::TooDeep { sku: sku.to_owned() });
        }
        let mut parts: BTreeMap<String, i64> = BTreeMap::new();
        for c in components {
            for (part, n) in self.parts_per_unit(&c.component_sku, memo, walking)?.iter() {
                let overflow = || ExplodeError::Overflow { sku: part.clone() };
                let add = n.checked_mul(c.qty_per).ok_or_else(overflow)?;
                let total = parts.entry(part.clone()).or_default();
                *total = total.checked_add(add).ok_or_else(overflow)?;
            }
        }
        walking.remove(sku);
        let parts = Rc::new(parts);
        memo.insert(sku, Rc::clone(&parts));
        Ok(parts)
    }
}

/// A bill's own checks: components named once, positive quantities, not the product itself.
pub fn check_bom(parent: &str, components: &[BomComponent]) -> Result<(), ApiError> {
    let mut v = Violations::default();
    if parent.trim().is_empty() {
        v.push(FieldError::new("parent_sku", "error.field.required"));
    }
    let mut seen = HashSet::new();
    for (i, c) in components.iter().enumerate() {
        let at = |name: &str| format!("components[{i}].{name}");
        if c.component_sku.trim().is_empty() {
            v.push(FieldError::new(at("component_sku"), "error.field.required"));
        } else if c.component_sku == parent {
            v.push(FieldError::new(at("component_sku"), "error.bom.self").with("sku", parent));
        } else if !seen.insert(c.component_sku.as_str()) {
            v.push(FieldError::new(at("component_sku"), "error.bom.twice").with("sku", &c.component_sku));
        }
        if c.qty_per <= 0 {
            v.push(FieldError::new(at("qty_per"), "error.field.must_be_positive"));
        }
    }
    v.into_result()
}

/// Checks that component lots, given as (row, component SKU, qty), make `kit_qty` units of a
/// product with bill `bom` exactly: each component in full, nothing else.
pub fn check_assembly(bom: &[BomComponent], kit_qty: i64, inputs: &[(usize, &str, i64)]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut given: BTreeMap<&str, i64> = BTreeMap::new();
    for (row, sku, qty) in inputs {
        if bom.iter().any(|c| c.component_sku == *sku) {
            *given.entry(sku).or_default() += qty;
        } else {
            errors.push(
                FieldError::new(format!("components[{row}].lot_code"), "error.bom.not_a_component").with("sku", *sku),
            );
        }
    }
    for c in bom {
        let Some(needed) = c.qty_per.checked_mul(kit_qty) else {
            errors.push(FieldError::new("kit.qty", "error.bom.qty_overflow").with("sku", &c.component_sku));
            continue;
        };
        let got = given.get(c.component_sku.as_str()).copied().unwrap_or(0);
        if got != needed {
            errors.push(
                FieldError::new("components", "error.bom.component_qty")
                    .with("sku", &c.component_sku)
                    .with("needed", needed)
                    .with("given", got),
            );
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(sku: &str, qty: i64) -> BomComponent {
        BomComponent { component_sku: sku.into(), qty_per: qty }
    }

    /// A gift kit: a charger set (a charger and two cables) and a box; the set has its own bill.
    fn kits() -> Boms {
        let mut boms = Boms::default();
        boms.by_parent.insert("KIT-GIFT".into(), vec![line("SET-CHG", 1), line("BOX", 1)]);
        boms.by_parent.insert("SET-CHG".into(), vec![line("CHG", 1), line("CABLE", 2)]);
        boms
    }

    #[test]
    fn a_bill_explodes_level_by_level_into_parts() {
        let parts = kits().explode("KIT-GIFT", 10).unwrap();
        assert_eq!(parts, BTreeMap::from([("BOX".into(), 10), ("CABLE".into(), 20), ("CHG".into(), 10)]));
    }

    /// 32 levels under the top, each of two assemblies that both use both of the next level's:
    /// 2^32 paths down to the one part, which a walk per path would not finish.
    fn diamond(levels: usize, qty_per: i64) -> Boms {
        let mut boms = Boms::default();
        let pair = |level: usize| [format!("L{level}-A"), format!("L{level}-B")];
        boms.by_parent.insert("TOP".into(), pair(1).iter().map(|s| line(s, 1)).collect());
        for level in 1..levels {
            for parent in pair(level) {
                boms.by_parent.insert(parent, pair(level + 1).iter().map(|s| line(s, qty_per)).collect());
            }
        }
        for parent in pair(levels) {
            boms.by_parent.insert(parent, vec![line("SCREW", 1)]);
        }
        boms
    }

    #[test]
    fn a_deep_diamond_bill_is_exploded_once_per_part() {
        let parts = diamond(32, 1).explode("TOP", 1).unwrap();
        // Two ways in from the top, then two per level below: 2^32 screws.
        assert_eq!(parts, BTreeMap::from([("SCREW".into(), 1_i64 << 32)]));
        assert_eq!(diamond(32, 1).explode("TOP", 2).unwrap()["SCREW"], 1_i64 << 33);
    }

    #[test]
    fn a_quantity_too_large_to_count_is_an_error_not_a_saturated_number() {
        assert_eq!(diamond(32, 1000).explode("TOP", 1), Err(ExplodeError::Overflow { sku: "SCREW".into() }));
        assert_eq!(diamond(2, 1).explode("TOP", i64::MAX), Err(ExplodeError::Overflow { sku: "SCREW".into() }));
        let errors = check_assembly(&[line("SCREW", 4)], i64::MAX / 2, &[(0, "SCREW", 1)]);
        assert_eq!(errors[0].message_key, "error.bom.qty_overflow");
    }

    #[test]
    fn bills_merged_into_a_loop_are_named_not_walked_forever() {
        let mut boms = kits();
        boms.by_parent.insert("CABLE".into(), vec![line("KIT-GIFT", 1)]);
        assert!(matches!(boms.explode("KIT-GIFT", 1), Err(ExplodeError::Cycle { .. })));
    }

    #[test]
    fn a_chain_deeper_than_any_real_bill_is_refused_not_walked_off_the_stack() {
        let mut boms = Boms::default();
        for level in 0..10_000 {
            boms.by_parent.insert(format!("A{level}"), vec![line(&format!("A{}", level + 1), 1)]);
        }
        assert!(matches!(boms.explode("A0", 1), Err(ExplodeError::TooDeep { .. })));
        assert_eq!(boms.explode("A9990", 3).unwrap(), BTreeMap::from([("A10000".into(), 3)]));
    }

    #[test]
    fn a_bill_that_would_contain_itself_is_named() {
        let boms = kits();
        let cycle = boms.cycle_if_set("CABLE", &[line("KIT-GIFT", 1)]).unwrap();
        assert_eq!(cycle, ["CABLE", "KIT-GIFT", "SET-CHG", "CABLE"]);
        assert_eq!(boms.cycle_if_set("BOX", &[line("TAPE", 1)]), None);
        let err = check_bom("SET-CHG", &[line("SET-CHG", 1), line("CHG", 0), line("CABLE", 1), line("CABLE", 2)])
            .unwrap_err();
        let keys: Vec<&str> = err.fields.iter().map(|f| f.message_key.as_str()).collect();
        assert_eq!(keys, ["error.bom.self", "error.field.must_be_positive", "error.bom.twice"]);
    }

    #[test]
    fn an_assembly_takes_every_component_in_full_and_nothing_else() {
        let bom = &kits().by_parent["SET-CHG"];
        assert!(check_assembly(bom, 5, &[(0, "CHG", 5), (1, "CABLE", 6), (2, "CABLE", 4)]).is_empty());
        let errors = check_assembly(bom, 5, &[(0, "CHG", 4), (1, "BOX", 1)]);
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message_key.as_str())).collect();
        assert_eq!(
            found,
            [
                ("components[1].lot_code", "error.bom.not_a_component"),
                ("components", "error.bom.component_qty"),
                ("components", "error.bom.component_qty"),
            ]
        );
        assert_eq!((errors[1].params["needed"].as_str(), errors[1].params["given"].as_str()), ("5", "4"));
    }
}
