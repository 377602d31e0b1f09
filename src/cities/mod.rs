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
