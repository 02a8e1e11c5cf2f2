//! The built-in catalog (SPEC B1, B2): size and spread, well-formed and stable ids, plain
//! and neutral wording, and roles that can actually match.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use attune_domain::inventory::catalog::{all, find};
use attune_domain::inventory::item::*;

/// The id prefix each category's items use.
fn prefix(category: Category) -> &'static str {
    match category {
        Category::Talking => "talk",
        Category::Affection => "affection",
        Category::Kissing => "kiss",
        Category::Touch => "touch",
        Category::Looking => "look",
        Category::Manual => "hands",
        Category::Oral => "oral",
        Category::Penetration => "pen",
        Category::Toys => "toy",
        Category::Sensation => "sense",
        Category::Restraint => "restraint",
        Category::RolePlay => "role",
        Category::Power => "power",
        Category::Settings => "setting",
    }
}

const ALL_CATEGORIES: [Category; 14] = [
    Category::Talking,
    Category::Affection,
    Category::Kissing,
    Category::Touch,
    Category::Looking,
    Category::Manual,
    Category::Oral,
    Category::Penetration,
    Category::Toys,
    Category::Sensation,
    Category::Restraint,
    Category::RolePlay,
    Category::Power,
    Category::Settings,
];

#[test]
fn the_catalog_has_at_least_150_items_in_at_least_10_categories() {
    let items = all();
    assert!(items.len() >= 150, "only {} items", items.len());
    let categories: BTreeSet<Category> = items.iter().map(|i| i.category).collect();
    assert!(
        categories.len() >= 10,
        "only {} categories",
        categories.len()
    );
}

#[test]
fn every_category_has_at_least_six_items() {
    let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
    for item in all() {
        *counts.entry(item.category).or_default() += 1;
    }
    for category in ALL_CATEGORIES {
        let n = counts.get(&category).copied().unwrap_or(0);
        assert!(n >= 6, "{category:?} has only {n} items");
    }
}

#[test]
fn catalog_ids_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for item in all() {
        let id = item.id;
        assert!(seen.insert(id), "duplicate id {id}");
        assert!(id.len() <= 40, "id too long: {id}");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'),
            "id has characters outside [a-z0-9.-]: {id}"
        );
        let (head, slug) = id
            .split_once('.')
            .unwrap_or_else(|| panic!("id without a prefix: {id}"));
        assert_eq!(
            head,
            prefix(item.category),
            "id prefix does not match its category: {id}"
        );
        assert!(
            !slug.is_empty() && !slug.contains('.'),
            "id needs exactly one dot: {id}"
        );
        assert!(
            !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
            "badly hyphenated slug: {id}"
        );
        assert_eq!(find(id), Some(item), "find({id}) does not return the item");
    }
    assert_eq!(find("talk.no-such-item"), None);
    assert_eq!(find(""), None);
}

#[test]
fn every_item_has_a_title_a_description_an_intensity_and_a_role() {
    for item in all() {
        let id = item.id;

        let words = item.title.split_whitespace().count();
        assert!(
            (2..=6).contains(&words),
            "{id}: title should have 2 to 6 words"
        );
        assert_eq!(
            item.title.trim(),
            item.title,
            "{id}: title has stray spaces"
        );
        assert!(
            !item.title.ends_with('.'),
            "{id}: title ends with a full stop"
        );

        let d = item.description;
        assert!(!d.is_empty(), "{id}: empty description");
        assert!(
            d.chars().count() <= 140,
            "{id}: description longer than 140 characters"
        );
        assert!(
            d.ends_with('.'),
            "{id}: description does not end with a full stop"
        );
        assert_eq!(
            d.matches(". ").count(),
            0,
            "{id}: description should be one sentence"
        );
        assert!(
            !d.contains('!') && !d.contains('?'),
            "{id}: description should be a plain statement"
        );
        assert!(
            d.starts_with(|c: char| c.is_ascii_uppercase()),
            "{id}: description should start with a capital"
        );

        for text in [item.title, d] {
            assert!(text.is_ascii(), "{id}: text should be plain ASCII");
            assert!(!text.contains("  "), "{id}: double space");
        }

        assert!(
            (1..=4).contains(&item.intensity),
            "{id}: intensity {} out of 1..=4",
            item.intensity
        );

        let roles = item.roles;
        assert!(!roles.is_empty(), "{id}: no roles");
        let distinct: BTreeSet<Role> = roles.iter().copied().collect();
        assert_eq!(distinct.len(), roles.len(), "{id}: duplicate roles");
        // A role is only useful with its counterpart (or with `either`).
        assert_eq!(
            distinct.contains(&Role::Doing),
            distinct.contains(&Role::Receiving),
            "{id}: doing and receiving come as a pair"
        );
        assert_eq!(
            distinct.contains(&Role::Leading),
            distinct.contains(&Role::Following),
            "{id}: leading and following come as a pair"
        );
        if item.category == Category::Power {
            assert_eq!(
                roles,
                &[Role::Leading, Role::Following],
                "{id}: power items are led and followed"
            );
        }
    }
}

#[test]
fn descriptions_use_gender_neutral_words() {
    const GENDERED: [&str; 16] = [
        "he",
        "she",
        "him",
        "his",
        "her",
        "hers",
        "man",
        "men",
        "woman",
        "women",
        "boyfriend",
        "girlfriend",
        "husband",
        "wife",
        "guy",
        "girl",
    ];
    for item in all() {
        for text in [item.title, item.description] {
            for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
                let word = word.to_ascii_lowercase();
                assert!(
                    !GENDERED.contains(&word.as_str()),
                    "{}: gendered word {word:?}",
                    item.id
                );
            }
        }
    }
}

#[test]
fn every_intensity_level_is_used() {
    let count = |level: u8| all().iter().filter(|i| i.intensity == level).count();
    for level in 1..=4 {
        assert!(count(level) > 0, "no item has intensity {level}");
    }
    // Most of the catalog is gentle to moderate; intense items are the exception.
    assert!(
        count(4) * 5 < all().len(),
        "too many intensity-4 items: {}",
        count(4)
    );
}

/// The snapshot of every id the catalog has ever shipped, one per line, sorted.
fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/catalog-ids.txt")
}

#[test]
fn catalog_ids_are_stable() {
    let path = snapshot_path();
    let current: BTreeSet<&str> = all().iter().map(|i| i.id).collect();
    if !path.exists() {
        // First run: record the ids. Commit the file; from then on ids may only be added.
        std::fs::create_dir_all(path.parent().expect("the snapshot has a folder"))
            .expect("create tests/data");
        let text: String = current.iter().map(|id| format!("{id}\n")).collect();
        std::fs::write(&path, text).expect("write the id snapshot");
        return;
    }
    let text = std::fs::read_to_string(&path).expect("read the id snapshot");
    let missing: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !current.contains(l))
        .collect();
    assert!(
        missing.is_empty(),
        "catalog ids are stable forever, but these are gone from the catalog: {missing:?}"
    );
}
