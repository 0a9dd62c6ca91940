"""The bundled dataset's datapackage.json is the package's schema plus the dataset's own properties, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

#: Properties a dataset adds to lsgmap's descriptor (the descriptor's "Properties of the dataset itself").
DATASET_OWN = {"lsgmap:root", "lsgmap:defaultDate"}
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "sormland" / "datapackage.json"


def _schema_path():
    try:
        from lsgmap.dataset.schema import DEFAULT_SCHEMA_PATH
    except ImportError:  # before lsgmap/dataset/ existed
        from lsgmap.schema import DEFAULT_SCHEMA_PATH
    return DEFAULT_SCHEMA_PATH


def test_the_bundled_datapackage_is_the_package_schema_plus_the_datasets_own_properties():
    schema_path = _schema_path()
    package = json.loads(schema_path.read_text(encoding="utf-8"))
    dataset = json.loads(BUNDLED.read_text(encoding="utf-8"))
    assert not DATASET_OWN & package.keys(), f"{schema_path} has a dataset's own property"
    assert dataset.keys() - package.keys() <= DATASET_OWN, f"{BUNDLED} adds {sorted(dataset.keys() - package.keys() - DATASET_OWN)}"
    shared = {key: value for key, value in dataset.items() if key not in DATASET_OWN}
    assert list(shared) == list(package), f"{BUNDLED}: keys in another order than {schema_path}"
    for key in package:
        assert shared.get(key) == package[key], f"{BUNDLED} differs from {schema_path} in {key!r}: copy the package's schema and keep {sorted(DATASET_OWN)}"
