"""The facility registry and gazetteer: the shipped files load, resolve and pass their consistency check."""

import subprocess
import sys
from pathlib import Path

from nlp.registry import load_registry, town_forms

ROOT = Path(__file__).resolve().parents[1]


def test_registry_loads_seed_and_extensions_with_provinces():
    reg = load_registry()
    assert len(reg.facilities) >= 500
    provinces = {r.name for r in reg.regions if r.kind == "province"}
    assert len(provinces) == 38
    assert all(f.province in provinces for f in reg.facilities)
    lapas = reg.lookup_facility("lapas", "Banyuwangi")
    assert lapas is not None and lapas.province == "Jawa Timur"
    assert reg.province_of("Jatim") == "Jawa Timur"


def test_town_forms_strip_kind_and_specialty_words():
    assert town_forms("Manado", ["Lapas Narkotika Tuminting", "Tuminting"]) == ["Manado", "Tuminting", "Tuminting"]


def test_check_script_passes_on_the_shipped_files():
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_registry.py")], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
