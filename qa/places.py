"""Chinese place names: the administrative divisions (province, city, district, county) of the
``cpca`` package's data table, with and without their suffix (北京市 and 北京, 松江区 and 松江).

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
    return frozenset(names)


def is_place(word: str) -> bool:
    """True when ``word`` is the name of a Chinese administrative division.

    >>> is_place("深圳"), is_place("东西"), is_place("沾边")
    (True, False, False)
    """
    return word in place_names()
