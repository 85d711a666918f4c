//! Styles as written: CSS-like `key:value` pairs from `classDef`, `style` and `linkStyle`.

/// Ordered `property: value` pairs, as Mermaid keeps them (later wins when rendered).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Style {
    pub properties: Vec<(String, String)>,
}

impl Style {
    /// The last value given for `key`, if any.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Appends every property of `other` (so `other` wins).
    pub fn extend(&mut self, other: &Style) {
        self.properties.extend(other.properties.iter().cloned());
    }

    pub fn is_empty(&self) -> bool {
        self.properties.is_empty()
    }
}

/// A `classDef NAME props` statement.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClassDef {
    pub name: String,
    pub style: Style,
}
