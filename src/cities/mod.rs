//! One module per city, each opening with the document it implements.

use crate::error::{list, Error, ErrorCode};
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

/// The city of `id`, or `unknown_city`.
pub(crate) fn find_or_error(id: &str) -> Result<&'static City, Error> {
    find(id).ok_or_else(|| unknown_city(id))
}

pub(crate) fn unknown_city(id: &str) -> Error {
    let known = list(CITIES.iter().map(|c| c.id));
    let id = crate::error::echo(id);
    Error::at(
        ErrorCode::UnknownCity,
        "city",
        format!("不支持的城市“{id}”；可选：{known}"),
        format!("unknown city \"{id}\"; expected one of: {known}"),
    )
}
