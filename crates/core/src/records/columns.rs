//! How a record's fields are stored: each field is declared once, in the record's struct, with
//! the codec that writes and reads its column (see `record!`). The store builds its SQL from the
//! generated column list, so a new column is one field line and one migration.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite};

use super::{from_json, tidy_list, to_json, Query};
use crate::error::CoreResult;

/// A choice stored as its snake_case name (every `choice!` list).
pub trait StoredChoice: Copy + Send + Sync + 'static {
    /// The stored name.
    fn stored(self) -> &'static str;
    /// Reads a stored name, refusing unknown ones as damaged data.
    fn read_stored(text: &str) -> CoreResult<Self>;
}

/// Reads one column as it is.
fn get<'r, T>(row: &'r SqliteRow, column: &str) -> CoreResult<T>
where
    T: sqlx::Decode<'r, Sqlite> + sqlx::Type<Sqlite>,
{
    Ok(row.try_get(column)?)
}

/// Numbers, flags and text kept exactly as given.
pub mod value {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use super::*;

    /// Binds the value.
    pub fn bind<'q, T>(query: Query<'q>, value: &'q T) -> Query<'q>
    where
        T: sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite> + Sync,
    {
        query.bind(value)
    }

    /// Reads the value.
    pub fn read<'r, T>(row: &'r SqliteRow, column: &str) -> CoreResult<T>
    where
        T: sqlx::Decode<'r, Sqlite> + sqlx::Type<Sqlite>,
    {
        get(row, column)
    }
}

/// Short text stored without leading or trailing spaces.
pub mod trimmed {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use super::*;

    /// Binds the text, trimmed.
    pub fn bind<'q>(query: Query<'q>, value: &'q str) -> Query<'q> {
        query.bind(value.trim())
    }

    /// Reads the text.
    pub fn read(row: &SqliteRow, column: &str) -> CoreResult<String> {
        get(row, column)
    }
}

/// Optional text (dates, times): `NULL` when absent.
pub mod optional_text {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use super::*;

    /// Binds the text or `NULL`.
    pub fn bind<'q>(query: Query<'q>, value: &'q Option<String>) -> Query<'q> {
        query.bind(value.as_deref())
    }

    /// Reads the text or `None`.
    pub fn read(row: &SqliteRow, column: &str) -> CoreResult<Option<String>> {
        get(row, column)
    }
}

/// One of a fixed list of choices, stored by name.
pub mod choice {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use super::*;

    /// Binds the choice's name.
    pub fn bind<'q, C: StoredChoice>(query: Query<'q>, value: &C) -> Query<'q> {
        query.bind(value.stored())
    }

    /// Reads a choice by name.
    pub fn read<C: StoredChoice>(row: &SqliteRow, column: &str) -> CoreResult<C> {
        C::read_stored(get(row, column)?)
    }
}

/// An optional choice: `NULL` when not chosen.
pub mod optional_choice {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use super::*;

    /// Binds the choice's name or `NULL`.
    pub fn bind<'q, C: StoredChoice>(query: Query<'q>, value: &Option<C>) -> Query<'q> {
        query.bind(value.map(C::stored))
    }

    /// Reads an optional choice by name.
    pub fn read<C: StoredChoice>(row: &SqliteRow, column: &str) -> CoreResult<Option<C>> {
        let text: Option<&str> = get(row, column)?;
        text.map(C::read_stored).transpose()
    }
}

/// Structured values (lists, maps, small objects) stored as JSON text.
pub mod json {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    use super::*;

    /// Binds the value as JSON.
    pub fn bind<'q, T: Serialize>(query: Query<'q>, value: &T) -> Query<'q> {
        query.bind(to_json(value))
    }

    /// Reads JSON, refusing damaged text.
    pub fn read<T: DeserializeOwned>(row: &SqliteRow, column: &str) -> CoreResult<T> {
        from_json(get(row, column)?, &column.replace('_', " "))
    }
}

/// An optional structured value: JSON text or `NULL`.
pub mod optional_json {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    use super::*;

    /// Binds the value as JSON, or `NULL`.
    pub fn bind<'q, T: Serialize>(query: Query<'q>, value: &Option<T>) -> Query<'q> {
        query.bind(value.as_ref().map(to_json))
    }

    /// Reads JSON or `None`, refusing damaged text.
    pub fn read<T: DeserializeOwned>(row: &SqliteRow, column: &str) -> CoreResult<Option<T>> {
        let text: Option<&str> = get(row, column)?;
        text.map(|t| from_json(t, &column.replace('_', " ")))
            .transpose()
    }
}

/// A list of short texts (tags, agenda items), trimmed with blanks dropped, stored as JSON.
pub mod text_list {
    /// Kept in a column of the record's own table.
    pub const STORED: bool = true;
    use super::*;

    /// Binds the tidied list as JSON.
    pub fn bind<'q>(query: Query<'q>, value: &[String]) -> Query<'q> {
        query.bind(to_json(&tidy_list(value)))
    }

    /// Reads the list.
    pub fn read(row: &SqliteRow, column: &str) -> CoreResult<Vec<String>> {
        from_json(get(row, column)?, &column.replace('_', " "))
    }
}

/// Kept in a child table, not a column: written by the record's `save_children` and read by its
/// `load_children`; empty when the row is read.
pub mod child {
    use super::*;

    /// Not a column of the record's own table.
    pub const STORED: bool = false;

    /// Binds nothing.
    pub fn bind<'q, T>(query: Query<'q>, _value: &T) -> Query<'q> {
        query
    }

    /// Empty until the child rows are loaded.
    pub fn read<T: Default>(_row: &SqliteRow, _column: &str) -> CoreResult<T> {
        Ok(T::default())
    }
}

/// Declares a kind of record: its struct, with one line per field naming the codec that
/// stores it (a module above, such as `trimmed` or `choice`, `child` for fields kept in child
/// tables, or a module of the record's own), plus the columns the core works out from the
/// fields (`computed`, each a method of the same name). Generates the struct and its
/// [`super::Columns`], so the column list, the binding and the reading can never disagree.
///
/// ```ignore
/// record! {
///     /// A person.
///     pub struct Person {
///         /// Their name.
///         pub name: String => trimmed,
///     }
///     computed {}
/// }
/// ```
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident : $ty:ty => $codec:ident
            ),+ $(,)?
        }
        computed { $($computed:ident),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type,
        )]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)+
        }

        impl $crate::records::Columns for $name {
            fn columns() -> &'static [&'static str] {
                #[allow(unused_imports)]
                use $crate::records::columns::*;
                static COLUMNS: std::sync::LazyLock<Vec<&'static str>> =
                    std::sync::LazyLock::new(|| {
                        let mut columns = Vec::new();
                        $(if $codec::STORED { columns.push(stringify!($field)); })+
                        $(columns.push(stringify!($computed));)*
                        columns
                    });
                &COLUMNS
            }

            fn bind<'q>(&'q self, query: $crate::records::Query<'q>) -> $crate::records::Query<'q> {
                #[allow(unused_imports)]
                use $crate::records::columns::*;
                $(let query = $codec::bind(query, &self.$field);)+
                $(let query = query.bind(self.$computed());)*
                query
            }

            fn from_row(row: &sqlx::sqlite::SqliteRow) -> $crate::error::CoreResult<Self> {
                #[allow(unused_imports)]
                use $crate::records::columns::*;
                Ok($name {
                    $($field: $codec::read(row, stringify!($field))?,)+
                })
            }
        }
    };
}

pub(crate) use record;
