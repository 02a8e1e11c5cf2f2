//! The built-in catalog (B1), written for this project. Ids are stable: changing a title or
//! description never changes what an old answer refers to.

use super::item::Item;

mod items;

/// Every built-in item.
pub fn all() -> &'static [Item] {
    items::ITEMS
}

/// The item with this id, if it is in the catalog.
pub fn find(id: &str) -> Option<&'static Item> {
    items::ITEMS.iter().find(|i| i.id == id)
}
