//! One module per city, each opening with the document it implements.

use crate::rules::City;

mod changzhou;
mod jincheng;
mod lianyungang;
mod nantong;
mod rizhao;

/// Every city, in the order the catalog lists them.
pub(crate) static CITIES: [&City; 5] = [&changzhou::CITY, &jincheng::CITY, &lianyungang::CITY, &rizhao::CITY, &nantong::CITY];

pub(crate) fn find(id: &str) -> Option<&'static City> {
    CITIES.iter().copied().find(|c| c.id == id)
}

/// Is `key` an input of some care mode of some city?
pub(crate) fn is_mode_input(key: &str) -> bool {
    CITIES.iter().flat_map(|c| c.modes).flat_map(|m| m.inputs).any(|i| i.key == key)
}
