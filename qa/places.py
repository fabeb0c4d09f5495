"""Place names: the Chinese administrative divisions (province, city, district, county) of the
``cpca`` package's data table, with and without their suffix (北京市 and 北京, 松江区 and 松江),
and the countries and territories of ISO 3166-1 by their Chinese names (``pycountry``'s
translations: 日本, 越南, 新加坡).

A question about a place the documents never mention is not answered by them; which words are
places is the gazetteer's call, not the tagger's (jieba tags 东西 and 沾边 as places).
"""

from __future__ import annotations

import csv
import importlib.util
from functools import lru_cache
from pathlib import Path

_SUFFIXES = ("特别行政区", "自治区", "自治州", "新区", "省", "市", "区", "县", "州", "盟", "旗")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every division name of the table, and each without its suffix when two or more
    characters are left. Empty when the table is not installed.

    >>> {"北京", "北京市", "松江区", "松江"} <= place_names()
    True
    """
    spec = importlib.util.find_spec("cpca")   # read the data file; the package's import needs setuptools
    if spec is None or spec.origin is None:
        return frozenset()
    table = Path(spec.origin).parent / "resources" / "adcodes.csv"
    names: set[str] = set()
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].strip()
            names.add(name)
            for suffix in _SUFFIXES:
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    names.add(name[: -len(suffix)])
                    break
    return frozenset(names | country_names())


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The Chinese names (zh_CN) of the ISO 3166-1 countries and territories, official and
    common (越南, 美国). Empty when ``pycountry`` or its translations are not installed.

    >>> {"日本", "越南", "新加坡", "泰国"} <= country_names() or not country_names()
    True
    """
    try:
        import gettext

        import pycountry

        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except (ImportError, OSError):
        return frozenset()
    names = set()
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            chinese = translation.gettext(name)
            if chinese != name and len(chinese) >= 2:
                names.add(chinese)
    return frozenset(names)


def is_place(word: str) -> bool:
    """True when ``word`` is the name of a Chinese administrative division or of a country.

    >>> is_place("深圳"), is_place("东西"), is_place("沾边")
    (True, False, False)
    """
    return word in place_names()
