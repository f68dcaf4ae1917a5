-- Bills of materials: what one unit of a product is made of; a component may have its own.
CREATE TABLE boms (
    parent_sku    TEXT NOT NULL,
    component_sku TEXT NOT NULL,
    qty_per       INTEGER NOT NULL,
    PRIMARY KEY (parent_sku, component_sku)
) WITHOUT ROWID;
