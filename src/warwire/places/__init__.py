"""warwire.places: the bundled Syrian gazetteer.

`load_gazetteer()` is the one place that loads it; `Gazetteer.find` scans a sentence,
`Gazetteer.resolve` picks one entry with the article's provinces and places as context.
"""

from warwire.places.gazetteer import (
    Gazetteer,
    PlaceSpan,
    distance_km,
    load_gazetteer,
    unknown_place,
)
from warwire.places.geonames import import_geonames
from warwire.places.names import entry_key, fold_key

__all__ = [
    "Gazetteer",
    "PlaceSpan",
    "distance_km",
    "entry_key",
    "fold_key",
    "import_geonames",
    "load_gazetteer",
    "unknown_place",
]
